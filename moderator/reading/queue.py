"""The moderation queue at newsroom scale: which comments, in what order, a page at a time.

A `QueueQuery` says which queue (pending, flagged, hidden, approved, all), how it is
sorted and how it is filtered. `page` reads it with a keyset cursor (the sort key of
the last row shown), so the page at row 50,000 costs what the first does; `count`,
`ids` and `position` answer the rest of what a lazy view needs. Every sort and filter
is served by an index (moderator/reading/queueplan.py; tests/test_queue_plans.py reads SQLite's
query plans).

"Flagged" = pending comments a rule flagged (comments.flag, moderator/rules) or whose main
score from the active model is at or above the Medium threshold (`flagged_from`, the
moderator's preference). A rule's flag raises a comment in the queue: by priority, the
pending comments a rule flagged come first, newest first (read off the partial index of
flagged comments), then the others as below. `rule` keeps the comments a given rule hit
(rule_hits).

Priority order is two segments, each read off an index: the comments the model has
scored, highest main score first (ties newest first), then those it has not scored yet,
newest first. Before any model has scored, priority is newest first.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from moderator.reading import search
from moderator.reading.queueplan import Plan, beyond, rows_by_id
from moderator.reading.rows import CommentRow
from moderator.scoring.priority import Thresholds
from moderator.storage.models import Comment, Score
from moderator.vocabulary import QueueKind, Sort, Status

PAGE = 200
ROWS_CHUNK = 500  # ids per statement when reading rows

@dataclass(frozen=True)
class ScoreRange:
    """low <= score < high (no high: up to 1 included), on a label (None: the model's main label)."""

    low: float | None = None
    high: float | None = None
    label: str | None = None


@dataclass(frozen=True)
class QueueQuery:
    kind: QueueKind = QueueKind.PENDING
    sort: Sort = Sort.PRIORITY
    model_id: int | None = None  # the active model: its scores order and filter the queue
    flagged_from: float = Thresholds().medium
    article_id: int | None = None
    author: str | None = None  # the exact name, as rows show it
    site_id: int | None = None  # with author (a commenter is per site); no index of its own
    status: Status | None = None  # narrows the queue further (useful with ALL)
    scores: tuple[ScoreRange, ...] = ()
    since: datetime | None = None  # created at or after
    until: datetime | None = None  # created before
    search: str = ""  # words, "a phrase", prefix* (see moderator.reading.search)
    rule: str | None = None  # only comments this rule hit (its key), e.g. the Flagged queue's filter by rule

    def __post_init__(self) -> None:
        # Kinds and sorts arrive as text from settings and the command line: hold them as the
        # enums (a ValueError names an unknown one).
        object.__setattr__(self, "kind", QueueKind(self.kind))
        object.__setattr__(self, "sort", Sort(self.sort))

    @property
    def needs_score(self) -> bool:
        """Only comments the model has scored can match (so there is no unscored segment)."""
        return bool(self.scores)


@dataclass(frozen=True)
class QueueRow(CommentRow):
    snippet: str = ""  # while searching: the body around the match, marked with search.MARK_START / MARK_END
    author_marked: str = ""  # while searching: the author's name, marked where it matched


@dataclass(frozen=True)
class Cursor:
    """Where a page ended: the segment and the sort key of its last row. Opaque to views."""

    segment: int
    key: tuple[object, ...]


def page(session: Session, query: QueueQuery, after: Cursor | None = None,
         limit: int = PAGE) -> tuple[list[QueueRow], Cursor | None]:
    """Up to `limit` rows after `after` (from the top when None), and the cursor to pass
    for the next page. Fewer than `limit` rows means the queue has no more."""
    found, cursor = page_ids(session, query, after, limit)
    return rows(session, query, found), cursor


def page_ids(session: Session, query: QueueQuery, after: Cursor | None = None,
             limit: int = PAGE) -> tuple[list[int], Cursor | None]:
    """What `page` returns, as comment ids only: cheap in big steps (a lazy view holds the
    ids and reads the rows it paints with `rows`)."""
    plan, found, cursor = Plan(session, query), list[int](), after
    for segment in range(after.segment if after else 0, len(plan.segments)):
        key = after.key if after and after.segment == segment else None
        keyed = session.execute(plan.ids(segment, key, limit - len(found))).all()
        found += [row[0] for row in keyed]
        cursor = Cursor(segment, tuple(keyed[-1][1:])) if keyed else cursor
        if len(found) >= limit:
            break
    return found, cursor


def first_rows(session: Session, query: QueueQuery, limit: int | None = PAGE) -> list[QueueRow]:
    """The queue's first `limit` rows (None: every row), read as `page` reads them: the
    command line lists exactly what the window shows, as fast at any size."""
    found: list[int] = []
    cursor = None
    while limit is None or len(found) < limit:
        step = 5 * PAGE if limit is None else min(5 * PAGE, limit - len(found))
        ids, cursor = page_ids(session, query, cursor, step)
        found += ids
        if len(ids) < step:
            break
    return rows(session, query, found)


def rows(session: Session, query: QueueQuery, comment_ids: Sequence[int]) -> list[QueueRow]:
    """The rows of these comments in the order given (those that no longer exist left out),
    with search highlights when the query searches."""
    found: dict[int, tuple[Any, ...]] = {}  # a queue row's values, in QueueRow's order
    for start in range(0, len(comment_ids), ROWS_CHUNK):
        chunk = comment_ids[start:start + ROWS_CHUNK]
        found.update((row[0], tuple(row)) for row in session.execute(*rows_by_id(query.model_id, chunk)))
    return _with_marks(query, [found[cid] for cid in comment_ids if cid in found])


def _with_marks(query: QueueQuery, found: list[tuple[Any, ...]]) -> list[QueueRow]:
    if not query.search:
        return [QueueRow(*row) for row in found]
    marks = search.highlights(query.search, [(row[0], row[6], row[4]) for row in found])
    return [replace(QueueRow(*row), snippet=marks[row[0]][0], author_marked=marks[row[0]][1]) for row in found]


def count(session: Session, query: QueueQuery) -> int:
    return sum(session.execute(plan.matching(select(func.count()), scored, flagged)).scalar_one()
               for plan, scored, flagged in _parts(session, query))


def iter_ids(session: Session, query: QueueQuery, batch: int = 10_000) -> Iterator[int]:
    """Every matching comment id, in no particular order, streamed (Ctrl+A, bulk actions)."""
    for plan, scored, flagged in _parts(session, query):
        selected = plan.matching(select(Comment.id), scored, flagged)
        # Core, not ORM: a plain column of ints needs no ORM rows (5x faster at 100,000 ids). The
        # option on the statement, not the connection: on the connection it stayed for every later
        # statement, and on PostgreSQL (a server-side cursor each) the next UPDATE failed.
        yield from session.connection().execute(selected.execution_options(yield_per=batch)).scalars()


def _parts(session: Session, query: QueueQuery) -> list[tuple[Plan, bool | None, bool | None]]:
    """The queue as disjoint parts, each read off an index. Flagged with a model: the comments
    a rule flagged (their partial index) and the others scored over the threshold (the scores
    index), as its priority segments are; one condition "flagged or scored over" would walk
    every pending comment."""
    if query.kind == QueueKind.FLAGGED and query.model_id is not None:
        plan = Plan(session, replace(query, sort=Sort.PRIORITY))
        return [(plan, seg.scored, seg.flagged) for seg in plan.segments]
    return [(Plan(session, query, sorted=False), None, None)]


def ids(session: Session, query: QueueQuery) -> list[int]:
    return list(iter_ids(session, query))


def position(session: Session, query: QueueQuery, comment_id: int) -> int | None:
    """The row (from 0) the comment has in the queue, or None when it does not match.
    A count of the rows before it: cheap near the top, an index walk further down."""
    plan, before = Plan(session, query), 0
    for seg in plan.segments:
        key = session.execute(plan.matching(select(*seg.keys), seg.scored, seg.flagged)
                              .where(Comment.id == comment_id)).first()
        if key is not None:
            earlier = plan.matching(select(func.count()), seg.scored, seg.flagged).where(
                *beyond(seg, tuple(key), before=True))
            return before + session.execute(earlier).scalar_one()
        before += session.execute(plan.matching(select(func.count()), seg.scored, seg.flagged)).scalar_one()
    return None


def band(index: int, bins: int, label: str | None = None) -> ScoreRange:
    """The score range of one histogram bar: add it to the query's `scores` to select
    exactly the comments counted in that bar (the last bar includes 1)."""
    return ScoreRange(index / bins, (index + 1) / bins if index < bins - 1 else None, label)


def histogram(session: Session, query: QueueQuery, label: str | None = None, bins: int = 20) -> list[int]:
    """How many of the queue's scored comments fall in each of `bins` equal bands of a
    label's score (the main label when None). Reads every scored comment of the queue."""
    if query.model_id is None:
        return [0] * bins
    value = Score.main if label is None else Score.label_scores[label].as_float()
    bar = case(*((value < band(i, bins).high, i) for i in range(bins - 1)), else_=bins - 1).label("bar")
    counted = Plan(session, query, sorted=False).matching(select(bar, func.count()), True).where(value.is_not(None))
    found: dict[int, int] = {index: n for index, n in session.execute(counted.group_by(bar))}
    return [found.get(i, 0) for i in range(bins)]
