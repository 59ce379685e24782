"""The `moderator` command's entry point, kept light: with no command it opens the app
without importing the command line's modules (every file format, the import pipeline,
scoring's command-line side), which a start of the window never needs; anything else
goes to moderator.cli.commands, which parses the whole command line as before."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from moderator.config import AppPaths

# What may come before the app opens: the data folder and the database, nothing else.
APP_OPTIONS = ("--home", "--db")
# A URL with a password (scheme://user:password@…): the command line refuses it in one sentence.
_PASSWORD = re.compile(r"://[^/@]*:[^/@]*@")


def app_arguments(argv: list[str]) -> dict[str, str | None] | None:
    """{"--home": …, "--db": …} when `argv` only opens the app; None for anything else."""
    found: dict[str, str | None] = dict.fromkeys(APP_OPTIONS)
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        name, equals, value = word.partition("=")
        if name in APP_OPTIONS and equals and value:
            found[name] = value
        elif word in APP_OPTIONS and rest and not rest[0].startswith("-"):
            found[word] = rest.pop(0)
        elif word == "gui" and not rest:
            break
        else:
            return None
    return found


def database_url(paths: AppPaths, db: str | None) -> str:
    """The database to open: --db, $MODERATOR_DB, the Preferences' address (refused with a
    password in it, as --db is), the data folder's file."""
    from moderator.config import resolve_db_url
    from moderator.inifile import preferred_database
    from moderator.storage.pgpassword import PREFERENCES, refuse_password_in

    chosen = preferred_database(paths.settings_file)
    refuse_password_in(chosen, PREFERENCES)
    return resolve_db_url(paths, db, chosen)


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    options = app_arguments(words)
    if options is None or _PASSWORD.search(options["--db"] or ""):
        from moderator.cli.commands import main as commands_main

        return commands_main(words)
    from moderator.config import resolve_paths
    from moderator.errors import ModeratorError
    from moderator.gui.app import run_app

    paths = resolve_paths(options["--home"])
    try:
        url = database_url(paths, options["--db"])
    except ModeratorError as refused:
        print(f"moderator: {refused}", file=sys.stderr)
        return 1
    return run_app(paths, url)
