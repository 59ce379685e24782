"""Which models are installed, which one is active, and loading a scorer by name.

The active model's name is kept in `active.json` in the models folder. With none
chosen (or the chosen one removed) the built-in quick screen is active.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from moderator.errors import ModeratorError
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence
from moderator.scoring.base import ModelIdentity, Scorer
from moderator.scoring.detox import AUTO
from moderator.scoring.packs import installed_packs, pack_folder, read_manifest, remove_pack
from moderator.scoring.quick import QUICK_SCREEN, quick_identity

ACTIVE_FILE = "active.json"


@dataclass(frozen=True)
class ModelInfo:
    identity: ModelIdentity
    active: bool

    @property
    def builtin(self) -> bool:
        return self.identity.name == QUICK_SCREEN

    def as_json(self) -> dict[str, object]:
        return self.identity.as_json() | {"active": self.active, "builtin": self.builtin}


def active_model(models_dir: Path) -> str:
    name = _chosen(models_dir)
    installed = name == QUICK_SCREEN or (models_dir / name / "manifest.json").is_file()
    return name if installed else QUICK_SCREEN


def _chosen(models_dir: Path) -> str:
    try:
        return str(json.loads((models_dir / ACTIVE_FILE).read_text(encoding="utf-8"))["name"])
    except (OSError, ValueError, KeyError, TypeError):
        return QUICK_SCREEN


def use_model(models_dir: Path, name: str) -> ModelIdentity:
    """Make `name` the active model (checked first); returns its identity."""
    identity = model_identity(models_dir, name)
    models_dir.mkdir(parents=True, exist_ok=True)
    partial = models_dir / (ACTIVE_FILE + ".part")
    partial.write_text(json.dumps({"name": name}) + "\n", encoding="utf-8")
    os.replace(partial, models_dir / ACTIVE_FILE)  # never a half-written choice
    return identity


def model_identity(models_dir: Path, name: str | None = None) -> ModelIdentity:
    """The identity of `name` (default: the active model) without loading any weights."""
    name = name or active_model(models_dir)
    if name == QUICK_SCREEN:
        return quick_identity()
    return read_manifest(pack_folder(models_dir, name)).identity()


def window_for(identity: ModelIdentity) -> int:
    """How many comments the model's scorer reads at a time, known before it is loaded."""
    if identity.name == QUICK_SCREEN:
        from moderator.scoring.quick import QuickScreen

        return QuickScreen.window
    from moderator.scoring.detox import DetoxifyScorer

    return DetoxifyScorer.window


def list_models(models_dir: Path) -> list[ModelInfo]:
    active = active_model(models_dir)
    identities = [quick_identity()] + [m.identity() for m in installed_packs(models_dir)]
    return [ModelInfo(identity, identity.name == active) for identity in identities]


def remove_model(models_dir: Path, name: str) -> None:
    """Delete an installed pack; if it was active, the quick screen takes over."""
    if name == QUICK_SCREEN:
        raise ModeratorError(Sentence(QT_TRANSLATE_NOOP("errors", "The quick screen is built in and cannot be removed.")))
    remove_pack(models_dir, name)
    if _chosen(models_dir) == name:
        (models_dir / ACTIVE_FILE).unlink(missing_ok=True)  # a reinstall must not silently reactivate it


def start_loading(models_dir: Path, name: str | None = None, fast: str | None = None) -> Scorer:
    """A detoxify model loading on a thread (seconds) while its first comments are read: its
    identity is known from its pack. The quick screen, and `--fast auto` (whose identity
    depends on what it measures), are loaded at once."""
    name = name or active_model(models_dir)
    if name == QUICK_SCREEN or fast == AUTO:
        return load_scorer(models_dir, name, fast)
    from moderator.scoring.detox import DetoxifyScorer, check_fast, mode_identity
    from moderator.scoring.runner import ScorerLoading

    identity = mode_identity(model_identity(models_dir, name), check_fast(fast))
    return ScorerLoading(identity, DetoxifyScorer.window, lambda: load_scorer(models_dir, name, fast))


def load_scorer(models_dir: Path, name: str | None = None, fast: str | None = None) -> Scorer:
    """Load a model for scoring. Slow for detoxify models (seconds): call it on a worker."""
    name = name or active_model(models_dir)
    if name == QUICK_SCREEN:
        if fast:
            raise ModeratorError(Sentence(QT_TRANSLATE_NOOP("errors", "The quick screen has no fast mode; it is fast already.")))
        from moderator.scoring.quick import QuickScreen

        return QuickScreen()
    if fast == AUTO:
        from moderator.scoring.fastmode import auto_scorer

        return auto_scorer(pack_folder(models_dir, name))
    from moderator.scoring.detox import DetoxifyScorer

    return DetoxifyScorer(pack_folder(models_dir, name), fast=fast)
