"""The Articles tab's list at scale: search by headline, "with comments" and "with pending"
filters, three sorts; keyset pages (never OFFSET), so 20,000 articles are never read at once.

- Newest: off the (published_at, id) index, undated last; each filter an EXISTS per article read.
- Most pending: the pending comments counted per article off the (status, article_id) index
  (migration 0010), in one pass, then the articles in that order.
- Highest score: the active model's scores walked from the top (the (model_id, main) index);
  each article comes in order the first time one of its comments does, at its highest score,
  so a page reads a few hundred scores, not a million. Articles with no score come last.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from moderator.reading import queries
from moderator.reading.rows import ArticleRow
from moderator.storage.models import Article, Comment, Score
from moderator.vocabulary import VISIBLE_TO_MODERATORS, Status

WALK_ROWS = 500  # scores read at a time while walking down for the highest-score sort


class ArticleSort(StrEnum):
    NEWEST = "newest"
    MOST_PENDING = "most_pending"
    HIGHEST = "highest"


@dataclass(frozen=True)
class ArticleFilter:
    headline: str = ""  # part of the headline, any case
    with_comments: bool = False  # at least one comment a moderator can see
    with_pending: bool = True  # at least one pending comment
    sort: ArticleSort = ArticleSort.NEWEST


def date_note(published_at: datetime | None, now: datetime | None = None) -> str:
    """What an article's date says about it, if anything: a post dated in the future is one
    its site has not published yet (WordPress's scheduled posts; exports carry them too)."""
    return "not yet published" if published_at is not None and published_at > (now or datetime.now(UTC)) else ""


# The last row shown, as its sort's key: (published_at, id), (pending, id) or (highest, id).
ArticleCursor = tuple[datetime | float | int | None, int]


def article_page(session: Session, wanted: ArticleFilter, after: ArticleCursor | None = None, limit: int = 100,
                 model_id: int | None = None) -> tuple[list[ArticleRow], ArticleCursor | None]:
    """Up to `limit` articles matching `wanted`, in its order, after the cursor `after`."""
    if wanted.sort == ArticleSort.MOST_PENDING:
        rows = _most_pending(session, wanted, after, limit, model_id)
        return rows, ((rows[-1].pending, rows[-1].id) if rows else after)
    if wanted.sort == ArticleSort.HIGHEST:
        rows = _highest_first(session, wanted, after, limit, model_id)
        return rows, ((rows[-1].highest, rows[-1].id) if rows else after)
    rows = _newest(session, wanted, after, limit, model_id)
    return rows, ((rows[-1].published_at, rows[-1].id) if rows else after)


def _filters(wanted: ArticleFilter) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if wanted.headline.strip():
        found.append(Article.headline.ilike(_pattern(wanted.headline.strip()), escape="\\"))
    if wanted.with_pending:
        found.append(exists().where(Comment.article_id == Article.id, Comment.status == Status.PENDING))
    elif wanted.with_comments:
        found.append(exists().where(Comment.article_id == Article.id, Comment.status.in_(VISIBLE_TO_MODERATORS)))
    return found


def _pattern(part: str) -> str:
    return "%" + part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _rows(session: Session, query: Select[*tuple[Any, ...]], model_id: int | None) -> list[ArticleRow]:
    result: Any = session.execute(query, queries.model_parameter(model_id))
    return [ArticleRow(*row) for row in result]


def _number(key: datetime | float | int | None) -> float:
    """A cursor's count or score (never a date: that is the newest sort's)."""
    return float(key) if isinstance(key, int | float) else 0.0


# --- Newest first ---------------------------------------------------------------------------

def _newest(session: Session, wanted: ArticleFilter, after: ArticleCursor | None, limit: int,
            model_id: int | None) -> list[ArticleRow]:
    query = queries.ARTICLE_ROWS.where(*_filters(wanted)).order_by(*queries.ARTICLE_ORDER).limit(limit)
    if after is not None:
        published_at, article_id = after
        query = query.where(queries.after_article(published_at if isinstance(published_at, datetime) else None,
                                                  article_id))
    return _rows(session, query, model_id)


# --- Most pending first ---------------------------------------------------------------------

def _most_pending(session: Session, wanted: ArticleFilter, after: ArticleCursor | None, limit: int,
                  model_id: int | None) -> list[ArticleRow]:
    """The page's ids first, then their rows: sorted with its counts and scores, SQLite
    would work out every article's (a second and a half at 20,000 articles)."""
    counted = (select(Comment.article_id, func.count().label("n")).where(Comment.status == Status.PENDING)
               .group_by(Comment.article_id).subquery("pending_counts"))
    pending = func.coalesce(counted.c.n, 0)
    query = (select(Article.id).outerjoin(counted, counted.c.article_id == Article.id)
             .where(*_filters(wanted)).order_by(pending.desc(), Article.id).limit(limit))
    if after is not None:
        count, article_id = int(_number(after[0])), after[1]
        query = query.where(or_(pending < count, and_(pending == count, Article.id > article_id)))
    ids = list(session.scalars(query))
    rows = {row.id: row for row in _rows(session, queries.ARTICLE_ROWS.where(Article.id.in_(ids)), model_id)}
    return [rows[article_id] for article_id in ids if article_id in rows]


# --- Highest score first --------------------------------------------------------------------

def _highest_first(session: Session, wanted: ArticleFilter, after: ArticleCursor | None, limit: int,
                   model_id: int | None) -> list[ArticleRow]:
    if after is None or after[0] is not None:  # still among the scored articles
        rows = _scored_in_order(session, wanted, after, limit, model_id) if model_id is not None else []
        if len(rows) == limit:
            return rows
        after_id = 0
    else:
        rows, after_id = [], after[1]
    return rows + _never_scored(session, wanted, after_id, limit - len(rows), model_id)


def _scored_in_order(session: Session, wanted: ArticleFilter, after: ArticleCursor | None, limit: int,
                     model_id: int) -> list[ArticleRow]:
    """Articles by their highest score, walking the scores down from the cursor's. Each article
    met is read once (a batch at a time, the filters in SQL); one whose highest is above the
    cursor's was on an earlier page. The walk stops once a page is full and the scores fall
    below its last row's (ties are all read, then cut)."""
    top, last_id = (_number(after[0]), after[1]) if after is not None and after[0] is not None else (None, 0)
    met: set[int] = set()
    found: list[ArticleRow] = []
    batch: list[int] = []
    for article_id, score in _walk(session, model_id, top):
        if len(found) >= limit and score < min(row.highest or 0.0 for row in found):
            break
        if article_id not in met:
            met.add(article_id)
            batch.append(article_id)
        if len(batch) >= limit:
            found += _unseen(_read(session, wanted, batch, model_id, top, last_id), top, last_id)
            batch = []
    found += _unseen(_read(session, wanted, batch, model_id, top, last_id), top, last_id)
    found.sort(key=lambda row: (-(row.highest or 0.0), row.id))
    return found[:limit]


def _read(session: Session, wanted: ArticleFilter, ids: list[int], model_id: int, top: float | None,
          last_id: int) -> list[ArticleRow]:
    """The rows of these articles that pass the filters and were on no earlier page: SQLite
    tests both before working out a row's counts and scores (deep down, most met were)."""
    if not ids:
        return []
    query = queries.ARTICLE_ROWS.where(Article.id.in_(ids), *_filters(wanted))
    if top is not None:
        above = or_(Score.main > top, and_(Score.main == top, Article.id <= last_id))
        query = query.where(~exists().where(Comment.article_id == Article.id, Comment.status.in_(VISIBLE_TO_MODERATORS),
                                            Score.comment_id == Comment.id, Score.model_id == model_id, above))
    return _rows(session, query, model_id)


def _unseen(rows: list[ArticleRow], top: float | None, last_id: int) -> list[ArticleRow]:
    """Those not shown on an earlier page (their highest is the cursor's or below)."""
    return [row for row in rows if row.highest is not None and (
        top is None or row.highest < top or (row.highest == top and row.id > last_id))]


def _walk(session: Session, model_id: int, top: float | None) -> Iterator[tuple[int, float]]:
    """(article id, score) of the model's scores on comments a moderator can see, highest first."""
    query = (select(Comment.article_id, Score.main).join(Comment, Comment.id == Score.comment_id)
             .where(Score.model_id == model_id, Score.status.in_(VISIBLE_TO_MODERATORS))
             .order_by(Score.main.desc()))
    if top is not None:
        query = query.where(Score.main <= top)
    result = session.execute(query.execution_options(yield_per=WALK_ROWS))
    try:
        yield from ((article_id, score) for article_id, score in result)
    finally:
        result.close()


def _never_scored(session: Session, wanted: ArticleFilter, after_id: int, limit: int,
                  model_id: int | None) -> list[ArticleRow]:
    """After the scored ones: the articles none of whose comments the model has scored, by id."""
    if limit <= 0:
        return []
    scored = exists().where(Comment.article_id == Article.id, Comment.status.in_(VISIBLE_TO_MODERATORS),
                            exists().where(Score.comment_id == Comment.id, Score.model_id == (model_id or -1)))
    query = (queries.ARTICLE_ROWS.where(~scored, Article.id > after_id, *_filters(wanted))
             .order_by(Article.id).limit(limit))
    return _rows(session, query, model_id)
