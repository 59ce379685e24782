"""The bundled-model hook of the frozen app (packaging/bundled_models.py), on fake packs.

Run: .venv/bin/pytest packaging/tests  (the frozen bundle itself: packaging/verify-bundle.sh)
"""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from moderator.config import AppPaths, resolve_paths  # noqa: E402
from moderator.scoring.registry import active_model, list_models, remove_model, use_model  # noqa: E402

import bundled_models  # noqa: E402

LABELS = ["toxicity", "severe_toxicity", "obscene", "threat", "insult", "identity_attack"]


def fake_pack(bundle: Path, name: str = "original", checksum: str = "ab" * 32) -> Path:
    pack = bundle / name
    (pack / "config").mkdir(parents=True)
    (pack / "config" / "config.json").write_text("{}")
    (pack / "model.ckpt").write_bytes(b"weights")
    manifest = {"name": name, "family": "bert", "base_model": "bert-base-uncased", "labels": LABELS,
                "main_label": "toxicity", "checksum": checksum, "source": "test", "checkpoint": "model.ckpt",
                "config": "config", "format": 1}
    (pack / "manifest.json").write_text(json.dumps(manifest))
    return pack


@pytest.fixture
def bundle(tmp_path):
    folder = tmp_path / "bundle" / "models"
    fake_pack(folder)
    return folder


def test_a_new_data_folder_gets_the_bundled_pack_linked_and_active(tmp_path, bundle):
    models = tmp_path / "home" / "models"
    assert bundled_models.provision(models, bundle) == ["original"]
    assert (models / "original" / "model.ckpt").is_symlink()
    assert (models / "original" / "model.ckpt").resolve() == (bundle / "original" / "model.ckpt").resolve()
    assert active_model(models) == "original"
    assert [m.identity.name for m in list_models(models) if m.active] == ["original"]


def test_offered_once_a_removed_pack_stays_removed_and_the_bundle_is_untouched(tmp_path, bundle):
    models = tmp_path / "home" / "models"
    bundled_models.provision(models, bundle)
    remove_model(models, "original")
    assert (bundle / "original" / "model.ckpt").read_bytes() == b"weights"
    assert bundled_models.provision(models, bundle) == []
    assert not (models / "original").exists()
    assert active_model(models) == "quick-screen"


def test_a_users_choice_is_kept(tmp_path, bundle):
    models = tmp_path / "home" / "models"
    models.mkdir(parents=True)
    use_model(models, "quick-screen")
    assert bundled_models.provision(models, bundle) == ["original"]
    assert active_model(models) == "quick-screen"


def test_a_folder_of_the_same_name_is_never_replaced(tmp_path, bundle):
    models = tmp_path / "home" / "models"
    own = fake_pack(models, "original", checksum="cd" * 32)
    assert bundled_models.provision(models, bundle) == []
    assert not (own / "model.ckpt").is_symlink()


def test_after_the_package_is_removed_the_quick_screen_takes_over(tmp_path, bundle):
    models = tmp_path / "home" / "models"
    bundled_models.provision(models, bundle)
    import shutil

    shutil.rmtree(bundle)
    assert active_model(models) == "quick-screen"
    assert [m.identity.name for m in list_models(models)] == ["quick-screen"]


def test_an_upgraded_pack_is_a_new_identity(tmp_path, bundle):
    models = tmp_path / "home" / "models"
    bundled_models.provision(models, bundle)
    manifest = json.loads((bundle / "original" / "manifest.json").read_text())
    (bundle / "original" / "manifest.json").write_text(json.dumps(manifest | {"checksum": "ef" * 32}))
    assert [m.identity.checksum for m in list_models(models) if m.active] == ["ef" * 32]


def test_the_hook_provisions_every_data_folder_the_app_prepares(tmp_path, bundle, monkeypatch):
    monkeypatch.setenv(bundled_models.BUNDLED_ENV, str(bundle))
    monkeypatch.setattr(AppPaths, "ensure", AppPaths.ensure)  # restored after the test
    bundled_models.install_hook()
    paths = resolve_paths(str(tmp_path / "profile"))
    paths.ensure()
    assert active_model(paths.models) == "original"


def test_no_bundle_no_change(tmp_path, monkeypatch):
    monkeypatch.delenv(bundled_models.BUNDLED_ENV, raising=False)
    original = AppPaths.ensure
    bundled_models.install_hook()
    assert AppPaths.ensure is original
    assert bundled_models.provision(tmp_path / "models", tmp_path / "nothing") == []


def test_the_self_test_sees_the_users_packs_and_the_bundled_ones_and_changes_nothing(tmp_path, bundle, monkeypatch):
    monkeypatch.setenv(bundled_models.BUNDLED_ENV, str(bundle))
    models = tmp_path / "home" / "models"
    fake_pack(models, "mine", checksum="12" * 32)
    before = sorted(p.name for p in models.iterdir())
    overlay = bundled_models.self_test_models(models, tmp_path / "overlay")
    assert sorted(m.identity.name for m in list_models(overlay)) == ["mine", "original", "quick-screen"]
    assert sorted(p.name for p in models.iterdir()) == before
    import shutil

    shutil.rmtree(overlay)
    assert (models / "mine" / "model.ckpt").read_bytes() == b"weights"
    assert (bundle / "original" / "model.ckpt").read_bytes() == b"weights"


def test_the_self_test_hook_only_with_the_option(tmp_path, bundle, monkeypatch):
    from moderator.gui import selftest

    monkeypatch.setenv(bundled_models.BUNDLED_ENV, str(bundle))
    monkeypatch.setattr(AppPaths, "ensure", AppPaths.ensure)
    monkeypatch.setattr(selftest, "run_self_test", selftest.run_self_test)
    original = selftest.run_self_test
    monkeypatch.setattr(sys, "argv", ["moderator"])
    bundled_models.install_hook()
    assert selftest.run_self_test is original
    monkeypatch.setattr(sys, "argv", ["moderator", "--self-test"])
    bundled_models.install_hook()
    assert selftest.run_self_test is not original
