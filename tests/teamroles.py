"""The roles and grants of docs/team.md ("Roles and grants"), run as written on the tests'
PostgreSQL server: shared by the core and GUI tests of leads and moderators."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import create_engine, text

DOC = Path(__file__).resolve().parents[1] / "docs" / "team.md"


def sql_blocks() -> tuple[str, str]:
    """The section's two SQL blocks: the server's roles, and the grants in one database."""
    section = DOC.read_text(encoding="utf-8").split("## Roles and grants", 1)[1].split("\n## ", 1)[0]
    roles, grants = re.findall(r"```sql\n(.*?)```", section, re.S)
    return roles, grants


def statements(block: str) -> list[str]:
    return [s.strip() for s in re.sub(r"--.*", "", block).split(";") if s.strip()]


def create_roles(pg_server) -> None:
    """The server's roles, once (they belong to the whole server, not one database)."""
    engine = create_engine(pg_server.url())
    try:
        with engine.connect() as connection:
            exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = 'moderator'")).first()
    finally:
        engine.dispose()
    if not exists:
        pg_server.execute(*statements(sql_blocks()[0]))


def grant(url: str) -> None:
    """The grants, in the database at `url`, as its owner."""
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            for statement in statements(sql_blocks()[1]):
                connection.execute(text(statement))
    finally:
        engine.dispose()


def as_user(url: str, user: str) -> str:
    """The same database, logged in as `user` (the tests' server trusts local logins)."""
    return url.replace("postgres@", f"{user}@")
