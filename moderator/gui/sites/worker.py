"""Sync off the GUI thread: a thread runs the core's sync engine; every write goes through
the window's one writer; reads use their own sessions. A timer pulls every few minutes
while a connection is on; F9 syncs at once. The first pull of a large site shows its
progress in the status-bar panel and can be cancelled (the next run resumes from its
cursor). What each run did reaches the window as one `finished` signal. The thread, its
page fetchers and the writer run below the window's priority (moderator/niceness.py)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from moderator.changes import Changes
from moderator.connectors.connections import ConnectionRow, connections, make_connector
from moderator.connectors.secrets import Secrets
from moderator.errors import explain
from moderator.gui.common.translation import translate
from moderator.gui.workers.progress import CancelToken, Progress, ProgressPanel
from moderator.gui.workers.writer import Writer
from moderator.niceness import lower_this_thread
from moderator.storage.database import Database

if TYPE_CHECKING:  # the sync engine (and the import pipeline under it) loads with the first sync
    from moderator.connectors.sync import SyncReport

TICK_MS = 30_000  # how often the timer looks whether a connection is due
REFRESH_EVERY = 2.0  # seconds between the views' refreshes during a long pull


class SiteSync(QObject):
    finished = Signal(object)  # list[SyncReport]
    logged = Signal(str)  # a line for the Sync log
    _refresh = Signal()
    _done = Signal(object, object, bool)  # reports, the run's token, whether it showed in the panel

    def __init__(self, db: Database, writer: Writer, panel: ProgressPanel, secrets: Secrets, parent: QObject | None = None):
        super().__init__(parent)
        self._db, self._writer, self._panel, self.secrets = db, writer, panel, secrets
        self._thread: threading.Thread | None = None
        self._token = CancelToken()
        self._due: dict[int, float] = {}
        self._closing = False
        self._refresh.connect(lambda: self._writer.announce_soon(Changes(everything=True)))  # a view per turn
        # The panel is a widget: freed on the GUI thread, before `finished`'s listeners (which
        # start scoring what arrived: the scorer needs the panel).
        self._done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def connections(self) -> list[ConnectionRow]:
        with self._db.sessions() as session:
            return connections(session)

    def sync_now(self) -> bool:
        """Deliver and pull every connection that is on (F9); False if a run is going already."""
        if self.running or self._closing:
            return False
        rows = [row for row in self.connections() if row.enabled]
        if not rows:
            self.logged.emit(translate("SiteSync", "No connection is on: Site → Connections… connects a site."))
            self.finished.emit([])
            return False
        owns_panel = not self._panel.busy
        self._token = self._panel.start(translate("SiteSync", "Syncing"), yields=True) if owns_panel else CancelToken()
        self._thread = threading.Thread(target=self._run, args=(rows, self._token, owns_panel), name="site-sync",
                                        daemon=True)
        self._thread.start()
        return True

    def _tick(self) -> None:
        now = time.monotonic()
        if any(row.enabled and self._due.get(row.id, 0) <= now for row in self.connections()):
            self.sync_now()

    def _run(self, rows: list[ConnectionRow], token: CancelToken, owns_panel: bool) -> None:
        lower_this_thread()  # and the page fetchers it starts: the window wins a busy core
        reports = []
        for row in rows:
            if token.cancelled:
                break
            reports.append(self._one(row, token, owns_panel))
            self._due[row.id] = time.monotonic() + row.pull_every
        self._refresh.emit()
        self._done.emit(reports, token, owns_panel)

    def _on_done(self, reports: list[SyncReport], token: CancelToken, owns_panel: bool) -> None:
        if owns_panel:
            self._panel.finish(token)
        self.finished.emit(reports)

    def _one(self, row: ConnectionRow, token: CancelToken, owns_panel: bool) -> SyncReport:
        from moderator.connectors.sync import SyncReport, sync  # on the sync's thread: the window starts without it

        secret = self.secrets.get(row.secret_kept, row.site_key, row.username)
        if secret is None:
            missing = translate("SiteSync", "No password for {site} this session: press F9 (Site → Sync now) to enter it.")
            report = SyncReport(row.site_key, error=missing.format(site=row.site_key))
            self.logged.emit(f"{time.strftime('%H:%M:%S')}  {report.summary(site_label(row))}")
            return report
        try:
            connector = make_connector(row.kind, row.url, row.username, secret)
            try:
                report = sync(row, connector, self._read, self._write, lambda: token.cancelled,
                              self._progress(owns_panel))
            finally:
                connector.close()
        except Exception as error:  # noqa: BLE001 - one sentence for the log, or the bug named there
            report = SyncReport(row.site_key, error=explain(error) or translate("SiteSync", "unexpected error: {error}").format(
                error=repr(error)))
        self.logged.emit(f"{time.strftime('%H:%M:%S')}  {report.summary(site_label(row))}")
        return report

    def _progress(self, owns_panel: bool) -> Callable[[int, int], None]:
        last = [time.monotonic()]

        def report(done: int, total: int) -> None:
            if owns_panel:
                self._panel.report(Progress(done, total, translate("SiteSync", "comments pulled")))
            if time.monotonic() - last[0] > REFRESH_EVERY:
                last[0] = time.monotonic()
                self._refresh.emit()

        return report

    def _read(self, operation: Callable[[Any], Any]) -> Any:
        with self._db.sessions() as session:
            return operation(session)

    def _write(self, operation: Callable[[Any], Any]) -> Any:
        return self._writer.submit(operation).result()

    def close(self) -> None:
        self._closing = True
        self._timer.stop()
        self._token.cancel()
        if self._thread is not None:
            self._thread.join()


def site_label(row: ConnectionRow) -> str:
    """How the window names a connection: the site's name and address (the key is internal)."""
    address = row.url.split("://", 1)[-1]
    return f"{row.site_name} ({address})" if row.site_name and row.site_name != address else address
