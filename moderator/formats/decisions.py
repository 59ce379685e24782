"""A decisions file (moderator.formats.export), read back: JSON Lines or CSV.

Importing one applies another machine's decisions to the same comments here,
found by (site, external id); moderator.importing.decisions does the applying.
Only what a moderator can do is read: approve, hide and restore (each with the
status it leaves), a staff reply or post, feature / unfeature and a commenter's
trust / ban / unban / untrust (MARKS: they keep the comment's status, which must be
one a moderator sees), and undo or redo of those. "removed" is
the status of a staff reply whose posting was undone, and only an undo leaves it
(that it names a staff reply is checked against the database when applied). Any
other action or status refuses the file: a decisions file never removes a reader's
comment, nor brings one back.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import BinaryIO, NamedTuple

from moderator.errors import FileFormatError
from moderator.formats import generic
from moderator.formats.csvsafe import unquote
from moderator.formats.jsonstream import JsonObject
from moderator.formats.limits import MAX_COMMENT
from moderator.formats.records import parse_iso_time, shown
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence

NAME = "decisions"
REQUIRED = ("action", "status_after", "moderator", "time")
PENDING, APPROVED, HIDDEN, REMOVED = "pending", "approved", "hidden", "removed"
STAFF_POSTS = ("reply", "post")
UNDO, REDO = "undo", "redo"
# Decisions that keep the status and change something beside it (moderation/marks.py): an
# editor's pick, and a commenter's standing (what the rules do with their later comments).
FEATURING = ("feature", "unfeature")
STANDINGS = {"trust": "trusted", "ban": "banned", "unban": "normal", "untrust": "normal"}
MARKS = (*FEATURING, *STANDINGS)
# What each action leaves the comment in; undo and redo take it back to any earlier status.
LEAVES = {"approve": (APPROVED,), "hide": (HIDDEN,), "restore": (PENDING,), "reply": (APPROVED,), "post": (APPROVED,),
          UNDO: (PENDING, APPROVED, HIDDEN, REMOVED), REDO: (PENDING, APPROVED, HIDDEN)} | {
          mark: (PENDING, APPROVED, HIDDEN) for mark in MARKS}


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
    decision_id: str | None = None  # the id on the machine that exported it: what an undo names
    reverts_decision_id: str | None = None


def parse(stream: BinaryIO, path: str) -> Iterator[DecisionRecord]:
    head = stream.read(1)
    stream.seek(0)
    rows = generic.json_rows(stream, path) if head == b"{" else _csv(stream, path)
    for number, row in rows:
        yield decision_record(row, path, number)


def _csv(stream: BinaryIO, path: str) -> Iterator[tuple[int, JsonObject]]:
    """Cells as the export wrote them, less the apostrophe it puts before formula-like text."""
    for number, row in generic.csv_rows(stream, path):
        if "_unknown" not in row:
            yield number, {key: unquote(value) if isinstance(value, str) else value for key, value in row.items()}


def decision_record(row: JsonObject, path: str, number: int) -> DecisionRecord:
    text = {key: generic.field_text(row, key) for key in row}
    action, status_after, moderator, when = (_required(text, key, path, number) for key in REQUIRED)
    _check_action(action, status_after, path, number)
    try:
        time = parse_iso_time(when)
    except ValueError:
        time = None
    if time is None:  # not a time, or WordPress's zero date
        raise FileFormatError(path, number, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "time {value} is not an ISO 8601 time"), value=shown(when)))
    return DecisionRecord(
        line=number,
        site=text.get("site") or generic.SITE[0],
        external_id=text.get("external_id"),
        article_external_id=text.get("article_external_id"),
        parent_external_id=text.get("parent_external_id"),
        action=action,
        reason=text.get("reason"),
        note=text.get("note") or "",
        moderator=moderator,
        time=time,
        status_after=status_after,
        reply_text=_reply_text(row, path, number),
        decision_id=text.get("decision_id"),
        reverts_decision_id=text.get("reverts_decision_id"),
    )


def _required(text: dict[str, str | None], key: str, path: str, number: int) -> str:
    value = text.get(key)
    if not value:
        raise FileFormatError(path, number, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "'{key}' is missing; is this a decisions file?"), key=key))
    return value


def _check_action(action: str, status: str, path: str, number: int) -> None:
    if action not in LEAVES:
        raise FileFormatError(path, number, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "action {action} is not a moderator's action ({known}); "
                                        "nothing was applied"), action=shown(action),
            known=", ".join(LEAVES)))
    if status not in LEAVES[action]:
        raise FileFormatError(path, number, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "status_after {status} is not what '{action}' leaves a comment "
                                        "in ({known}); nothing was applied"),
            status=shown(status), action=action, known=", ".join(LEAVES[action])))


def _reply_text(row: JsonObject, path: str, number: int) -> str | None:
    reply = row.get("reply_text")
    if reply is not None and not isinstance(reply, str):
        raise FileFormatError(path, number, QT_TRANSLATE_NOOP("errors", "'reply_text' is not text"))
    if reply and len(reply) > MAX_COMMENT:
        raise FileFormatError(path, number, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "'reply_text' is longer than {most:,} characters; refused"),
            most=MAX_COMMENT))
    return reply or None
