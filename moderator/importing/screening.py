"""The rules' text screen of a big import, run on the second core while the import publishes.

A staged import (storage/staging.py) publishes its comments in short transactions, and the
rules judge each published batch inside its transaction from the hits the text screen found
(rules/apply.py). While the file is read, both cores are busy: one parses
(importing/ahead.py), one stages. While the import publishes, one core is busy inside
SQLite and the other idle. So for a file parsed in a second process, the screen (word lists,
starter lists, patterns) runs in a second process too, while the import publishes: this
process hands it the staged comments' texts a few batches ahead, and stages each batch's hits
just before the batch is published. A smaller file is screened as it is staged
(apply.Prescreen), in this process; both run the same `apply.screened`.

If the screening process cannot start or stops, the screen runs here (slower, the same hits).
"""

from __future__ import annotations

import multiprocessing
import queue
from collections import deque
from multiprocessing.connection import Connection as Pipe
from typing import cast

from sqlalchemy import Connection

from moderator.importing.ahead import drain
from moderator.niceness import is_lowered, lower_this_process
from moderator.rules.apply import StagedHit, import_screen, screened, stage_hits
from moderator.rules.text import TextScreen
from moderator.storage.engine import driver_of
from moderator.storage.staging import SCHEMA, UNIT, staged_comments

TEXTS = f"SELECT id, body FROM {SCHEMA}.{staged_comments.name} WHERE id > ? AND id <= ? ORDER BY id LIMIT ?"
AHEAD = 4  # batches of texts the screening process holds before the import needs their hits
Rows = list[tuple[int, str]]  # (staged number, text)


def _serve(pipe: Pipe, lowered: bool) -> None:
    """In the child, at its importer's priority (as importing/ahead.py's parser): the screen's
    recipe, then batches of rows → their hits, until None. A thread takes each batch off the
    pipe as it comes, so the importing process never waits to hand texts over while this one
    screens (a batch is larger than the pipe's buffer)."""
    if lowered:
        lower_this_process()
    inbox: queue.Queue[object] = queue.Queue()
    drain(pipe.recv, inbox, "moderator-screen-inbox")
    try:
        recipe = inbox.get()
        if recipe is None:
            return
        screen = TextScreen(*cast(tuple[dict[str, tuple[str, ...]], bool], recipe))
        while (rows := inbox.get()) is not None:
            pipe.send(screened(screen, cast(Rows, rows)))
    except OSError:  # the import ended
        pass
    finally:
        pipe.close()


class PublishScreen:
    """A screening process for one import: started with the import (it is ready by the time
    the import publishes), told the site's screen at `begin`, then asked batch by batch:
    `wait` (outside any transaction: the import never waits for it holding the write lock),
    then `ready` in the batch's transaction."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a process that may run Qt
        self.pipe, child_end = context.Pipe()
        self.child = context.Process(target=_serve, args=(child_end, is_lowered()), daemon=True, name="moderator-import-screen")
        self.child.start()
        child_end.close()
        self.gone = False  # the child stopped: the screen runs here
        self.answers: queue.Queue[list[StagedHit] | None] = queue.Queue()  # None: the child has gone
        self.reader = drain(self.pipe.recv, self.answers, "moderator-import-screen-reader")
        self.screen: TextScreen | None = None
        self.sent: deque[tuple[int, int]] = deque()  # (low, high] ranges handed over, in order, not answered
        self.found: list[StagedHit] = []  # answered, not staged yet
        self.cursor = self.top = self.here_from = 0

    def begin(self, connection: Connection, site_id: int) -> None:
        """The site whose comments are published: its screen goes to the child (None if no text rule is on)."""
        self.screen = import_screen(connection, site_id)
        self._send(None if self.screen is None else self.screen.recipe)

    def start(self, connection: Connection, done: int, top: int) -> None:
        """Publishing starts (or resumes) after staged number `done`; `top` is the last, which
        goes in first (staging._start_publishing), so its text goes first too."""
        self.cursor, self.top = done, top
        if self.screen is not None:
            self._hand_over(connection, top - 1, top, _texts(connection, top - 1, top))
            self._fill(connection)

    def answered(self, low: int, high: int) -> bool:
        """Whether the hits of (low, high] are back (no waiting)."""
        while self.sent and not self.answers.empty():
            self._take(block=False)
        return self._covered(low, high)

    def wait(self, low: int, high: int) -> None:
        """Until the hits of (low, high] are back, or the child has gone (no database read)."""
        while not self._covered(low, high):
            self._take(block=True)

    def ready(self, connection: Connection, low: int, high: int) -> None:
        """In the transaction that publishes the batch (low, high]: its hits staged, and more
        texts handed over."""
        if self.screen is None:
            return
        while high < self.top and self.cursor < high and not self.gone:  # (the last comment's text went first)
            self._fill(connection)
            self.wait(low, high)
        self.wait(low, high)  # (waits only if `answered` was not asked first)
        if self.gone:  # what the child did not answer, screened here
            self.found += screened(self.screen, _texts(connection, max(low, self.here_from), high, limit=None))
        stage_hits(connection, self.found)
        self.found = []
        self._fill(connection)

    def close(self) -> None:
        self._send(None)
        self.child.join(timeout=5)
        if self.child.is_alive():
            self.child.terminate()
            self.child.join()
        self.pipe.close()
        self.reader.join(timeout=5)

    def _covered(self, low: int, high: int) -> bool:
        return self.gone or not any(sent_low < high and low < sent_high for sent_low, sent_high in self.sent)

    def _take(self, block: bool) -> None:
        found = self.answers.get(block)
        if found is None:
            self._gone()
        else:
            self.sent.popleft()
            self.found += found

    def _fill(self, connection: Connection) -> None:
        """Texts handed over until AHEAD batches wait (the last comment's excepted)."""
        while len(self.sent) < AHEAD and self.cursor < self.top - 1 and not self.gone:
            rows = _texts(connection, self.cursor, self.top - 1)
            if not rows:
                self.cursor = self.top - 1
                return
            self._hand_over(connection, self.cursor, rows[-1][0], rows)
            self.cursor = rows[-1][0]

    def _hand_over(self, connection: Connection, low: int, high: int, rows: Rows) -> None:
        self.sent.append((low, high))
        if not self._send(rows):
            self._gone()

    def _gone(self) -> None:
        """The child has stopped: from the first staged number it has not answered, this
        process screens each batch itself."""
        self.gone = True
        self.here_from = min([low for low, _high in self.sent] + [self.cursor])
        self.sent.clear()

    def _send(self, message: object) -> bool:
        if self.gone:
            return False
        try:
            self.pipe.send(message)
            return True
        except (OSError, ValueError):
            return False


def _texts(connection: Connection, low: int, high: int, limit: int | None = UNIT) -> Rows:
    """Staged comments after `low` up to `high`, `limit` at most: (staged number, body)."""
    # The driver's own rows (plain tuples): SQLAlchemy's Row per row cost as much as the send.
    return driver_of(connection).execute(TEXTS, (low, high, -1 if limit is None else limit)).fetchall()
