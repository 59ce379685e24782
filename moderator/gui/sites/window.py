"""The window's part for connected sites, built once by the main window: the sync worker,
the status-bar word, the Sync log, the Connections dialog and the conflict bar above the
selected comment. The main window only wires its three actions and its close.

A secret kept nowhere (no credential store, or the user's choice) is asked for when the
moderator syncs (F9), once a session; the timer's pulls never ask, they log that it is missing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QBoxLayout, QInputDialog, QLineEdit, QMainWindow, QScrollArea, QWidget
from sqlalchemy.orm import Session

from moderator.changes import Changes
from moderator.config import AppPaths
from moderator.connectors.connections import ConnectionRow, connections
from moderator.connectors.secrets import SESSION, Secrets
from moderator.gui.common.translation import translate
from moderator.gui.sites.conflict import ConflictBar
from moderator.gui.sites.status import SiteStatus, SyncLog
from moderator.gui.sites.worker import SiteSync
from moderator.gui.workers.latest import Latest
from moderator.gui.workers.progress import ProgressPanel
from moderator.gui.workers.writer import Reader, Writer
from moderator.storage.database import Database
from moderator.storage.roles import may_change

if TYPE_CHECKING:  # the sync engine loads with the first sync (bench/startup.py)
    from moderator.connectors.sync import SyncReport
    from moderator.gui.sites.dialog import ConnectionsDialog

STATUS_PAUSE_MS = 500  # the status word is recounted at most this often after writes


class SitesInWindow:
    def __init__(self, window: QMainWindow, db: Database, paths: AppPaths, writer: Writer, panel: ProgressPanel,
                 read: Callable, reader: Reader, moderator: Callable[[], str], pulled: Callable[[], None] = lambda: None):
        self.window, self.writer, self._pulled, self._read = window, writer, pulled, read
        self._status_answer = Latest(reader)
        self._dialog: ConnectionsDialog | None = None  # while Site → Connections… is open
        self.sync = SiteSync(db, writer, panel, Secrets(paths.home / "secrets"), window)
        self.status = SiteStatus(window)
        window.statusBar().addPermanentWidget(self.status)
        self.log = SyncLog(window)
        self.conflict = ConflictBar(read, writer, moderator, window)
        self._recount = QTimer(window)
        self._recount.setSingleShot(True)
        self._recount.setInterval(STATUS_PAUSE_MS)
        self._recount.timeout.connect(self._recount_off_thread)
        self.sync.logged.connect(self.log.add)
        self.sync.finished.connect(self._finished)
        self.status.clicked.connect(self.show_log)
        writer.changed.listen(self.conflict)  # (the window makes this listen after its views: the status word)
        self.show_status()

    def attach_conflict_bar(self, comment_panel: QWidget) -> None:
        """At the top of the comment panel (a scroll area: the bar goes into what it scrolls)."""
        body = comment_panel.widget() if isinstance(comment_panel, QScrollArea) else comment_panel
        layout = body.layout() if body is not None else None
        if not isinstance(layout, QBoxLayout):
            raise TypeError(f"the comment panel has no box layout to take the conflict bar ({layout!r})")
        layout.insertWidget(0, self.conflict)

    def to_read(self, changes: Changes) -> Callable[[Session], list[ConnectionRow]] | None:
        """A sync's end announces everything changed (SiteSync): the status is read then, in the
        feed's turn, on the reader. A decision's change only starts the recount's pause."""
        return connections if changes.everything else None

    def on_read(self, _changes: Changes, rows: list[ConnectionRow] | None) -> None:
        if rows is None:
            self._recount_soon()
        else:
            self._status_answer.forget()  # a recount asked before this read is older
            self._show_rows(rows)

    def _show_rows(self, rows: list[ConnectionRow]) -> None:
        self.status.show_rows(rows)
        if self._dialog is not None:
            self._dialog.show_rows(rows)

    def _recount_soon(self) -> None:
        if not self._recount.isActive():
            self._recount.start()

    def show_status(self) -> None:
        """Read on the GUI thread: at start and after the moderator's own change of connections."""
        self._status_answer.forget()
        self.status.show_rows(self.sync.connections())

    def _recount_off_thread(self) -> None:
        """After writes: the outbox counts read on the reader (a pull writes every page)."""
        self._status_answer.ask(connections, self._show_rows)

    def show_connections(self) -> None:
        from moderator.gui.sites.dialog import ConnectionsDialog  # its connectors load on first use

        lead = self._read(lambda s: may_change(s, "connections"))
        self._dialog = ConnectionsDialog(self.window, self.sync, self.writer, self.show_status, lead)
        try:
            self._dialog.exec()
        finally:
            self._dialog = None

    def _finished(self, reports: list[SyncReport]) -> None:
        # The status follows on the reader: the run announced everything changed before it ended.
        if any(r.pulled.added or r.pulled.updated for r in reports):
            self._pulled()  # what arrived is scored (and, where rules exist, ruled) as an import's is

    def sync_now(self) -> None:
        if not self.sync.running:
            self.ask_missing_secrets()
        if not self.sync.sync_now():
            self.window.statusBar().showMessage(translate("SiteSync", "A sync is running already.") if self.sync.running else
                                                translate("SiteSync", "No connection is on: Site → Connections… connects a "
                                                                      "site."), 4000)

    def ask_missing_secrets(self) -> None:
        """The secret of each connection that is on and has none this session, asked for once."""
        for row in self.sync.connections():
            if row.enabled and self.sync.secrets.get(row.secret_kept, row.site_key, row.username) is None:
                secret = self.ask_secret(row)
                if secret:
                    self.sync.secrets.keep(SESSION, row.site_key, row.username, secret)

    def ask_secret(self, row: ConnectionRow) -> str:
        what = translate("SiteSync", "Application Password") if row.kind == "wordpress" else \
            translate("SiteSync", "admin password")
        who = translate("SiteSync", " for {user}").format(user=row.username) if row.username else ""
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(translate("SiteSync", "Password for the site"))
        dialog.setLabelText(translate("SiteSync", "The {what}{who} on {site} ({address}).\nIt is kept for this session only; "
                                                  "Cancel syncs the other sites.").format(
            what=what, who=who, site=row.site_name or row.site_key, address=row.url))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setObjectName("siteSecretDialog")
        return dialog.textValue() if dialog.exec() == QInputDialog.DialogCode.Accepted else ""

    def show_log(self) -> None:
        self.log.show()
        self.log.raise_()

    def close(self) -> None:
        self.sync.close()
