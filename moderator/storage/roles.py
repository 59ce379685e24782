"""Leads and moderators: who may change what the whole team works by (connections to the
sites; rules, word lists and thresholds where they live in the database).

On PostgreSQL the database itself decides, by its grants (docs/team.md, "Roles and grants"):
a `moderator` role cannot insert, update or delete those tables' rows, whatever SQL it
sends. The app asks the same grants, so it greys out what the user may not change instead
of letting them try. SQLite has no users: whoever opens the file may change everything.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

# What a lead changes (docs/team.md, "Roles and grants"); `may_change` takes any table name.
LEAD_TABLES = ("connections", "rules", "thresholds", "word_lists", "word_list_entries", "commenters", "standing_changes")


def may_change(session: Session, table: str) -> bool:
    """May this database user add, edit and remove rows of `table`? (True on SQLite, and
    for a table this database does not have yet.)"""
    if session.get_bind().dialect.name != "postgresql":
        return True
    return bool(session.scalar(text(
        "SELECT to_regclass(:table) IS NULL OR (has_table_privilege(current_user, :table, 'INSERT') "
        "AND has_table_privilege(current_user, :table, 'UPDATE') AND has_table_privilege(current_user, :table, 'DELETE'))"),
        {"table": table}))


def is_lead(session: Session) -> bool:
    return all(may_change(session, table) for table in LEAD_TABLES)
