"""Leads and moderators on PostgreSQL, by the database's own grants: the SQL of docs/team.md
("Roles and grants") is run as written, then a moderator's own connection tries to change a
connection row with raw SQL and is refused by the server, while a lead's is not; the app's
check (`storage.roles.may_change`) answers the same."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.orm import Session

from moderator.errors import ModeratorError
from moderator.moderation.decisions import decide
from moderator.storage.database import open_database
from moderator.storage.engine import make_engine
from moderator.storage.migrate import current_revision, head_revision, upgrade
from moderator.storage.models import Article, Comment, Connection, Site, utcnow
from moderator.storage.roles import is_lead, may_change
from moderator.vocabulary import Action, Status
from tests.teamroles import as_user, create_roles, grant


@pytest.fixture
def team_db(pg_server, pg_url):
    """The test's database with the grants of docs/team.md, a site and its connection."""
    create_roles(pg_server)
    owner = create_engine(pg_url)
    with Session(owner) as s:
        site = Site(key="news", name="News")
        s.add(site)
        s.flush()
        s.add(Connection(site_id=site.id, kind="wordpress", url="https://news.example.com"))
        s.commit()
    owner.dispose()
    grant(pg_url)
    return pg_url


def engine_as(url: str, user: str):
    return create_engine(as_user(url, user))


def test_a_moderators_connection_cannot_change_a_connection_row_even_with_raw_sql(team_db):
    engine = engine_as(team_db, "ana")
    try:
        for statement in ("UPDATE connections SET url = 'https://evil.example'",
                          "DELETE FROM connections",
                          "INSERT INTO connections (site_id, kind, url, username, enabled, secret_kept, hide_statuses, "
                          "pull_every, pull_cursor, created_at) SELECT site_id, kind, url, username, enabled, secret_kept, "
                          "hide_statuses, pull_every, pull_cursor, created_at FROM connections"):
            with engine.begin() as connection, pytest.raises(ProgrammingError, match="permission denied"):
                connection.execute(text(statement))
        with engine.begin() as connection:  # a sync records where it got to
            connection.execute(text("UPDATE connections SET last_error = 'offline', pull_cursor = '{}'"))
        with Session(engine) as s:
            assert not may_change(s, "connections") and not is_lead(s)
            assert may_change(s, "no_such_table")  # a table not there yet: the check does not invent a refusal
    finally:
        engine.dispose()


def test_a_moderator_still_decides_and_a_lead_changes_connections(team_db):
    moderator, lead = engine_as(team_db, "ana"), engine_as(team_db, "ben")
    try:
        with Session(moderator) as s:
            article = Article(site_id=1, external_id="a1", headline="Headline")
            s.add(article)
            s.flush()
            s.add(Comment(site_id=1, article_id=article.id, author="reader", body="hello", created_at=utcnow(),
                          status=Status.PENDING))
            s.commit()
            cid = s.scalar(text("SELECT id FROM comments"))
            assert decide(s, [cid], Action.APPROVE, "ana").decided
            s.commit()
        with lead.begin() as connection:
            connection.execute(text("UPDATE connections SET url = 'https://news.example.org'"))
        with Session(lead) as s:
            assert may_change(s, "connections") and is_lead(s)
    finally:
        moderator.dispose()
        lead.dispose()



LEAD_ONLY_SQL = (
    "UPDATE rules SET enabled = false",
    "INSERT INTO rules (key, kind, site_id, enabled, mode, parameters, changed_at) "
    "VALUES ('sneaky', 'links', NULL, true, 'hide', '{}', now())",
    "INSERT INTO word_lists (site_id, name, version) VALUES (1, 'banned', 1)",
    "UPDATE word_lists SET version = version + 1",
    "INSERT INTO thresholds (model, label, hide) VALUES ('quick', 'toxicity', 0.1)",
    "UPDATE commenters SET standing = 'trusted'",
)


@pytest.mark.parametrize("statement", LEAD_ONLY_SQL)
def test_a_moderators_raw_sql_cannot_change_the_rules_or_a_word_list(team_db, statement):
    engine = engine_as(team_db, "ana")
    try:
        with engine.begin() as connection, pytest.raises(ProgrammingError, match="permission denied"):
            connection.execute(text(statement))
        with Session(engine) as s:
            assert not any(may_change(s, table) for table in ("rules", "thresholds", "word_lists", "commenters"))
    finally:
        engine.dispose()


def test_a_lead_changes_the_rules_and_a_word_list(team_db):
    engine = engine_as(team_db, "ben")
    try:
        with engine.begin() as connection:
            connection.execute(text(LEAD_ONLY_SQL[0]))
            connection.execute(text(LEAD_ONLY_SQL[3]))
        with Session(engine) as s:
            assert all(may_change(s, table) for table in ("rules", "thresholds", "word_lists", "commenters"))
    finally:
        engine.dispose()


def test_a_moderator_opening_an_out_of_date_schema_is_told_a_lead_must_upgrade_it(pg_server, paths):
    """The schema behind the newest, the grants of docs/team.md: a moderator's app says so
    in one sentence, copies nothing and changes nothing; the owner's app then migrates."""
    create_roles(pg_server)
    url = pg_server.empty_database()
    owner = make_engine(url)
    try:
        upgrade(owner, "0016")
        grant(url)
        with pytest.raises(ModeratorError) as refused:
            open_database(as_user(url, "ana"), paths.backups)
        said = str(refused.value)
        assert said.startswith("The team database needs an upgrade by a lead: its schema is 0016")
        assert "which ana may not make" in said and said.endswith("then open it again.") and "\n" not in said
        assert current_revision(owner) == "0016" and not any(paths.backups.glob("*"))  # no copy made
        open_database(url, paths.backups).dispose()  # the owner's app migrates
        assert current_revision(owner) == head_revision(owner)
    finally:
        owner.dispose()
        pg_server.drop(url)
