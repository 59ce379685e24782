"""Schema migrations at start-up, after a backup copy of the database.

A database already at the newest revision is the usual start: that is checked without
loading alembic (`at_head`: the revision table read with plain SQL, the newest revision
read from the migration files' own `revision` / `down_revision` lines), which keeps
alembic's import (about a tenth of a second) out of every start. Anything else, or any
doubt, goes through alembic as before."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from moderator.errors import ModeratorError
from moderator.storage.copies import copy_aside

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:'([^']*)'|\"([^\"]*)\"|None)\s*$", re.MULTILINE)


def newest_revision_in_files() -> str | None:
    """The one revision no other revises, read from the files; None when that is not
    plainly so (a branch, a file written another way): alembic then decides."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        if script.name == "__init__.py":
            continue
        found = {kind: a or b for kind, a, b in _REVISION_LINE.findall(script.read_text(encoding="utf-8"))}
        if "revision" not in found or "down_revision" not in found:
            return None
        revisions.add(found["revision"])
        if found["down_revision"]:
            revised.add(found["down_revision"])
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None


def at_head(engine: Engine) -> bool:
    """True when the database is surely at the newest revision (False: ask alembic)."""
    newest = newest_revision_in_files()
    if newest is None:
        return False
    try:
        with engine.connect() as connection:
            stored = list(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())
    except DBAPIError:  # no revision table: a new database (SQLite says OperationalError, PostgreSQL ProgrammingError)
        return False
    return stored == [newest]


def alembic_config(engine: Engine, connection: Connection | None = None) -> Config:
    import sys

    from alembic.config import Config
    # stdout as it is now: Config's default is the sys.stdout of when alembic was first imported,
    # which a test's captured (and since closed) output could be.
    config = Config(stdout=sys.stdout)
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    config.attributes["connection"] = connection
    return config


def head_revision(engine: Engine) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    if head is None:  # only if the migrations folder lost its revisions: a broken installation
        raise RuntimeError(f"no schema revisions in {MIGRATIONS}")
    return head


def known_revisions(engine: Engine) -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config(engine)).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(engine, connection), revision)


# PostgreSQL: the advisory lock the app that migrates holds (any number no other program
# on the team's database uses for its own advisory locks).
MIGRATION_LOCK_KEY = 0x6D6F6401  # "mod", 1


@contextmanager
def _postgresql_migration_lock(engine: Engine) -> Iterator[None]:
    """A session-level advisory lock on a connection of its own, held while the schema is
    checked and migrated: a second app starting at the same moment waits, then finds the
    schema at head. It ends with the connection, even if the app is killed."""
    with engine.connect() as connection:
        connection.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})")
        connection.commit()  # a session's lock outlives the transaction that took it
        try:
            yield
        finally:
            connection.exec_driver_sql(f"SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})")
            connection.commit()


# Who may migrate now, per database. SQLite: one app per data folder (the single-instance
# lock), and a second process writing at once waits for SQLite's own write lock.
_MIGRATION_LOCKS: dict[str, Callable[[Engine], AbstractContextManager[None]]] = {
    "postgresql": _postgresql_migration_lock,
}


def _owns_schema_postgresql(connection: Connection) -> bool:
    """Is the user (or a role it belongs to) the owner of the schema's tables? Only the owner
    may alter them: a `moderator` role (docs/team.md) may not."""
    return bool(connection.execute(text(
        "SELECT pg_has_role(current_user, tableowner, 'USAGE') FROM pg_tables "
        "WHERE schemaname = current_schema() AND tablename = 'alembic_version'")).scalar())


# May this connection's user migrate an existing schema, per database (SQLite: whoever may
# write the file may).
_MAY_MIGRATE: dict[str, Callable[[Connection], bool]] = {"postgresql": _owns_schema_postgresql}


def _refuse_if_not_owner(engine: Engine, current: str) -> None:
    """A moderator's app on a schema older than itself: one sentence for them to pass on,
    before anything is copied or tried."""
    may = _MAY_MIGRATE.get(engine.dialect.name)
    if may is None:
        return
    with engine.connect() as connection:
        if may(connection):
            return
        user = connection.execute(text("SELECT current_user")).scalar()
    raise ModeratorError(f"The team database needs an upgrade by a lead: its schema is {current} and this version "
                         f"of the app needs {head_revision(engine)}, which {user} may not make; ask the person who "
                         "looks after it to start this version once as the schema's owner (docs/team.md), then "
                         "open it again.")


def migration_lock(engine: Engine) -> AbstractContextManager[None]:
    lock = _MIGRATION_LOCKS.get(engine.dialect.name)
    return lock(engine) if lock is not None else nullcontext()


def prepare_database(engine: Engine, backups: Path) -> Path | None:
    """Bring the schema to head, one app at a time. Returns the backup made first, if a
    migration was due.

    A database that has tables but an older revision is copied aside before it is
    touched; a brand-new one needs no copy.
    """
    if at_head(engine):
        return None
    with migration_lock(engine):
        return _migrate(engine, backups)


def _migrate(engine: Engine, backups: Path) -> Path | None:
    current = current_revision(engine)
    if current == head_revision(engine):
        return None
    if current is not None and current not in known_revisions(engine):  # checked before any copy is made
        where = engine.url.database or engine.url.render_as_string(hide_password=True)
        raise ModeratorError(f"The database {where} was made by a newer version of the app (schema {current}); "
                             "update the app to open it.")
    if current is not None:
        _refuse_if_not_owner(engine, current)
    backup = None
    # A database that holds tables is copied first (a file, or a dump on PostgreSQL).
    if inspect(engine).get_table_names():
        backup = copy_aside(engine, backups, label=f"pre-migration-{current}")
    upgrade(engine)
    return backup
