"""Dialogs: forms from ui/ (Qt Designer), loaded at run time, plus the shortcuts list."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from typing import Callable, TypeVar

from PySide6.QtCore import QEvent, QFile, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QDoubleSpinBox, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from moderator.config import FORMS_DIR
from moderator.gui.actions import shortcut_text
from moderator.moderation import HIDE_REASONS

T = TypeVar("T")


def load_form(name: str, parent: QWidget | None) -> QDialog:
    form = QFile(str(FORMS_DIR / f"{name}.ui"))
    form.open(QFile.OpenModeFlag.ReadOnly)
    try:
        dialog = QUiLoader().load(form, parent)
    finally:
        form.close()
    buttons = dialog.findChild(QDialogButtonBox, "buttons")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return dialog


def run_modal(dialog: QDialog, read: Callable[[], T] = lambda: None) -> T | None:
    """Show a one-use dialog and read it if accepted; then delete it, so none pile up over a shift."""
    value = read() if dialog.exec() == QDialog.DialogCode.Accepted else None
    dialog.deleteLater()
    return value


@dataclass(frozen=True)
class HideChoice:
    reason: str
    note: str


class NumberKeys(QObject):
    """1–9 pick the row of that number in a list that has the focus."""

    def __init__(self, rows: QListWidget):
        super().__init__(rows)
        self._rows = rows

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_9:
            row = event.key() - Qt.Key.Key_1
            if row < self._rows.count():
                self._rows.setCurrentRow(row)
                return True
        return False


class HideDialog:
    """Pick a reason (arrows or its number, then Enter); 'Other' needs a note."""

    def __init__(self, parent: QWidget):
        self.dialog = load_form("hide_dialog", parent)
        self.reasons = self.dialog.findChild(QListWidget, "reasonList")
        self.note = self.dialog.findChild(QPlainTextEdit, "noteEdit")
        self.ok = self.dialog.findChild(QDialogButtonBox, "buttons").button(QDialogButtonBox.StandardButton.Ok)
        for number, (code, label) in enumerate(HIDE_REASONS.items(), 1):
            item = QListWidgetItem(f"{number}  {label}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.reasons.addItem(item)
        self._number_keys = NumberKeys(self.reasons)
        self.reasons.installEventFilter(self._number_keys)
        self.reasons.setCurrentRow(0)
        self.reasons.itemActivated.connect(lambda _item: self.dialog.accept() if self.ok.isEnabled() else None)
        self.reasons.currentRowChanged.connect(self._update_ok)
        self.note.textChanged.connect(self._update_ok)
        self.reasons.setFocus()

    def _update_ok(self) -> None:
        self.ok.setEnabled(self.reason != "other" or bool(self.note.toPlainText().strip()))

    @property
    def reason(self) -> str:
        return self.reasons.currentItem().data(Qt.ItemDataRole.UserRole)

    def choose(self) -> HideChoice | None:
        return run_modal(self.dialog, lambda: HideChoice(self.reason, self.note.toPlainText().strip()))


class ReplyDialog:
    def __init__(self, parent: QWidget, author: str, quoted: str):
        self.dialog = load_form("reply_dialog", parent)
        self.dialog.findChild(QLabel, "contextLabel").setText(f"In reply to {author}:")
        self.dialog.findChild(QLabel, "quoteLabel").setText(quoted if len(quoted) < 600 else quoted[:600] + " …")
        self.edit = self.dialog.findChild(QPlainTextEdit, "replyEdit")
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self.dialog, self.dialog.accept)
        self.edit.setFocus()

    def text(self) -> str | None:
        return run_modal(self.dialog, lambda: self.edit.toPlainText().strip() or None)


@dataclass(frozen=True)
class Preferences:
    moderator_name: str
    medium_from: float
    high_from: float


class PreferencesDialog:
    def __init__(self, parent: QWidget, current: Preferences, data_folder: str):
        self.dialog = load_form("preferences", parent)
        self.name = self.dialog.findChild(QLineEdit, "moderatorEdit")
        self.name.setText(current.moderator_name)
        self.medium = self.dialog.findChild(QDoubleSpinBox, "mediumSpin")
        self.high = self.dialog.findChild(QDoubleSpinBox, "highSpin")
        self.medium.setValue(current.medium_from)
        self.high.setValue(current.high_from)
        self.medium.valueChanged.connect(lambda value: self.high.setMinimum(value))  # medium ≤ high, always
        self.high.setMinimum(current.medium_from)
        self.dialog.findChild(QLabel, "dataLabel").setText(f"Data folder: {data_folder}")

    def choose(self) -> Preferences | None:
        return run_modal(self.dialog, lambda: Preferences(self.name.text().strip() or getpass.getuser(),
                                                          self.medium.value(), self.high.value()))


class ShortcutsDialog(QDialog):
    """Every shortcut, read from the actions themselves so the list is never stale."""

    def __init__(self, parent: QWidget, actions: list[QAction]):
        super().__init__(parent)
        self.setObjectName("ShortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(520, 560)
        table = QTableWidget(0, 2, self)
        table.setHorizontalHeaderLabels(["Action", "Keys"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for action in actions:
            if action.shortcuts():
                row = table.rowCount()
                table.insertRow(row)
                table.setItem(row, 0, QTableWidgetItem(action.text().replace("&", "").rstrip("…")))
                table.setItem(row, 1, QTableWidgetItem(shortcut_text(action)))
        for row, (keys, meaning) in enumerate(EXTRA_KEYS, table.rowCount()):
            table.insertRow(row)
            table.setItem(row, 0, QTableWidgetItem(meaning))
            table.setItem(row, 1, QTableWidgetItem(keys))
        self.table = table
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)


EXTRA_KEYS = (
    ("Left / Right", "Collapse / expand replies"),
    ("1–7", "Pick a hide reason in the Hide dialog"),
    ("Ctrl+Enter", "Post a reply in the Reply dialog"),
)
