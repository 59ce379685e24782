"""Schema migrations at start-up, after a backup copy of the database."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(engine: Engine, connection=None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    config.attributes["connection"] = connection
    return config


def head_revision(engine: Engine) -> str:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(engine, connection), revision)


def prepare_database(engine: Engine, backups: Path) -> Path | None:
    """Bring the schema to head. Returns the backup made first, if a migration was due.

    A database that has tables but an older revision is copied aside before it is
    touched; a brand-new one needs no copy.
    """
    if current_revision(engine) == head_revision(engine):
        return None
    backup = None
    if inspect(engine).get_table_names() and engine.dialect.name == "sqlite":
        backup = backup_sqlite(engine, backups, label=f"pre-migration-{current_revision(engine)}")
    upgrade(engine)
    return backup


def backup_sqlite(engine: Engine, folder: Path, label: str) -> Path:
    """A consistent copy through SQLite's online backup, safe while others read or write."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"moderator-{label}-{stamp}.sqlite"
    source_path = engine.url.database
    with sqlite3.connect(source_path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target
