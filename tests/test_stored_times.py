"""Times in SQLite are text, compared as text: every writer must store one format, or the
same instant compares as two different values. An import's rows once went in as
'2024-05-01 11:00:00' where every other statement writes '2024-05-01 11:00:00.000000',
and the queue's keyset pages skipped, or repeated, the comments of a shared second."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text, update
from sqlalchemy.dialects import sqlite

from moderator.importing import import_files
from moderator.reading import queue
from moderator.storage.database import open_database
from moderator.storage.engine import make_engine
from moderator.storage.migrate import upgrade
from moderator.storage.models import Comment, UtcDateTime
from moderator.vocabulary import QueueKind, Sort
from tests.oldschema import insert_old_comments

pytestmark = pytest.mark.both_databases

SECOND = datetime(2024, 5, 1, 11, 0, tzinfo=UTC)
STORED = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}")


def export_of_one_second(tmp_path, count: int = 7):
    """A generic JSON Lines export whose comments were all written in the same second."""
    path = tmp_path / "same-second.jsonl"
    path.write_text("".join(json.dumps({"article_id": "a1", "article_title": "One", "comment_id": str(i),
                                        "author": f"Reader {i}", "created_at": "2024-05-01T11:00:00Z",
                                        "body": f"comment {i}", "status": "pending"}) + "\n" for i in range(count)))
    return path


def every_page(session, sort: str) -> list[int]:
    """The queue's ids, two rows a page, as a lazy view reads them."""
    seen, after = [], None
    for _ in range(20):  # more pages than rows: a cursor that does not move fails, not hangs
        rows, after = queue.page(session, queue.QueueQuery(kind=QueueKind.ALL, sort=sort), after, limit=2)
        seen += [row.id for row in rows]
        if not rows or after is None:
            break
    return seen


def raw_times(session) -> list[str]:
    return [value for row in session.execute(text(
        "SELECT created_at, updated_at FROM comments UNION ALL SELECT published_at, imported_at FROM articles"))
        for value in row if value is not None]


@pytest.mark.sqlite_only  # SQLite's text format of times
def test_an_import_stores_times_as_every_other_statement_does(tmp_path, session):
    import_files(session, [export_of_one_second(tmp_path)])
    stored = raw_times(session)
    assert stored and all(STORED.fullmatch(value) for value in stored), stored
    imported = session.scalar(text("SELECT created_at FROM comments WHERE external_id = '1'"))
    session.execute(update(Comment).where(Comment.external_id == "0").values(created_at=SECOND))  # SQLAlchemy's own
    assert session.scalar(text("SELECT created_at FROM comments WHERE external_id = '0'")) == imported


def test_the_queue_pages_through_the_comments_of_one_second(tmp_path, session):
    import_files(session, [export_of_one_second(tmp_path)])
    ids = sorted(session.scalars(text("SELECT id FROM comments")))
    assert every_page(session, Sort.OLDEST) == ids  # ties in time go by id
    assert every_page(session, Sort.NEWEST) == ids[::-1]


@given(st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.timezones()))
def test_sqlite_text_is_sqlalchemys_own(moment):
    """UtcDateTime writes SQLite's text itself (faster); it must be SQLAlchemy's DATETIME's to the digit."""
    dialect = sqlite.dialect()
    ours = UtcDateTime().dialect_impl(dialect).bind_processor(dialect)
    theirs = sqlite.DATETIME().bind_processor(dialect)
    assert ours(moment) == theirs(UtcDateTime().process_bind_param(moment, dialect))


def test_the_migration_completes_the_short_times_of_earlier_imports(paths):
    engine = make_engine(f"sqlite:///{paths.database}")
    upgrade(engine, "0006")
    with engine.begin() as c:
        insert_old_comments(c, [(cid, f"comment {cid}", "Ann", "pending") for cid in range(1, 6)])
        c.execute(text("UPDATE comments SET created_at = '2024-05-01 11:00:00', updated_at = '2024-05-02 09:30:00'"))
        c.execute(text("UPDATE comments SET created_at = '2024-05-01 11:00:00.250000' WHERE id = 5"))  # already whole
        c.execute(text("UPDATE articles SET published_at = '2024-05-01 10:00:00', imported_at = '2024-05-02 09:30:00'"))
    engine.dispose()
    database = open_database(f"sqlite:///{paths.database}", paths.backups)
    with database.sessions() as s:
        assert all(STORED.fullmatch(value) for value in raw_times(s))
        assert s.scalar(text("SELECT created_at FROM comments WHERE id = 1")) == "2024-05-01 11:00:00.000000"
        assert s.scalar(text("SELECT created_at FROM comments WHERE id = 5")) == "2024-05-01 11:00:00.250000"
        assert every_page(s, Sort.OLDEST) == [1, 2, 3, 4, 5]
        assert every_page(s, Sort.NEWEST) == [5, 4, 3, 2, 1]
        assert s.get(Comment, 1).created_at == SECOND and s.get(Comment, 5).created_at == SECOND + timedelta(seconds=0.25)
    database.dispose()
