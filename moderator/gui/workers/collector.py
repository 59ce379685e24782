"""Python's full garbage collections, moved to moments the moderator does not notice.

A full (generation 2) collection walks every object the app holds while it holds the GIL:
60–230 ms at a million comments (bench/queue.py's database), and CPython starts one every
second or two of key presses, because every page of queue rows and every thread read
counts towards it, garbage or not. So: the objects start-up made (modules, Qt wrappers,
SQLAlchemy's mappers and caches) are frozen out of every collection at the first quiet
moment (not while the window is being built: that collection and freeze cost about a
tenth of a second of the first start, bench/startup.py); the young
generations are collected as usual (they are quick); and the full collection runs once
the keyboard and mouse have been still for a moment, and only if something was promoted
to the old generation since the last one.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

QUIET_MS = 1500  # no key press or click for this long: the moderator is reading
_NEVER = 1_000_000_000  # generation 2's threshold: CPython never starts a full collection itself
# A key bound to a shortcut arrives as ShortcutOverride, never as KeyPress.
_INPUT = {QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel}


class IdleCollector(QObject):
    def __init__(self, parent: QObject | None = None, quiet_ms: int = QUIET_MS):
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.set_threshold(*self._thresholds[:2], _NEVER)
        self.full_collections = 0
        self.quiet = QTimer(self)  # restarted by every key press or click; runs the collection when it times out
        self.quiet.setSingleShot(True)
        self.quiet.setInterval(quiet_ms)
        self.quiet.timeout.connect(self.collect)
        self.quiet.start()
        if (app := QApplication.instance()) is not None:  # no application, no input to wait for
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.quiet.start()  # restarts: collect once the input stops
        return False

    def collect(self) -> None:
        if not gc.get_freeze_count():  # the first quiet moment: what start-up made leaves the collections
            gc.collect()
            gc.freeze()
            self.full_collections += 1
        elif gc.get_count()[2]:  # generation 1 collected since the last full one: it may have promoted objects
            gc.collect()
            self.full_collections += 1

    def close(self) -> None:
        """Automatic full collections again (the window is going; tests open many windows)."""
        if (app := QApplication.instance()) is not None:
            app.removeEventFilter(self)
        self.quiet.stop()
        gc.set_threshold(*self._thresholds)
