"""Isso's generic JSON import format: a list of threads, each with its comments.

[{"id": "/posts/0001/", "title": "Test+post", "comments": [{"id": 0, "author": …,
"email", "website", "remote_addr", "created": "2005-02-24 04:03:37", "text"}]}]

Comment ids are only unique within their thread (the sample has two id 0s), so a
comment's external id is "<thread id>#<comment id>". Titles are form-encoded; the
format has no status and no replies: what was exported had been published.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO
from urllib.parse import unquote_plus

from moderator.errors import FileFormatError
from moderator.formats.jsonstream import JsonObject, array_items
from moderator.formats.limits import MAX_COMMENT
from moderator.formats.records import (
    ANONYMOUS,
    APPROVED,
    ArticleRecord,
    CommentRecord,
    Record,
    bad_id,
    json_kind,
    parse_iso_time,
    shown,
    skip,
    text_field,
    unusable_id,
    usable_id,
    warn,
)
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence

NAME = "isso"
SITE = ("isso", "Isso")


def parse(stream: BinaryIO, path: str) -> Iterator[Record]:
    for number, (line, thread) in enumerate(array_items(stream, path), 1):
        if not isinstance(thread, dict):
            yield skip(QT_TRANSLATE_NOOP("importing", "Isso thread that is not a JSON object"), f"thread {number}")
            continue
        thread_id = text_field(thread, "id", path, line)
        if not usable_id(thread_id):
            yield skip(unusable_id(thread_id, QT_TRANSLATE_NOOP("importing", "Isso thread that has no id"),
                                   QT_TRANSLATE_NOOP("importing", "Isso thread that has an id longer than 200 characters")),
                       f"thread {number}")
            continue
        title = text_field(thread, "title", path, line)
        yield ArticleRecord(thread_id, title=unquote_plus(title) if title else None, url=thread_id)
        for comment in _comments(thread, path, line):
            yield from comment_records(comment, thread_id, path, line)


def _comments(thread: JsonObject, path: str, line: int) -> list[object]:
    comments = thread.get("comments")
    if comments is None:
        return []
    if not isinstance(comments, list):
        raise FileFormatError(path, line, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "this thread's 'comments' is {kind} where an array belongs"),
            kind=json_kind(comments)))
    return comments


def comment_records(comment: object, thread_id: str, path: str, line: int) -> Iterator[Record]:
    """One comment; `line` is where its thread starts (the thread is read as one item)."""
    if not isinstance(comment, dict) or (comment_id := text_field(comment, "id", path, line, "comments[].id")) is None:
        yield skip(QT_TRANSLATE_NOOP("importing", "Isso comment without an id"), f"in thread {thread_id}")
        return
    external_id = f"{thread_id}#{comment_id}"
    if bad_id(external_id):
        yield skip(QT_TRANSLATE_NOOP("importing", "Isso comment that has an id longer than 200 characters (with its thread's)"),
                   f"in thread {thread_id}")
        return
    try:
        created = parse_iso_time(comment.get("created"))
    except ValueError:
        yield warn(QT_TRANSLATE_NOOP("importing", "Isso comment whose created time is not a time; kept without a date"),
                   external_id)
        created = None
    text = text_field(comment, "text", path, line, "comments[].text") or ""
    if len(text) > MAX_COMMENT:
        raise FileFormatError(path, line, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "comment {id}: 'text' is longer than {most:,} characters; "
                                        "refused"), id=shown(external_id), most=MAX_COMMENT))
    yield CommentRecord(
        external_id=external_id,
        article_external_id=thread_id,
        parent_external_id=None,
        author=text_field(comment, "author", path, line, "comments[].author") or ANONYMOUS,
        email=text_field(comment, "email", path, line, "comments[].email"),
        url=text_field(comment, "website", path, line, "comments[].website"),
        ip=text_field(comment, "remote_addr", path, line, "comments[].remote_addr"),
        created_at=created,
        body=text,  # Isso keeps the commenter's text, not HTML
        source_status=APPROVED,
    )
