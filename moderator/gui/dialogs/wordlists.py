"""The word lists dialog (Site → Word lists…): a site's banned and suspect lists, to search,
add to, remove from, import from and export to a plain text file (one entry a line).

The same core as `moderator words` (moderator/rules/wordlists.py). Every change goes through
the one writer; a refused entry or file is one sentence under the list, and nothing of it is
saved. After a change the window shows the current comment again, with the new hits.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from moderator.gui.common import filedialogs, look
from moderator.gui.common.messages import ReportBug, sentence_or_report
from moderator.gui.common.reading import Read
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.workers.writer import Writer
from moderator.rules import wordlists
from moderator.rules.wordlists import BANNED, SUSPECT, ListChange
from moderator.storage.models import Site
from moderator.storage.roles import may_change

LIST_LABELS = {BANNED: QT_TRANSLATE_NOOP("WordLists", "Banned words (hide a comment)"),
               SUSPECT: QT_TRANSLATE_NOOP("WordLists", "Suspect words (flag it for review)")}
FILE_FILTER = QT_TRANSLATE_NOOP("WordLists", "Text files (*.txt);;All files (*)")
ENTRY_HINT = QT_TRANSLATE_NOOP("WordLists", "a word, a phrase or a prefix* stem")
LEADS_ONLY = QT_TRANSLATE_NOOP("WordLists", "Only a lead can change the word lists on this team database; ask yours. "
                                            "Exporting works for everyone.")


class WordListsDialog(QDialog):
    def __init__(self, parent: QWidget | None, read: Read, writer: Writer, report_bug: ReportBug,
                 changed: Callable[[], None] = lambda: None):
        super().__init__(parent)
        self.setWindowTitle(translate("WordLists", "Word lists"))
        self._read, self._writer, self._report_bug, self._changed = read, writer, report_bug, changed
        self.sites = QComboBox(self)
        for site_id, key, name in read(_sites):
            self.sites.addItem(f"{name} ({key})" if name != key else key, site_id)
        self.lists = QComboBox(self)
        for name, label in LIST_LABELS.items():
            self.lists.addItem(translate("WordLists", label), name)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(translate("WordLists", "Search the list"))
        self.search.setClearButtonEnabled(True)
        self.entries = QListWidget(self)
        self.entries.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.entries.setAccessibleName(translate("WordLists", "Entries of the list"))
        self.new_entry = QLineEdit(self)
        self.new_entry.setPlaceholderText(translate("WordLists", "New entry: {hint}").format(
            hint=translate("WordLists", ENTRY_HINT)))
        self.add_button = QPushButton(translate("WordLists", "&Add"), self)
        self.remove_button = QPushButton(translate("WordLists", "&Remove selected"), self)
        self.import_button = QPushButton(translate("WordLists", "&Import…"), self)
        self.export_button = QPushButton(translate("WordLists", "&Export…"), self)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # a refusal may quote the entry
        self.message.setWordWrap(True)
        self.count = QLabel(self)
        self.lead = read(lambda s: may_change(s, "word_lists"))  # a moderator on a team database only reads them
        self._lay_out()
        self.sites.currentIndexChanged.connect(self.show_entries)
        self.lists.currentIndexChanged.connect(self.show_entries)
        self.search.textChanged.connect(self.show_entries)
        self.new_entry.returnPressed.connect(self.add_entry)
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(lambda: self.import_file())
        self.export_button.clicked.connect(lambda: self.export_file())
        self.entries.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(self.lead and bool(self.entries.selectedItems())))
        self.show_entries()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(translate("WordLists", "Site:"), self.sites)
        form.addRow(translate("WordLists", "List:"), self.lists)
        self.sites.setVisible(self.sites.count() > 1)
        form.labelForField(self.sites).setVisible(self.sites.count() > 1)
        adding = QHBoxLayout()
        adding.addWidget(self.new_entry, 1)
        adding.addWidget(self.add_button)
        files = QHBoxLayout()
        for button in (self.remove_button, self.import_button, self.export_button):
            files.addWidget(button)
        files.addStretch()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.search)
        layout.addWidget(self.entries, 1)
        layout.addWidget(self.count)
        layout.addLayout(adding)
        layout.addLayout(files)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(460, 520)

    @property
    def site_id(self) -> int | None:
        data = self.sites.currentData()
        return int(data) if data is not None else None

    @property
    def list_name(self) -> str:
        return str(self.lists.currentData())

    def show_entries(self) -> None:
        site_id, name, search = self.site_id, self.list_name, self.search.text().strip()
        found = [] if site_id is None else self._read(lambda s: wordlists.entries(s, site_id, name, search))
        self.entries.clear()
        self.entries.addItems(found)
        entries = look.counted(len(found), "entry", "entries")
        self.count.setText(translate("WordLists", "{entries} matching").format(entries=entries) if search else entries)
        for widget in (self.add_button, self.new_entry, self.import_button, self.export_button):
            widget.setEnabled(site_id is not None and (self.lead or widget is self.export_button))
        self.remove_button.setEnabled(False)
        if site_id is None:
            self.message.setText(translate("WordLists", "There is no site yet: import comments first (word lists belong to a "
                                                        "site)."))
        elif not self.lead:
            self.message.setText(translate("WordLists", LEADS_ONLY))

    def add_entry(self) -> None:
        entry = self.new_entry.text()
        if entry.strip():
            self._write(lambda s, site, name: wordlists.add_entries(s, site, name, [entry]), self.new_entry.clear)

    def remove_selected(self) -> None:
        chosen = [item.text() for item in self.entries.selectedItems()]
        if chosen:
            self._write(lambda s, site, name: wordlists.remove_entries(s, site, name, chosen))

    def import_file(self, path: Path | None = None) -> None:
        path = path or filedialogs.open_file(self, translate("WordLists", "Import a word list"),
                                             translate("WordLists", FILE_FILTER))
        if path is not None:
            self._write(lambda s, site, name: wordlists.import_file(s, site, name, path))

    def export_file(self, path: Path | None = None) -> None:
        site_id, name = self.site_id, self.list_name
        path = path or filedialogs.save_file(self, translate("WordLists", "Export the word list"), f"{name}-words.txt",
                                             translate("WordLists", FILE_FILTER))
        if path is None or site_id is None:
            return
        try:
            count = self._read(lambda s: wordlists.export_file(s, site_id, name, path))
        except Exception as error:  # noqa: BLE001 - an expected failure is one sentence; a bug is reported
            self._failed(error)
            return
        self.message.setText(translate("WordLists", "{entries} written to {file}.").format(
            entries=look.counted(count, "entry", "entries"), file=path))

    def _write(self, change: Callable[[Session, int, str], ListChange], then: Callable[[], None] = lambda: None) -> None:
        site_id, name = self.site_id, self.list_name
        if site_id is None:
            return
        self.message.setText("")
        self._writer.submit(lambda session: change(session, site_id, name),
                            lambda done: self._done(done, then), self._failed)

    def _done(self, change: ListChange, then: Callable[[], None]) -> None:
        then()
        self.message.setText(translate("WordLists", "{added} added, {removed} removed.").format(
            added=look.number(change.added), removed=look.number(change.removed)))
        self.show_entries()
        self._changed()

    def _failed(self, error: BaseException) -> None:
        sentence = sentence_or_report(error, self._report_bug)
        if sentence is not None:
            self.message.setText(sentence)


def _sites(session: Session) -> list[Any]:
    return list(session.execute(select(Site.id, Site.key, Site.name).order_by(Site.id)))
