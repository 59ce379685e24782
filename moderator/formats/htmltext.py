"""HTML in comment bodies to plain text: nothing in a comment is ever rendered or fetched.

Tags are stripped; paragraphs become blank lines and <br> a line break; entities
are unescaped (also those that survive inside CDATA, e.g. WordPress's `I&#8217;m`);
a link keeps its URL as text, so a moderator sees where it points. A few regular
expression passes rather than html.parser: several times faster, which counts at a
million comments, and comment HTML is simple. Entities are unescaped last, once,
so an escaped `&lt;b&gt;` stays the text "<b>" and is never taken for a tag.

Linear in the text's length, whatever it holds: a tag never spans a "<" (not even in a
quoted value) and a link's label never spans another link's start or end, so each
attempt to match one stops at the next "<"; the repetitions are possessive, so a failed
attempt gives nothing back to try again. (Patterns free to run to the text's end made a
99 kB comment of "<a>" take 24 s, a 1 MB one over 300 s.)
"""

from __future__ import annotations

import html
import re

# Attributes up to the tag's end: runs of plain characters and quoted values (written
# "unrolled": a third of the time of one alternation per character), never across a "<".
_ATTRIBUTES = r"""[^<>"']*+(?:(?:"[^<"]*+"|'[^<']*+')[^<>"']*+)*+"""
# A link's label: anything up to the next link's start or end.
_LABEL = r"[^<]*+(?:<(?!/?a\b)[^<]*+)*+"
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_HIDDEN = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|$)", re.S | re.I)  # code, not text a reader saw
_LINK = re.compile(rf"<a\b({_ATTRIBUTES})>({_LABEL})</a\s*>(?=(\w)?)", re.I)
_IMAGE = re.compile(rf"<img\b({_ATTRIBUTES})>", re.I)
_BLOCK = re.compile(rf"</?(?:p|div|blockquote|pre|ul|ol|table|tr|h[1-6]|section|article|header|footer)\b{_ATTRIBUTES}>", re.I)
_LINE = re.compile(rf"<(?:br|li|dt|dd|hr)\b{_ATTRIBUTES}>", re.I)
_TAG = re.compile(rf"</?[a-zA-Z][a-zA-Z0-9]*+\b{_ATTRIBUTES}>")
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*+)"|'([^']*+)'|([^\s>]++))""", re.I)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*+)"|'([^']*+)')""", re.I)
_BLANK_LINES = re.compile(r"\n{3,}")


def html_to_text(source: str | None, keep_newlines: bool = False) -> str:
    """Plain text of an HTML fragment.

    keep_newlines: newlines in the source are line breaks (WordPress stores comments
    so); otherwise they are just spaces, as a browser would show them (Disqus, Remark42).
    """
    if not source:
        return ""
    if "<" not in source and "&" not in source:  # the common case: plain text
        return _tidy(source, keep_newlines)
    text = source
    if "<" in text:
        text = _HIDDEN.sub("", _COMMENT.sub("", text) if "<!--" in text else text)
    if not keep_newlines:  # every run of white space one space (the text's ends are tidied at the end)
        text = " ".join(text.split())
    if "<" in text:
        text = _LINK.sub(_link, _IMAGE.sub(_image, text))
        text = _TAG.sub("", _LINE.sub("\n", _BLOCK.sub("\n\n", text)))
    return _tidy(html.unescape(text), keep_newlines=True)


def _link(match: re.Match[str]) -> str:
    """A link as 'label (URL)', still escaped (unescaped with the rest, at the end)."""
    href = _first_group(_HREF.search(match[1]))
    label = _TAG.sub("", match[2]).strip()
    text = link_text(html.unescape(label), html.unescape(href)) if href else label
    return (html.escape(text, quote=False) if href else text) + (" " if match[3] else "")


def _image(match: re.Match[str]) -> str:
    alt = _first_group(_ALT.search(match[1]))
    return f"[image: {alt.strip()}]" if alt and alt.strip() else "[image]"


def _first_group(match: re.Match[str] | None) -> str | None:
    return None if match is None else next((g for g in match.groups() if g is not None), None)


def link_text(label: str, href: str | None) -> str:
    """'label (URL)', or just the URL when the label is the URL or a shortened form of it."""
    href = (href or "").strip()
    if not href:
        return label
    shortened = label.rstrip(".…").strip()
    looks_like_url = "." in shortened or "/" in shortened
    if not shortened or looks_like_url and _no_scheme(href).startswith(_no_scheme(shortened)):
        return href
    return f"{label} ({href})"


def _no_scheme(url: str) -> str:
    return url.split("://", 1)[-1].removeprefix("www.")


def _tidy(text: str, keep_newlines: bool) -> str:
    if not keep_newlines or "\n" not in text and "\r" not in text:
        return " ".join(text.split())
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join([" ".join(line.split()) for line in text.split("\n")])
    return (_BLANK_LINES.sub("\n\n", text) if "\n\n\n" in text else text).strip()
