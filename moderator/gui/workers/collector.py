"""Python's garbage collection, only on the GUI thread and at moments the moderator does not notice.

Why only here: CPython starts an automatic collection on whichever thread happens to
allocate when a threshold is crossed, the db writer's, a reader's, the sync's. A reference
cycle holding Qt wrappers (a closed dialog and its lambdas) is then freed there, and Qt
objects destroyed off the GUI thread crash the app (the test suite crashed so once:
"Garbage-collecting" on the db-writer). So while a window runs, automatic collection is off
(`gc.disable()`: no thread starts one) and this timer on the GUI thread does the work:

- the young generations every `YOUNG_MS`, when CPython's own thresholds say they are due
  (generation 0 when as many objects were made as its threshold; generation 1 every
  threshold-1 collections of generation 0): a millisecond or two;
- the full collection walks every object the app holds: 60-230 ms at a million comments
  (bench/queue.py's database), so it waits until the keyboard and mouse have been still
  for a moment, and runs only if something was promoted to the old generation since the
  last one. The objects start-up made (modules, Qt wrappers, SQLAlchemy's mappers and
  caches) are frozen out of every collection at the first quiet moment, after a young
  collection only: a full one there found 10 garbage objects among 95,000 and took
  50-290 ms (bench/collector.py), long enough to be felt when a pull had just started.
- while background work runs (a pull, an import, scoring: `busy`), the full collection waits
  for it to end, for `HOLD_MS` at most: F9 is a key press, so the quiet time it starts ended
  1.5 s into the pull, and the full pass (15-25 ms with the demo, more with a big database)
  came on top of the window's own turns while the pull's writes held the other core
  (bench/sync.py). The young collections go on meanwhile.

bench/collector.py measures what each collection costs the GUI thread.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

QUIET_MS = 1500  # no key press or click for this long: the moderator is reading
YOUNG_MS = 100  # how often the young generations are looked at
HOLD_MS = 60_000  # a full collection waits at most this long for background work to end
# A key bound to a shortcut arrives as ShortcutOverride, never as KeyPress.
_INPUT = {QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel}
_open: list[IdleCollector] = []  # the collectors of the windows open: automatic collection is off while any is


class IdleCollector(QObject):
    def __init__(self, parent: QObject | None = None, quiet_ms: int = QUIET_MS, young_ms: int = YOUNG_MS,
                 busy: Callable[[], bool] = lambda: False, hold_ms: int = HOLD_MS):
        super().__init__(parent)
        self._busy, self._hold_s = busy, hold_ms / 1000
        self._held_since: float | None = None  # when a full collection first waited for background work
        if not _open:
            _Automatic.switch_off()
        _open.append(self)
        self.full_collections = 0
        self.quiet = QTimer(self)  # restarted by every key press or click; runs the full collection when it times out
        self.quiet.setSingleShot(True)
        self.quiet.setInterval(quiet_ms)
        self.quiet.timeout.connect(self.collect)
        self.quiet.start()
        self.young = QTimer(self)
        self.young.setInterval(young_ms)
        self.young.timeout.connect(self.collect_young)
        self.young.start()
        if (app := QApplication.instance()) is not None:  # no application, no input to wait for
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.quiet.start()  # restarts: collect once the input stops
        return False

    def collect_young(self) -> None:
        """Generation 1 or 0 if CPython's thresholds say it is due (it would have started it itself)."""
        if gc.isenabled():  # something switched it back on (a library, a test): off again
            gc.disable()
        made, young_collections, _older = gc.get_count()
        threshold_made, threshold_young = _Automatic.thresholds[:2]
        if young_collections >= threshold_young:
            gc.collect(1)
        elif made >= threshold_made:
            gc.collect(0)

    def collect(self) -> None:
        if not _Automatic.frozen:  # the first quiet moment: what start-up made leaves the collections
            gc.collect(1)  # the young garbage; the old generation holds next to none, so no full pass
            gc.freeze()
            _Automatic.frozen = True  # (gc.get_freeze_count() walks every frozen object: ~10 ms)
        elif gc.get_count()[2]:  # generation 1 collected since the last full one: it may have promoted objects
            if self._held():
                self.quiet.start()  # looks again after another quiet time
                return
            gc.collect()
            self.full_collections += 1

    def _held(self) -> bool:
        """Background work is under way, and the full collection has not waited for it too long."""
        if not self._busy():
            self._held_since = None
            return False
        now = time.monotonic()
        held_since = self._held_since = now if self._held_since is None else self._held_since
        if now - held_since < self._hold_s:
            return True
        self._held_since = None
        return False

    def close(self) -> None:
        """Automatic collection again once the last window goes (tests open many windows)."""
        if (app := QApplication.instance()) is not None:
            app.removeEventFilter(self)
        self.quiet.stop()
        self.young.stop()
        if self in _open:
            _open.remove(self)
            if not _open:
                _Automatic.restore()


class _Automatic:
    """CPython's automatic collection as it was before the first window: switched off, and back."""

    thresholds: tuple[int, int, int] = gc.get_threshold()
    was_enabled = True
    frozen = False  # start-up's objects are out of the collections (once a process)

    @classmethod
    def switch_off(cls) -> None:
        cls.thresholds, cls.was_enabled = gc.get_threshold(), gc.isenabled()
        gc.disable()

    @classmethod
    def restore(cls) -> None:
        gc.collect()  # on this (the GUI) thread, what the window left in cycles
        if cls.was_enabled:
            gc.enable()
