"""Commento JSON export, version 1: {"version": 1, "comments": [...], "commenters": [...]}.

Comments name their author by commenterHex ("anonymous" has no entry) and their
parent by parentHex ("root" for a top-level comment). The commenters come after
the comments, so the file is read twice: first the commenters (few), then the
comments one at a time. Articles are the (domain, url) pairs the comments name.
"""

from __future__ import annotations

from typing import BinaryIO, Iterator

from moderator.formats.jsonstream import array_items
from moderator.formats.records import (
    ANONYMOUS, APPROVED, HIDDEN, PENDING, ArticleRecord, CommentRecord, Record,
    bad_id, parse_iso_time, site_record, skip, text_or_none, warn,
)
from moderator.formats.htmltext import html_to_text

NAME = "commento"
SITE = ("commento", "Commento")
STATES = {"approved": (APPROVED, None), "unapproved": (PENDING, None), "flagged": (PENDING, "flagged")}


def parse(stream: BinaryIO, path: str) -> Iterator[Record]:
    commenters = {c.get("commenterHex"): c for c in array_items(stream, path, "commenters") if isinstance(c, dict)}
    stream.seek(0)
    articles: set[str] = set()
    for comment in array_items(stream, path, "comments"):
        if not isinstance(comment, dict):
            yield skip("Commento comment that is not a JSON object", str(comment)[:40])
            continue
        article = f"{comment.get('domain') or ''}{comment.get('url') or ''}"
        if not articles and comment.get("domain"):
            yield site_record("commento", str(comment["domain"]))
        if article not in articles and not bad_id(article):
            articles.add(article)
            yield ArticleRecord(article, url=article)
        yield from comment_records(comment, article, commenters)


def comment_records(comment: dict, article: str, commenters: dict) -> Iterator[Record]:
    external_id = text_or_none(comment.get("commentHex"))
    problem = bad_id(external_id) or bad_id(article)
    if problem:
        yield skip(f"Commento comment that {problem} (or names no page)", external_id or article)
        return
    try:
        created = parse_iso_time(comment.get("creationDate"))
    except ValueError:
        yield warn("Commento comment whose creationDate is not a time; kept without a date", external_id)
        created = None
    status, flag = STATES.get(comment.get("state"), (PENDING, None))
    if comment.get("deleted") is True:
        status, flag = HIDDEN, "deleted"
    author = commenters.get(comment.get("commenterHex")) or {}
    parent = text_or_none(comment.get("parentHex"))
    yield CommentRecord(
        external_id=external_id,
        article_external_id=article,
        parent_external_id=None if parent in (None, "root") else parent,
        author=text_or_none(author.get("name")) or ANONYMOUS,
        email=text_or_none(author.get("email")),
        url=text_or_none(author.get("link")),
        ip=None,
        created_at=created,
        # Markdown is what the commenter typed, readable as it is; the HTML is a rendering.
        body=(text_or_none(comment.get("markdown")) or html_to_text(comment.get("html"))),
        source_status=status,
        source_flag=flag,
    )
