"""Parse a big file in a second process while this one writes.

Parsing (XML or JSON into records) and writing (inserts, index updates) each take
about half of an import. In one process they take turns; with two cores a child
process parses while this one writes, which nearly halves a large import
(bench/import.py). The child only reads the file: every write, and so the one
transaction per file, stays in this process. Records travel pickled in batches
through a pipe whose small buffer keeps the child at most a batch or two ahead,
so memory stays flat in both.

A frozen build (PyInstaller) must call multiprocessing.freeze_support() at start.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Iterator

from moderator.errors import FileFormatError
from moderator.formats.records import ArticleRecord, CommentRecord, Notice, Record, SiteRecord

# Records travel as (kind, plain tuple): unpickling named tuples costs four times more.
KINDS = (ArticleRecord, CommentRecord, Notice, SiteRecord)
KIND_INDEX = {kind: index for index, kind in enumerate(KINDS)}
AHEAD_FROM = 16 << 20  # bytes: below this, starting a process costs more than it saves
BATCH = 2000  # records per message


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
        self.child = context.Process(target=_produce, args=(format_name, str(path), send), daemon=True,
                                     name="moderator-import-parser")
        self.child.start()
        send.close()  # the child holds the only writing end: its exit ends the pipe
        self.format_name, self.path, self.position = format_name, str(path), 0

    def __iter__(self) -> Iterator[Record]:
        heard = False
        while True:
            try:
                kind, payload, self.position = self.receive.recv()
            except EOFError:
                if heard:
                    raise RuntimeError("the import's parser process stopped unexpectedly") from None
                yield from self._alone()  # it could not start (e.g. a script without a main guard)
                return
            heard = True
            if kind == "records":
                make = tuple.__new__
                yield from (make(KINDS[kind_index], values) for kind_index, values in payload)
            elif kind == "end":
                return
            else:
                raise _error(payload)

    def _alone(self) -> Iterator[Record]:
        """Parse in this process after all; nothing has been handed over yet."""
        from moderator.formats import FORMATS

        with open(self.path, "rb") as stream:
            for record in FORMATS[self.format_name].parse(stream, self.path):
                self.position = stream.tell()
                yield record

    def close(self) -> None:
        self.receive.close()
        if self.child.is_alive():  # stopped early (a bad record, a cancel): the child's work is moot
            self.child.terminate()
        self.child.join()


def _produce(format_name: str, path: str, send: Connection) -> None:
    """In the child: parse and send batches; then 'end', or the error that stopped it."""
    from moderator.formats import FORMATS

    try:
        with open(path, "rb") as stream:
            batch: list[tuple[int, tuple]] = []
            for record in FORMATS[format_name].parse(stream, path):
                batch.append((KIND_INDEX[type(record)], tuple(record)))
                if len(batch) >= BATCH:
                    send.send(("records", batch, stream.tell()))
                    batch = []
            send.send(("records", batch, stream.tell()))
        send.send(("end", None, 0))
    except FileFormatError as error:
        send.send(("error", ("format", error.path, error.line, error.reason, error.column), 0))
    except BaseException:  # a bug: its traceback travels to the parent's log
        send.send(("error", ("bug", traceback.format_exc()), 0))
    finally:
        send.close()


def _error(payload: tuple) -> Exception:
    if payload[0] == "format":
        return FileFormatError(*payload[1:])
    return RuntimeError(f"the import's parser process failed:\n{payload[1]}")
