"""The Articles tab's list at scale: search by headline, "with comments" and "with pending"
filters, three sorts; keyset pages (never OFFSET), so 20,000 articles are never read at once.

- Newest: off the (published_at, id) index, undated last; each filter an EXISTS per article read.
- Every figure on a card, and the filters, come from the counts and scores the triggers keep
  per article (storage/articlecounts.py, migration 0012): two key lookups an article.
- Most pending / highest score: each article's pending count and the active model's highest
  score on it, kept by triggers (storage/articlecounts.py, migration 0012), walked down their
  indexes; ties and the articles with nothing to sort by (none pending, never scored) come
  newest article first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, select, tuple_
from sqlalchemy.orm import Session, aliased

from moderator.i18n import translate
from moderator.reading import queries
from moderator.reading.rows import ArticleRow
from moderator.storage.models import Article, ArticleCount, ArticleScore


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
    future = published_at is not None and published_at > (now or datetime.now(UTC))
    return translate("articles", "not yet published") if future else ""


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


_COUNTS = aliased(ArticleCount)  # the filters' own: the rows' query joins ArticleCount too


def _filters(wanted: ArticleFilter, pending_known: bool = False) -> list[ColumnElement[bool]]:
    """`pending_known`: the query reads only articles with pending comments already."""
    found: list[ColumnElement[bool]] = []
    if wanted.headline.strip():
        found.append(Article.headline.ilike(_pattern(wanted.headline.strip()), escape="\\"))
    if pending_known:
        return found
    if wanted.with_pending:
        found.append(exists().where(_COUNTS.article_id == Article.id, _COUNTS.pending > 0))
    elif wanted.with_comments:
        found.append(exists().where(_COUNTS.article_id == Article.id,
                                    _COUNTS.pending + _COUNTS.approved + _COUNTS.hidden > 0))
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


# --- Most pending first, highest score first ------------------------------------------------
# Both read figures the triggers keep (storage/articlecounts.py) off an index walked from the
# top, newest article first within a tie; each page stops at its `limit`th article, however
# deep it is. Articles with none pending (or no score) follow, newest first.

def _most_pending(session: Session, wanted: ArticleFilter, after: ArticleCursor | None, limit: int,
                  model_id: int | None) -> list[ArticleRow]:
    count, after_id = (int(_number(after[0])), after[1]) if after is not None else (None, None)
    ids: list[int] = []
    if count != 0:  # still among the articles with pending comments
        query = (select(ArticleCount.article_id).join(Article, Article.id == ArticleCount.article_id)
                 .where(ArticleCount.pending > 0, *_filters(wanted, pending_known=True))
                 .order_by(ArticleCount.pending.desc(), ArticleCount.article_id.desc()).limit(limit))
        if count is not None and after_id is not None:
            query = query.where(tuple_(ArticleCount.pending, ArticleCount.article_id) < tuple_(count, after_id))
        ids = list(session.scalars(query))
        after_id = None
    if len(ids) < limit and not wanted.with_pending:
        none_pending = ~exists().where(ArticleCount.article_id == Article.id, ArticleCount.pending > 0)
        ids += _newest_ids(session, wanted, none_pending, after_id, limit - len(ids))
    return _rows_in_order(session, ids, model_id)


def _highest_first(session: Session, wanted: ArticleFilter, after: ArticleCursor | None, limit: int,
                   model_id: int | None) -> list[ArticleRow]:
    top, after_id = (after[0], after[1]) if after is not None else (None, None)
    ids: list[int] = []
    scored = and_(ArticleScore.article_id == Article.id, ArticleScore.model_id == (model_id or -1), ArticleScore.top.is_not(None))
    if after is None or top is not None:  # still among the scored articles
        query = (select(ArticleScore.article_id).join(Article, Article.id == ArticleScore.article_id)
                 .where(scored, *_filters(wanted)).order_by(ArticleScore.top.desc(), ArticleScore.article_id.desc())
                 .limit(limit))
        if after is not None and after_id is not None:
            query = query.where(tuple_(ArticleScore.top, ArticleScore.article_id) < tuple_(_number(top), after_id))
        ids = list(session.scalars(query))
        after_id = None
    if len(ids) < limit:
        ids += _newest_ids(session, wanted, ~exists().where(scored), after_id, limit - len(ids))
    return _rows_in_order(session, ids, model_id)


def _newest_ids(session: Session, wanted: ArticleFilter, condition: ColumnElement[bool], before_id: int | None,
                limit: int) -> list[int]:
    """After the sorted ones: the articles with nothing to sort them by, newest (highest id) first."""
    query = select(Article.id).where(condition, *_filters(wanted)).order_by(Article.id.desc()).limit(limit)
    if before_id is not None:
        query = query.where(Article.id < before_id)
    return list(session.scalars(query))


def _rows_in_order(session: Session, ids: list[int], model_id: int | None) -> list[ArticleRow]:
    """The page's rows, read once its ids are known: sorted with their counts and scores,
    SQLite would work out every article's."""
    rows = {row.id: row for row in _rows(session, queries.ARTICLE_ROWS.where(Article.id.in_(ids)), model_id)}
    return [rows[article_id] for article_id in ids if article_id in rows]
