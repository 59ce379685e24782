"""The PostgreSQL test server and the schema on it: migrations from empty, `alembic check`,
and the same database fixtures on both backends."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from alembic import command
from sqlalchemy import func, select, text

from moderator.cli.teamcheck import check_team_database
from moderator.importing.demo import load_demo
from moderator.storage.database import open_database
from moderator.storage.engine import make_engine
from moderator.storage.migrate import alembic_config, current_revision, head_revision, upgrade
from moderator.storage.models import Comment, Decision

pytestmark = pytest.mark.both_databases


def test_each_backend_opens_a_database_of_its_own(db, backend):
    assert db.engine.dialect.name == backend
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Comment)) == 0


def test_the_demo_loads_on_each_backend(demo_db):
    with demo_db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Comment)) == 54


def test_models_and_migrations_never_drift_on_either_backend(db):
    with db.engine.begin() as connection:
        command.check(alembic_config(db.engine, connection))  # raises if autogenerate finds a difference


def test_postgresql_migrates_from_empty(pg_server):
    engine = make_engine(pg_server.empty_database())
    try:
        assert current_revision(engine) is None
        upgrade(engine)
        assert current_revision(engine) == head_revision(engine)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM comments")).scalar() == 0
    finally:
        engine.dispose()


STARTER = """
import sys, time
from moderator.storage.database import open_database
start = float(sys.argv[3])
while time.time() < start:  # both begin at one moment
    time.sleep(0.001)
database = open_database(sys.argv[1], sys.argv[2])
database.dispose()
"""


def test_two_apps_starting_at_once_migrate_once(pg_server, tmp_path):
    """The first migrates under the database's lock; the second waits, then finds the schema
    at head (without the lock, both created the tables and one failed)."""
    url = pg_server.empty_database()
    start = time.time() + 2.0  # after both processes have imported the app
    apps = [subprocess.Popen([sys.executable, "-c", STARTER, url, str(tmp_path / f"backups{i}"), str(start)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(2)]
    results = [app.communicate(timeout=120) for app in apps]
    assert [app.returncode for app in apps] == [0, 0], [err[-800:] for _out, err in results]
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [
                head_revision(engine)]
    finally:
        engine.dispose()


def test_the_team_database_check_reads_and_leaves_nothing_changed(pg_url, paths):
    database = open_database(pg_url, paths.backups)
    with database.sessions() as session:
        load_demo(session)
        before = session.scalar(select(func.count()).select_from(Decision))  # the demo's rules flag some on arrival
    lines: list[str] = []
    assert check_team_database(pg_url, lines.append) == 0, lines
    assert lines[0].startswith("ok: connected to postgresql+psycopg://postgres@127.0.0.1") and "as postgres" in lines[0]
    assert any("status triggers and the full-text index are in place" in line for line in lines)
    assert any("written and rolled back" in line for line in lines) and lines[-1] == "team database check passed"
    with database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Decision)) == before  # the check's decision was rolled back
    database.dispose()


def test_the_team_database_check_says_what_fails_in_one_line(pg_server):
    lines: list[str] = []
    unreachable = pg_server.url("no_such_database")
    assert check_team_database(unreachable, lines.append) == 1
    assert len(lines) == 1 and "no_such_database" in lines[0]
    assert lines[0].startswith("FAILED: The team database cannot be reached (")
    assert "\n" not in lines[0] and "sqlalche.me" not in lines[0]


@pytest.mark.sqlite_only  # the test's own database is not the one named
def test_a_team_database_that_cannot_be_reached_is_one_sentence(pg_server, cli):
    code, out, err = cli("--db", pg_server.url("no_such_database"), "stats")
    assert code == 1 and out == ""
    assert err.startswith("moderator: The team database cannot be reached (") and 'database "no_such_database"' in err
    assert err.count("\n") == 1 and "Traceback" not in err
