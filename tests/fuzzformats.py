"""Hostile import files for every format, from hypothesis strategies: the records a format
holds, each field now and then something no exporter should write (a number or an array
where text belongs, a lone surrogate, a time outside years 1 to 9999, nesting thousands
deep, markup and entities), rendered in the format's own syntax, then sometimes cut,
spliced or salted with bytes. Used by tests/test_import_fuzz.py (a few seconds per
format) and bench/fuzz.py (minutes).

`outcome(session, path, file_format)` imports one file and says what happened:
"imported", "refused" (one sentence naming the file), or raises the crash.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from hypothesis import strategies as st
from sqlalchemy import select, text

from moderator.errors import FileFormatError
from moderator.importing import import_file
from moderator.storage.models import Base

FORMATS = ("wxr", "disqus", "isso", "commento", "remark42", "jsonl", "csv", "decisions", "page")


class Raw(str):
    """Text written into the file as it is: a JSON fragment, a piece of XML markup."""


def nested(depth: int) -> Raw:
    return Raw("[" * depth + "]" * depth)


SURROGATES = st.sampled_from(["\ud800", "a\udfffb", "\udc80\ud800"])
TIMES = st.sampled_from([
    "2024-05-01T10:00:00Z", "2024-05-01 10:00:00", "2005-02-24T04:03:37-06:00", "0001-01-01T00:00:00+05:00",
    "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00Z", "0000-00-00 00:00:00", "2024-13-45T00:00:00",
    "yesterday", "", " ", "2024-01-01T25:61:00Z", "Tue, 14 Jan 2014 17:31:03 +0000", "99:99",
])
HTML = st.sampled_from([
    "<p>One.</p><p>Two</p>", "<a href='http://x.example'>x</a>", "<a>" * 50, "<a " * 50, "<b/>" * 50,
    "&amp;&lt;&#8217;&#0;&#xD800;", "<script>alert(1)</script>", "<!-- c", "]]>", "<![CDATA[x]]>", "&nbsp;",
    "<img alt='a", '<a href="', "\x00\x01\x1b", "\u202e\ufeff", "😀" * 3,
])
ODD = st.one_of(
    st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(allow_nan=True),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.integers(2, 3000).map(nested), st.just(nested(100_000)), st.just(Raw("1" + "0" * 5000)),
    st.just(Raw('{"a": [}')),
)


def plain(max_size: int = 30) -> st.SearchStrategy:
    return st.text(st.characters(blacklist_categories=("Cs",)), max_size=max_size)


HOSTILE = st.one_of(plain(), HTML, SURROGATES, TIMES, ODD)


def field(good: st.SearchStrategy) -> st.SearchStrategy:
    """Mostly (five times in six) what the field should hold; now and then anything at all."""
    return st.integers(0, 5).flatmap(lambda n: HOSTILE if n == 0 else good)


IDS = st.sampled_from(["1", "2", "3", "a/b", "x" * 201, " ", "0", "root", "c1"])
COMMENT = st.fixed_dictionaries({
    "id": field(IDS), "article": field(st.sampled_from(["a1", "a2", "http://x.example/p"])),
    "parent": field(st.sampled_from([None, "1", "2", "3", "missing"])), "author": field(plain(12)),
    "email": field(st.sampled_from([None, "r@example.org"])), "url": field(st.sampled_from([None, "http://x.example"])),
    "ip": field(st.sampled_from([None, "10.0.0.1"])), "created": field(TIMES),
    "body": field(st.one_of(plain(60), HTML)), "status": field(st.sampled_from(["approved", "pending", "hidden", "spam"])),
})
DECISION = st.fixed_dictionaries({
    "action": field(st.sampled_from(["approve", "hide", "restore", "reply", "undo", "redo", "delete"])),
    "status_after": field(st.sampled_from(["approved", "hidden", "pending", "removed", "deleted"])),
    "external_id": field(IDS), "time": field(TIMES), "moderator": field(st.sampled_from(["ana", "bo"])),
    "reply_text": field(st.sampled_from([None, "Thanks, fixed."])), "site": field(st.sampled_from(["default", "x"])),
})


def _xml_text(value) -> str:
    if isinstance(value, Raw):
        return value
    value = "" if value is None else str(value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _json(value) -> str:
    """JSON text with Raw values spliced in as they are (a nesting no encoder would write)."""
    if isinstance(value, Raw):
        return value
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))}: {_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_json(v) for v in value) + "]"
    return json.dumps(value)


def wxr(comments: list[dict]) -> str:
    rows = "".join(
        f"<wp:comment><wp:comment_id>{_xml_text(c['id'])}</wp:comment_id><wp:comment_author>{_xml_text(c['author'])}"
        f"</wp:comment_author><wp:comment_author_email>{_xml_text(c['email'])}</wp:comment_author_email>"
        f"<wp:comment_author_url>{_xml_text(c['url'])}</wp:comment_author_url><wp:comment_author_IP>"
        f"{_xml_text(c['ip'])}</wp:comment_author_IP><wp:comment_date_gmt>{_xml_text(c['created'])}"
        f"</wp:comment_date_gmt><wp:comment_content>{_xml_text(c['body'])}</wp:comment_content>"
        f"<wp:comment_approved>{_xml_text(c['status'])}</wp:comment_approved><wp:comment_parent>"
        f"{_xml_text(c['parent'])}</wp:comment_parent></wp:comment>" for c in comments)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
            f"<title>T</title><link>https://x.example</link><item><title>{_xml_text(comments[0]['article'])}</title>"
            f"<wp:post_id>{_xml_text(comments[0]['article'])}</wp:post_id><pubDate>{_xml_text(comments[0]['created'])}"
            f"</pubDate>{rows}</item></channel></rss>\n")


def disqus(comments: list[dict]) -> str:
    posts = "".join(
        f'<post dsq:id="{_xml_text(c["id"]).replace(chr(34), "")}"><message>{_xml_text(c["body"])}</message>'
        f"<createdAt>{_xml_text(c['created'])}</createdAt><isSpam>{_xml_text(c['status'])}</isSpam>"
        f"<author><name>{_xml_text(c['author'])}</name><email>{_xml_text(c['email'])}</email></author>"
        f'<thread dsq:id="{_xml_text(c["article"]).replace(chr(34), "")}"/>'
        f'<parent dsq:id="{_xml_text(c["parent"]).replace(chr(34), "")}"/></post>' for c in comments)
    return ('<?xml version="1.0"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">'
            f'<thread dsq:id="a1"><forum>f</forum><title>{_xml_text(comments[0]["author"])}</title></thread>'
            f"{posts}</disqus>\n")


def isso(comments: list[dict]) -> str:
    threads = [{"id": c["article"], "title": c["author"], "comments": [
        {"id": c["id"], "author": c["author"], "email": c["email"], "website": c["url"], "remote_addr": c["ip"],
         "created": c["created"], "text": c["body"]}]} for c in comments]
    return _json(threads)


def commento(comments: list[dict]) -> str:
    items = [{"commentHex": c["id"], "domain": c["url"], "url": c["article"], "commenterHex": c["author"],
              "markdown": c["body"], "html": c["body"], "parentHex": c["parent"], "state": c["status"],
              "creationDate": c["created"], "deleted": c["email"]} for c in comments]
    people = [{"commenterHex": c["author"], "name": c["author"], "email": c["email"], "link": c["url"]} for c in comments]
    return _json({"version": 1, "comments": items, "commenters": people})


def remark42(comments: list[dict]) -> str:
    lines = [_json({"version": 1, "users": [], "posts": []})] + [_json({
        "id": c["id"], "pid": c["parent"], "text": c["body"], "user": {"name": c["author"], "id": c["email"]},
        "locator": {"site": c["url"], "url": c["article"]}, "time": c["created"], "delete": c["status"],
    }) for c in comments]
    return "\n".join(lines) + "\n"


def jsonl(comments: list[dict]) -> str:
    return "".join(_json({
        "comment_id": c["id"], "article_id": c["article"], "parent_id": c["parent"], "author": c["author"],
        "author_email": c["email"], "author_url": c["url"], "author_ip": c["ip"], "created_at": c["created"],
        "body": c["body"], "status": c["status"]}) + "\n" for c in comments)


def csv_text(comments: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["comment_id", "article_id", "parent_id", "author", "created_at", "body", "status"])
    for c in comments:
        writer.writerow([_flat(c[k]) for k in ("id", "article", "parent", "author", "created", "body", "status")])
    return out.getvalue()


def _flat(value) -> str:
    return "" if value is None else str(value)


def decisions(rows: list[dict]) -> str:
    return "".join(_json({"decision_id": n, **row, "note": "", "reason": None, "article_external_id": "a1",
                          "parent_external_id": None}) + "\n" for n, row in enumerate(rows, 1))


def page(comments: list[dict]) -> str:
    lines = [_flat(comments[0]["author"]) or "Headline", "A paragraph.", "Read next"]
    for c in comments:
        lines += [_flat(c["created"])[-5:] or "22:30", _flat(c["article"]), _flat(c["body"]) or "Summary."]
    return "\n".join(lines + ["What is your opinion on this topic?", "Leave the first comment"]) + "\n"


RENDER = {"wxr": wxr, "disqus": disqus, "isso": isso, "commento": commento, "remark42": remark42,
          "jsonl": jsonl, "csv": csv_text, "decisions": decisions, "page": page}
TOKENS = [b"<", b"]]>", b"&#xD800;", b"\x00", b'"', b"{", b"[", b"\\ud800", b"\xed\xa0\x80", b"\xff", b"99:99",
          b"\n", b",", b"<a ", b"<!DOCTYPE x [<!ENTITY e 'x'>]>", b"\x1f\x8b"]


@st.composite
def hostile_file(draw, file_format: str) -> bytes:
    """A file in the format, its records drawn with hostile fields, sometimes damaged."""
    rows = draw(st.lists(DECISION if file_format == "decisions" else COMMENT, min_size=1, max_size=4))
    data = RENDER[file_format](rows).encode("utf-8", "surrogatepass")
    for _ in range(draw(st.integers(0, 2))):
        data = draw(st.sampled_from([_cut, _splice, _salt]))(draw, data)
    return data


def _cut(draw, data: bytes) -> bytes:
    return data[: draw(st.integers(0, len(data)))]


def _splice(draw, data: bytes) -> bytes:
    start = draw(st.integers(0, len(data)))
    end = draw(st.integers(start, min(len(data), start + 64)))
    return data[:start] + data[start:end] * draw(st.integers(0, 3)) + data[end:]


def _salt(draw, data: bytes) -> bytes:
    at = draw(st.integers(0, len(data)))
    return data[:at] + draw(st.sampled_from(TOKENS)) + data[at:]


def outcome(session, path: Path, file_format: str = "auto") -> str:
    """Import: "imported" (and kept: an import commits itself), or "refused" (the database
    as it was). A refusal must be one line that starts with the file's path; anything
    else raised is a crash."""
    before = snapshot(session)
    try:
        import_file(session, path, file_format, parallel=False)
    except FileFormatError as error:
        session.rollback()
        message = str(error)
        if "\n" in message or not message.startswith(str(path)):
            raise AssertionError(f"not one sentence naming the file: {message!r}") from error
        if snapshot(session) != before:
            raise AssertionError(f"refused, but the database changed: {message}") from error
        return "refused"
    except BaseException:
        session.rollback()
        raise
    session.commit()
    return "imported"


def snapshot(session) -> dict:
    """Every row of every table, and the schema."""
    session.commit()  # a new snapshot: an import writes on a connection of its own
    session.expire_all()
    rows = {table.name: session.execute(select(table)).all() for table in Base.metadata.sorted_tables}
    rows["schema"] = session.execute(text("SELECT type, name, sql FROM sqlite_master ORDER BY name")).all()
    return rows
