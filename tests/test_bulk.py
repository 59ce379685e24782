"""Bulk actions on a real database: one batch, one undo step, and the audit trail."""

import pytest
from sqlalchemy import func, select

from moderator.reading import queue
from moderator.moderation.bulk import decide_many, redo_many, undo_many
from moderator.reading.commenters import pending_ids_of
from moderator.errors import ConflictError, ModeratorError, NotFoundError
from moderator.moderation.decisions import decide
from moderator.storage.models import Comment, Decision, Status
from tests.test_queue_data import AUTHORS, build


@pytest.fixture
def data(db):
    with db.sessions() as s:
        model_id, refs = build(s)
    return db, model_id, refs


def statuses(session, ids) -> dict[int, str]:
    return dict(session.execute(select(Comment.id, Comment.status).where(Comment.id.in_(ids))).all())


def test_approve_many_is_one_batch_of_decisions(data):
    db, model_id, refs = data
    with db.sessions() as s:
        pending = queue.ids(s, queue.QueueQuery(kind=queue.PENDING))
        mixed = pending[:10] + [r.id for r in refs if r.status == Status.APPROVED][:3]
        batch = decide_many(s, mixed + mixed[:2], "approve", "ana")  # repeats are ignored
        s.commit()
        assert {c.comment_id for c in batch} == set(pending[:10])  # already approved: left alone
        assert all(c.status_before == Status.PENDING and c.status_after == Status.APPROVED for c in batch)
        assert set(statuses(s, mixed).values()) == {Status.APPROVED}
        rows = s.execute(select(Decision.batch_id, Decision.source, Decision.moderator, Decision.id)).all()
        assert {(r.batch_id, r.source, r.moderator) for r in rows} == {(batch.batch_id, "bulk", "ana")}
        assert sorted(r.id for r in rows) == sorted(c.decision_id for c in batch)
        assert s.get(Comment, pending[0]).version == 2


def test_a_bulk_undo_is_one_step_and_redo_reapplies_it(data):
    db, _model_id, refs = data
    with db.sessions() as s:
        chosen = [r.id for r in refs if r.status != Status.HIDDEN][:12]
        before = statuses(s, chosen)
        batch = decide_many(s, chosen, "hide", "ana", reason="spam", note="a flood")
        s.commit()
        undone = undo_many(s, batch.batch_id, "ben")
        s.commit()
        assert statuses(s, chosen) == before
        assert len(undone) == len(batch) and undone.batch_id != batch.batch_id
        assert {c.action for c in undone} == {"undo"}
        redone = redo_many(s, undone.batch_id, "ana")
        s.commit()
        assert set(statuses(s, chosen).values()) == {Status.HIDDEN}
        reasons = s.scalars(select(Decision.reason).where(Decision.batch_id == redone.batch_id)).all()
        assert set(reasons) == {"spam"}  # a redo keeps the original reason
        with pytest.raises(ConflictError, match="already reversed"):
            undo_many(s, batch.batch_id, "ana")


def test_a_bulk_undo_is_refused_when_a_comment_changed_since(data):
    db, _model_id, _refs = data
    with db.sessions() as s:
        pending = queue.ids(s, queue.QueueQuery(kind=queue.PENDING))[:5]
        batch = decide_many(s, pending, "approve", "ana")
        decide(s, pending[2], "hide", "ben", reason="abuse")
        s.commit()
        decisions = s.scalar(select(func.count()).select_from(Decision))
        with pytest.raises(ConflictError, match=f"1 of these comments changed since \\(comment {pending[2]}\\)"):
            undo_many(s, batch.batch_id, "ana")
        assert s.scalar(select(func.count()).select_from(Decision)) == decisions


def test_bulk_refuses_what_decide_refuses(data):
    db, _model_id, _refs = data
    with db.sessions() as s:
        ids = queue.ids(s, queue.QueueQuery())[:3]
        with pytest.raises(ModeratorError, match="needs a reason"):
            decide_many(s, ids, "hide", "ana")
        with pytest.raises(ModeratorError, match="Unknown action"):
            decide_many(s, ids, "delete", "ana")
        with pytest.raises(NotFoundError):
            undo_many(s, "no-such-batch", "ana")
        batch = decide_many(s, ids, "approve", "ana")
        with pytest.raises(ModeratorError, match="is not an undo"):
            redo_many(s, batch.batch_id, "ana")
        assert len(decide_many(s, [], "approve", "ana")) == 0


def test_hide_all_pending_from_a_commenter_and_undo_it(data):
    db, _model_id, refs = data
    author = AUTHORS[1]
    with db.sessions() as s:
        theirs = pending_ids_of(s, author)
        assert sorted(theirs) == sorted(r.id for r in refs if r.author == author and r.status == Status.PENDING)
        batch = decide_many(s, theirs, "hide", "ana", reason="abuse")
        s.commit()
        assert pending_ids_of(s, author) == []
        undo_many(s, batch.batch_id, "ana")
        s.commit()
        assert sorted(pending_ids_of(s, author)) == sorted(theirs)
