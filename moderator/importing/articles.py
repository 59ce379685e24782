"""The articles of one import, written in batches just before the comments that need them.

An article the file lists is added, updated (only the fields the file gives) or
unchanged. An article that comments name but the file never lists (a Disqus post
whose thread is missing) becomes a placeholder, reported, and filled in should
its record come later in the file. An article a format only implies (the page a
comment names: JSON Lines, Commento, Remark42) may come again; only a listed one
coming twice is a duplicate.

Memory stays bounded whatever the number of articles: the ids of the RECENT ones
are remembered (the others are looked up again when named), and what this file
already did to a row is a bit per row: rows from `first` up were added by it (a bit
marks those still placeholders), older rows it listed are marked as met.

Staged (storage/staging.py), new articles are written to the database at once, in a
short transaction each time (shown, empty, until the comments are published; removed
if the import is rolled back), and changes to articles already here wait in the
staging file until the comments are published.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from itertools import islice
from typing import Any

from sqlalchemy import Row, func, insert, select, update

from moderator.formats.records import ArticleRecord
from moderator.i18n import QT_TRANSLATE_NOOP
from moderator.importing.report import ImportReport
from moderator.importing.sqlfast import FastInsert
from moderator.importing.target import Target
from moderator.storage.models import Article, core_table
from moderator.storage.staging import StagedImport, staged_articles

LOOKUP = 500  # ids per IN (...) query: well below every database's parameter limit
RECENT = 100_000  # articles remembered by external id (some 25 MB)
PENDING = 2_000  # article records written at a time, when no comment has asked for them
FIELDS = ("headline", "standfirst", "body", "section", "url", "published_at")
DUPLICATE = QT_TRANSLATE_NOOP("importing", "article id that appears more than once in the file (the first was kept)")
articles = core_table(Article)
# A row to insert: the external id, then FIELDS.
NewRow = tuple[str, str, str, str, str | None, str | None, datetime | None]
# A row read back: id, external_id, published_at and (unless for ids only) FIELDS, by name.
Found = Row[*tuple[Any, ...]]


class ArticleWriter:
    def __init__(self, target: Target, site_id: int, report: ImportReport, now: datetime):
        self.target, self.connection, self.site_id, self.report = target, target.connection, site_id, report
        self.staged = isinstance(target, StagedImport)
        self.known: dict[str, tuple[int, datetime | None]] = {}  # external id → (id, published), recent ones
        with target.reading():
            self.first = (self.connection.scalar(select(func.max(articles.c.id))) or 0) + 1  # this import's rows: from here
        self.met = Bits()  # older rows this file listed
        self.placeholder = Bits()  # this import's rows (by id - first) that are placeholders still
        self.placeholders = 0
        self.pending: list[ArticleRecord] = []
        self.insert = FastInsert(self.connection, articles, ("external_id",) + FIELDS,
                                 constants={"site_id": site_id, "imported_at": now})

    def add(self, record: ArticleRecord) -> None:
        if record.implied and record.external_id in self.known:
            return  # named again by a comment: nothing new
        self.pending.append(record)
        if len(self.pending) >= PENDING:
            self.resolve(())

    def resolve(self, needed: Iterable[str]) -> dict[str, tuple[int, datetime | None]]:
        """Write the pending records, and placeholders for needed ids never seen; → every id
        needed is known (and some more, recent)."""
        records, self.pending = self.pending, []
        self._forget()
        missing = {external_id for external_id in needed if external_id not in self.known}
        missing.difference_update(record.external_id for record in records)
        if records or missing:
            with self.target.writing():
                self._write_all(records, missing)
        return self.known

    def _write_all(self, records: list[ArticleRecord], missing: set[str]) -> None:
        existing = self._rows([record.external_id for record in records])
        new: list[NewRow] = []
        seen: set[str] = set()
        for record in records:
            row = self._take(record, existing.get(record.external_id), seen)
            if row is not None:
                new.append(row)
        found = self._rows(sorted(missing), ids_only=True)
        placeholders = [self._placeholder(external_id, found.get(external_id)) for external_id in sorted(missing)]
        self.insert(new + [row for row in placeholders if row is not None])
        self._learn(self._rows([row[0] for row in new], ids_only=True))
        self._learn_placeholders(self._rows([row[0] for row in placeholders if row is not None], ids_only=True))

    def _take(self, record: ArticleRecord, row: Found | None, seen: set[str]) -> NewRow | None:
        """A new row to insert, or None once an existing one is dealt with (or the record skipped)."""
        if record.external_id in seen or row is not None and self._listed_before(row.id):
            if not record.implied:
                self.report.skip(DUPLICATE, record.external_id)
            if row is not None:
                self.known[record.external_id] = (row.id, row.published_at)
            return None
        seen.add(record.external_id)
        return self._write(record, row)

    def _listed_before(self, article_id: int) -> bool:
        """True for a row this file listed already (added, or met); marks an older row met."""
        if article_id >= self.first:
            return not self.placeholder.get(article_id - self.first)
        if self.met.get(article_id):
            return True
        self.met.set(article_id)
        return False

    def _write(self, record: ArticleRecord, row: Found | None) -> NewRow | None:
        """A new row to insert, or None once an existing one is brought up to date."""
        if row is None:
            self.report.articles.added += 1
            return _new_row(record)
        changes = {k: v for k, v in _fields(record).items() if v is not None and getattr(row, k) != v}
        if changes and self.staged and row.id < self.first:  # shown as it is until published
            self.connection.execute(insert(staged_articles).values(article_id=row.id, **changes))
        elif changes:
            self.connection.execute(update(articles).where(articles.c.id == row.id).values(changes))
        if row.id >= self.first:  # a placeholder made earlier in this file, now listed: counted then
            self.placeholder.clear(row.id - self.first)
            self.placeholders -= 1
        elif changes:
            self.report.articles.updated += 1
        else:
            self.report.articles.unchanged += 1
        self.known[record.external_id] = (row.id, changes.get("published_at", row.published_at))
        return None

    def _placeholder(self, external_id: str, row: Found | None) -> NewRow | None:
        if row is not None:  # already in the database, from an earlier import or earlier in this file
            self.known[external_id] = (row.id, row.published_at)
            return None
        self.report.articles.added += 1
        return _new_row(ArticleRecord(external_id))

    def _rows(self, external_ids: list[str], ids_only: bool = False) -> dict[str, Found]:
        """The rows of these articles here: their id and published time, and unless ids_only
        the fields a record may change."""
        found: dict[str, Found] = {}
        fields = ("published_at",) if ids_only else FIELDS
        columns = [articles.c.id, articles.c.external_id, *(articles.c[name] for name in fields)]
        for start in range(0, len(external_ids), LOOKUP):
            rows = self.connection.execute(select(*columns).where(
                articles.c.site_id == self.site_id, articles.c.external_id.in_(external_ids[start : start + LOOKUP])))
            found.update((row.external_id, row) for row in rows)
        return found

    def _learn(self, rows: dict[str, Found]) -> None:
        for external_id, row in rows.items():
            self.known[external_id] = (row.id, row.published_at)

    def _learn_placeholders(self, rows: dict[str, Found]) -> None:
        self._learn(rows)
        for row in rows.values():
            self.placeholder.set(row.id - self.first)
        self.placeholders += len(rows)

    def _forget(self) -> None:
        """Keep the RECENT articles: the oldest half goes when there are more."""
        if len(self.known) > RECENT:
            for external_id in list(islice(self.known, len(self.known) - RECENT // 2)):
                del self.known[external_id]

    def placeholder_examples(self, most: int = 6) -> list[str]:
        """Some of the placeholders left at the end, by their external ids."""
        ids = [self.first + i for i in islice(self.placeholder.ones(), most)]
        return sorted(self.connection.scalars(select(articles.c.external_id).where(articles.c.id.in_(ids))))


class Bits:
    """A set of small non-negative integers as a growing bitmap: a bit each."""

    def __init__(self) -> None:
        self.bytes = bytearray()

    def get(self, n: int) -> bool:
        byte = n >> 3
        return byte < len(self.bytes) and bool(self.bytes[byte] >> (n & 7) & 1)

    def set(self, n: int) -> None:
        byte = n >> 3
        if byte >= len(self.bytes):
            self.bytes.extend(bytes(max(byte + 1 - len(self.bytes), len(self.bytes))))
        self.bytes[byte] |= 1 << (n & 7)

    def clear(self, n: int) -> None:
        if self.get(n):
            self.bytes[n >> 3] &= ~(1 << (n & 7)) & 0xFF

    def ones(self) -> Iterator[int]:
        for byte, value in enumerate(self.bytes):
            if value:
                yield from (byte * 8 + bit for bit in range(8) if value >> bit & 1)


def _fields(record: ArticleRecord) -> dict[str, str | datetime | None]:
    return {"headline": record.title, "standfirst": record.standfirst, "body": record.body,
            "section": record.section, "url": record.url, "published_at": record.published_at}


def _new_row(record: ArticleRecord) -> NewRow:
    headline = record.title or record.url or record.external_id
    return (record.external_id, headline, record.standfirst or "", record.body or "", record.section,
            record.url, record.published_at)
