"""How `Changes` reach the views: the moderator's own writes at once, background bursts
merged, applied at most every few hundred milliseconds, and read off the GUI thread.

A pull announces "everything changed" every two seconds and scores land in slices of a few
dozen comments, many a second; applying each one by one made every view read again each
time, all in one turn of the event loop. Here a background change (`soon`) is merged into
what is pending; the first of a burst starts at once, the rest wait for the interval to
end and go as one. An application goes one listener at a time, in the order they
connected (the last, the highlights, after every view): the feed asks the listener what
it must read (`to_read`, a query over a session, quick to make), the window's reader runs
it on its thread, and the listener swaps the answer in (`on_read`) on the GUI thread. So
the GUI thread never reads for a background change, and no turn of its event loop holds
more than one view's swapping.

A write's own change (`now`: a decision, an undo, F5) reaches every listener before the
write's own callback runs, each reading on the GUI thread as before: the moderator sees
their decision everywhere at once. It says so first on `wrote`: a background answer on its
way may have been read before the write, so it is read again (workers/latest.py) rather
than undo the decision on screen. What is pending stays pending: it follows off the GUI
thread, read after the write.

The window makes each view `listen`, in order, and gives the feed its readers
(`read_with`); tests listen to what they watch. A plain callable is a listener that reads
nothing itself.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.orm import Session

from moderator.changes import Changes
from moderator.gui.workers.latest import Latest

if TYPE_CHECKING:
    from moderator.gui.common.reading import Read
    from moderator.gui.workers.writer import Reader

APPLY_EVERY_MS = 250  # background changes reach the views at most this often
Listener = Callable[[Changes], None]
Query = Callable[[Session], Any]


@runtime_checkable
class Refreshing(Protocol):
    """A view that reads for a change: what (on the GUI thread, quick), then what it read."""

    def to_read(self, changes: Changes) -> Query | None:
        """The read this change needs (None: nothing to read); it runs wherever the feed says,
        so it takes what it needs of the view now, never the view itself."""

    def on_read(self, changes: Changes, answer: Any) -> None:
        """Swap in the answer (None when nothing was read); drop it if the view moved on."""


@dataclass(frozen=True)
class _Plain:
    """A listener that reads nothing itself (the highlights, a test's list)."""

    listener: Listener

    def to_read(self, _changes: Changes) -> Query | None:
        return None

    def on_read(self, changes: Changes, _answer: Any) -> None:
        self.listener(changes)


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
    wrote = Signal()  # a write's own change is about to reach the listeners

    def __init__(self, parent: QObject | None = None, every_ms: int = APPLY_EVERY_MS):
        super().__init__(parent)
        self._listeners: list[Refreshing] = []
        self._pending: Changes | None = None  # background changes waiting for the interval to end
        self._turns: deque[Refreshing] = deque()  # listeners still to reach with `_applying`
        self._applying: Changes | None = None
        self._read: Read | None = None  # a write's own change: read on the GUI thread
        self._answer: Latest | None = None  # a background change: read on the reader's thread
        self._report: Callable[[BaseException], None] = lambda error: None
        self._interval = QTimer(self)  # running: an application started less than `every_ms` ago
        self._interval.setSingleShot(True)
        self._interval.setInterval(every_ms)
        self._interval.timeout.connect(self._interval_over)
        self._next_turn = QTimer(self)
        self._next_turn.setSingleShot(True)
        self._next_turn.setInterval(0)
        self._next_turn.timeout.connect(self._turn)

    def read_with(self, read: Read, reader: Reader | None = None,
                  report: Callable[[BaseException], None] | None = None) -> None:
        """Where listeners read: `read` on the GUI thread for a write's own change, `reader`
        for background changes (a failed read is reported and that listener left as it was)."""
        self._read = read
        self._report = report or self._report
        if reader is not None:
            self._answer = Latest(reader, again_if_overtaken=True)
            self.wrote.connect(reader.overtaken)

    def listen(self, listener: Listener | Refreshing) -> None:
        """Listeners are reached in the order they connected."""
        self._listeners.append(listener if isinstance(listener, Refreshing) else _Plain(listener))

    @property
    def idle(self) -> bool:
        return self._pending is None and self._applying is None

    @property
    def reading(self) -> Refreshing | None:
        """The listener whose read for a background change is under way on the reader."""
        under_way = self._answer is not None and self._answer.under_way
        return self._turns[0] if under_way and self._turns and self._applying is not None else None

    def now(self, changes: Changes) -> None:
        """A write's own change: every listener, before this returns, reading on this thread."""
        self.wrote.emit()
        for listener in list(self._listeners):
            query = listener.to_read(changes)
            listener.on_read(changes, None if query is None else self._reading()(query))
        self.applied.emit(changes)
        self._settle()

    def soon(self, changes: Changes) -> None:
        """A background change: merged with what is pending, applied when the interval allows."""
        self._pending = changes if self._pending is None else merged(self._pending, changes)
        if not self._interval.isActive() and self._applying is None:
            self._start()

    def flush(self) -> None:
        """Everything pending and under way, to every listener, now (the window is closing, a test)."""
        self._next_turn.stop()
        if self._answer is not None:
            self._answer.forget()
        if self._applying is not None:
            unfinished, self._applying = self._applying, None
            self._turns.clear()
            self._pending = unfinished if self._pending is None else merged(unfinished, self._pending)
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.now(pending)

    def _reading(self) -> Read:
        if self._read is None:
            raise RuntimeError("a listener reads, and the change feed was given no reader (read_with)")
        return self._read

    def _start(self) -> None:
        self._applying, self._pending = self._pending, None
        self._turns.extend(self._listeners)
        self._interval.start()
        self._turn()  # the first listener at once: a lone change is not delayed

    def _turn(self) -> None:
        if not self._turns or self._applying is None:
            return
        query = self._turns[0].to_read(self._applying)
        if query is None:
            self._took(None)
        elif self._answer is None:
            raise RuntimeError("a listener reads, and the change feed was given no reader (read_with)")
        else:
            self._answer.ask(query, self._took, self._failed)

    def _took(self, answer: Any) -> None:
        if not self._turns or self._applying is None:  # flushed meanwhile
            return
        self._turns.popleft().on_read(self._applying, answer)
        self._next()

    def _failed(self, error: BaseException) -> None:
        if self._turns:
            self._turns.popleft()  # that view stays as it was; the next change reads again
        self._next()
        self._report(error)

    def _next(self) -> None:
        if self._turns:
            self._next_turn.start()
        else:
            self._done()

    def _done(self) -> None:
        if self._applying is None:
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
