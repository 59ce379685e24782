"""Commento JSON export, version 1: {"version": 1, "comments": [...], "commenters": [...]}.

Comments name their author by commenterHex ("anonymous" has no entry) and their
parent by parentHex ("root" for a top-level comment). The commenters come after
the comments, so the file is read twice: first the commenters (few: at most
MAX_COMMENTERS, kept as their name, e-mail and link), then the comments one at a
time. Articles are the (domain, url) pairs the comments name.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO, NamedTuple

from moderator.errors import FileFormatError
from moderator.formats.htmltext import html_to_text
from moderator.formats.jsonstream import JsonObject, array_items
from moderator.formats.limits import MAX_COMMENT, MAX_COMMENTERS, size
from moderator.formats.records import (
    ANONYMOUS,
    APPROVED,
    HIDDEN,
    PENDING,
    ArticleRecord,
    CommentRecord,
    Recent,
    Record,
    bad_id,
    parse_iso_time,
    site_record,
    skip,
    text_field,
    unusable_id,
    usable_id,
    warn,
)
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence

NAME = "commento"
SITE = ("commento", "Commento")
# By a comment's state, or None when it has none (taken as unapproved).
STATES: dict[str | None, tuple[str, str | None]] = {
    "approved": (APPROVED, None), "unapproved": (PENDING, None), "flagged": (PENDING, "flagged")}


class Commenter(NamedTuple):
    name: str | None
    email: str | None
    link: str | None


NOBODY = Commenter(None, None, None)
Commenters = dict[str | None, Commenter]  # by commenterHex; a comment without one looks up None


def parse(stream: BinaryIO, path: str) -> Iterator[Record]:
    commenters = _commenters(stream, path)
    stream.seek(0)
    articles, site_known = Recent(), False
    for number, (line, comment) in enumerate(array_items(stream, path, "comments"), 1):
        if not isinstance(comment, dict):
            yield skip(QT_TRANSLATE_NOOP("importing", "Commento comment that is not a JSON object"),
                       f"comment {number} (line {line})")
            continue
        domain = text_field(comment, "domain", path, line) or ""
        article = f"{domain}{text_field(comment, 'url', path, line) or ''}"
        if not site_known and domain:
            site_known = True
            site = site_record("commento", domain)
            if site is not None:  # a domain of no name ("/"): the default site
                yield site
        if not bad_id(article) and articles.first_time(article):
            yield ArticleRecord(article, url=article, implied=True)
        yield from comment_records(comment, article, commenters, path, line)


def _commenters(stream: BinaryIO, path: str) -> Commenters:
    commenters: Commenters = {}
    for line, commenter in array_items(stream, path, "commenters"):
        if not isinstance(commenter, dict):
            continue
        key = text_field(commenter, "commenterHex", path, line)
        if key is not None:
            commenters[key] = Commenter(*(text_field(commenter, k, path, line) for k in ("name", "email", "link")))
        if len(commenters) > MAX_COMMENTERS:
            raise FileFormatError(path, line, Sentence.of(QT_TRANSLATE_NOOP("errors", "more than {most} commenters; refused"),
                                                          most=size(MAX_COMMENTERS)))
    return commenters


def comment_records(comment: JsonObject, article: str, commenters: Commenters, path: str, line: int) -> Iterator[Record]:
    external_id = text_field(comment, "commentHex", path, line)
    if not usable_id(external_id) or not usable_id(article):
        culprit = article if usable_id(external_id) else external_id
        yield skip(unusable_id(culprit, QT_TRANSLATE_NOOP("importing", "Commento comment that has no id (or names no page)"),
                               QT_TRANSLATE_NOOP("importing", "Commento comment that has an id longer than 200 characters "
                                                              "(or names no page)")),
                   external_id or article)
        return
    try:
        created = parse_iso_time(comment.get("creationDate"))
    except ValueError:
        yield warn(QT_TRANSLATE_NOOP("importing", "Commento comment whose creationDate is not a time; kept without a date"),
                   external_id)
        created = None
    status, flag = STATES.get(text_field(comment, "state", path, line), (PENDING, None))
    if comment.get("deleted") is True:
        status, flag = HIDDEN, "deleted"
    author = commenters.get(text_field(comment, "commenterHex", path, line), NOBODY)
    parent = text_field(comment, "parentHex", path, line)
    # Markdown is what the commenter typed, readable as it is; the HTML is a rendering.
    markdown = text_field(comment, "markdown", path, line)
    html = None if markdown else text_field(comment, "html", path, line)
    if len(markdown or html or "") > MAX_COMMENT:
        raise FileFormatError(path, line, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "the comment's text is longer than {most:,} characters; refused"),
            most=MAX_COMMENT))
    yield CommentRecord(
        external_id=external_id,
        article_external_id=article,
        parent_external_id=None if parent in (None, "root") else parent,
        author=author.name or ANONYMOUS,
        email=author.email,
        url=author.link,
        ip=None,
        created_at=created,
        body=markdown or html_to_text(html),
        source_status=status,
        source_flag=flag,
    )
