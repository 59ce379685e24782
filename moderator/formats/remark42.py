"""Remark42 backup: JSON Lines, plain or gzip. Line 1 is metadata (users, posts);
every other line one comment: {id, pid, text (HTML), user{name, id, ip (hashed)},
locator{site, url}, time, delete}. Articles are the locator URLs the comments name.
"""

from __future__ import annotations

import gzip
import json
from typing import BinaryIO, Iterator

from moderator.errors import FileFormatError
from moderator.formats.jsonstream import lines
from moderator.formats.records import (
    ANONYMOUS, APPROVED, HIDDEN, ArticleRecord, CommentRecord, Record,
    bad_id, parse_iso_time, site_record, skip, text_or_none, warn,
)
from moderator.formats.htmltext import html_to_text

NAME = "remark42"
SITE = ("remark42", "Remark42")
GZIP_MAGIC = b"\x1f\x8b"


def open_lines(stream: BinaryIO) -> BinaryIO:
    """The stream itself, or its decompressed content when it is gzip."""
    head = stream.read(2)
    stream.seek(0)
    return gzip.GzipFile(fileobj=stream, mode="rb") if head == GZIP_MAGIC else stream


def parse(stream: BinaryIO, path: str) -> Iterator[Record]:
    articles: set[str] = set()
    for number, line in _lines(open_lines(stream), path):
        record = _json(line, path, number)
        if record is None or number == 1 and "users" in record and "posts" in record:
            continue  # blank, or the metadata line: nothing in it is a comment
        locator = record.get("locator") or {}
        if not articles and text_or_none(locator.get("site")):
            yield site_record("remark42", locator["site"])
        article = text_or_none(locator.get("url"))
        if article and article not in articles and not bad_id(article):
            articles.add(article)
            yield ArticleRecord(article, url=article)
        yield from comment_records(record, article, number)


def _lines(stream: BinaryIO, path: str) -> Iterator[tuple[int, bytes]]:
    number = 0
    try:
        for number, line in lines(stream, path):
            yield number, line
    except (OSError, EOFError) as error:  # a damaged gzip stream
        raise FileFormatError(path, number + 1, f"the compressed data is damaged ({error})") from None


def _json(line: bytes, path: str, number: int) -> dict | None:
    try:
        text = line.decode("utf-8").strip()
        record = json.loads(text) if text else None
    except UnicodeDecodeError as error:
        raise FileFormatError(path, number, f"not UTF-8 text (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise FileFormatError(path, number, f"not valid JSON ({error.msg})", error.colno) from None
    if record is not None and not isinstance(record, dict):
        raise FileFormatError(path, number, "each line must be a JSON object")
    return record


def comment_records(record: dict, article: str | None, number: int) -> Iterator[Record]:
    external_id = text_or_none(str(record.get("id") or ""))
    problem = bad_id(external_id) or bad_id(article) and "names no page"
    if problem:
        yield skip(f"Remark42 comment that {problem}", f"line {number}")
        return
    try:
        created = parse_iso_time(record.get("time"))
    except ValueError:
        yield warn("Remark42 comment whose time is not a time; kept without a date", external_id)
        created = None
    user = record.get("user") or {}
    deleted = record.get("delete") is True
    yield CommentRecord(
        external_id=external_id,
        article_external_id=article,
        parent_external_id=text_or_none(record.get("pid")),
        author=text_or_none(user.get("name")) or ANONYMOUS,
        email=None,
        url=None,
        ip=None,  # Remark42 keeps only a hash of the address
        created_at=created,
        body=html_to_text(record.get("text")),
        source_status=HIDDEN if deleted else APPROVED,
        source_flag="deleted" if deleted else None,
    )
