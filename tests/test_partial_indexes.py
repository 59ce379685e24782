"""The partial indexes (`sqlite_where` in the models) are partial on both backends, with the
same condition. `alembic check` cannot see this: Alembic does not compare an index's WHERE
(on PostgreSQL it reports nothing even when the condition differs or is missing). The
models carry only `sqlite_where` (a `postgresql_where` would load PostgreSQL's dialect at
every start, tests/test_startup_path.py); migration 0016 writes both."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import text

from moderator.storage.models import Base

pytestmark = pytest.mark.both_databases


def partial_indexes() -> dict[str, str]:
    """Index name → its condition as the models write it."""
    found = {}
    for table in Base.metadata.tables.values():
        for index in table.indexes:
            where = index.dialect_options["sqlite"].get("where")
            if where is not None:
                found[index.name] = str(where)
    return found


def squeezed(condition: str) -> str:
    """Spacing and brackets aside, and SQLite's booleans (0 / 1) read as PostgreSQL writes them."""
    condition = re.sub(r"[\s()]+", " ", condition).strip().lower()
    return re.sub(r"\bis ([01])\b", lambda m: "is " + ("true" if m.group(1) == "1" else "false"), condition)


def conditions_in_the_database(db, backend: str) -> dict[str, str]:
    query = ("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()" if backend == "postgresql"
             else "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    with db.engine.connect() as connection:
        rows = connection.execute(text(query)).all()
    return {name: squeezed(sql.split(" WHERE ", 1)[1]) for name, sql in rows if " WHERE " in sql.upper()}


def test_the_models_have_the_rules_partial_indexes():
    assert {"ix_comments_flagged", "ix_decisions_rule_created"} <= set(partial_indexes())


def test_each_partial_index_has_its_condition_on_each_backend(db, backend):
    found = conditions_in_the_database(db, backend)
    for name, condition in partial_indexes().items():
        assert found.get(name) == squeezed(condition), (name, backend)
