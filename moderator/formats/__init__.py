"""Import formats: one module per format, each a streaming parser of neutral records.

A parser takes a binary stream and the file's name (for messages) and yields
ArticleRecord, CommentRecord and Notice values in file order; it never touches
the database (moderator.importing does). `detect` tells formats apart by content,
and raises NotRecognised for content it does not recognise: it never guesses.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import BinaryIO, NamedTuple

from moderator.errors import FileFormatError
from moderator.formats import commento, disqus, generic, isso, remark42, wxr
from moderator.formats.jsonstream import JsonStream
from moderator.formats.records import Record
from moderator.formats.seedpage import looks_like_page
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence

HEAD = 1 << 16  # bytes read to recognise a format
Parser = Callable[[BinaryIO, str], Iterator[Record]]  # (stream, the file's name for messages) → records


class Format(NamedTuple):
    name: str
    label: str  # what the user is told was detected
    site: tuple[str, str]  # the site (key, name) its comments belong to by default
    parse: Parser | None  # None: handled apart (page, decisions)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("wxr", "WordPress WXR", wxr.SITE, wxr.parse),
    Format("disqus", "Disqus XML export", disqus.SITE, disqus.parse),
    Format("isso", "Isso JSON", isso.SITE, isso.parse),
    Format("commento", "Commento JSON", commento.SITE, commento.parse),
    Format("remark42", "Remark42 backup", remark42.SITE, remark42.parse),
    Format("jsonl", "JSON Lines", generic.SITE, generic.parse_jsonl),
    Format("csv", "CSV", generic.SITE, generic.parse_csv),
    Format("decisions", "decisions file", generic.SITE, None),  # each line may name its site
    Format("page", "article page text", generic.SITE, None),
)}


def parser(name: str) -> Parser:
    """The parser of a format whose files are records (not a page nor a decisions file)."""
    parse = FORMATS[name].parse
    if parse is None:
        raise ValueError(f"a {FORMATS[name].label} is not read as records")
    return parse


class NotRecognised(Exception):
    """The content is none of the formats; the message says what it looked like (a template
    marked in the context "errors", translated where the refusal is shown)."""

    def __init__(self, template: str):
        self.sentence = Sentence(template)
        super().__init__(template)


def detect(stream: BinaryIO) -> str:
    """The format's name, from the first bytes of the content (never the file name).
    Raises NotRecognised for content that is none of them."""
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
        raise NotRecognised(QT_TRANSLATE_NOOP("errors", "XML that is neither a WordPress WXR nor a Disqus export"))
    if text.startswith("["):
        return _detect_array(text)
    if text.startswith("{"):
        return _detect_object(text)
    found = _detect_csv(text) or ("page" if looks_like_page(text) else None)
    if found is None:
        raise NotRecognised(QT_TRANSLATE_NOOP("errors", "text that is none of the formats: not CSV with a comment_id and a body "
                                              "column, nor an article page (a headline, its paragraphs, then 'Read next' "
                                              "and timed items)"))
    return found


def _detect_array(text: str) -> str:
    """Isso: an array of threads, each an object with its comments (or at least an id)."""
    if text[1:].lstrip(" \t\r\n").startswith("]"):
        raise NotRecognised(QT_TRANSLATE_NOOP("errors", "a JSON array with nothing in it: there is nothing to import"))
    keys = _first_keys(text, in_array=True)
    if keys and keys & {"comments", "id"}:
        return "isso"
    raise NotRecognised(QT_TRANSLATE_NOOP("errors", "a JSON array whose first item is not an Isso thread (an object with 'id' "
                                          "and 'comments')"))


def _detect_object(text: str) -> str:
    """By the members of the first object: the whole document (Commento) or its first line."""
    keys = _first_keys(text) or set()
    if {"decision_id", "action"} <= keys:
        return "decisions"
    if keys & {"users", "posts", "locator"}:
        return "remark42"
    if keys & {"comments", "commenters"}:
        return "commento"
    if {"comment_id", "body"} <= {generic.ALIASES.get(key, key) for key in keys}:
        return "jsonl"
    raise NotRecognised(QT_TRANSLATE_NOOP("errors", "JSON whose first object is none of the formats: no comment_id and body "
                                          "(JSON Lines), no comments (Commento), no locator (Remark42), no decision_id "
                                          "and action (decisions)"))


def _first_keys(text: str, in_array: bool = False) -> set[str] | None:
    """The member names of the first object in the text, as far as the text goes (it may end
    inside a value: the first 64 kB of a long line); None when there is no object there."""
    reader = JsonStream(io.BytesIO(text.encode("utf-8")), "<head>")
    keys: set[str] = set()
    try:
        if in_array:
            reader.expect("[")
        if reader.peek() != "{":
            return None
        for key in reader.members():
            keys.add(key)
            reader.skip()
    except FileFormatError:  # the head ends inside a value, or is not JSON after all
        pass
    return keys


def _detect_csv(text: str) -> str | None:
    header = {name.strip().strip('"') for name in text.split("\n", 1)[0].split(",")}
    if {"decision_id", "action"} <= header:
        return "decisions"
    names = {generic.ALIASES.get(name, name) for name in header}
    return "csv" if {"comment_id", "body"} <= names else None
