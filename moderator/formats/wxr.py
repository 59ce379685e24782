"""WordPress WXR 1.0, 1.1 and 1.2 (http:// or https:// namespace URIs).

Each <item> is an article; each <wp:comment> in it a comment. WordPress writes an
item's fields before its comments, so the article is yielded before its first
comment and the comments stream out one by one, never held per item.
"""

from __future__ import annotations

import html
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
    PENDING,
    ArticleRecord,
    CommentRecord,
    Record,
    parse_iso_time,
    parse_rfc822_time,
    shown,
    site_record,
    skip,
    text_or_none,
    unusable_id,
    usable_id,
)
from moderator.formats.xmlsafe import Element, child_texts, complete, growing
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence

NAME = "wxr"
SITE = ("wordpress", "WordPress")
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
WP_NAMESPACES = tuple(f"{scheme}://wordpress.org/export/{v}/" for scheme in ("http", "https") for v in ("1.0", "1.1", "1.2"))
ARTICLE_TYPES = {None, "post", "page"}
# comment_approved: '1' published, '0' held, or the bin it was put in.
STATUSES = {"1": (APPROVED, None), "0": (PENDING, None), "spam": (HIDDEN, "spam"),
            "trash": (HIDDEN, "trash"), "post-trashed": (HIDDEN, "trash")}


def _wp(*names: str) -> dict[str, str]:
    return {f"{{{ns}}}{name}": name for ns in WP_NAMESPACES for name in names}


COMMENT_TAGS = frozenset(_wp("comment"))
COMMENT_FIELDS = _wp("comment_id", "comment_author", "comment_author_email", "comment_author_url",
                     "comment_author_IP", "comment_date", "comment_date_gmt", "comment_content",
                     "comment_approved", "comment_type", "comment_parent")
ITEM_FIELDS = {**_wp("post_id", "post_date", "post_date_gmt", "post_type"), "title": "title", "link": "link",
               "guid": "guid", "pubDate": "pubDate", CONTENT: "content",
               **{f"{{{ns}excerpt/}}encoded": "excerpt" for ns in WP_NAMESPACES}}


SITE_FIELDS = {**_wp("base_blog_url", "base_site_url"), "link": "link", "title": "title"}


def parse(stream: BinaryIO, path: str) -> Iterator[Record]:
    items = _Items(path)
    for root, finished in growing(stream, path):
        yield from items.take(items.container(root), finished)


class _Items:
    """Where the parse is: the channel, the item whose records are partly out, and
    whether that item's article is out. The tree grows a chunk at a time; only the last
    child of the channel, and that item's last child, may still be incomplete."""

    def __init__(self, path: str):
        self.path = path
        self.channel: Element | None = None
        self.item: Element | None = None
        self.article: str | None = None  # the current item's external id, once yielded
        self.fields = 0  # how many of the item's first children are its fields, read (comments go)
        self.items_begun = False

    def container(self, root: Element) -> Element:
        """The channel, which holds the items (a file without one has them in the root)."""
        if self.channel is None:
            self.channel = next((child for child in root if child.tag == "channel"), None)
        return root if self.channel is None else self.channel

    def take(self, channel: Element, finished: bool) -> Iterator[Record]:
        done = complete(channel, finished)
        for child in channel[:done]:
            if child.tag == "item":
                yield from self._item(channel, child, whole=True)
        if done < len(channel) and channel[-1].tag == "item":
            yield from self._item(channel, channel[-1], whole=False)
        if self.items_begun:  # the channel's own fields are read: what is complete can go
            del channel[:done]
        else:  # before the first item: only the fields that name the site are kept (not every tag)
            channel[:done] = [child for child in channel[:done] if child.tag in SITE_FIELDS]

    def _item(self, channel: Element, item: Element, whole: bool) -> Iterator[Record]:
        if item is not self.item:
            if not self.items_begun and channel is self.channel:
                yield from _site(channel)  # the channel's own fields all come before its items
            self.item, self.article, self.fields, self.items_begun = item, None, 0, True
        # Only children not looked at yet: the item's fields stay while its comments stream by.
        comments = [child for child in item[self.fields : complete(item, whole)] if child.tag in COMMENT_TAGS]
        if comments and self.article is None:
            record = item_record(item)
            self.article = record.external_id if isinstance(record, ArticleRecord) else ""
            yield record
        for element in comments:
            yield comment_record(element, self.article, self.path)
            item.remove(element)  # done with: keep memory flat
        self.fields = complete(item, whole)
        if whole:
            if self.article is None:
                yield item_record(item, has_comments=False)
            self.item = None


def _site(channel: Element) -> Iterator[Record]:
    fields = child_texts(channel, {**_wp("base_blog_url", "base_site_url"), "link": "link", "title": "title"})
    address = fields.get("base_blog_url") or fields.get("base_site_url") or fields.get("link")
    site = site_record("wordpress", address, html.unescape(text_or_none(fields.get("title")) or ""))
    if site is not None:
        yield site


def item_record(item: Element, has_comments: bool = True) -> Record:
    fields = child_texts(item, ITEM_FIELDS)
    post_type = text_or_none(fields.get("post_type"))
    title = text_or_none(fields.get("title"))
    external_id = next(filter(None, (text_or_none(fields.get(k)) for k in ("post_id", "link", "guid"))), title)
    if not has_comments and post_type not in ARTICLE_TYPES:
        return skip(QT_TRANSLATE_NOOP("importing", "WordPress item of a type other than post or page, without comments "
                                                   "(not an article)"),
                    f"{title or external_id} ({post_type})")
    if not usable_id(external_id):
        return skip(unusable_id(external_id, QT_TRANSLATE_NOOP("importing", "WordPress item that has no id"),
                                QT_TRANSLATE_NOOP("importing", "WordPress item that has an id longer than 200 characters")),
                    title)
    return ArticleRecord(
        external_id=external_id,
        title=html.unescape(title) if title else None,
        url=text_or_none(fields.get("link")),
        body=html_to_text(fields.get("content"), keep_newlines=True),
        standfirst=html_to_text(fields.get("excerpt"), keep_newlines=True) or None,
        section=_category(item),
        published_at=_time(fields.get("post_date_gmt"), fields.get("post_date")) or parse_rfc822_time(fields.get("pubDate")),
    )


def _category(item: Element) -> str | None:
    for child in item.iterfind("category"):
        if child.get("domain") == "category" and (text := text_or_none(child.text)):
            return html.unescape(text)
    return None


def comment_record(element: Element, article: str | None, path: str) -> Record:
    # Stripped texts, "" when missing: exports pad fields with newlines and indentation.
    fields = {name: (c.text or "").strip() for c in element if (name := COMMENT_FIELDS.get(c.tag))}
    get = fields.get
    external_id = get("comment_id")
    if not article:
        return skip(QT_TRANSLATE_NOOP("importing", "WordPress comment in an item that has no id"), external_id)
    if not usable_id(external_id):
        return skip(unusable_id(external_id, QT_TRANSLATE_NOOP("importing", "WordPress comment that has no id"),
                                QT_TRANSLATE_NOOP("importing", "WordPress comment that has an id longer than 200 characters")),
                    f"in article {article}")
    approved = get("comment_approved") or "1"
    status, flag = STATUSES.get(approved) or (PENDING, approved[:20])
    author, parent, content = get("comment_author"), get("comment_parent"), get("comment_content")
    if content and len(content) > MAX_COMMENT:
        raise FileFormatError(path, None, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "comment {id}: its text is longer than {most:,} characters; "
                                        "refused"), id=shown(external_id), most=MAX_COMMENT))
    return CommentRecord(
        external_id, article, None if parent in (None, "", "0") else parent,
        (html.unescape(author) if "&" in author else author) if author else ANONYMOUS,
        get("comment_author_email") or None, get("comment_author_url") or None, get("comment_author_IP") or None,
        _time(get("comment_date_gmt"), get("comment_date")),
        html_to_text(content, keep_newlines=True) if content else "",
        status, flag, (get("comment_type") or "comment")[:20],
    )


def _time(gmt: str | None, local: str | None) -> datetime | None:
    """GMT when there is one; the site's local time (zone unknown, taken as UTC) else."""
    for value in (gmt, local):
        try:
            parsed = parse_iso_time(value)
        except ValueError:
            continue
        if parsed is not None:
            return parsed
    return None
