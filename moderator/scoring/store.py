"""Scores in the database: model identities, reading what is unscored in the order
moderators will see it, writing scores, and sorting the queue by priority.

Writes go through `write_scores` only, so the GUI can run it on its one writer while
inference runs elsewhere. Rows crossing threads are plain tuples, never ORM objects.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVarTuple

from sqlalchemy import ColumnElement, Insert, Select, SQLColumnExpression, Table, and_, bindparam, exists, func, select, tuple_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from moderator.rules.apply import on_scores
from moderator.scoring.base import LabelScores, ModelIdentity
from moderator.scoring.priority import Thresholds, priority
from moderator.storage.models import Comment, Score, ScoringModel, core_table, utcnow
from moderator.vocabulary import VISIBLE_TO_MODERATORS, Status

_APPROVED_OR_HIDDEN = (Status.APPROVED, Status.HIDDEN)
Columns = TypeVarTuple("Columns")  # a select's column types, kept through the functions that extend it
SortKeys = tuple[SQLColumnExpression[Any], ...]


def find_model(session: Session, identity: ModelIdentity) -> int | None:
    """The database id of a model identity, or None if it has scored nothing here yet."""
    return session.scalar(select(ScoringModel.id).where(
        ScoringModel.name == identity.name, ScoringModel.checksum == identity.checksum))


def register_model(session: Session, identity: ModelIdentity) -> int:
    """Get or create the identity's row (safe when two machines race on a shared database)."""
    if (model_id := find_model(session, identity)) is not None:
        return model_id
    row = ScoringModel(name=identity.name, family=identity.family, checksum=identity.checksum,
                       source=identity.source, labels=list(identity.labels), main_label=identity.main_label)
    try:
        with session.begin_nested():
            session.add(row)
        return row.id
    except IntegrityError:  # another machine registered it first: its row is there now
        if (model_id := find_model(session, identity)) is None:
            raise
        return model_id


def _unscored(model_id: int, since: datetime | None) -> ColumnElement[bool]:
    """No score from this model (or, when re-scoring, none written since `since`)."""
    mine = and_(Score.comment_id == Comment.id, Score.model_id == model_id)
    if since is not None:
        mine = and_(mine, Score.scored_at >= since)
    return ~exists().where(mine)


def count_unscored(session: Session, model_id: int | None, since: datetime | None = None) -> int:
    query = select(func.count()).select_from(Comment).where(Comment.status.in_(VISIBLE_TO_MODERATORS))
    if model_id is not None:
        query = query.where(_unscored(model_id, since))
    return session.execute(query).scalar_one()


@dataclass
class ScoringPlan:
    """Unscored comments, highest visibility first: the open article, then the pending
    queue newest first, then the decided ones. Each phase pages with a keyset cursor,
    so a million comments are walked once, not re-scanned window after window."""

    model_id: int
    priority_article: int | None = None
    since: datetime | None = None  # set when re-scoring
    _phase: int = 0
    _cursor: tuple[object, ...] | None = field(default=None, repr=False)

    def next_window(self, session: Session, size: int) -> list[tuple[int, str]]:
        """Up to `size` (comment id, text) pairs; empty when everything is scored."""
        phases = self._phases()
        while self._phase < len(phases):
            condition, keys = phases[self._phase]
            rows = session.execute(self._page(condition, keys, size)).all()
            if rows:
                self._cursor = tuple(rows[-1][2:])
                return [(row[0], row[1]) for row in rows]
            self._phase, self._cursor = self._phase + 1, None
        return []

    def _phases(self) -> list[tuple[ColumnElement[bool], SortKeys]]:
        by_time: SortKeys = (Comment.created_at, Comment.id)
        phases = [(Comment.status == Status.PENDING, by_time), (Comment.status.in_(_APPROVED_OR_HIDDEN), (Comment.id,))]
        if self.priority_article is not None:
            article = and_(Comment.article_id == self.priority_article, Comment.status.in_(VISIBLE_TO_MODERATORS))
            phases.insert(0, (article, by_time))
        return phases

    def _page(self, condition: ColumnElement[bool], keys: SortKeys, size: int) -> Select[*tuple[Any, ...]]:
        query = select(Comment.id, Comment.body, *keys).where(condition, _unscored(self.model_id, self.since))
        if self._cursor is not None:
            query = query.where(tuple_(*keys) < tuple_(*self._cursor) if len(keys) > 1 else keys[0] < self._cursor[0])
        return query.order_by(*(key.desc() for key in keys)).limit(size)


def write_scores(session: Session, model_id: int, main_label: str,
                 comment_ids: Sequence[int], rows: Sequence[LabelScores]) -> None:
    """Store one batch (replacing earlier scores from the same model). The caller commits."""
    now = utcnow()
    values = [{"comment_id": comment_id, "model_id": model_id, "main": row[main_label],
               "label_scores": row, "scored_at": now} for comment_id, row in zip(comment_ids, rows)]
    if values:
        session.execute(_upsert(session), values)
        on_scores(session.connection(), model_id, list(comment_ids))  # the rules see the scores in this transaction


# The dialects with an upsert (INSERT ... ON CONFLICT), each its own Insert class; imported
# when used: PostgreSQL's dialect costs a tenth of a second of every start otherwise.
_UPSERTS = {"sqlite": "sqlalchemy.dialects.sqlite", "postgresql": "sqlalchemy.dialects.postgresql"}


def _upsert(session: Session) -> Insert:
    # Core, not the ORM's bulk path: a quarter less Python per row
    return upsert(session, core_table(Score), ["comment_id", "model_id"], ["main", "label_scores", "scored_at"])


def upsert(session: Session, table: Table, keys: list[str], replaced: list[str]) -> Insert:
    """INSERT ... ON CONFLICT (keys) DO UPDATE SET the replaced columns, in the session's dialect."""
    dialect: Any = importlib.import_module(_UPSERTS[session.get_bind().dialect.name])  # sqlite or postgresql
    insert = dialect.insert(table)
    statement: Insert = insert.on_conflict_do_update(index_elements=[table.c[key] for key in keys],
                                                     set_={column: insert.excluded[column] for column in replaced})
    return statement


# Built once: the comment panel reads it on every j / k.
_LABEL_SCORES = (select(Score.comment_id, Score.label_scores)
                 .where(Score.model_id == bindparam("model_id"), Score.comment_id.in_(bindparam("comment_ids", expanding=True))))


def scores_for(session: Session, model_id: int | None, comment_ids: Sequence[int]) -> dict[int, LabelScores]:
    """Label scores from one model for the given comments; unscored ones are absent."""
    if model_id is None or not comment_ids:
        return {}
    rows = session.execute(_LABEL_SCORES, {"model_id": model_id, "comment_ids": list(comment_ids)})
    return dict(rows.all())


def score_fields(session: Session, identity: ModelIdentity, comment_ids: Sequence[int],
                 thresholds: Thresholds = Thresholds()) -> dict[int, dict[str, object]]:
    """Per comment, what `queue --json` shows: {"priority": "High"/"Medium"/"Low" or None,
    "scores": label -> value from the model, or None when it has not scored the comment}."""
    found = scores_for(session, find_model(session, identity), comment_ids)
    return {comment_id: {"priority": priority(found[comment_id][identity.main_label], thresholds)
                         if comment_id in found else None, "scores": found.get(comment_id)}
            for comment_id in comment_ids}


