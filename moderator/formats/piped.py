"""Records through a pipe, for a parser running in another process (importing/ahead.py).

The child process imports this module and the parsers only, not the database layer,
so it starts reading the file in a tenth of a second rather than half a second.
Records travel in batches, each a list of runs of one kind with their fields in
columns: pickling plain lists is several times cheaper than pickling named tuples.
"""

from __future__ import annotations

import gc
import traceback
from collections.abc import Iterator
from itertools import repeat
from multiprocessing.connection import Connection
from typing import Literal

from moderator.errors import FileFormatError
from moderator.formats.limits import BATCH_CHARS
from moderator.formats.records import ArticleRecord, CommentRecord, Notice, Record, SiteRecord, weight
from moderator.i18n import Sentence

KINDS = (ArticleRecord, CommentRecord, Notice, SiteRecord)
KIND_INDEX = {kind: index for index, kind in enumerate(KINDS)}
BATCH = 2000  # records per message, at most; and at most about BATCH_CHARS characters of text
# A batch: runs of records of one kind, each (its index in KINDS, its fields in columns).
Runs = list[tuple[int, list[tuple[object, ...]]]]
# An 'error' message's payload: a FileFormatError's arguments, its reason as template and
# figures (translated in the parent, which has the window's language), or a bug's traceback.
Failure = tuple[Literal["format"], str, int | None, Sentence, int | None] | tuple[Literal["bug"], str]


def produce(format_name: str, path: str, send: Connection) -> None:
    """In the child: parse and send batches; then 'end', or the error that stopped it."""
    from moderator.formats import parser

    # This process only parses: hardly anything it makes lives long or forms a cycle, and
    # collecting less often spares about a twentieth of its time.
    gc.set_threshold(100_000, 20, 100)
    try:
        with open(path, "rb") as stream:
            batch: list[Record] = []
            characters = 0
            for record in parser(format_name)(stream, path):
                batch.append(record)
                characters += weight(record)
                if len(batch) >= BATCH or characters > BATCH_CHARS:
                    send.send(("records", encode(batch), stream.tell()))
                    batch, characters = [], 0
            send.send(("records", encode(batch), stream.tell()))
        send.send(("end", None, 0))
    except FileFormatError as error:
        send.send(("error", ("format", error.path, error.line, error.why, error.column), 0))
    except BaseException:  # a bug: its traceback travels to the parent's log
        send.send(("error", ("bug", traceback.format_exc()), 0))
    finally:
        send.close()


def encode(records: list[Record]) -> Runs:
    """Runs of records of one kind, in file order, each as (kind, its fields in columns)."""
    runs: list[tuple[int, list[Record]]] = []
    for record in records:
        kind = KIND_INDEX[type(record)]
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(record)
        else:
            runs.append((kind, [record]))
    return [(kind, list(zip(*rows))) for kind, rows in runs]


def decode(runs: Runs) -> Iterator[Record]:
    for kind, columns in runs:
        yield from map(tuple.__new__, repeat(KINDS[kind]), zip(*columns))


def error(payload: Failure) -> Exception:
    """The exception a child's 'error' message stands for."""
    if payload[0] == "format":
        return FileFormatError(*payload[1:])
    return RuntimeError(f"the import's parser process failed:\n{payload[1]}")
