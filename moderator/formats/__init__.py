"""Import formats: one module per format, each a streaming parser of neutral records.

A parser takes a binary stream and the file's name (for messages) and yields
ArticleRecord, CommentRecord and Notice values in file order; it never touches
the database (moderator.importing does). `detect` tells formats apart by content.
"""

from __future__ import annotations

import json
from typing import BinaryIO, Callable, Iterator, NamedTuple

from moderator.formats import commento, disqus, generic, isso, remark42, wxr
from moderator.formats.records import Record

HEAD = 1 << 16  # bytes read to recognise a format


class Format(NamedTuple):
    name: str
    label: str  # what the user is told was detected
    site: tuple[str, str] | None  # the site (key, name) its comments belong to by default
    parse: Callable[[BinaryIO, str], Iterator[Record]] | None  # None: handled apart (page, decisions)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("wxr", "WordPress WXR", wxr.SITE, wxr.parse),
    Format("disqus", "Disqus XML export", disqus.SITE, disqus.parse),
    Format("isso", "Isso JSON", isso.SITE, isso.parse),
    Format("commento", "Commento JSON", commento.SITE, commento.parse),
    Format("remark42", "Remark42 backup", remark42.SITE, remark42.parse),
    Format("jsonl", "JSON Lines", generic.SITE, generic.parse_jsonl),
    Format("csv", "CSV", generic.SITE, generic.parse_csv),
    Format("decisions", "decisions file", None, None),
    Format("page", "article page text", generic.SITE, None),
)}


def detect(stream: BinaryIO) -> str | None:
    """The format's name, from the first bytes of the content (never the file name);
    None for XML that is neither WXR nor Disqus."""
    head = stream.read(HEAD)
    stream.seek(0)
    if head[:2] == remark42.GZIP_MAGIC:
        return "remark42"
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    if "<disqus" in text and "disqus.com" in text:
        return "disqus"
    if "<rss" in text and "wordpress.org/export/" in text:
        return "wxr"
    if text.startswith("<"):
        return None
    if text.startswith("["):
        return "isso"
    if text.startswith("{"):
        return _detect_json(text)
    return _detect_csv(text) or "page"


def _detect_json(text: str) -> str:
    try:
        first = json.loads(text.split("\n", 1)[0])
    except ValueError:  # one document over many lines, not JSON Lines
        return "commento" if '"commenterHex"' in text or '"comments"' in text else "jsonl"
    keys = set(first) if isinstance(first, dict) else set()
    if {"decision_id", "action"} <= keys:
        return "decisions"
    if {"users", "posts"} <= keys or "locator" in keys:
        return "remark42"
    return "jsonl"


def _detect_csv(text: str) -> str | None:
    header = {name.strip().strip('"') for name in text.split("\n", 1)[0].split(",")}
    if {"decision_id", "action"} <= header:
        return "decisions"
    names = {generic.ALIASES.get(name, name) for name in header}
    return "csv" if {"comment_id", "body"} <= names else None

