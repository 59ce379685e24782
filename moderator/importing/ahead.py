"""Parse a big file in a second process while this one writes.

Parsing (XML or JSON into records) and writing (inserts, index updates) each take
about half of an import. In one process they take turns; with two cores a child
process parses while this one writes, which nearly halves a large import
(bench/import.py). The child only reads the file: every write, and so the one
transaction per file, stays in this process. Records travel in batches through a
pipe (formats/piped.py). A thread here keeps the pipe drained into a short queue,
so the parser runs up to AHEAD batches ahead and never waits for a writer that is
busy for a moment (indexing, a slow statement); with the pipe's own small buffer
the two took turns far more than they need to. Memory stays flat in both.

The child runs at its writer's priority: below the window's when the window imports
(moderator/niceness.py), at the user's own on the command line.

The rules' text screen does not run here: this process is the slower of the two while
the file is read; the screen runs while the import publishes (importing/screening.py).

A frozen build (PyInstaller) must call multiprocessing.freeze_support() at start.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import threading
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TypeVar

from moderator.formats import piped
from moderator.formats.records import Record
from moderator.niceness import is_lowered, lower_this_process

T = TypeVar("T")
AHEAD_FROM = 16 << 20  # bytes: below this, starting a process costs more than it saves
AHEAD = 16  # batches the parser may run ahead of the writer (a few MB)


def drain(receive: Callable[[], T], into: queue.Queue[T | None], name: str) -> threading.Thread:
    """A thread that puts each message `receive` gets from a pipe into `into`, then None when
    the pipe has ended: the other end never waits for this one to be ready to read."""

    def run() -> None:
        try:
            while True:
                into.put(receive())
        except (EOFError, OSError):
            pass
        finally:
            into.put(None)

    thread = threading.Thread(target=run, daemon=True, name=name)
    thread.start()
    return thread


def worth_it(path: Path) -> bool:
    """A big file and a second core. (Not the load average: it lags by a minute, and on
    a busy machine the second process costs a third at worst, saves half when idle.)"""
    return (os.cpu_count() or 1) > 1 and path.stat().st_size >= AHEAD_FROM


class Ahead:
    """The records of `path` in `format_name`, parsed by a child process.

    `position` is how far into the file the child has read (for progress)."""

    def __init__(self, format_name: str, path: Path):
        context = multiprocessing.get_context("spawn")  # never fork a process that may run Qt
        self.receive, send = context.Pipe(duplex=False)
        self.child = context.Process(target=produce, args=(is_lowered(), format_name, str(path), send),
                                     daemon=True, name="moderator-import-parser")
        self.child.start()
        send.close()  # the child holds the only writing end: its exit ends the pipe
        self.format_name, self.path, self.position = format_name, str(path), 0
        self.messages: queue.Queue[bytes | None] = queue.Queue(AHEAD)  # None: the pipe has ended
        self.ended = False
        self.reader = drain(self.receive.recv_bytes, self.messages, "moderator-import-reader")  # still pickled

    def __iter__(self) -> Iterator[Record]:
        heard = False
        while True:
            message = self.messages.get()
            if message is None:
                self.ended = True
                if heard:
                    raise RuntimeError("the import's parser process stopped unexpectedly")
                yield from self._alone()  # it could not start (e.g. a script without a main guard)
                return
            heard = True
            kind, payload, self.position = pickle.loads(message)
            if kind == "records":
                yield from piped.decode(payload)
            elif kind == "end":
                return
            else:
                raise piped.error(payload)

    def _alone(self) -> Iterator[Record]:
        """Parse in this process after all; nothing has been handed over yet."""
        from moderator.formats import parser

        with open(self.path, "rb") as stream:
            for record in parser(self.format_name)(stream, self.path):
                self.position = stream.tell()
                yield record

    def close(self) -> None:
        if self.child.is_alive():  # stopped early (a bad record, a cancel): the child's work is moot
            self.child.terminate()
        self.child.join()  # the pipe has no writer left: the reader meets its end
        while not self.ended:  # take what the reader still holds, so that it can finish
            self.ended = self.messages.get() is None
        self.reader.join()
        self.receive.close()


def produce(lowered: bool, format_name: str, path: str, send: Connection) -> None:
    """In the child: the parser at its writer's priority (a window's import writer runs
    below the window; the command line's import at the user's own)."""
    if lowered:
        lower_this_process()
    piped.produce(format_name, path, send)
