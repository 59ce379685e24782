"""Isso's generic JSON import format: a list of threads, each with its comments.

[{"id": "/posts/0001/", "title": "Test+post", "comments": [{"id": 0, "author": …,
"email", "website", "remote_addr", "created": "2005-02-24 04:03:37", "text"}]}]

Comment ids are only unique within their thread (the sample has two id 0s), so a
comment's external id is "<thread id>#<comment id>". Titles are form-encoded; the
format has no status and no replies: what was exported had been published.
"""

from __future__ import annotations

from typing import BinaryIO, Iterator
from urllib.parse import unquote_plus

from moderator.formats.jsonstream import array_items
from moderator.formats.records import (
    ANONYMOUS, APPROVED, ArticleRecord, CommentRecord, Record, bad_id, parse_iso_time, skip, warn,
)

NAME = "isso"
SITE = ("isso", "Isso")


def parse(stream: BinaryIO, path: str) -> Iterator[Record]:
    for number, thread in enumerate(array_items(stream, path), 1):
        if not isinstance(thread, dict):
            yield skip("Isso thread that is not a JSON object", f"thread {number}")
            continue
        thread_id = _string(thread.get("id"))
        problem = bad_id(thread_id)
        if problem:
            yield skip(f"Isso thread that {problem}", f"thread {number}")
            continue
        title = _string(thread.get("title"))
        yield ArticleRecord(thread_id, title=unquote_plus(title) if title else None, url=thread_id)
        for comment in thread.get("comments") or ():
            yield from comment_records(comment, thread_id)


def comment_records(comment: object, thread_id: str) -> Iterator[Record]:
    if not isinstance(comment, dict) or comment.get("id") is None:
        yield skip("Isso comment without an id", f"in thread {thread_id}")
        return
    external_id = f"{thread_id}#{comment['id']}"
    try:
        created = parse_iso_time(_string(comment.get("created")))
    except ValueError:
        yield warn("Isso comment whose created time is not a time; kept without a date", external_id)
        created = None
    yield CommentRecord(
        external_id=external_id,
        article_external_id=thread_id,
        parent_external_id=None,
        author=_string(comment.get("author")) or ANONYMOUS,
        email=_string(comment.get("email")),
        url=_string(comment.get("website")),
        ip=_string(comment.get("remote_addr")),
        created_at=created,
        body=(_string(comment.get("text")) or ""),  # Isso keeps the commenter's text, not HTML
        source_status=APPROVED,
    )


def _string(value: object) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None
