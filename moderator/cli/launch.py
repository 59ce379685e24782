"""The `moderator` command's entry point, kept light: with no command it opens the app
without importing the command line's modules (every file format, the import pipeline,
scoring's command-line side), which a start of the window never needs; anything else
goes to moderator.cli.commands, which parses the whole command line as before."""

from __future__ import annotations

import re
import sys

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


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    options = app_arguments(words)
    if options is None or _PASSWORD.search(options["--db"] or ""):
        from moderator.cli.commands import main as commands_main

        return commands_main(words)
    from moderator.config import resolve_db_url, resolve_paths
    from moderator.gui.app import run_app

    paths = resolve_paths(options["--home"])
    return run_app(paths, resolve_db_url(paths, options["--db"]))
