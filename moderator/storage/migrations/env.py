"""Alembic environment: run with a connection handed in by moderator.storage.migrate."""

from alembic import context

from moderator.storage.models import Base

config = context.config
target_metadata = Base.metadata

# SQLite's full-text index of comments (migration 0004) and FTS5's shadow tables, and
# PostgreSQL's tsvector column and its index (0012, moderator/storage/pgparts.py), are made
# by hand, not from the models; autogenerate and `alembic check` must not see them as drift.
FTS_PREFIX = "comments_fts"
FTS_COLUMN = "fts_words"


def include_name(name: str | None, type_: str, parent_names) -> bool:
    if name is None:
        return True
    if type_ == "column":
        return name != FTS_COLUMN
    return not (type_ in ("table", "index") and name.startswith(FTS_PREFIX))


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
