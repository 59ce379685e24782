"""Thresholds against a truth: how many hides a threshold catches and how many approvals it
would wrongly hide, at every threshold, with a suggested one for a target the lead sets.

One implementation for both truths: a labelled file (`moderator evaluate`, one weight per
comment) and the team's past decisions (`moderator report calibration` and the Insight
window, weights being the counts SQL grouped per score bin, moderator/insight/decided.py).
The counts come from scikit-learn's `confusion_matrix_at_thresholds`, the area under the
ROC curve from `roc_auc_score`, both with sample weights.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from moderator.i18n import translate

if TYPE_CHECKING:
    import numpy as np

# Below this many hides or approvals a rate moves by whole percents with one decision.
FEW_DECISIONS = 30


@dataclass(frozen=True)
class Confusion:
    """At one threshold: hiding at score >= threshold would have..."""

    threshold: float
    true_positives: int  # caught: hidden by the team, at or above the threshold
    false_positives: int  # wrongly hidden: approved by the team, at or above it
    false_negatives: int  # missed: hidden by the team, below it
    true_negatives: int  # rightly left: approved by the team, below it

    def sentence(self) -> str:
        hides, approvals = self.true_positives + self.false_negatives, self.false_positives + self.true_negatives
        return translate("insight", "hiding at ≥ {threshold} would have caught {caught} of the {hides} comments "
                                    "moderators hid, and wrongly hidden {wrongly} of the {approvals} they approved").format(
            threshold=f"{self.threshold:.3f}", caught=f"{self.true_positives:,}", hides=f"{hides:,}",
            wrongly=f"{self.false_positives:,}", approvals=f"{approvals:,}")


@dataclass(frozen=True)
class Curve:
    """Every distinct threshold, ascending, with its counts (arrays of equal length)."""

    thresholds: np.ndarray
    caught: np.ndarray  # true positives at each threshold
    wrongly: np.ndarray  # false positives at each threshold
    positives: int  # hides (or positive labels) in all
    negatives: int  # approvals (or negative labels) in all
    auc: float | None  # None when one class is missing

    @property
    def too_few(self) -> bool:
        return min(self.positives, self.negatives) < FEW_DECISIONS

    def at(self, threshold: float) -> Confusion:
        """Counts for hiding at score >= threshold (any threshold, not only the curve's)."""
        import numpy as np

        index = int(np.searchsorted(self.thresholds, threshold, side="left"))  # first curve threshold >= it
        caught = int(self.caught[index]) if index < len(self.thresholds) else 0
        wrongly = int(self.wrongly[index]) if index < len(self.thresholds) else 0
        return Confusion(threshold, caught, wrongly, self.positives - caught, self.negatives - wrongly)

    def for_recall(self, share: float) -> Confusion | None:
        """The highest threshold that catches at least `share` (0-1) of the hides: fewest
        wrong hides for that catch. None when no threshold does (no hides at all)."""
        import numpy as np

        if not self.positives:
            return None
        meets = np.nonzero(self.caught >= share * self.positives - 1e-9)[0]
        return self.at(float(self.thresholds[meets[-1]])) if len(meets) else None

    def for_cost(self, wrong_hide: float, missed: float) -> Confusion:
        """The threshold with the least total cost, a wrong hide costing `wrong_hide` and a
        missed one `missed` (hiding nothing is a candidate too: a threshold above every score)."""
        import numpy as np

        costs = wrong_hide * self.wrongly + missed * (self.positives - self.caught)
        nothing = missed * self.positives
        if not len(costs) or nothing <= costs.min():
            return self.at(float(self.thresholds[-1]) + 1e-3 if len(self.thresholds) else 1.0)
        cheapest = np.nonzero(costs <= costs.min() + 1e-9)[0]
        return self.at(float(self.thresholds[cheapest[-1]]))  # of equal costs, the fewest wrong hides


def curve(truth: np.ndarray, scores: np.ndarray, weights: np.ndarray | None = None) -> Curve:
    """The curve of a truth (bool per item) against scores, each item counting `weights` times."""
    import numpy as np
    from sklearn.metrics import confusion_matrix_at_thresholds, roc_auc_score

    truth = np.asarray(truth, dtype=bool)
    weights = np.ones(len(truth)) if weights is None else np.asarray(weights, dtype=np.float64)
    positives, negatives = int(round(weights[truth].sum())), int(round(weights[~truth].sum()))
    if not len(truth) or not weights.sum():
        empty = np.zeros(0)
        return Curve(empty, empty, empty, positives, negatives, None)
    _tn, fp, _fn, tp, thresholds = confusion_matrix_at_thresholds(truth, scores, sample_weight=weights)
    order = np.argsort(thresholds, kind="stable")  # sklearn gives them highest first
    auc = float(roc_auc_score(truth, scores, sample_weight=weights)) if positives and negatives else None
    return Curve(np.asarray(thresholds, dtype=np.float64)[order], np.rint(tp[order]), np.rint(fp[order]),
                 positives, negatives, auc)


@dataclass(frozen=True)
class LabelReport:
    """One label's table: what `evaluate` (a labelled file) and `report calibration` (past
    decisions) both print, as text, JSON or CSV."""

    label: str  # the model's label
    column: str  # what it was checked against: the file's column, or "decisions"
    positives: int
    negatives: int
    auc: float | None  # None when there is only one class
    confusion: tuple[Confusion, ...]
    suggested: Confusion | None = None  # the threshold for the target asked for, if any
    too_few: bool = False

    def as_json(self) -> dict[str, object]:
        return asdict(self) | {"auc": None if self.auc is None else round(self.auc, 4)}


CSV_COLUMNS = ("label", "against", "threshold", "caught", "wrongly_hidden", "missed", "rightly_left",
               "positives", "negatives", "auc", "suggested")


def csv_rows(reports: Sequence[LabelReport]) -> list[list[object]]:
    """One row per label and threshold (the suggested threshold marked), under CSV_COLUMNS."""
    rows: list[list[object]] = []
    for r in reports:
        shown = list(r.confusion) + ([r.suggested] if r.suggested is not None else [])
        for c in shown:
            rows.append([r.label, r.column, round(c.threshold, 4), c.true_positives, c.false_positives, c.false_negatives,
                         c.true_negatives, r.positives, r.negatives, "" if r.auc is None else round(r.auc, 4),
                         "yes" if c is r.suggested else ""])
    return rows


def label_report(label: str, column: str, found: Curve, thresholds: Sequence[float],
                 suggested: Confusion | None = None) -> LabelReport:
    return LabelReport(label, column, found.positives, found.negatives, found.auc,
                       tuple(found.at(t) for t in thresholds), suggested, found.too_few)


@dataclass(frozen=True)
class Target:
    """What the lead asks the suggestion for: catch at least `recall` of the hides, or else the
    fewest mistakes with a wrong hide costing `wrong_hide` and a missed one `missed`."""

    recall: float | None = 0.9
    wrong_hide: float = 1.0
    missed: float = 1.0

    def suggest(self, found: Curve) -> Confusion | None:
        if self.recall is not None:
            return found.for_recall(self.recall)
        return found.for_cost(self.wrong_hide, self.missed) if found.positives + found.negatives else None
