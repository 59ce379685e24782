"""Connected sites on the command line: `moderator sites …`, `moderator sync`, `moderator outbox`.

The same core as the window (moderator/connectors): a connection's credentials are checked
when it is added; its secret goes to the credential store (or a 0600 file, or nowhere: it
is asked for each run); `sync` delivers the outbox and pulls, each step a short write.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from moderator.config import resolve_paths
from moderator.connectors.connections import (
    KINDS,
    ConnectionRow,
    add_connection,
    connection,
    connections,
    make_connector,
    remove_connection,
    set_enabled,
)
from moderator.connectors.secrets import FILE, KEYRING, NO_STORE, PLACES, SESSION, Secrets, store_available
from moderator.connectors.sync import sync
from moderator.errors import ModeratorError
from moderator.moderation.outbox import HELD, TO_SEND
from moderator.storage.database import Database
from moderator.storage.models import Comment, OutboxItem
from moderator.vocabulary import HIDE_REASONS

Subcommands = Any  # argparse's private _SubParsersAction


def add_commands(commands: Subcommands) -> None:
    p = commands.add_parser("sites", help="connect the sites' own comment systems (WordPress, Isso)",
                            epilog="docs/sites.md says how IT creates the user and the password on each kind of site.")
    actions = p.add_subparsers(dest="sites_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="connect a site (its credentials are checked at once)")
    add.add_argument("kind", choices=KINDS)
    add.add_argument("url", metavar="URL", help="the site's address (https://, or http:// to this machine only)")
    add.add_argument("--user", default="", help="WordPress: the Editor's user name (Isso: none)")
    add.add_argument("--keep", choices=PLACES, help="where the secret is kept (default: the credential store, "
                     "else asked for each session)")
    add.add_argument("--hide", action="append", default=[], metavar="REASON=STATUS",
                     help="the site's status for a hide reason, e.g. off_topic=hold (WordPress: trash, hold, spam)")
    add.add_argument("--every", type=int, default=300, metavar="SECONDS", help="pull this often while on (default 300)")
    listing = actions.add_parser("list", help="the connections: last pull and push, outbox, last error")
    listing.add_argument("--json", action="store_true")
    for name, text in (("on", "pull and push again"), ("off", "stop pulling and pushing (decisions still queue)"),
                       ("remove", "remove the connection (what waits stays local; the decisions file hands it back)")):
        action = actions.add_parser(name, help=text)
        action.add_argument("site", metavar="SITE", help="the connection's id or site key")
    p = commands.add_parser("sync", help="deliver the outbox to the connected sites and pull what is new")
    p.add_argument("--site", metavar="SITE", help="only this connection (its id or site key)")
    p.add_argument("--no-pull", action="store_true", help="only deliver the outbox")
    p.add_argument("--json", action="store_true", help="one JSON object per connection")
    p = commands.add_parser("outbox", help="the decisions waiting for a site, and those held by a conflict")
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help="every row: also those sent, kept here only (with why), "
                   "refused and dropped")


def _secrets(args: argparse.Namespace) -> Secrets:
    return Secrets(resolve_paths(args.home).home / "secrets")


def _ask_secret(prompt: str) -> str:
    if not sys.stdin.isatty():
        line = sys.stdin.readline().strip()
        if not line:
            raise ModeratorError("No secret was given; type it when asked, or pipe it on standard input.")
        return line
    return getpass.getpass(prompt)


def cmd_sites(db: Database, args: argparse.Namespace) -> int:
    if args.sites_action == "add":
        return _add(db, args)
    if args.sites_action == "list":
        return _list(db, args)
    with db.write_sessions() as session:
        row = connection(session, args.site)
        if args.sites_action == "remove":
            left = remove_connection(session, row.id, _secrets(args))
            print(f"{row.site_key}: connection removed" + (f"; {left} decisions stay local." if left else "."))
        else:
            set_enabled(session, row.id, args.sites_action == "on")
            print(f"{row.site_key}: {'on' if args.sites_action == 'on' else 'off'}.")
        session.commit()
    return 0


def _add(db: Database, args: argparse.Namespace) -> int:
    keep = args.keep or (KEYRING if store_available() else SESSION)
    if keep == KEYRING and not store_available():
        raise ModeratorError(NO_STORE)
    if args.keep is None and keep == SESSION:
        print(f"Note: {NO_STORE} (--keep file)", file=sys.stderr)
    hide = dict(_hide_pair(item) for item in args.hide)
    secret = _ask_secret("Application Password: " if args.kind == "wordpress" else "Admin password: ")
    connector = make_connector(args.kind, args.url, args.user, secret)
    try:
        identity = connector.check()
    finally:
        connector.close()
    with db.write_sessions() as session:
        connection_id = add_connection(session, args.kind, args.url, args.user, connector.site_key, identity.site_name,
                                       keep, hide, args.every)
        _secrets(args).keep(keep, connector.site_key, args.user, secret)
        session.commit()
    where = {KEYRING: "the credential store", FILE: "a file only you can read", SESSION: "nowhere (asked each run)"}
    print(f"Connected {identity.site_name} ({connector.site_key}) as {identity.user}: connection {connection_id}; "
          f"the secret is kept in {where[keep]}.")
    return 0


def _hide_pair(item: str) -> tuple[str, str]:
    reason, _, status = item.partition("=")
    if reason not in HIDE_REASONS or not status:
        raise ModeratorError(f"--hide {item}: give REASON=STATUS with a reason among {', '.join(HIDE_REASONS)}.")
    return reason, status


def _list(db: Database, args: argparse.Namespace) -> int:
    with db.sessions() as session:
        rows = connections(session)
    if args.json:
        print(json.dumps([row.as_json() for row in rows], indent=1))
        return 0
    for row in rows:
        print(f"{row.id:>3}  {row.site_key}  {'on' if row.enabled else 'off'}  {row.kind}  {row.url}  "
              f"pulled {_when(row.last_pull_at)}, pushed {_when(row.last_push_at)}, {row.to_send} to send"
              + (f", {row.held} held" if row.held else "") + (f"; last error: {row.last_error}" if row.last_error else ""))
    if not rows:
        print("No site is connected; `moderator sites add` connects one.")
    return 0


def _when(value: Any) -> str:
    return f"{value:%Y-%m-%d %H:%M} UTC" if value else "never"


def cmd_sync(db: Database, args: argparse.Namespace) -> int:
    with db.sessions() as session:
        rows = [connection(session, args.site)] if args.site else [r for r in connections(session) if r.enabled]
    for row in rows:
        if not row.enabled:  # the app talks to a site only while its connection is on
            raise ModeratorError(f"The connection to {row.site_key} is off; `moderator sites on {row.id}` turns it on.")
    failed = False
    for row in rows:
        report = _sync_one(db, args, row)
        failed = failed or bool(report.error)
        print(json.dumps(report.as_json()) if args.json else report.summary())
    return 1 if failed else 0


def _sync_one(db: Database, args: argparse.Namespace, row: ConnectionRow) -> Any:
    secrets = _secrets(args)
    secret = secrets.get(row.secret_kept, row.site_key, row.username)
    if secret is None:
        secret = _ask_secret(f"Secret for {row.site_key} ({row.username or 'admin'}): ")
    connector = make_connector(row.kind, row.url, row.username, secret)

    def read(operation: Any) -> Any:
        with db.sessions() as session:
            return operation(session)

    def write(operation: Any) -> Any:
        with db.write_sessions() as session:
            result = operation(session)
            session.commit()
            return result

    try:
        return sync(row, connector, read, write, pull_too=not args.no_pull)
    finally:
        connector.close()


def cmd_outbox(db: Database, args: argparse.Namespace) -> int:
    from sqlalchemy import select

    with db.sessions() as session:
        query = select(OutboxItem, Comment.external_id).join(Comment, Comment.id == OutboxItem.comment_id)
        if not args.all:
            query = query.where(OutboxItem.state.in_((*TO_SEND, HELD)))
        rows = session.execute(query.order_by(OutboxItem.id)).all()
    items = [{"id": o.id, "connection": o.connection_id, "comment": o.comment_id, "site_comment": external,
              "operation": o.operation, "status": o.status_after, "reason": o.reason, "state": o.state,
              "attempts": o.attempts, "since": o.created_at.isoformat(), "site_now": o.site_status, "note": o.note}
             for o, external in rows]
    if args.json:
        print(json.dumps(items, indent=1))
        return 0
    for item in items:
        print(f"{item['id']:>6}  {item['state']:<8} comment {item['comment']} → {item['operation']} {item['status']}"
              + (f" ({item['reason']})" if item["reason"] else "") + (f"  {item['note']}" if item["note"] else ""))
    print(f"{sum(1 for i in items if i['state'] in TO_SEND)} to send, {sum(1 for i in items if i['state'] == HELD)} held.")
    return 0


HANDLERS = {"sites": cmd_sites, "sync": cmd_sync, "outbox": cmd_outbox}
