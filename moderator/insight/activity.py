"""What the team did and how the model kept up, counted in SQL (GROUP BY over indexed columns):
decisions per day, moderator and source; the model's agreement with moderators per day;
comments arriving per day; the pending backlog.

Days are UTC dates. Decisions counted are those that set a status (approve, hide, restore,
and undo / redo of them); staff posts are not decisions on a reader's comment.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Integer, case, cast, func, select
from sqlalchemy.orm import QueryableAttribute, Session

from moderator.insight.period import TEAM, Period
from moderator.storage.models import Comment, Decision, Score
from moderator.vocabulary import Action, Status

STATUS_ACTIONS = (Action.APPROVE, Action.HIDE, Action.RESTORE, Action.UNDO, Action.REDO)


@dataclass(frozen=True)
class DayCount:
    day: date
    moderator: str
    source: str
    decisions: int

    def as_json(self) -> dict[str, object]:
        return asdict(self) | {"day": self.day.isoformat()}


@dataclass(frozen=True)
class Agreement:
    """On one day, of the moderators' approvals and hides of comments the model had scored,
    how many the model agreed with (hide at or above the threshold, approve below it)."""

    day: date
    agreed: int
    decisions: int
    hidden: int  # of the decisions, hides

    @property
    def rate(self) -> float:
        return self.agreed / self.decisions if self.decisions else 0.0

    def as_json(self) -> dict[str, object]:
        return asdict(self) | {"day": self.day.isoformat(), "rate": round(self.rate, 4)}


@dataclass(frozen=True)
class Backlog:
    pending: int
    oldest_pending: datetime | None
    arrivals: tuple[tuple[date, int], ...]  # comments arriving per day in the period

    def as_json(self) -> dict[str, object]:
        return {"pending": self.pending, "oldest_pending": self.oldest_pending.isoformat() if self.oldest_pending else None,
                "arrivals": [{"day": d.isoformat(), "comments": n} for d, n in self.arrivals]}


def _day(column: QueryableAttribute[datetime]) -> ColumnElement[str]:
    return func.date(column)


def _as_date(value: object) -> date:
    """What the database's date() gives back: a date (PostgreSQL) or 'YYYY-MM-DD' (SQLite)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _on_site(period: Period, comment_id: QueryableAttribute[int]) -> ColumnElement[bool] | None:
    if period.site_id is None:
        return None
    return comment_id.in_(select(Comment.id).where(Comment.site_id == period.site_id))


def decisions_per_day(session: Session, period: Period) -> list[DayCount]:
    day = _day(Decision.created_at)
    query = (select(day, Decision.moderator, Decision.source, func.count())
             .where(period.decided_between(), Decision.action.in_(STATUS_ACTIONS))
             .group_by(day, Decision.moderator, Decision.source).order_by(day))
    if (site := _on_site(period, Decision.comment_id)) is not None:
        query = query.where(site)
    return [DayCount(_as_date(d), moderator, source, n) for d, moderator, source, n in session.execute(query)]


def agreement_per_day(session: Session, period: Period, threshold: float) -> list[Agreement]:
    """The model's call is "hide" at score >= threshold (the main label)."""
    if period.model_id is None:
        return []
    day = _day(Decision.created_at)
    hid = Decision.status_after == Status.HIDDEN
    agreed = case(((Score.main >= threshold) == hid, 1), else_=0)
    query = (select(day, func.sum(agreed), func.count(), func.sum(cast(hid, Integer)))
             .join(Score, (Score.comment_id == Decision.comment_id) & (Score.model_id == period.model_id))
             .where(period.decided_between(), Decision.source.in_(TEAM),
                    Decision.action.in_((Action.APPROVE, Action.HIDE)))
             .group_by(day).order_by(day))
    if (site := _on_site(period, Decision.comment_id)) is not None:
        query = query.where(site)
    return [Agreement(_as_date(d), int(a or 0), int(n), int(h or 0)) for d, a, n, h in session.execute(query)]


def backlog(session: Session, period: Period) -> Backlog:
    pending = select(func.count()).select_from(Comment).where(Comment.status == Status.PENDING)
    oldest = select(func.min(Comment.created_at)).where(Comment.status == Status.PENDING)
    day = _day(Comment.created_at)
    arrivals = select(day, func.count()).where(period.arrived_between()).group_by(day).order_by(day)
    if period.site_id is not None:
        pending, oldest = pending.where(Comment.site_id == period.site_id), oldest.where(Comment.site_id == period.site_id)
        arrivals = arrivals.where(Comment.site_id == period.site_id)
    return Backlog(session.execute(pending).scalar_one(), session.execute(oldest).scalar_one_or_none(),
                   tuple((_as_date(d), n) for d, n in session.execute(arrivals)))
