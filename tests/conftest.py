"""Shared fixtures: every test gets its own data folder and real database: SQLite, or for the
modules marked `both_databases` each test once on SQLite and once on PostgreSQL (a throwaway
server for the session, tests/pgserver.py; a database of its own for each test)."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import pytest

from moderator.cli.commands import main as cli_main
from moderator.config import AppPaths, resolve_db_url, resolve_paths
from moderator.importing.demo import load_demo
from moderator.storage.database import Database, open_database
from tests.pgserver import PostgresServer
from tests.siteservers import ServerUnavailable

BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "both_databases: run each test on SQLite and on PostgreSQL")
    config.addinivalue_line("markers", "sqlite_only: in a both_databases module, a test of SQLite's own machinery")


def pytest_generate_tests(metafunc) -> None:
    """A test of a `both_databases` module that uses the database runs on each backend
    (except a test marked `sqlite_only`: SQLite's own indexes, locks, stored formats)."""
    marked = metafunc.definition.get_closest_marker
    if not marked("both_databases") or marked("sqlite_only"):
        return
    if "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", BACKENDS, indirect=True)
    if "module_backend" in metafunc.fixturenames:
        metafunc.parametrize("module_backend", BACKENDS, indirect=True, scope="module")


@pytest.fixture(scope="session")
def pg_server():
    """The session's PostgreSQL server; one that cannot start fails the test, never skips it."""
    server = PostgresServer()
    try:
        server.start()
    except ServerUnavailable as why:
        server.stop()
        pytest.fail(f"The PostgreSQL test server could not start: {why}", pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: PostgresServer):
    """A PostgreSQL database of the test's own, schema at head; dropped after the test."""
    url = pg_server.fresh_database()
    yield url
    pg_server.drop(url)


@pytest.fixture
def backend(request) -> str:
    """"sqlite" or "postgresql": which database the test's `db_url` opens (parametrised for
    the modules marked `both_databases`; SQLite for the rest)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def db_url(backend: str, paths: AppPaths, request) -> str:
    """The test's database URL: the SQLite file in its data folder, or its own PostgreSQL database."""
    if backend == "postgresql":
        return request.getfixturevalue("pg_url")
    return resolve_db_url(paths)


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    app_paths = resolve_paths(str(tmp_path / "home"))
    app_paths.ensure()
    return app_paths


@pytest.fixture(scope="module")
def module_backend(request) -> str:
    """As `backend`, for a module's shared, read-only database (`module_db_url`)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="module")
def module_db_url(module_backend: str, tmp_path_factory, request):
    """A database URL the tests of one module share (built once, read by all), on its backend."""
    if module_backend == "postgresql":
        server = request.getfixturevalue("pg_server")
        url = server.fresh_database()
        yield url
        server.drop(url)
    else:
        yield f"sqlite:///{tmp_path_factory.mktemp('shared') / 'shared.sqlite'}"


@pytest.fixture
def db(db_url: str, paths: AppPaths):
    database = open_database(db_url, paths.backups)
    yield database
    database.dispose()


@pytest.fixture
def session(db: Database):
    with db.sessions() as s:
        yield s


@pytest.fixture
def demo_db(db: Database) -> Database:
    with db.sessions() as s:
        load_demo(s)
    return db


@pytest.fixture
def cli(paths: AppPaths, backend: str, request, capsys):
    """Run the real `moderator` command in-process on the test's data folder (and, on
    PostgreSQL, with `--db` naming the test's database)."""
    database = ["--db", request.getfixturevalue("db_url")] if backend == "postgresql" else []

    def run(*args: str) -> tuple[int, str, str]:
        code = cli_main(["--home", str(paths.home), *database, *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
