"""The seed page format: an article page's text becomes its articles (moderator.formats.seedpage)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

from sqlalchemy import Connection, insert, select
from sqlalchemy.orm import Session

from moderator.errors import FileFormatError
from moderator.formats.limits import MAX_PAGE, size
from moderator.formats.seedpage import Page, PageArticle, parse_page
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence
from moderator.importing.report import Counts, ImportReport
from moderator.storage.models import Article, Site, core_table

DEFAULT_SITE_KEY = "default"
DEFAULT_SITE_NAME = "Our site"


def get_or_create_site(session: Session, key: str = DEFAULT_SITE_KEY, name: str = DEFAULT_SITE_NAME) -> Site:
    site = session.scalar(select(Site).where(Site.key == key))
    if site is None:
        site = Site(key=key, name=name)
        session.add(site)
        session.flush()
    return site


def site_id_of(connection: Connection, key: str, name: str) -> int:
    """The id of the site with this key, made if it is new (Core: an import's own connection)."""
    sites = core_table(Site)
    found = connection.scalar(select(sites.c.id).where(sites.c.key == key))
    if found is None:
        found = connection.execute(insert(sites).values(key=key, name=name).returning(sites.c.id)).scalar_one()
    return int(found)


def import_page_file(session: Session, path: Path, published_on: date | None = None,
                     site_key: str = DEFAULT_SITE_KEY) -> ImportReport:
    page = parse_page(_read_text(path), str(path))
    site = get_or_create_site(session, site_key, DEFAULT_SITE_NAME if site_key == DEFAULT_SITE_KEY else site_key)
    report = import_page(session, site, page, published_on or datetime.now(UTC).date())
    report.path, report.site, report.label = str(path), site.key, "article page text"
    return report


def import_page(session: Session, site: Site, page: Page, published_on: date) -> ImportReport:
    """Each article of the page (the main one and every "Read next" item) becomes an article.

    The page gives Read-next items a time of day only; they are dated on `published_on`.
    The main article carries no time: it takes the newest Read-next time, since the
    page was published no earlier than what it links to.
    """
    report = ImportReport("page")
    if page.comment_prompt:
        site.comment_prompt, site.comment_call = page.comment_prompt, page.comment_call or ""
    newest = max((a.time_of_day for a in page.read_next if a.time_of_day), default=time(0, 0))
    for item in page.articles:
        at = datetime.combine(published_on, item.time_of_day or newest, tzinfo=UTC)
        _upsert_page_article(session, site, item, at, report.articles)
    return report


def _upsert_page_article(session: Session, site: Site, item: PageArticle, published_at: datetime, counts: Counts) -> Article:
    fields = {"headline": item.headline, "standfirst": item.standfirst, "body": item.body, "section": item.section}
    article = session.scalar(select(Article).where(Article.site_id == site.id, Article.external_id == item.external_id))
    if article is None:
        article = Article(site_id=site.id, external_id=item.external_id, published_at=published_at, **fields)
        session.add(article)
        session.flush()
        counts.added += 1
    elif _assign_changed(article, fields):
        counts.updated += 1
    else:
        counts.unchanged += 1
    return article


def _assign_changed(row: Article, fields: dict[str, str | None]) -> bool:
    changed = False
    for name, value in fields.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def _read_text(path: Path) -> str:
    """The page's text, read whole: a page is a few kB, so one over MAX_PAGE is refused unread."""
    if path.stat().st_size > MAX_PAGE:
        raise FileFormatError(str(path), None, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "an article page's text is at most {most}; this file is "
                                        "larger"), most=size(MAX_PAGE)))
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise FileFormatError(str(path), None, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "not UTF-8 text (byte {byte})"), byte=error.start)) from None
