"""Two moderators on one database: a decision carries the version its moderator saw and is
refused, with who changed the comment and when, if it moved on meanwhile; nothing is
overwritten. The guard is the UPDATE itself (… WHERE (id, version) IN …), not only the
read before it. Each test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from moderator.errors import ConflictError
from moderator.moderation import decisions
from moderator.moderation.decisions import decide
from moderator.storage.database import open_database
from moderator.storage.models import Comment, Decision
from moderator.vocabulary import Action, Source, Status

pytestmark = pytest.mark.both_databases


def first_pending(db) -> tuple[int, int]:
    with db.sessions() as s:
        row = s.execute(select(Comment.id, Comment.version).where(Comment.status == Status.PENDING)
                        .order_by(Comment.id).limit(1)).one()
    return row.id, row.version


def test_a_decision_on_what_another_session_changed_is_refused_naming_who(demo_db, db_url, paths):
    other = open_database(db_url, paths.backups)  # a second app on the same database
    try:
        cid, seen = first_pending(demo_db)
        with other.write_sessions() as s:
            decide(s, [cid], Action.HIDE, "ana", "spam", seen={cid: seen})
            s.commit()
        with demo_db.write_sessions() as s, pytest.raises(ConflictError) as refused:
            decide(s, [cid], Action.APPROVE, "ben", seen={cid: seen})
        assert "ana hid this at " in str(refused.value) and f"(comment {cid})" in str(refused.value)
        with demo_db.sessions() as s:
            assert s.get(Comment, cid).status == Status.HIDDEN
            # only ana's decision (the demo's rules flag some comments on arrival: not moderators')
            assert s.scalars(select(Decision.moderator).where(Decision.source != Source.RULE)).all() == ["ana"]
    finally:
        other.dispose()


def test_the_update_itself_refuses_a_version_that_moved_on(demo_db):
    """Even a step read outside any lock cannot overwrite: the UPDATE names the version."""
    cid, seen = first_pending(demo_db)
    with demo_db.write_sessions() as s:
        decide(s, [cid], Action.APPROVE, "ana")
        s.commit()
    with demo_db.sessions() as s:
        article_id = s.get(Comment, cid).article_id
        stale = decisions._Step(cid, article_id, Status.PENDING, Status.HIDDEN, "spam", version=seen)
        with pytest.raises(ConflictError, match="changed while this decision was being written"):
            decisions._write(s, [stale], Action.HIDE, "ben", "", decisions.Source.MANUAL, batch=False)
        s.rollback()
    with demo_db.sessions() as s:
        assert s.get(Comment, cid).status == Status.APPROVED


def test_the_command_line_refuses_a_stale_version_in_one_sentence(demo_db, cli):
    code, out, _err = cli("queue", "--json", "--limit", "1", "--sort", "oldest")
    shown = json.loads(out)[0]
    assert code == 0 and shown["version"] == 1
    assert cli("decide", str(shown["id"]), "hide", "--reason", "spam", "--moderator", "ana")[0] == 0
    code, out, err = cli("decide", str(shown["id"]), "approve", "--if-version", str(shown["version"]),
                         "--moderator", "ben")
    assert code == 1 and err.startswith("moderator: ana hid this at ") and err.count("\n") == 1
    assert f"(comment {shown['id']}); nothing was changed" in err
    with demo_db.sessions() as s:
        assert s.get(Comment, shown["id"]).status == Status.HIDDEN


def test_an_undo_refused_names_who_changed_the_comment_since(demo_db, db_url, paths):
    other = open_database(db_url, paths.backups)  # ben, in a second app
    try:
        cid, _seen = first_pending(demo_db)
        with demo_db.write_sessions() as s:
            mine = decide(s, [cid], Action.APPROVE, "ana")
            s.commit()
        with other.write_sessions() as s:
            decide(s, [cid], Action.HIDE, "ben", "spam")
            s.commit()
        with demo_db.write_sessions() as s, pytest.raises(ConflictError) as refused:
            decisions.undo(s, mine.decision_ids, "ana")
        said = str(refused.value)
        assert said.startswith("ben hid this at ") and said.endswith("nothing was undone.")
        assert f"(comment {cid}, after decision {mine.decision_ids[0]})" in said
        with demo_db.sessions() as s:
            assert s.get(Comment, cid).status == Status.HIDDEN
    finally:
        other.dispose()


def test_a_bulk_undo_refused_names_who_changed_the_first_comment_since(demo_db):
    with demo_db.sessions() as s:
        chosen = s.scalars(select(Comment.id).where(Comment.status == Status.PENDING).order_by(Comment.id).limit(3)).all()
    with demo_db.write_sessions() as s:
        batch = decide(s, chosen, Action.APPROVE, "ana", source=Source.BULK)
        decide(s, [chosen[1]], Action.HIDE, "ben", "abuse")
        s.commit()
    with demo_db.write_sessions() as s, pytest.raises(ConflictError) as refused:
        decisions.undo(s, batch.decision_ids, "ana")
    assert str(refused.value).startswith(f"1 of these comments changed since (comment {chosen[1]}): ben hid this at ")
