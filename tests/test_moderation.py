import pytest
from sqlalchemy import func, select

from moderator.reading import queries
from moderator.errors import ConflictError, ModeratorError, NotFoundError
from moderator.moderation.decisions import decide, last_undoable, post_first_comment, redo, reply, undo
from moderator.storage.models import Comment, Decision, Status


def first_pending(session) -> int:
    return queries.queue_page(session, Status.PENDING, "oldest", limit=1)[0].id


def status_of(session, comment_id: int) -> str:
    return session.get(Comment, comment_id).status


def test_approve_hide_restore_each_write_one_decision(demo_db):
    with demo_db.sessions() as s:
        cid = first_pending(s)
        decide(s, cid, "approve", "ana")
        decide(s, cid, "hide", "ana", reason="abuse", note="insults a commenter")
        decide(s, cid, "restore", "ben")
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


def test_hide_needs_a_reason_from_the_list(demo_db):
    with demo_db.sessions() as s:
        cid = first_pending(s)
        with pytest.raises(ModeratorError, match="needs a reason"):
            decide(s, cid, "hide", "ana")
        with pytest.raises(ModeratorError, match="needs a note"):
            decide(s, cid, "hide", "ana", reason="other")
        assert s.scalar(select(func.count()).select_from(Decision)) == 0


def test_undo_and_redo_are_decisions_too(demo_db):
    with demo_db.sessions() as s:
        cid = first_pending(s)
        hid = decide(s, cid, "hide", "ana", reason="spam")
        undone = undo(s, hid.decision_id, "ana")
        assert status_of(s, cid) == Status.PENDING
        redone = redo(s, undone.decision_id, "ana")
        assert status_of(s, cid) == Status.HIDDEN
        s.commit()
        actions = [(d.action, d.reverts_id, d.reason) for d in queries.history(s, cid)]
        assert actions == [("hide", None, "spam"), ("undo", hid.decision_id, None), ("redo", undone.decision_id, "spam")]


def test_undo_refuses_when_the_comment_changed_since(demo_db):
    with demo_db.sessions() as s:
        cid = first_pending(s)
        approved = decide(s, cid, "approve", "ana")
        decide(s, cid, "hide", "ben", reason="abuse")
        with pytest.raises(ConflictError, match="is now hidden"):
            undo(s, approved.decision_id, "ana")
        assert status_of(s, cid) == Status.HIDDEN


def test_a_decision_cannot_be_undone_twice(demo_db):
    with demo_db.sessions() as s:
        change = decide(s, first_pending(s), "approve", "ana")
        undo(s, change.decision_id, "ana")
        with pytest.raises(ConflictError, match="already reversed"):
            undo(s, change.decision_id, "ana")


def test_expected_version_guards_against_stale_views(demo_db):
    with demo_db.sessions() as s:
        cid = first_pending(s)
        decide(s, cid, "approve", "ben")
        with pytest.raises(ConflictError, match="changed meanwhile"):
            decide(s, cid, "hide", "ana", reason="abuse", expected_version=1)


def test_reply_is_a_staff_comment_under_its_parent(demo_db):
    with demo_db.sessions() as s:
        parent = first_pending(s)
        change = reply(s, parent, "Please keep to the topic.", "ana")
        s.commit()
        staff = s.get(Comment, change.comment_id)
        assert (staff.parent_id, staff.is_staff, staff.author, staff.status) == (parent, True, "ana", Status.APPROVED)
        assert [d.action for d in queries.history(s, parent)] == ["reply"]
        undo(s, change.decision_id, "ana")
        assert staff.status == Status.REMOVED
        assert staff.id not in [c.id for c in queries.thread(s, staff.article_id)]


def test_staff_can_post_the_first_comment(demo_db):
    with demo_db.sessions() as s:
        empty = next(a for a in queries.article_page(s) if a.pending + a.approved + a.hidden == 0)
        change = post_first_comment(s, empty.id, "What do readers in Canada think?", "ana")
        rows = queries.thread(s, empty.id)
        assert [(r.id, r.is_staff, r.parent_id) for r in rows] == [(change.comment_id, True, None)]
        with pytest.raises(ModeratorError, match="needs some text"):
            post_first_comment(s, empty.id, "   ", "ana")


def test_last_undoable_walks_back_through_a_moderators_decisions(demo_db):
    with demo_db.sessions() as s:
        a = decide(s, first_pending(s), "approve", "ana")
        b = decide(s, first_pending(s), "approve", "ana")
        decide(s, first_pending(s), "approve", "ben")
        assert last_undoable(s, "ana") == b.decision_id
        undo(s, b.decision_id, "ana")
        assert last_undoable(s, "ana") == a.decision_id
        undo(s, a.decision_id, "ana")
        with pytest.raises(NotFoundError, match="no decision left"):
            last_undoable(s, "ana")


def test_unknown_ids_are_clear_errors(demo_db):
    with demo_db.sessions() as s:
        with pytest.raises(NotFoundError, match="no comment with id 999"):
            decide(s, 999, "approve", "ana")
        with pytest.raises(NotFoundError, match="no decision with id 999"):
            undo(s, 999, "ana")
