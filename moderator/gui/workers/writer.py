"""Workers off the GUI thread, and the one writer among them.

A `Worker` runs plain functions one at a time on its own thread and hands each result
back to the GUI thread through a queued signal. The `Writer` is the worker every
database write goes through: each task opens its own session and commits. Live ORM
objects never cross threads; results are plain values. A write that finds the database
busy (another program writing: an import, storage/locks.py) waits and tries again until it
lands, saying so on `waiting`: nothing of it was done, so the moderator's action and the
undo stack stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from sqlalchemy.orm import Session, sessionmaker

from moderator.changes import Changes
from moderator.errors import DatabaseBusy
from moderator.gui.workers.changefeed import ChangeFeed
from moderator.niceness import lower_this_thread
from moderator.storage.engine import PATIENCE

# How long a write waits for the write lock before the window says it waits (then it
# keeps trying). An import lets a waiting write through within one of its statements.
SAY_WAITING_AFTER = 0.5  # seconds

Operation = Callable[[Session], Any]
Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


@dataclass(frozen=True)
class _Delivery:
    """One result on its way to the GUI thread. A single object, never None: PySide6
    miscounts references to None passed through object-typed signal arguments."""

    callback: Callable[[Any], None] | None
    value: Any


class Worker(QObject):
    # Emitted from the worker thread; Qt queues it to the GUI thread.
    _finished = Signal(object)
    drained = Signal()  # on the GUI thread, when the last submitted task's result was delivered

    def __init__(self, name: str, on_error: ErrorCallback, parent: QObject | None = None, background: bool = False):
        """`background`: its thread runs below the window's priority (moderator/niceness.py)."""
        super().__init__(parent)
        self._on_error = on_error
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name,
                                        initializer=lower_this_thread if background else None)
        # Its thread started now, by the window's thread: started by a first task's submitter (a
        # lowered sync or scoring thread), it would inherit that thread's priority on Linux.
        self._pool.submit(lambda: None)
        self._pending = 0
        # Queued even when emitted on the GUI thread: a task done before `run` attached its callback
        # has the callback called at once, there, and its answer must not arrive inside `run`.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(self, task: Callable[[], Any], on_done: Callback | None = None, on_error: ErrorCallback | None = None) -> Future[Any]:
        self._pending += 1
        future = self._pool.submit(task)
        future.add_done_callback(lambda f: self._report(f, on_done, on_error or self._on_error))
        return future

    def _report(self, future: Future[Any], on_done: Callback | None, on_error: ErrorCallback) -> None:
        error = future.exception()
        if error is None:
            self._finished.emit(_Delivery(on_done, future.result()))
        else:
            self._finished.emit(_Delivery(on_error, error))

    def _deliver(self, delivery: _Delivery) -> None:
        self._pending -= 1
        try:
            self._delivering(delivery)
        finally:
            if self._pending == 0:
                self.drained.emit()

    def _delivering(self, delivery: _Delivery) -> None:
        if delivery.callback is not None:
            delivery.callback(delivery.value)

    @property
    def idle(self) -> bool:
        return self._pending == 0

    def close(self) -> None:
        """Wait for every submitted task: nothing shown as done may be lost on exit."""
        self._pool.shutdown(wait=True)


class Writer(Worker):
    """Every database write, one at a time. A write that returns `Changes` (or a value
    holding them as `.changes`) is announced on `changed` once committed, before its own
    callback runs: the one feed every view refreshes itself from (workers/changefeed.py).

    A writer's thread runs below the window's priority: most of what it writes is background
    work (a pull's pages, scores, an import), and the window, which never waits on it (results
    come back by a signal), must win a busy core. A moderator's decision is a short write that
    finds the core free while the window waits for its answer."""

    # True: a write waits for another program writing to the database; False: it landed
    # (or failed). Emitted from the writer's thread, delivered before the write's own result.
    waiting = Signal(bool)

    def __init__(self, sessions: sessionmaker[Session], on_error: ErrorCallback, parent: QObject | None = None,
                 shared: sessionmaker[Session] | None = None):
        super().__init__("db-writer", on_error, parent, background=True)
        self._sessions = sessions
        # For a decision on one comment: the write lock shared on PostgreSQL (Database.decision_sessions).
        self._shared = shared or sessions
        self._closing = False
        self.changed = ChangeFeed(self)

    def announce(self, changes: Changes) -> None:
        """Changes made outside a write task, for every view at once (F5, a new model)."""
        self.changed.now(changes)

    def announce_soon(self, changes: Changes) -> None:
        """Changes from background work (scores landing, a pull under way): merged with the
        rest of their burst and applied a view per turn, at most every few hundred ms."""
        self.changed.soon(changes)

    def _delivering(self, delivery: _Delivery) -> None:
        changes = delivery.value if isinstance(delivery.value, Changes) else getattr(delivery.value, "changes", None)
        if isinstance(changes, Changes):
            self.changed.now(changes)
        super()._delivering(delivery)

    def submit(self, operation: Operation, on_done: Callback | None = None, on_error: ErrorCallback | None = None,
               shared: bool = False) -> Future[Any]:
        """`shared`: a decision on one comment, which the rows' own locks keep safe (its
        write lock is shared on PostgreSQL: the team's decisions go side by side)."""
        return self.run(lambda: self._in_session(operation, self._shared if shared else self._sessions), on_done, on_error)

    def _in_session(self, operation: Operation, sessions: sessionmaker[Session]) -> Any:
        said = False
        try:
            while True:
                try:
                    return self._try(operation, sessions)
                except DatabaseBusy:
                    if self._closing:  # the window is closing: it cannot wait for ever
                        raise
                    if not said:
                        said = True
                        self.waiting.emit(True)
        finally:
            if said:
                self.waiting.emit(False)

    def _try(self, operation: Operation, sessions: sessionmaker[Session]) -> Any:
        """One try: the write lock first (DatabaseBusy if it is not free within a moment:
        nothing done), then the whole write."""
        with sessions() as session:
            session.connection(execution_options={PATIENCE: SAY_WAITING_AFTER})
            result = operation(session)
            session.commit()
            return result

    def close(self) -> None:
        self._closing = True
        super().close()

    @property
    def closed(self) -> bool:
        """Closed (or closing): it takes no more writes."""
        return self._closing


class Reader(Worker):
    """Reads too slow for the GUI thread (counts, histograms, id lists at a million
    comments, the views' re-reads for background changes), one at a time in their own
    session. Callers drop answers they no longer need (see workers/latest.py)."""

    # A write landed (the change feed's `wrote`): an answer on its way may have been read
    # before it, and a view swapping it in would undo the write on screen.
    overtaken = Signal()

    def __init__(self, sessions: sessionmaker[Session], on_error: ErrorCallback, parent: QObject | None = None):
        super().__init__("db-reader", on_error, parent)
        self._sessions, self._closed = sessions, False

    def submit(self, query: Operation, on_done: Callback | None = None,
               on_error: ErrorCallback | None = None) -> Future[Any] | None:
        if self._closed:  # the window is closing: nobody is left to show the answer
            return None
        return self.run(lambda: self._in_session(query), on_done, on_error)

    def close(self) -> None:
        self._closed = True
        super().close()

    def _in_session(self, query: Operation) -> Any:
        with self._sessions() as session:
            return query(session)
