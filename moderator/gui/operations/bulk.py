"""Bulk moderation from the window: approve or hide the selection, hide all pending from a
commenter. Each is one BulkCommand on the undo stack (one Ctrl+Z undoes all of it).

A selection the moderator did not pick row by row (Ctrl+A, a histogram band) or a large
one is confirmed with its exact count before anything is written.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QMessageBox, QWidget
from PySide6.QtGui import QUndoStack
from PySide6.QtCore import Qt

from moderator.moderation import decisions as moderation
from moderator.moderation.bulk import Batch
from moderator.gui.dialogs.forms import HideDialog
from moderator.gui.operations.undo import BulkCommand
from moderator.gui.workers.writer import Writer

CONFIRM_FROM = 20  # picked one by one, up to this many act at once
VERBS = {moderation.APPROVE: "Approve", moderation.HIDE: "Hide", moderation.RESTORE: "Restore"}


class BulkActions:
    def __init__(self, parent: QWidget, writer: Writer, undo_stack: QUndoStack, moderator: Callable[[], str],
                 on_batch: Callable[[Batch], None], on_error: Callable[[BaseException], None]):
        self._parent, self._writer, self._undo_stack = parent, writer, undo_stack
        self._moderator, self._on_batch, self._on_error = moderator, on_batch, on_error

    def decide(self, comment_ids: list[int], action: str, what: str, confirm: bool) -> bool:
        """Approve / hide / restore these comments as one undo step; `what` names them
        ("3 selected comments"). False when nothing was done (cancelled)."""
        if confirm and not self._confirmed(f"{VERBS[action]} {what}?", action):
            return False
        reason, note = None, ""
        if action == moderation.HIDE:
            choice = HideDialog(self._parent).choose()
            if choice is None:
                return False
            reason, note = choice.reason, choice.note
        text = f"{VERBS[action]} {len(comment_ids):,}"
        self._undo_stack.push(BulkCommand(text, comment_ids, action, self._moderator(), self._writer, self._on_batch,
                                          self._on_error, reason, note))
        return True

    @staticmethod
    def needs_confirming(count: int, picked_by: str) -> bool:
        return bool(picked_by) or count > CONFIRM_FROM

    def _confirmed(self, question: str, action: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, "Bulk action", question,
                          QMessageBox.StandardButton.Cancel, self._parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the question may quote an author's name
        box.setInformativeText("One Ctrl+Z undoes all of it.")
        go = box.addButton(VERBS[action], QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(go)
        box.setObjectName("BulkConfirm")
        box.exec()
        confirmed = box.clickedButton() is go
        box.deleteLater()
        return confirmed
