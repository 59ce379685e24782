"""Writing parsed records, in batches: staged, or into the caller's transaction (target.py).

Identity is (site, external id). A comment already here is compared field by field:
unchanged, or updated (the source's status is recorded as source_status and becomes
the status only where no moderator has decided here). An id seen twice in one file
keeps its first record and reports the rest. Replies link to their parent by the
parent's external id, as they go in where they can (parents.py) and the rest once
the whole file is in (storage/replylinks.py), so order in the file does not matter,
and a reply whose parent is missing keeps that id until the parent arrives.

Staged, a new comment goes to the staging file and a change to a comment already here
is staged too, both published once the whole file is read (storage/staging.py); a
duplicate of a comment staged earlier in the file is found there.

Core statements, not ORM objects: a million ORM objects would neither fit the
memory budget nor the time one.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import nullcontext
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Table, bindparam, exists, func, select, update

from moderator.formats.limits import BATCH_CHARS
from moderator.formats.records import ArticleRecord, CommentRecord, weight
from moderator.i18n import QT_TRANSLATE_NOOP
from moderator.importing.articles import LOOKUP, ArticleWriter
from moderator.importing.countslater import CountsLater
from moderator.importing.parents import NewIds, ParentLinker
from moderator.importing.report import ImportReport
from moderator.importing.sqlfast import FastInsert
from moderator.importing.target import Target
from moderator.rules.apply import Prescreen, on_arrival
from moderator.storage import replylinks
from moderator.storage.models import Comment, Decision, core_table, utcnow
from moderator.storage.staging import CHANGED, StagedImport, staged_changes, staged_comments

BATCH = 2000  # comments per insert (fewer when they carry over BATCH_CHARS); also how often progress is reported
COMPARED = ("article_id", "parent_external_id", "author", "author_email", "author_url", "author_ip",
            "body", "created_at", "source_status", "source_flag", "kind")
INSERTED = ("id", "external_id", "status") + COMPARED + ("parent_id",)
DUPLICATE = QT_TRANSLATE_NOOP("importing", "comment id that appears more than once in the file (the first was kept)")
# A comment's COMPARED values, as the import writes them.
Values = tuple[int, str | None, str, str | None, str | None, str | None, str, datetime, str, str | None, str]
# A new comment's row, less its id and parent id: its external id and status, then its Values.
NewRow = tuple[str, str, *Values]
Known = dict[str, tuple[int, datetime | None]]  # article external id → (id, published)

comments, decisions = core_table(Comment), core_table(Decision)
UPDATE = (
    update(comments)
    .where(comments.c.id == bindparam("_id"))
    .values({**{name: bindparam("v_" + name) for name in COMPARED + ("parent_id",)},
             "version": comments.c.version + 1, "updated_at": bindparam("v_now")})
)
# The source's new status applies only where no moderator has decided here.
FOLLOW_SOURCE = (
    update(comments)
    .where(comments.c.id == bindparam("_id"), ~exists().where(decisions.c.comment_id == comments.c.id))
    .values(status=bindparam("v_status"))
)


class Writer:
    def __init__(self, target: Target, site_id: int, report: ImportReport, screen_later: bool = False):
        """`screen_later`: a staged import's text screen runs as it publishes (importing/screening.py)."""
        self.target, self.connection = target, target.connection
        self.staged = isinstance(target, StagedImport)
        self.site_id, self.report, self.now = site_id, report, utcnow()
        self.articles = ArticleWriter(target, site_id, report, self.now)
        self.batch: list[CommentRecord] = []
        self.characters = 0  # of text in the batch
        with target.reading():
            self.ids = NewIds(self.connection, target.first_comment_id if isinstance(target, StagedImport) else None)
            self.had_comments = bool(self.connection.scalar(select(exists().where(comments.c.site_id == site_id))))
            self.prescreen = Prescreen(self.connection, site_id) if self.staged and not screen_later else None
        # Rows from ids.first up were added by this import; older ones are marked when met,
        # in a bitmap (a million ids in 125 kB), so a second record with their id is a duplicate.
        self.met = bytearray(self.ids.first // 8 + 1)
        self.parents = ParentLinker()
        # Staged, the duplicates of this file's own comments are looked for in the staging file.
        self.written = _Written() if self.staged or not self.had_comments else None
        # Whether a reply may be left unlinked: only then are the site's rows searched at the end.
        self.loose = self.had_comments
        table, constants = (staged_comments, {}) if self.staged else (
            comments, {"site_id": site_id, "is_staff": False, "version": 1, "updated_at": self.now})
        self.insert = FastInsert(self.connection, table, INSERTED, constants=constants)
        self.stage_changes = FastInsert(self.connection, staged_changes, ("comment_id", *CHANGED, "follow")) \
            if self.staged else None
        self.undated = 0
        self.later = CountsLater(self.connection) if not self.staged and self.connection.dialect.name == "postgresql" \
            else None

    def article(self, record: ArticleRecord) -> None:
        self.articles.add(record)

    def comment(self, record: CommentRecord) -> None:
        self.batch.append(record)
        self.characters += weight(record)
        if len(self.batch) >= BATCH or self.characters > BATCH_CHARS:
            self.flush()

    def flush(self) -> None:
        batch, self.batch, self.characters = self.batch, [], 0
        known = self.articles.resolve({record.article_external_id for record in batch})
        with self.target.reading():
            existing = self._existing([record.external_id for record in batch])
            new_rows, changed = self._sort_out(batch, known, existing)
            self.parents.remember((external_id, row.id) for external_id, row in existing.items())
            self._insert(new_rows)
            self.report.comments.added += len(new_rows)
            self._update(changed)

    def _sort_out(self, batch: list[CommentRecord], known: Known,
                  existing: dict[str, _Existing]) -> tuple[list[NewRow], list[tuple[_Existing, Values]]]:
        """Rows to insert, rows to update; unchanged ones and duplicates counted."""
        new_rows: list[NewRow] = []
        changed: list[tuple[_Existing, Values]] = []
        seen: set[str] = set()
        for record in batch:
            row = existing.get(record.external_id)
            if record.external_id in seen or row is not None and self._met_before(row.id):
                self.report.skip(DUPLICATE, record.external_id)
                continue
            seen.add(record.external_id)
            article_id, published_at = known[record.article_external_id]
            values = self._values(record, article_id, published_at if row is None else row.created_at)
            if row is None:
                new_rows.append((record.external_id, record.source_status) + values)
            elif values != row.values:
                changed.append((row, values))
            else:
                self.report.comments.unchanged += 1
        return new_rows, changed

    def _insert(self, new_rows: list[NewRow]) -> None:
        """New rows (external id first) with their ids and, where known, their parents' ids."""
        ids = self.ids.take(len(new_rows))
        self.parents.remember(zip((row[0] for row in new_rows), ids))
        if self.written is not None:
            self.written.add(row[0] for row in new_rows)
        parent_id = self.parents.parent_id
        rows = [(comment_id, *row, parent_id(row[3], comment_id)) for comment_id, row in zip(ids, new_rows)]
        self.loose = self.loose or any(row[-1] is None and row[4] is not None for row in rows)
        self.insert(rows)
        if self.later is not None:
            self.later.added(ids)
        if self.prescreen is not None:  # the rules run as each batch is published; their text screen now, unlocked
            self.prescreen((comment_id, row[8]) for comment_id, row in zip(ids, new_rows))  # row[8]: the body
        elif not self.staged:
            on_arrival(self.connection, ids)

    def _existing(self, external_ids: list[str]) -> dict[str, _Existing]:
        """The rows these ids have already: here, or (staged) earlier in this file."""
        maybe = self.written.maybe(external_ids) if self.written is not None else external_ids
        found = self._rows(comments, external_ids if self.had_comments else [] if self.staged else maybe)
        if self.staged:
            found |= self._rows(staged_comments, maybe)
        return found

    def _rows(self, table: Table, external_ids: list[str]) -> dict[str, _Existing]:
        found: dict[str, _Existing] = {}
        columns = [table.c.id, *(table.c[name] for name in COMPARED), table.c.parent_id, table.c.external_id]
        mine = [comments.c.site_id == self.site_id] if table is comments else []
        for start in range(0, len(external_ids), LOOKUP):
            chunk = external_ids[start : start + LOOKUP]
            rows = self.connection.execute(select(*columns).where(*mine, table.c.external_id.in_(chunk)))
            found.update((row.external_id, _Existing(row)) for row in rows)
        return found

    def _met_before(self, comment_id: int) -> bool:
        """True for a row added by this import or already met in it; marks the row met."""
        if comment_id >= self.ids.first:
            return True
        byte, bit = divmod(comment_id, 8)
        if self.met[byte] >> bit & 1:
            return True
        self.met[byte] |= 1 << bit
        return False

    def _values(self, record: CommentRecord, article_id: int, fallback_time: datetime | None) -> Values:
        created_at = record.created_at or fallback_time
        if created_at is None:
            self.undated += 1
            created_at = self.now
        return (article_id, record.parent_external_id, record.author[:200], _cut(record.email, 320), record.url,
                _cut(record.ip, 64), record.body, created_at, record.source_status, record.source_flag, record.kind[:20])

    def _update(self, changed: list[tuple[_Existing, Values]]) -> None:
        if not changed:
            return
        params: list[dict[str, object]] = []
        follow: list[dict[str, object]] = []
        for row, values in changed:
            new: dict[str, object] = dict(zip(("v_" + name for name in COMPARED), values))
            # A new parent id is linked again at the end; an unchanged one keeps its link.
            new["v_parent_id"] = row.parent_id if values[1] == row.parent_external_id else None
            params.append({"_id": row.id, "v_now": self.now, **new})
            if values[8] != row.source_status:
                follow.append({"_id": row.id, "v_status": values[8]})
        self.loose = True  # a changed parent is linked again at the end
        self.report.comments.updated += len(changed)
        if self.stage_changes is not None:
            following = {item["_id"] for item in follow}
            self.stage_changes([(p["_id"], *(p["v_" + name] for name in CHANGED), p["_id"] in following) for p in params])
            return
        self.connection.execute(UPDATE, params)
        if follow:
            self._follow(follow)

    def _follow(self, follow: list[dict[str, object]]) -> None:
        # Locked first: FOLLOW_SOURCE's look for a moderator's decision then sees any that
        # committed before (on PostgreSQL, where decisions go on beside an import).
        self.connection.execute(select(comments.c.id).where(comments.c.id.in_([row["_id"] for row in follow]))
                                .with_for_update())
        with self.later.counted_now() if self.later is not None else nullcontext():
            self.connection.execute(FOLLOW_SOURCE, follow)

    # The end of the file

    def finish(self) -> None:
        """The last batch in; written straight, the replies left unlinked linked (staged,
        that is done once published: storage/staging.py)."""
        self.flush()
        if not self.staged:
            looped = []
            if self.loose:  # else every reply was linked as it went in, never to a later row
                replylinks.link(self.connection, self.site_id)
                looped = replylinks.loops(self.connection, self.site_id)
                replylinks.cut(self.connection, looped)
            self.report_links(looped)
        if self.later is not None:
            self.later.finish()
        with self.target.reading():
            self._report_loose_ends()

    def report_links(self, looped: list[int]) -> None:
        """What linking the replies left: loops cut, replies whose parent is not here."""
        for comment_id in looped:
            self.report.warn("replies whose parent chain loops back to them; kept as top-level comments", str(comment_id))
        if not self.loose:
            return
        with self.target.reading():
            unlinked = replylinks.unlinked(self.site_id)
            dangling = self.connection.execute(
                select(comments.c.external_id, comments.c.parent_external_id).where(unlinked).limit(3)).all()
            if dangling:
                self.report.warn("replies whose parent is not in the database; kept as top-level comments until it arrives",
                                 [f"{external_id} → {parent_id}" for external_id, parent_id in dangling],
                                 count=self.connection.execute(select(func.count()).where(unlinked)).scalar_one())

    def _report_loose_ends(self) -> None:
        if self.articles.placeholders:
            self.report.warn("articles named by comments but missing from the file; a placeholder was made",
                             self.articles.placeholder_examples(), count=self.articles.placeholders)
        if self.undated:
            self.report.warn("comments without a usable date; dated by their article, else by the import", [],
                             count=self.undated)


class _Written:
    """The external ids an import has written, for a site that had no comments before it,
    as a hash bitmap (8 MB whatever the file's size): an id not in it cannot be in the
    database, which spares a first import looking up every id; an id in it (a duplicate,
    or a false match: about 1 in 70 at a million) is looked up as before."""

    BITS = 1 << 26

    def __init__(self) -> None:
        self.bits = bytearray(self.BITS // 8)

    def add(self, external_ids: Iterable[str]) -> None:
        bits, mask = self.bits, self.BITS - 1
        for external_id in external_ids:
            h = hash(external_id) & mask
            bits[h >> 3] |= 1 << (h & 7)

    def maybe(self, external_ids: list[str]) -> list[str]:
        bits, mask = self.bits, self.BITS - 1
        return [x for x in external_ids if bits[(h := hash(x) & mask) >> 3] >> (h & 7) & 1]


class _Existing:
    """A comment row already in the database: its id, compared values, parent link."""

    __slots__ = ("id", "values", "parent_id", "created_at", "parent_external_id", "source_status")
    id: int
    values: tuple[Any, ...]  # as Values, read back
    parent_id: int | None
    created_at: datetime
    parent_external_id: str | None
    source_status: str | None

    def __init__(self, row: Row[*tuple[Any, ...]]):
        self.id, self.values, self.parent_id = row[0], tuple(row[1 : 1 + len(COMPARED)]), row.parent_id
        self.created_at, self.parent_external_id, self.source_status = row.created_at, row.parent_external_id, row.source_status


def _cut(value: str | None, length: int) -> str | None:
    return value[:length] if value else value
