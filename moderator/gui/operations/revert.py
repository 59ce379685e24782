"""Reverting a rule from the window (Site → Rules…, core `rules.revert`): one step on the undo
stack. The revert's decisions are undos of the rule's, so taking it back is their redo, and
doing it again is an undo of that redo: the reverse of DecisionCommand's pair, on the same
skeleton (the writer, the latest step kept on the writer thread, a no-op when nothing changed).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtGui import QUndoStack
from sqlalchemy.orm import Session

from moderator.changes import Changes
from moderator.gui.operations.undo import DecisionCommand
from moderator.gui.workers.writer import Writer
from moderator.moderation import decisions
from moderator.reading import queries
from moderator.rules.revert import Reverted, revert_rule


class RevertRuleCommand(DecisionCommand):
    def undo(self) -> None:
        self._submit(lambda session: decisions.redo(session, self._latest_ids(), self._moderator))

    def _redo_operation(self, session: Session) -> Changes:
        if self._latest is None:
            return self._first(session)
        return decisions.undo(session, self._latest_ids(), self._moderator)


def push_revert(stack: QUndoStack, writer: Writer, rule: str, since: datetime, moderator: str, model_id: int | None,
                on_done: Callable[[Reverted], None], on_error: Callable[[BaseException], None]) -> None:
    """Revert everything `rule` did since `since` as one undo step; `on_done` gets what the core
    said (how many reverted, which comments were left alone)."""
    said: list[Reverted] = []

    def first(session: Session) -> Changes:
        said.append(revert_rule(session, rule, since, moderator))
        return said[-1].changes

    def done(changes: Changes) -> None:
        if said:
            on_done(said.pop())

    stack.push(RevertRuleCommand(f"Revert rule {rule}", first, moderator, writer,
                                 lambda s, changes: queries.with_rows(s, changes, model_id), done, on_error, stack))
