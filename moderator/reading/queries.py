"""Read-side queries: plain frozen rows for views and the CLI (never live ORM objects).

Lists are read in pages (offset + limit) so views fetch only what they show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, bindparam, func, select
from sqlalchemy.orm import Session

from moderator.errors import NotFoundError
from moderator.storage.models import Article, Comment, Decision, Score, Site, Status

NEWEST, OLDEST, PRIORITY = "newest", "oldest", "priority"
SORTS = (PRIORITY, NEWEST, OLDEST)
ALL = "all"


@dataclass(frozen=True)
class ArticleRow:
    id: int
    headline: str
    section: str | None
    published_at: datetime | None
    pending: int
    approved: int
    hidden: int


@dataclass(frozen=True)
class ArticleDetail:
    id: int
    external_id: str
    headline: str
    standfirst: str
    body: str
    section: str | None
    published_at: datetime | None
    comment_prompt: str
    comment_call: str

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p.strip()]


@dataclass(frozen=True)
class CommentRow:
    id: int
    article_id: int
    parent_id: int | None
    external_id: str | None
    author: str
    is_staff: bool
    body: str
    created_at: datetime
    status: str
    version: int
    article_headline: str = ""
    score: float | None = None  # the active model's main label; None until it has scored this

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "external_id": self.external_id,
            "article_id": self.article_id,
            "article": self.article_headline,
            "parent_id": self.parent_id,
            "author": self.author,
            "is_staff": self.is_staff,
            "created_at": self.created_at.isoformat(),
            "status": self.status,
            "body": self.body,
        }


@dataclass(frozen=True)
class DecisionRow:
    id: int
    comment_id: int
    action: str
    reason: str | None
    note: str
    moderator: str
    source: str
    created_at: datetime
    status_before: str | None
    status_after: str
    reverts_id: int | None


_COMMENT_COLUMNS = (
    Comment.id, Comment.article_id, Comment.parent_id, Comment.external_id, Comment.author,
    Comment.is_staff, Comment.body, Comment.created_at, Comment.status, Comment.version,
)


_DECISION_COLUMNS = (
    Decision.id, Decision.comment_id, Decision.action, Decision.reason, Decision.note, Decision.moderator,
    Decision.source, Decision.created_at, Decision.status_before, Decision.status_after, Decision.reverts_id,
)


def _count(status: str):
    """How many of the article's comments have this status: a count over the
    (article_id, status, ...) index per article shown, never a scan of every comment."""
    return (select(func.count()).select_from(Comment)
            .where(Comment.article_id == Article.id, Comment.status == status).scalar_subquery())


# Selects that run on every j / k or decision are built once: building one costs more than
# running it on SQLite (each takes its values as bound parameters).
_ARTICLE_ROWS = (
    select(Article.id, Article.headline, Article.section, Article.published_at,
           _count(Status.PENDING), _count(Status.APPROVED), _count(Status.HIDDEN))
    .order_by(Article.published_at.desc().nulls_last(), Article.id)
)


def article_page(session: Session, offset: int = 0, limit: int = 100, article_id: int | None = None) -> list[ArticleRow]:
    """Articles newest first, each with its comment counts by status (or just one article)."""
    query = _ARTICLE_ROWS
    if article_id is not None:
        query = query.where(Article.id == article_id)
    return [ArticleRow(*row) for row in session.execute(query.offset(offset).limit(limit))]


def article_row(session: Session, article_id: int) -> ArticleRow | None:
    """One article's list row with its counts (None if it is gone)."""
    return next(iter(article_page(session, 0, 1, article_id=article_id)), None)


def article_detail(session: Session, article_id: int) -> ArticleDetail:
    row = session.execute(
        select(Article.id, Article.external_id, Article.headline, Article.standfirst, Article.body,
               Article.section, Article.published_at, Site.comment_prompt, Site.comment_call)
        .join(Site, Site.id == Article.site_id)
        .where(Article.id == article_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"There is no article with id {article_id}.")
    return ArticleDetail(*row)


def _comments(model_id):
    """Comment rows with their article's headline and the given model's main score (`model_id`
    an id, None for no model, or a bound parameter)."""
    scored_by_model = and_(Score.comment_id == Comment.id, Score.model_id == (model_id if model_id is not None else -1))
    return (
        select(*_COMMENT_COLUMNS, Article.headline, Score.main)
        .join(Article, Article.id == Comment.article_id)
        .outerjoin(Score, scored_by_model)
    )


def thread(session: Session, article_id: int, model_id: int | None = None) -> list[CommentRow]:
    """Every comment a moderator can see on an article, oldest first (parents before replies)."""
    rows = session.execute(
        _comments(model_id)
        .where(Comment.article_id == article_id, Comment.status.in_(Status.VISIBLE_TO_MODERATORS))
        .order_by(Comment.created_at, Comment.id)
    )
    return [CommentRow(*row) for row in rows]


QUEUE_ORDER = {
    NEWEST: (Comment.created_at.desc(), Comment.id.desc()),
    OLDEST: (Comment.created_at, Comment.id),
    # Highest score first; unscored after, newest first, until the model gets to them.
    PRIORITY: (Score.main.desc().nulls_last(), Comment.created_at.desc(), Comment.id.desc()),
}


def queue_page(session: Session, status: str = Status.PENDING, sort: str = NEWEST, offset: int = 0,
               limit: int | None = 100, model_id: int | None = None) -> list[CommentRow]:
    """Comments across all articles, by status (or all), by priority, newest or oldest first."""
    query = _comments(model_id)
    if status == ALL:
        query = query.where(Comment.status.in_(Status.VISIBLE_TO_MODERATORS))
    else:
        query = query.where(Comment.status == status)
    rows = session.execute(query.order_by(*QUEUE_ORDER[sort]).offset(offset).limit(limit))
    return [CommentRow(*row) for row in rows]


def queue_count(session: Session, status: str = Status.PENDING) -> int:
    query = select(func.count()).select_from(Comment)
    if status == ALL:
        return session.scalar(query.where(Comment.status.in_(Status.VISIBLE_TO_MODERATORS)))
    return session.scalar(query.where(Comment.status == status))


_COMMENT_BY_ID = _comments(bindparam("model_id")).where(Comment.id == bindparam("comment_id"))


def comment(session: Session, comment_id: int, model_id: int | None = None) -> CommentRow:
    values = {"comment_id": comment_id, "model_id": model_id if model_id is not None else -1}
    row = session.execute(_COMMENT_BY_ID, values).one_or_none()
    if row is None:
        raise NotFoundError(f"There is no comment with id {comment_id}.")
    return CommentRow(*row)


def comments_by_ids(session: Session, comment_ids: list[int], model_id: int | None = None) -> list[CommentRow]:
    rows = session.execute(_comments(model_id).where(Comment.id.in_(comment_ids)))
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
        raise NotFoundError(f"There is no decision with id {decision_id}.")
    return DecisionRow(*row)


def stats(session: Session) -> dict:
    by_status = dict(session.execute(select(Comment.status, func.count()).group_by(Comment.status)).all())
    by_action = dict(session.execute(select(Decision.action, func.count()).group_by(Decision.action)).all())
    return {
        "articles": session.scalar(select(func.count()).select_from(Article)),
        "comments": {status: by_status.get(status, 0) for status in Status.VISIBLE_TO_MODERATORS}
        | {"total": sum(by_status.get(s, 0) for s in Status.VISIBLE_TO_MODERATORS)},
        "decisions": {"total": sum(by_action.values()), **dict(sorted(by_action.items()))},
    }
