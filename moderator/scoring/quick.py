"""The built-in quick screen: alt-profanity-check's bundled linear model (English).

It ships inside the Python package, so it works out of the box with no download, and
scores thousands of comments a second. Its one label is "offensive".
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata, util
from pathlib import Path

from moderator.scoring.base import LabelScores, ModelIdentity, Scorer
from moderator.scoring.disguises import scored_undisguised

QUICK_SCREEN = "quick-screen"
OFFENSIVE = "offensive"
PACKAGE, DISTRIBUTION = "profanity_check", "alt-profanity-check"
DATA_FILES = ("vectorizer.joblib", "model.joblib")


@lru_cache(maxsize=1)
def quick_identity() -> ModelIdentity:
    """Named after the package version and hashed over its model files, so an upgrade
    that retrains the model is a new identity (its scores never mix with the old).

    Cheap: it reads the files without importing the package, which would load
    scikit-learn (about 0.7 s, before the window's first paint)."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update((_package_folder() / "data" / name).read_bytes())
    version = metadata.version(DISTRIBUTION)
    return ModelIdentity(QUICK_SCREEN, "linear", digest.hexdigest(), f"{DISTRIBUTION} {version}",
                         (OFFENSIVE,), OFFENSIVE)


def _package_folder() -> Path:
    """Where profanity_check's files are (source tree, site-packages or frozen bundle).
    Finding a top-level package's spec does not import it."""
    spec = util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the quick screen's package {PACKAGE} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


class QuickScreen(Scorer):
    window = 2000  # 250 halved the end-to-end rate (per-window queries and commits)

    def __init__(self) -> None:
        # Importing the package loads scikit-learn and the model (about a second).
        import profanity_check

        self._predict_prob = profanity_check.predict_prob
        self.identity = quick_identity()

    def score(self, texts: Sequence[str]) -> list[LabelScores]:
        """Disguised comments also scored undisguised, keeping the higher (scoring/disguises.py)."""
        return scored_undisguised(self._score_as_written, texts)

    def _score_as_written(self, texts: Sequence[str]) -> list[LabelScores]:
        if not texts:
            return []
        return [{OFFENSIVE: float(p)} for p in self._predict_prob(list(texts))]
