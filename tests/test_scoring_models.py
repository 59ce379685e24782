"""Detoxify models from packs, with tiny checkpoints built here: install, offline
loading through detoxify's own loader, scoring, storage, and the models commands."""

import json
import os
import platform
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from moderator.errors import ModeratorError
from moderator.scoring.detox import Batching, DetoxifyScorer, bf16_is_native, fast_mode_refusal, int8_is_available
from moderator.scoring.packs import MANIFEST, build_pack, install_pack, read_manifest
from moderator.scoring.registry import active_model, load_scorer
from moderator.scoring.releases import RELEASES
from moderator.scoring.runner import score_pending
from moderator.scoring.store import count_unscored, register_model
from moderator.storage.models import Score
from tests.tinymodels import UNBIASED_CLASSES, build_tiny_model

TEXTS = ["You are an idiot, the troll", "Thanks, good article", "x " * 700, "", "Ça va? Non. 🙂"]
FAMILY_CLASSES = {"bert": None, "albert": None, "roberta": UNBIASED_CLASSES, "xlm-roberta": UNBIASED_CLASSES}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny")
    return {family: build_tiny_model(root / family, family, classes) for family, classes in FAMILY_CLASSES.items()}


@pytest.fixture
def no_network(monkeypatch):
    """Every way out refuses; the list records any attempt."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def _reference(model, tokenizer, texts):
    import torch

    with torch.no_grad():
        logits = model(**tokenizer(texts, return_tensors="pt", truncation=True, padding=True))[0]
    return torch.sigmoid(logits).numpy()


def test_released_checkpoints_fail_offline_without_the_fix(tiny, tmp_path, monkeypatch, no_network):
    """The trap: detoxify asks the hub for the base model's id even with a local config."""
    import detoxify
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "empty-cache"))
    model = tiny["bert"]
    with pytest.raises(OSError):
        detoxify.Detoxify(checkpoint=str(model.checkpoint), huggingface_config_path=str(model.config))


@pytest.mark.parametrize("family", list(FAMILY_CLASSES))
def test_pack_install_load_score_offline(family, tiny, tmp_path, paths, no_network):
    model = tiny[family]
    checkpoint_bytes = model.checkpoint.read_bytes()
    pack = build_pack(tmp_path / f"{family}.zip", model.checkpoint, model.config, f"tiny-{family}", "test")
    manifest = install_pack(paths.models, tmp_path / f"{family}.zip")
    assert manifest.labels == tuple(model.labels) and manifest.family == family and manifest == pack
    scorer = load_scorer(paths.models, manifest.name)
    rows = scorer.score(TEXTS)
    assert no_network == []  # loading and scoring opened no socket
    assert model.checkpoint.read_bytes() == checkpoint_bytes  # the user's checkpoint is untouched
    got = np.array([[row[label] for label in model.labels] for row in rows])
    assert np.allclose(got, _reference(model.model, scorer._tokenizer, TEXTS), atol=1e-5)
    assert scorer.main_label == "toxicity" and scorer.identity.checksum == manifest.checksum


def test_batched_scores_equal_detoxify_predict_one_by_one(tiny, paths, no_network):
    model = tiny["roberta"]
    install_pack(paths.models, model.checkpoint, model.config, name="tiny")
    scorer = DetoxifyScorer(paths.models / "tiny", batching=Batching(2, True))
    texts = TEXTS * 3
    batched = [None] * len(texts)
    for group in scorer.batches(texts):
        for index, row in zip(group, scorer.score([texts[i] for i in group])):
            batched[index] = row
    for text, row in zip(texts, batched):
        expected = scorer.loaded.detoxify.predict(text)
        assert all(abs(row[label] - expected[label]) < 1e-5 for label in model.labels)


def test_length_sorted_batches_group_like_lengths(tiny, paths):
    install_pack(paths.models, tiny["bert"].checkpoint, tiny["bert"].config, name="tiny")
    scorer = DetoxifyScorer(paths.models / "tiny", batching=Batching(2, True))
    texts = ["a " * 50, "a", "a " * 10, "a a", "a " * 200]
    assert scorer.batches(texts) == [[1, 3], [2, 0], [4]]
    unsorted = DetoxifyScorer(paths.models / "tiny", batching=Batching(2, False))
    assert unsorted.batches(texts) == [[0, 1], [2, 3], [4]]


def test_fast_modes_are_close_and_kept_apart(tiny, paths):
    install_pack(paths.models, tiny["bert"].checkpoint, tiny["bert"].config, name="tiny")
    exact = load_scorer(paths.models, "tiny").score(TEXTS)
    for mode in ("bf16", "int8") if bf16_is_native() else ("int8",):  # else refused: the next tests
        fast = load_scorer(paths.models, "tiny", fast=mode)
        assert fast.identity.name == f"tiny@{mode}"  # its scores never mix with the exact ones
        diffs = [abs(a[k] - b[k]) for a, b in zip(exact, fast.score(TEXTS)) for k in a]
        assert max(diffs) < 0.05


def cpu_flags() -> set[str]:
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        return set(next(line for line in info if line.startswith("flags")).split(":", 1)[1].split())


@pytest.mark.skipif(platform.machine() != "x86_64" or not Path("/proc/cpuinfo").exists(), reason="x86 Linux's CPU flags")
def test_bf16_counts_as_native_exactly_where_the_cpu_has_avx512():
    """torch multiplies bf16 with AVX-512 (natively, or emulated but still faster than
    fp32); without it, 500 times slower than fp32."""
    flags = cpu_flags()
    assert bf16_is_native() == ({"avx512f", "avx512bw", "avx512vl", "avx512dq"} <= flags)


def test_bf16_is_refused_with_advice_where_the_processor_would_emulate_it(tiny, paths):
    """The real command, with torch held to AVX2 as on an AVX2-only processor."""
    install_pack(paths.models, tiny["bert"].checkpoint, tiny["bert"].config, name="tiny")
    command = [sys.executable, "-m", "moderator", "--home", str(paths.home), "score", "--model", "tiny", "--fast"]
    env = {**os.environ, "ATEN_CPU_CAPABILITY": "avx2"}
    refused = subprocess.run([*command, "bf16"], env=env, capture_output=True, text=True, timeout=120)
    assert refused.returncode != 0 and "no bf16 arithmetic" in refused.stderr and "--fast int8" in refused.stderr
    assert "Traceback" not in refused.stderr
    [said] = refused.stderr.strip().splitlines()  # one sentence, found by torch's own detection of the CPU
    assert said.count(". ") == 0 and said.endswith("mode.")
    scored = subprocess.run([*command, "int8", "--json"], env=env, capture_output=True, text=True, timeout=120)
    assert scored.returncode == 0, scored.stderr
    assert json.loads(scored.stdout.splitlines()[-1])["model"] == "tiny@int8"


def test_int8_is_refused_in_one_sentence_where_torch_has_no_int8_engine():
    """torch builds for some processors carry no quantised engine (injected here: this CPU has one)."""
    assert int8_is_available(["none", "x86", "fbgemm"]) and not int8_is_available(["none"])
    said = fast_mode_refusal("int8", int8=lambda: False)
    assert said is not None and "no int8 engine" in said and said.count(". ") == 0 and said.endswith(".")
    assert fast_mode_refusal("int8", int8=lambda: True) is None and fast_mode_refusal(None) is None
    assert fast_mode_refusal("int8") is None  # the real detection, on this CPU


def test_scoring_a_database_stores_the_model_labels(tiny, demo_db, paths, no_network):
    install_pack(paths.models, tiny["albert"].checkpoint, tiny["albert"].config, name="tiny-albert")
    scorer = load_scorer(paths.models, "tiny-albert")
    progress = score_pending(demo_db.sessions, scorer)
    assert progress.scored == 54 and no_network == []
    with demo_db.sessions() as session:
        rows = session.execute(select(Score.main, Score.label_scores)).all()
    assert len(rows) == 54
    assert all(list(scores) == tiny["albert"].labels and main == scores["toxicity"] for main, scores in rows)


def test_cancel_and_resume_with_a_detoxify_model(tiny, demo_db, paths):
    install_pack(paths.models, tiny["bert"].checkpoint, tiny["bert"].config, name="tiny")
    scorer = DetoxifyScorer(paths.models / "tiny", batching=Batching(8, True))
    batches = []
    first = score_pending(demo_db.sessions, scorer, on_progress=batches.append, should_stop=lambda: len(batches) >= 3)
    assert first.cancelled and first.scored == 24
    assert score_pending(demo_db.sessions, scorer).scored == 30


def test_a_new_checksum_under_the_same_name_starts_unscored(tiny, demo_db, paths, tmp_path):
    install_pack(paths.models, tiny["bert"].checkpoint, tiny["bert"].config, name="tiny")
    score_pending(demo_db.sessions, load_scorer(paths.models, "tiny"))
    retrained = build_tiny_model(tmp_path / "retrained", "bert", seed=1)
    with pytest.raises(ModeratorError, match="remove it first"):
        install_pack(paths.models, retrained.checkpoint, retrained.config, name="tiny")
    (paths.models / "tiny" / MANIFEST).unlink()  # as `models remove` would, minus the folder
    install_pack(paths.models, retrained.checkpoint, retrained.config, name="tiny-v2")
    with demo_db.sessions() as session:
        new_id = register_model(session, load_scorer(paths.models, "tiny-v2").identity)
        session.commit()
        assert count_unscored(session, new_id) == 54


def test_damaged_pack_is_refused_and_nothing_installed(tiny, tmp_path, paths):
    build_pack(tmp_path / "good.zip", tiny["bert"].checkpoint, tiny["bert"].config, "tiny", "test")
    with zipfile.ZipFile(tmp_path / "good.zip") as good, zipfile.ZipFile(tmp_path / "bad.zip", "w") as bad:
        for item in good.infolist():
            data = good.read(item)
            bad.writestr(item, data[:-1] + bytes([data[-1] ^ 1]) if item.filename == "model.ckpt" else data)
    with pytest.raises(ModeratorError, match="sha256"):
        install_pack(paths.models, tmp_path / "bad.zip")
    assert [p.name for p in paths.models.iterdir()] == []


def test_folder_pack_and_bare_checkpoint_install(tiny, tmp_path, paths):
    build_pack(tmp_path / "p.zip", tiny["xlm-roberta"].checkpoint, tiny["xlm-roberta"].config, "multi", "test")
    with zipfile.ZipFile(tmp_path / "p.zip") as archive:
        archive.extractall(tmp_path / "folder" / "multi")  # a folder holding the pack folder
    assert install_pack(paths.models, tmp_path / "folder" / "multi").name == "multi"
    assert read_manifest(paths.models / "multi").family == "xlm-roberta"
    with pytest.raises(ModeratorError, match="config.json"):
        install_pack(paths.models, tiny["bert"].checkpoint, tmp_path, name="nope")
    with pytest.raises(ModeratorError, match="--config"):
        install_pack(paths.models, tiny["bert"].checkpoint)


def test_models_commands(tiny, cli, paths, tmp_path):
    model = tiny["bert"]
    code, out, err = cli("models", "install", str(model.checkpoint), "--config", str(model.config), "--name", "tiny")
    assert code == 0 and "Installed tiny" in out, err
    assert cli("models", "use", "tiny")[0] == 0 and active_model(paths.models) == "tiny"
    listed = json.loads(cli("models", "list", "--json")[1])
    assert [(m["name"], m["active"]) for m in listed] == [("quick-screen", False), ("tiny", True)]
    cli("demo")
    code, out, _ = cli("score", "--json")
    assert code == 0 and json.loads(out)["model"] == "tiny" and json.loads(out)["scored"] == 54
    code, out, _ = cli("models", "pack", "tiny", str(tmp_path / "tiny.zip"))
    assert code == 0 and (tmp_path / "tiny.zip").is_file()
    assert cli("models", "remove", "tiny")[0] == 0 and active_model(paths.models) == "quick-screen"
    assert cli("models", "install", str(tmp_path / "tiny.zip"))[0] == 0
    assert active_model(paths.models) == "quick-screen"  # a reinstall does not reactivate it
    code, _, err = cli("models", "use", "missing")
    assert code == 1 and "No model named 'missing'" in err


def test_download_fails_fast_without_network(cli, no_network):
    started = time.monotonic()
    code, _, err = cli("models", "download", "original")
    assert code == 1 and "cannot be reached" in err and "models install" in err
    assert time.monotonic() - started < 10


def test_release_table_matches_detoxify():
    import detoxify.detoxify

    assert {name: r.url for name, r in RELEASES.items()} == detoxify.detoxify.MODEL_URLS
