"""Schema migrations at start-up, after a backup copy of the database."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from moderator.errors import ModeratorError
from moderator.storage.sqlitecopy import copy_aside, database_file

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(engine: Engine, connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    config.attributes["connection"] = connection
    return config


def head_revision(engine: Engine) -> str:
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    if head is None:  # only if the migrations folder lost its revisions: a broken installation
        raise RuntimeError(f"no schema revisions in {MIGRATIONS}")
    return head


def known_revisions(engine: Engine) -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(alembic_config(engine)).walk_revisions()}


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
    current = current_revision(engine)
    if current == head_revision(engine):
        return None
    if current is not None and current not in known_revisions(engine):  # checked before any copy is made
        where = engine.url.database or engine.url.render_as_string(hide_password=True)
        raise ModeratorError(f"The database {where} was made by a newer version of the app (schema {current}); "
                             "update the app to open it.")
    backup = None
    # A database file is copied first; an in-memory one has nothing on disk to protect.
    if inspect(engine).get_table_names() and database_file(engine) is not None:
        backup = copy_aside(engine, backups, label=f"pre-migration-{current}")
    upgrade(engine)
    return backup
