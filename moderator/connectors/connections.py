"""Connections in the database: add, list, switch on and off, remove; what each did last.

A connection belongs to one site (the site its export files name, so a site imported from
a file and then connected is one site). Its secret is kept by `secrets.Secrets`, never here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from moderator.connectors.base import Connector, check_address
from moderator.connectors.secrets import PLACES, Secrets
from moderator.errors import ModeratorError, NotFoundError
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence
from moderator.moderation.outbox import HELD, TO_SEND
from moderator.storage.models import Connection, OutboxItem, Site, utcnow

KINDS = ("wordpress", "isso")
OFFLINE = "Offline"  # how a last error that was no answer at all begins


def connector_class(kind: str) -> type[Connector]:
    if kind == "wordpress":
        from moderator.connectors.wordpress import WordPress

        return WordPress
    if kind == "isso":
        from moderator.connectors.isso import Isso

        return Isso
    raise ModeratorError(Sentence.of(
        QT_TRANSLATE_NOOP("errors", "'{kind}' is not a kind of site the app connects to; use one of: {known}."),
        kind=kind, known=', '.join(KINDS)))


def make_connector(kind: str, url: str, username: str, secret: str) -> Connector:
    return connector_class(kind)(check_address(url), username, secret)


@dataclass(frozen=True)
class ConnectionRow:
    id: int
    site_id: int
    site_key: str
    site_name: str
    kind: str
    url: str
    username: str
    enabled: bool
    secret_kept: str
    hide_statuses: Mapping[str, str]
    pull_every: int
    cursor: Mapping[str, str]
    last_pull_at: datetime | None
    last_push_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    to_send: int = 0
    held: int = 0

    @property
    def offline(self) -> bool:
        return bool(self.last_error and self.last_error.startswith(OFFLINE))

    def as_json(self) -> dict[str, object]:
        def when(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        return {"id": self.id, "site": self.site_key, "kind": self.kind, "url": self.url, "user": self.username,
                "on": self.enabled, "secret_kept": self.secret_kept, "last_pull": when(self.last_pull_at),
                "last_push": when(self.last_push_at), "to_send": self.to_send, "held": self.held,
                "last_error": self.last_error, "offline": self.offline}


def add_connection(session: Session, kind: str, url: str, username: str, site_key: str, site_name: str,
                   secret_kept: str, hide_statuses: Mapping[str, str] | None = None, pull_every: int = 300) -> int:
    """A new connection (its credentials checked by the caller first: `Connector.check`)."""
    if secret_kept not in PLACES:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "A secret is kept in one of: {known}; not '{secret_kept}'."),
            known=', '.join(PLACES), secret_kept=secret_kept))
    from moderator.importing import get_or_create_site  # the import pipeline: loaded when first needed

    site = get_or_create_site(session, site_key, site_name)
    if session.scalar(select(Connection.id).where(Connection.site_id == site.id)) is not None:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{site_key} is connected already; remove that connection first to connect it again."),
            site_key=site_key))
    connection = Connection(site_id=site.id, kind=connector_class(kind).kind, url=check_address(url), username=username,
                            secret_kept=secret_kept, hide_statuses=dict(hide_statuses or {}), pull_every=pull_every,
                            enabled=True, pull_cursor={})
    session.add(connection)
    session.flush()
    return connection.id


def connections(session: Session) -> list[ConnectionRow]:
    counts = {(cid, state): n for cid, state, n in session.execute(
        select(OutboxItem.connection_id, OutboxItem.state, func.count())
        .where(OutboxItem.state.in_((*TO_SEND, HELD))).group_by(OutboxItem.connection_id, OutboxItem.state))}
    rows = session.execute(select(Connection, Site.key, Site.name).join(Site).order_by(Connection.id)).all()
    return [_row(c, key, name, sum(counts.get((c.id, s), 0) for s in TO_SEND), counts.get((c.id, HELD), 0))
            for c, key, name in rows]


def connection(session: Session, key_or_id: str | int) -> ConnectionRow:
    for row in connections(session):
        if str(key_or_id) in (str(row.id), row.site_key):
            return row
    raise NotFoundError(Sentence.of(
        QT_TRANSLATE_NOOP("errors", "There is no connection '{key_or_id}'; `moderator sites list` shows them."),
        key_or_id=key_or_id))


def _row(c: Connection, key: str, name: str, to_send: int, held: int) -> ConnectionRow:
    return ConnectionRow(c.id, c.site_id, key, name, c.kind, c.url, c.username, c.enabled, c.secret_kept,
                         dict(c.hide_statuses or {}), c.pull_every, dict(c.pull_cursor or {}), c.last_pull_at,
                         c.last_push_at, c.last_error, c.last_error_at, to_send, held)


def set_enabled(session: Session, connection_id: int, enabled: bool) -> None:
    session.execute(update(Connection).where(Connection.id == connection_id).values(enabled=enabled))


def set_hide_status(session: Session, connection_id: int, reason: str, site_status: str) -> None:
    row = session.get(Connection, connection_id)
    if row is None:
        raise NotFoundError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "There is no connection {connection_id}."), connection_id=connection_id))
    row.hide_statuses = {**(row.hide_statuses or {}), reason: site_status}


def remove_connection(session: Session, connection_id: int, secrets: Secrets) -> int:
    """The connection goes with its outbox (the decisions stay, in the audit log; the
    decisions file hands them back); → how many rows were still to send or held."""
    row = session.get(Connection, connection_id)
    if row is None:
        raise NotFoundError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "There is no connection {connection_id}."), connection_id=connection_id))
    left = session.execute(select(func.count()).where(OutboxItem.connection_id == connection_id,
                                                      OutboxItem.state.in_((*TO_SEND, HELD)))).scalar_one()
    site_key = session.scalar(select(Site.key).where(Site.id == row.site_id)) or ""
    session.execute(delete(OutboxItem).where(OutboxItem.connection_id == connection_id))
    session.delete(row)
    secrets.forget(row.secret_kept, site_key, row.username)
    return left


def record(session: Session, connection_id: int, *, pulled: bool = False, pushed: bool = False,
           error: str | None = None, cursor: Mapping[str, str] | None = None) -> None:
    values: dict[str, object] = {"last_error": error, "last_error_at": utcnow() if error else None}
    if pulled:
        values["last_pull_at"] = utcnow()
    if pushed:
        values["last_push_at"] = utcnow()
    if cursor is not None:
        values["pull_cursor"] = dict(cursor)
    session.execute(update(Connection).where(Connection.id == connection_id).values(values))
