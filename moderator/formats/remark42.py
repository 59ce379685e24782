"""Remark42 backup: JSON Lines, plain or gzip. Line 1 is metadata (users, posts);
every other line one comment: {id, pid, text (HTML), user{name, id, ip (hashed)},
locator{site, url}, time, delete}. Articles are the locator URLs the comments name.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from typing import BinaryIO

from moderator.errors import FileFormatError
from moderator.formats.htmltext import html_to_text
from moderator.formats.jsonstream import JsonObject, LineSource, json_lines
from moderator.formats.limits import MAX_COMMENT, MAX_INFLATION
from moderator.formats.records import (
    ANONYMOUS,
    APPROVED,
    HIDDEN,
    ArticleRecord,
    CommentRecord,
    Recent,
    Record,
    bad_id,
    object_field,
    parse_iso_time,
    site_record,
    skip,
    text_field,
    unusable_id,
    usable_id,
    warn,
)
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence

NAME = "remark42"
SITE = ("remark42", "Remark42")
GZIP_MAGIC = b"\x1f\x8b"


def open_lines(stream: BinaryIO, path: str = "<stream>") -> LineSource:
    """The stream itself, or its decompressed content when it is gzip (at most MAX_INFLATION
    times the compressed size: beyond, it is refused as a compression bomb)."""
    head = stream.read(2)
    stream.seek(0)
    return _Inflated(stream, path) if head == GZIP_MAGIC else stream


class _Inflated:
    """A gzip stream read a line at a time, refused once it has expanded too far."""

    def __init__(self, stream: BinaryIO, path: str):
        size = stream.seek(0, 2)
        stream.seek(0)
        self.lines, self.path = gzip.GzipFile(fileobj=stream, mode="rb"), path
        self.left = max(size, 1 << 16) * MAX_INFLATION

    def readline(self, most: int = -1) -> bytes:
        line = self.lines.readline(most)
        self.left -= len(line)
        if self.left < 0:
            raise FileFormatError(self.path, None, Sentence.of(
                QT_TRANSLATE_NOOP("errors", "the compressed data expands more than {most} times its "
                                            "size; refused as a compression bomb"),
                most=MAX_INFLATION))
        return line


def parse(stream: BinaryIO, path: str) -> Iterator[Record]:
    articles, site_known = Recent(), False
    for number, record in _records(open_lines(stream, path), path):
        if number == 1 and "users" in record and "posts" in record:
            continue  # the metadata line: nothing in it is a comment
        locator = object_field(record, "locator", path, number)
        site_name = text_field(locator, "site", path, number, "locator.site")
        if not site_known and site_name:
            site_known = True
            site = site_record("remark42", site_name)
            if site is not None:  # a site of no name ("/"): the default site
                yield site
        article = text_field(locator, "url", path, number, "locator.url")
        if article and not bad_id(article) and articles.first_time(article):
            yield ArticleRecord(article, url=article, implied=True)
        yield from comment_records(record, article, path, number)


def _records(stream: LineSource, path: str) -> Iterator[tuple[int, JsonObject]]:
    number = 0
    try:
        for number, record in json_lines(stream, path):
            yield number, record
    except (OSError, EOFError) as error:  # a damaged gzip stream
        raise FileFormatError(path, number + 1, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "the compressed data is damaged ({error})"),
            error=str(error))) from None


def comment_records(record: JsonObject, article: str | None, path: str, number: int) -> Iterator[Record]:
    external_id = text_field(record, "id", path, number)
    if not usable_id(external_id) or not usable_id(article):
        reason = unusable_id(external_id, QT_TRANSLATE_NOOP("importing", "Remark42 comment that has no id"),
                             QT_TRANSLATE_NOOP("importing", "Remark42 comment that has an id longer than 200 characters")) \
            if not usable_id(external_id) else QT_TRANSLATE_NOOP("importing", "Remark42 comment that names no page")
        yield skip(reason, f"line {number}")
        return
    try:
        created = parse_iso_time(record.get("time"))
    except ValueError:
        yield warn(QT_TRANSLATE_NOOP("importing", "Remark42 comment whose time is not a time; kept without a date"), external_id)
        created = None
    user = object_field(record, "user", path, number)
    text = text_field(record, "text", path, number)
    if text and len(text) > MAX_COMMENT:
        raise FileFormatError(path, number, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "'text' is longer than {most:,} characters; refused"),
            most=MAX_COMMENT))
    deleted = record.get("delete") is True
    yield CommentRecord(
        external_id=external_id,
        article_external_id=article,
        parent_external_id=text_field(record, "pid", path, number),
        author=text_field(user, "name", path, number, "user.name") or ANONYMOUS,
        email=None,
        url=None,
        ip=None,  # Remark42 keeps only a hash of the address
        created_at=created,
        body=html_to_text(text),
        source_status=HIDDEN if deleted else APPROVED,
        source_flag="deleted" if deleted else None,
    )
