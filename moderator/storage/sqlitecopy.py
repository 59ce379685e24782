"""The one way the app copies an SQLite database, for backups, pre-migration and
pre-restore copies alike: SQLite's online backup, a consistent snapshot taken in one
step while others keep reading and writing (WAL), written aside, made one
self-contained file (no -wal beside it), readable by its owner only, and renamed
into place, so a copy is never half written."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from moderator.filemodes import private_file, private_folder


def copy_database(source: str | Path, target: Path) -> Path:
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    private_file(partial)  # the copy's journal, if any, takes this mode too
    try:
        with closing(sqlite3.connect(source)) as live, closing(sqlite3.connect(partial)) as copy:
            live.backup(copy)  # all pages in one step: one consistent snapshot
            copy.execute("PRAGMA journal_mode=DELETE")
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    return target


def database_file(engine: Engine) -> str | None:
    """The SQLite file the engine opens; None for an in-memory database or another backend."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return database


def copy_aside(engine: Engine, folder: Path, label: str) -> Path:
    """A copy of the engine's database file in `folder`, named by `label` and the time."""
    source = database_file(engine)
    if source is None:
        raise ValueError(f"{engine.url!r} opens no SQLite database file: there is nothing to copy")
    private_folder(folder)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return copy_database(source, folder / f"moderator-{label}-{stamp}.sqlite")
