"""The sync engine, written once over the connector interface: deliver the outbox, pull.

Every database step is a short write of its own (`Write`: the window's one writer, or a
write session on the command line), so a pull of 10,000 comments never holds the database
for long, can be cancelled between pages and resumes from the cursor its last page saved.

Exactly once. A status change is checked against the site before it is made: the site
already in the target state means an earlier attempt went through (it is marked sent); the
site in a state other than the one last pulled means someone changed it there meanwhile (the
row is held and the moderator chooses: moderation/conflicts.py). A reply's row is marked
`sending` (committed) before it is posted and gets the site's id after; a row found
`sending` (a kill, or a cut between the site's answer and the mark) looks on the site for
the reply before posting again. A pull records the site's changes to comments that have
rows still to send, or local decisions, as held rows too: nothing is overwritten either way.

A site may give a deleted comment's id to a new one (Isso: SQLite reuses the highest id
once its row is gone). A comment gone from the site never comes back, so a live comment
arriving under a deleted one's id, or a reply of ours posted under it, is a new comment:
the old one here keeps its text and decisions and loses the id (it is no longer on the site).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import exists, func, select, update
from sqlalchemy.orm import Session, aliased

from moderator.connectors.base import Connector, Gone, Page, SiteError, SiteState, Unreachable
from moderator.connectors.connections import OFFLINE, ConnectionRow, record
from moderator.formats.records import HIDDEN, CommentRecord, Record
from moderator.i18n import translate
from moderator.importing import Counts, import_records
from moderator.moderation.outbox import FAILED, HELD, LOCAL, POST, REMOVE, REPOST, SENDING, SENT, TO_SEND, WAITING
from moderator.storage.models import Article, Comment, Decision, OutboxItem, core_table, utcnow
from moderator.vocabulary import Status

T = TypeVar("T")
Write = Callable[[Callable[[Session], T]], T]  # runs a function in a write session, committed; → its result
Read = Callable[[Callable[[Session], T]], T]
Cancelled = Callable[[], bool]
Progress = Callable[[int, int], None]  # comments pulled so far, of how many (0: unknown)
BATCH = 50  # outbox rows read, checked on the site and marked at a time
PARALLEL = 4  # requests in flight while delivering (the site's own limit is the real one)
outbox = core_table(OutboxItem)


@dataclass
class SyncReport:
    site: str
    pulled: Counts = field(default_factory=Counts)
    sent: int = 0
    held: int = 0
    local: int = 0
    failed: int = 0
    error: str | None = None
    cancelled: bool = False
    remaining: int = 0  # still to send after this run
    why: dict[str, int] = field(default_factory=dict)  # why rows stayed local or were refused → how many

    @property
    def offline(self) -> bool:
        return bool(self.error and self.error.startswith(OFFLINE))

    def as_json(self) -> dict[str, object]:
        return {"site": self.site, "pulled": vars(self.pulled), "sent": self.sent, "held": self.held,
                "local": self.local, "failed": self.failed, "to_send": self.remaining, "error": self.error,
                "offline": self.offline, "cancelled": self.cancelled}

    def summary(self, name: str | None = None) -> str:
        """One line; a run the site did not answer says only that and what waits."""
        p, parts = self.pulled, []
        if p.added or p.updated or not self.error:
            parts.append(translate("sync", "pulled {added} new, {updated} changed").format(added=p.added, updated=p.updated))
        if self.sent or self.held or self.failed or self.local or not self.error:
            parts.append(translate("sync", "sent {count}").format(count=self.sent)
                         + (translate("sync", ", {count} held (changed on the site)").format(count=self.held)
                            if self.held else "")
                         + (translate("sync", ", {count} kept here only").format(count=self.local) if self.local else "")
                         + (translate("sync", ", {count} refused").format(count=self.failed) if self.failed else ""))
        parts.append(translate("sync", "{count} to send").format(count=self.remaining))
        said = f"{name or self.site}: " + "; ".join(parts) + "."
        why = "".join(f" {note.rstrip('.')} ({count})." for note, count in self.why.items() if note)
        cancelled = translate("sync", " (cancelled)") if self.cancelled else ""
        return said + why + (f" {self.error}" if self.error else "") + cancelled


def sync(connection: ConnectionRow, connector: Connector, read: Read[Any], write: Write[Any],
         cancelled: Cancelled = lambda: False, progress: Progress | None = None, pull_too: bool = True) -> SyncReport:
    """Deliver what waits, then pull (then deliver what the pull let through). A site that
    does not answer ends the run with the error recorded ("Offline: …"); nothing is lost."""
    report = SyncReport(connection.site_key)
    try:
        deliver(connection, connector, read, write, report, cancelled)
        if pull_too and not cancelled():
            pull(connection, connector, read, write, report, cancelled, progress)
        write(lambda s: record(s, connection.id, pulled=pull_too and not cancelled(), pushed=True))
    except Unreachable as error:
        report.error = f"{OFFLINE}: {error}"
    except SiteError as error:
        report.error = str(error)
    report.cancelled = cancelled()
    if report.error:
        write(lambda s: record(s, connection.id, error=report.error))
    report.remaining = read(lambda s: to_send(s, connection.id))
    return report


def to_send(session: Session, connection_id: int | None = None) -> int:
    query = select(OutboxItem.id).where(OutboxItem.state.in_(TO_SEND))
    if connection_id is not None:
        query = query.where(OutboxItem.connection_id == connection_id)
    return session.execute(select(func.count()).select_from(query.subquery())).scalar_one()


# ---- pull -----------------------------------------------------------------------------------------

def pull(connection: ConnectionRow, connector: Connector, read: Read[Any], write: Write[Any], report: SyncReport,
         cancelled: Cancelled, progress: Progress | None = None) -> None:
    known = read(lambda s: known_states(s, connection.site_id))
    done = 0
    for page in ahead(connector.pull(connection.cursor, known), cancelled):
        counts, held = write(partial(apply_page, connection=connection, page=page))
        for name in ("added", "updated", "unchanged"):
            setattr(report.pulled, name, getattr(report.pulled, name) + getattr(counts, name))
        report.held += held
        done += sum(1 for r in page.records if r.__class__ is CommentRecord)
        if progress is not None:
            progress(done, max(page.total or 0, done))
        if cancelled():
            return


def ahead(pages: Iterator[Page], cancelled: Cancelled) -> Iterator[Page]:
    """The site's next page is fetched while this one is written (a thread, one page ahead)."""
    waiting: queue.Queue[Page | BaseException | None] = queue.Queue(maxsize=1)

    def fetch() -> None:
        try:
            for page in pages:
                waiting.put(page)
                if cancelled():
                    break
            waiting.put(None)
        except BaseException as error:  # noqa: BLE001 - handed to the reading thread, raised there
            waiting.put(error)
        finally:
            close = getattr(pages, "close", None)
            if close is not None:
                close()  # a cancelled pull's generator lets go of its requests here, not at collection

    thread = threading.Thread(target=fetch, name="site-pull", daemon=True)
    thread.start()
    try:
        while (item := waiting.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        while thread.is_alive():  # let the fetching thread end (it may be blocked putting)
            try:
                waiting.get_nowait()
            except queue.Empty:
                thread.join(0.05)


def known_states(session: Session, site_id: int) -> dict[str, SiteState]:
    """Every comment of the site here that came from it: its state as last pulled or pushed."""
    rows = session.execute(select(Comment.external_id, Comment.source_status, Comment.source_flag)
                           .where(Comment.site_id == site_id, Comment.external_id.is_not(None)))
    return {external_id: SiteState(status or Status.APPROVED, flag) for external_id, status, flag in rows if external_id}


def apply_page(session: Session, connection: ConnectionRow, page: Page) -> tuple[Counts, int]:
    """One page in one short transaction: the site's changes to comments decided here held
    first, then the records through the import pipeline, then the cursor."""
    records = list(page.records) + gone_records(session, connection.site_id, page.gone)
    retire_reused_ids(session, connection.site_id, [r for r in records if r.__class__ is CommentRecord])
    held = hold_site_changes(session, connection, [r for r in records if r.__class__ is CommentRecord])
    report = import_records(session, records, connection.site_key, connection.site_name)
    if page.cursor is not None:
        record(session, connection.id, cursor=page.cursor)
    return report.comments, held


def gone_records(session: Session, site_id: int, external_ids: list[str]) -> list[Record]:
    """Comments deleted on the site: their own rows, marked hidden (deleted) at the source."""
    if not external_ids:
        return []
    parent = aliased(Comment)
    rows = session.execute(
        select(Comment, Article.external_id, parent.external_id).join(Article, Article.id == Comment.article_id)
        .outerjoin(parent, parent.id == Comment.parent_id)
        .where(Comment.site_id == site_id, Comment.external_id.in_(external_ids))).all()
    return [CommentRecord(c.external_id or "", article, parent_external or c.parent_external_id, c.author, c.author_email,
                          c.author_url, c.author_ip, c.created_at, c.body, HIDDEN, "deleted", c.kind)
            for c, article, parent_external in rows]


def retire_reused_ids(session: Session, site_id: int, records: list[CommentRecord]) -> None:
    """Comments gone from the site whose id the site gave to a new comment (another author or
    text, and not deleted) let go of it, before the import reads the id as theirs."""
    live = {r.external_id: r for r in records if r.source_flag != "deleted"}
    if not live:
        return
    reused = [comment_id for comment_id, external_id, author, body in session.execute(
        select(Comment.id, Comment.external_id, Comment.author, Comment.body)
        .where(Comment.site_id == site_id, Comment.external_id.in_(list(live)), Comment.source_flag == "deleted"))
        if (live[external_id or ""].author, live[external_id or ""].body) != (author, body)]
    _let_go_of_ids(session, reused)


def _let_go_of_ids(session: Session, comment_ids: list[int]) -> None:
    if comment_ids:
        session.execute(update(Comment).where(Comment.id.in_(comment_ids)).values(external_id=None))


def hold_site_changes(session: Session, connection: ConnectionRow, records: list[CommentRecord]) -> int:
    """A comment whose state the site changed, while a decision of ours on it waits to go
    (that row is held) or after we decided it here (a held row asks which state stays)."""
    by_id = {r.external_id: r for r in records}
    if not by_id:
        return 0
    held = 0
    decided = exists().where(Decision.comment_id == Comment.id)
    for comment_id, external_id, source_status, source_flag, status, has_decisions in session.execute(
            select(Comment.id, Comment.external_id, Comment.source_status, Comment.source_flag, Comment.status,
                   decided).where(Comment.site_id == connection.site_id, Comment.external_id.in_(list(by_id)))):
        incoming = by_id[external_id or ""]
        site = SiteState(incoming.source_status, incoming.source_flag)
        if SiteState(source_status or Status.APPROVED, source_flag) == site:
            continue
        waiting = list(session.scalars(select(OutboxItem.id).where(OutboxItem.comment_id == comment_id,
                                                                    OutboxItem.state.in_(TO_SEND))))
        if waiting:
            session.execute(update(OutboxItem).where(OutboxItem.id.in_(waiting))
                            .values(state=HELD, site_status=site.status, site_flag=site.flag, changed_at=utcnow(),
                                    note="changed on the site meanwhile"))
            held += 1
        elif has_decisions and status != site.status:
            held += _hold_decided(session, connection.id, comment_id, Status(status), site)
    return held


def _hold_decided(session: Session, connection_id: int, comment_id: int, status: Status, site: SiteState) -> int:
    already = session.scalar(select(OutboxItem.id).where(OutboxItem.comment_id == comment_id, OutboxItem.state == HELD))
    if already is not None:
        session.execute(update(OutboxItem).where(OutboxItem.id == already)
                        .values(site_status=site.status, site_flag=site.flag, changed_at=utcnow()))
        return 0
    latest = session.execute(select(Decision.id, Decision.reason).where(Decision.comment_id == comment_id)
                             .order_by(Decision.id.desc()).limit(1)).first()
    session.execute(outbox.insert().values(
        connection_id=connection_id, comment_id=comment_id, decision_id=latest.id if latest else None,
        operation="status", status_after=status, reason=latest.reason if latest else None, state=HELD,
        attempts=0, site_status=site.status, site_flag=site.flag, note="changed on the site after you decided it",
        created_at=utcnow(), changed_at=utcnow()))
    return 1


# ---- deliver ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Item:
    """An outbox row with what delivering it needs."""

    id: int
    comment_id: int
    operation: str
    status_after: str
    reason: str | None
    state: str
    created_at: datetime
    external_id: str | None
    expected: SiteState
    article_external_id: str
    parent_id: int | None
    parent_external_id: str | None
    body: str
    author: str


@dataclass(frozen=True)
class Outcome:
    item: Item
    state: str  # SENT, HELD, LOCAL, FAILED, WAITING (not yet: a parent to post first)
    site: SiteState | None = None  # the comment's state on the site now
    external_id: str | None = None  # a posted reply's id on the site
    note: str = ""


def deliver(connection: ConnectionRow, connector: Connector, read: Read[Any], write: Write[Any],
            report: SyncReport, cancelled: Cancelled) -> None:
    """The rows to send, oldest first, a batch at a time; one comment's rows in their order."""
    after = 0
    with ThreadPoolExecutor(PARALLEL, thread_name_prefix="site-push") as pool:
        while not cancelled():
            items = read(partial(next_items, connection_id=connection.id, after=after))
            if not items:
                return
            batch = _one_per_comment(items)
            outcomes = _outcomes(connection, connector, batch, write, pool)
            # Past this batch, but not past a reply that waited for its parent (posted in this batch, perhaps).
            after = min([o.item.id - 1 for o in outcomes if o.state == WAITING] or [max(i.id for i in batch)])
            write(partial(mark, outcomes=outcomes))
            for outcome in outcomes:
                report.sent += outcome.state == SENT
                report.held += outcome.state == HELD
                report.local += outcome.state == LOCAL
                report.failed += outcome.state == FAILED
                if outcome.state in (LOCAL, FAILED):  # the moderator is told why (the Sync log, `sync`)
                    report.why[outcome.note] = report.why.get(outcome.note, 0) + 1
            if all(o.state == WAITING for o in outcomes):
                return  # only replies whose parent is not on the site yet: nothing more to do now


def next_items(session: Session, connection_id: int, after: int) -> list[Item]:
    parent = aliased(Comment)
    rows = session.execute(
        select(OutboxItem, Comment, Article.external_id, parent.external_id)
        .join(Comment, Comment.id == OutboxItem.comment_id).join(Article, Article.id == Comment.article_id)
        .outerjoin(parent, parent.id == Comment.parent_id)
        .where(OutboxItem.connection_id == connection_id, OutboxItem.state.in_(TO_SEND), OutboxItem.id > after)
        .order_by(OutboxItem.id).limit(BATCH)).all()
    return [Item(o.id, o.comment_id, o.operation, o.status_after, o.reason, o.state, o.created_at, c.external_id,
                 SiteState(c.source_status or Status.APPROVED, c.source_flag), article, c.parent_id, parent_external,
                 c.body, c.author) for o, c, article, parent_external in rows]


def _one_per_comment(items: list[Item]) -> list[Item]:
    """The rows up to the first that is a comment's second: they may go in any order."""
    seen: set[int] = set()
    batch = []
    for item in items:
        if item.comment_id in seen:
            break
        seen.add(item.comment_id)
        batch.append(item)
    return batch


def _outcomes(connection: ConnectionRow, connector: Connector, batch: list[Item], write: Write[Any],
              pool: ThreadPoolExecutor) -> list[Outcome]:
    on_site = [i.external_id for i in batch if i.operation != POST and i.external_id]
    states = connector.states(on_site) if on_site else {}
    return list(pool.map(lambda item: _deliver_one(connection, connector, item, states, write), batch))


def _deliver_one(connection: ConnectionRow, connector: Connector, item: Item,
                 states: Mapping[str, SiteState | None], write: Write[Any]) -> Outcome:
    try:
        if item.operation == POST:
            return _post(connector, item, write)
        if item.operation == REPOST and connector.kind == "isso":
            return _post(connector, item, write)  # Isso deleted it: it is posted again
        return _set_status(connection, connector, item, states)
    except Gone as error:
        return Outcome(item, LOCAL, note=str(error))
    except (Unreachable, SiteError) as error:
        if isinstance(error, Unreachable) or type(error).__name__ in ("BadCredentials", "MissingCapability"):
            raise
        return Outcome(item, FAILED, note=str(error))


def _set_status(connection: ConnectionRow, connector: Connector, item: Item,
                states: Mapping[str, SiteState | None]) -> Outcome:
    if item.external_id is None:
        return Outcome(item, WAITING) if item.operation in (REMOVE, REPOST) else \
            Outcome(item, LOCAL, note="this comment is not on the site")
    status = Status.REMOVED if item.operation == REMOVE else Status(item.status_after)
    target = connector.site_status(status, item.reason, connection.hide_statuses)
    if target is None:
        return Outcome(item, LOCAL, note=connector.cannot.get(status, "the site has no such status"))
    now = states.get(item.external_id)
    if now is None:
        return Outcome(item, LOCAL, note="the comment is no longer on the site")
    if now == target:
        return Outcome(item, SENT, site=target)  # done already: an earlier attempt, or someone else
    if now != item.expected:
        return Outcome(item, HELD, site=now, note="changed on the site meanwhile")
    connector.set_state(item.external_id, target)
    return Outcome(item, SENT, site=target)


def _post(connector: Connector, item: Item, write: Write[Any]) -> Outcome:
    if item.parent_id is not None and item.parent_external_id is None:
        return Outcome(item, WAITING, note="waits for the comment it answers to be on the site")
    if item.state == SENDING:  # an earlier attempt may have gone through: look first
        found = _unclaimed(connector, item, write)
        if found:
            return Outcome(item, SENT, SiteState(Status.APPROVED), found)
    write(lambda s: s.execute(update(OutboxItem).where(OutboxItem.id == item.id)
                              .values(state=SENDING, attempts=OutboxItem.attempts + 1, changed_at=utcnow())))
    try:
        external_id = connector.post(item.article_external_id, item.parent_external_id, item.body, item.author)
    except Gone:  # the site has it already (its own duplicate check)
        found = _unclaimed(connector, item, write)
        if not found:
            raise
        external_id = found
    return Outcome(item, SENT, SiteState(Status.APPROVED), external_id)


def _unclaimed(connector: Connector, item: Item, write: Write[Any]) -> str | None:
    """A reply of ours with this text on the site that no comment here is already."""
    found = connector.find_posted(item.article_external_id, item.parent_external_id, item.body, item.created_at)
    if not found:
        return None
    claimed = set(write(lambda s: list(s.scalars(select(Comment.external_id).where(
        Comment.external_id.in_(found), Comment.site_id == select(Comment.site_id)
        .where(Comment.id == item.comment_id).scalar_subquery())))))
    return next((external_id for external_id in found if external_id not in claimed), None)


def mark(session: Session, outcomes: list[Outcome]) -> None:
    now = utcnow()
    for o in outcomes:
        if o.state == WAITING:
            continue
        values: dict[str, object] = {"state": o.state, "note": o.note, "changed_at": now}
        if o.state == HELD and o.site is not None:
            values |= {"site_status": o.site.status, "site_flag": o.site.flag}
        session.execute(update(OutboxItem).where(OutboxItem.id == o.item.id).values(values))
        if o.state == SENT:
            _sent(session, o)


def _sent(session: Session, o: Outcome) -> None:
    """The comment's source state is now what we set: the next pull sees no change there."""
    values: dict[str, object] = {}
    if o.site is not None:
        values |= {"source_status": o.site.status, "source_flag": o.site.flag}
    if o.external_id is not None:
        values["external_id"] = o.external_id
        _let_go_of_ids(session, list(session.scalars(select(Comment.id).where(  # a reused id: see the top
            Comment.external_id == o.external_id, Comment.id != o.item.comment_id,
            Comment.site_id == select(Comment.site_id).where(Comment.id == o.item.comment_id).scalar_subquery()))))
    if values:
        session.execute(update(Comment).where(Comment.id == o.item.comment_id).values(values))
