"""Every queue sort and filter, and the audit log, is served by an index: SQLite's own
query plans (EXPLAIN QUERY PLAN) for the statements the core really runs.

No statistics exist (the app never runs ANALYZE), so plans come from SQLite's fixed
heuristics and are the same on this small database as on a million comments.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import event

from moderator.moderation.decisions import decide
from moderator.reading import articles, audit, queries, queue
from moderator.reading.articles import ArticleFilter, ArticleSort
from moderator.storage.models import utcnow
from moderator.vocabulary import QueueKind, Sort, Source
from tests.queuedata import AUTHORS, T0, built_database

FULL_SCAN = re.compile(r"^SCAN (comments|scores|decisions|articles)$")  # a table read row by row, no index
SORTED_AFTER = "USE TEMP B-TREE FOR ORDER BY"  # every matching row sorted ("RIGHT PART OF ORDER BY": ties only)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    database, model_id, refs = built_database(tmp_path_factory.mktemp("plans"))
    with database.sessions() as s:  # some decisions, for the audit log
        decide(s, [r.id for r in refs[:20]], "approve", "ana", source=Source.BULK)
        s.commit()
    yield database, model_id, refs
    database.dispose()


@contextmanager
def statements(engine):
    """The SQL and parameters of every statement run inside the block."""
    seen: list[tuple[str, tuple]] = []

    def remember(_conn, _cursor, statement, parameters, _context, _many):
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", remember)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", remember)


def plans(db, work) -> list[tuple[str, list[str]]]:
    """(statement, its plan lines) for each SELECT `work(session)` runs."""
    with db.sessions() as s:
        with statements(db.engine) as seen:
            work(s)
        raw = s.connection().connection.driver_connection
        return [(sql, [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + sql, params)])
                for sql, params in seen if sql.lstrip().upper().startswith(("SELECT", "WITH"))]


def read_queue(q: queue.QueueQuery):
    def work(s):
        rows, cursor = queue.page(s, q, limit=3)
        queue.page(s, q, cursor, limit=3)  # a keyset page
        queue.count(s, q)
        queue.ids(s, q)
        queue.histogram(s, q)
        if rows:
            queue.position(s, q, rows[-1].id)
    return work


def assert_indexed(found, sorted_by_index: bool, counts_read_scores: bool = False) -> None:
    """`counts_read_scores`: a count or id list may read every score row (a label filter on
    the All queue must look at each scored comment's JSON; no index can hold it)."""
    assert found
    for sql, lines in found:
        scans = [line for line in lines if FULL_SCAN.match(line)]
        if counts_read_scores and "ORDER BY" not in sql:
            scans = [line for line in scans if line != "SCAN scores"]
        assert not scans, (sql, lines)
        if sorted_by_index and "ORDER BY" in sql:
            assert SORTED_AFTER not in lines, (sql, lines)


@pytest.mark.parametrize("kind", tuple(QueueKind))
@pytest.mark.parametrize("sort", [Sort.PRIORITY, Sort.NEWEST, Sort.OLDEST])
def test_plain_queues_read_their_sort_off_an_index(data, kind, sort):
    db, model_id, _refs = data
    assert_indexed(plans(db, read_queue(queue.QueueQuery(kind=kind, sort=sort, model_id=model_id))), sorted_by_index=True)


def test_priority_ties_only_are_sorted(data):
    db, model_id, _refs = data
    found = plans(db, lambda s: queue.page(s, queue.QueueQuery(model_id=model_id)))
    assert any("USE TEMP B-TREE FOR RIGHT PART OF ORDER BY" in lines for _sql, lines in found)
    covering = "SEARCH scores USING COVERING INDEX ix_scores_model_status_main"
    assert any(line.startswith(covering) for _s, ls in found for line in ls)


@pytest.mark.parametrize("kind", [QueueKind.PENDING, QueueKind.FLAGGED, QueueKind.HIDDEN, QueueKind.APPROVED])
def test_one_status_by_priority_walks_only_that_status_scores(data, kind):
    """Not the decided comments that score higher (migration 0006): the walk starts inside
    the status's own range of the scores index, and so does the Flagged count."""
    db, model_id, _refs = data
    found = plans(db, read_queue(queue.QueueQuery(kind=kind, model_id=model_id)))
    ranged = "SEARCH scores USING COVERING INDEX ix_scores_model_status_main (model_id=? AND status=?"
    paged = [lines for sql, lines in found if "ORDER BY" in sql and "scores.main" in sql.split("ORDER BY")[1]]
    assert paged and all(any(line.startswith(ranged) for line in lines) for lines in paged), found
    if kind == QueueKind.FLAGGED:
        counts = [lines for sql, lines in found if "count(" in sql.lower()]
        assert any(line.startswith(ranged) for lines in counts for line in lines), counts


FILTERS = {
    "article": {"article_id": 1},
    "author": {"author": AUTHORS[1]},
    "commenter on a site": {"author": AUTHORS[1], "site_id": 1},
    "status": {"status": "hidden"},
    "main score": {"scores": (queue.ScoreRange(0.3, 0.7),)},
    "other label": {"scores": (queue.ScoreRange(0.2, label="insult"),)},
    "dates": {"since": T0 + timedelta(minutes=10), "until": T0 + timedelta(minutes=40)},
    "search": {"search": 'clim* "the council"'},
}
# Under these, the sort's index leads when many rows match, and must then need no sorting.
SORT_INDEX_LEADS = {"status", "other label"}


@pytest.mark.parametrize("name", FILTERS)
@pytest.mark.parametrize("sort", [Sort.PRIORITY, Sort.NEWEST, Sort.OLDEST, Sort.RELEVANCE])
@pytest.mark.parametrize("few", [True, False], ids=["few match", "many match"])
def test_filters_use_an_index(data, name, sort, few, monkeypatch):
    db, model_id, _refs = data
    if not few:
        monkeypatch.setattr("moderator.reading.queueplan.FEW", 0)
    for kind in (QueueKind.PENDING, QueueKind.ALL):
        q = queue.QueueQuery(kind=kind, sort=sort, model_id=model_id, **FILTERS[name])
        leads = name in SORT_INDEX_LEADS or (not few and name in ("main score", "dates"))
        assert_indexed(plans(db, read_queue(q)), sorted_by_index=leads,
                       counts_read_scores=name == "other label" and kind == QueueKind.ALL)


@pytest.mark.parametrize("filters", [audit.AuditFilter(), audit.AuditFilter(moderator="ana"), audit.AuditFilter(action="approve"),
                                     audit.AuditFilter(since=T0, until=T0 + timedelta(days=9999)),
                                     audit.AuditFilter(source="bulk"), audit.AuditFilter(moderator="ana", action="approve")],
                         ids=["all", "moderator", "action", "dates", "source", "moderator and action"])
def test_the_audit_log_reads_newest_first_off_an_index(data, filters):
    db, _model_id, _refs = data

    def work(s):
        _rows, cursor = audit.audit_page(s, filters, limit=3)
        audit.audit_page(s, filters, cursor, limit=3)
    assert_indexed(plans(db, work), sorted_by_index=True)


def test_the_audit_log_of_an_article_is_found_through_its_comments(data):
    db, _model_id, _refs = data
    found = plans(db, lambda s: audit.audit_page(s, audit.AuditFilter(article_id=1)))
    assert_indexed(found, sorted_by_index=False)
    assert any("ix_comments_article" in line for _sql, lines in found for line in lines)


def test_article_list_reads_each_articles_kept_counts_by_key(data):
    """Counts by status per article shown: the row the triggers keep (migration 0012), one key
    lookup per article, never its comments (a busy page held 50,000 at a million)."""
    db, _model_id, _refs = data
    found = plans(db, lambda s: queries.article_page(s, limit=50))
    assert found
    for sql, lines in found:
        assert "SCAN comments" not in lines and not any("comments" in line for line in lines), (sql, lines)
        assert any("SEARCH article_counts USING INTEGER PRIMARY KEY" in line for line in lines), (sql, lines)


# The index each sort walks from the top, in its order (no sort of every article).
SORT_INDEX = {ArticleSort.MOST_PENDING: "COVERING INDEX ix_article_counts_pending",
              ArticleSort.HIGHEST: "COVERING INDEX ix_article_scores_model_top (model_id=?"}


@pytest.mark.parametrize("wanted", [ArticleFilter(), ArticleFilter(with_pending=False, with_comments=True),
                                    ArticleFilter(sort=ArticleSort.MOST_PENDING),
                                    ArticleFilter(sort=ArticleSort.MOST_PENDING, with_pending=False),
                                    ArticleFilter(sort=ArticleSort.HIGHEST),
                                    ArticleFilter(sort=ArticleSort.HIGHEST, headline="a")], ids=str)
def test_the_articles_tab_reads_off_indexes(data, wanted):
    """Every filter and sort of the Articles tab: no pass over comments or scores; "most
    pending" and "highest score" walk the kept figures' indexes in their order (migration 0012)."""
    db, model_id, _refs = data
    found = plans(db, lambda s: articles.article_page(s, wanted, None, 50, model_id))
    assert found
    for sql, lines in found:
        assert "SCAN comments" not in lines and "SCAN scores" not in lines, (sql, lines)
    if wanted.sort in SORT_INDEX:
        walked = [lines for _sql, lines in found if any(SORT_INDEX[wanted.sort] in line for line in lines)]
        assert walked and not any("TEMP B-TREE" in line for line in walked[0]), found


def test_article_list_reads_highest_score_and_unscored_count_off_indexes(data):
    """PRODUCT A: each article's highest score and unscored count, from the model's scores,
    equal to a count in Python, and read per article shown off indexes (no full scans)."""
    db, model_id, refs = data
    with db.sessions() as s:
        rows, _cursor = queries.article_page(s, limit=50, model_id=model_id)
        unscored_everywhere, _ = queries.article_page(s, limit=50)  # no model: every comment unscored
    for row in rows:
        mine = [r for r in refs if r.article_id == row.id]
        assert row.highest == max(r.main for r in mine if r.main is not None)
        assert row.unscored == sum(1 for r in mine if r.main is None)
    assert [r.unscored for r in unscored_everywhere] == [r.pending + r.approved + r.hidden for r in unscored_everywhere]
    assert all(r.highest is None for r in unscored_everywhere)
    found = plans(db, lambda s: (queries.article_page(s, limit=50, model_id=model_id),
                                 queries.article_row(s, 1, model_id)))
    for sql, lines in found:
        assert not [line for line in lines if FULL_SCAN.match(line)], (sql, lines)
        assert not any(line.startswith("SCAN scores") or "ix_scores_model" in line for line in lines), (sql, lines)


def test_the_audit_log_by_source_reads_that_sources_index(data):
    """A rare source (a rule's decisions) must not walk the whole log to find a page."""
    db, _model_id, _refs = data
    found = plans(db, lambda s: audit.audit_page(s, audit.AuditFilter(source="rule"), limit=3))
    assert found and all(any("ix_decisions_source_created" in line for line in lines) for _sql, lines in found), found


def test_a_busy_articles_log_walks_the_time_index(data, monkeypatch):
    db, _model_id, _refs = data
    monkeypatch.setattr("moderator.reading.audit.FEW", 0)

    def work(s):
        _rows, cursor = audit.audit_page(s, audit.AuditFilter(article_id=1), limit=3)
        audit.audit_page(s, audit.AuditFilter(article_id=1), cursor, limit=3)
    found = plans(db, work)
    assert_indexed(found, sorted_by_index=True)
    assert any("ix_decisions_created" in line for sql, lines in found if "ORDER BY" in sql for line in lines)


@pytest.mark.parametrize("filters", [audit.AuditFilter(), audit.AuditFilter(moderator="ben"), audit.AuditFilter(action="approve"),
                                     audit.AuditFilter(since=utcnow() - timedelta(days=1)), audit.AuditFilter(article_id=1),
                                     audit.AuditFilter(article_id=1, moderator="ben")],
                         ids=["all", "moderator", "action", "the last day", "article", "article and moderator"])
def test_audit_counts_read_an_index(data, filters):
    db, _model_id, _refs = data
    assert_indexed(plans(db, lambda s: audit.audit_count(s, filters)), sorted_by_index=False)


def test_the_audit_logs_moderators_and_batch_sizes_are_index_seeks(data):
    db, _model_id, _refs = data
    found = plans(db, lambda s: (audit.moderators(s), audit.batch_sizes(s, {"x", "y"})))
    assert len(found) == 3  # one seek per name and one past the last, then the batches
    assert_indexed(found, sorted_by_index=True)
    assert all(any("ix_decisions_moderator" in line or "ix_decisions_batch_id" in line for line in lines)
               for _sql, lines in found)
