"""An article's pre-moderation is greyed for a user the database does not let change the rules
(storage.roles.may_change "rules"), on PostgreSQL with the grants of docs/team.md and the rules
table kept for leads, and offered to a lead."""

from __future__ import annotations

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

from moderator.gui.article.premoderation import PremoderationBar
from moderator.gui.common.reading import reader_of
from moderator.storage.models import Article, Site
from tests.teamroles import as_user, create_roles, grant


def article_in_team_db(pg_server, pg_url) -> int:
    create_roles(pg_server)
    owner = create_engine(pg_url)
    try:
        with Session(owner) as s:
            site = Site(key="news", name="News")
            s.add(site)
            s.flush()
            article = Article(site_id=site.id, external_id="a-1", headline="A story")
            s.add(article)
            s.commit()
            article_id = article.id
    finally:
        owner.dispose()
    grant(pg_url)
    owner = create_engine(pg_url)
    try:
        with owner.begin() as connection:  # the rules are a lead's, as a lead's tables are (docs/team.md)
            connection.execute(text("REVOKE INSERT, UPDATE, DELETE ON rules FROM moderator"))
            connection.execute(text("GRANT INSERT, UPDATE, DELETE ON rules TO lead"))
    finally:
        owner.dispose()
    return article_id


def test_greyed_for_a_moderator_offered_to_a_lead(qtbot, pg_server, pg_url):
    article_id = article_in_team_db(pg_server, pg_url)
    for user, offered in (("ana", False), ("ben", True)):
        engine = create_engine(as_user(pg_url, user))
        try:
            bar = PremoderationBar(reader_of(sessionmaker(engine)))
            qtbot.addWidget(bar)
            bar.submit = lambda *_args: None  # a window's writer is there: only the grants decide
            bar.show_article(article_id)
            assert bar.label.text() == "Pre-moderated (site default)"
            assert bar.button.isEnabled() is offered, user
            assert ("Only a lead" in bar.button.toolTip()) is not offered
        finally:
            engine.dispose()
