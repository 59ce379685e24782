"""The generic formats, for sites with their own exporters: JSON Lines and CSV.

Both carry the same columns (docs/formats.md): article_id, article_title,
article_url, comment_id, parent_id, author, author_email, author_url, author_ip,
created_at (ISO 8601), body (plain text), status (pending, approved, hidden).
Only comment_id and body are required; `id` and `comment_text` are accepted for
them, so labelled samples such as Jigsaw's train.csv import as they are. Rows
without an article_id go to one article named after the file.

A site's own exporter should be told when it writes something wrong, so these
formats are strict: a bad time or status rejects the file, naming the line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, cast

from moderator.errors import FileFormatError
from moderator.formats.jsonstream import JsonObject, line_object, lines
from moderator.formats.limits import MAX_COMMENT
from moderator.formats.records import (
    ANONYMOUS,
    MAX_ID,
    PENDING,
    SOURCE_STATUSES,
    ArticleRecord,
    CommentRecord,
    Recent,
    Record,
    bad_id,
    parse_iso_time,
    shown,
    usable_id,
    warn,
)
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence

SITE = ("default", "Our site")
COLUMNS = ("article_id", "article_title", "article_url", "comment_id", "parent_id", "author",
           "author_email", "author_url", "author_ip", "created_at", "body", "status")
ALIASES = {"id": "comment_id", "comment_text": "body", "text": "body"}


def parse_jsonl(stream: BinaryIO, path: str) -> Iterator[Record]:
    return _records(json_rows(stream, path), path)


def parse_csv(stream: BinaryIO, path: str) -> Iterator[Record]:
    return _records(csv_rows(stream, path), path)


def json_rows(stream: BinaryIO, path: str) -> Iterator[tuple[int, JsonObject]]:
    for number, line in lines(stream, path):
        row = line_object(line, path, number)
        if row is not None:
            yield number, {ALIASES.get(k, k): v for k, v in row.items()}


def csv_rows(stream: BinaryIO, path: str) -> Iterator[tuple[int, JsonObject]]:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    try:
        header = [ALIASES.get(name.strip(), name.strip()) for name in next(reader, [])]
        unknown = [name for name in header if name not in COLUMNS]
        if unknown:
            yield 0, {"_unknown": unknown}
        start = reader.line_num + 1
        for row in reader:
            if row:
                yield start, dict(zip(header, row))
            start = reader.line_num + 1
    except csv.Error as error:
        raise FileFormatError(path, reader.line_num, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "CSV error: {error}"), error=str(error))) from None
    except UnicodeDecodeError as error:
        raise FileFormatError(path, reader.line_num + 1, Sentence.of(QT_TRANSLATE_NOOP("errors", "not UTF-8 text (byte {byte})"),
                                                                       byte=error.start)) from None
    finally:
        # Leave the caller's stream open. When this generator is dropped unfinished (the
        # file was refused on a later line) the stream may be closed by then: detaching
        # would raise, printed as a traceback after the one-sentence message.
        if not stream.closed:
            text.detach()


def _records(rows: Iterable[tuple[int, JsonObject]], path: str) -> Iterator[Record]:
    articles = Recent()
    default_article = Path(path).stem[:200]
    for number, row in rows:
        if "_unknown" in row:  # csv_rows' first row: the header's names that are not COLUMNS
            yield from (warn("columns that are not imported", name) for name in cast("list[str]", row["_unknown"]))
            continue
        comment = comment_record(row, path, number, default_article)
        if articles.first_time(comment.article_external_id):
            yield ArticleRecord(comment.article_external_id, title=field_text(row, "article_title"),
                                url=field_text(row, "article_url"), implied=True)
        yield comment


def comment_record(row: JsonObject, path: str, number: int, default_article: str) -> CommentRecord:
    comment_id, body = field_text(row, "comment_id"), row.get("body")
    if not usable_id(comment_id):
        raise FileFormatError(path, number, QT_TRANSLATE_NOOP("errors", "the comment has no id") if not comment_id else
                              Sentence.of(
                                  QT_TRANSLATE_NOOP("errors", "the comment has an id longer than {most} characters"),
                                  most=MAX_ID))
    if not isinstance(body, str):
        raise FileFormatError(path, number, QT_TRANSLATE_NOOP("errors", "'body' is missing or not text"))
    if len(body) > MAX_COMMENT:
        raise FileFormatError(path, number, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "'body' is longer than {most:,} characters; refused"),
            most=MAX_COMMENT))
    article = field_text(row, "article_id") or default_article
    if bad_id(article):
        raise FileFormatError(path, number, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "the article id is longer than {most} characters"), most=MAX_ID))
    status = field_text(row, "status") or PENDING
    if status not in SOURCE_STATUSES:
        raise FileFormatError(path, number, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "status {status} is not one of {known}"), status=shown(status),
            known=", ".join(SOURCE_STATUSES)))
    return CommentRecord(
        external_id=comment_id,
        article_external_id=article,
        parent_external_id=field_text(row, "parent_id"),
        author=field_text(row, "author") or ANONYMOUS,
        email=field_text(row, "author_email"),
        url=field_text(row, "author_url"),
        ip=field_text(row, "author_ip"),
        created_at=_time(row, path, number),
        body=body.strip(),
        source_status=status,
    )


def field_text(row: Mapping[str, object], key: str) -> str | None:
    value = row.get(key)
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    return str(value).strip() or None


def _time(row: JsonObject, path: str, number: int) -> datetime | None:
    value = field_text(row, "created_at")
    try:
        return parse_iso_time(value)
    except ValueError:
        raise FileFormatError(path, number, Sentence.of(QT_TRANSLATE_NOOP("errors", "created_at {value} is not an ISO 8601 time"),
                                                        value=shown(value))) from None
