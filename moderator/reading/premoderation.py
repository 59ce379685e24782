"""Whether an article is pre-moderated (nothing published until approved) or post-moderated
(published unless hidden): its own setting, or its site's default (issue 14). Set with
rules.store.set_premoderation; the rules read the same two columns (rules/apply.py)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from moderator.errors import NotFoundError
from moderator.storage.models import Article, Site
from moderator.storage.roles import may_change


@dataclass(frozen=True)
class Premoderation:
    own: bool | None  # the article's setting; None: as its site says
    site: bool  # the site's default
    may_change: bool  # may this database user change it (a lead's, on a team database)

    @property
    def premoderated(self) -> bool:
        return self.site if self.own is None else self.own


def of_article(session: Session, article_id: int) -> Premoderation:
    row = session.execute(select(Article.premoderated, Site.premoderated).join(Site, Site.id == Article.site_id)
                          .where(Article.id == article_id)).one_or_none()
    if row is None:
        raise NotFoundError(f"There is no article with id {article_id}.")
    return Premoderation(row[0], row[1], may_change(session, "rules"))
