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
bounded count finds few matches; otherwise the sort's index leads. The loser is kept off
its index with `unindexed` (SQLite's documented unary-plus hint; nothing elsewhere).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Float, Select, and_, exists, func, literal, null, select, tuple_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from moderator import search
from moderator.queries import OLDEST, PRIORITY
from moderator.storage.models import Article, Comment, Score, Status

FEW = 20_000  # at most this many matches: reading them and sorting beats walking the sort's index
RELEVANCE = "relevance"
_TIME = (Comment.created_at, Comment.id)
COLUMNS = (Comment.id, Comment.article_id, Comment.parent_id, Comment.external_id, Comment.author, Comment.is_staff,
           Comment.body, Comment.created_at, Comment.status, Comment.version, Article.headline)


class unindexed(FunctionElement):  # noqa: N801 (reads as SQL)
    """The expression, which SQLite may not use an index for (rendered `+x`; plain elsewhere)."""

    inherit_cache = True

    def __init__(self, expression):
        super().__init__(expression)
        self.type = expression.type


@compiles(unindexed)
def _plain(element, compiler, **kw) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(unindexed, "sqlite")
def _unary_plus(element, compiler, **kw) -> str:
    return "+" + compiler.process(element.clauses, **kw)


@dataclass(frozen=True)
class Segment:
    scored: bool | None  # True: has the model's score; False: has none; None: either
    keys: tuple  # the sort key, all one direction, ending in the comment id (unique, so stable)
    descending: bool


class Plan:
    """One queue query's SQL pieces (`query` is a moderator.queue.QueueQuery). `sorted`
    is False for counts and id lists, which need no order."""

    def __init__(self, session: Session, query, sorted: bool = True):
        self.query, self.fts, self.like = query, None, None
        if query.search and search.uses_fts(session):
            typed = search.fts_query(query.search)
            self.fts = search.fts_matches(typed) if typed else None
        elif query.search:
            self.like = search.like_condition(query.search)
        # Is the sort read off its index? May the scores index (model, main) lead?
        self.sort_indexed, self.scores_lead = False, self._picked() is False and self._main_range()
        if sorted:
            self.sort_indexed, self.scores_lead = self._choose(session)
        self.segments = self._segments()

    def _picked(self) -> bool:
        """Search, article or commenter: few rows by design, read through their own index."""
        return self.fts is not None or self.query.article_id is not None or self.query.author is not None

    def _main_range(self) -> bool:
        return self.query.kind == "flagged" or any(r.label is None for r in self.query.scores)

    def _choose(self, session: Session) -> tuple[bool, bool]:
        q = self.query
        priority = q.sort == PRIORITY and q.model_id is not None
        if self._picked():
            return not priority and self.fts is None, False  # article and author indexes hold time order too
        if priority and (q.since or q.until):
            return (False, False) if self._few(session) else (True, True)
        if not priority and any(r.label is None for r in q.scores):
            self.scores_lead = True
            return (False, True) if self._few(session) else (True, False)
        return True, priority

    def _few(self, session: Session) -> bool:
        """At most FEW matches, counted through the filter's own index (stopping at FEW + 1)."""
        found = self.select([Comment.id], None, outer=False).limit(FEW + 1).subquery()
        return session.scalar(select(func.count()).select_from(found)) <= FEW

    def _segments(self) -> list[Segment]:
        q = self.query
        if q.sort == RELEVANCE and self.fts is not None:
            return [Segment(None, (self.fts.c.rank, Comment.id), False)]
        lead = (lambda key: key) if self.sort_indexed else unindexed
        by_time = (lead(Comment.created_at), Comment.id)
        if q.sort == OLDEST:
            return [Segment(None, by_time, False)]
        if q.sort == PRIORITY and q.model_id is not None:
            scored = Segment(True, (lead(Score.main), *_TIME), True)
            return [scored] if q.needs_score else [scored, Segment(False, by_time, True)]
        return [Segment(None, by_time, True)]

    def select(self, columns, scored: bool | None, outer: bool = True) -> Select:
        """`columns` of the matching comments: those with the model's score (scored True),
        those without (False) or both (None; outer-joined to the score when `outer`)."""
        q, query = self.query, select(*columns).select_from(Comment)
        if self.fts is not None:  # the index's matches lead: comments are looked up by id
            query = query.join(self.fts, Comment.id == unindexed(self.fts.c.id))
        # Unless the scores index leads, a comment's score is looked up by its primary key.
        model = Score.model_id if self.scores_lead else unindexed(Score.model_id)
        on_score = and_(Score.comment_id == Comment.id, model == q.model_id)
        if scored is True or q.needs_score:
            query = query.join(Score, on_score)
        elif scored is False:
            query = query.where(~exists().where(on_score))
        elif outer and q.model_id is not None:
            query = query.outerjoin(Score, on_score)
        return query.where(*self.conditions())

    def conditions(self) -> list[ColumnElement[bool]]:
        q, priority = self.query, self.query.sort == PRIORITY
        found = [_status(q.kind)]
        if q.kind == "flagged":
            found.append(self._off_index(Score.main, not priority) >= q.flagged_from)
        for value, column in ((q.status, Comment.status), (q.article_id, Comment.article_id),
                              (q.author, Comment.author), (q.site_id, Comment.site_id)):
            if value is not None:
                found.append(column == value)
        created = self._off_index(Comment.created_at, priority)
        found += ([created >= q.since] if q.since else []) + ([created < q.until] if q.until else [])
        found += [self.like] if self.like is not None else []
        return found + [c for r in q.scores for c in self._score_range(r, not priority)]

    def _off_index(self, column, competes: bool):
        """A filter column that would compete with the sort's index for the lead, kept off
        its own index while the sort's index leads."""
        return unindexed(column) if competes and self.sort_indexed else column

    def _score_range(self, r, time_sort: bool) -> list[ColumnElement[bool]]:
        # Other labels are read from the JSON of label scores (portable JSON accessors): a filter, never an index.
        value = self._off_index(Score.main, time_sort) if r.label is None else Score.label_scores[r.label].as_float()
        return ([value >= r.low] if r.low is not None else []) + ([value < r.high] if r.high is not None else [])

    def rows(self, segment: int, after: tuple | None, limit: int) -> Select:
        """A page of one segment: the row's columns, its score, then its sort key."""
        seg = self.segments[segment]
        score = Score.main if seg.scored is not False and self.query.model_id is not None else null().cast(Float)
        query = self.select((*COLUMNS, score, *seg.keys), seg.scored).join(Article, Article.id == Comment.article_id)
        if after is not None:
            query = query.where(*beyond(seg, after))
        return query.order_by(*(key.desc() if seg.descending else key for key in seg.keys)).limit(limit)


def _status(kind: str) -> ColumnElement[bool]:
    if kind == "all":  # off the status index, so the All queue is read in time order
        return unindexed(Comment.status).in_(Status.VISIBLE_TO_MODERATORS)
    return Comment.status == {"flagged": Status.PENDING}.get(kind, kind)


def beyond(seg: Segment, key: tuple, before: bool = False) -> list[ColumnElement[bool]]:
    """Rows after `key` in the segment's order (or before it). The first key's bound is
    repeated on its own, so SQLite starts its index range there."""
    values = [literal(value, type_=column.type) for column, value in zip(seg.keys, key)]
    if seg.descending != before:
        return [seg.keys[0] <= values[0], tuple_(*seg.keys) < tuple_(*values)]
    return [seg.keys[0] >= values[0], tuple_(*seg.keys) > tuple_(*values)]
