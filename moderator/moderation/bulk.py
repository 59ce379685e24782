"""Bulk moderation: one action on many comments, recorded as one batch that undoes (and
redoes) as one step. The caller commits, so a batch is all or nothing.

Each comment still gets its own Decision (status before and after, as moderation.decide
writes), all sharing a `batch_id`. Comments already in the target status are left alone
(no decision), so undoing the batch puts back exactly what it changed. Written with
set-based statements, not one ORM object per comment: a Ctrl+A approve of 100,000
comments is a few seconds, not minutes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Iterator, Sequence

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session, aliased

from moderator.errors import ConflictError, ModeratorError, NotFoundError
from moderator.moderation.decisions import REDO, STATUS_AFTER, UNDO, Change, _check_reason
from moderator.storage.models import Comment, Decision, Status, utcnow

BULK = "bulk"
# Core tables: statements over thousands of rows without ORM bookkeeping. The session
# must hold no Comment objects it relies on afterwards (a bulk task has its own session).
comments, decisions = Comment.__table__, Decision.__table__
CHUNK = 900  # ids per statement: well under every backend's limit on bound parameters
_DECIDABLE = (Status.PENDING, Status.APPROVED, Status.HIDDEN)


@dataclass(frozen=True)
class Batch:
    """What one bulk action changed: pass `batch_id` to undo_many (and an undo's to redo_many)."""

    batch_id: str
    changes: tuple[Change, ...]

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)


@dataclass(frozen=True)
class _Step:
    comment_id: int
    article_id: int
    status_before: str | None
    status_after: str
    reason: str | None = None
    reverts_id: int | None = None


def decide_many(session: Session, comment_ids: Sequence[int], action: str, moderator: str, reason: str | None = None,
                note: str = "", source: str = BULK) -> Batch:
    """Approve, hide or restore every comment given (those not already so), as one batch."""
    if action not in STATUS_AFTER:
        raise ModeratorError(f"Unknown action '{action}'; use one of: {', '.join(STATUS_AFTER)}.")
    _check_reason(action, reason, note)
    target = STATUS_AFTER[action]
    steps = [_Step(cid, article_id, status, target, reason)
             for cid, article_id, status in _current(session, comment_ids) if status in _DECIDABLE and status != target]
    return _write(session, steps, action, moderator, note, source)


def undo_many(session: Session, batch_id: str, moderator: str) -> Batch:
    """Reverse a whole batch, only if every comment in it is still as the batch left it."""
    return _reverse(session, batch_id, moderator, UNDO)


def redo_many(session: Session, undo_batch_id: str, moderator: str) -> Batch:
    """Reverse an undo_many: the comments go back to what the original batch made them."""
    return _reverse(session, undo_batch_id, moderator, REDO)


def _current(session: Session, comment_ids: Sequence[int]) -> Iterator[tuple[int, int, str]]:
    """(id, article, status) of the comments that exist, locked where the backend can."""
    for chunk in _chunks(list(dict.fromkeys(comment_ids))):
        query = select(Comment.id, Comment.article_id, Comment.status).where(Comment.id.in_(chunk))
        yield from (tuple(row) for row in session.execute(query.with_for_update()))


def _reverse(session: Session, batch_id: str, moderator: str, action: str) -> Batch:
    original = aliased(Decision)  # for a redo, the reason of the decision the undo reversed
    rows = session.execute(
        select(Decision.id, Decision.comment_id, Decision.action, Decision.status_before, Decision.status_after,
               original.reason)
        .outerjoin(original, original.id == Decision.reverts_id)
        .where(Decision.batch_id == batch_id).order_by(Decision.id)).all()
    if not rows:
        raise NotFoundError(f"There is no bulk action {batch_id}.")
    if (action == REDO) != all(row.action == UNDO for row in rows):
        raise ModeratorError(f"Bulk action {batch_id} is {'not ' if action == REDO else ''}an undo; "
                             f"{'undo' if action == REDO else 'redo'} it instead.")
    _refuse_if_reversed(session, [row.id for row in rows])
    now = {cid: (article_id, status) for cid, article_id, status in _current(session, [row.comment_id for row in rows])}
    _refuse_if_changed(rows, now)
    steps = [_Step(row.comment_id, now[row.comment_id][0], row.status_after, row.status_before or Status.REMOVED,
                   row.reason if action == REDO else None, row.id) for row in rows]
    return _write(session, steps, action, moderator, "", BULK)


def _refuse_if_reversed(session: Session, decision_ids: list[int]) -> None:
    for chunk in _chunks(decision_ids):
        later = session.scalar(select(Decision.reverts_id).where(Decision.reverts_id.in_(chunk)).limit(1))
        if later is not None:
            raise ConflictError(f"This bulk action was already reversed (decision {later} was); nothing was changed.")


def _refuse_if_changed(rows, now: dict[int, tuple[int, str]]) -> None:
    moved = [row.comment_id for row in rows if row.comment_id not in now or now[row.comment_id][1] != row.status_after]
    if moved:
        shown = ", ".join(map(str, moved[:5])) + (" and others" if len(moved) > 5 else "")
        raise ConflictError(f"{len(moved)} of these comments changed since (comment {shown}); nothing was changed.")


def _write(session: Session, steps: list[_Step], action: str, moderator: str, note: str, source: str) -> Batch:
    batch_id, now = uuid.uuid4().hex, utcnow()
    by_status: dict[str, list[int]] = {}
    for step in steps:
        by_status.setdefault(step.status_after, []).append(step.comment_id)
    for status, ids in by_status.items():
        for chunk in _chunks(ids):
            session.execute(update(comments).where(comments.c.id.in_(chunk))
                            .values(status=status, version=comments.c.version + 1, updated_at=now))
    if steps:
        session.execute(insert(decisions), [
            {"comment_id": s.comment_id, "action": action, "reason": s.reason, "note": note, "moderator": moderator,
             "source": source, "created_at": now, "status_before": s.status_before, "status_after": s.status_after,
             "reverts_id": s.reverts_id, "batch_id": batch_id} for s in steps])
    # One decision per comment in a batch: read their ids back (RETURNING would insert row by row).
    decided = dict(session.execute(select(Decision.comment_id, Decision.id).where(Decision.batch_id == batch_id)).all())
    return Batch(batch_id, tuple(Change(decided[s.comment_id], s.comment_id, s.article_id, s.status_before,
                                        s.status_after, action) for s in steps))


def _chunks(items: list) -> Iterator[list]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]
