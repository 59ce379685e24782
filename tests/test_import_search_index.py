"""The full-text index after an import (staged, then published through the index's own
triggers: storage/staging.py) is exactly what it would be built afresh, and the schema is
the migrations' own, on every path: imported, refused, cancelled."""

import pytest
from sqlalchemy import select, text

from moderator.errors import FileFormatError
from moderator.importing import ImportCancelled, import_files
from moderator.moderation.decisions import post_first_comment, reply
from moderator.reading import search
from moderator.storage.models import Article, Comment
from tests.samples import TESTDATA, wxr

SAMPLE = TESTDATA / "wxr_isso-tests.xml"


def schema(session) -> list[tuple]:
    """Every index and trigger: type, name, SQL and the page it starts on (a rebuilt one would move)."""
    return session.execute(text("SELECT type, name, sql, rootpage FROM sqlite_master "
                                "WHERE type IN ('index', 'trigger') ORDER BY name")).all()


def index_terms(session) -> list[tuple]:
    """Every word the full-text index holds: (word, comment id, column, position)."""
    session.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, comments_fts, instance)"))
    return session.execute(text('SELECT term, doc, col, "offset" FROM temp.fts_terms ORDER BY 1, 2, 3, 4')).all()


def assert_index_exact(session) -> None:
    """The index equals one built afresh from the comments as they are."""
    kept = index_terms(session)
    session.execute(text("INSERT INTO comments_fts(comments_fts) VALUES ('rebuild')"))
    assert kept == index_terms(session)
    assert kept  # a test of something


def found(session, typed: str) -> set[int]:
    return set(session.scalars(search.full_text(session).ids(search.fts_query(typed))))


def built_indexes(session, work) -> set[str]:
    """The indexes SQLite was asked to create in the database while `work` ran (the import's
    connection is the session's, back from the pool)."""
    statements = []
    driver = session.connection().connection.driver_connection
    driver.set_trace_callback(statements.append)
    try:
        work()
    finally:
        driver.set_trace_callback(None)
    created = {s.split()[2] for s in statements if s.startswith("CREATE INDEX")}
    return {name for name in created if not name.startswith("staging.")}  # the staging file's own


def test_a_first_import_indexes_every_comment_and_keeps_every_index(session):
    """Moderators' queries run while an import publishes: no index is ever dropped."""
    before = schema(session)
    rebuilt = built_indexes(session, lambda: import_files(session, [SAMPLE]))
    assert schema(session) == before and rebuilt == set()
    assert_index_exact(session)


def test_a_second_import_keeps_the_indexes(session, tmp_path):
    import_files(session, [SAMPLE])
    before = schema(session)
    newer = wxr(tmp_path, "newer.xml", "Budget day", (1, "Ann", "A fresh remark about tariffs", "1", 0))
    assert import_files(session, [newer])[0].comments.added == 1
    assert schema(session) == before  # nothing dropped, nothing rebuilt
    assert_index_exact(session)


def test_a_newer_export_with_changed_texts_keeps_the_index_exact(session, tmp_path):
    old = wxr(tmp_path, "old.xml", "Budget day", (1, "Ann", "Tariffs are a tax", "1", 0), (2, "Bob", "Agreed", "1", 1))
    new = wxr(tmp_path, "new.xml", "Budget day", (1, "Ann", "Duties are a levy", "1", 0), (2, "Bobby", "Agreed", "1", 1),
              (3, "Cy", "Quotas next", "1", 0))
    import_files(session, [old])
    report = import_files(session, [new])[0]
    assert (report.comments.added, report.comments.updated) == (1, 2)
    assert found(session, "duties") and not found(session, "tariffs") and found(session, "bobby")
    assert_index_exact(session)


def test_a_rejected_file_leaves_schema_and_index_as_they_were(session):
    import_files(session, [SAMPLE])
    before, terms = schema(session), index_terms(session)
    with pytest.raises(FileFormatError):
        import_files(session, [TESTDATA / "disqus_remark42-malformed.xml"])
    assert schema(session) == before
    assert index_terms(session) == terms


def test_a_cancel_leaves_the_trigger_and_an_exact_index(session, tmp_path):
    big = wxr(tmp_path, "big.xml", "Budget day", *((i, f"Reader {i}", f"Remark number {i}", "1", 0) for i in range(1, 9)))

    def cancel_at_once(progress):
        raise ImportCancelled(str(big))

    import_files(session, [SAMPLE])
    before = schema(session)
    with pytest.raises(ImportCancelled):
        import_files(session, [big], progress=cancel_at_once)
    assert schema(session) == before
    assert_index_exact(session)


def test_every_other_way_of_writing_comments_is_indexed_after_an_import(session):
    import_files(session, [SAMPLE])
    parent = session.scalars(select(Comment).order_by(Comment.id)).first()
    replied = reply(session, parent.id, "Thanks, corrected the figures", "ed")
    opened = post_first_comment(session, session.scalars(select(Article.id)).first(), "Tell us what you saw", "ed")
    session.commit()
    assert found(session, "corrected figures") == {replied.decided[0].comment_id}
    assert found(session, "what you saw") == {opened.decided[0].comment_id}
    assert_index_exact(session)
