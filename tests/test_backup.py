"""Backup while the app writes, and a restore that checks before it replaces anything."""

import sqlite3

import pytest
from sqlalchemy import func, select, text

from moderator.errors import ModeratorError
from moderator.storage.backup import backup_database, check_backup, restore_database
from moderator.storage.engine import make_engine
from moderator.storage.migrate import current_revision, head_revision, upgrade
from moderator.storage.models import Comment


def count(db) -> int:
    with db.sessions() as s:
        return s.scalar(select(func.count(Comment.id)))


def test_backup_is_a_consistent_copy_while_another_connection_writes(demo_db, tmp_path):
    writer = demo_db.engine.connect()
    transaction = writer.begin()
    writer.execute(text("UPDATE comments SET body = 'half-done' WHERE id <= 10"))  # not committed
    info = backup_database(demo_db.engine, tmp_path / "copy.sqlite")
    transaction.rollback()
    writer.close()
    assert info.revision == head_revision(demo_db.engine) and info.size > 0
    with sqlite3.connect(info.path) as copy:
        assert copy.execute("SELECT count(*) FROM comments").fetchone() == (54,)
        assert copy.execute("SELECT count(*) FROM comments WHERE body = 'half-done'").fetchone() == (0,)
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one self-contained file


def test_backup_never_replaces_a_file_unasked(demo_db, tmp_path):
    out = tmp_path / "copy.sqlite"
    out.write_text("precious")
    with pytest.raises(ModeratorError, match="exists already"):
        backup_database(demo_db.engine, out)
    assert out.read_text() == "precious"
    backup_database(demo_db.engine, out, force=True)
    assert check_backup(out, demo_db.engine) == head_revision(demo_db.engine)


def test_restore_refuses_to_overwrite_data_without_force_and_keeps_a_copy(demo_db, paths, tmp_path):
    backup = backup_database(demo_db.engine, tmp_path / "copy.sqlite").path
    with demo_db.engine.begin() as connection:
        for table in ("rule_hits", "decisions"):  # the rules' flags on the demo's suspect comments
            connection.execute(text(f"DELETE FROM {table} WHERE comment_id > 40"))
        connection.execute(text("DELETE FROM comments WHERE id > 40"))
    with pytest.raises(ModeratorError, match="holds data; add --force"):
        restore_database(demo_db.engine, backup, paths.backups)
    assert count(demo_db) == 40
    info = restore_database(demo_db.engine, backup, paths.backups, force=True)
    assert count(demo_db) == 54
    with sqlite3.connect(info.replaced_copy) as replaced:
        assert replaced.execute("SELECT count(*) FROM comments").fetchone() == (40,)


@pytest.mark.parametrize("content, message", [
    (b"not a database at all, just some text" * 100, "is not an SQLite database"),
    (None, "is not a Comment Moderator database"),
])
def test_restore_checks_the_file_first(db, paths, tmp_path, content, message):
    bad = tmp_path / "bad.sqlite"
    if content is None:
        with sqlite3.connect(bad) as other:
            other.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    else:
        bad.write_bytes(content)
    with pytest.raises(ModeratorError, match=message):
        restore_database(db.engine, bad, paths.backups)


def test_a_damaged_backup_is_refused(demo_db, paths, tmp_path):
    backup = backup_database(demo_db.engine, tmp_path / "copy.sqlite").path
    data = bytearray(backup.read_bytes())
    page = 4096
    for offset in range(3 * page + 100, len(data) - page, page):  # scribble over the pages' contents
        data[offset:offset + 64] = b"\xff" * 64
    backup.write_bytes(bytes(data))
    with pytest.raises(ModeratorError, match="damaged|not an SQLite database"):
        restore_database(demo_db.engine, backup, paths.backups, force=True)
    assert count(demo_db) == 54


def test_an_older_backup_is_migrated_after_restore(db, paths, tmp_path):
    old = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{old}")
    upgrade(engine, "0001")
    engine.dispose()
    with sqlite3.connect(old) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
    info = restore_database(db.engine, old, paths.backups)
    assert info.revision == "0001" and info.replaced_copy is None
    assert current_revision(db.engine) == head_revision(db.engine)


def test_a_backup_from_a_newer_app_is_refused(demo_db, paths, tmp_path):
    backup = backup_database(demo_db.engine, tmp_path / "copy.sqlite").path
    with sqlite3.connect(backup) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(ModeratorError, match="newer version of the app"):
        restore_database(demo_db.engine, backup, paths.backups, force=True)


def test_cli_backup_and_restore(cli, tmp_path):
    cli("demo")
    out = tmp_path / "nightly.sqlite"
    code, stdout, _ = cli("backup", str(out))
    assert code == 0 and stdout.startswith(f"Backed up to {out}")
    code, _, err = cli("restore", str(out))
    assert code == 1 and "holds data; add --force" in err
    code, stdout, _ = cli("restore", str(out), "--force")
    assert code == 0 and "the replaced database was kept as" in stdout
