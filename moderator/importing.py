"""Import into the database: the seed article page and comment lines.

Each file is imported in one transaction (the caller's session): all of it or
nothing. Identity is (site, external id), so importing the same file again changes
nothing, and a comment's local decision is never overwritten by what a file says.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from moderator.errors import FileFormatError
from moderator.seedpage import Page, PageArticle, parse_page
from moderator.storage.models import Article, Comment, Decision, Site, Status

DEFAULT_SITE_KEY = "default"
DEFAULT_SITE_NAME = "Our site"
SOURCE_STATUSES = (Status.PENDING, Status.APPROVED, Status.HIDDEN)


@dataclass
class Counts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    format: str
    articles: Counts = field(default_factory=Counts)
    comments: Counts = field(default_factory=Counts)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "format": self.format,
            "articles": vars(self.articles),
            "comments": vars(self.comments),
            "warnings": self.warnings,
        }


def get_or_create_site(session: Session, key: str = DEFAULT_SITE_KEY, name: str = DEFAULT_SITE_NAME) -> Site:
    site = session.scalar(select(Site).where(Site.key == key))
    if site is None:
        site = Site(key=key, name=name)
        session.add(site)
        session.flush()
    return site


def import_page_file(session: Session, path: Path, published_on: date | None = None, site_key: str = DEFAULT_SITE_KEY) -> ImportReport:
    page = parse_page(_read_text(path), str(path))
    return import_page(session, get_or_create_site(session, site_key), page, published_on or datetime.now(timezone.utc).date())


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
        at = datetime.combine(published_on, item.time_of_day or newest, tzinfo=timezone.utc)
        _upsert_page_article(session, site, item, at, report.articles)
    return report


def _upsert_page_article(session: Session, site: Site, item: PageArticle, published_at: datetime, counts: Counts) -> Article:
    fields = {"headline": item.headline, "standfirst": item.standfirst, "body": item.body, "section": item.section}
    article = _article_by_external_id(session, site.id, item.external_id)
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


def import_comment_lines_file(session: Session, path: Path, site_key: str = DEFAULT_SITE_KEY) -> ImportReport:
    """Comments as JSON Lines, one object per line (the generic format; docs/formats.md)."""
    site = get_or_create_site(session, site_key)
    report = ImportReport("jsonl")
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if line.strip():
                record = _parse_json_line(line, str(path), number)
                _import_comment_record(session, site, record, str(path), number, report)
    return report


def _parse_json_line(line: str, path: str, number: int) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise FileFormatError(path, number, f"not valid JSON ({error.msg})", error.colno) from None
    if not isinstance(record, dict):
        raise FileFormatError(path, number, "each line must be a JSON object")
    for key in ("article_id", "comment_id", "author", "created_at", "body"):
        if not isinstance(record.get(key), str):
            raise FileFormatError(path, number, f"'{key}' is missing or not a string")
    return record


def _import_comment_record(session: Session, site: Site, record: dict, path: str, number: int, report: ImportReport) -> None:
    article = _article_by_external_id(session, site.id, record["article_id"])
    if article is None:
        title = record.get("article_title") or record["article_id"]
        article = Article(site_id=site.id, external_id=record["article_id"], headline=title, url=record.get("article_url"))
        session.add(article)
        session.flush()
        report.articles.added += 1
    status = record.get("status") or Status.PENDING
    if status not in SOURCE_STATUSES:
        raise FileFormatError(path, number, f"status '{status}' is not one of {', '.join(SOURCE_STATUSES)}")
    fields = {
        "article_id": article.id,
        "parent_id": _parent_id(session, site, record.get("parent_id"), path, number, report),
        "author": record["author"],
        "body": record["body"],
        "created_at": _parse_time(record["created_at"], path, number),
        "source_status": status,
    }
    _upsert_comment(session, site, record["comment_id"], fields, report.comments)


def _upsert_comment(session: Session, site: Site, external_id: str, fields: dict, counts: Counts) -> None:
    comment = session.scalar(select(Comment).where(Comment.site_id == site.id, Comment.external_id == external_id))
    if comment is None:
        session.add(Comment(site_id=site.id, external_id=external_id, status=fields["source_status"], **fields))
        session.flush()
        counts.added += 1
        return
    source_status_changed = comment.source_status != fields["source_status"]
    if not _assign_changed(comment, fields):
        counts.unchanged += 1
        return
    # The site's newer status applies only where no moderator has decided here.
    if source_status_changed and not _has_local_decision(session, comment.id):
        comment.status = fields["source_status"]
    comment.version += 1
    counts.updated += 1


def _parent_id(session, site: Site, parent_external_id, path: str, number: int, report: ImportReport) -> int | None:
    if not parent_external_id:
        return None
    parent = session.scalar(select(Comment.id).where(Comment.site_id == site.id, Comment.external_id == parent_external_id))
    if parent is None:
        report.warnings.append(f"{path}, line {number}: parent '{parent_external_id}' not found; kept as a top-level comment")
    return parent


def _has_local_decision(session: Session, comment_id: int) -> bool:
    return session.scalar(select(Decision.id).where(Decision.comment_id == comment_id).limit(1)) is not None


def _parse_time(value: str, path: str, number: int) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise FileFormatError(path, number, f"created_at '{value}' is not an ISO 8601 time") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _article_by_external_id(session: Session, site_id: int, external_id: str) -> Article | None:
    return session.scalar(select(Article).where(Article.site_id == site_id, Article.external_id == external_id))


def _assign_changed(row, fields: dict) -> bool:
    changed = False
    for name, value in fields.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise FileFormatError(str(path), None, f"not UTF-8 text (byte {error.start})") from None


def import_files(session: Session, paths: Iterable[Path], file_format: str = "auto") -> list[ImportReport]:
    """Import several files, each in its own transaction: a bad file changes nothing."""
    reports = []
    for path in paths:
        if not path.is_file():
            raise FileFormatError(str(path), None, "no such file")
        importer = _importer_for(path, file_format)
        try:
            reports.append(importer(session, path))
            session.commit()
        except BaseException:
            session.rollback()
            raise
    return reports


def _importer_for(path: Path, file_format: str):
    chosen = detect_format(path) if file_format == "auto" else file_format
    importers = {"page": import_page_file, "jsonl": import_comment_lines_file}
    if chosen not in importers:
        raise FileFormatError(str(path), None, f"unknown format '{chosen}'; known: {', '.join(importers)}")
    return importers[chosen]


def detect_format(path: Path) -> str:
    """From the content, not the name: JSON Lines start with '{', a page with its headline."""
    with path.open("rb") as stream:
        head = stream.read(4096).lstrip()
    return "jsonl" if head.startswith(b"{") else "page"
