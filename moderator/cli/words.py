"""Word lists on the command line: `moderator words list|add|remove|import|export`.

The same core as the window's word-list dialog (moderator/rules/wordlists.py): each
command is one transaction, and a refused file or entry changes nothing.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from moderator.rules import wordlists
from moderator.rules.wordlists import LIST_NAMES, MAX_ENTRIES, ListChange, site_for_lists
from moderator.storage.database import Database

Subcommands = Any  # argparse's private _SubParsersAction

EPILOG = f"""An entry is a word, a phrase or a prefix* stem (`kill*` matches killer, killing). Matching
is on whole words after folding case, accents, look-alike letters, zero-width characters,
digits for letters (1d10t) and repeated letters (docs/rules.md). A list file is plain
UTF-8 text, one entry a line; blank lines and lines starting with # are skipped; a list
holds at most {MAX_ENTRIES:,} entries. Banned words hide a comment, suspect words flag it,
as the rules say (moderator rules)."""


def add_commands(commands: Subcommands) -> None:
    p = commands.add_parser("words", help="the site's banned and suspect word lists", epilog=EPILOG,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = p.add_subparsers(dest="words_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="print a list's entries, one a line")
    listing.add_argument("--search", default="", metavar="TEXT", help="only entries containing TEXT")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    add = actions.add_parser("add", help="add entries (one bad entry adds none)")
    add.add_argument("entries", nargs="+", metavar="ENTRY")
    remove = actions.add_parser("remove", help="remove entries (one not on the list removes none)")
    remove.add_argument("entries", nargs="+", metavar="ENTRY")
    imports = actions.add_parser("import", help="add the entries of a text file (one a line)")
    imports.add_argument("file", metavar="FILE")
    imports.add_argument("--replace", action="store_true", help="make the list exactly the file's entries")
    exports = actions.add_parser("export", help="write the list to a text file, one entry a line")
    exports.add_argument("file", metavar="FILE")
    for action in (listing, add, remove, imports, exports):
        action.add_argument("--list", required=True, choices=LIST_NAMES, dest="list_name",
                            help="banned (hides) or suspect (flags)")
        action.add_argument("--site", metavar="KEY", help="the site (default: the only one in the database)")


def cmd_words(db: Database, args: argparse.Namespace) -> int:
    if args.words_action in ("list", "export"):
        with db.sessions() as session:
            site = site_for_lists(session, args.site)
            return _list(session, site.id, args) if args.words_action == "list" else _export(session, site.id, args)
    with db.write_sessions() as session:
        site = site_for_lists(session, args.site)
        change = _change(session, site.id, args)
        session.commit()
    _say(change, args.list_name, site.key)
    return 0


def _list(session: Session, site_id: int, args: argparse.Namespace) -> int:
    found = wordlists.entries(session, site_id, args.list_name, args.search)
    print(json.dumps(found, ensure_ascii=False) if args.json else "\n".join(found))
    return 0


def _export(session: Session, site_id: int, args: argparse.Namespace) -> int:
    count = wordlists.export_file(session, site_id, args.list_name, Path(args.file))
    print(f"{count:,} entries of the {args.list_name} list written to {args.file}.")
    return 0


def _change(session: Session, site_id: int, args: argparse.Namespace) -> ListChange:
    if args.words_action == "add":
        return wordlists.add_entries(session, site_id, args.list_name, args.entries)
    if args.words_action == "remove":
        return wordlists.remove_entries(session, site_id, args.list_name, args.entries)
    return wordlists.import_file(session, site_id, args.list_name, Path(args.file), args.replace)


def _say(change: ListChange, name: str, site: str) -> None:
    print(f"The {name} list of {site}: {change.added:,} added, {change.removed:,} removed, "
          f"{change.unchanged:,} unchanged.")


HANDLERS = {"words": cmd_words}
