"""The copy of a database kept before the app changes it (a migration, a restore): SQLite's
online backup of the file (sqlitecopy.py), or on PostgreSQL a dump (pgbackup.py)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from moderator.storage import pgbackup, sqlitecopy


def copy_aside(engine: Engine, folder: Path, label: str) -> Path | None:
    """The copy, in `folder`; None when there is nothing on disk to protect (SQLite in memory)."""
    if engine.dialect.name == "postgresql":
        return pgbackup.copy_aside(engine, folder, label)
    if sqlitecopy.database_file(engine) is None:
        return None
    return sqlitecopy.copy_aside(engine, folder, label)
