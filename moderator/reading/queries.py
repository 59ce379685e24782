"""Read-side queries: articles, one comment, a thread, a history; plain frozen rows
(moderator.reading.rows) for views and the CLI, never live ORM objects."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any, TypedDict

from sqlalchemy import BindParameter, ColumnElement, Integer, Select, and_, bindparam, func, or_, select
from sqlalchemy.orm import Session

from moderator.changes import Changes
from moderator.errors import NotFoundError
from moderator.i18n import translate
from moderator.reading.cardmarks import with_card_marks
from moderator.reading.rows import ArticleDetail, ArticleRow, CommentRow, DecisionRow
from moderator.storage.models import Article, ArticleCount, ArticleScore, Comment, Decision, Score, Site
from moderator.vocabulary import VISIBLE_TO_MODERATORS

_COMMENT_COLUMNS = (
    Comment.id, Comment.article_id, Comment.parent_id, Comment.external_id, Comment.author,
    Comment.is_staff, Comment.body, Comment.created_at, Comment.status, Comment.version,
)


_DECISION_COLUMNS = (
    Decision.id, Decision.comment_id, Decision.action, Decision.reason, Decision.note, Decision.moderator,
    Decision.source, Decision.created_at, Decision.status_before, Decision.status_after, Decision.reverts_id,
)


# Selects that run on every j / k or decision are built once: building one costs more than
# running it on SQLite (each takes its values as bound parameters).
_MODEL = bindparam("model_id", type_=Integer)
# Each article's counts and the model's highest score and scored count, as the triggers keep
# them (storage/articlecounts.py): two key lookups a row, however many comments it has.
_KEPT_COUNTS = (func.coalesce(ArticleCount.pending, 0), func.coalesce(ArticleCount.approved, 0),
                func.coalesce(ArticleCount.hidden, 0))
_VISIBLE_COUNT = _KEPT_COUNTS[0] + _KEPT_COUNTS[1] + _KEPT_COUNTS[2]
_ARTICLE_ROWS = (select(Article.id, Article.headline, Article.section, Article.published_at, *_KEPT_COUNTS,
                        ArticleScore.top, _VISIBLE_COUNT - func.coalesce(ArticleScore.scored, 0))
                 .outerjoin(ArticleCount, ArticleCount.article_id == Article.id)
                 .outerjoin(ArticleScore, and_(ArticleScore.article_id == Article.id, ArticleScore.model_id == _MODEL)))
# Newest first, undated last; in the order they were imported within one time.
_ARTICLE_ORDER = (Article.published_at.desc().nulls_last(), Article.id)
ArticleCursor = tuple[datetime | None, int]  # (published_at, id) of the last row shown


def article_page(session: Session, after: ArticleCursor | None = None, limit: int = 100,
                 model_id: int | None = None) -> tuple[list[ArticleRow], ArticleCursor | None]:
    """Articles newest first (undated last), each with its comment counts by status and, for
    the model `model_id`, its highest score and how many of its comments are unscored: up to
    `limit` after the cursor `after`, and the cursor for the next page."""
    query = _ARTICLE_ROWS.order_by(*_ARTICLE_ORDER).limit(limit)
    if after is not None:
        query = query.where(_after_article(*after))
    rows = [ArticleRow(*row) for row in session.execute(query, _model(model_id))]
    return rows, ((rows[-1].published_at, rows[-1].id) if rows else after)


def _after_article(published_at: datetime | None, article_id: int) -> ColumnElement[bool]:
    if published_at is None:  # among the undated, which come last
        return and_(Article.published_at.is_(None), Article.id > article_id)
    return or_(Article.published_at < published_at,
               and_(Article.published_at == published_at, Article.id > article_id),
               Article.published_at.is_(None))


def _model(model_id: int | None) -> dict[str, int]:
    return {"model_id": model_id if model_id is not None else -1}  # -1: no model, every comment unscored


def article_row(session: Session, article_id: int, model_id: int | None = None) -> ArticleRow | None:
    """One article's list row with its counts (None if it is gone)."""
    row = session.execute(_ARTICLE_ROWS.where(Article.id == article_id), _model(model_id)).one_or_none()
    return ArticleRow(*row) if row is not None else None


def article_detail(session: Session, article_id: int) -> ArticleDetail:
    row = session.execute(
        select(Article.id, Article.external_id, Article.headline, Article.standfirst, Article.body,
               Article.section, Article.published_at, Site.comment_prompt, Site.comment_call)
        .join(Site, Site.id == Article.site_id)
        .where(Article.id == article_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError(translate("errors", "There is no article with id {id}.").format(id=article_id))
    return ArticleDetail(*row)


def _comments(model_id: int | BindParameter[int] | None, *which: ColumnElement[bool]) -> Select[*tuple[Any, ...]]:
    """Comment rows with their article's headline, the given model's main score (`model_id`
    an id, None for no model, or a bound parameter) and what their cards show beside the text
    (reading/cardmarks.py); `which` picks the comments, written on Comment."""
    scored_by_model = and_(Score.comment_id == Comment.id, Score.model_id == (model_id if model_id is not None else -1))
    query: Select[*tuple[Any, ...]] = (
        select(*_COMMENT_COLUMNS, Article.headline, Score.main)
        .join(Article, Article.id == Comment.article_id)
        .outerjoin(Score, scored_by_model)
    )
    return with_card_marks(query, *which).where(*which)


def thread(session: Session, article_id: int, model_id: int | None = None) -> list[CommentRow]:
    """Every comment a moderator can see on an article, oldest first (parents before replies)."""
    rows = session.execute(
        _comments(model_id, Comment.article_id == article_id)
        .where(Comment.status.in_(VISIBLE_TO_MODERATORS))
        .order_by(Comment.created_at, Comment.id)
    )
    return [CommentRow(*row) for row in rows]


_COMMENT_BY_ID = _comments(bindparam("model_id"), Comment.id == bindparam("comment_id"))


def comment(session: Session, comment_id: int, model_id: int | None = None) -> CommentRow:
    values = {"comment_id": comment_id, "model_id": model_id if model_id is not None else -1}
    row = session.execute(_COMMENT_BY_ID, values).one_or_none()
    if row is None:
        raise NotFoundError(translate("errors", "There is no comment with id {id}.").format(id=comment_id))
    return CommentRow(*row)


def imported_as(session: Session, comment_id: int) -> tuple[str | None, str | None]:
    """The status the site gave the comment when it was imported (None: made here) and why
    the site held or hid it (spam, deleted, trash…; None if it did not say)."""
    row = session.execute(select(Comment.source_status, Comment.source_flag).where(Comment.id == comment_id)).one_or_none()
    return (row[0], row[1]) if row is not None else (None, None)


ROWS_AFTER_WRITE = 200  # a larger bulk action's views read again only what they show


def with_rows(session: Session, changes: Changes, model_id: int | None) -> Changes:
    """`changes` with the rows of what it changed, read in the write's own session (on the
    writer's thread, so the GUI thread does not wait): each changed comment's row and its
    article's list row, when there are at most ROWS_AFTER_WRITE of them."""
    if changes.everything or not changes.comment_ids or len(changes.comment_ids) > ROWS_AFTER_WRITE:
        return changes
    rows = {row.id: row for row in comments_by_ids(session, list(changes.comment_ids), model_id)}
    article_ids = changes.article_ids or frozenset(row.article_id for row in rows.values())
    articles = {row.id: row for article_id in article_ids
                if (row := article_row(session, article_id, model_id)) is not None}
    return replace(changes, rows=rows, articles=articles, article_ids=article_ids)


def comments_by_ids(session: Session, comment_ids: list[int], model_id: int | None = None) -> list[CommentRow]:
    rows = session.execute(_comments(model_id, Comment.id.in_(comment_ids)))
    return [CommentRow(*row) for row in rows]


_STAFF_REPLIES = select(Comment.id).where(Comment.parent_id == bindparam("comment_id"), Comment.is_staff)
_HISTORY = (
    select(*_DECISION_COLUMNS)
    .where((Decision.comment_id == bindparam("comment_id")) | Decision.comment_id.in_(_STAFF_REPLIES))
    .order_by(Decision.id)
)


def history(session: Session, comment_id: int) -> list[DecisionRow]:
    """Decisions on the comment and on staff replies posted under it, oldest first."""
    return [DecisionRow(*row) for row in session.execute(_HISTORY, {"comment_id": comment_id})]


def decision(session: Session, decision_id: int) -> DecisionRow:
    row = session.execute(select(*_DECISION_COLUMNS).where(Decision.id == decision_id)).one_or_none()
    if row is None:
        raise NotFoundError(translate("errors", "There is no decision with id {id}.").format(id=decision_id))
    return DecisionRow(*row)


class Stats(TypedDict):
    articles: int
    comments: dict[str, int]  # per status a moderator sees, and "total"
    decisions: dict[str, int]  # "total", and per action


def stats(session: Session) -> Stats:
    by_status = {status: n for status, n in session.execute(select(Comment.status, func.count()).group_by(Comment.status))}
    by_action = {action: n for action, n in session.execute(select(Decision.action, func.count()).group_by(Decision.action))}
    return {
        "articles": session.execute(select(func.count()).select_from(Article)).scalar_one(),
        "comments": {status: by_status.get(status, 0) for status in VISIBLE_TO_MODERATORS}
        | {"total": sum(by_status.get(s, 0) for s in VISIBLE_TO_MODERATORS)},
        "decisions": {"total": sum(by_action.values()), **dict(sorted(by_action.items()))},
    }


# For moderator.reading.articles (the Articles tab's filters and sorts), which builds on these.
ARTICLE_ROWS, ARTICLE_ORDER, after_article, model_parameter = _ARTICLE_ROWS, _ARTICLE_ORDER, _after_article, _model
