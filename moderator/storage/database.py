"""Opening the app's database: create or migrate it, and say whether it is new."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect
from sqlalchemy.orm import Session, sessionmaker

from moderator.storage.engine import make_engine, make_session_factory
from moderator.storage.migrate import prepare_database
from moderator.storage.staging import recover


@dataclass
class Database:
    engine: Engine
    sessions: sessionmaker[Session]  # for reading: each session sees one snapshot
    write_sessions: sessionmaker[Session]  # for writing: each takes the write lock when it begins
    # for a decision on one comment, its undo, a claim: the write lock shared on PostgreSQL
    # (engine.SHARED: decisions of a team side by side), any write session's on SQLite
    decision_sessions: sessionmaker[Session]
    # for an import: on PostgreSQL the write lock shared and the import lock alone (engine.IMPORTING)
    import_sessions: sessionmaker[Session]
    created: bool  # True when this open created the schema (first start)
    backup: Path | None  # copy made before a migration, if one ran

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, backups: Path) -> Database:
    engine = make_engine(url)
    created = "comments" not in inspect(engine).get_table_names()
    backup = prepare_database(engine, backups)
    recover(engine)  # an import a crash cut short: rolled back, or completed
    return Database(engine, make_session_factory(engine), make_session_factory(engine, write=True),
                    make_session_factory(engine, write=True, shared=True),
                    make_session_factory(engine, write=True, importing=True), created, backup)
