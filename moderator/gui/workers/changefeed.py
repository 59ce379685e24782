"""How `Changes` reach the views: the moderator's own writes at once, background bursts
merged and applied at most every few hundred milliseconds, one view per event-loop turn.

A pull announces "everything changed" every two seconds and scores land in slices of a few
dozen comments, many a second; applying each one by one made every view read again each
time, all in one turn of the event loop (a queue page, the open thread, the article list:
25-50 ms of the GUI thread's own time, more on a busy machine). Here a background change
(`soon`) is merged into what is pending; the first of a burst starts at once, the rest
wait for the interval to end and go as one. An application goes one listener per turn
(the last listener, the highlights, after every view), so no turn holds more than one
view's reading. A write's own change (`now`: a decision, an undo, F5) finishes what is
under way, takes what is pending with it and reaches every listener before the write's
own callback runs, as before.

The window makes each view `listen`, in order; tests listen to what they watch.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from moderator.changes import Changes

APPLY_EVERY_MS = 250  # background changes reach the views at most this often
Listener = Callable[[Changes], None]


def merged(first: Changes, then: Changes) -> Changes:
    """One change that asks every view for what either asked (rows: the later read wins)."""
    return replace(then, decided=first.decided + then.decided,
                   batch_id=then.batch_id if first.batch_id in (None, then.batch_id) else None,
                   comment_ids=first.comment_ids | then.comment_ids, article_ids=first.article_ids | then.article_ids,
                   thread_shape=first.thread_shape or then.thread_shape, scores=first.scores or then.scores,
                   everything=first.everything or then.everything,
                   rows={**first.rows, **then.rows}, articles={**first.articles, **then.articles})


class ChangeFeed(QObject):
    applied = Signal(object)  # Changes: reached every listener (what a burst was merged into)
    settled = Signal()  # nothing pending, nothing under way

    def __init__(self, parent: QObject | None = None, every_ms: int = APPLY_EVERY_MS):
        super().__init__(parent)
        self._listeners: list[Listener] = []
        self._pending: Changes | None = None  # background changes waiting for the interval to end
        self._turns: deque[Listener] = deque()  # listeners still to reach with `_applying`
        self._applying: Changes | None = None
        self._interval = QTimer(self)  # running: an application started less than `every_ms` ago
        self._interval.setSingleShot(True)
        self._interval.setInterval(every_ms)
        self._interval.timeout.connect(self._interval_over)
        self._next_turn = QTimer(self)
        self._next_turn.setSingleShot(True)
        self._next_turn.setInterval(0)
        self._next_turn.timeout.connect(self._turn)

    def listen(self, listener: Listener) -> None:
        """Listeners are reached in the order they connected."""
        self._listeners.append(listener)

    @property
    def idle(self) -> bool:
        return self._pending is None and self._applying is None

    def now(self, changes: Changes) -> None:
        """A write's own change: every listener, before this returns (with what was pending)."""
        self._finish_turns()
        if self._pending is not None:
            changes, self._pending = merged(self._pending, changes), None
        for listener in list(self._listeners):
            listener(changes)
        self.applied.emit(changes)
        self._settle()

    def soon(self, changes: Changes) -> None:
        """A background change: merged with what is pending, applied when the interval allows."""
        self._pending = changes if self._pending is None else merged(self._pending, changes)
        if not self._interval.isActive() and self._applying is None:
            self._start()

    def flush(self) -> None:
        """Everything pending and under way, to every listener, now (the window is closing, a test)."""
        self._finish_turns()
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.now(pending)

    def _start(self) -> None:
        self._applying, self._pending = self._pending, None
        self._turns.extend(self._listeners)
        self._interval.start()
        self._turn()  # the first listener at once: a lone change is not delayed

    def _turn(self) -> None:
        if not self._turns or self._applying is None:
            return
        self._turns.popleft()(self._applying)
        if self._turns:
            self._next_turn.start()
        else:
            self._done()

    def _finish_turns(self) -> None:
        self._next_turn.stop()
        while self._turns and self._applying is not None:
            self._turns.popleft()(self._applying)
        if self._applying is not None:
            self._done()

    def _done(self) -> None:
        if self._applying is None:  # a listener's own `now` finished this application already
            return
        applied, self._applying = self._applying, None
        self.applied.emit(applied)
        if self._pending is not None and not self._interval.isActive():  # it came while the turns went
            self._interval.start()
        self._settle()

    def _interval_over(self) -> None:
        if self._pending is not None and self._applying is None:
            self._start()

    def _settle(self) -> None:
        if self.idle:
            self.settled.emit()
