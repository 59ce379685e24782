"""The audit log: filters, keyset pages, CSV export."""

import csv
from datetime import timedelta

import pytest
from sqlalchemy import update

from moderator.moderation.decisions import decide, undo
from moderator.reading import queue
from moderator.reading.audit import AuditFilter, audit_count, audit_page, batch_sizes, export_audit_csv, moderators
from moderator.storage.models import Comment, Decision, utcnow
from moderator.vocabulary import QueueKind, Sort, Source
from tests.queuedata import build

pytestmark = pytest.mark.both_databases


@pytest.fixture
def log(db):
    """Decisions by two moderators, manual and bulk, one undone, on several articles."""
    with db.sessions() as s:
        build(s)
        pending = queue.ids(s, queue.QueueQuery(kind=QueueKind.PENDING, sort=Sort.OLDEST))
        s.execute(update(Comment).where(Comment.id == pending[0]).values(author="=HYPERLINK(\"http://x\")"))
        first = decide(s, [pending[0]], "hide", "ana", reason="spam", note="+ad")
        decide(s, [pending[1]], "approve", "ben")
        undo(s, first.decision_ids, "ana")
        decide(s, pending[2:12], "approve", "ben", source=Source.BULK)
        # One decision from long ago, for the date filters.
        s.flush()
        s.execute(update(Decision).where(Decision.comment_id == pending[1]).values(created_at=utcnow() - timedelta(days=30)))
        s.commit()
    return db


def every(session, filters: AuditFilter, limit: int = 3):
    rows, cursor = [], None
    while True:
        page, cursor = audit_page(session, filters, cursor, limit)
        rows += page
        if len(page) < limit:
            return rows


def test_the_whole_log_newest_first_in_keyset_pages(log):
    with log.sessions() as s:
        rows = every(s, AuditFilter())
        assert len(rows) == 13 and len({r.id for r in rows}) == 13
        assert [(r.created_at, r.id) for r in rows] == sorted(((r.created_at, r.id) for r in rows), reverse=True)
        assert every(s, AuditFilter(), limit=100) == rows
        assert rows[-1].moderator == "ben" and rows[-1].created_at < rows[-2].created_at  # the old one, last


@pytest.mark.parametrize("filters, want", [
    (AuditFilter(moderator="ana"), lambda r: r.moderator == "ana"),
    (AuditFilter(action="approve"), lambda r: r.action == "approve"),
    (AuditFilter(source="bulk"), lambda r: r.source == "bulk" and r.batch_id is not None),
    (AuditFilter(moderator="ben", action="approve", source="manual"), lambda r: r.moderator == "ben" and r.source == "manual"),
], ids=["moderator", "action", "source", "combined"])
def test_each_filter(log, filters, want):
    with log.sessions() as s:
        everything = every(s, AuditFilter())
        assert every(s, filters) == [r for r in everything if want(r)] != []


def test_dates_and_articles(log):
    with log.sessions() as s:
        everything = every(s, AuditFilter())
        cut = utcnow() - timedelta(days=1)
        assert every(s, AuditFilter(since=cut)) == [r for r in everything if r.created_at >= cut]
        assert every(s, AuditFilter(until=cut)) == [r for r in everything if r.created_at < cut] != []
        article = everything[0].article_id
        assert every(s, AuditFilter(article_id=article)) == [r for r in everything if r.article_id == article]


def test_export_as_csv(log, tmp_path):
    out = tmp_path / "audit.csv"
    with log.sessions() as s:
        assert export_audit_csv(s, AuditFilter(moderator="ana"), out) == 2
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [r["action"] for r in rows] == ["undo", "hide"]
    assert rows[1]["reason"] == "spam" and rows[1]["note"] == "'+ad"  # a formula-looking note is defused
    assert rows[1]["author"].startswith("'=HYPERLINK")
    assert not out.with_name("audit.csv.partial").exists()


COUNTED = [AuditFilter(), AuditFilter(moderator="ben"), AuditFilter(action="approve"), AuditFilter(source="bulk"),
           AuditFilter(moderator="ben", source="manual"), AuditFilter(since=utcnow() - timedelta(days=1)),
           AuditFilter(article_id=1), AuditFilter(article_id=1, moderator="ben")]


@pytest.mark.parametrize("filters", COUNTED)
def test_the_count_is_what_the_pages_hold(log, filters):
    with log.sessions() as s:
        assert audit_count(s, filters) == len(every(s, filters))


@pytest.mark.parametrize("article_id", [1, 2, 3])
def test_a_busy_article_is_read_off_the_time_index_with_the_same_rows(log, article_id, monkeypatch):
    with log.sessions() as s:
        few = every(s, AuditFilter(article_id=article_id))
        monkeypatch.setattr("moderator.reading.audit.FEW", 0)  # every article is "busy" now
        assert every(s, AuditFilter(article_id=article_id)) == few
        assert every(s, AuditFilter(article_id=article_id, moderator="ben")) == [r for r in few if r.moderator == "ben"]


def test_the_moderators_in_the_log_in_order(log):
    with log.sessions() as s:
        assert moderators(s) == ["ana", "ben"]


def test_batch_sizes(log):
    with log.sessions() as s:
        batch = next(r.batch_id for r in every(s, AuditFilter(source="bulk")))
        assert batch_sizes(s, {batch}) == {batch: 10} and batch_sizes(s, set()) == {}
