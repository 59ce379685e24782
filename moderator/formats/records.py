"""The neutral records every format parser yields, and the small helpers they share.

Parsers know nothing of the database: they turn a file into a stream of plain,
immutable records in file order. NamedTuples rather than frozen dataclasses: they
are just as immutable, and five times cheaper to make, which counts at a million.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import NamedTuple, Union

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


Record = Union[SiteRecord, ArticleRecord, CommentRecord, Notice]


def skip(reason: str, example: object) -> Notice:
    return Notice(True, reason, str(example))


def warn(reason: str, example: object) -> Notice:
    return Notice(False, reason, str(example))


def text_or_none(value: str | None) -> str | None:
    """Stripped text, or None for a missing or blank field (exports pad with newlines)."""
    if value is None:
        return None
    return value.strip() or None


def utc(value: datetime) -> datetime:
    """Naive times are taken as UTC: the formats that write them have no zone to offer."""
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value if value.tzinfo is timezone.utc else value.astimezone(timezone.utc)


def parse_iso_time(value: str | None) -> datetime | None:
    """ISO 8601 ('2013-10-10T19:20:29Z', '…-06:00', '2005-02-24 04:03:37'); None if empty.

    Raises ValueError for text that is not a time, and for WordPress's zero date.
    """
    value = value.strip() if value else None
    if not value or value.startswith("0000-00-00"):
        return None
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None and len(value) > 10:  # a naive time, taken as UTC
        with suppress(ValueError):  # parsed again with the zone: a sixth of the cost of replace()
            return datetime.fromisoformat(value + "+00:00")
    return utc(parsed)


def parse_rfc822_time(value: str | None) -> datetime | None:
    """RSS dates: 'Tue, 14 Jan 2014 17:31:03 +0000'."""
    value = text_or_none(value)
    if value is None:
        return None
    try:
        return utc(parsedate_to_datetime(value))
    except (TypeError, ValueError):
        return None


def bad_id(external_id: str | None) -> str | None:
    """Why an external id cannot be used, or None when it can."""
    if not external_id:
        return "has no id"
    if len(external_id) > MAX_ID:
        return f"has an id longer than {MAX_ID} characters"
    return None
