"""What every view reads through: a read in a fresh session, the active model (whose
scores order, filter and colour everything), and the rows a Changes value names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from sqlalchemy.orm import Session, sessionmaker

from moderator.changes import Changes
from moderator.reading import queries
from moderator.reading.rows import CommentRow
from moderator.scoring.base import ModelIdentity
from moderator.scoring.priority import Thresholds, priority

T = TypeVar("T")
Query = Callable[[Session], Any]  # a read a view asks for, run on the GUI thread or the reader's
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


def rows_to_read(changes: Changes, shows: Callable[[int], bool], model_id: int | None) -> Query | None:
    """The read of the rows a view shows that this change touched and the write did not read
    in its own session (a large bulk action, scores landing); None when it read them all."""
    missing = [cid for cid in changes.comment_ids if cid not in changes.rows and shows(cid)]
    return (lambda s: queries.comments_by_ids(s, missing, model_id)) if missing else None


def changed_rows(changes: Changes, shows: Callable[[int], bool], read: list[CommentRow] | None) -> list[CommentRow]:
    """The new rows of the comments a view shows that this change touched: those the write
    read in its own session, and those `rows_to_read` read."""
    return [row for cid, row in changes.rows.items() if cid in changes.comment_ids and shows(cid)] + (read or [])
