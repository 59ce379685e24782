"""The moderation queue at newsroom scale: which comments, in what order, a page at a time.

A `QueueQuery` says which queue (pending, flagged, hidden, approved, all), how it is
sorted and how it is filtered. `page` reads it with a keyset cursor (the sort key of
the last row shown), so the page at row 50,000 costs what the first does; `count`,
`ids` and `position` answer the rest of what a lazy view needs. Every sort and filter
is served by an index (moderator/queueplan.py; tests/test_queue_plans.py reads SQLite's
query plans).

"Flagged" = pending comments whose main score from the active model is at or above the
Medium threshold (`flagged_from`, the moderator's preference). Rule hits will join it
once rules exist.

Priority order is two segments, each read off an index: the comments the model has
scored, highest main score first (ties newest first), then those it has not scored yet,
newest first. Before any model has scored, priority is newest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterator

from sqlalchemy import func
from sqlalchemy.orm import Session

from moderator import search
from moderator.queries import NEWEST, OLDEST, PRIORITY, CommentRow
from moderator.queueplan import RELEVANCE, Plan, beyond
from moderator.scoring.priority import Thresholds
from moderator.storage.models import Comment

PENDING, FLAGGED, HIDDEN, APPROVED, ALL = "pending", "flagged", "hidden", "approved", "all"
KINDS = (PENDING, FLAGGED, HIDDEN, APPROVED, ALL)
SORTS = (PRIORITY, NEWEST, OLDEST, RELEVANCE)  # relevance: best match first while searching, else newest
PAGE = 200

__all__ = ["ALL", "APPROVED", "FLAGGED", "HIDDEN", "KINDS", "NEWEST", "OLDEST", "PENDING", "PRIORITY", "RELEVANCE",
           "SORTS", "Cursor", "QueueQuery", "QueueRow", "ScoreRange", "count", "ids", "iter_ids", "page", "position"]


@dataclass(frozen=True)
class ScoreRange:
    """low <= score < high (no high: up to 1 included), on a label (None: the model's main label)."""

    low: float | None = None
    high: float | None = None
    label: str | None = None


@dataclass(frozen=True)
class QueueQuery:
    kind: str = PENDING
    sort: str = PRIORITY
    model_id: int | None = None  # the active model: its scores order and filter the queue
    flagged_from: float = Thresholds().medium
    article_id: int | None = None
    author: str | None = None  # the exact name, as rows show it
    site_id: int | None = None
    status: str | None = None  # narrows the queue further (useful with ALL)
    scores: tuple[ScoreRange, ...] = ()
    since: datetime | None = None  # created at or after
    until: datetime | None = None  # created before
    search: str = ""  # words, "a phrase", prefix* (see moderator.search)

    def __post_init__(self) -> None:
        if self.kind not in KINDS or self.sort not in SORTS:
            raise ValueError(f"unknown queue kind {self.kind!r} or sort {self.sort!r}")

    @property
    def needs_score(self) -> bool:
        """Only comments the model has scored can match (so there is no unscored segment)."""
        return self.kind == FLAGGED or bool(self.scores)


@dataclass(frozen=True)
class QueueRow(CommentRow):
    snippet: str = ""  # while searching: the body around the match, marked with search.MARK_START / MARK_END
    author_marked: str = ""  # while searching: the author's name, marked where it matched


@dataclass(frozen=True)
class Cursor:
    """Where a page ended: the segment and the sort key of its last row. Opaque to views."""

    segment: int
    key: tuple


def page(session: Session, query: QueueQuery, after: Cursor | None = None,
         limit: int = PAGE) -> tuple[list[QueueRow], Cursor | None]:
    """Up to `limit` rows after `after` (from the top when None), and the cursor to pass
    for the next page. Fewer than `limit` rows means the queue has no more."""
    plan, found, cursor = Plan(session, query), [], after
    for segment in range(after.segment if after else 0, len(plan.segments)):
        key = after.key if after and after.segment == segment else None
        width = len(plan.segments[segment].keys)
        for row in session.execute(plan.rows(segment, key, limit - len(found))):
            found.append(tuple(row[:-width]))
            cursor = Cursor(segment, tuple(row[-width:]))
        if len(found) >= limit:
            break
    return _with_marks(session, query, found), cursor


def _with_marks(session: Session, query: QueueQuery, found: list[tuple]) -> list[QueueRow]:
    if not query.search:
        return [QueueRow(*row) for row in found]
    marks = search.highlights(session, query.search, [(row[0], row[6], row[4]) for row in found])
    return [QueueRow(*row, *marks.get(row[0], ("", ""))) for row in found]


def count(session: Session, query: QueueQuery) -> int:
    return session.scalar(Plan(session, query, sorted=False).select([func.count()], None, outer=False))


def iter_ids(session: Session, query: QueueQuery, batch: int = 10_000) -> Iterator[int]:
    """Every matching comment id, in no particular order, streamed (Ctrl+A, bulk actions)."""
    selected = Plan(session, query, sorted=False).select([Comment.id], None, outer=False)
    yield from session.execute(selected, execution_options={"yield_per": batch}).scalars()


def ids(session: Session, query: QueueQuery) -> list[int]:
    return list(iter_ids(session, query))


def position(session: Session, query: QueueQuery, comment_id: int) -> int | None:
    """The row (from 0) the comment has in the queue, or None when it does not match.
    A count of the rows before it: cheap near the top, an index walk further down."""
    plan, before = Plan(session, query), 0
    for seg in plan.segments:
        key = session.execute(plan.select(seg.keys, seg.scored).where(Comment.id == comment_id)).first()
        if key is not None:
            earlier = plan.select([func.count()], seg.scored, outer=False).where(*beyond(seg, tuple(key), before=True))
            return before + session.scalar(earlier)
        before += session.scalar(plan.select([func.count()], seg.scored, outer=False))
    return None
