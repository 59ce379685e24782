"""Large comment exports made on the spot, and looking at a database as another program
would while an import runs in a `moderator import` process (tests/test_import_lock.py,
tests/gui/test_deciding_during_import.py)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from moderator.config import AppPaths, resolve_db_url


def write_comments(path: Path, count: int, first: int = 1, bad_at: int | None = None, edited: str = "") -> Path:
    """A JSON Lines export of `count` comments over 50 articles, each third a reply;
    `bad_at`: that line has a status the format refuses; `edited`: added to every body."""
    with path.open("w", encoding="utf-8") as out:
        for n in range(first, first + count):
            row = {"article_id": f"a{n % 50}", "article_title": f"Article {n % 50}", "comment_id": f"c{n}",
                   "parent_id": f"c{n - 1}" if n % 3 and n > first else None, "author": f"Reader {n % 97}",
                   "created_at": "2025-04-01T10:00:00Z", "body": f"Comment number {n} says something.{edited}",
                   "status": "sideways" if n == bad_at else "pending"}
            out.write(json.dumps(row) + "\n")
    return path


def database_file(paths: AppPaths) -> str:
    return resolve_db_url(paths).removeprefix("sqlite:///")


def table_rows(database: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (the full-text index's own tables too), sorted."""
    with sqlite3.connect(database) as connection:
        names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in names}


def integrity(database: str) -> str:
    with sqlite3.connect(database) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def import_phase(database: str) -> tuple[str, int] | None:
    """The running import's phase and how far it published, read as another program would."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5)
    try:
        return connection.execute("SELECT phase, published_to FROM imports").fetchone()
    except sqlite3.OperationalError:  # the table, or the file, not there yet
        return None
    finally:
        connection.close()


def start_import(paths: AppPaths, export: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "moderator", "--home", str(paths.home), "import", str(export)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
