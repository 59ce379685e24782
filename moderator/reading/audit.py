"""The audit log: every decision, newest first, filtered by moderator, action, source,
date and article, a page at a time (keyset on (time, id)), and exported as CSV.

Indexes: (created_at, id) for the whole log and date ranges; (moderator, created_at, id)
and (action, created_at, id) for those filters. An article with few decisions (a bounded
count says) has them found through its comments and sorted; a busy one's are read off
the time index, each decision's comment looked up by id (a page then costs about
`limit / the article's share of the log`, where sorting would cost all its decisions).
The source has no index: a rare source under no other filter walks the log.

For the view: `audit_count` (run it off the GUI thread: it reads every match),
`moderators` (the names in the log, one index seek each) and `batch_sizes`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal, select, tuple_
from sqlalchemy.orm import Session

from moderator.formats.csvsafe import csv_file
from moderator.reading.queueplan import unindexed
from moderator.reading.rows import DecisionRow
from moderator.storage.models import Comment, Decision
from moderator.vocabulary import Action, Source

PAGE = 200
# An article with at most this many decisions leads. Break-even near sqrt(page x log x
# sort cost / step cost): ~3,000 for 760,000 decisions (bench/queuedata.py, measured).
FEW = 3_000
ACTIONS = tuple(Action)
SOURCES = tuple(Source)
CSV_FIELDS = ("decision_id", "time", "moderator", "action", "source", "reason", "note", "status_before",
              "status_after", "comment_id", "article_id", "author", "reverts_decision_id", "batch_id")


@dataclass(frozen=True)
class AuditFilter:
    moderator: str | None = None
    action: str | None = None
    source: str | None = None  # manual, bulk, rule
    since: datetime | None = None  # at or after
    until: datetime | None = None  # before
    article_id: int | None = None


@dataclass(frozen=True)
class AuditRow(DecisionRow):
    batch_id: str | None = None
    article_id: int | None = None
    author: str = ""  # the commenter whose comment it was


AuditCursor = tuple[datetime, int]  # (time, id) of the last row shown


_COLUMNS = (Decision.id, Decision.comment_id, Decision.action, Decision.reason, Decision.note, Decision.moderator,
            Decision.source, Decision.created_at, Decision.status_before, Decision.status_after, Decision.reverts_id,
            Decision.batch_id, Comment.article_id, Comment.author)


def audit_page(session: Session, filters: AuditFilter = AuditFilter(), after: AuditCursor | None = None,
               limit: int = PAGE) -> tuple[list[AuditRow], AuditCursor | None]:
    """Up to `limit` decisions after `after`, newest first, and the cursor for the next page."""
    query = _query(filters, after, _article_leads(session, filters)).limit(limit)
    rows = [AuditRow(*row) for row in session.execute(query)]
    return rows, ((rows[-1].created_at, rows[-1].id) if rows else after)


def _article_leads(session: Session, filters: AuditFilter) -> bool:
    """Does the article filter pick out few decisions? (Reads no further than FEW + 1.)"""
    if filters.article_id is None:
        return False
    through = select(Decision.id).join(Comment, Comment.id == Decision.comment_id).where(
        Comment.article_id == filters.article_id)
    return session.execute(select(func.count()).select_from(through.limit(FEW + 1).subquery())).scalar_one() <= FEW


def _query(filters: AuditFilter, after: AuditCursor | None, article_leads: bool) -> Select[*tuple[Any, ...]]:
    time = unindexed(Decision.created_at) if article_leads else Decision.created_at
    query = select(*_COLUMNS).join(Comment, Comment.id == Decision.comment_id)
    query = query.where(*_conditions(filters, article_leads))
    if after is not None:
        at, decision_id = literal(after[0], type_=Decision.created_at.type), literal(after[1])
        query = query.where(time <= at, tuple_(time, Decision.id) < tuple_(at, decision_id))
    return query.order_by(time.desc(), Decision.id.desc())


def _conditions(filters: AuditFilter, article_leads: bool) -> list[ColumnElement[bool]]:
    """The filters; whichever of the article and the time does not lead is kept off its index."""
    time = unindexed(Decision.created_at) if article_leads else Decision.created_at
    article = Comment.article_id if article_leads else unindexed(Comment.article_id)
    found: list[ColumnElement[bool]] = []
    for value, column in ((filters.moderator, Decision.moderator), (filters.action, Decision.action),
                          (filters.source, Decision.source), (filters.article_id, article)):
        if value is not None:
            found.append(column == value)
    found += [time >= filters.since] if filters.since else []
    return found + ([time < filters.until] if filters.until else [])


def audit_count(session: Session, filters: AuditFilter = AuditFilter()) -> int:
    """How many decisions the filters match (reads every match: off the GUI thread)."""
    query = select(func.count()).select_from(Decision)
    if filters.article_id is not None:  # counted through the article's comments, however many
        query = query.join(Comment, Comment.id == Decision.comment_id)
    return session.execute(query.where(*_conditions(filters, article_leads=filters.article_id is not None))).scalar_one()


def moderators(session: Session) -> list[str]:
    """Every moderator name in the log, in order: one seek on the moderator index per name
    (a skip scan), so a million decisions by a dozen moderators cost a dozen seeks."""
    names: list[str] = []
    while (name := session.scalar(_next_moderator(names[-1] if names else None))) is not None:
        names.append(name)
    return names


def _next_moderator(after: str | None) -> Select[str]:
    query = select(Decision.moderator).order_by(Decision.moderator).limit(1)
    return query if after is None else query.where(Decision.moderator > after)


def batch_sizes(session: Session, batch_ids: set[str]) -> dict[str, int]:
    """How many decisions each bulk batch holds (read off the batch index)."""
    if not batch_ids:
        return {}
    query = (select(Decision.batch_id, func.count()).where(Decision.batch_id.in_(sorted(batch_ids)))
             .group_by(Decision.batch_id))
    # batch_id is never NULL here: the query asks for the given ids only.
    return {batch_id: size for batch_id, size in session.execute(query) if batch_id is not None}


def export_audit_csv(session: Session, filters: AuditFilter, out: Path) -> int:
    """Every decision the filters match, newest first, through the one CSV writer
    (moderator.formats.csvsafe: formula cells neutralised, written aside, 0600).
    Returns how many rows were written."""
    written, cursor = 0, None
    with csv_file(out, CSV_FIELDS) as writer:
        while True:
            rows, cursor = audit_page(session, filters, cursor, limit=5000)
            for row in rows:
                writer.row(_csv_values(row))
            written += len(rows)
            if len(rows) < 5000:
                break
    return written


def _csv_values(row: AuditRow) -> tuple[object, ...]:
    return (row.id, row.created_at.isoformat(), row.moderator, row.action, row.source, row.reason, row.note,
            row.status_before, row.status_after, row.comment_id, row.article_id, row.author, row.reverts_id,
            row.batch_id)

