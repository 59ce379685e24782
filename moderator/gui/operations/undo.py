"""Undo done right: one QUndoCommand per moderator intent, run through the one writer.

The first redo() performs the action; undo() and later redo()s reverse the latest
decision with the core's undo / redo, which are decisions of their own. The command's
latest decision is set on the writer thread, where its tasks run in order, so an undo
pressed before the action's write returned still reverses the right decision.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from moderator.moderation import bulk, decisions as moderation
from moderator.moderation.bulk import Batch
from moderator.gui.workers.writer import Writer
from moderator.moderation.decisions import Change

Operation = Callable[[Session], Change]


class DecisionCommand(QUndoCommand):
    """One decision on one comment. After each write, `read_after` reads what the views
    need in the write's own session, on the writer thread (the GUI thread, busy showing
    the next comment, does not wait for those reads); `on_change` gets the change and that."""

    def __init__(self, text: str, first: Operation, moderator: str, writer: Writer,
                 read_after: Callable[[Session, Change], Any], on_change: Callable[[Change, Any], None],
                 on_error: Callable[[BaseException], None]):
        super().__init__(text)
        self._first, self._moderator, self._writer = first, moderator, writer
        self._read_after, self._on_change, self._on_error = read_after, on_change, on_error
        self._latest: Change | None = None

    def redo(self) -> None:
        self._submit(self._redo_operation)

    def undo(self) -> None:
        self._submit(lambda session: moderation.undo(session, self._latest.decision_id, self._moderator))

    def _redo_operation(self, session: Session) -> Change:
        if self._latest is None:
            return self._first(session)
        return moderation.redo(session, self._latest.decision_id, self._moderator)

    def _submit(self, operation: Operation) -> None:
        def task(session: Session) -> tuple[Change, Any]:
            self._latest = operation(session)
            return self._latest, self._read_after(session, self._latest)

        self._writer.submit(task, lambda done: self._on_change(*done), self._on_error)


class BulkCommand(QUndoCommand):
    """One bulk action (approve / hide / restore many comments) as one undo step.

    The first redo() runs decide_many; undo() reverses the latest batch with undo_many
    and a later redo() reverses that undo with redo_many. A batch that changed nothing
    (every comment already so) makes undo and redo no-ops.
    """

    def __init__(self, text: str, comment_ids: Sequence[int], action: str, moderator: str, writer: Writer,
                 on_done: Callable[[Batch], None], on_error: Callable[[BaseException], None],
                 reason: str | None = None, note: str = "", source: str = bulk.BULK):
        super().__init__(text)
        self._ids, self._action, self._reason, self._note, self._source = list(comment_ids), action, reason, note, source
        self._moderator, self._writer, self._on_done, self._on_error = moderator, writer, on_done, on_error
        self._latest: Batch | None = None

    def redo(self) -> None:
        self._submit(self._redo_operation)

    def undo(self) -> None:
        self._submit(lambda session: bulk.undo_many(session, self._latest.batch_id, self._moderator))

    def _redo_operation(self, session: Session) -> Batch:
        if self._latest is None:
            return bulk.decide_many(session, self._ids, self._action, self._moderator, self._reason, self._note,
                                    self._source)
        return bulk.redo_many(session, self._latest.batch_id, self._moderator)

    def _submit(self, operation: Callable[[Session], Batch]) -> None:
        def task(session: Session) -> Batch:
            if self._latest is not None and not self._latest.changes:
                return self._latest  # nothing was changed, so there is nothing to reverse
            self._latest = operation(session)
            return self._latest

        self._writer.submit(task, self._on_done, self._on_error)
