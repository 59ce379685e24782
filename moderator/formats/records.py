"""The neutral records every format parser yields, and the small helpers they share.

Parsers know nothing of the database: they turn a file into a stream of plain,
immutable records in file order. NamedTuples rather than frozen dataclasses: they
are just as immutable, and five times cheaper to make, which counts at a million.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import NamedTuple, TypeGuard

from moderator.errors import FileFormatError
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence

# Statuses in the app's own words (moderator.storage.models.Status), as the source had them.
PENDING, APPROVED, HIDDEN = "pending", "approved", "hidden"
SOURCE_STATUSES = (PENDING, APPROVED, HIDDEN)
ANONYMOUS = "Anonymous"
MAX_ID = 200  # external ids are String(200) in the schema


class SiteRecord(NamedTuple):
    """The site the file's comments come from, when the file says; yielded before any article.

    Identity is (site, external id): two blogs' comment 11 are different comments.
    """

    key: str  # "<system>:<the site's own name or address>", at most 100 characters
    name: str


def site_record(system: str, address: str | None, name: str | None = None) -> SiteRecord | None:
    address = (address or "").strip().split("://", 1)[-1].rstrip("/")
    if not address:
        return None
    return SiteRecord(f"{system}:{address}"[:100], (name or address).strip()[:200])


class ArticleRecord(NamedTuple):
    """A post, thread or page. None in a field means "the file does not say"."""

    external_id: str
    title: str | None = None
    url: str | None = None
    body: str | None = None  # plain text
    standfirst: str | None = None
    section: str | None = None
    published_at: datetime | None = None
    implied: bool = False  # made from what a comment names, not listed: it may come again


class CommentRecord(NamedTuple):
    external_id: str
    article_external_id: str
    parent_external_id: str | None
    author: str
    email: str | None
    url: str | None
    ip: str | None
    created_at: datetime | None  # aware UTC, or None when the file has no usable date
    body: str  # plain text
    source_status: str  # one of SOURCE_STATUSES
    source_flag: str | None = None  # why the source held or hid it: spam, trash, deleted
    kind: str = "comment"  # comment, pingback, trackback


class Notice(NamedTuple):
    """Something the importer reports: a record skipped (and why) or a warning."""

    skipped: bool
    reason: str  # the same words for every notice of a kind, so they can be counted
    example: str  # which record: an id, a line


Record = SiteRecord | ArticleRecord | CommentRecord | Notice


def weight(record: Record) -> int:
    """About how many characters of text a record carries: batches of records are cut by
    it as well as by their number, so a batch of big comments goes sooner (memory stays
    bounded whatever the comments hold)."""
    if record.__class__ is CommentRecord:
        return len(record[8]) + len(record[3]) + len(record[4] or "") + len(record[5] or "") + len(record[6] or "")
    if record.__class__ is ArticleRecord:
        return sum(len(field) for field in record[:6] if field)
    return 0


EXAMPLE = 100  # characters of an example kept: which record it was, not all of it


class Recent:
    """Keys seen lately, for a parser that says something once per key (an article its
    comments name) and may say it again after many others: memory stays bounded."""

    def __init__(self, most: int = 10_000):
        self.most = most
        self.keys: dict[str, None] = {}  # a dict, not a set: it keeps the order they came in

    def first_time(self, key: str) -> bool:
        if key in self.keys:
            return False
        if len(self.keys) >= self.most:
            self.keys = dict.fromkeys(list(self.keys)[self.most // 2 :])
        self.keys[key] = None
        return True


def unusable_id(external_id: str | None, no_id: str, too_long: str) -> str:
    """Which of a kind of record's two skip reasons (each marked for the catalogue: a reason is
    translated where it is shown, importing/report.py) its unusable id calls for."""
    return no_id if not external_id else too_long


def skip(reason: str, example: object) -> Notice:
    return Notice(True, reason, str(example)[:EXAMPLE])


def warn(reason: str, example: object) -> Notice:
    return Notice(False, reason, str(example)[:EXAMPLE])


def text_or_none(value: str | None) -> str | None:
    """Stripped text, or None for a missing or blank field (exports pad with newlines)."""
    if value is None:
        return None
    return value.strip() or None


def utc(value: datetime) -> datetime:
    """Naive times are taken as UTC: the formats that write them have no zone to offer."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value if value.tzinfo is UTC else value.astimezone(UTC)


def parse_iso_time(value: object) -> datetime | None:
    """ISO 8601 ('2013-10-10T19:20:29Z', '…-06:00', '2005-02-24 04:03:37'); None if empty
    or WordPress's zero date.

    Raises ValueError for anything else that is not a time: text that is none, a value
    that is not text, a time whose UTC falls outside years 1 to 9999 ('0001-01-01T00:00+05:00').
    """
    if value.__class__ is not str:  # a number, a list… (from JSON): checked only here
        if value is None:
            return None
        raise ValueError(f"not text but {type(value).__name__}")
    value = value.strip()
    if not value or value.startswith("0000-00-00"):
        return None
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None and len(value) > 10:  # a naive time, taken as UTC
        with suppress(ValueError):  # parsed again with the zone: a sixth of the cost of replace()
            return datetime.fromisoformat(value + "+00:00")
    try:
        return utc(parsed)
    except OverflowError:
        raise ValueError("outside the years 1 to 9999 in UTC") from None


def parse_rfc822_time(value: str | None) -> datetime | None:
    """RSS dates: 'Tue, 14 Jan 2014 17:31:03 +0000'."""
    value = text_or_none(value)
    if value is None:
        return None
    try:
        return utc(parsedate_to_datetime(value))
    except (TypeError, ValueError, OverflowError, IndexError):  # not a date, or none in years 1 to 9999
        return None


def shown(value: object, most: int = 40) -> str:
    """A value from the file as a message quotes it: on one line, escaped, cut short."""
    text = value if isinstance(value, str) else str(value)
    return repr(text[:most] + "…" if len(text) > most else text)


def text_field(record: Mapping[str, object], key: str, path: str, line: int | None, label: str | None = None) -> str | None:
    """A JSON member that holds text: stripped, None when missing, null or blank; a number
    is taken as its digits (ids often are numbers). true, false, an array or an object is
    refused: one sentence naming the line and the member."""
    value = record.get(key)
    if value.__class__ is str:
        return value.strip() or None
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise FileFormatError(path, line, Sentence.of(QT_TRANSLATE_NOOP("errors", "'{key}' is {kind} where text belongs"),
                                                  key=label or key, kind=json_kind(value)))


def object_field(record: Mapping[str, object], key: str, path: str, line: int | None) -> dict[str, object]:
    """A JSON member that holds an object ({} when missing or null); anything else is refused."""
    value = record.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise FileFormatError(path, line, Sentence.of(QT_TRANSLATE_NOOP("errors", "'{key}' is {kind} where an object belongs"),
                                                      key=key, kind=json_kind(value)))
    return value


def json_kind(value: object) -> Sentence:
    """What a JSON value is, in words (translated where the sentence holding it is shown)."""
    if isinstance(value, bool):
        return Sentence("true" if value else "false")
    return Sentence(_KINDS.get(type(value), type(value).__name__))


_KINDS = {dict:
    QT_TRANSLATE_NOOP("errors", "an object"),
    list: QT_TRANSLATE_NOOP("errors", "an array"), str: QT_TRANSLATE_NOOP("errors", "text"),
          int: QT_TRANSLATE_NOOP("errors", "a number"), float: QT_TRANSLATE_NOOP("errors", "a number")}


def usable_id(external_id: str | None) -> TypeGuard[str]:
    """Whether an external id can be used (bad_id says why not)."""
    return external_id is not None and 0 < len(external_id) <= MAX_ID


def bad_id(external_id: str | None) -> str | None:
    """Why an external id cannot be used, or None when it can."""
    if not external_id:
        return "has no id"
    if len(external_id) > MAX_ID:
        return f"has an id longer than {MAX_ID} characters"
    return None
