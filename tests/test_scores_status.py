"""Migration 0006 (SQLite) and 0012 (PostgreSQL): each score carries its comment's status,
copied by triggers in the same transaction, so one status's queue by priority reads only
that status's scores. On both databases: the queues by priority after decisions (issue 17:
on PostgreSQL, Pending listed hidden comments at the top and Hidden dropped every scored one)."""

import pytest
from sqlalchemy import select, text

from moderator.moderation.decisions import decide, undo
from moderator.reading import queue
from moderator.scoring.store import write_scores
from moderator.storage.database import open_database
from moderator.storage.engine import make_engine
from moderator.storage.migrate import upgrade
from moderator.storage.models import Comment, Score
from moderator.vocabulary import Action, QueueKind, Sort, Source, Status
from tests.oldschema import insert_old_comments
from tests.queuedata import build

pytestmark = pytest.mark.both_databases


def mismatches(session) -> list[tuple]:
    """Scores whose status is not their comment's."""
    return session.execute(select(Score.comment_id, Score.model_id, Score.status, Comment.status)
                           .join(Comment, Comment.id == Score.comment_id).where(Score.status != Comment.status)).all()


def statuses(session, comment_id: int) -> set[str]:
    return set(session.scalars(select(Score.status).where(Score.comment_id == comment_id)))


def test_the_migration_copies_the_status_of_comments_already_scored(paths):
    engine = make_engine(f"sqlite:///{paths.database}")
    upgrade(engine, "0005")
    with engine.begin() as c:
        c.execute(text("INSERT INTO scoring_models (id, name, family, checksum, source, labels, main_label, created_at) "
                       "VALUES (1, 'm', 'f', 'c', '', '[\"toxicity\"]', 'toxicity', '2025-01-01 00:00:00.000000')"))
        insert_old_comments(c, [(1, "text", "Ann", "pending"), (2, "text", "Ann", "hidden"), (3, "text", "Ann", "approved")])
        for cid in (1, 2, 3):
            c.execute(text("INSERT INTO scores (comment_id, model_id, main, label_scores, scored_at) "
                           "VALUES (:id, 1, 0.5, '{}', '2025-01-01 00:00:00.000000')"), {"id": cid})
    engine.dispose()
    database = open_database(f"sqlite:///{paths.database}", paths.backups)
    with database.sessions() as s:
        assert dict(s.execute(select(Score.comment_id, Score.status)).all()) == {1: "pending", 2: "hidden", 3: "approved"}
    database.dispose()


def test_scores_follow_every_change_of_status(db):
    with db.sessions() as s:
        model_id, refs = build(s)
        assert not mismatches(s)  # a new score takes its comment's status
        two_models = refs[0].id  # scored by both models (see build)
        pending = [r.id for r in refs[1:] if r.status == Status.PENDING and r.main is not None]
        decide(s, [two_models], Action.APPROVE, "ana")
        assert statuses(s, two_models) == {Status.APPROVED}
        hide = decide(s, [pending[0]], Action.HIDE, "ana", reason="abuse")
        assert statuses(s, pending[0]) == {Status.HIDDEN}
        undo(s, hide.decision_ids, "ana")
        assert statuses(s, pending[0]) == {Status.PENDING}
        batch = decide(s, pending[1:4], "hide", "ana", reason="spam", source=Source.BULK)
        assert all(statuses(s, cid) == {Status.HIDDEN} for cid in pending[1:4])
        undo(s, batch.decision_ids, "ana")
        write_scores(s, model_id, "toxicity", [pending[1]], [{"toxicity": 0.99, "insult": 0.1}])  # a re-score keeps it
        assert not mismatches(s)
        s.commit()


def test_pending_by_priority_is_right_after_the_top_is_decided(db):
    with db.sessions() as s:
        model_id, refs = build(s)
        by_score = sorted((r for r in refs if r.status == Status.PENDING and r.main is not None),
                          key=lambda r: (-r.main, -r.created_at.timestamp(), -r.id))
        decide(s, [r.id for r in by_score[:5]], "hide", "ana", reason="abuse", source=Source.BULK)
        rows, _cursor = queue.page(s, queue.QueueQuery(model_id=model_id), limit=3)
        assert [row.id for row in rows] == [r.id for r in by_score[5:8]]


def test_every_queue_by_priority_after_decisions(db):
    """Each status's queue by priority holds exactly its comments, decided one by one and in
    bulk, restored, and approved over a hide (the moderator's `a` in Pending)."""
    with db.write_sessions() as s:
        model_id, refs = build(s)
        scored = sorted((r for r in refs if r.status == Status.PENDING and r.main is not None),
                        key=lambda r: (-r.main, -r.created_at.timestamp(), -r.id))
        decide(s, [scored[0].id], Action.HIDE, "ana", reason="abuse")
        decide(s, [r.id for r in scored[1:4]], Action.APPROVE, "ana", source=Source.BULK)
        decide(s, [scored[4].id], Action.HIDE, "ana", reason="spam")
        decide(s, [scored[4].id], Action.RESTORE, "ben")
        decide(s, [scored[0].id], Action.APPROVE, "ben")  # approved over the hide
        s.commit()
    with db.sessions() as s:
        for kind, status in ((QueueKind.PENDING, Status.PENDING), (QueueKind.HIDDEN, Status.HIDDEN),
                             (QueueKind.APPROVED, Status.APPROVED)):
            listed = queue.ids(s, queue.QueueQuery(kind=kind, sort=Sort.PRIORITY, model_id=model_id))
            paged, _cursor = queue.page(s, queue.QueueQuery(kind=kind, sort=Sort.PRIORITY, model_id=model_id), limit=500)
            wanted = set(s.scalars(select(Comment.id).where(Comment.status == status)))
            assert set(listed) == wanted == {row.id for row in paged}, kind
        top, _cursor = queue.page(s, queue.QueueQuery(kind=QueueKind.PENDING, model_id=model_id), limit=2)
        assert [row.id for row in top] == [scored[4].id, scored[5].id]  # restored: back at its place
        approved, _cursor = queue.page(s, queue.QueueQuery(kind=QueueKind.APPROVED, model_id=model_id), limit=4)
        assert [row.id for row in approved] == [r.id for r in scored[:4]]


def test_postgresql_upgrade_repairs_the_copies_made_without_triggers(pg_server, paths):
    """A team database migrated before 0012 had no triggers: its copies were wrong."""
    url = pg_server.empty_database()
    engine = make_engine(url)
    upgrade(engine, "0011")
    with engine.begin() as c:
        c.execute(text("INSERT INTO scoring_models (id, name, family, checksum, source, labels, main_label, created_at) "
                       "VALUES (1, 'm', 'f', 'c', '', '[\"toxicity\"]', 'toxicity', now())"))
        insert_old_comments(c, [(1, "text", "Ann", "pending"), (2, "text", "Ann", "hidden"), (3, "text", "Ann", "approved")])
        for cid in (1, 2, 3):
            c.execute(text("INSERT INTO scores (comment_id, model_id, main, label_scores, scored_at) "
                           "VALUES (:id, 1, 0.5, '{}', now())"), {"id": cid})
    engine.dispose()
    database = open_database(url, paths.backups)
    with database.sessions() as s:
        assert dict(s.execute(select(Score.comment_id, Score.status)).all()) == {1: "pending", 2: "hidden", 3: "approved"}
    database.dispose()
