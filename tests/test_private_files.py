"""Who can read the files: the data folder, database (with its -wal and -shm), backups,
pre-migration copies, exports, log and settings are readable by their owner only, on
a fresh data folder and on one an earlier version left readable by others; a failed
statement's message never carries the values it bound."""

from __future__ import annotations

import os
import sqlite3
import stat
import traceback
from pathlib import Path

import pytest
from sqlalchemy import text

from moderator.cli.commands import main
from moderator.config import resolve_paths
from moderator.moderation.decisions import reply
from moderator.storage.database import open_database
from moderator.storage.engine import make_engine
from moderator.storage.migrate import upgrade

PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700


@pytest.fixture(autouse=True)
def umask_that_lets_others_read():
    """The usual umask: anything not created with care comes out 0644 / 0755."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run(home: Path, *args: str) -> None:
    assert main(["--home", str(home), *args]) == 0


def test_a_fresh_data_folder_and_everything_written_is_private(tmp_path):
    home = tmp_path / "fresh"
    run(home, "demo")
    run(home, "decide", "1", "approve")
    run(home, "backup", str(tmp_path / "nightly.sqlite"))
    run(home, "export", "decisions", str(tmp_path / "decisions.csv"))
    run(home, "export", "decisions", str(tmp_path / "decisions.jsonl"))
    paths = resolve_paths(str(home))
    for folder in (home, paths.backups, paths.logs, paths.models):
        assert mode(folder) == PRIVATE_FOLDER, folder
    for file in (paths.database, paths.settings_file, paths.log_file, tmp_path / "nightly.sqlite",
                 tmp_path / "decisions.csv", tmp_path / "decisions.jsonl"):
        assert mode(file) == PRIVATE_FILE, file


def test_the_write_ahead_log_and_shared_memory_files_are_private(tmp_path):
    run(tmp_path / "home", "demo")
    engine = make_engine(f"sqlite:///{tmp_path / 'home' / 'moderator.sqlite'}")
    with engine.connect() as connection:  # held open: the -wal and -shm files exist meanwhile
        connection.execute(text("UPDATE comments SET body = body || ' ' WHERE id = 1"))
        connection.commit()
        for suffix in ("-wal", "-shm"):
            assert mode(tmp_path / "home" / f"moderator.sqlite{suffix}") == PRIVATE_FILE
    engine.dispose()


def test_settings_written_by_the_app_stay_private(tmp_path):
    from moderator.gui.settings import MODERATOR_NAME, Settings

    paths = resolve_paths(str(tmp_path / "home"))
    paths.ensure()
    settings = Settings(paths.settings_file)
    settings.set(MODERATOR_NAME, "ana")
    settings.sync()
    assert "ana" in paths.settings_file.read_text() and mode(paths.settings_file) == PRIVATE_FILE


def test_a_pre_migration_copy_is_private(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    engine = make_engine(f"sqlite:///{home / 'moderator.sqlite'}")
    upgrade(engine, "0001")
    engine.dispose()
    os.chmod(home / "moderator.sqlite", 0o644)
    run(home, "stats")
    copies = list((home / "backups").glob("moderator-pre-migration-0001-*.sqlite"))
    assert len(copies) == 1 and mode(copies[0]) == PRIVATE_FILE


def test_an_existing_loose_data_folder_is_tightened_on_start(tmp_path):
    home = tmp_path / "loose"
    run(home, "demo")
    paths = resolve_paths(str(home))
    (paths.backups / "old.sqlite").write_bytes(b"copy")
    other = sqlite3.connect(paths.database)  # another program holds it open: -wal and -shm exist
    other.execute("UPDATE comments SET body = body || ' ' WHERE id = 1")
    other.commit()
    loose = {home: 0o755, paths.backups: 0o775, paths.logs: 0o755, paths.models: 0o755,
             paths.database: 0o644, home / "moderator.sqlite-wal": 0o644, home / "moderator.sqlite-shm": 0o644,
             paths.settings_file: 0o664, paths.log_file: 0o644, paths.backups / "old.sqlite": 0o644}
    for path, loose_mode in loose.items():
        os.chmod(path, loose_mode)
    run(home, "stats")
    assert {path: mode(path) for path in loose} == {
        path: PRIVATE_FOLDER if path.is_dir() else PRIVATE_FILE for path in loose}
    other.close()


def test_a_failed_write_never_reports_what_it_bound(paths):
    """What the app logs of a failed write (its full trace) holds no reply text, phone or e-mail."""
    database = open_database(f"sqlite:///{paths.database}", paths.backups)
    with database.sessions() as session:
        from moderator.importing.demo import load_demo

        load_demo(session)
    with sqlite3.connect(paths.database) as raw:  # the disk refuses the next comment
        raw.execute("CREATE TRIGGER refuse BEFORE INSERT ON comments BEGIN SELECT RAISE(ABORT, 'refused'); END")
    secret = "Call me on +44 20 7946 0958 or jane.doe@example.org"
    with database.sessions() as session, pytest.raises(Exception) as failure:
        reply(session, 1, secret, "ana")
        session.commit()
    logged = "".join(traceback.format_exception(failure.value))
    assert "refused" in logged and "7946" not in logged and "example.org" not in logged
    database.dispose()
