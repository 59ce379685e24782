"""Many-row inserts (importing/sqlfast.py): the same rows whatever the statement sizes and
the dialect's parameter style, values through their column types."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, select

from moderator.importing.sqlfast import FastInsert
from moderator.storage.database import open_database
from moderator.storage.models import Article

COLUMNS = ("external_id", "headline", "standfirst", "body", "section", "url", "published_at")
T0 = datetime(2024, 5, 1, 10, 0, tzinfo=UTC)


def rows(count: int) -> list[tuple]:
    return [(f"a{i}", f"Headline {i}", "", "Body", None if i % 2 else "News", f"https://x.example/{i}",
             None if i % 3 == 0 else T0 + timedelta(minutes=i)) for i in range(count)]


def inserted(tmp_path, paramstyle: str | None, count: int) -> list[tuple]:
    database = open_database(f"sqlite:///{tmp_path / f'{paramstyle}.sqlite'}", tmp_path / "backups")  # the schema
    database.dispose()
    engine = create_engine(f"sqlite:///{tmp_path / f'{paramstyle}.sqlite'}", **({"paramstyle": paramstyle} if paramstyle else {}))
    with engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO sites (id, key, name, comment_prompt, comment_call) VALUES (1, 's', 'S', '', '')")
        insert = FastInsert(connection, Article.__table__, COLUMNS, constants={"site_id": 1, "imported_at": T0})
        insert(rows(count))
        table = Article.__table__
        found = connection.execute(select(*(table.c[name] for name in COLUMNS), table.c.site_id, table.c.imported_at)
                                   .order_by(table.c.id)).all()
    engine.dispose()
    return [tuple(row) for row in found]


@pytest.mark.parametrize("count", [1, 3, 700])  # 700: statements of 512, 128, 32, 16, 8 and 4 rows
def test_rows_go_in_whole_and_in_order(tmp_path, count):
    assert inserted(tmp_path, None, count) == [row + (1, T0) for row in rows(count)]


def test_named_parameters_give_the_same_rows(tmp_path):
    """A dialect whose parameters have names gets statements compiled whole by SQLAlchemy."""
    assert inserted(tmp_path, "named", 37) == inserted(tmp_path, None, 37)


def test_a_column_with_a_default_must_be_given(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    with engine.connect() as connection, pytest.raises(ValueError, match="every column with a default must be given"):
        FastInsert(connection, Article.__table__, ("external_id", "headline"), constants={"site_id": 1})
