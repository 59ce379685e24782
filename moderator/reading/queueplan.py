"""How a queue query becomes SQL: joins, conditions, sort segments, keyset bounds, and
which index leads.

Two ways to read a sorted, filtered queue, and the choice matters at a million rows:
  * walk the sort's index (scores by main score, comments by status and time) and drop
    what fails the filters: a page costs about `limit / share of rows that match`;
  * read the rows the filters pick out through their index, then sort them: costs
    about the number of matches, whatever the page.
SQLite's planner (no statistics) cannot tell which is cheaper, so this module decides:
search, article and commenter always lead (they pick out few rows by design); a date
range under priority order, or a main-score range under time order, leads only when a
bounded count finds few rows in its index; otherwise the sort's index leads. The loser is kept off
its index with `unindexed` (SQLite's documented unary-plus hint; nothing elsewhere), and a
sort key with `unsorted` (also on PostgreSQL, as `x + 0`: no index gives its order).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar, TypeVarTuple

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    DateTime,
    Float,
    Integer,
    Numeric,
    Select,
    String,
    Subquery,
    and_,
    bindparam,
    exists,
    func,
    literal,
    null,
    or_,
    select,
    tuple_,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute, Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from moderator.reading import search
from moderator.reading.cardmarks import with_card_marks
from moderator.storage.models import Article, Comment, RuleHit, Score
from moderator.vocabulary import VISIBLE_TO_MODERATORS, QueueKind, Sort, Status

if TYPE_CHECKING:  # queue.py imports this module
    from moderator.reading.queue import QueueQuery, ScoreRange

T = TypeVar("T")
Columns = TypeVarTuple("Columns")  # a select's column types, kept while the plan narrows it
# A column or an expression on one: a mapped attribute (Comment.id) or a Core element. The
# sort keys of one segment have different types (a time, a score, an id): hence Any.
Key = ColumnElement[Any] | QueryableAttribute[Any]

# A filter whose index holds at most this many rows leads: reading and sorting them beats
# walking the sort's index (break-even near sqrt(page x queue): ~7,000 for 250,000 pending).
FEW = 10_000
_TIME = (Comment.created_at, Comment.id)
COLUMNS = (Comment.id, Comment.article_id, Comment.parent_id, Comment.external_id, Comment.author, Comment.is_staff,
           Comment.body, Comment.created_at, Comment.status, Comment.version, Article.headline)


class unindexed(FunctionElement[T]):  # noqa: N801 (reads as SQL)
    """The expression, which SQLite may not use an index for (rendered `+x`; plain elsewhere)."""

    inherit_cache = True

    def __init__(self, expression: ColumnElement[T] | QueryableAttribute[T]):
        super().__init__(expression)
        self.type = expression.type


@compiles(unindexed)
def _plain(element: unindexed[Any], compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(unindexed, "sqlite")
def _unary_plus(element: unindexed[Any], compiler: SQLCompiler, **kw: Any) -> str:
    return "+" + compiler.process(element.clauses, **kw)


class unsorted(unindexed[T]):  # noqa: N801 (reads as SQL)
    """A sort key read off no index, on PostgreSQL too (its planner, misled by a LIMIT over a
    skewed filter, walked the scores index in score order for the busiest article, 0.7 s, and
    a commenter, 1.7 s): there the same value through an expression no index holds (`x + 0`),
    only in ORDER BY and the keyset bounds. A filter stays plain on PostgreSQL, whose row
    estimates for an expression are guesses that chose worse plans still."""

    inherit_cache = True


# The expression of the same value, per type.
_SAME_VALUE: dict[type | None, str] = {Integer: "({} + 0)", Float: "({} + 0)", Numeric: "({} + 0)",
                                       String: "({} || '')", DateTime: "({} + interval '0 seconds')"}


@compiles(unsorted, "postgresql")
def _same_value(element: unsorted[Any], compiler: SQLCompiler, **kw: Any) -> str:
    shape = _SAME_VALUE.get(element.type._type_affinity, "{}")
    return shape.format(compiler.process(element.clauses, **kw))


@dataclass(frozen=True)
class Segment:
    scored: bool | None  # True: has the model's score; False: has none; None: either
    keys: tuple[Key, ...]  # the sort key, all one direction, ending in the comment id (unique, so stable)
    descending: bool
    flagged: bool | None = None  # True: a rule flagged it; False: none did; None: either (rules raise flagged ones)


class Plan:
    """One queue query's SQL pieces (`query` is a moderator.reading.queue.QueueQuery). `sorted`
    is False for counts and id lists, which need no order."""

    def __init__(self, session: Session, query: QueueQuery, sorted: bool = True):
        self.query = query
        self.fts: Subquery | None = None
        self.match: ColumnElement[bool] | None = None
        self.like: ColumnElement[bool] | None = None
        full_text = search.full_text(session)
        typed = search.fts_query(query.search) if query.search and full_text else None
        if full_text and typed and (not sorted or query.sort == Sort.RELEVANCE
                                    or full_text.count(session, typed, FEW) <= FEW):
            self.fts = full_text.fts_matches(typed)  # the matches lead, each comment looked up by id
        elif full_text and typed:  # many matches: the sort's index leads, and the matches filter it: each
            # row checked (PostgreSQL), or the matching ids, a set made once (SQLite)
            self.match = (full_text.row_condition(typed) if full_text.row_condition
                          else unindexed(Comment.id).in_(full_text.ids(typed)))
        elif query.search and not full_text:
            self.like = search.like_condition(query.search)
        self.by_score = query.sort == Sort.PRIORITY and query.model_id is not None
        # Is the sort read off its index? May the scores index (model, main) lead? Unsorted,
        # every filter may use its own index (and _choose counts matches that way).
        self.sort_indexed, self.scores_lead = False, not self._picked() and self._main_range()
        if sorted:
            self.sort_indexed, self.scores_lead = self._choose(session)
        self.segments = self._segments()

    def _picked(self) -> bool:
        """Search, article or commenter: few rows by design, read through their own index."""
        return self.fts is not None or self.query.article_id is not None or self.query.author is not None

    def _main_range(self) -> bool:
        return any(r.label is None for r in self.query.scores)

    def _choose(self, session: Session) -> tuple[bool, bool]:
        q = self.query
        if self._picked():
            return not self.by_score and self.fts is None, False  # article and author indexes hold time order too
        if self.by_score and (q.since or q.until):
            dated = select(Comment.id).where(_status(q.kind), *_dates(Comment.created_at, q))
            return (False, False) if _few(session, dated) else (True, True)
        main = [r for r in q.scores if r.label is None]
        if not self.by_score and main:
            ranged = select(Score.comment_id).where(Score.model_id == q.model_id, *_between(Score.main, main[0]))
            return (False, True) if _few(session, ranged) else (True, False)
        return True, self.by_score

    def _segments(self) -> list[Segment]:
        q = self.query
        if q.sort == Sort.RELEVANCE and self.fts is not None:
            return [Segment(None, (self.fts.c.rank, Comment.id), False)]
        by_time = (self._lead(Comment.created_at), Comment.id)
        if q.sort == Sort.OLDEST:
            return [Segment(None, by_time, False)]
        if self.by_score and q.kind in (QueueKind.PENDING, QueueKind.FLAGGED):
            # A rule's flag raises a comment: the flagged first, newest first, off the partial index.
            scored = Segment(True, (self._lead(Score.main), *_TIME), True, flagged=False)
            # (with a score range the scores index leads: the flagged ones by score too)
            raised = [Segment(True, scored.keys, True, flagged=True) if q.needs_score
                      else Segment(None, (Comment.created_at, Comment.id), True, flagged=True)]
            if q.kind == QueueKind.FLAGGED or q.needs_score:
                return raised + [scored]
            return raised + [scored, Segment(False, by_time, True, flagged=False)]
        if self.by_score:
            scored = Segment(True, (self._lead(Score.main), *_TIME), True)
            return [scored] if q.needs_score else [scored, Segment(False, by_time, True)]
        return [Segment(None, by_time, True)]

    def _lead(self, key: QueryableAttribute[T]) -> Key:
        """A sort key, kept off its index unless the sort is read off it."""
        return key if self.sort_indexed else unsorted(key)

    def matching(self, query: Select[*Columns], scored: bool | None,
                 flagged: bool | None = None) -> Select[*Columns]:
        """`query` (a select of some columns, read from Comment) narrowed to the matching comments: those with
        the model's score (scored True), those without (False) or both (None); those a rule flagged
        (flagged True), those none did (False) or both (None)."""
        q, query = self.query, query.select_from(Comment)
        if self.fts is not None:  # the index's matches lead: comments are looked up by id
            query = query.join(self.fts, Comment.id == unindexed(self.fts.c.id))
        # Unless the scores index leads, a comment's score is looked up by its primary key.
        model = Score.model_id if self.scores_lead else unindexed(Score.model_id)
        on_score = and_(Score.comment_id == Comment.id, model == q.model_id)
        joined = scored is True or q.needs_score
        if joined:
            query = query.join(Score, on_score)
        elif scored is False:
            query = query.where(~exists().where(on_score))
        return query.where(*self.conditions(joined, flagged))

    def conditions(self, scores_joined: bool, flagged: bool | None = None) -> list[ColumnElement[bool]]:
        q = self.query
        found = [self._status(scores_joined and flagged is not True)]
        if flagged is not None:
            found.append(Comment.flag.is_not(None) if flagged else Comment.flag.is_(None))
        if q.kind == QueueKind.FLAGGED and flagged is False:  # scored, and over the flag threshold
            found.append(self._off_index(Score.main, not self.by_score) >= q.flagged_from)
        elif q.kind == QueueKind.FLAGGED and flagged is None:
            found.append(self._flagged_either(scores_joined))
        if q.rule is not None:
            found.append(exists().where(RuleHit.comment_id == Comment.id, RuleHit.rule == q.rule))
        equal = ((q.status, Comment.status), (q.article_id, Comment.article_id), (q.author, Comment.author),
                 (q.site_id, unindexed(Comment.site_id)))  # a site picks out too many rows to lead
        for value, column in equal:
            if value is not None:
                found.append(column == value)
        found += _dates(self._off_index(Comment.created_at, self.by_score), q)
        found += [c for c in (self.like, self.match) if c is not None]
        return found + [c for r in q.scores for c in self._score_range(r, not self.by_score)]

    def _flagged_either(self, scores_joined: bool) -> ColumnElement[bool]:
        """A rule flagged it, or the model scores it at or over the flag threshold."""
        q = self.query
        if q.model_id is None:
            return Comment.flag.is_not(None)
        if scores_joined:
            return or_(Comment.flag.is_not(None), Score.main >= q.flagged_from)
        # The comment's own score, looked up by key as each row is read: PostgreSQL made an
        # EXISTS under OR the set of every id scored over the threshold first (200,000: 0.3 s).
        main = select(Score.main).where(Score.comment_id == Comment.id, unindexed(Score.model_id) == q.model_id)
        return or_(Comment.flag.is_not(None), main.scalar_subquery() >= q.flagged_from)

    def _status(self, scores_joined: bool) -> ColumnElement[bool]:
        """While the scores index leads, the status is read from the scores' copy of it
        (migration 0006), so the walk stays inside one status's scores: the decided
        comments that score higher are never stepped over."""
        if scores_joined and self.scores_lead and self.query.kind != QueueKind.ALL:
            return Score.status == _kind_status(self.query.kind)
        return _status(self.query.kind)

    def _off_index(self, column: QueryableAttribute[T], competes: bool) -> ColumnElement[T] | QueryableAttribute[T]:
        """A filter column that would compete with the sort's index for the lead, kept off
        its own index while the sort's index leads."""
        return unindexed(column) if competes and self.sort_indexed else column

    def _score_range(self, r: ScoreRange, time_sort: bool) -> list[ColumnElement[bool]]:
        # Other labels are read from the JSON of label scores (portable JSON accessors): a filter, never an index.
        value: ColumnElement[float] | QueryableAttribute[float] = (
            self._off_index(Score.main, time_sort) if r.label is None else Score.label_scores[r.label].as_float())
        return _between(value, r)

    def ids(self, segment: int, after: tuple[object, ...] | None, limit: int) -> Select[*tuple[Any, ...]]:
        """The next `limit` matches of one segment in order: each comment's id, then its
        sort key (the cursor). Only ids and keys are sorted; rows are read by id after."""
        seg = self.segments[segment]
        keys = [key.label(f"key{i}") for i, key in enumerate(seg.keys)]
        chosen = self.matching(select(Comment.id, *keys), seg.scored, seg.flagged)
        if after is not None:
            chosen = chosen.where(*beyond(seg, after))
        return chosen.order_by(*(key.desc() if seg.descending else key for key in seg.keys)).limit(limit)


def _rows_statement(scored: bool) -> Select[*tuple[Any, ...]]:
    ids: BindParameter[list[int]] = bindparam("ids", expanding=True)
    query: Select[*tuple[Any, ...]] = (select(*COLUMNS, Score.main if scored else null().cast(Float))
             .select_from(Comment).join(Article, Article.id == Comment.article_id))
    if scored:
        query = query.outerjoin(Score, and_(Score.comment_id == Comment.id, Score.model_id == bindparam("model_id")))
    return with_card_marks(query, Comment.id.in_(ids)).where(Comment.id.in_(ids))


# Built once: building a statement with the cards' columns costs more than running it (about
# 1 ms of Python against 0.3 ms of SQLite for a page of 200).
_ROWS = {True: _rows_statement(True), False: _rows_statement(False)}


def rows_by_id(model_id: int | None, comment_ids: Sequence[int]) -> tuple[Select[*tuple[Any, ...]], dict[str, Any]]:
    """The queue row of each comment (columns, article headline, the model's main score, what
    its card shows beside the text): the statement, and its parameters."""
    return _ROWS[model_id is not None], {"ids": list(comment_ids), "model_id": model_id}


def _few(session: Session, through_index: Select[int]) -> bool:
    """Does the filter's own index hold at most FEW rows? (Reads no further than FEW + 1.)"""
    counted = select(func.count()).select_from(through_index.limit(FEW + 1).subquery())
    return session.execute(counted).scalar_one() <= FEW


def _dates(created: ColumnElement[datetime] | QueryableAttribute[datetime], q: QueueQuery) -> list[ColumnElement[bool]]:
    return ([created >= q.since] if q.since else []) + ([created < q.until] if q.until else [])


def _between(value: ColumnElement[float] | QueryableAttribute[float], r: ScoreRange) -> list[ColumnElement[bool]]:
    return ([value >= r.low] if r.low is not None else []) + ([value < r.high] if r.high is not None else [])


def _status(kind: QueueKind) -> ColumnElement[bool]:
    if kind == QueueKind.ALL:  # off the status index, so the All queue is read in time order
        return unindexed(Comment.status).in_(VISIBLE_TO_MODERATORS)
    return Comment.status == _kind_status(kind)


def _kind_status(kind: QueueKind) -> Status:
    return Status.PENDING if kind == QueueKind.FLAGGED else Status(kind)


def beyond(seg: Segment, key: tuple[object, ...], before: bool = False) -> list[ColumnElement[bool]]:
    """Rows after `key` in the segment's order (or before it). The first key's bound is
    repeated on its own, so SQLite starts its index range there."""
    values = [literal(value, type_=column.type) for column, value in zip(seg.keys, key)]
    if seg.descending != before:
        return [seg.keys[0] <= values[0], tuple_(*seg.keys) < tuple_(*values)]
    return [seg.keys[0] >= values[0], tuple_(*seg.keys) > tuple_(*values)]
