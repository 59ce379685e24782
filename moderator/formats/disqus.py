"""Disqus XML export: <thread> elements become articles, <post> elements comments.

Threads and posts are siblings under the root, linked by dsq:id attributes; a post
may name a thread that is not in the file (the importer then makes a placeholder
article and reports it). A post that is neither spam nor deleted was published.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import BinaryIO

from moderator.errors import FileFormatError
from moderator.formats.htmltext import html_to_text
from moderator.formats.limits import MAX_COMMENT
from moderator.formats.records import (
    ANONYMOUS,
    APPROVED,
    HIDDEN,
    ArticleRecord,
    CommentRecord,
    Record,
    parse_iso_time,
    shown,
    site_record,
    skip,
    text_or_none,
    unusable_id,
    usable_id,
    warn,
)
from moderator.formats.xmlsafe import Element, complete, growing
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence

NAME = "disqus"
SITE = ("disqus", "Disqus")
NS = "{http://disqus.com}"
DSQ_ID = "{http://disqus.com/disqus-internals}id"
NO_THREAD = "disqus:no-thread"  # the article for posts that name no thread at all
THREAD, POST = NS + "thread", NS + "post"
TAGS = frozenset((THREAD, POST))  # the root's children that hold records


def parse(stream: BinaryIO, path: str) -> Iterator[Record]:
    site_known = False
    for root, finished in growing(stream, path):
        done = complete(root, finished)
        for element in root[:done]:  # threads and posts, each complete
            if element.tag not in TAGS or element.tag == THREAD and not len(element):
                continue  # a category; an empty <thread dsq:id/> (a reference, out of place)
            fields = _fields(element)
            if not site_known and _text(fields, FORUM):  # the forum is the site
                site_known = True
                site = site_record("disqus", _text(fields, FORUM))
                if site is not None:  # a forum of no name ("http://"): the default site
                    yield site
            yield from (post_records(element, fields, path) if element.tag == POST else [thread_record(element, fields)])
        del root[:done]  # keep memory flat


def _fields(element: Element) -> dict[str, Element]:
    """The element's children by tag (the first of each): one pass, no XPath."""
    return {child.tag: child for child in reversed(element)}


# Field tags, made once rather than per post: a post is read a million times.
FORUM, TITLE, LINK, MESSAGE, CREATED_AT, AUTHOR, IP_ADDRESS, PARENT, IS_SPAM, IS_DELETED, ID = (
    NS + name for name in ("forum", "title", "link", "message", "createdAt", "author", "ipAddress", "parent",
                           "isSpam", "isDeleted", "id"))
AUTHOR_NAME, USERNAME, EMAIL = (NS + name for name in ("name", "username", "email"))


def _text(fields: dict[str, Element], tag: str) -> str | None:
    """The field's stripped text; None when it is missing or blank (as text_or_none)."""
    child = fields.get(tag)
    text = None if child is None else child.text
    return text.strip() or None if text else None


def _ref(fields: dict[str, Element], tag: str) -> str | None:
    child = fields.get(tag)
    return None if child is None else text_or_none(child.get(DSQ_ID))


def _raw(fields: dict[str, Element], tag: str) -> str | None:
    child = fields.get(tag)
    return None if child is None else child.text


def thread_record(thread: Element, fields: dict[str, Element]) -> Record:
    external_id = text_or_none(thread.get(DSQ_ID))
    if not usable_id(external_id):
        return skip(unusable_id(external_id, QT_TRANSLATE_NOOP("importing", "Disqus thread that has no id"),
                                QT_TRANSLATE_NOOP("importing", "Disqus thread that has an id longer than 200 characters")),
                    _text(fields, LINK) or _text(fields, TITLE))
    created = _time(fields, "thread", external_id)
    return ArticleRecord(
        external_id=external_id,
        title=_text(fields, TITLE),
        url=_text(fields, LINK),
        body=html_to_text(_raw(fields, MESSAGE)),
        published_at=created if not isinstance(created, tuple) else None,
    )


def post_records(post: Element, fields: dict[str, Element], path: str) -> Iterator[Record]:
    external_id = text_or_none(post.get(DSQ_ID))
    if not usable_id(external_id):
        yield skip(unusable_id(external_id, QT_TRANSLATE_NOOP("importing", "Disqus post that has no id"),
                               QT_TRANSLATE_NOOP("importing", "Disqus post that has an id longer than 200 characters")),
                   _text(fields, ID) or (_text(fields, MESSAGE) or "")[:40])
        return
    created = _time(fields, "post", external_id)
    spam, deleted = _flag(fields, IS_SPAM, external_id), _flag(fields, IS_DELETED, external_id)
    for problem in (created, spam, deleted):
        if problem.__class__ is tuple:
            yield warn(*problem)
    spam, deleted = spam is True, deleted is True
    author = _fields(fields[AUTHOR]) if AUTHOR in fields else {}
    message = _raw(fields, MESSAGE)
    if message and len(message) > MAX_COMMENT:
        raise FileFormatError(path, None, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "post {id}: its message is longer than {most:,} characters; "
                                        "refused"), id=shown(external_id), most=MAX_COMMENT))
    # Positional, in CommentRecord's order: keywords cost a third more at a million.
    yield CommentRecord(
        external_id,
        _ref(fields, THREAD) or NO_THREAD,  # article
        _ref(fields, PARENT),
        _text(author, AUTHOR_NAME) or _text(author, USERNAME) or ANONYMOUS,
        _text(author, EMAIL),
        None,  # url
        _text(fields, IP_ADDRESS),
        created if created.__class__ is datetime else None,  # else a warning, or no time
        html_to_text(message),
        HIDDEN if spam or deleted else APPROVED,  # source status
        "spam" if spam else "deleted" if deleted else None,  # source flag
    )


def _time(fields: dict[str, Element], kind: str, external_id: str) -> datetime | None | tuple[str, str]:
    """The createdAt time; or a (reason, example) pair when it is not a time."""
    value = _text(fields, CREATED_AT)
    try:
        return parse_iso_time(value)
    except ValueError:
        return (f"Disqus {kind} with a createdAt that is not a time; kept without a date", f"{external_id} ({value})")


def _flag(fields: dict[str, Element], tag: str, external_id: str) -> bool | tuple[str, str]:
    """True or False; or a (reason, example) pair, counted as False, when it is neither."""
    value = (_text(fields, tag) or "false").lower()
    if value == "false" or value == "true":
        return value == "true"
    return (f"Disqus post with an {tag[len(NS):]} that is neither true nor false; taken as false",
            f"{external_id} ({value})")
