"""On PostgreSQL an import writes in one transaction that shares the write lock with the
team's decisions (storage/engine.IMPORTING) and counts its articles at its end
(importing/countslater.py): a decision on an article the import is filling is written at
once, not when the import commits, and afterwards every article's counts are right."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from moderator.errors import DatabaseBusy
from moderator.formats.records import ArticleRecord, CommentRecord, Record
from moderator.importing import import_records
from moderator.moderation import decisions
from moderator.storage.database import Database, open_database
from moderator.storage.engine import make_session_factory
from moderator.storage.models import Comment
from moderator.vocabulary import Action, Status
from tests.test_article_counts import from_scratch, kept

T0 = datetime(2025, 1, 1, tzinfo=UTC)


def _comments(first: int, count: int, source_status: str = "pending") -> Iterator[CommentRecord]:
    for n in range(first, first + count):
        yield CommentRecord(f"c{n}", f"a{n % 3}", None, f"Reader {n % 7}", None, None, None, T0, f"comment number {n}",
                            source_status)


def _records(first: int, count: int) -> list[Record]:
    return [*(ArticleRecord(f"a{n}", title=f"Article {n}") for n in range(3)), *_comments(first, count)]


class _PausedImport:
    """An import on a thread of its own whose transaction is held open after its first 2,530
    comments (a first batch written: BATCH is 2,000, its rules run) until `finish`."""

    def __init__(self, db: Database, rest: Iterable[Record] = ()):
        self.db, self.rest = db, rest
        self.halfway, self.go_on = threading.Event(), threading.Event()
        self.failed: list[BaseException] = []
        self.thread = threading.Thread(target=self._import)
        self.thread.start()
        assert self.halfway.wait(60)
        time.sleep(0.3)  # the first batch inserted and its rules run, inside the open transaction

    def finish(self) -> None:
        self.go_on.set()
        self.thread.join(120)
        assert not self.failed, self.failed

    def _records(self) -> Iterator[Record]:
        yield from _records(30, 2500)
        self.halfway.set()
        self.go_on.wait(60)
        yield from self.rest

    def _import(self) -> None:
        try:
            with self.db.import_sessions() as session:
                import_records(session, self._records(), "site", "Site")
                session.commit()
        except BaseException as error:  # reported by finish
            self.failed.append(error)


def test_on_postgresql_a_decision_is_written_while_an_import_fills_its_article(pg_url, paths):
    db = open_database(pg_url, paths.backups)
    try:
        with db.import_sessions() as session:
            import_records(session, _records(0, 30), "site", "Site")
            session.commit()
        with db.sessions() as session:
            here = session.scalars(select(Comment.id).where(Comment.external_id.in_(["c0", "c1"]))).all()

        hidden_at_source = CommentRecord("c1", "a1", None, "Reader 1", None, None, None, T0, "comment number 1", "hidden")
        paused = _PausedImport(db, [*_comments(2530, 500), hidden_at_source])
        began = time.monotonic()
        try:
            with db.decision_sessions() as session:  # c0 is in article a0, which the import is filling
                decisions.decide(session, [here[0]], Action.HIDE, "ana", reason="abuse")
                session.commit()
            took = time.monotonic() - began
        finally:
            paused.finish()
        assert took < 2.0, f"the decision waited {took:.1f} s for the import"

        with db.sessions() as session:
            rows = session.execute(select(Comment.external_id, Comment.status))
            statuses = {external_id: status for external_id, status in rows}
            assert len(statuses) == 3030
            assert statuses["c0"] == Status.HIDDEN  # the moderator's
            assert statuses["c1"] == Status.HIDDEN  # the source's, followed (no moderator decided it)
            assert kept(session)[0] == from_scratch(session)[0]
            assert sum(pending for pending, _a, _h in kept(session)[0].values()) == 3028
    finally:
        db.dispose()


def test_on_postgresql_imports_take_turns_and_a_write_that_needs_the_database_alone_waits(pg_url, paths):
    db = open_database(pg_url, paths.backups)
    impatient_import = make_session_factory(db.engine, write=True, importing=True, patience=0.2)
    impatient_write = make_session_factory(db.engine, write=True, patience=0.2)
    try:
        with db.import_sessions() as session:
            import_records(session, _records(0, 5), "site", "Site")
            session.commit()
            done = session.scalar(select(Comment.id).where(Comment.external_id == "c0"))
        with db.import_sessions() as first:
            import_records(first, _records(5, 5), "site", "Site")
            with pytest.raises(DatabaseBusy), impatient_import() as second:
                import_records(second, _records(10, 5), "site", "Site")
            with pytest.raises(DatabaseBusy), impatient_write() as bulk:  # a write that needs the database alone
                decisions.decide(bulk, [done], Action.APPROVE, "ana")
            first.commit()
        with impatient_import() as second:  # free again once the first ended
            import_records(second, _records(10, 5), "site", "Site")
            second.commit()
        with db.sessions() as session:
            assert session.scalar(select(func.count()).select_from(Comment)) == 15
    finally:
        db.dispose()


def test_on_postgresql_a_write_waiting_for_an_import_holds_no_decision_up(pg_url, paths):
    """PostgreSQL grants a lock in the order asked: a bulk write queued behind an import would
    hold up every decision asked for after it. It asks again and again instead (engine._take_alone)."""
    db = open_database(pg_url, paths.backups)
    patient_write = make_session_factory(db.engine, write=True, patience=60)
    try:
        with db.import_sessions() as session:
            import_records(session, _records(0, 30), "site", "Site")
            session.commit()
            first, second = session.scalars(select(Comment.id).order_by(Comment.id).limit(2)).all()
        waited: list[float] = []

        def bulk() -> None:
            began = time.monotonic()
            with patient_write() as writing:
                decisions.decide(writing, [second], Action.APPROVE, "lead")
                writing.commit()
            waited.append(time.monotonic() - began)

        paused = _PausedImport(db)
        waiting = threading.Thread(target=bulk)
        try:
            waiting.start()
            time.sleep(0.5)  # the bulk write is waiting for the import
            began = time.monotonic()
            with db.decision_sessions() as decision:
                decisions.decide(decision, [first], Action.APPROVE, "ana")
                decision.commit()
            took = time.monotonic() - began
            assert waiting.is_alive()  # still waiting for the import
        finally:
            paused.finish()
            waiting.join(60)
        assert took < 1.0, f"the decision waited {took:.1f} s behind the bulk write"
        assert waited and waited[0] >= 0.5  # it went in once the import had committed
    finally:
        db.dispose()
