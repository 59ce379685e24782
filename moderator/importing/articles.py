"""The articles of one import, written in batches just before the comments that need them.

An article the file lists is added, updated (only the fields the file gives) or
unchanged. An article that comments name but the file never lists (a Disqus post
whose thread is missing) becomes a placeholder, reported, and filled in should
its record come later in the file.
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterable

from sqlalchemy import Connection, select, update

from moderator.formats.records import ArticleRecord
from moderator.importing.report import ImportReport
from moderator.importing.sqlfast import FastInsert
from moderator.storage.models import Article

LOOKUP = 500  # ids per IN (...) query: well below every database's parameter limit
FIELDS = ("headline", "standfirst", "body", "section", "url", "published_at")
DUPLICATE = "article id that appears more than once in the file (the first was kept)"
articles = Article.__table__


class ArticleWriter:
    def __init__(self, connection: Connection, site_id: int, report: ImportReport, now: datetime):
        self.connection, self.site_id, self.report = connection, site_id, report
        self.known: dict[str, tuple[int, datetime | None]] = {}  # external id → (id, published)
        self.listed: set[str] = set()  # articles whose record this file had
        self.placeholders: set[str] = set()  # made for comments, their record not (yet) seen
        self.pending: list[ArticleRecord] = []
        self.insert = FastInsert(connection, articles, ("external_id",) + FIELDS,
                                 constants={"site_id": site_id, "imported_at": now})

    def add(self, record: ArticleRecord) -> None:
        if record.external_id in self.listed:
            self.report.skip(DUPLICATE, record.external_id)
        else:
            self.listed.add(record.external_id)
            self.pending.append(record)

    def resolve(self, needed: Iterable[str]) -> dict[str, tuple[int, datetime | None]]:
        """Write the pending records, and placeholders for needed ids never seen; → every id known."""
        records, self.pending = self.pending, []
        missing = {external_id for external_id in needed if external_id not in self.known}
        missing.difference_update(record.external_id for record in records)
        if records or missing:
            existing = self._rows([record.external_id for record in records] + sorted(missing))
            new = [self._write(record, existing.get(record.external_id)) for record in records]
            new += [self._placeholder(external_id, existing.get(external_id)) for external_id in sorted(missing)]
            new = [row for row in new if row is not None]
            self.insert(new)
            self._learn(self._rows([row[0] for row in new]))
        return self.known

    def _write(self, record: ArticleRecord, row) -> tuple | None:
        """A new row to insert, or None once an existing one is brought up to date."""
        if row is None:
            self.report.articles.added += 1
            return _new_row(record)
        changes = {k: v for k, v in _fields(record).items() if v is not None and getattr(row, k) != v}
        if changes:
            self.connection.execute(update(articles).where(articles.c.id == row.id).values(changes))
        if record.external_id in self.placeholders:  # made earlier in this file: counted then
            self.placeholders.discard(record.external_id)
        elif changes:
            self.report.articles.updated += 1
        else:
            self.report.articles.unchanged += 1
        self.known[record.external_id] = (row.id, changes.get("published_at", row.published_at))
        return None

    def _placeholder(self, external_id: str, row) -> tuple | None:
        if row is not None:  # already in the database, from an earlier import
            self.known[external_id] = (row.id, row.published_at)
            return None
        self.placeholders.add(external_id)
        self.report.articles.added += 1
        return _new_row(ArticleRecord(external_id))

    def _rows(self, external_ids: list[str]) -> dict:
        found = {}
        columns = [articles.c.id, articles.c.external_id, *(articles.c[name] for name in FIELDS)]
        for start in range(0, len(external_ids), LOOKUP):
            rows = self.connection.execute(select(*columns).where(
                articles.c.site_id == self.site_id, articles.c.external_id.in_(external_ids[start : start + LOOKUP])))
            found.update((row.external_id, row) for row in rows)
        return found

    def _learn(self, rows: dict) -> None:
        for external_id, row in rows.items():
            self.known[external_id] = (row.id, row.published_at)


def _fields(record: ArticleRecord) -> dict:
    return {"headline": record.title, "standfirst": record.standfirst, "body": record.body,
            "section": record.section, "url": record.url, "published_at": record.published_at}


def _new_row(record: ArticleRecord) -> tuple:
    headline = record.title or record.url or record.external_id
    return (record.external_id, headline, record.standfirst or "", record.body or "", record.section,
            record.url, record.published_at)
