"""Full backup and restore of the database.

On SQLite a backup is SQLite's online backup: a consistent copy taken in one step while
the app keeps reading and writing (WAL). On PostgreSQL (a team database) it is a dump by
PostgreSQL's own pg_dump, restored by pg_restore (pgbackup.py): the app finds them and
says so when they are missing. A restore checks the file first (SQLite's integrity check,
our tables, a schema revision this version knows; a dump's revision), refuses to replace a
database that holds data unless forced, keeps a copy of what it replaces, then migrates
the restored database if it is older than the app.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from moderator.errors import ModeratorError
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence
from moderator.storage import pgbackup
from moderator.storage.copies import copy_aside
from moderator.storage.migrate import known_revisions, prepare_database
from moderator.storage.sqlitecopy import copy_database

TABLES = {"sites", "articles", "comments", "decisions", "alembic_version"}


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int  # bytes
    revision: str  # the schema revision inside


@dataclass(frozen=True)
class RestoreInfo:
    source: Path
    revision: str  # the backup's schema revision (before any migration)
    replaced_copy: Path | None  # where the replaced database was saved, if it held data


def _on_postgresql(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def backup_database(engine: Engine, out: Path, force: bool = False) -> BackupInfo:
    out = Path(out)
    if _on_postgresql(engine):
        _check_target(out, None, force, "moderator-backup.dump")
        pgbackup.dump(engine, out)
    else:
        source = _sqlite_file(engine)
        _check_target(out, Path(source), force)
        copy_database(source, out)
    return BackupInfo(out, out.stat().st_size, check_backup(out, engine))


def _check_target(out: Path, source: Path | None, force: bool, example: str = "moderator-backup.sqlite") -> None:
    if not out.parent.is_dir():
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "The folder {parent} does not exist; create it or choose another place for the backup."),
            parent=out.parent))
    if out.is_dir():
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{out} is a folder; give the backup a file name, e.g. {example}."),
            out=out, example=out / example))
    if out.exists() and not force:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{out} exists already; choose another name, or add --force to replace it."), out=out))
    if source is None:  # a dump: no live file to mistake it for
        return
    live = {source.resolve()} | {source.resolve().with_name(source.name + s) for s in ("-wal", "-shm", "-journal")}
    if out.resolve() in live or (out.exists() and source.exists() and out.samefile(source)):
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{out} is the live database itself; choose another file for the backup."), out=out))


def check_backup(path: Path, engine: Engine) -> str:
    """The backup's schema revision, once it has passed the checks; else a ModeratorError."""
    path = Path(path)
    if not path.is_file():
        raise ModeratorError(Sentence.of(QT_TRANSLATE_NOOP("errors", "{path}: no such file."), path=path))
    revision = pgbackup.dump_revision(path) if _on_postgresql(engine) else _sqlite_revision(path)
    if revision not in known_revisions(engine):
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{path} was made by a newer version of the app (schema {revision}); update the app "
                                        "first."),
            path=path, revision=revision))
    return revision


def _sqlite_revision(path: Path) -> str:
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            problems = [row[0] for row in db.execute("PRAGMA integrity_check")]
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            found = db.execute("SELECT version_num FROM alembic_version").fetchone() if "alembic_version" in tables else None
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:  # a damaged page's bytes may reach SQLite's message
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{path} is not an SQLite database or is damaged ({error}); nothing was restored."),
            path=path, error=error)) from None
    if problems != ["ok"]:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{path} is damaged ({first_problem}); nothing was restored."),
            path=path, first_problem=_first_problem(problems)))
    if not TABLES <= tables or found is None:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{path} is not a Comment Moderator database; nothing was restored."), path=path))
    return str(found[0])  # the file is anyone's: whatever it holds is compared as text


def restore_database(engine: Engine, source: Path, backups: Path, force: bool = False) -> RestoreInfo:
    """Replace the database's content with the backup's. Close the app first."""
    revision = check_backup(source, engine)
    target = engine.url.render_as_string(hide_password=True) if _on_postgresql(engine) else _sqlite_file(engine)
    holds_data = _holds_data(engine)
    if holds_data and not force:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "The database {target} holds data; add --force to replace it with {source} (a copy of it "
                                        "is kept in the backups folder first)."), target=target, source=source))
    replaced = copy_aside(engine, backups, label="pre-restore") if holds_data else None
    engine.dispose()
    if _on_postgresql(engine):
        pgbackup.restore(engine, Path(source))
    else:
        with closing(sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)) as backup, \
                closing(sqlite3.connect(target)) as live:
            backup.backup(live)  # page by page under SQLite's locks: never a half-copied file
    engine.dispose()
    prepare_database(engine, backups)  # an older backup is brought up to this version's schema
    return RestoreInfo(Path(source), revision, replaced)


def _first_problem(problems: list[str]) -> str:
    """The integrity check's first finding, and how many more: its full report is pages long."""
    lines = [line.strip() for row in problems for line in row.splitlines()
             if line.strip() and not line.startswith("***")]
    more = f", and {len(lines) - 1} more problems" if len(lines) > 1 else ""
    return f"SQLite's integrity check: {lines[0][:120] if lines else 'failed'}{more}"


def _sqlite_file(engine: Engine) -> str:
    if engine.dialect.name != "sqlite" or not engine.url.database:
        raise ModeratorError(Sentence(
            QT_TRANSLATE_NOOP("errors", "Backup and restore work on an SQLite database file or a PostgreSQL database.")))
    return engine.url.database


def _holds_data(engine: Engine) -> bool:
    tables = set(inspect(engine).get_table_names()) & {"articles", "comments", "decisions"}
    with engine.connect() as connection:
        return any(connection.execute(text(f"SELECT 1 FROM {table} LIMIT 1")).first() for table in sorted(tables))
