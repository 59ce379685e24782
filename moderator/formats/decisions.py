"""A decisions file (moderator.formats.export), read back: JSON Lines or CSV.

Importing one applies another machine's decisions to the same comments here,
found by (site, external id); moderator.importing.decisions does the applying.
"""

from __future__ import annotations

from datetime import datetime
from typing import BinaryIO, Iterator, NamedTuple

from moderator.errors import FileFormatError
from moderator.formats import generic
from moderator.formats.csvsafe import unquote
from moderator.formats.records import parse_iso_time

NAME = "decisions"
REQUIRED = ("action", "status_after", "moderator", "time")


class DecisionRecord(NamedTuple):
    line: int
    site: str
    external_id: str | None
    article_external_id: str | None
    parent_external_id: str | None
    action: str
    reason: str | None
    note: str
    moderator: str
    time: datetime
    status_after: str
    reply_text: str | None


def parse(stream: BinaryIO, path: str) -> Iterator[DecisionRecord]:
    head = stream.read(1)
    stream.seek(0)
    rows = generic.json_rows(stream, path) if head == b"{" else _csv(stream, path)
    for number, row in rows:
        yield decision_record(row, path, number)


def _csv(stream: BinaryIO, path: str) -> Iterator[tuple[int, dict]]:
    """Cells as the export wrote them, less the apostrophe it puts before formula-like text."""
    for number, row in generic.csv_rows(stream, path):
        if "_unknown" not in row:
            yield number, {key: unquote(value) if isinstance(value, str) else value for key, value in row.items()}


def decision_record(row: dict, path: str, number: int) -> DecisionRecord:
    text = {key: generic.field_text(row, key) for key in row}
    missing = [key for key in REQUIRED if not text.get(key)]
    if missing:
        raise FileFormatError(path, number, f"'{missing[0]}' is missing; is this a decisions file?")
    try:
        time = parse_iso_time(text["time"])
    except ValueError:
        raise FileFormatError(path, number, f"time '{text['time']}' is not an ISO 8601 time") from None
    return DecisionRecord(
        line=number,
        site=text.get("site") or generic.SITE[0],
        external_id=text.get("external_id"),
        article_external_id=text.get("article_external_id"),
        parent_external_id=text.get("parent_external_id"),
        action=text["action"],
        reason=text.get("reason"),
        note=text.get("note") or "",
        moderator=text["moderator"],
        time=time,
        status_after=text["status_after"],
        reply_text=row.get("reply_text") or None,
    )
