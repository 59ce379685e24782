"""The one CSV writer of every export, safe to open in a spreadsheet.

Notes, names, ids and replies come from outside; a cell that starts with `=`, `+`,
`-`, `@`, a tab or a carriage return is a formula to Excel and LibreOffice
(`=HYPERLINK(…)`, `=WEBSERVICE(…)` send data away; `@SUM(…)` runs too). Such a cell
is written with a leading apostrophe, which spreadsheets show as text. A cell that
starts with an apostrophe gets one more, so reading back is exact: `unquote` takes
one leading apostrophe off (the decisions import does, moderator.formats.decisions).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from moderator.filemodes import written_aside

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
QUOTE = "'"


def neutralise(value: object) -> str:
    text = "" if value is None else str(value)
    return QUOTE + text if text.startswith(FORMULA_STARTS + (QUOTE,)) else text


def unquote(text: str) -> str:
    return text[1:] if text.startswith(QUOTE) else text


class SafeWriter:
    """Rows of cells, each neutralised, under a header."""

    def __init__(self, stream: TextIO, fields: Sequence[str]):
        self._writer = csv.writer(stream)
        self.fields = tuple(fields)
        self._writer.writerow(self.fields)

    def row(self, values: Iterable[object]) -> None:
        self._writer.writerow([neutralise(v) for v in values])

    def record(self, record: Mapping[str, object]) -> None:
        self.row(record.get(field) for field in self.fields)


@contextmanager
def csv_file(out: Path, fields: Sequence[str]) -> Iterator[SafeWriter]:
    """A CSV export written aside, readable by its owner only, and renamed into place
    when complete, so a crash never leaves half a file."""
    with written_aside(out, "w", encoding="utf-8", newline="") as stream:
        yield SafeWriter(stream, fields)
