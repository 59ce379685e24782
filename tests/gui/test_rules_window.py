"""The window parts of the rules (issue 14), on the real window, the demo database and its
real writer: a card's reason chip, the queue's filter by rule, f toggling feature, the
commenter panel's standing actions (undone with Ctrl+Z) and notes, and an article's
pre-moderation shown and overridden above its thread."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QMessageBox, QStyleOptionViewItem
from sqlalchemy import delete, select

from moderator.gui.actions import ActionId
from moderator.gui.common import look
from moderator.gui.models.listmodels import ROW_ROLE
from moderator.moderation import claims
from moderator.storage.models import Article, Comment, Commenter, RuleHit
from moderator.vocabulary import Action, Status
from tests.gui.helpers import answer_modal, decisions, press, wait_reads, wait_writes
from tests.gui.test_background_reads import statements_on_the_gui_thread
from tests.gui.test_german import german_texts, german_window  # noqa: F401 (a fixture)

VERMIN = 17  # demo-17: "subhuman animals … wipe out the vermin", flagged by the dehumanising list (three terms)
THREAT = 14  # demo-14: a veiled threat, flagged by the threats list
REX = "RealistRex88"  # wrote both, and five more pending


def queue_rows(window) -> dict[int, object]:
    model = window.queue_pane.model
    return {row.id: row for i in range(model.rowCount()) if (row := model.index(i).data(ROW_ROLE)) is not None}


def painted(delegate, row, width: int = 640) -> QImage:
    image = QImage(width, 80, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect, option.font = QRect(0, 0, width, 80), delegate.parent().font()
    option.palette = delegate.parent().palette()
    delegate._paint_card(painter, option, row, QRect(8, 8, width - 16, 64), option.palette.text().color())
    painter.end()
    return image


def open_flagged(qtbot, window) -> None:
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_2)
    wait_reads(qtbot, window)


def test_flagged_cards_carry_a_chip_naming_what_hit(qtbot, window):
    open_flagged(qtbot, window)
    rows = queue_rows(window)
    vermin = rows[VERMIN]
    assert vermin.flag == "dehumanising" and vermin.reason.startswith("dehumanising term '") and vermin.reasons == 3
    assert rows[THREAT].reason.startswith("threatening phrase '")
    delegate = window.queue_view.itemDelegate()
    assert painted(delegate, vermin) != painted(delegate, replace(vermin, reason=None, reasons=0))  # the chip is drawn
    thread_delegate = window.article_view.tree.itemDelegate()
    assert painted(thread_delegate, vermin) != painted(thread_delegate, replace(vermin, reason=None, reasons=0))


def open_rule_menu(qtbot, window):
    """Filter → Rule opened, and its counts answered by the reader."""
    menu = window.queue_commands.rules_menu
    menu.aboutToShow.emit()
    wait_reads(qtbot, window)
    return menu


def test_the_flagged_queue_filters_by_rule(qtbot, window):
    open_flagged(qtbot, window)
    menu = open_rule_menu(qtbot, window)
    offered = {action.text(): action for action in menu.actions()}
    assert {"Dehumanising (5)", "Threats (1)", "Personal data (1)", "Links (2)"} <= set(offered)
    offered["Threats (1)"].trigger()
    wait_reads(qtbot, window)
    assert window.queue_pane.query.rule == "threats" and set(queue_rows(window)) == {THREAT}
    chip = window.queue_pane.chip_buttons[-1]
    assert chip.text().startswith("Rule: Threats")
    open_rule_menu(qtbot, window)
    assert [a.isChecked() for a in menu.actions() if a.text() == "Threats (1)"] == [True]
    chip.click()  # removed
    wait_reads(qtbot, window)
    assert window.queue_pane.query.rule is None and VERMIN in queue_rows(window)


def rule_counts_read(statements: list[str]) -> list[str]:
    return [s for s in statements if "FROM rule_hits GROUP BY rule_hits.rule" in s]


def test_the_rule_menu_opens_at_once_and_counts_on_the_reader(qtbot, window):
    open_flagged(qtbot, window)
    menu = window.queue_commands.rules_menu
    with statements_on_the_gui_thread(window) as (on_gui, elsewhere):
        menu.aboutToShow.emit()
        assert [a.text() for a in menu.actions()] == ["Counting…"]  # shown before anything was counted
        wait_reads(qtbot, window)
    assert rule_counts_read(on_gui) == [] and len(rule_counts_read(elsewhere)) == 1
    assert "Threats (1)" in [a.text() for a in menu.actions()]
    with window.context.db.write_sessions() as s:  # the threat's hit gone (its comment imported again, say)
        s.execute(delete(RuleHit).where(RuleHit.comment_id == THREAT))
        s.commit()
    menu.aboutToShow.emit()
    assert "Threats (1)" in [a.text() for a in menu.actions()]  # the last counts, until the reader answers
    wait_reads(qtbot, window)
    assert not [a for a in menu.actions() if a.text().startswith("Threats")]


def test_f_toggles_feature_and_the_panel_says_so(qtbot, window):
    window.open_comment(VERMIN)
    wait_reads(qtbot, window)

    press(qtbot, window, Qt.Key.Key_F)
    wait_writes(qtbot, window)
    assert window.current.row.featured and "Featured" in window.panel.status.text()
    assert window.statusBar().currentMessage() == f"Featured: comment by {REX}. Ctrl+Z undoes it."
    press(qtbot, window, Qt.Key.Key_F)  # again: unfeatured
    wait_writes(qtbot, window)
    assert not window.current.row.featured and "Featured" not in window.panel.status.text()
    assert [d.action for d in decisions(window)] == [Action.FEATURE, Action.UNFEATURE]
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the unfeature undone
    wait_writes(qtbot, window)
    assert window.current.row.featured and window.current.comment_id == VERMIN


def standing_of(window, name: str) -> str:
    with window.context.db.sessions() as s:
        return s.scalar(select(Commenter.standing).where(Commenter.name == name)) or "normal"


def show_commenter(qtbot, window, comment_id: int):
    window.open_comment(comment_id)
    press(qtbot, window, Qt.Key.Key_C)
    return window.commenter_panel.standing_box


def test_trust_is_a_decision_shown_in_the_history_and_undone_with_ctrl_z(qtbot, window):
    box = show_commenter(qtbot, window, VERMIN)
    assert box.standing.text() == "Standing: Normal" and box.notes.text() == "No notes."
    assert box.buttons[Action.TRUST].isVisibleTo(box) and not box.buttons[Action.UNTRUST].isVisibleTo(box)
    box.buttons[Action.TRUST].click()
    wait_writes(qtbot, window)
    assert standing_of(window, REX) == "trusted" and box.standing.text() == "Standing: Trusted"
    assert window.statusBar().currentMessage() == f"Trusted: {REX}. Ctrl+Z undoes it."
    assert box.buttons[Action.UNTRUST].isVisibleTo(box) and not box.buttons[Action.TRUST].isVisibleTo(box)
    assert "ana trusted: normal → trusted" in box.history.text()
    [trust] = decisions(window)
    assert (trust.action, trust.comment_id) == (Action.TRUST, VERMIN)  # on the comment acted from
    window.panel.load(VERMIN)
    assert "ana trusted its author" in window.panel.history.text()  # the comment's own history says so too
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_writes(qtbot, window)
    assert standing_of(window, REX) == "normal" and box.standing.text() == "Standing: Normal"
    assert box.history.text().splitlines()[0].endswith("ana undid: trusted → normal")


def pending_of(window, name: str) -> int:
    with window.context.db.sessions() as s:
        return len(s.scalars(select(Comment.id).where(Comment.author == name, Comment.status == Status.PENDING)).all())


def test_ban_asks_with_cancel_the_default_and_offers_to_hide_their_pending(qtbot, window):
    box = show_commenter(qtbot, window, VERMIN)
    asked = []

    def cancel(dialog: QMessageBox) -> None:
        asked.append([b.text() for b in dialog.buttons()])
        assert dialog.defaultButton() is dialog.button(QMessageBox.StandardButton.Cancel)
        dialog.defaultButton().click()

    answer_modal(cancel, "BanCommenter")
    box.buttons[Action.BAN].click()
    wait_writes(qtbot, window)
    assert "Ban and hide their 7 pending" in asked[0] and standing_of(window, REX) == "normal" and not decisions(window)

    def ban_and_hide(dialog: QMessageBox) -> None:
        next(b for b in dialog.buttons() if b.text().startswith("Ban and hide")).click()

    answer_modal(ban_and_hide, "BanCommenter")
    box.buttons[Action.BAN].click()
    wait_writes(qtbot, window)
    assert standing_of(window, REX) == "banned" and pending_of(window, REX) == 0
    assert box.standing.text() == "Standing: Banned" and box.buttons[Action.UNBAN].isVisibleTo(box)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the hiding, a step of its own
    wait_writes(qtbot, window)
    assert pending_of(window, REX) == 7 and standing_of(window, REX) == "banned"
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the ban
    wait_writes(qtbot, window)
    assert standing_of(window, REX) == "normal"


def test_ban_and_hide_leaves_the_comments_a_colleague_has_open_and_says_so(qtbot, window):
    with window.context.db.sessions() as s:
        held = s.scalars(select(Comment.id).where(Comment.author == REX, Comment.status == Status.PENDING,
                                                  Comment.id != VERMIN).order_by(Comment.id)).first()
    with window.context.db.write_sessions() as s:
        assert claims.claim(s, held, "ben") is None  # ben, on another app of the team, has it open
        s.commit()
    box = show_commenter(qtbot, window, VERMIN)
    answer_modal(lambda dialog: next(b for b in dialog.buttons() if b.text().startswith("Ban and hide")).click(),
                 "BanCommenter")
    box.buttons[Action.BAN].click()
    wait_writes(qtbot, window)
    assert standing_of(window, REX) == "banned" and pending_of(window, REX) == 1
    assert db_status(window, held) == Status.PENDING
    assert window.statusBar().currentMessage() == (f"Hidden: 6 comments from {REX}; 1 left: being handled by ben. "
                                                   "Ctrl+Z undoes the rest.")
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the hiding undone: ben's stays as it was
    wait_writes(qtbot, window)
    assert pending_of(window, REX) == 7


def db_status(window, comment_id: int) -> str:
    with window.context.db.sessions() as s:
        return s.get(Comment, comment_id).status


def test_notes_are_edited_from_the_panel(qtbot, window):
    box = show_commenter(qtbot, window, VERMIN)

    def write(dialog) -> None:
        dialog.setTextValue("  Posts the same rant under every story.  ")
        dialog.accept()

    answer_modal(write, "CommenterNotes")
    box.notes_button.click()
    wait_writes(qtbot, window)
    with window.context.db.sessions() as s:
        assert s.scalar(select(Commenter.notes).where(Commenter.name == REX)) == "Posts the same rant under every story."
    assert box.notes.text() == "Notes: Posts the same rant under every story."


def test_the_article_says_whether_it_is_pre_moderated_and_a_lead_overrides_it(qtbot, window):
    window.open_comment(VERMIN)
    bar, article_id = window.article_view.premoderation, window.article_view.article.id
    assert bar.label.text() == "Pre-moderated (site default)" and bar.button.isEnabled()
    assert bar.choices["site"].isChecked() and bar.choices["site"].text() == "As the site says (pre-moderated)"

    def own_setting():
        with window.context.db.sessions() as s:
            return s.scalar(select(Article.premoderated).where(Article.id == article_id))

    bar.choices["post"].trigger()
    wait_writes(qtbot, window)
    assert own_setting() is False and bar.label.text() == "Post-moderated (this article)"
    assert bar.choices["post"].isChecked()
    bar.choices["site"].trigger()
    wait_writes(qtbot, window)
    assert own_setting() is None and bar.label.text() == "Pre-moderated (site default)"


def test_the_new_parts_speak_german(german_window, qtbot):  # noqa: F811 (the fixture imported above)
    window = german_window
    known = german_texts()
    box = show_commenter(qtbot, window, VERMIN)
    bar = window.article_view.premoderation
    open_rule_menu(qtbot, window)
    shown = [b.text() for b in (*box.buttons.values(), box.notes_button) if b.isVisibleTo(box)]
    shown += [bar.button.text(), bar.choices["pre"].text(), bar.choices["post"].text(),
              window.queue_commands.rules_menu.title(), window.actions_by_id[ActionId.FEATURE].text()]
    missing = [text for text in shown if text not in known]
    assert not missing, f"shown but not in the German catalogue: {missing}"
    assert box.standing.text() == "Status: Normal" and box.notes.text() == "Keine Notizen."
    assert bar.label.text() == "Vorab moderiert (Vorgabe der Website)"
    assert look.featured_chip_text() == "★ Hervorgehoben"
