"""Checking a model against labelled comments before trusting it.

Reads a CSV in the Jigsaw layout (`comment_text` and one 0/1 column per label; the
"unbiased" layout's fractions count as positive from 0.5) and reports, per label the
model shares with the file, the ROC AUC and the confusion at each threshold: the same
table as the calibration from past decisions (moderator/insight/calibration.py).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from moderator.errors import FileFormatError, ModeratorError
from moderator.insight.calibration import LabelReport, curve, label_report
from moderator.scoring.base import Scorer
from moderator.scoring.checkpoint import STANDARD_LABELS
from moderator.scoring.quick import OFFENSIVE

TEXT_COLUMN = "comment_text"
NOT_LABELS = {"id", TEXT_COLUMN}
# A model label without a column of its own is checked against the nearest one.
STAND_INS = {OFFENSIVE: "toxicity"}


def read_labelled_csv(path: Path) -> tuple[list[str], dict[str, np.ndarray]]:
    """Texts and, per (standardised) label column, a 0/1 array."""
    with path.open(newline="", encoding="utf-8") as stream:
        reader = csv.DictReader(stream)
        columns = [c for c in reader.fieldnames or () if c not in NOT_LABELS]
        if TEXT_COLUMN not in (reader.fieldnames or ()):
            raise FileFormatError(str(path), 1, f"no '{TEXT_COLUMN}' column (the Jigsaw layout is expected)")
        rows = list(reader)
    texts = [row[TEXT_COLUMN] or "" for row in rows]
    try:
        truth = {STANDARD_LABELS.get(c, c): np.array([float(row[c]) >= 0.5 for row in rows]) for c in columns}
    except (TypeError, ValueError):
        raise FileFormatError(str(path), None, "label columns must hold numbers (0 or 1)") from None
    return texts, truth


def evaluate(scorer: Scorer, path: Path, thresholds: Sequence[float]) -> list[LabelReport]:
    texts, truth = read_labelled_csv(path)
    pairs = [(label, column) for label in scorer.labels if (column := _column(label, truth))]
    if not pairs:
        raise ModeratorError(f"{path.name} has no column for any of the model's labels ({', '.join(scorer.labels)}).")
    scores = score_all(scorer, texts)
    return [_report(label, column, truth[column], scores[label], thresholds) for label, column in pairs]


def score_all(scorer: Scorer, texts: Sequence[str]) -> dict[str, np.ndarray]:
    """Label -> scores for every text, in order, grouped the scorer's way."""
    out = {label: np.zeros(len(texts)) for label in scorer.labels}
    for group in scorer.batches(texts):
        for index, row in zip(group, scorer.score([texts[i] for i in group])):
            for label, value in row.items():
                out[label][index] = value
    return out


def roc_auc(truth: np.ndarray, scores: np.ndarray) -> float | None:
    """The chance that a random positive outscores a random negative (ties count half)."""
    return curve(truth, scores).auc


def _report(label: str, column: str, truth: np.ndarray, scores: np.ndarray, thresholds: Sequence[float]) -> LabelReport:
    return label_report(label, column, curve(truth, scores), thresholds)


def _column(label: str, truth: dict[str, np.ndarray]) -> str | None:
    if label in truth:
        return label
    return STAND_INS.get(label) if STAND_INS.get(label) in truth else None
