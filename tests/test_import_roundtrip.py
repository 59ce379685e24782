"""Property tests: generated exports in every writable format import exactly, twice over,
and the decisions made on them travel through export → import to another database."""

import csv
import io
import json
import uuid
from datetime import UTC, datetime
from typing import NamedTuple
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import aliased

from moderator.formats.export import export_decisions
from moderator.importing import import_files
from moderator.moderation.decisions import decide
from moderator.storage.database import open_database
from moderator.storage.models import Comment, Site
from moderator.vocabulary import HIDE_REASONS

pytestmark = pytest.mark.both_databases

STATUSES = {"jsonl": ("pending", "approved", "hidden"), "csv": ("pending", "approved", "hidden"),
            "wxr": ("pending", "approved", "hidden"), "disqus": ("approved", "hidden")}
WXR_STATUS = {"approved": "1", "pending": "0", "hidden": "spam"}
SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

word = st.text(st.characters(whitelist_categories=("L", "N"), whitelist_characters="!?.,'-:;()€"), min_size=1, max_size=8)
sentence = st.lists(word, min_size=1, max_size=6).map(" ".join)
moment = st.datetimes(datetime(2000, 1, 1), datetime(2030, 1, 1)).map(lambda t: t.replace(microsecond=0, tzinfo=UTC))


class Generated(NamedTuple):
    id: str
    article: str
    parent: str | None
    author: str
    body: str
    status: str
    time: datetime


@st.composite
def exports(draw, file_format: str) -> list[Generated]:
    count = draw(st.integers(1, 12))
    numbers = draw(st.lists(st.integers(1, 10**9), min_size=count, max_size=count, unique=True))
    comments: list[Generated] = []
    for number in numbers:
        article = draw(st.sampled_from(["101", "102", "103"]))
        earlier = [c.id for c in comments if c.article == article]
        parent = draw(st.none() | st.sampled_from(earlier)) if earlier else None
        comments.append(Generated(str(number), article, parent, draw(sentence), draw(sentence),
                                  draw(st.sampled_from(STATUSES[file_format])), draw(moment)))
    return draw(st.permutations(comments))  # replies may come before their parents


def as_jsonl(comments) -> str:
    return "".join(json.dumps({"article_id": c.article, "comment_id": c.id, "parent_id": c.parent, "author": c.author,
                               "created_at": c.time.isoformat(), "body": c.body, "status": c.status}) + "\n"
                   for c in comments)


def as_csv(comments) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["article_id", "comment_id", "parent_id", "author", "created_at", "body", "status"])
    writer.writerows([c.article, c.id, c.parent or "", c.author, c.time.isoformat(), c.body, c.status] for c in comments)
    return out.getvalue()


def as_wxr(comments) -> str:
    items = []
    for article in sorted({c.article for c in comments}):
        rows = "".join(
            f"<wp:comment><wp:comment_id>{c.id}</wp:comment_id><wp:comment_author>{escape(c.author)}</wp:comment_author>"
            f"<wp:comment_date_gmt>{c.time:%Y-%m-%d %H:%M:%S}</wp:comment_date_gmt>"
            f"<wp:comment_content><![CDATA[{c.body}]]></wp:comment_content>"
            f"<wp:comment_approved>{WXR_STATUS[c.status]}</wp:comment_approved>"
            f"<wp:comment_parent>{c.parent or 0}</wp:comment_parent></wp:comment>"
            for c in comments if c.article == article)
        items.append(f"<item><title>Post {article}</title><wp:post_id>{article}</wp:post_id>{rows}</item>")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
            + "".join(items) + "</channel></rss>")


def as_disqus(comments) -> str:
    threads = "".join(f'<thread dsq:id="{a}"><title>Post {a}</title></thread>' for a in sorted({c.article for c in comments}))
    posts = "".join(
        f'<post dsq:id="{c.id}"><message>{escape(c.body)}</message><createdAt>{c.time:%Y-%m-%dT%H:%M:%SZ}</createdAt>'
        f"<isSpam>{'true' if c.status == 'hidden' else 'false'}</isSpam><author><name>{escape(c.author)}</name></author>"
        f'<thread dsq:id="{c.article}"/>' + (f'<parent dsq:id="{c.parent}"/>' if c.parent else "") + "</post>"
        for c in comments)
    return ('<?xml version="1.0"?><disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">'
            + threads + posts + "</disqus>")


WRITERS = {"jsonl": (as_jsonl, "jsonl"), "csv": (as_csv, "csv"), "wxr": (as_wxr, "xml"), "disqus": (as_disqus, "xml")}


def write(tmp_path, file_format: str, comments) -> object:
    to_text, suffix = WRITERS[file_format]
    path = tmp_path / f"{uuid.uuid4().hex}.{suffix}"
    path.write_text(to_text(comments), encoding="utf-8")
    return path


def stored(session, site_key: str) -> set[tuple]:
    parent = aliased(Comment)
    rows = session.execute(
        select(Comment.external_id, parent.external_id, Comment.author, Comment.body, Comment.status, Comment.created_at)
        .join(Site, Site.id == Comment.site_id).outerjoin(parent, parent.id == Comment.parent_id)
        .where(Site.key == site_key))
    return set(rows)


@pytest.mark.parametrize("file_format", sorted(WRITERS))
def test_generated_exports_import_exactly_and_idempotently(session, tmp_path, file_format):
    @SETTINGS
    @given(exports(file_format))
    def check(comments):
        site = f"prop-{uuid.uuid4().hex[:8]}"
        path = write(tmp_path, file_format, comments)
        report = import_files(session, [path], file_format, site_key=site)[0]
        assert (report.comments.added, report.skipped) == (len(comments), {})
        expected = {(c.id, c.parent, c.author, c.body, c.status, c.time) for c in comments}
        assert stored(session, site) == expected
        again = import_files(session, [path], file_format, site_key=site)[0]
        assert (again.comments.unchanged, again.comments.added, again.comments.updated) == (len(comments), 0, 0)

    check()


@pytest.fixture
def office(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'office.sqlite'}", tmp_path / "office-backups")
    with database.sessions() as s:
        yield s
    database.dispose()


@SETTINGS
@given(comments=exports("jsonl"), choices=st.lists(st.tuples(st.integers(0, 11), st.sampled_from(["approve", "hide", "restore"]),
                                                             st.sampled_from(sorted(HIDE_REASONS)))),
       file_format=st.sampled_from(["jsonl", "csv"]))
def test_decisions_round_trip_through_export_and_import(session, office, tmp_path, comments, choices, file_format):
    site = f"prop-{uuid.uuid4().hex[:8]}"
    source = write(tmp_path, "jsonl", comments)
    for database in (session, office):
        import_files(database, [source], site_key=site)
    laptop = {c.external_id: c for c in session.scalars(select(Comment).join(Site).where(Site.key == site))}
    for index, action, reason in choices:
        target = laptop[comments[index % len(comments)].id]
        note = "because" if reason == "other" else ""
        decide(session, [target.id], action, "ana", reason if action == "hide" else None, note)
    session.commit()
    out = tmp_path / f"{site}.{file_format}"
    export_decisions(session, out, file_format=file_format)
    import_files(office, [out], "decisions")  # named: with no decisions made, the file is empty
    assert stored(office, site) == stored(session, site)
    before = stored(office, site)
    again = import_files(office, [out], "decisions")[0]
    assert (again.comments.updated, stored(office, site)) == (0, before)
