"""PostgreSQL's own plans and search shapes (migration 0017, moderator/reading/pgsearch.py):
a part in a script without spaces is looked up in the partial trigram indexes (their
conditions repeated word for word, or the planner may not use them: asked here with
sequential scans off, so that only "cannot" makes it scan), the matches said as a
condition on each row find exactly what the matches' set finds, and every connection of the
app carries its planner settings (storage/engine.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import event, select, text

from moderator.reading import pgsearch, queue, search
from moderator.storage.models import Article, Comment, Site, utcnow
from moderator.vocabulary import QueueKind, Sort, Status
from tests.queuedata import built_database

TEXTS = [("今天的天气真好", "小明"), ("北京的天气预报", "DaveFromLeeds"), ("ข่าวนี้น่าสนใจมากครับ", "สมชาย"),
         ("Lovely weather in Leeds today", "天气Fan"), ("The weather, the whole weather", "Leeds Reader")]


@pytest.fixture
def db(pg_url, tmp_path):
    database, _model_id, _refs = built_database(tmp_path, pg_url)
    with database.sessions() as s:
        site = s.scalar(select(Site.id).limit(1))
        article = Article(site_id=site, external_id="zh", headline="天气")
        s.add(article)
        s.flush()
        s.add_all(Comment(site_id=site, article_id=article.id, author=author, body=body, created_at=utcnow(),
                          status=Status.PENDING) for body, author in TEXTS)
        s.commit()
    yield database
    database.dispose()


def explained(db, typed: str) -> str:
    """The plans of every SELECT a search's first page and count run, as one text."""
    seen: list[tuple[str, object]] = []
    remember = lambda _c, _cur, sql, params, _ctx, _many: seen.append((sql, params))  # noqa: E731
    q = queue.QueueQuery(kind=QueueKind.ALL, sort=Sort.NEWEST, search=typed)
    with db.sessions() as s:
        event.listen(db.engine, "before_cursor_execute", remember)
        try:
            queue.page(s, q)
            queue.count(s, q)
        finally:
            event.remove(db.engine, "before_cursor_execute", remember)
        cursor = s.connection().connection.driver_connection.cursor()
        cursor.execute("SET enable_seqscan = off")
        lines = []
        for sql, params in seen:
            if sql.lstrip().upper().startswith("SELECT"):
                cursor.execute("EXPLAIN " + sql, params)
                lines += [row[0] for row in cursor.fetchall()]
    return "\n".join(lines)


@pytest.mark.parametrize("typed", ["天气", "天气预报", "น่าสนใจ"])
def test_a_part_without_spaces_is_read_off_the_partial_trigram_indexes(db, typed):
    plan = explained(db, typed)
    assert "Bitmap Index Scan on comments_fts_body_parts" in plan and "Seq Scan on comments" not in plan


@pytest.mark.parametrize("typed", ["weather", "weath*", "天气", "leeds", '"the whole"', "dave", "天气 fan"])
def test_the_matches_as_a_row_condition_are_the_matches(db, typed):
    match = search.fts_query(typed)
    with db.sessions() as s:
        as_set = set(s.scalars(select(pgsearch.fts_matches(match).c.id)))
        by_row = set(s.scalars(select(Comment.id).where(pgsearch.row_condition(match))))
    assert as_set and by_row == as_set


def test_the_apps_connections_carry_its_planner_settings(db):
    with db.sessions() as s, db.write_sessions() as w:
        for session in (s, w):
            assert session.execute(text("SHOW random_page_cost")).scalar() == "1.1"
            assert session.execute(text("SHOW jit")).scalar() == "off"
