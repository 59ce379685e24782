"""The PostgreSQL test server and the schema on it: migrations from empty, `alembic check`,
and the same database fixtures on both backends."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import func, select, text

from moderator.storage.engine import make_engine
from moderator.storage.migrate import alembic_config, current_revision, head_revision, upgrade
from moderator.storage.models import Comment

pytestmark = pytest.mark.both_databases


def test_each_backend_opens_a_database_of_its_own(db, backend):
    assert db.engine.dialect.name == backend
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Comment)) == 0


def test_the_demo_loads_on_each_backend(demo_db):
    with demo_db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Comment)) == 54


def test_models_and_migrations_never_drift_on_either_backend(db):
    with db.engine.begin() as connection:
        command.check(alembic_config(db.engine, connection))  # raises if autogenerate finds a difference


def test_postgresql_migrates_from_empty(pg_server):
    engine = make_engine(pg_server.empty_database())
    try:
        assert current_revision(engine) is None
        upgrade(engine)
        assert current_revision(engine) == head_revision(engine)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM comments")).scalar() == 0
    finally:
        engine.dispose()
