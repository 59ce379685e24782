"""One app per data folder: a second start on the same folder brings the first window to
the front and ends, saying so, instead of opening a second window on the same database.

The first start holds a lock file in the data folder (QLockFile: a crashed start's lock is
taken over, its process being gone) and listens on a local socket named after the folder;
a second start finds the lock held, asks the first over the socket to come forward, and
ends. Another data folder (--home) is another app and opens as usual. The command line's
commands never take the lock: they may work beside the open app."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK_NAME = "app.lock"
RAISE = b"raise\n"
ANSWER_MS = 1500  # how long a second start waits for the first to take its request


def socket_name(home: Path) -> str:
    """Per user and data folder; short (a Unix socket's path is at most ~100 bytes)."""
    folder = hashlib.sha256(str(home.resolve()).encode()).hexdigest()[:16]
    user = os.getuid() if hasattr(os, "getuid") else os.getlogin()
    return f"comment-moderator-{user}-{folder}"


class SingleInstance(QObject):
    def __init__(self, home: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.home = home
        self._lock = QLockFile(str(home / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None
        self._on_request: Callable[[], None] = lambda: None

    def acquire(self) -> bool:
        """True when this is the first app on the folder (it keeps the lock until it ends)."""
        return self._lock.tryLock(0)

    def holder(self) -> int | None:
        """The process id of the app holding the folder, when known."""
        pid, _host, _app = self._lock.getLockInfo()  # PySide: (pid, host, app), pid 0 when unknown
        return int(pid) or None

    def listen(self, on_request: Callable[[], None]) -> None:
        """Called by the first app once its window is up: each later start calls `on_request`."""
        self._on_request = on_request
        name = socket_name(self.home)
        QLocalServer.removeServer(name)  # a socket a crashed start left behind
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._take)
        if not self._server.listen(name):
            self._server = None  # a second start then says the app does not answer; this one works on

    def _take(self) -> None:
        while self._server is not None and (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE):
            self._on_request()
        socket.disconnectFromServer()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        self._lock.unlock()


def bring_forward(home: Path) -> bool:
    """Ask the app open on `home` to bring its window to the front; False when it does not answer."""
    socket = QLocalSocket()
    socket.connectToServer(socket_name(home))
    if not socket.waitForConnected(ANSWER_MS):
        return False
    socket.write(RAISE)
    delivered = socket.waitForBytesWritten(ANSWER_MS)
    socket.waitForDisconnected(ANSWER_MS)  # the first app read it and hung up
    return delivered
