"""The rules acting on real databases (moderator/rules/apply.py): on import, when scores land,
banned and trusted commenters, pre-moderation per article, flags and their hits, and never
over a moderator's decision."""

from __future__ import annotations

from sqlalchemy import select, update

from moderator.moderation.decisions import decide, set_standing, undo
from moderator.rules.apply import MODERATOR, run_rules
from moderator.rules.store import set_threshold
from moderator.scoring.base import ModelIdentity
from moderator.scoring.store import register_model, write_scores
from moderator.storage.models import Article, Comment, Decision, RuleHit
from moderator.vocabulary import Action, Source, Status
from tests.rulesdata import WordScreen, import_rows, set_rules

SCREEN = WordScreen({"banned_words": {"grotbag"}, "suspect_words": {"blimey"}, "personal_data": {"555"}})
MODEL = ModelIdentity("tiny", "test", "0" * 64, "test", ("toxicity", "insult"), "toxicity")


def status_of(session, cid):
    return session.scalar(select(Comment.status).where(Comment.id == cid))


def rule_decisions(session, cid):
    return session.execute(select(Decision.action, Decision.rule, Decision.note, Decision.source, Decision.moderator)
                           .where(Decision.comment_id == cid).order_by(Decision.id)).all()


def test_banned_commenters_new_comments_arrive_hidden(db, tmp_path):
    with db.write_sessions() as session:
        ids = import_rows(session, tmp_path, [{"comment_id": "1", "author": "Troll", "body": "first"},
                                              {"comment_id": "2", "author": "Ann", "body": "hello"}])
        set_standing(session, ids["1"], Action.BAN, "lead")
        session.commit()
        ids = import_rows(session, tmp_path, [{"comment_id": "3", "author": "Troll", "body": "again"},
                                              {"comment_id": "4", "author": "Ann", "body": "fine"}], "second.csv")
        assert status_of(session, ids["3"]) == Status.HIDDEN
        assert rule_decisions(session, ids["3"]) == [("hide", "banned_commenter", "banned commenter", Source.RULE, MODERATOR)]
        assert status_of(session, ids["4"]) == Status.PENDING and rule_decisions(session, ids["4"]) == []
        assert status_of(session, ids["1"]) == Status.PENDING  # a ban hides new comments; the old ones are offered apart


def test_a_commenter_is_known_by_email_before_name(db, tmp_path):
    with db.write_sessions() as session:
        ids = import_rows(session, tmp_path, [{"comment_id": "1", "author": "Ann", "author_email": "Ann@Example.org",
                                               "body": "hi"}])
        set_standing(session, ids["1"], Action.TRUST, "lead")
        session.commit()
        ids = import_rows(session, tmp_path, [
            {"comment_id": "2", "author": "Ann B.", "author_email": "ann@example.org", "body": "same person"},
            {"comment_id": "3", "author": "Ann", "author_email": "other@example.org", "body": "another Ann"}], "b.csv")
        assert status_of(session, ids["2"]) == Status.APPROVED
        assert rule_decisions(session, ids["2"])[0][:3] == ("approve", "trusted_commenter", "trusted commenter")
        assert status_of(session, ids["3"]) == Status.PENDING


def test_a_trusted_commenter_is_not_approved_over_personal_data_or_a_banned_word(db, tmp_path):
    with db.write_sessions() as session:
        ids = import_rows(session, tmp_path, [{"comment_id": "1", "author": "Ann", "body": "hi"}])
        set_standing(session, ids["1"], Action.TRUST, "lead")
        session.commit()
        ids = import_rows(session, tmp_path, [{"comment_id": "2", "author": "Ann", "body": "call 555 now"},
                                              {"comment_id": "3", "author": "Ann", "body": "grotbag"},
                                              {"comment_id": "4", "author": "Ann", "body": "blimey in the port"}], "b.csv")
        # The import ran with the text screen the database has; judged again with this one:
        for cid in (ids["2"], ids["3"], ids["4"]):
            session.execute(update(Comment).where(Comment.id == cid).values(status=Status.PENDING))
        run_rules(session.connection(), [ids["2"], ids["3"], ids["4"]], screen_for=SCREEN)
        assert (status_of(session, ids["2"]), session.scalar(select(Comment.flag).where(Comment.id == ids["2"]))) == (
            Status.PENDING, "personal_data")
        assert status_of(session, ids["3"]) == Status.HIDDEN
        assert status_of(session, ids["4"]) == Status.APPROVED  # a suspect word comes after trust


def test_premoderation_per_article(db, tmp_path):
    with db.write_sessions() as session:
        import_rows(session, tmp_path, [{"comment_id": "1", "article_id": "open", "body": "x"},
                                        {"comment_id": "2", "article_id": "held", "body": "y"}])
        session.execute(update(Article).where(Article.external_id == "open").values(premoderated=False))
        session.commit()
        ids = import_rows(session, tmp_path, [{"comment_id": "3", "article_id": "open", "body": "published at once"},
                                              {"comment_id": "4", "article_id": "held", "body": "waits"}], "b.csv")
        assert status_of(session, ids["3"]) == Status.APPROVED
        assert rule_decisions(session, ids["3"])[0][:3] == ("approve", "premoderation",
                                                             "post-moderated: published unless hidden")
        assert status_of(session, ids["4"]) == Status.PENDING
        set_rules(session, premoderation=False)
        ids = import_rows(session, tmp_path, [{"comment_id": "5", "article_id": "open", "body": "rule off"}], "c.csv")
        assert status_of(session, ids["5"]) == Status.PENDING


def test_word_rules_hide_and_flag_and_keep_what_they_found(db, tmp_path):
    with db.write_sessions() as session:
        ids = import_rows(session, tmp_path, [{"comment_id": "1", "body": "you grotbag"},
                                              {"comment_id": "2", "body": "blimey everywhere"},
                                              {"comment_id": "3", "body": "a calm remark"}])
        changes = run_rules(session.connection(), list(ids.values()), screen_for=SCREEN)
        assert {d.comment_id: d.action for d in changes.decided} == {ids["1"]: Action.HIDE, ids["2"]: Action.FLAG}
        assert rule_decisions(session, ids["1"])[0][:3] == ("hide", "banned_words", "banned word 'grotbag'")
        assert session.scalar(select(Decision.reason).where(Decision.comment_id == ids["1"])) == "abuse"
        assert (status_of(session, ids["2"]), session.scalar(select(Comment.flag).where(Comment.id == ids["2"]))) == (
            Status.PENDING, "suspect_words")
        assert session.execute(select(RuleHit.rule, RuleHit.what, RuleHit.start, RuleHit.end)
                               .where(RuleHit.comment_id == ids["2"])).all() == [("suspect_words", "suspect word 'blimey'", 0, 6)]
        # Judged again: no second decision, the hits replaced, not doubled.
        assert run_rules(session.connection(), list(ids.values()), screen_for=SCREEN).decided == ()
        assert len(session.scalars(select(RuleHit.id).where(RuleHit.comment_id == ids["2"])).all()) == 1


def test_a_moderators_decision_is_never_overruled(db, tmp_path):
    with db.write_sessions() as session:
        ids = import_rows(session, tmp_path, [{"comment_id": "1", "body": "grotbag"}, {"comment_id": "2", "body": "blimey"}])
        decide(session, [ids["1"]], Action.APPROVE, "mod")
        decide(session, [ids["2"]], Action.HIDE, "mod", reason="spam")
        decide(session, [ids["2"]], Action.RESTORE, "mod")  # back to review by hand: still the moderator's
        assert run_rules(session.connection(), list(ids.values()), screen_for=SCREEN).decided == ()
        assert status_of(session, ids["1"]) == Status.APPROVED
        assert session.scalar(select(Comment.flag).where(Comment.id == ids["2"])) is None


def test_thresholds_act_when_scores_land(db, tmp_path):
    with db.write_sessions() as session:
        ids = import_rows(session, tmp_path, [{"comment_id": str(n), "body": f"comment {n}"} for n in range(1, 5)])
        for label, limits in (("toxicity", (0.9, 0.6, 0.1)), ("insult", (None, 0.7, 0.2))):
            set_threshold(session, "tiny", label, *limits)
        model_id = register_model(session, MODEL)
        decide(session, [ids["4"]], Action.APPROVE, "mod")
        rows = [{"toxicity": 0.93, "insult": 0.1}, {"toxicity": 0.3, "insult": 0.75}, {"toxicity": 0.05, "insult": 0.1},
                {"toxicity": 0.99, "insult": 0.99}]
        write_scores(session, model_id, "toxicity", [ids[str(n)] for n in range(1, 5)], rows)
        assert rule_decisions(session, ids["1"])[0][:3] == ("hide", "model_hide", "toxicity 0.93 ≥ 0.90")
        assert rule_decisions(session, ids["2"])[0][:3] == ("flag", "model_flag", "insult 0.75 ≥ 0.70")
        assert rule_decisions(session, ids["3"])[0][:3] == ("approve", "model_approve",
                                                             "insult 0.10 < 0.20, toxicity 0.05 < 0.10")
        assert status_of(session, ids["4"]) == Status.APPROVED and len(rule_decisions(session, ids["4"])) == 1


def test_without_thresholds_scores_change_nothing(db, tmp_path):
    with db.write_sessions() as session:
        ids = import_rows(session, tmp_path, [{"comment_id": "1", "body": "x"}])
        write_scores(session, register_model(session, MODEL), "toxicity", [ids["1"]], [{"toxicity": 1.0, "insult": 1.0}])
        assert rule_decisions(session, ids["1"]) == []


def test_a_ban_is_a_decision_undone_like_any_other(db, tmp_path):
    with db.write_sessions() as session:
        ids = import_rows(session, tmp_path, [{"comment_id": "1", "author": "Troll", "body": "x"}])
        ban = set_standing(session, ids["1"], Action.BAN, "lead", note="repeat offender")
        assert rule_decisions(session, ids["1"])[0][0] == "ban"
        undo(session, ban.decision_ids, "lead")
        session.commit()
        ids = import_rows(session, tmp_path, [{"comment_id": "2", "author": "Troll", "body": "back"}], "b.csv")
        assert status_of(session, ids["2"]) == Status.PENDING  # no longer banned
