import sqlite3

from alembic import command
from sqlalchemy import text

from moderator.storage.database import open_database
from moderator.storage.engine import make_engine
from moderator.storage.migrate import alembic_config, current_revision, head_revision, prepare_database, upgrade


def test_models_and_migrations_never_drift(db):
    with db.engine.begin() as connection:
        command.check(alembic_config(db.engine, connection))  # raises if autogenerate finds a difference


def test_sqlite_is_set_up_for_safety(db):
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_new_database_needs_no_backup(paths):
    database = open_database(f"sqlite:///{paths.database}", paths.backups)
    assert database.created and database.backup is None
    assert current_revision(database.engine) == head_revision(database.engine)


def test_older_database_is_backed_up_then_migrated(paths):
    """A database left at the first revision by an older release, with data in it."""
    engine = make_engine(f"sqlite:///{paths.database}")
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO sites (id, key, name, comment_prompt, comment_call)"
                                " VALUES (1, 'old', 'Old', '?', '!')"))
    engine.dispose()

    database = open_database(f"sqlite:///{paths.database}", paths.backups)
    assert not database.created
    assert current_revision(database.engine) == head_revision(database.engine)
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT key FROM sites")).scalar() == "old"
    if head_revision(database.engine) == "0001":
        assert database.backup is None  # nothing was pending
    else:
        with sqlite3.connect(database.backup) as copy:
            assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
            assert copy.execute("SELECT key FROM sites").fetchone()[0] == "old"
    database.dispose()


def test_in_memory_database_is_migrated_without_a_copy(tmp_path):
    """An in-memory database has no file to copy before a migration (the copy was asked of
    the URL's missing file name, and failed)."""
    engine = make_engine("sqlite://")
    upgrade(engine, "0001")
    assert prepare_database(engine, tmp_path / "backups") is None
    assert current_revision(engine) == head_revision(engine)
    assert not (tmp_path / "backups").exists()
