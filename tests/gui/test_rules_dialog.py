"""Site → Rules… (issue 14) in the real window on real SQLite: switching a rule on after its
dry run (asked about above the share), the dry run's counts and examples, thresholds refused
out of range with nothing saved, the revert's counts and its one undoable step, and the
dialog greyed for a user who may not change the rules."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from moderator.gui.actions import ActionId
from moderator.gui.dialogs.rules import RulesDialog, open_rules_dialog
from moderator.gui.dialogs.wordlists import WordListsDialog
from moderator.moderation.decisions import decide
from moderator.rules.dryrun import SHARE_TO_ASK, dry_run
from moderator.rules.evaluate import RuleSpec
from moderator.rules.kinds import Kind, Mode
from moderator.rules.store import find_rule, limits_for
from moderator.storage.models import Comment, Decision, utcnow
from moderator.vocabulary import Action, Source, Status
from tests.gui.helpers import wait_writes
from tests.gui.test_german import german_window  # noqa: F401 - the fixture
from tests.gui.test_team_windows import team_url, team_window  # noqa: F401 - the fixtures
from tests.teamroles import as_user, create_roles, grant


def open_dialog(qtbot, window) -> RulesDialog:
    window.actions_by_id[ActionId.RULES].trigger()
    dialog = window.findChild(RulesDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    return dialog


def wait_reader(qtbot, dialog: RulesDialog) -> None:
    if not dialog.reader.idle:
        with qtbot.waitSignal(dialog.reader.drained, timeout=30_000):
            pass


def approve_everything(window) -> list[int]:
    """A moderator approved every comment of the demo (what the dry runs judge)."""
    with window.context.db.write_sessions() as session:
        ids = list(session.scalars(select(Comment.id).where(Comment.status != Status.APPROVED)))
        decide(session, ids, Action.APPROVE, "mod", source=Source.BULK)
        session.commit()
        return list(session.scalars(select(Comment.id)))


def rule_enabled(window, key: str) -> bool:
    with window.context.db.sessions() as session:
        return find_rule(session, key).enabled


def test_switching_on_a_rule_runs_its_dry_run_and_asks_above_the_share(qtbot, window):
    approve_everything(window)
    dialog = open_dialog(qtbot, window)
    rules = dialog.rules
    rules.select("first_comment")  # off on a fresh install; every demo commenter's first comment is a hit
    assert not rules.on.isChecked() and not rules.yes_button.isVisible()
    rules.on.setChecked(True)
    rules.save_button.click()
    wait_reader(qtbot, dialog)
    with window.context.db.sessions() as session:
        expected = dry_run(session, RuleSpec("first_comment", Kind.FIRST_COMMENT, Mode.FLAG, {}), None)
    assert expected.share > SHARE_TO_ASK
    assert rules.yes_button.isVisible() and f"{expected.share:.0%}" in rules.question.text()
    wait_writes(qtbot, window)
    assert not rule_enabled(window, "first_comment")  # asked, not switched on
    assert rules.run_panel.summary.text().startswith(f"Rule 'first_comment' (flag) on {expected.judged} comment(s)")
    assert f"it would act on {expected.acted} " in rules.run_panel.summary.text()
    rules.yes_button.click()
    wait_writes(qtbot, window)
    assert rule_enabled(window, "first_comment") and not rules.yes_button.isVisible()
    assert rules.table.item(rules.table.currentRow(), 3).text() == "on"


def test_a_rule_acting_on_few_is_switched_on_without_asking_and_its_examples_are_one_click_away(qtbot, window):
    approve_everything(window)
    dialog = open_dialog(qtbot, window)
    rules = dialog.rules
    rules.select("threats")
    rules.on.setChecked(False)
    rules.save_button.click()  # off: no dry run needed
    wait_writes(qtbot, window)
    assert not rule_enabled(window, "threats")
    rules.mode.setCurrentIndex(rules.mode.findData("hide"))
    rules.on.setChecked(True)
    rules.save_button.click()
    wait_reader(qtbot, dialog)
    wait_writes(qtbot, window)
    assert rule_enabled(window, "threats") and not rules.yes_button.isVisible()
    with window.context.db.sessions() as session:
        assert find_rule(session, "threats").mode == "hide"
        expected = dry_run(session, RuleSpec("threats", Kind.THREATS, Mode.HIDE, {}), None)
    hidden_approved = expected.tally("hide", "approved")
    assert 0 < expected.share <= SHARE_TO_ASK and hidden_approved.count > 0
    shown = [rules.run_panel.examples.item(i).text() for i in range(rules.run_panel.examples.count())]
    assert shown[0] == f"{hidden_approved.count} would hide, moderators approved (against them)"
    rules.run_panel.examples.setCurrentRow(1)  # the first example: its text, as plain text
    with window.context.db.sessions() as session:
        body = session.scalar(select(Comment.body).where(Comment.id == hidden_approved.examples[0]))
    assert rules.run_panel.example_text.toPlainText() == body
    rules.run_panel.open_button.click()  # and in the window's panel
    assert window.current_comment_id == hidden_approved.examples[0]


@pytest.mark.parametrize(("typed", "refusal"), [
    ("1.5", "The hide threshold for quick-screen, offensive must be between 0 and 1; 1.5 is not."),
    ("-0.1", "The hide threshold for quick-screen, offensive must be between 0 and 1; -0.1 is not."),
    ("high", "The hide threshold for offensive must be a number between 0 and 1; 'high' is not."),
])
def test_a_threshold_out_of_range_is_refused_in_one_sentence_and_nothing_is_saved(qtbot, window, typed, refusal):
    thresholds = open_dialog(qtbot, window).thresholds
    assert thresholds.model_name == "quick-screen"
    thresholds.set_cell("offensive", "flag", "0.5")
    thresholds.set_cell("offensive", "hide", typed)
    thresholds.save_button.click()
    wait_writes(qtbot, window)
    assert thresholds.message.text() == refusal
    with window.context.db.sessions() as session:
        assert limits_for(session.connection(), "quick-screen") == {}  # not even the flag beside it
    thresholds.set_cell("offensive", "hide", "0.9")
    thresholds.save_button.click()
    wait_writes(qtbot, window)
    with window.context.db.sessions() as session:
        limits = limits_for(session.connection(), "quick-screen")["offensive"]
    assert (limits.hide, limits.flag, limits.approve) == (0.9, 0.5, None)
    thresholds.set_cell("offensive", "flag", "")  # emptied: no longer used
    thresholds.save_button.click()
    wait_writes(qtbot, window)
    with window.context.db.sessions() as session:
        assert limits_for(session.connection(), "quick-screen")["offensive"].flag is None


def rule_flags(window, rule: str) -> set[int]:
    """The pending comments the rule flagged (raised for review)."""
    with window.context.db.sessions() as session:
        return set(session.scalars(select(Comment.id).where(Comment.flag == rule, Comment.status == Status.PENDING)))


def busiest_rule(window) -> str:
    """The rule that flagged most of the demo's comments on arrival."""
    with window.context.db.sessions() as session:
        return session.execute(select(Comment.flag, func.count()).where(Comment.flag.is_not(None))
                               .group_by(Comment.flag).order_by(func.count().desc())).first()[0]


def test_revert_counts_first_then_reverts_in_one_step_that_ctrl_z_takes_back(qtbot, window):
    rule = busiest_rule(window)
    flagged = rule_flags(window, rule)  # the demo's arrival: the rule flagged these
    assert len(flagged) >= 2
    decided_since = min(flagged)
    with window.context.db.write_sessions() as session:
        decide(session, [decided_since], Action.APPROVE, "mod")  # a moderator's: left alone
        session.commit()
    revert = open_dialog(qtbot, window).revert
    revert.rule.setCurrentIndex(revert.rule.findData(rule))
    wait_reader(qtbot, revert.window())
    assert (revert.preview.reverted, revert.preview.kept) == (len(flagged) - 1, 1)
    assert revert.counts.text().startswith(f"{len(flagged) - 1} decision(s) would be reverted; 1 comment(s) left alone")
    revert.set_since(utcnow() + timedelta(hours=1))  # nothing since then
    wait_reader(qtbot, revert.window())
    assert revert.preview.reverted == 0 and not revert.revert_button.isEnabled()
    revert.set_since(utcnow() - timedelta(days=1))
    wait_reader(qtbot, revert.window())
    revert.revert_button.click()
    wait_writes(qtbot, window)
    wait_reader(qtbot, revert.window())
    assert rule_flags(window, rule) == set()
    assert "1 left alone" in revert.message.text() and revert.preview.reverted == 0
    with window.context.db.sessions() as session:
        reverts = session.scalars(select(Decision.batch_id).where(Decision.action == Action.UNDO)).all()
    assert len(reverts) == len(flagged) - 1 and len(set(reverts)) == 1  # one step
    window.undo_stack.undo()
    wait_writes(qtbot, window)
    assert rule_flags(window, rule) == flagged - {decided_since}
    window.undo_stack.redo()
    wait_writes(qtbot, window)
    assert rule_flags(window, rule) == set()


def test_a_user_who_may_not_change_the_rules_sees_them_greyed_but_may_dry_run(qtbot, window):
    dialog = open_rules_dialog(window, lead=False)
    qtbot.addWidget(dialog)
    assert dialog.lead_note.isVisible()
    rules = dialog.rules
    for widget in (rules.on, rules.mode, rules.save_button, rules.add_button, rules.premoderation,
                   dialog.thresholds.table, dialog.thresholds.save_button, dialog.revert.rule):
        assert not widget.isEnabled(), widget
    assert rules.dry_button.isEnabled()
    rules.dry_button.click()
    wait_reader(qtbot, dialog)
    assert rules.run_panel.summary.text().startswith("Rule 'banned_commenter'")


def test_the_dialog_comes_up_in_german(german_window, qtbot):  # noqa: F811 - the fixture imported above
    dialog = open_dialog(qtbot, german_window)
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == ["&Regeln", "&Schwellenwerte", "Regel zu&rücknehmen"]
    assert dialog.rules.dry_button.text() == "&Probelauf"
    assert dialog.rules.table.horizontalHeaderItem(1).text() == "Worauf sie wirkt"
    assert dialog.thresholds.save_button.text() == "Schwellenwerte &speichern"


def test_on_a_team_database_a_moderator_sees_rules_and_word_lists_greyed_and_a_lead_does_not(
        qtbot, team_window, team_url, pg_server):  # noqa: F811 - the fixtures imported above
    create_roles(pg_server)
    grant(team_url)  # docs/team.md, as written
    for who, lead in (("ana", False), ("ben", True)):  # ana a moderator, ben a lead
        window = team_window(who, as_user(team_url, who))
        dialog = open_rules_dialog(window)  # asks the database's grants
        qtbot.addWidget(dialog)
        assert (dialog.rules.save_button.isEnabled(), dialog.thresholds.save_button.isEnabled()) == (lead, lead), who
        assert dialog.lead_note.isHidden() is lead and dialog.rules.dry_button.isEnabled()
        window.actions_by_id[ActionId.WORD_LISTS].trigger()
        words = window.findChild(WordListsDialog)
        qtbot.addWidget(words)
        assert (words.add_button.isEnabled(), words.export_button.isEnabled()) == (lead, True), who
        words.close()
        dialog.close()
