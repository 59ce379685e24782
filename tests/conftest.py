"""Shared fixtures: every test gets its own data folder and real SQLite database."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import pytest

from moderator.cli.commands import main as cli_main
from moderator.config import AppPaths, resolve_db_url, resolve_paths
from moderator.importing.demo import load_demo
from moderator.storage.database import Database, open_database


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    app_paths = resolve_paths(str(tmp_path / "home"))
    app_paths.ensure()
    return app_paths


@pytest.fixture
def db(paths: AppPaths):
    database = open_database(resolve_db_url(paths), paths.backups)
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
def cli(paths: AppPaths, capsys):
    """Run the real `moderator` command in-process on the test's data folder."""

    def run(*args: str) -> tuple[int, str, str]:
        code = cli_main(["--home", str(paths.home), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
