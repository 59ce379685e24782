"""The rough edges of backup, restore and opening a database, through the real command:
each ends in one sentence, never in "unexpected error", and changes nothing."""

from __future__ import annotations

import sqlite3

from moderator.storage.engine import make_engine
from moderator.storage.migrate import head_revision


def one_sentence(code: int, err: str) -> bool:
    return code == 1 and err.count("\n") == 1 and "unexpected error" not in err and "Traceback" not in err


def test_backup_into_a_missing_folder(cli, tmp_path):
    cli("demo")
    code, _, err = cli("backup", str(tmp_path / "no-such-folder" / "copy.sqlite"))
    assert one_sentence(code, err) and "does not exist" in err
    assert not (tmp_path / "no-such-folder").exists()


def test_backup_onto_a_folder(cli, tmp_path):
    cli("demo")
    code, _, err = cli("backup", str(tmp_path), "--force")
    assert one_sentence(code, err) and "is a folder" in err


def test_backup_refuses_the_live_database_even_with_force(cli, paths, tmp_path):
    cli("demo")
    before = paths.database.read_bytes()
    code, _, err = cli("backup", str(paths.database), "--force")
    assert one_sentence(code, err) and "live database" in err
    (tmp_path / "link.sqlite").symlink_to(paths.database)
    code, _, err = cli("backup", str(tmp_path / "link.sqlite"), "--force")
    assert one_sentence(code, err) and "live database" in err
    assert paths.database.read_bytes() == before and cli("stats")[0] == 0


def test_a_database_from_a_newer_version_is_refused_before_any_copy(cli, paths):
    cli("demo")
    with sqlite3.connect(paths.database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00dfeed'")
    code, _, err = cli("stats")
    assert one_sentence(code, err) and "newer version of the app" in err and "f00dfeed" in err
    assert list(paths.backups.iterdir()) == []  # no "pre-migration" copy of a database it cannot open


def test_restoring_a_damaged_file_says_so_in_one_sentence(cli, paths, tmp_path):
    cli("demo")
    backup = tmp_path / "copy.sqlite"
    assert cli("backup", str(backup))[0] == 0
    data = bytearray(backup.read_bytes())
    for offset in range(3 * 4096 + 100, len(data) - 4096, 4096):  # scribble over the pages' contents
        data[offset:offset + 64] = b"\xff" * 64
    backup.write_bytes(bytes(data))
    code, _, err = cli("restore", str(backup), "--force")
    assert one_sentence(code, err) and "damaged" in err and len(err) < 400


def test_restoring_a_file_with_many_integrity_problems_names_the_first_and_counts(cli, paths, tmp_path):
    cli("demo")
    backup = tmp_path / "copy.sqlite"
    assert cli("backup", str(backup))[0] == 0
    with sqlite3.connect(backup) as connection:  # an index that no longer matches its table: 54 findings
        connection.execute("PRAGMA writable_schema=ON")
        connection.execute("UPDATE sqlite_master SET sql = replace(sql, '(status,', '(body,') "
                           "WHERE name = 'ix_comments_status_created'")
    code, _, err = cli("restore", str(backup), "--force")
    assert one_sentence(code, err) and "row 1 missing from index" in err and "and 53 more problems" in err


def test_the_database_is_unchanged_after_a_refused_restore(cli, paths, tmp_path):
    cli("demo")
    (tmp_path / "not.sqlite").write_text("not a database")
    code, _, err = cli("restore", str(tmp_path / "not.sqlite"), "--force")
    assert one_sentence(code, err)
    engine = make_engine(f"sqlite:///{paths.database}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM comments").scalar() == 54
        assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision(engine)
    engine.dispose()

