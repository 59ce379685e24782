"""Model packs bundled with the installed app, offered to every user's data folder.

A pack put in `packaging/models/` before building is verified at build time with the
app's own installer (`moderator models install`) and shipped, installed and verified,
in the bundle's `models/<name>/` folder (read-only, e.g. under /opt on Linux).

The app's registry only knows the user's models folder (`<home>/models/`), so the
frozen entry point calls `provision()` whenever the app prepares a data folder
(`AppPaths.ensure`, which the GUI, the CLI and `--self-test` all call first):

- each bundled pack not yet offered to this data folder is *linked* into it: a real
  folder `<home>/models/<name>/` whose `manifest.json`, `model.ckpt` and `config`
  are symbolic links into the bundle (hundreds of MB are never copied per user; the
  app writes its small `hub/` alias folder beside them). Where links cannot be made
  (Windows without the privilege), the files are copied.
- if this data folder has never chosen a model (no `active.json`), the first bundled
  pack becomes the active one: the installed app scores with it by default.
- each pack is offered once per data folder (recorded in `.bundled.json`): a user who
  removes it (`moderator models remove NAME`) or chooses another model keeps that choice.
- `--self-test` checks "this installation's models": the user's packs plus the bundled
  ones, through a temporary folder of links (the user's data folder is not changed).

Because the links point into the bundle, a package upgrade that ships a retrained pack
under the same name changes manifest and weights together (a new model identity, so its
scores never mix with the old); after the package is removed, the links dangle and the
registry falls back to the quick screen.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

MANIFEST, ACTIVE, OFFERED = "manifest.json", "active.json", ".bundled.json"
BUNDLED_ENV = "MODERATOR_BUNDLED_MODELS"  # for tests of this module outside a bundle


def bundled_dir() -> Path | None:
    if os.environ.get(BUNDLED_ENV):
        return Path(os.environ[BUNDLED_ENV])
    if getattr(sys, "frozen", False):
        return Path(sys._MEIPASS) / "models"  # noqa: SLF001 - PyInstaller's bundle folder
    return None


def bundled_packs(folder: Path | None = None) -> list[Path]:
    folder = folder if folder is not None else bundled_dir()
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if (p / MANIFEST).is_file() and not p.name.startswith("."))


def provision(models_dir: Path, folder: Path | None = None) -> list[str]:
    """Offer the bundled packs to one models folder; returns the names newly linked."""
    packs = bundled_packs(folder)
    if not packs:
        return []
    models_dir.mkdir(parents=True, exist_ok=True)
    offered = _read_offered(models_dir)
    linked = []
    for pack in packs:
        if pack.name in offered:
            continue
        target = models_dir / pack.name
        if not target.exists() and not target.is_symlink():  # never touch a folder the user has
            _link_pack(pack, target)
            linked.append(pack.name)
        offered.append(pack.name)
        if not (models_dir / ACTIVE).exists():
            _write_json(models_dir / ACTIVE, {"name": pack.name})
    _write_json(models_dir / OFFERED, {"offered": offered})
    return linked


def _link_pack(pack: Path, target: Path) -> None:
    manifest = json.loads((pack / MANIFEST).read_text(encoding="utf-8"))
    staging = target.with_name(f".linking-{target.name}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    for name in (MANIFEST, manifest.get("checkpoint", "model.ckpt"), manifest.get("config", "config")):
        source = pack / name
        try:
            os.symlink(source, staging / name, target_is_directory=source.is_dir())
        except OSError:  # no symlink privilege (Windows): copy instead
            (shutil.copytree if source.is_dir() else shutil.copyfile)(source, staging / name)
    os.replace(staging, target)


def _read_offered(models_dir: Path) -> list[str]:
    try:
        return list(json.loads((models_dir / OFFERED).read_text(encoding="utf-8"))["offered"])
    except (OSError, ValueError, KeyError, TypeError):
        return []


def _write_json(path: Path, data: dict) -> None:
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(data) + "\n", encoding="utf-8")
    os.replace(partial, path)


def self_test_models(models_dir: Path, overlay: Path) -> Path:
    """The models `--self-test` checks: the user's installed packs plus the bundled ones,
    as links in a temporary folder, so the self-test scores with the bundled pack even
    before the user's data folder was ever prepared, and changes nothing of the user's."""
    overlay.mkdir(parents=True, exist_ok=True)
    if models_dir.is_dir():
        for item in models_dir.iterdir():
            if item.name.startswith("."):
                continue
            if (item / MANIFEST).is_file():
                os.symlink(item.resolve(), overlay / item.name, target_is_directory=True)
            elif item.name == ACTIVE:
                shutil.copyfile(item, overlay / ACTIVE)
        offered = _read_offered(models_dir)
        if offered:
            _write_json(overlay / OFFERED, {"offered": offered})
    provision(overlay)
    return overlay


def install_hook() -> None:
    """Provision bundled packs into every data folder the app prepares, and let
    `--self-test` check them."""
    if not bundled_packs():
        return
    from moderator.config import AppPaths

    if "--self-test" in sys.argv[1:]:  # only then: importing the self-test loads Qt offscreen
        import tempfile

        from moderator.gui import selftest

        run_self_test = selftest.run_self_test

        def run_with_bundled(models_dir: Path, *args, **kwargs) -> int:
            with tempfile.TemporaryDirectory(prefix="moderator-self-test-models-") as overlay:
                try:
                    checked = self_test_models(models_dir, Path(overlay))
                except OSError:  # no symlinks (Windows without the privilege): the user's models only
                    checked = models_dir
                return run_self_test(checked, *args, **kwargs)

        selftest.run_self_test = run_with_bundled

    original = AppPaths.ensure

    def ensure(self: AppPaths) -> None:
        original(self)
        try:
            provision(self.models)
        except OSError as error:  # never keep the app from starting; it falls back to the quick screen
            print(f"moderator: the bundled model could not be set up in {self.models} ({error})", file=sys.stderr)

    AppPaths.ensure = ensure
