"""Migration 0004 on a database that already holds comments: the full-text index is
built for them, and kept in step afterwards."""

from sqlalchemy import text

from moderator.reading import queue
from moderator.storage.database import open_database
from moderator.storage.engine import make_engine
from moderator.storage.migrate import current_revision, head_revision, upgrade

OLD_COMMENTS = [(1, "Storms are coming", "Ann"), (2, "a calm evening", "Stormy Daniels"), (3, "nothing here", "Bob")]


def insert_old_comments(c, comments: list[tuple[int, str, str, str]]) -> None:
    """Site 1, article 1 and these (id, body, author, status) comments, in raw SQL: the
    schema of an older revision, not today's models."""
    c.execute(text("INSERT INTO sites (id, key, name, comment_prompt, comment_call) VALUES (1, 's', 'S', '?', '!')"))
    c.execute(text("INSERT INTO articles (id, site_id, external_id, headline, standfirst, body, imported_at) "
                   "VALUES (1, 1, 'a', 'H', '', '', '2025-01-01 00:00:00.000000')"))
    for cid, body, author, status in comments:
        c.execute(text("INSERT INTO comments (id, site_id, article_id, author, is_staff, body, created_at, status, "
                       "version, updated_at, kind) VALUES (:id, 1, 1, :author, 0, :body, '2025-01-01 00:00:00.000000', "
                       ":status, 1, '2025-01-01 00:00:00.000000', 'comment')"),
                  {"id": cid, "body": body, "author": author, "status": status})


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
