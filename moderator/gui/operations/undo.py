"""Undo done right: one QUndoCommand per moderator intent (one comment or a bulk
action), run through the one writer.

The first redo() performs the action; undo() and later redo()s reverse the latest step
with the core's undo / redo, which are decisions of their own. The latest step is set on
the writer thread, where tasks run in order, so an undo pressed before the action's write
returned still reverses the right decisions. A step that changed nothing (every comment
already so) makes undo and redo no-ops. A first run the core refuses as a conflict (the
comment changed since the moderator saw it) leaves the stack as it was: the command drops
itself from the top, or stays as a no-op under later ones.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from moderator.changes import Changes
from moderator.errors import ConflictError
from moderator.gui.workers.writer import Writer
from moderator.moderation import decisions

Operation = Callable[[Session], Changes]


class DecisionCommand(QUndoCommand):
    """After each write, `read_after` reads what the views need in the write's own session,
    on the writer thread (the GUI thread, busy showing the next comment, does not wait for
    those reads); the writer announces the result and `on_done` gets it too."""

    def __init__(self, text: str, first: Operation, moderator: str, writer: Writer,
                 read_after: Callable[[Session, Changes], Changes], on_done: Callable[[Changes], None],
                 on_error: Callable[[BaseException], None], stack: QUndoStack | None = None,
                 on_refused: Callable[[BaseException], None] | None = None, shared: bool = False):
        super().__init__(text)
        self._shared = shared  # a decision on one comment: Writer.submit's `shared`
        self._first, self._moderator, self._writer = first, moderator, writer
        self._read_after, self._on_done, self._on_error = read_after, on_done, on_error
        self._stack, self._on_refused = stack, on_refused or on_error
        self._latest: Changes | None = None
        self._refused = False

    def redo(self) -> None:
        self._submit(self._redo_operation)

    def undo(self) -> None:
        self._submit(lambda session: decisions.undo(session, self._latest_ids(), self._moderator))

    def _redo_operation(self, session: Session) -> Changes:
        if self._latest is None:
            return self._first(session)
        return decisions.redo(session, self._latest_ids(), self._moderator)

    def _latest_ids(self) -> list[int]:
        assert self._latest is not None  # undo follows a redo, on the same writer thread
        return self._latest.decision_ids

    def _submit(self, operation: Operation) -> None:
        first_run = self._latest is None

        def task(session: Session) -> Changes:
            if self._refused or self._latest is not None and not self._latest.decided:
                return Changes()  # nothing was changed, so there is nothing to reverse
            self._latest = operation(session)
            return self._read_after(session, self._latest)

        def failed(error: BaseException) -> None:
            if first_run and isinstance(error, ConflictError):
                self._drop()  # the stack is as it was: the caller says so and keeps it
                self._on_refused(error)
            else:
                self._on_error(error)

        self._writer.submit(task, self._on_done, failed, shared=self._shared)

    def _drop(self) -> None:
        """Refused: nothing was written. Off the stack if it is on top, else a no-op in place."""
        self._refused = True
        self.setObsolete(True)
        stack = self._stack
        if stack is not None and stack.index() > 0 and stack.command(stack.index() - 1) is self:
            stack.undo()  # an obsolete command is removed, not undone
