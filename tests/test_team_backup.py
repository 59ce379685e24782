"""Backup and restore of a team database on PostgreSQL, through pg_dump and pg_restore:
the backup, the restore that checks first and keeps a copy of what it replaces, the copy
kept before a migration, and one sentence when the programs are missing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from moderator.errors import ModeratorError
from moderator.importing.demo import load_demo
from moderator.storage import pgbackup
from moderator.storage.backup import backup_database, check_backup, restore_database
from moderator.storage.database import open_database
from moderator.storage.engine import make_engine
from moderator.storage.migrate import head_revision, upgrade
from moderator.storage.models import Comment
from tests.oldschema import insert_old_comments


def count(db) -> int:
    with db.sessions() as s:
        return s.scalar(select(func.count(Comment.id)))


@pytest.fixture
def team_db(pg_url, paths):
    database = open_database(pg_url, paths.backups)
    with database.sessions() as s:
        load_demo(s)
    yield database
    database.dispose()


def test_backup_and_restore_through_pg_dump(team_db, paths, tmp_path):
    info = backup_database(team_db.engine, tmp_path / "team.dump")
    assert info.revision == head_revision(team_db.engine) and info.size > 0
    assert info.path.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    with team_db.engine.begin() as connection:
        for table in ("outbox", "rule_hits", "decisions"):  # what points at those comments (the demo's rule flags)
            connection.execute(text(f"DELETE FROM {table} WHERE comment_id > 40"))
        connection.execute(text("DELETE FROM comments WHERE id > 40"))
    with pytest.raises(ModeratorError, match="holds data; add --force"):
        restore_database(team_db.engine, info.path, paths.backups)
    assert count(team_db) == 40
    restored = restore_database(team_db.engine, info.path, paths.backups, force=True)
    assert count(team_db) == 54
    assert restored.replaced_copy is not None and check_backup(restored.replaced_copy, team_db.engine) == info.revision
    with team_db.sessions() as s:  # the search index and the status triggers came back with it
        assert s.execute(text("SELECT count(*) FROM comments WHERE fts_words @@ to_tsquery('moderator_words', 'the')")
                         ).scalar() > 0


def test_the_cli_backs_up_a_team_database(team_db, cli, tmp_path):
    out = tmp_path / "cli.dump"
    code, stdout, err = cli("--db", team_db.engine.url.render_as_string(hide_password=False), "backup", str(out))
    assert code == 0, err
    assert check_backup(out, team_db.engine) == head_revision(team_db.engine)


def test_a_file_that_is_no_dump_is_refused_in_one_sentence(team_db, paths, tmp_path):
    other = tmp_path / "notes.dump"
    other.write_text("shopping list\n")
    with pytest.raises(ModeratorError, match=r"is not a PostgreSQL dump .*; nothing was restored\.$"):
        restore_database(team_db.engine, other, paths.backups, force=True)
    assert count(team_db) == 54


def test_missing_programs_are_said_in_one_sentence(team_db, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # neither on PATH...
    monkeypatch.setattr(pgbackup, "SEARCHED", tmp_path / "nowhere")  # ...nor where Debian installs them
    with pytest.raises(ModeratorError) as refused:
        backup_database(team_db.engine, tmp_path / "team.dump")
    assert str(refused.value).startswith("PostgreSQL's pg_dump was not found (on PATH or in ")
    assert str(refused.value).count(".") == 1 + str(tmp_path).count(".")  # one sentence
    assert not (tmp_path / "team.dump").exists()


def test_a_migration_keeps_a_dump_of_the_older_schema_first(pg_server, paths):
    url = pg_server.empty_database()
    engine = make_engine(url)
    upgrade(engine, "0011")
    with engine.begin() as c:
        insert_old_comments(c, [(1, "text", "Ann", "pending")])
    engine.dispose()
    database = open_database(url, paths.backups)
    try:
        assert database.backup is not None and database.backup.suffix == ".dump"
        assert pgbackup.dump_revision(database.backup) == "0011"
    finally:
        database.dispose()
