"""`moderator db-password --db URL`: keep a team database's password in this computer's
credential store, typed at a prompt (or read from standard input), never on a command line."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from sqlalchemy.engine import make_url

from moderator.config import DB_ENV
from moderator.errors import ModeratorError
from moderator.storage.pgpassword import account, keep_password


def cmd_db_password(args: argparse.Namespace) -> int:
    url = args.db or os.environ.get(DB_ENV)
    if not url:
        raise ModeratorError("Name the team database with --db postgresql+psycopg://USER@HOST/DATABASE.")
    prompt = f"Password for {account(make_url(url))}: "
    password = getpass.getpass(prompt) if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    if not password:
        raise ModeratorError("No password was given; nothing was kept.")
    print(f"The password for {keep_password(url, password)} is kept in this computer's credential store.")
    return 0
