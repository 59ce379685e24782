"""Bulk and keyboard traps (issue 18, point 7), each as the issue met it: a bulk hide asked
twice, Enter approving everything matching, a search box that kept the keys after Esc or
its ✕, a Hide dialog that Enter and Ctrl+Enter could not submit once a note was typed, and
a `?` sheet in capitals with keys cut off."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QWidget
from sqlalchemy import func, select

from moderator.gui.dialogs.forms import HideDialog
from moderator.gui.mainwindow import QUEUE_TAB
from moderator.storage.models import Comment
from moderator.vocabulary import QueueKind
from tests.gui.helpers import activate, answer_modal, press, reason_list, wait_reads, wait_writes

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


class EveryModal(QObject):
    """Answers every modal window shown while installed (`answer(dialog)` must close it)
    and keeps their titles: a test that meets a dialog it did not expect still ends."""

    def __init__(self, answer):
        super().__init__()
        self.titles: list[str] = []
        self._answer = answer
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow() and watched.isModal():
            self.titles.append(watched.windowTitle())
            QTimer.singleShot(0, lambda: self._answer(watched))
        return False

    def remove(self) -> None:
        QApplication.instance().removeEventFilter(self)


def pending(window) -> int:
    with window.context.db.sessions() as s:
        return s.scalar(select(func.count()).select_from(Comment).where(Comment.status == "pending"))


def type_here(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_a_bulk_hide_asks_once_with_the_bulk_wording(qtbot, window):
    press(qtbot, window, Qt.Key.Key_2, CTRL)
    press(qtbot, window, Qt.Key.Key_J)
    press(qtbot, window, Qt.Key.Key_C)  # this commenter's comments only, then all of them
    press(qtbot, window, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    press(qtbot, window, Qt.Key.Key_A, CTRL)
    wait_reads(qtbot, window)
    selected = len(window.queue_pane.selected_ids())
    assert selected >= 1

    def hide_for_spam(dialog):
        if dialog.objectName() != "HideDialog":  # a question before the reason dialog: yes
            next(b for b in dialog.buttons() if b.text() == "Hide").click()
            return
        activate(qtbot, dialog)
        qtbot.keyClick(reason_list(dialog), Qt.Key.Key_4)
        qtbot.keyClick(reason_list(dialog), Qt.Key.Key_Return, CTRL)

    shown = EveryModal(hide_for_spam)
    before = pending(window)
    press(qtbot, window, Qt.Key.Key_H, SHIFT)
    wait_writes(qtbot, window)
    shown.remove()
    assert shown.titles == [f"Hide {selected} comments" if selected > 1 else "Hide comment"]  # one dialog, not two
    assert pending(window) == before - selected


def test_enter_on_the_all_matching_confirmation_approves_nothing(qtbot, window):
    press(qtbot, window, Qt.Key.Key_2, CTRL)
    press(qtbot, window, Qt.Key.Key_A, CTRL)
    wait_reads(qtbot, window)
    answer_modal(lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), "BulkConfirm")
    before = pending(window)
    press(qtbot, window, Qt.Key.Key_A, SHIFT)
    wait_writes(qtbot, window)
    assert pending(window) == before == 43


def test_esc_leaves_the_search_box_and_digits_switch_queues_again(qtbot, window):
    press(qtbot, window, Qt.Key.Key_Slash)
    assert QApplication.focusWidget() is window.queue_pane.search
    qtbot.keyClicks(window.queue_pane.search, "war")
    type_here(qtbot, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is not window.queue_pane.search
    type_here(qtbot, Qt.Key.Key_3)
    assert window.queue_pane.query.kind == QueueKind.HIDDEN and window.queue_pane.search.text() == "war"


def test_clearing_the_search_hands_the_keys_back_to_the_queue(qtbot, window):
    press(qtbot, window, Qt.Key.Key_Slash)
    qtbot.keyClicks(window.queue_pane.search, "war")
    clear = next(action for action in window.queue_pane.search.findChildren(QAction) if action.isVisible())
    clear.trigger()  # the box's ✕
    assert window.queue_pane.search.text() == ""
    type_here(qtbot, Qt.Key.Key_2)
    assert window.queue_pane.query.kind == QueueKind.FLAGGED and window.queue_pane.search.text() == ""
    assert window.tabs.currentIndex() == QUEUE_TAB


def test_the_hide_dialog_submits_with_ctrl_enter_once_a_note_is_typed(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    for submit in ((Qt.Key.Key_Return, CTRL), (Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)):
        hide = HideDialog(parent)
        hide.dialog.show()
        activate(qtbot, hide.dialog)
        qtbot.keyClick(hide.reasons, Qt.Key.Key_7)  # Other: a note is needed
        hide.note.setFocus()
        qtbot.keyClicks(hide.note, "Doxxing: a home address")
        qtbot.keyClick(hide.note, Qt.Key.Key_Return)  # Enter in a note is a new line
        assert hide.dialog.result() == 0 and hide.note.toPlainText().endswith("\n")
        qtbot.keyClick(hide.note, *submit)
        assert hide.dialog.result() == QDialog.DialogCode.Accepted and hide.reason == "other"


def test_the_hide_dialog_submits_with_enter_in_an_empty_note(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    hide = HideDialog(parent)
    qtbot.keyClick(hide.reasons, Qt.Key.Key_3)
    hide.dialog.findChild(QPlainTextEdit, "noteEdit").setFocus()
    qtbot.keyClick(hide.note, Qt.Key.Key_Return)
    assert hide.dialog.result() == QDialog.DialogCode.Accepted and hide.reason == "threat"


def test_the_shortcuts_sheet_shows_keys_as_typed_and_cuts_none(qtbot, window):
    seen = {}

    def read(dialog):
        table = dialog.table
        dialog.show()
        metrics = QFontMetrics(table.font())
        for row in range(table.rowCount()):
            item = table.item(row, 1)
            seen[table.item(row, 0).text()] = item.text()
            if item.text():
                assert metrics.horizontalAdvance(item.text()) <= table.columnWidth(1), f"{item.text()!r} is cut"
        dialog.reject()

    answer_modal(read, "ShortcutsDialog")
    qtbot.keyClicks(window, "?")
    assert seen["Approve"] == "a" and seen["Next comment"] == "j" and seen["Extend selection down"] == "Shift+J"
    assert seen["Undo"] == "Ctrl+Z" and "F14" not in " ".join(seen.values())
