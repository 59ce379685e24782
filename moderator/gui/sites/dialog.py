"""Site → Connections…: the connected sites (last pull and push, decisions waiting, last
error), turn one off or on, remove one, connect a new one (its credentials checked at once,
off the GUI thread; what is wrong said in one sentence). The form is ui/connections_dialog.ui."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from moderator.connectors.connections import KINDS, ConnectionRow, add_connection, remove_connection, set_enabled
from moderator.connectors.connections import make_connector as connector_for
from moderator.connectors.secrets import FILE, KEYRING, NO_STORE, SESSION, store_available
from moderator.errors import explain
from moderator.gui.common.designer import child
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.dialogs.forms import load_form
from moderator.gui.sites.worker import SiteSync, site_label
from moderator.gui.workers.writer import Worker, Writer

# Marked for pyside6-lupdate; translated where shown.
COLUMNS = (QT_TRANSLATE_NOOP("Connections", "Site"), QT_TRANSLATE_NOOP("Connections", "Kind"),
           QT_TRANSLATE_NOOP("Connections", "On"), QT_TRANSLATE_NOOP("Connections", "Last pull"),
           QT_TRANSLATE_NOOP("Connections", "Last push"), QT_TRANSLATE_NOOP("Connections", "To send"),
           QT_TRANSLATE_NOOP("Connections", "Held"), QT_TRANSLATE_NOOP("Connections", "Last error"))
KIND_NAMES = {"wordpress": "WordPress", "isso": "Isso"}
KEEP_CHOICES = {KEYRING: QT_TRANSLATE_NOOP("Connections", "in this computer's credential store"),
                FILE: QT_TRANSLATE_NOOP("Connections", "in a file only you can read"),
                SESSION: QT_TRANSLATE_NOOP("Connections", "nowhere: ask each session")}


LEADS_ONLY = QT_TRANSLATE_NOOP("Connections", "Only a lead can connect, turn off or remove sites on this team database; "
                                              "ask yours.")


class ConnectionsDialog:
    def __init__(self, parent: QWidget, sites: SiteSync, writer: Writer, changed: Callable[[], None],
                 may_change: bool = True):
        self.dialog: QDialog = load_form("connections_dialog", parent)
        self.sites, self.writer, self.changed = sites, writer, changed
        self.may_change = may_change  # a lead's (storage/roles.py): else connections are only shown
        self._checker = Worker("site-check", self._failed, self.dialog)  # the credentials check, off the GUI thread
        d = self.dialog
        self.table = child(d, QTableWidget, "connectionsTable")
        self.kind, self.keep = child(d, QComboBox, "kindCombo"), child(d, QComboBox, "keepCombo")
        self.url, self.user = child(d, QLineEdit, "urlEdit"), child(d, QLineEdit, "userEdit")
        self.secret, self.message = child(d, QLineEdit, "secretEdit"), child(d, QLabel, "messageLabel")
        self.selected = child(d, QLabel, "selectedLabel")
        self.connect_button = child(d, QPushButton, "connectButton")
        self.toggle_button, self.remove_button = child(d, QPushButton, "toggleButton"), child(d, QPushButton, "removeButton")
        self.kind.addItems([KIND_NAMES[kind] for kind in KINDS])
        for place, text in KEEP_CHOICES.items():
            if place != KEYRING or store_available():
                self.keep.addItem(translate("Connections", text), place)
        if not store_available():
            self.message.setText(translate("connectors", NO_STORE))
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("Connections", column) for column in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)  # the last error: the rest of the width
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # … and whole below when its row is selected
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.connect_button.clicked.connect(self.check_and_connect)
        self.toggle_button.clicked.connect(self._toggle)
        self.remove_button.clicked.connect(self._remove)
        child(d, QDialogButtonBox, "buttons").rejected.connect(d.reject)
        self.table.itemSelectionChanged.connect(self._selected)
        self.rows: list[ConnectionRow] = []
        self.reload()
        if not may_change:
            child(d, QGroupBox, "addGroup").setEnabled(False)
            self.message.setText(translate("Connections", LEADS_ONLY))

    def _kind_changed(self) -> None:
        wordpress = KINDS[self.kind.currentIndex()] == "wordpress"
        self.user.setEnabled(wordpress)
        child(self.dialog, QLabel, "secretLabel").setText(translate("ConnectionsDialog", "Application &Password:") if wordpress
                                                          else translate("Connections", "Admin &password:"))

    def reload(self) -> None:
        """Read on the GUI thread: as it opens, and after the moderator's own change here."""
        self.show_rows(self.sites.connections())

    def show_rows(self, rows: list[ConnectionRow]) -> None:
        """The connections as read (a sync's end reads them on the window's reader)."""
        selected = self._current()
        self.rows = rows
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cells = (site_label(row), KIND_NAMES.get(row.kind, row.kind),
                     translate("Connections", "on") if row.enabled else translate("Connections", "off"),
                     _when(row.last_pull_at), _when(row.last_push_at), str(row.to_send), str(row.held),
                     row.last_error or "")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(text if c in (0, len(cells) - 1) else "")
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        last = len(COLUMNS) - 1
        self.table.setColumnWidth(last, min(self.table.columnWidth(last), 240))  # stretched to what is left
        ids = [row.id for row in self.rows]
        if selected is not None and selected.id in ids:
            self.table.selectRow(ids.index(selected.id))  # the same connection stays selected
        elif self.rows and self.table.currentRow() < 0:
            self.table.selectRow(0)  # its last error, whole, under the table
        self._selected()

    def _current(self) -> ConnectionRow | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _selected(self) -> None:
        row = self._current()
        self.toggle_button.setEnabled(row is not None and self.may_change)
        self.remove_button.setEnabled(row is not None and self.may_change)
        self.toggle_button.setText(translate("ConnectionsDialog", "Turn &off") if row is None or row.enabled
                                   else translate("Connections", "Turn &on"))
        self.selected.setText(translate("Connections", "Last error ({site}): {error}").format(site=site_label(row),
                                                                                            error=row.last_error)
                              if row and row.last_error else "")
        self.selected.setVisible(bool(self.selected.text()))

    def check_and_connect(self) -> None:
        kind, url, user = KINDS[self.kind.currentIndex()], self.url.text().strip(), self.user.text().strip()
        secret, keep = self.secret.text(), self.keep.currentData()
        self.message.setText(translate("Connections", "Checking…"))
        self.connect_button.setEnabled(False)

        def check() -> tuple[str, str]:
            connector = connector_for(kind, url, user, secret)
            try:
                return connector.site_key, connector.check().site_name
            finally:
                connector.close()

        self._checker.run(check, lambda found: self._checked(kind, url, user, secret, keep, *found))

    def _checked(self, kind: str, url: str, user: str, secret: str, keep: str, site_key: str, site_name: str) -> None:
        def add(session) -> int:
            connection_id = add_connection(session, kind, url, user, site_key, site_name, keep)
            self.sites.secrets.keep(keep, site_key, user, secret)
            return connection_id

        self.writer.submit(add, lambda _id: self._added(site_name), self._failed)

    def _added(self, site_name: str) -> None:
        self.connect_button.setEnabled(True)
        self.secret.clear()
        self.message.setText(translate("Connections", "Connected {site}; its comments arrive with the next sync (F9 syncs "
                                                      "now).").format(site=site_name))
        self.reload()
        self.changed()

    def _failed(self, error: BaseException) -> None:
        self.connect_button.setEnabled(True)
        self.message.setText(explain(error) or translate("Connections", "Unexpected error: {error}").format(error=repr(error)))

    def _toggle(self) -> None:
        if (row := self._current()) is not None:
            self.writer.submit(lambda s: set_enabled(s, row.id, not row.enabled), lambda _: self._done(), self._failed)

    def _remove(self) -> None:
        if (row := self._current()) is not None:
            self.writer.submit(lambda s: remove_connection(s, row.id, self.sites.secrets),
                               lambda left: self._done(translate("Connections", "{site} removed; {count} decisions stay "
                                                                                "local.").format(site=row.site_key, count=left)),
                               self._failed)

    def _done(self, said: str = "") -> None:
        self.message.setText(said)
        self.reload()
        self.changed()

    def exec(self) -> int:
        return self.dialog.exec()


def _when(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else translate("Connections", "never")
