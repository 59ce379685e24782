"""Migration 0004 on a database that already holds comments: the full-text index is
built for them, and kept in step afterwards."""

from sqlalchemy import text

from moderator.reading import queue
from moderator.storage.database import open_database
from moderator.storage.engine import make_engine
from moderator.storage.migrate import current_revision, head_revision, upgrade
from tests.oldschema import insert_old_comments

OLD_COMMENTS = [(1, "Storms are coming", "Ann"), (2, "a calm evening", "Stormy Daniels"), (3, "nothing here", "Bob")]


def test_existing_comments_are_indexed_by_the_migration(paths):
    engine = make_engine(f"sqlite:///{paths.database}")
    upgrade(engine, "0003")
    with engine.begin() as c:
        insert_old_comments(c, [(cid, body, author, "pending") for cid, body, author in OLD_COMMENTS])
    engine.dispose()

    database = open_database(f"sqlite:///{paths.database}", paths.backups)
    assert database.backup is not None and current_revision(database.engine) == head_revision(database.engine)
    with database.sessions() as s:
        assert sorted(queue.ids(s, queue.QueueQuery(search="storm*"))) == [1, 2]  # body and author name
        s.execute(text("UPDATE comments SET body = 'sunny' WHERE id = 1"))
        assert queue.ids(s, queue.QueueQuery(search="storm*")) == [2]
        s.execute(text("INSERT INTO comments_fts(comments_fts, rank) VALUES ('integrity-check', 1)"))  # raises if out of step
    database.dispose()


def test_the_migration_goes_down_and_up_again(paths):
    database = open_database(f"sqlite:///{paths.database}", paths.backups)
    upgrade_to = head_revision(database.engine)
    from alembic import command

    from moderator.storage.migrate import alembic_config
    with database.engine.begin() as c:
        command.downgrade(alembic_config(database.engine, c), "0003")
    with database.engine.connect() as c:
        names = set(c.execute(text("SELECT name FROM sqlite_master")).scalars())
    assert not {n for n in names if n.startswith("comments_fts")}
    upgrade(database.engine)
    assert current_revision(database.engine) == upgrade_to
    database.dispose()
