"""The team's decisions against a model's scores, counted in SQL: per label, how many
comments moderators hid and approved in each score bin of 0.001.

Which comments count: those the model scored whose status now is hidden or approved and
that a moderator decided (a manual or bulk decision, in the date range when one is set).
Statuses imported from the site and a rule's decisions are left out: the first are not
the team's judgement, the second would be the model judging itself. The grouping runs
over the scores index (model, status, main), each comment looked up in the list of those
the team decided (read off the decisions' (source, created_at) index); Python receives at
most 2 x 1,001 rows, never a row per decision.

Thresholds on the 0.001 grid are counted exactly (a score falls in the bin of its first
three decimals, and every score of a bin is at or above the bin's threshold).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from moderator.insight.calibration import Curve, curve
from moderator.insight.period import TEAM, Period, bin_of, score_of
from moderator.storage.models import Comment, Decision, Score
from moderator.vocabulary import Status

if TYPE_CHECKING:
    import numpy as np

BINS = 1000
DECIDED = (Status.HIDDEN, Status.APPROVED)


@dataclass(frozen=True)
class Counts:
    """Per score bin (bin / BINS is its lowest score), comments hidden and approved."""

    label: str
    hidden: np.ndarray  # (BINS + 1,) counts
    approved: np.ndarray

    def curve(self) -> Curve:
        import numpy as np

        bins = np.arange(BINS + 1) / BINS
        kept = (self.hidden + self.approved) > 0
        scores = np.concatenate([bins[kept], bins[kept]])
        truth = np.concatenate([np.ones(kept.sum(), dtype=bool), np.zeros(kept.sum(), dtype=bool)])
        weights = np.concatenate([self.hidden[kept], self.approved[kept]])
        return curve(truth, scores, weights)

    def histogram(self, bars: int) -> tuple[np.ndarray, np.ndarray]:
        """(hidden, approved) counts in `bars` equal bands of the score (1.0 in the last)."""
        import numpy as np

        band = np.minimum(np.arange(BINS + 1) * bars // BINS, bars - 1)
        return (np.bincount(band, weights=self.hidden, minlength=bars),
                np.bincount(band, weights=self.approved, minlength=bars))


def decided_counts(session: Session, period: Period, label: str, main_label: str) -> Counts:
    import numpy as np

    hidden, approved = np.zeros(BINS + 1), np.zeros(BINS + 1)
    if period.model_id is None:
        return Counts(label, hidden, approved)
    score = score_of(label, main_label)
    band = bin_of(score, BINS, session.get_bind().dialect.name)
    # A list of the decided comments, built once from the (source, created_at) index, that the
    # walk over the scores index probes: an EXISTS per score walked every decided comment's
    # decisions even for a short date range (0.9 s at a million comments, against 0.01 s).
    by_team = Score.comment_id.in_(select(Decision.comment_id).where(Decision.source.in_(TEAM), period.decided_between()))
    query = (select(Score.status, band, func.count())
             .where(Score.model_id == period.model_id, Score.status.in_(DECIDED), by_team, score.is_not(None))
             .group_by(Score.status, band))
    if period.site_id is not None:
        query = query.where(exists().where(Comment.id == Score.comment_id, Comment.site_id == period.site_id))
    for status, index, count in session.execute(query):
        if index is not None and 0 <= index <= BINS:
            (hidden if status == Status.HIDDEN else approved)[index] += count
    return Counts(label, hidden, approved)
