"""The queue core on a real database: every kind, sort and filter against a plain-Python
reference; keyset pages against offset pages; counts, ids and positions."""

from dataclasses import replace
from datetime import timedelta

import pytest

from moderator.reading import queries, queue
from moderator.reading.queueplan import FEW
from moderator.vocabulary import QueueKind, Sort, Status
from tests.queuedata import AUTHORS, T0, built_database, expected, walk

pytestmark = pytest.mark.both_databases

SORTS = (Sort.PRIORITY, Sort.NEWEST, Sort.OLDEST)


@pytest.fixture(scope="module")
def data(tmp_path_factory, module_db_url):
    """Read-only tests share one database."""
    database, model_id, refs = built_database(tmp_path_factory.mktemp("queue"), module_db_url)
    yield database, model_id, refs
    database.dispose()


def check(session, refs, q: queue.QueueQuery) -> None:
    want = expected(refs, q)
    assert walk(session, q) == want, q
    assert queue.count(session, q) == len(want)
    assert sorted(queue.ids(session, q)) == sorted(want)


@pytest.mark.parametrize("kind", tuple(QueueKind))
def test_each_queue_in_each_order(data, kind):
    db, model_id, refs = data
    with db.sessions() as s:
        for sort in SORTS:
            check(s, refs, queue.QueueQuery(kind=kind, sort=sort, model_id=model_id))


@pytest.mark.parametrize("kind", [QueueKind.PENDING, QueueKind.APPROVED, QueueKind.HIDDEN, QueueKind.ALL])
def test_pages_of_any_size_and_the_commands_first_rows_list_the_same_queue(data, kind):
    """The window's pages (any size) and the command line's `first_rows` (the one read
    path both use) give the same rows in the same order."""
    db, model_id, refs = data
    with db.sessions() as s:
        for sort in SORTS:
            q = queue.QueueQuery(kind=kind, sort=sort, model_id=model_id)
            want = expected(refs, q)
            assert [walk(s, q, limit) for limit in (1, 7, 200)] == [want] * 3
            assert [row.id for row in queue.first_rows(s, q, 70)] == want[:70]
            assert [row.id for row in queue.first_rows(s, q, None)] == want


def filters(refs) -> dict[str, dict]:
    return {
        "article": {"article_id": refs[1].article_id},
        "author": {"author": AUTHORS[1]},
        "site": {"site_id": refs[0].site_id},
        "status": {"status": Status.HIDDEN},
        "main score": {"scores": (queue.ScoreRange(0.3, 0.7),)},
        "main score, open above": {"scores": (queue.ScoreRange(low=0.8),)},
        "other label": {"scores": (queue.ScoreRange(0.2, 0.6, label="insult"),)},
        "both ranges": {"scores": (queue.ScoreRange(high=0.5), queue.ScoreRange(low=0.5, label="insult"))},
        "since": {"since": T0 + timedelta(minutes=20)},
        "date range": {"since": T0 + timedelta(minutes=10), "until": T0 + timedelta(minutes=40)},
        "combined": {"author": AUTHORS[0], "since": T0 + timedelta(minutes=5), "scores": (queue.ScoreRange(0.1),)},
        "search": {"search": "the"},
        "search and score": {"search": "climate", "scores": (queue.ScoreRange(0.2),)},
    }


FILTERS = ("article", "author", "site", "status", "main score", "main score, open above", "other label",
           "both ranges", "since", "date range", "combined", "search", "search and score")


@pytest.mark.parametrize("name", FILTERS)
@pytest.mark.parametrize("few", [True, False], ids=["filter leads", "sort index leads"])
def test_each_filter(data, name, few, monkeypatch):
    """Both ways of reading a filtered queue give the same rows in the same order."""
    db, model_id, refs = data
    if not few:
        monkeypatch.setattr("moderator.reading.queueplan.FEW", 0)  # every bounded count says "many"
    with db.sessions() as s:
        for kind in (QueueKind.ALL, QueueKind.PENDING):
            for sort in SORTS:
                check(s, refs, queue.QueueQuery(kind=kind, sort=sort, model_id=model_id, **filters(refs)[name]))
    assert FEW > 0


def test_flagged_follows_the_medium_threshold(data):
    db, model_id, refs = data
    with db.sessions() as s:
        for threshold in (0.0, 0.5, 0.95):
            check(s, refs, queue.QueueQuery(kind=QueueKind.FLAGGED, model_id=model_id, flagged_from=threshold))
        assert queue.count(s, queue.QueueQuery(kind=QueueKind.FLAGGED, model_id=None)) == 0  # nothing scored, nothing flagged


def test_priority_before_any_model_is_newest_first(data):
    db, _model_id, refs = data
    with db.sessions() as s:
        q = queue.QueueQuery(sort=Sort.PRIORITY, model_id=None)
        assert walk(s, q) == expected(refs, queue.QueueQuery(sort=Sort.NEWEST))
        assert all(row.score is None for row in queue.page(s, q)[0])


def test_rows_carry_headline_and_the_active_models_score(data):
    db, model_id, refs = data
    by_id = {r.id: r for r in refs}
    with db.sessions() as s:
        rows, _ = queue.page(s, queue.QueueQuery(kind=QueueKind.ALL, sort=Sort.OLDEST, model_id=model_id), limit=100)
    assert len(rows) == len(refs)
    for row in rows:
        assert row.score == by_id[row.id].main  # never the other model's 1.0
        assert row.article_headline.startswith("Headline") and row.created_at.tzinfo is not None
        assert row.snippet == "" and isinstance(row, queries.CommentRow)


def test_position_is_the_row_in_the_queue(data):
    db, model_id, refs = data
    with db.sessions() as s:
        for kind, sort in [(QueueKind.PENDING, Sort.PRIORITY), (QueueKind.ALL, Sort.OLDEST), (QueueKind.HIDDEN, Sort.NEWEST)]:
            q = queue.QueueQuery(kind=kind, sort=sort, model_id=model_id)
            want = expected(refs, q)
            assert [queue.position(s, q, cid) for cid in want] == list(range(len(want)))
            outside = [r.id for r in refs if r.id not in want][:3]
            assert [queue.position(s, q, cid) for cid in outside] == [None] * len(outside)


def test_a_page_after_the_end_is_empty_and_keeps_the_cursor(data):
    db, model_id, refs = data
    with db.sessions() as s:
        q = queue.QueueQuery(model_id=model_id)
        rows, cursor = queue.page(s, q, limit=1000)
        assert len(rows) == len(expected(refs, q))
        assert queue.page(s, q, cursor) == ([], cursor)


def test_ids_stream_in_batches(data):
    db, model_id, refs = data
    with db.sessions() as s:
        streamed = list(queue.iter_ids(s, queue.QueueQuery(kind=QueueKind.ALL), batch=4))
    assert sorted(streamed) == sorted(r.id for r in refs)


def test_unknown_kind_or_sort_is_refused():
    with pytest.raises(ValueError):
        queue.QueueQuery(kind="spam")
    with pytest.raises(ValueError):
        queue.QueueQuery(sort="random")


@pytest.mark.parametrize("label", [None, "insult"])
def test_histogram_bars_and_their_bands(data, label):
    db, model_id, refs = data
    q = queue.QueueQuery(kind=QueueKind.PENDING, model_id=model_id)
    with db.sessions() as s:
        bars = queue.histogram(s, q, label, bins=10)
        assert sum(bars) == sum(1 for r in refs if r.status == Status.PENDING and r.main is not None)
        for i, bar in enumerate(bars):  # each bar's band selects exactly the comments it counts
            assert len(queue.ids(s, replace(q, scores=(queue.band(i, 10, label),)))) == bar
        assert queue.histogram(s, replace(q, model_id=None)) == [0] * 20


@pytest.mark.parametrize("sort", SORTS)
def test_id_pages_in_big_steps_match_row_pages(data, sort):
    """What a lazy view does: ids in big steps, then rows for the ids it paints."""
    db, model_id, refs = data
    q = queue.QueueQuery(kind=QueueKind.ALL, sort=sort, model_id=model_id)
    with db.sessions() as s:
        stepped, cursor = [], None
        while True:
            found, cursor = queue.page_ids(s, q, cursor, limit=13)
            stepped += found
            if len(found) < 13:
                break
        assert stepped == expected(refs, q)
        some = stepped[20:5:-3] + [10**9]  # any order, and an id that does not exist
        assert [row.id for row in queue.rows(s, q, some)] == some[:-1]
