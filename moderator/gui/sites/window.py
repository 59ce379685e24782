"""The window's part for connected sites, built once by the main window: the sync worker,
the status-bar word, the Sync log, the Connections dialog and the conflict bar above the
selected comment. The main window only wires its three actions and its close."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow, QWidget

from moderator.changes import Changes
from moderator.config import AppPaths
from moderator.connectors.secrets import Secrets
from moderator.gui.sites.conflict import ConflictBar
from moderator.gui.sites.dialog import ConnectionsDialog
from moderator.gui.sites.status import SiteStatus, SyncLog
from moderator.gui.sites.worker import SiteSync
from moderator.gui.workers.progress import ProgressPanel
from moderator.gui.workers.writer import Writer
from moderator.storage.database import Database

STATUS_PAUSE_MS = 500  # the status word is recounted at most this often after writes


class SitesInWindow:
    def __init__(self, window: QMainWindow, db: Database, paths: AppPaths, writer: Writer, panel: ProgressPanel,
                 read: Callable, moderator: Callable[[], str]):
        self.window, self.writer = window, writer
        self.sync = SiteSync(db, writer, panel, Secrets(paths.home / "secrets"), window)
        self.status = SiteStatus(window)
        window.statusBar().addPermanentWidget(self.status)
        self.log = SyncLog(window)
        self.conflict = ConflictBar(read, writer, moderator, window)
        self._recount = QTimer(window)
        self._recount.setSingleShot(True)
        self._recount.setInterval(STATUS_PAUSE_MS)
        self._recount.timeout.connect(self.show_status)
        self.sync.logged.connect(self.log.add)
        self.sync.finished.connect(lambda _reports: self.show_status())
        self.status.clicked.connect(self.show_log)
        writer.changed.connect(self.on_changes)
        self.show_status()

    def attach_conflict_bar(self, comment_panel: QWidget) -> None:
        layout = comment_panel.layout()
        if layout is not None and hasattr(layout, "insertWidget"):
            layout.insertWidget(0, self.conflict)

    def on_changes(self, changes: Changes) -> None:
        self.conflict.on_changes(changes)
        if not self._recount.isActive():
            self._recount.start()

    def show_status(self) -> None:
        self.status.show_rows(self.sync.connections())

    def show_connections(self) -> None:
        ConnectionsDialog(self.window, self.sync, self.writer, self.show_status).exec()

    def sync_now(self) -> None:
        if not self.sync.sync_now():
            self.window.statusBar().showMessage("A sync is running already." if self.sync.running else
                                                "No connection is on: Site → Connections… connects a site.", 4000)

    def show_log(self) -> None:
        self.log.show()
        self.log.raise_()

    def close(self) -> None:
        self.sync.close()
