"""Copy the rows of an SQLite database (at the app's newest schema) into a PostgreSQL
database of the same schema, with PostgreSQL's COPY: how bench/queue.py --db fills a team
database from the SQLite one it measured, so both hold exactly the same comments.

    .venv/bin/python bench/pgcopy.py /tmp/q.sqlite postgresql+psycopg://postgres@127.0.0.1:5432/bench

The rows the migrations seeded are removed; then every table the models declare, parents
first, the columns both have; then each id sequence is set past the largest id copied, and
the tables analysed (the planner's statistics). The full-text column is computed by PostgreSQL as rows arrive.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from contextlib import closing
from pathlib import Path

# bench/queue.py is named like the standard library's `queue` (which psycopg imports): keep
# this folder behind the standard library on the path (Python puts it first for a script).
BENCH = str(Path(__file__).resolve().parent)
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != Path(BENCH)] + [BENCH]
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Engine, inspect  # noqa: E402

from moderator.storage.engine import make_engine  # noqa: E402
from moderator.storage.migrate import upgrade  # noqa: E402
from moderator.storage.models import Base  # noqa: E402

BATCH = 20_000


def copy_database(source: Path, url: str) -> dict[str, int]:
    """Rows copied per table."""
    engine = make_engine(url)
    upgrade(engine)
    copied = {}
    try:
        with closing(sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)) as lite:
            lite.row_factory = None
            _clear_seeded(engine)
            for table in Base.metadata.sorted_tables:
                copied[table.name] = _copy_table(lite, engine, table.name)
        with engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    finally:
        engine.dispose()
    return copied


def _clear_seeded(engine: Engine) -> None:
    """The rows the migrations seed (the built-in rules, 0016) go: the copy brings the SQLite
    database's own."""
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())


def _copy_table(lite: sqlite3.Connection, engine: Engine, name: str) -> int:
    theirs = [row[1] for row in lite.execute(f"PRAGMA table_info({name})")]
    ours = {column["name"]: column for column in inspect(engine).get_columns(name)}
    columns = [c for c in theirs if c in ours]
    if not columns:
        return 0
    started, count = time.perf_counter(), 0
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cursor:  # type: ignore[attr-defined]
            # The rows come with what the triggers would work out (scores' status, each article's
            # counts): the triggers stay off while they arrive (a superuser's session setting).
            cursor.execute("SET session_replication_role = replica")
            quoted = ", ".join(f'"{column}"' for column in columns)  # rule_hits has a column "end"
            with cursor.copy(f"COPY {name} ({quoted}) FROM STDIN") as copy:
                rows = lite.execute(f"SELECT {quoted} FROM {name}")
                while batch := rows.fetchmany(BATCH):
                    for row in batch:
                        copy.write_row(row)
                    count += len(batch)
            if "id" in ours and ours["id"].get("autoincrement", True):
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                               f"coalesce(max(id), 0) + 1, false) FROM {name}")
        raw.commit()
    finally:
        raw.close()
    print(f"  {name}: {count:,} rows in {time.perf_counter() - started:.1f} s", flush=True)
    return count


if __name__ == "__main__":
    copy_database(Path(sys.argv[1]), sys.argv[2])
