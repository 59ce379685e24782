"""The scorer interface every model sits behind (quick screen, detoxify)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass

LabelScores = dict[str, float]


@dataclass(frozen=True)
class ModelIdentity:
    """Who produced a score. (name, checksum) is the key scores are stored under."""

    name: str
    family: str
    checksum: str  # sha256 (hex) of the weights
    source: str  # where the weights came from, with a version
    labels: tuple[str, ...]
    main_label: str

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "family": self.family, "checksum": self.checksum,
                "source": self.source, "labels": list(self.labels), "main_label": self.main_label}


class Scorer(ABC):
    """Scores texts; holds no database state, so it can run on any worker thread.

    The scoring loop reads a window of comments, asks `batches` how to group them
    (a scorer may sort by length to cut padding), and calls `score` per group, writing
    each group's scores as it lands.
    """

    identity: ModelIdentity
    window: int = 2000  # comments the loop reads at a time
    note: str | None = None  # a sentence on how it was set up (the fast mode chosen, say), for the user

    @property
    def labels(self) -> tuple[str, ...]:
        return self.identity.labels

    @property
    def main_label(self) -> str:
        return self.identity.main_label

    def ready(self) -> Scorer:
        """This scorer, loaded (one loading elsewhere waits, and raises what its loading raised)."""
        return self

    def batches(self, texts: Sequence[str]) -> list[list[int]]:
        """Index groups to score together; by default the whole window at once."""
        return [list(range(len(texts)))] if texts else []

    @abstractmethod
    def score(self, texts: Sequence[str]) -> list[LabelScores]:
        """One label -> probability dict per text, in the order given."""
