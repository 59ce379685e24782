"""Dialogs: forms from ui/ (Qt Designer), loaded at run time, plus the shortcuts list."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from PySide6.QtCore import QEvent, QFile, QLocale, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenuBar,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from moderator.config import FORMS_DIR
from moderator.errors import ModeratorError
from moderator.gui import settings as S
from moderator.gui.actions import ActionId, grouped, plain_name
from moderator.gui.common import look
from moderator.gui.common.designer import child
from moderator.gui.common.translation import LANGUAGE_NAMES, QT_TRANSLATE_NOOP, chosen, translate
from moderator.gui.dialogs.shortcuteditor import ShortcutEditor
from moderator.gui.shortcuts import keys_text, menu_keys, on_most_keyboards
from moderator.storage.pgpassword import PREFERENCES, refuse_password_in
from moderator.vocabulary import HIDE_REASONS

T = TypeVar("T")


def load_form(name: str, parent: QWidget | None) -> QDialog:
    form = QFile(str(FORMS_DIR / f"{name}.ui"))
    form.open(QFile.OpenModeFlag.ReadOnly)
    try:
        dialog = QUiLoader().load(form, parent)
    finally:
        form.close()
    if not isinstance(dialog, QDialog):
        raise TypeError(f"the form {name}.ui is not a dialog")
    buttons = child(dialog, QDialogButtonBox, "buttons")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return dialog


def run_modal(dialog: QDialog, read: Callable[[], T] | None = None) -> T | None:
    """Show a one-use dialog and read it if accepted; then delete it, so none pile up over a shift."""
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    value = read() if accepted and read is not None else None
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
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        if Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_9:
            row = event.key() - Qt.Key.Key_1
            if row < self._rows.count():
                self._rows.setCurrentRow(row)
                return True
        return False


class EnterOnEmptyNote(QObject):
    """Enter in an empty note box submits the dialog (a note typed, Enter is a new line)."""

    def __init__(self, note: QPlainTextEdit, submit: Callable[[], None]):
        super().__init__(note)
        self._note, self._submit = note, submit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        plain_enter = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers()
        if plain_enter and not self._note.toPlainText().strip():
            self._submit()
            return True
        return False


# The core's reasons (vocabulary.HIDE_REASONS), marked for pyside6-lupdate; a test holds them equal.
REASON_WORDS = (
    QT_TRANSLATE_NOOP("vocabulary", "Abuse or harassment"),
    QT_TRANSLATE_NOOP("vocabulary", "Hate speech"),
    QT_TRANSLATE_NOOP("vocabulary", "Threat of violence"),
    QT_TRANSLATE_NOOP("vocabulary", "Spam or advertising"),
    QT_TRANSLATE_NOOP("vocabulary", "Off-topic"),
    QT_TRANSLATE_NOOP("vocabulary", "Personal data"),
    QT_TRANSLATE_NOOP("vocabulary", "Other (explain in the note)"),
)


class HideDialog:
    """Pick a reason (arrows or its number, then Enter); 'Other' needs a note; Ctrl+Enter
    hides from anywhere in the dialog, and Enter in an empty note box too.

    For a selection (`count` comments, `what` naming them) it is the one dialog of a bulk
    hide: it asks the question and the reason together. `careful` (all matching, a band, a
    large selection): Cancel is the default button, so a stray Enter hides nothing; the
    button, or Ctrl+Enter, hides them."""

    def __init__(self, parent: QWidget, count: int = 1, what: str = "", careful: bool = False):
        self.dialog = load_form("hide_dialog", parent)
        self.reasons = child(self.dialog, QListWidget, "reasonList")
        self.note = child(self.dialog, QPlainTextEdit, "noteEdit")
        buttons = child(self.dialog, QDialogButtonBox, "buttons")
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.careful = careful
        for number, (code, label) in enumerate(HIDE_REASONS.items(), 1):
            item = QListWidgetItem(f"{number}  {translate('vocabulary', label)}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.reasons.addItem(item)
        self._number_keys = NumberKeys(self.reasons)
        self.reasons.installEventFilter(self._number_keys)
        self.reasons.setCurrentRow(0)
        child(self.dialog, QLabel, "bulkLabel").setVisible(count > 1)
        if count > 1:
            self._ask_for_many(count, what)
        self.reasons.itemActivated.connect(lambda _item: None if careful else self.submit())
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self.dialog, self.submit)
        self._enter = EnterOnEmptyNote(self.note, lambda: None if careful else self.submit())
        self.note.installEventFilter(self._enter)
        self.reasons.currentRowChanged.connect(self._update_ok)
        self.note.textChanged.connect(self._update_ok)
        self.reasons.setFocus()

    def _ask_for_many(self, count: int, what: str) -> None:
        many = look.number(count)
        self.dialog.setWindowTitle(translate("HideDialog", "Hide {count} comments").format(count=many))
        question = translate("HideDialog", "Hide {what}? One Ctrl+Z undoes all of it.").format(what=what)
        child(self.dialog, QLabel, "bulkLabel").setText(question[:1].upper() + question[1:])  # German opens with {what}
        child(self.dialog, QLabel, "reasonLabel").setText(translate("HideDialog", "&Why are they hidden?"))
        self.ok.setText(translate("HideDialog", "&Hide {count} comments").format(count=many))
        if self.careful:
            self.ok.setAutoDefault(False)
            self.ok.setDefault(False)
            self.cancel.setDefault(True)  # Enter cancels: hiding many is a button press or Ctrl+Enter
            child(self.dialog, QLabel, "keysLabel").setText(translate(
                "HideDialog", "Pick a reason (arrows or 1–7), then Ctrl+Enter or “Hide {count} comments”. Enter cancels.")
                .format(count=many))

    def submit(self) -> None:
        if self.ok.isEnabled():
            self.dialog.accept()

    def _update_ok(self) -> None:
        self.ok.setEnabled(self.reason != "other" or bool(self.note.toPlainText().strip()))

    @property
    def reason(self) -> str:
        item = self.reasons.currentItem()  # always one: the first is current from the start
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""

    def choose(self) -> HideChoice | None:
        return run_modal(self.dialog, lambda: HideChoice(self.reason, self.note.toPlainText().strip()))


class ReplyDialog:
    def __init__(self, parent: QWidget, author: str, quoted: str):
        self.dialog = load_form("reply_dialog", parent)
        child(self.dialog, QLabel, "contextLabel").setText(translate("ReplyDialog", "In reply to {author}:")
                                                           .format(author=author))
        child(self.dialog, QLabel, "quoteLabel").setText(quoted if len(quoted) < 600 else quoted[:600] + " …")
        self.edit = child(self.dialog, QPlainTextEdit, "replyEdit")
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
    shortcuts: Mapping[str, object] = field(default_factory=dict)  # as stored (settings.SHORTCUTS)
    staff_name: str = ""  # the name readers see on staff posts ("": the audit name)
    language: str = ""  # the app's language ("": the system's), from the next start
    database_url: str = ""  # the database to open ("": the file in the data folder), from the next start


class PreferencesDialog:
    """General (name, priority thresholds) and Keyboard (every shortcut) tabs.
    `menus`: the window's menu bar, whose Alt+letter keys no shortcut may take."""

    def __init__(self, parent: QWidget, current: Preferences, data_folder: str, menus: QMenuBar | None = None):
        self.dialog = load_form("preferences", parent)
        self.name = child(self.dialog, QLineEdit, "moderatorEdit")
        self.name.setText(current.moderator_name)
        self.staff = child(self.dialog, QLineEdit, "staffEdit")
        self.staff.setText(current.staff_name)
        self.medium = child(self.dialog, QDoubleSpinBox, "mediumSpin")
        self.high = child(self.dialog, QDoubleSpinBox, "highSpin")
        self.medium.setValue(current.medium_from)
        self.high.setValue(current.high_from)
        self.medium.valueChanged.connect(lambda value: self.high.setMinimum(value))  # medium ≤ high, always
        self.high.setMinimum(current.medium_from)
        child(self.dialog, QLabel, "dataLabel").setText(translate("PreferencesDialog", "Data folder: {folder}")
                                                        .format(folder=data_folder))
        self.language = child(self.dialog, QComboBox, "languageCombo")
        fill_languages(self.language, current.language)
        titles = [action.text() for action in menus.actions()] if menus is not None else []
        self.shortcuts = ShortcutEditor(child(self.dialog, QWidget, "keyboardTab"), current.shortcuts, menu_keys(titles))
        self.database = child(self.dialog, QLineEdit, "databaseEdit")
        self.database_note = child(self.dialog, QLabel, "databaseNote")
        self.ok = child(self.dialog, QDialogButtonBox, "buttons").button(QDialogButtonBox.StandardButton.Ok)
        self.database.textChanged.connect(self._check_database)
        self.database.setText(current.database_url)
        self._check_database(current.database_url)

    def _check_database(self, typed: str) -> None:
        """A password in the address is refused (one sentence, OK greyed), as --db refuses it;
        any other change is said to take effect at the next start."""
        try:
            refuse_password_in(typed.strip(), PREFERENCES)
        except ModeratorError as refused:
            self.database_note.setText(str(refused))
            self.ok.setEnabled(False)
            return
        self.ok.setEnabled(True)
        self.database_note.setText(translate("PreferencesDialog", "A change of database takes effect the next time "
                                             "the app starts."))

    def choose(self) -> Preferences | None:
        return run_modal(self.dialog, lambda: Preferences(self.name.text().strip() or getpass.getuser(),
                                                          self.medium.value(), self.high.value(), self.shortcuts.stored(),
                                                          self.staff.text().strip(), self.language.currentData(),
                                                          self.database.text().strip()))


def fill_languages(combo: QComboBox, current: str) -> None:
    """The system's language first (named as it is now), then each one we have, by its own name."""
    system = chosen("")
    combo.addItem(translate("PreferencesDialog", "The system's ({language})")
                  .format(language=LANGUAGE_NAMES.get(system, QLocale(system).nativeLanguageName() or system)), "")
    for code, name in LANGUAGE_NAMES.items():
        combo.addItem(name, code)
    combo.setCurrentIndex(max(combo.findData(current), 0))


def edit_preferences(parent: QWidget, settings: S.Settings, data_folder: str, menus: QMenuBar | None) -> bool:
    """Ask, and store what the moderator chose (the command line reads the same file).
    False when cancelled."""
    current = Preferences(settings.get(S.MODERATOR_NAME), settings.get(S.PRIORITY_MEDIUM),
                          settings.get(S.PRIORITY_HIGH), settings.get(S.SHORTCUTS), settings.get(S.STAFF_NAME),
                          settings.get(S.LANGUAGE), settings.get(S.DATABASE_URL))
    chosen = PreferencesDialog(parent, current, data_folder, menus).choose()
    if chosen is None:
        return False
    settings.set(S.MODERATOR_NAME, chosen.moderator_name)
    settings.set(S.STAFF_NAME, chosen.staff_name)
    settings.set(S.PRIORITY_MEDIUM, chosen.medium_from)
    settings.set(S.PRIORITY_HIGH, chosen.high_from)
    settings.set(S.SHORTCUTS, chosen.shortcuts)
    settings.set(S.LANGUAGE, chosen.language)
    settings.set(S.DATABASE_URL, chosen.database_url)
    settings.sync()
    return True


class ShortcutsDialog(QDialog):
    """Every shortcut in force, by group, read from the actions themselves so the list is never stale."""

    def __init__(self, parent: QWidget, actions: Mapping[ActionId, QAction]):
        super().__init__(parent)
        self.setObjectName("ShortcutsDialog")
        self.setWindowTitle(translate("ShortcutsDialog", "Keyboard shortcuts"))
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([translate("ShortcutsDialog", "Action"), translate("ShortcutsDialog", "Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setShowGrid(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)  # nothing cut: the columns fit their text
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        for group, action_ids in grouped(action for action in actions if actions[action].shortcuts()):
            self._add_heading(translate("actions", group))
            for action_id in action_ids:
                typed = [key for key in actions[action_id].shortcuts() if on_most_keyboards(key)]
                self._add_row(plain_name(actions[action_id].text()), keys_text(typed))
        self._add_heading(translate("ShortcutsDialog", "In lists and dialogs"))
        for keys, meaning in EXTRA_KEYS:
            self._add_row(translate("ShortcutsDialog", meaning), keys)
        hint = QLabel(translate("ShortcutsDialog", "Change any of these in Preferences, on the Keyboard tab."), self)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.table, hint, close):
            layout.addWidget(widget)
        self.table.resizeColumnsToContents()
        wide = self.table.columnWidth(1) + self.table.sizeHintForColumn(0) + 60  # both columns whole, and the scroll bar
        self.resize(max(560, wide), 640)

    def _add_row(self, name: str, keys: str) -> QTableWidgetItem:
        row = self.table.rowCount()
        self.table.insertRow(row)
        first = QTableWidgetItem(name)
        self.table.setItem(row, 0, first)
        self.table.setItem(row, 1, QTableWidgetItem(keys))
        return first

    def _add_heading(self, title: str) -> None:
        item = self._add_row(title, "")
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.setSpan(item.row(), 0, 1, 2)


EXTRA_KEYS = (
    ("Left / Right", QT_TRANSLATE_NOOP("ShortcutsDialog", "Collapse / expand replies")),
    ("1–7", QT_TRANSLATE_NOOP("ShortcutsDialog", "Pick a hide reason in the Hide dialog")),
    ("Ctrl+Enter", QT_TRANSLATE_NOOP("ShortcutsDialog", "Post a reply; hide with a note typed")),
    ("Esc", QT_TRANSLATE_NOOP("ShortcutsDialog", "Leave the search box for the results")),
)
