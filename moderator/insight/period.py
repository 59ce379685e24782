"""What the Insight figures are about: one model, a date range, a site."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Float, Integer, cast, func, true
from sqlalchemy.orm import QueryableAttribute

from moderator.storage.models import Comment, Decision, Score
from moderator.vocabulary import Source

TEAM = (Source.MANUAL, Source.BULK)  # decisions moderators took (a rule's would be the model judging itself)


@dataclass(frozen=True)
class Period:
    """`model_id`: the model whose scores are judged (None: it has scored nothing here).
    `since` / `until`: decisions (and arrivals) at or after / before; `site_id`: one site."""

    model_id: int | None
    since: datetime | None = None
    until: datetime | None = None
    site_id: int | None = None

    def decided_between(self) -> ColumnElement[bool]:
        """Decisions in the date range."""
        condition: ColumnElement[bool] = true()
        if self.since is not None:
            condition = condition & (Decision.created_at >= self.since)
        if self.until is not None:
            condition = condition & (Decision.created_at < self.until)
        return condition

    def arrived_between(self) -> ColumnElement[bool]:
        condition: ColumnElement[bool] = true()
        if self.since is not None:
            condition = condition & (Comment.created_at >= self.since)
        if self.until is not None:
            condition = condition & (Comment.created_at < self.until)
        return condition


def score_of(label: str, main_label: str) -> ColumnElement[float] | QueryableAttribute[float]:
    """A label's score: the indexed main column, else the label out of the JSON."""
    if label == main_label:
        return Score.main
    return cast(Score.label_scores[label].as_float(), Float)


def bin_of(score: ColumnElement[float] | QueryableAttribute[float], bins: int, dialect: str) -> ColumnElement[int]:
    """The score's bin, 0..bins (1.0 alone in the last): SQLite's CAST truncates, PostgreSQL's rounds."""
    scaled = score * bins + 1e-9  # 0.35 * 1000 is 349.99999999999994 in floating point: still bin 350
    return cast(func.floor(scaled), Integer) if dialect == "postgresql" else cast(scaled, Integer)
