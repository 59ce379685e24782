"""Full-text search in the queue, on SQLite (FTS5) and PostgreSQL (its text search): prefix,
phrase, ranking, highlights, input that must never break it, decided comments left out of
the queues that leave them out, the index kept in step with comments, and the portable
fallback's pieces."""

import pytest
from sqlalchemy import select, text

from moderator.moderation.decisions import decide
from moderator.reading import queue, search
from moderator.storage.models import Comment
from moderator.vocabulary import Action, QueueKind, Sort, Source, Status
from tests.queuedata import T0, build, built_database, matches

pytestmark = pytest.mark.both_databases

MARKED = search.MARK_START + "{}" + search.MARK_END


@pytest.fixture(scope="module")
def data(tmp_path_factory, module_db_url):
    database, model_id, refs = built_database(tmp_path_factory.mktemp("search"), module_db_url)
    yield database, model_id, refs
    database.dispose()


def found(session, typed: str, **query) -> set[int]:
    q = queue.QueueQuery(kind=QueueKind.ALL, search=typed, **query)
    ids = set(queue.ids(session, q))
    assert queue.count(session, q) == len(ids)
    return ids


def having(refs, *words: str) -> set[int]:
    return {r.id for r in refs if all(w in r.body.lower() or w in r.author.lower() for w in words)}


def test_words_prefixes_and_phrases(data):
    db, _model_id, refs = data
    with db.sessions() as s:
        assert found(s, "liars") == having(refs, "liars")
        assert found(s, "liar") == set()  # a word is a word...
        assert found(s, "liar*") == having(refs, "liars")  # ...a prefix finds longer ones
        assert found(s, "idiot*") == having(refs, "idiot")
        assert found(s, "climate change") == having(refs, "climate", "change")  # both words, any order
        assert found(s, '"climate change"') == having(refs, "climate change")  # the phrase only
        assert found(s, '"change the clim"*') == having(refs, "change the climate")
        assert found(s, "COUNCIL") == having(refs, "council")


def test_author_names_and_accents(data):
    db, _model_id, refs = data
    with db.sessions() as s:
        assert found(s, "stone") == having(refs, "stone")  # Bob Stone, by name
        assert found(s, "dario") == having(refs, "dário")  # accents folded
        assert found(s, "zoe") == having(refs, "zoë")


@pytest.mark.parametrize("typed", ['"', '""', "AND OR NOT (", "(", ")", "*", "-", "^", "NEAR(a b)", "body:x", "'",
                                   '"unterminated phrase', 'a"b', "a AND", "OR", "\x00", "🙂", "   ", "{x}", "+-*/"])
def test_hostile_input_never_breaks_search(data, typed):
    db, model_id, _refs = data
    with db.sessions() as s:
        for sort in (Sort.RELEVANCE, Sort.PRIORITY, Sort.NEWEST):
            q = queue.QueueQuery(kind=QueueKind.ALL, sort=sort, model_id=model_id, search=typed)
            rows, _ = queue.page(s, q)
            assert queue.count(s, q) >= len(rows)


def test_operators_are_plain_words(data):
    db, _model_id, refs = data
    with db.sessions() as s:
        assert found(s, "great OR taxes") == set()  # no comment has "or" as well as both
        assert found(s, "NOT taxes") == set()
        assert found(s, "(taxes)") == having(refs, "taxes")


def test_rows_are_highlighted(data):
    db, model_id, refs = data
    with db.sessions() as s:
        rows, _ = queue.page(s, queue.QueueQuery(kind=QueueKind.ALL, sort=Sort.RELEVANCE, model_id=model_id, search="clim*"))
        assert {row.id for row in rows} == having(refs, "climate")
        assert all(MARKED.format("climate") in row.snippet for row in rows)
        rows, _ = queue.page(s, queue.QueueQuery(kind=QueueKind.ALL, search="stone"))
        assert rows and all(row.author_marked == "Bob " + MARKED.format("Stone") for row in rows)


def test_relevance_puts_the_best_match_first(db):
    with db.sessions() as s:
        build(s)
        article, site = s.execute(text("SELECT id, site_id FROM articles LIMIT 1")).one()
        bodies = [" ".join(["words"] * 30 + ["storm"] + ["more"] * 30), "storm after storm after storm", "storm warning"]
        for i, body in enumerate(bodies):
            s.add(Comment(site_id=site, article_id=article, author="W", body=body, created_at=T0, external_id=f"w{i}"))
        s.flush()
        rows, _ = queue.page(s, queue.QueueQuery(kind=QueueKind.ALL, sort=Sort.RELEVANCE, search="storm"))
        assert [row.body for row in rows] == [bodies[1], bodies[2], bodies[0]]
        snippet = rows[2].snippet  # a long body is cut around the match
        assert snippet.startswith(search.ELLIPSIS) and snippet.endswith(search.ELLIPSIS) and MARKED.format("storm") in snippet
        assert len(snippet.split()) == search.SNIPPET_WORDS


def test_search_combines_with_filters_and_pages(data):
    db, model_id, refs = data
    with db.sessions() as s:
        q = queue.QueueQuery(kind=QueueKind.PENDING, sort=Sort.PRIORITY, model_id=model_id, search="the",
                             scores=(queue.ScoreRange(0.1),))
        want = {r.id for r in refs if matches(r, q)} & having(refs, "the")
        assert set(queue.ids(s, q)) == want
        walked, cursor = [], None
        for _ in range(10):
            rows, cursor = queue.page(s, q, cursor, limit=2)
            walked += [row.id for row in rows]
        assert sorted(walked) == sorted(want) and len(walked) == len(set(walked))
        for sort in (Sort.RELEVANCE, Sort.OLDEST):
            q2 = queue.QueueQuery(kind=QueueKind.ALL, sort=sort, search="the")
            first, cursor = queue.page(s, q2, limit=3)
            rest, _ = queue.page(s, q2, cursor, limit=100)
            assert [r.id for r in first + rest] == [r.id for r in queue.page(s, q2, limit=100)[0]]
            assert [queue.position(s, q2, r.id) for r in first + rest] == list(range(len(first + rest)))


def test_the_index_follows_every_write_in_its_transaction(db):
    with db.sessions() as s:
        build(s)
        comment = s.scalars(select(Comment).where(Comment.body.like("taxes%"))).first()
        comment.body = "a fresh word: quokka"
        s.flush()
        assert comment.id in found(s, "quokka") and comment.id not in found(s, "taxes")
        s.rollback()  # the index rolls back with the comment
        assert found(s, "quokka") == set()
        s.execute(text("DELETE FROM scores"))
        s.execute(text("DELETE FROM comments WHERE body LIKE 'taxes%'"))
        assert found(s, "taxes") == set()
        s.rollback()


@pytest.mark.sqlite_only  # FTS5's own tables
def test_a_decision_does_not_touch_the_index(db):
    with db.sessions() as s:
        build(s)
        before = s.execute(text("SELECT count(*) FROM comments_fts_data")).scalar()
        s.execute(text("UPDATE comments SET status = 'approved', version = version + 1"))
        assert s.execute(text("SELECT count(*) FROM comments_fts_data")).scalar() == before


def test_the_fallback_for_other_databases(data):
    """PostgreSQL gets ILIKE and marks placed in Python: the same pieces, run here on SQLite."""
    db, _model_id, refs = data
    assert search.terms('Liars "climate change"* x% ( ') == [
        search.Term("Liars"), search.Term("climate change", prefix=True), search.Term("x%")]
    with db.sessions() as s:
        def like(typed: str) -> set[int]:
            return set(s.scalars(select(Comment.id).where(search.like_condition(typed))))

        assert like("LIAR") == having(refs, "liar")  # substrings, so a prefix too
        assert like('"the climate"') == having(refs, "the climate")
        assert like("stone idiot") == having(refs, "stone", "idiot")
        assert like("x%") == set()  # % and _ are literal, not wildcards ("taxes" has an x)
    assert search.like_condition("( *") is None
    assert search.mark("Climate change, climate!", search.terms("climate")) == (
        MARKED.format("Climate") + " change, " + MARKED.format("climate") + "!")


@pytest.mark.parametrize("typed, text_, want", [
    ("clim*", "The climate, CLIMBING.", "The [climate], [CLIMBING]."),
    ('"climate change"', "climate; change! climate policy", "[climate; change]! climate policy"),
    ("zoe", "Zoë and zoe and Zoey", "[Zoë] and [zoe] and Zoey"),
    ("don't", "I don't know", "I [don't] know"),  # a phrase of two words to FTS5
    ('"a a"', "a a a", "[a a] a"),  # overlapping matches: the first wins
    ("none", "", ""),
], ids=["prefix", "phrase", "accents", "apostrophe", "overlap", "empty"])
def test_highlights_mark_what_fts_matched(typed, text_, want):
    marked = search.mark(text_, search.terms(typed))
    assert marked.replace(search.MARK_START, "[").replace(search.MARK_END, "]") == want
    assert search.fts_query('a"b "c').words() == '"a" "b" "c"'


@pytest.mark.parametrize("sort", [Sort.PRIORITY, Sort.NEWEST, Sort.RELEVANCE])
def test_search_leaves_out_what_the_queue_leaves_out(db, sort):
    """Issue 17: on PostgreSQL, a search in Pending listed comments already decided."""
    with db.write_sessions() as s:
        model_id, refs = build(s)
        matching = sorted(having(refs, "the") & {r.id for r in refs if r.status == Status.PENDING})
        hidden, approved = matching[:6], matching[6:9]
        decide(s, hidden, Action.HIDE, "ana", reason="abuse", source=Source.BULK)
        decide(s, approved, Action.APPROVE, "ana", source=Source.BULK)
        s.commit()
    with db.sessions() as s:
        def searched(kind: QueueKind) -> set[int]:
            q = queue.QueueQuery(kind=kind, sort=sort, search="the", model_id=model_id)
            rows, _cursor = queue.page(s, q, limit=1000)
            assert {row.id for row in rows} == set(queue.ids(s, q)) and queue.count(s, q) == len(rows)
            return {row.id for row in rows}

        assert searched(QueueKind.PENDING) == set(matching[9:])
        assert searched(QueueKind.HIDDEN) >= set(hidden) and not searched(QueueKind.HIDDEN) & set(matching[9:])
        assert searched(QueueKind.APPROVED) >= set(approved)
