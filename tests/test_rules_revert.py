"""Reverting a rule, the dry run's counts against a hand-computed set, and featuring comments
(issue 14), on real databases."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from moderator.moderation.decisions import decide, redo, undo
from moderator.rules.apply import run_rules
from moderator.rules.dryrun import dry_run
from moderator.rules.evaluate import RuleSpec
from moderator.rules.kinds import Kind, Mode
from moderator.rules.revert import RevertPreview, preview, revert_rule
from moderator.storage.models import Comment, Decision, Featured, utcnow
from moderator.vocabulary import Action, Status
from tests.rulesdata import WordScreen, import_rows

SCREEN = WordScreen({"banned_words": {"grotbag"}, "suspect_words": {"blimey"}})


def statuses(session, ids):
    return {cid: (status, flag) for cid, status, flag in
            session.execute(select(Comment.id, Comment.status, Comment.flag).where(Comment.id.in_(ids)))}


def test_revert_a_rule_leaves_a_moderators_later_decision_alone_and_is_one_undoable_step(db, tmp_path):
    with db.write_sessions() as session:
        ids = import_rows(session, tmp_path, [{"comment_id": "1", "body": "grotbag here"},
                                              {"comment_id": "2", "body": "more grotbag"},
                                              {"comment_id": "3", "body": "grotbag again"},
                                              {"comment_id": "4", "body": "blimey"}])
        start = utcnow() - timedelta(seconds=1)
        run_rules(session.connection(), list(ids.values()), screen_for=SCREEN)
        decide(session, [ids["2"]], Action.APPROVE, "mod")  # a moderator looked at it since: theirs now
        assert preview(session, "banned_words", start) == RevertPreview(reverted=2, kept=1)  # what the window shows first
        reverted = revert_rule(session, "banned_words", start, "lead")
        assert {d.comment_id for d in reverted.changes.decided} == {ids["1"], ids["3"]}
        assert reverted.kept == [ids["2"]]
        assert "1 left alone" in reverted.sentence("banned_words")
        now = statuses(session, list(ids.values()))
        assert now[ids["1"]][0] == now[ids["3"]][0] == Status.PENDING and now[ids["2"]][0] == Status.APPROVED
        assert now[ids["4"]] == (Status.PENDING, "suspect_words")  # another rule's work stays
        # The revert is one step (one batch) of undos: taking it back is their redo, whole.
        assert len({d.batch_id for d in session.execute(select(Decision.batch_id).where(
            Decision.id.in_(reverted.changes.decision_ids)))}) == 1
        redo(session, reverted.changes.decision_ids, "lead")
        assert statuses(session, [ids["1"], ids["3"]]) == {ids["1"]: (Status.HIDDEN, None), ids["3"]: (Status.HIDDEN, None)}
        # The rule's decisions were reverted once: a second revert finds none of its own left.
        assert revert_rule(session, "banned_words", start, "lead").changes.decided == ()


def test_reverting_a_flag_takes_it_off_and_taking_the_revert_back_puts_it_back(db, tmp_path):
    with db.write_sessions() as session:
        ids = import_rows(session, tmp_path, [{"comment_id": "1", "body": "blimey"}])
        start = utcnow() - timedelta(seconds=1)
        run_rules(session.connection(), [ids["1"]], screen_for=SCREEN)
        reverted = revert_rule(session, "suspect_words", start, "lead")
        assert statuses(session, [ids["1"]])[ids["1"]] == (Status.PENDING, None)
        redo(session, reverted.changes.decision_ids, "lead")
        assert statuses(session, [ids["1"]])[ids["1"]] == (Status.PENDING, "suspect_words")


def test_a_rule_before_the_time_is_not_reverted(db, tmp_path):
    with db.write_sessions() as session:
        ids = import_rows(session, tmp_path, [{"comment_id": "1", "body": "grotbag"}])
        run_rules(session.connection(), [ids["1"]], screen_for=SCREEN)
        assert revert_rule(session, "banned_words", utcnow() + timedelta(seconds=1), "lead").changes.decided == ()


def test_dry_run_counts_against_a_hand_computed_set(db, tmp_path):
    bodies = {  # external id: (body, what the moderator decided)
        "1": ("grotbag everywhere", Action.HIDE), "2": ("the grotbag were removed by the council", Action.APPROVE),
        "3": ("grotbag grotbag", Action.HIDE), "4": ("a kind word", Action.APPROVE), "5": ("blimey in the port", Action.APPROVE),
        "6": ("nasty but clean", Action.HIDE), "7": ("grotbag", None),  # 7: pending, not decided: not counted
    }
    with db.write_sessions() as session:
        ids = import_rows(session, tmp_path, [{"comment_id": key, "body": body} for key, (body, _a) in bodies.items()])
        for key, (_body, action) in bodies.items():
            if action is not None:
                decide(session, [ids[key]], action, "mod", reason="abuse" if action == Action.HIDE else None)
        banned = dry_run(session, RuleSpec("banned_words", Kind.BANNED_WORDS, Mode.HIDE), screen_for=SCREEN)
        assert banned.judged == 6
        assert (banned.tally("hide", "hidden").count, banned.tally("hide", "approved").count) == (2, 1)
        assert banned.tally("hide", "approved").examples == [ids["2"]]
        assert sorted(banned.tally("hide", "hidden").examples) == sorted([ids["1"], ids["3"]])
        assert banned.share == 3 / 6
        assert any("against them" in line for line in banned.lines())
        suspect = dry_run(session, RuleSpec("suspect_words", Kind.SUSPECT_WORDS, Mode.HIDE), screen_for=SCREEN)
        assert suspect.acted == 1 and suspect.tally("hide", "approved").examples == [ids["5"]]
        # The dry run decides nothing.
        assert session.scalar(select(Decision.id).where(Decision.source == "rule")) is None


def test_feature_in_bulk_is_undone_and_redone_as_one_step(db, tmp_path):
    with db.write_sessions() as session:
        ids = import_rows(session, tmp_path, [{"comment_id": str(n), "body": f"good {n}"} for n in range(1, 4)])
        decide(session, [ids["1"]], Action.APPROVE, "mod")
        changes = decide(session, [ids["1"], ids["2"]], Action.FEATURE, "editor")
        assert changes.batch_id is not None and len(changes.decided) == 2
        featured = set(session.scalars(select(Featured.comment_id)))
        assert featured == {ids["1"], ids["2"]}
        assert statuses(session, [ids["1"]])[ids["1"]][0] == Status.APPROVED  # featuring keeps the status
        assert decide(session, [ids["1"]], Action.FEATURE, "editor").decided == ()  # featured already
        undone = undo(session, changes.decision_ids, "editor")
        assert set(session.scalars(select(Featured.comment_id))) == set()
        redo(session, undone.decision_ids, "editor")
        assert set(session.scalars(select(Featured.comment_id))) == {ids["1"], ids["2"]}
        decide(session, [ids["2"]], Action.UNFEATURE, "editor")
        assert set(session.scalars(select(Featured.comment_id))) == {ids["1"]}
        assert session.execute(select(Decision.action).where(Decision.comment_id == ids["2"])
                               .order_by(Decision.id)).scalars().all() == ["feature", "undo", "redo", "unfeature"]
