"""Builders the connector tests share: a connection in the test's database, a sync run
the way the command line runs it (a write session per step)."""

from __future__ import annotations

from typing import Any

from moderator.connectors.base import Connector
from moderator.connectors.connections import ConnectionRow, add_connection, connection, make_connector
from moderator.connectors.sync import SyncReport, sync
from moderator.storage.database import Database


def runner(db: Database):
    def read(operation) -> Any:
        with db.sessions() as session:
            return operation(session)

    def write(operation) -> Any:
        with db.write_sessions() as session:
            result = operation(session)
            session.commit()
            return result

    return read, write


def connect(db: Database, kind: str, url: str, username: str, secret: str, **options: Any) -> tuple[ConnectionRow, Connector]:
    connector = make_connector(kind, url, username, secret)
    identity = connector.check()
    read, write = runner(db)
    connection_id = write(lambda s: add_connection(s, kind, url, username, connector.site_key, identity.site_name,
                                                   "session", **options))
    return read(lambda s: connection(s, connection_id)), connector


def sync_now(db: Database, connection_id: int, connector: Connector, **options: Any) -> SyncReport:
    read, write = runner(db)
    return sync(read(lambda s: connection(s, connection_id)), connector, read, write, **options)
