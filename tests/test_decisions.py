"""Decisions on a real database, one path for one comment or many: each writes its
decisions with the status before and after, undo and redo reverse a whole step, and a
bulk action is one batch in the audit trail."""

import pytest
from sqlalchemy import func, select

from moderator.errors import ConflictError, ModeratorError, NotFoundError
from moderator.moderation.decisions import decide, last_undoable, post_first_comment, redo, reply, undo
from moderator.reading import queries, queue
from moderator.reading.commenters import pending_ids_of
from moderator.reading.queue import QueueQuery
from moderator.storage.models import Comment, Decision
from moderator.vocabulary import Action, QueueKind, Sort, Source, Status
from tests.queuedata import AUTHORS, build

pytestmark = pytest.mark.both_databases


def first_pending(session) -> int:
    return queue.first_rows(session, QueueQuery(sort=Sort.OLDEST), 1)[0].id


def status_of(session, comment_id: int) -> str:
    return session.get(Comment, comment_id).status


def statuses(session, ids) -> dict[int, str]:
    return dict(session.execute(select(Comment.id, Comment.status).where(Comment.id.in_(ids))).all())


def decisions_made(session) -> int:
    """Decisions other than the rules' (which flag suspect comments as they are imported)."""
    return session.scalar(select(func.count()).select_from(Decision).where(Decision.source != "rule"))


@pytest.fixture
def data(db):
    with db.sessions() as s:
        model_id, refs = build(s)
    return db, model_id, refs


# ---- one comment ---------------------------------------------------------------------------------

def test_approve_hide_restore_each_write_one_decision(demo_db):
    with demo_db.sessions() as s:
        cid = first_pending(s)
        decide(s, [cid], Action.APPROVE, "ana")
        decide(s, [cid], Action.HIDE, "ana", reason="abuse", note="insults a commenter")
        decide(s, [cid], Action.RESTORE, "ben")
        s.commit()
    with demo_db.sessions() as s:
        trail = queries.history(s, cid)
        assert [(d.action, d.status_before, d.status_after, d.moderator) for d in trail] == [
            ("approve", "pending", "approved", "ana"),
            ("hide", "approved", "hidden", "ana"),
            ("restore", "hidden", "pending", "ben"),
        ]
        assert trail[1].reason == "abuse" and trail[1].note == "insults a commenter"
        assert all(d.source == "manual" and d.created_at.tzinfo for d in trail)
        assert s.get(Comment, cid).version == 4
        assert s.scalars(select(Decision.batch_id).where(Decision.comment_id == cid)).all() == [None] * 3


def test_a_decision_that_changes_nothing_writes_nothing(demo_db):
    with demo_db.sessions() as s:
        cid = first_pending(s)
        changes = decide(s, [cid], Action.RESTORE, "ana")  # it is pending already
        assert changes.decided == () and decisions_made(s) == 0 and s.get(Comment, cid).version == 1


def test_the_changes_name_what_changed(demo_db):
    with demo_db.sessions() as s:
        cid = first_pending(s)
        article_id = s.get(Comment, cid).article_id
        changes = decide(s, [cid], Action.APPROVE, "ana")
        made = changes.decided[0]
        assert (made.comment_id, made.article_id, made.status_before, made.status_after, made.action) == (
            cid, article_id, Status.PENDING, Status.APPROVED, Action.APPROVE)
        assert changes.comment_ids == {cid} and changes.article_ids == {article_id} and not changes.thread_shape
        assert changes.batch_id is None and changes.decision_ids == [made.decision_id]
        read = queries.with_rows(s, changes, None)
        assert read.rows[cid].status == Status.APPROVED and read.articles[article_id].approved >= 1


def test_hide_needs_a_reason_from_the_list(demo_db):
    with demo_db.sessions() as s:
        cid = first_pending(s)
        with pytest.raises(ModeratorError, match="needs a reason"):
            decide(s, [cid], Action.HIDE, "ana")
        with pytest.raises(ModeratorError, match="needs a note"):
            decide(s, [cid], Action.HIDE, "ana", reason="other")
        assert decisions_made(s) == 0


def test_undo_and_redo_are_decisions_too(demo_db):
    with demo_db.sessions() as s:
        cid = first_pending(s)
        hid = decide(s, [cid], Action.HIDE, "ana", reason="spam")
        undone = undo(s, hid.decision_ids, "ana")
        assert status_of(s, cid) == Status.PENDING
        redo(s, undone.decision_ids, "ana")
        assert status_of(s, cid) == Status.HIDDEN
        s.commit()
        actions = [(d.action, d.reverts_id, d.reason) for d in queries.history(s, cid)]
        assert actions == [("hide", None, "spam"), ("undo", hid.decision_ids[0], None),
                           ("redo", undone.decision_ids[0], "spam")]


def test_undo_refuses_when_the_comment_changed_since(demo_db):
    with demo_db.sessions() as s:
        cid = first_pending(s)
        approved = decide(s, [cid], Action.APPROVE, "ana")
        decide(s, [cid], Action.HIDE, "ben", reason="abuse")
        with pytest.raises(ConflictError, match="ben hid this at .*nothing was undone"):
            undo(s, approved.decision_ids, "ana")
        assert status_of(s, cid) == Status.HIDDEN


def test_a_decision_cannot_be_undone_twice(demo_db):
    with demo_db.sessions() as s:
        changes = decide(s, [first_pending(s)], Action.APPROVE, "ana")
        undo(s, changes.decision_ids, "ana")
        with pytest.raises(ConflictError, match="already reversed"):
            undo(s, changes.decision_ids, "ana")


def test_the_version_seen_guards_against_stale_views(demo_db):
    with demo_db.sessions() as s:
        cid = first_pending(s)
        decide(s, [cid], Action.APPROVE, "ben")
        refusal = f"ben approved this at [0-9]{{2}}:[0-9]{{2}} \\(comment {cid}\\); nothing was changed"
        with pytest.raises(ConflictError, match=refusal):
            decide(s, [cid], Action.HIDE, "ana", reason="abuse", seen={cid: 1})
        assert decide(s, [cid], Action.HIDE, "ana", reason="abuse", seen={cid: 2}).decided


def test_a_script_states_the_status_it_expects(demo_db):
    with demo_db.sessions() as s:
        cid = first_pending(s)
        with pytest.raises(ConflictError, match=f"Comment {cid} was not hidden \\(it is now pending\\)"):
            decide(s, [cid], Action.APPROVE, "ana", if_status=Status.HIDDEN)
        assert decisions_made(s) == 0
        assert decide(s, [cid], Action.APPROVE, "ana", if_status=Status.PENDING).decided


def test_reply_is_a_staff_comment_under_its_parent(demo_db):
    with demo_db.sessions() as s:
        parent = first_pending(s)
        changes = reply(s, parent, "Please keep to the topic.", "ana")
        s.commit()
        staff = s.get(Comment, changes.decided[0].comment_id)
        assert (staff.parent_id, staff.is_staff, staff.author, staff.status) == (parent, True, "ana", Status.APPROVED)
        assert changes.thread_shape and changes.decided[0].status_before is None
        assert [d.action for d in queries.history(s, parent)] == ["reply"]
        undone = undo(s, changes.decision_ids, "ana")
        assert staff.status == Status.REMOVED and undone.thread_shape
        assert staff.id not in [c.id for c in queries.thread(s, staff.article_id)]


def test_staff_can_post_the_first_comment(demo_db):
    with demo_db.sessions() as s:
        articles, _cursor = queries.article_page(s, limit=100)
        empty = next(a for a in articles if a.pending + a.approved + a.hidden == 0)
        changes = post_first_comment(s, empty.id, "What do readers in Canada think?", "ana")
        rows = queries.thread(s, empty.id)
        assert [(r.id, r.is_staff, r.parent_id) for r in rows] == [(changes.decided[0].comment_id, True, None)]
        with pytest.raises(ModeratorError, match="needs some text"):
            post_first_comment(s, empty.id, "   ", "ana")


def test_last_undoable_walks_back_through_a_moderators_decisions(demo_db):
    with demo_db.sessions() as s:
        a = decide(s, [first_pending(s)], Action.APPROVE, "ana")
        b = decide(s, [first_pending(s)], Action.APPROVE, "ana")
        decide(s, [first_pending(s)], Action.APPROVE, "ben")
        assert last_undoable(s, "ana") == b.decision_ids
        undo(s, b.decision_ids, "ana")
        assert last_undoable(s, "ana") == a.decision_ids
        undo(s, a.decision_ids, "ana")
        with pytest.raises(NotFoundError, match="no decision left"):
            last_undoable(s, "ana")


def test_unknown_ids_are_clear_errors(demo_db):
    with demo_db.sessions() as s:
        with pytest.raises(NotFoundError, match="no comment with id 999"):
            decide(s, [999], Action.APPROVE, "ana")
        with pytest.raises(NotFoundError, match="no decision with id 999"):
            undo(s, [999], "ana")


# ---- many comments ---------------------------------------------------------------------------------

def test_approve_many_is_one_batch_of_decisions(data):
    db, _model_id, refs = data
    with db.sessions() as s:
        pending = queue.ids(s, QueueQuery(kind=QueueKind.PENDING))
        mixed = pending[:10] + [r.id for r in refs if r.status == Status.APPROVED][:3]
        batch = decide(s, mixed + mixed[:2], Action.APPROVE, "ana", source=Source.BULK)  # repeats are ignored
        s.commit()
        assert {c.comment_id for c in batch.decided} == set(pending[:10])  # already approved: left alone
        assert all(c.status_before == Status.PENDING and c.status_after == Status.APPROVED for c in batch.decided)
        assert set(statuses(s, mixed).values()) == {Status.APPROVED}
        rows = s.execute(select(Decision.batch_id, Decision.source, Decision.moderator, Decision.id)).all()
        assert {(r.batch_id, r.source, r.moderator) for r in rows} == {(batch.batch_id, "bulk", "ana")}
        assert sorted(r.id for r in rows) == sorted(batch.decision_ids)
        assert s.get(Comment, pending[0]).version == 2


def test_a_bulk_undo_is_one_step_and_redo_reapplies_it(data):
    db, _model_id, refs = data
    with db.sessions() as s:
        chosen = [r.id for r in refs if r.status != Status.HIDDEN][:12]
        before = statuses(s, chosen)
        batch = decide(s, chosen, Action.HIDE, "ana", reason="spam", note="a flood", source=Source.BULK)
        s.commit()
        undone = undo(s, batch.decision_ids, "ben")
        s.commit()
        assert statuses(s, chosen) == before
        assert len(undone.decided) == len(batch.decided) and undone.batch_id not in (None, batch.batch_id)
        assert {c.action for c in undone.decided} == {"undo"}
        redone = redo(s, undone.decision_ids, "ana")
        s.commit()
        assert set(statuses(s, chosen).values()) == {Status.HIDDEN}
        reasons = s.scalars(select(Decision.reason).where(Decision.batch_id == redone.batch_id)).all()
        assert set(reasons) == {"spam"}  # a redo keeps the original reason
        with pytest.raises(ConflictError, match="already reversed"):
            undo(s, batch.decision_ids, "ana")


def test_a_bulk_undo_is_refused_when_a_comment_changed_since(data):
    db, _model_id, _refs = data
    with db.sessions() as s:
        pending = queue.ids(s, QueueQuery(kind=QueueKind.PENDING))[:5]
        batch = decide(s, pending, Action.APPROVE, "ana", source=Source.BULK)
        decide(s, [pending[2]], Action.HIDE, "ben", reason="abuse")
        s.commit()
        made = decisions_made(s)
        with pytest.raises(ConflictError, match=f"1 of these comments changed since \\(comment {pending[2]}\\)"):
            undo(s, batch.decision_ids, "ana")
        assert decisions_made(s) == made


def test_the_last_undoable_step_of_a_bulk_action_is_all_of_it(data):
    db, _model_id, _refs = data
    with db.sessions() as s:
        pending = queue.ids(s, QueueQuery(kind=QueueKind.PENDING))[:4]
        batch = decide(s, pending, Action.APPROVE, "ana", source=Source.BULK)
        assert last_undoable(s, "ana") == batch.decision_ids
        undo(s, last_undoable(s, "ana"), "ana")
        assert set(statuses(s, pending).values()) == {Status.PENDING}


def test_bulk_refuses_what_a_single_decision_refuses(data):
    db, _model_id, _refs = data
    with db.sessions() as s:
        ids = queue.ids(s, QueueQuery())[:3]
        with pytest.raises(ModeratorError, match="needs a reason"):
            decide(s, ids, Action.HIDE, "ana")
        with pytest.raises(ModeratorError, match="is not a decision on a comment's status"):
            decide(s, ids, "delete", "ana")  # type: ignore[arg-type]
        with pytest.raises(NotFoundError):
            undo(s, [10**9], "ana")
        batch = decide(s, ids, Action.APPROVE, "ana")
        with pytest.raises(ModeratorError, match="is not an undo"):
            redo(s, batch.decision_ids, "ana")
        assert decide(s, [], Action.APPROVE, "ana").decided == ()


def test_hide_all_pending_from_a_commenter_and_undo_it(data):
    db, _model_id, refs = data
    author = AUTHORS[1]
    with db.sessions() as s:
        theirs = pending_ids_of(s, author)
        assert sorted(theirs) == sorted(r.id for r in refs if r.author == author and r.status == Status.PENDING)
        batch = decide(s, theirs, Action.HIDE, "ana", reason="abuse", source=Source.BULK)
        s.commit()
        assert pending_ids_of(s, author) == []
        undo(s, batch.decision_ids, "ana")
        s.commit()
        assert sorted(pending_ids_of(s, author)) == sorted(theirs)
