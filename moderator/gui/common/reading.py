"""What every view reads through: a read in a fresh session, the active model (whose
scores order, filter and colour everything), and the rows a Changes value names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session, sessionmaker

from moderator.changes import Changes
from moderator.reading import queries
from moderator.reading.rows import CommentRow
from moderator.scoring.base import ModelIdentity
from moderator.scoring.priority import Thresholds, priority

T = TypeVar("T")
PriorityOf = Callable[[float | None], str | None]  # a score's priority ("High", …), None if unscored


class Read(Protocol):
    """Runs a read in a fresh session and returns what it returns."""

    def __call__(self, query: Callable[[Session], T], /) -> T: ...


def reader_of(sessions: sessionmaker[Session]) -> Read:
    def read(query: Callable[[Session], T]) -> T:
        with sessions() as session:
            return query(session)

    return read


@dataclass
class ActiveModel:
    """The model whose scores the window shows: its identity, its database id (None until
    it has scored here) and the priority thresholds the moderator set."""

    identity: ModelIdentity
    model_id: int | None
    thresholds: Thresholds

    def priority_of(self, score: float | None) -> str | None:
        return priority(score, self.thresholds)


def changed_rows(changes: Changes, shows: Callable[[int], bool], read: Read, model_id: int | None) -> list[CommentRow]:
    """The new rows of the comments a view shows that this change touched: those the write
    read in its own session, the rest read now (a large bulk action, or scores landing)."""
    wanted = [cid for cid in changes.comment_ids if shows(cid)]
    rows = [changes.rows[cid] for cid in wanted if cid in changes.rows]
    missing = [cid for cid in wanted if cid not in changes.rows]
    if missing:
        rows += read(lambda s: queries.comments_by_ids(s, missing, model_id))
    return rows
