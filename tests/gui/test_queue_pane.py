"""The queue pane driven from the keyboard on the real window and database: queues 1–5,
order, each filter kind, search, the selection (x, Shift+J, Ctrl+A, a histogram band),
bulk approve / hide as one undo step. The database is checked after each step."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDateEdit, QDoubleSpinBox, QLabel, QMessageBox, QToolButton
from sqlalchemy import func, select

from moderator.gui.mainwindow import QUEUE_TAB
from moderator.gui.models.listmodels import ROW_ROLE
from moderator.importing import import_files
from moderator.moderation.decisions import decide
from moderator.storage.models import Comment, Decision, Score
from moderator.vocabulary import VISIBLE_TO_MODERATORS, Action, QueueKind, Sort, Status
from tests.gui.helpers import (
    activate,
    answer_modal,
    db_comment,
    decisions,
    press,
    reason_list,
    select_article,
    wait_reads,
    wait_scored,
    wait_writes,
)

SHIFT, CTRL, ALT = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


@pytest.fixture
def scored(qtbot, window):
    """The window once the quick screen has scored the demo (scores order and filter the queue)."""
    wait_scored(qtbot, window)
    window.refresh()
    return window


def shown_ids(window) -> list[int]:
    model = window.queue
    while model.canFetchMore():
        model.fetchMore()
    return [model.index(i).data(ROW_ROLE).id for i in range(model.rowCount())]


def db_ids(window, *where, order=(Comment.created_at.desc(), Comment.id.desc())) -> list[int]:
    with window.context.db.sessions() as s:
        return list(s.scalars(select(Comment.id).where(*where).order_by(*order)))


def assert_count(qtbot, window, expected: int) -> None:
    """The count shown once the reader has answered (it counts off the GUI thread)."""
    wait_reads(qtbot, window)
    assert window.queue_pane.count == expected


def test_queues_switch_with_1_to_5(qtbot, scored):
    window = scored
    press(qtbot, window, Qt.Key.Key_3)
    assert window.tabs.currentIndex() == QUEUE_TAB and window.queue_pane.query.kind == QueueKind.HIDDEN
    assert shown_ids(window) == []
    press(qtbot, window, Qt.Key.Key_1)
    press(qtbot, window, Qt.Key.Key_J)
    target = window.current_comment_id
    answer_modal(lambda d: qtbot.keyClick(reason_list(d), Qt.Key.Key_Return), "HideDialog")
    press(qtbot, window, Qt.Key.Key_H)
    wait_writes(qtbot, window)
    press(qtbot, window, Qt.Key.Key_3)
    assert shown_ids(window) == [target] == db_ids(window, Comment.status == Status.HIDDEN)
    press(qtbot, window, Qt.Key.Key_4)
    assert set(shown_ids(window)) == set(db_ids(window, Comment.status == Status.APPROVED))
    press(qtbot, window, Qt.Key.Key_5)
    assert len(shown_ids(window)) == len(db_ids(window, Comment.status.in_(VISIBLE_TO_MODERATORS)))
    assert_count(qtbot, window, 54)
    assert window.queue_pane.count_label.text() == "54 comments"
    press(qtbot, window, Qt.Key.Key_2)
    medium = window.queue_pane.query.flagged_from
    with window.context.db.sessions() as s:
        flagged = set(s.scalars(select(Comment.id).join(Score).where(
            Comment.status == Status.PENDING, Score.model_id == window.active.model_id, Score.main >= medium)))
        # and those a rule flagged (issue 14: the demo's suspect comments)
        flagged |= set(s.scalars(select(Comment.id).where(Comment.status == Status.PENDING, Comment.flag.is_not(None))))
    assert set(shown_ids(window)) == flagged and flagged


def test_s_changes_the_order(qtbot, scored):
    window = scored
    press(qtbot, window, Qt.Key.Key_1)
    assert window.queue_pane.query.sort == Sort.PRIORITY
    rows = [window.queue.index(i).data(ROW_ROLE) for i in range(window.queue.rowCount())]
    raised = db_ids(window, Comment.status == Status.PENDING, Comment.flag.is_not(None))  # issue 14: a rule's flag first
    assert raised and {row.id for row in rows[:len(raised)]} == set(raised)
    scores = [row.score for row in rows[len(raised):]]
    assert scores == sorted(scores, reverse=True)
    press(qtbot, window, Qt.Key.Key_S)
    assert window.queue_pane.query.sort == Sort.NEWEST
    assert shown_ids(window) == db_ids(window, Comment.status == Status.PENDING)
    press(qtbot, window, Qt.Key.Key_S)
    assert shown_ids(window) == db_ids(window, Comment.status == Status.PENDING, order=(Comment.created_at, Comment.id))
    assert window.statusBar().currentMessage() == "Order: Oldest first."


def test_an_export_dated_to_the_second_is_listed_whole_in_both_orders(qtbot, window, tmp_path):
    """Exports date comments to the second, several to the same one. The queue reads 200
    rows a page and goes on after the last one's time: an import's times once compared
    unequal to themselves, and each page skipped the rest of its last second (oldest
    first) or came round again (newest first)."""
    export = tmp_path / "busy-evening.jsonl"
    export.write_text("".join(
        f'{{"article_id": "evening", "article_title": "Budget night", "comment_id": "{n}", "author": "Reader {n}", '
        f'"created_at": "2024-05-01T20:{n // 420:02}:{n // 7 % 60:02}Z", "body": "Remark {n}", "status": "pending"}}\n'
        for n in range(450)))  # seven comments a second: pages end inside a second
    with window.context.db.sessions() as s:
        import_files(s, [export])
    window.refresh()
    press(qtbot, window, Qt.Key.Key_1)
    press(qtbot, window, Qt.Key.Key_S)
    assert window.queue_pane.query.sort == Sort.NEWEST
    newest = shown_ids(window)
    assert newest == db_ids(window, Comment.status == Status.PENDING) and len(newest) > 450
    press(qtbot, window, Qt.Key.Key_S)
    assert shown_ids(window) == newest[::-1]


def test_article_commenter_and_status_filters_show_as_chips_and_combine(qtbot, scored):
    window = scored
    select_article(window, "Europe is moving away")
    article_id = window.article_view.article.id
    press(qtbot, window, Qt.Key.Key_A, ALT)
    assert window.tabs.currentIndex() == QUEUE_TAB
    assert set(shown_ids(window)) == set(db_ids(window, Comment.article_id == article_id, Comment.status == Status.PENDING))
    assert chip_texts(window)[0].startswith("Article: Europe is moving") and chip_texts(window)[0].endswith("…")
    assert window.article_view.article.headline in chip_buttons(window)[0].toolTip()

    press(qtbot, window, Qt.Key.Key_J)
    author = db_comment(window, window.current_comment_id).author
    press(qtbot, window, Qt.Key.Key_C, ALT)
    assert set(shown_ids(window)) == set(db_ids(window, Comment.article_id == article_id, Comment.author == author,
                                                Comment.status == Status.PENDING))
    assert len(chip_texts(window)) == 2 and chip_texts(window)[1] == f"Commenter: {author}"

    press(qtbot, window, Qt.Key.Key_5)
    window.queue_commands.filter_status(Status.APPROVED)  # the Filter button's Status menu
    assert set(shown_ids(window)) == set(db_ids(window, Comment.article_id == article_id, Comment.author == author,
                                                Comment.status == Status.APPROVED))
    chip_buttons(window)[0].click()  # the article chip: removed
    assert set(shown_ids(window)) == set(db_ids(window, Comment.author == author, Comment.status == Status.APPROVED))
    press(qtbot, window, Qt.Key.Key_Backspace, ALT)
    assert chip_texts(window) == [] and len(shown_ids(window)) == 54


def test_score_and_date_filters_from_their_dialogs(qtbot, scored):
    window = scored
    press(qtbot, window, Qt.Key.Key_5)

    def from_half(dialog):
        low = dialog.findChild(QDoubleSpinBox, "lowSpin")
        low.selectAll()
        qtbot.keyClicks(low, "0.5")
        qtbot.keyClick(low, Qt.Key.Key_Return)

    answer_modal(from_half, "ScoreFilterDialog")
    press(qtbot, window, Qt.Key.Key_S, ALT)
    with window.context.db.sessions() as s:
        high = set(s.scalars(select(Score.comment_id).where(Score.model_id == window.active.model_id, Score.main >= 0.5)))
    assert set(shown_ids(window)) == high and high
    assert chip_texts(window) == ["Offensive 0.50–1.00"]

    newest = max(db_comment(window, cid).created_at for cid in db_ids(window))
    day = newest.astimezone()

    def only_that_day(dialog):
        for name in ("sinceEdit", "untilEdit"):
            edit = dialog.findChild(QDateEdit, name)
            edit.setDate(day.date())
        qtbot.keyClick(dialog.findChild(QDateEdit, "untilEdit"), Qt.Key.Key_Return)

    answer_modal(only_that_day, "DateFilterDialog")
    press(qtbot, window, Qt.Key.Key_D, ALT)
    start = day.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)
    expected = {cid for cid in high if start <= db_comment(window, cid).created_at < start + timedelta(days=1)}
    assert set(shown_ids(window)) == expected
    assert chip_texts(window)[1].startswith("Written ")
    assert_count(qtbot, window, len(expected))


def test_slash_searches_and_enter_goes_to_the_results(qtbot, scored):
    window = scored
    press(qtbot, window, Qt.Key.Key_Slash)
    search = window.queue_pane.search
    assert search.hasFocus()
    qtbot.keyClicks(search, "buffet")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.queue_view.hasFocus() and window.queue_pane.query.sort == Sort.RELEVANCE
    with window.context.db.sessions() as s:
        expected = set(s.scalars(select(Comment.id).where(Comment.body.ilike("%buffet%"), Comment.status == Status.PENDING)))
    assert set(shown_ids(window)) == expected and expected
    first = window.queue.index(0).data(ROW_ROLE)
    assert "\x02" in first.snippet  # the match is marked for the painter
    press(qtbot, window, Qt.Key.Key_J)
    assert window.current_comment_id in expected


def test_x_and_shift_j_select_and_shift_a_approves_them_as_one_undo_step(qtbot, scored):
    window = scored
    press(qtbot, window, Qt.Key.Key_1)
    press(qtbot, window, Qt.Key.Key_S)  # newest first
    ids = shown_ids(window)
    press(qtbot, window, Qt.Key.Key_J)
    press(qtbot, window, Qt.Key.Key_X)
    press(qtbot, window, Qt.Key.Key_J)
    press(qtbot, window, Qt.Key.Key_J)
    press(qtbot, window, Qt.Key.Key_J, SHIFT)
    press(qtbot, window, Qt.Key.Key_J, SHIFT)
    assert window.queue_pane.selected_ids() == sorted([ids[0], ids[2], ids[3], ids[4]])
    assert "4 selected" in window.queue_pane.count_label.text()
    press(qtbot, window, Qt.Key.Key_A, SHIFT)
    wait_writes(qtbot, window)
    assert [db_comment(window, cid).status for cid in ids[:5]] == ["approved", "pending", "approved", "approved", "approved"]
    with window.context.db.sessions() as s:
        batch = s.scalars(select(Decision.batch_id).where(Decision.action == "approve")).all()
    assert len(batch) == 4 and len(set(batch)) == 1  # one batch
    assert window.queue_pane.selected_ids() == []
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # one undo puts back all four
    wait_writes(qtbot, window)
    assert [db_comment(window, cid).status for cid in ids[:5]] == ["pending"] * 5
    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    wait_writes(qtbot, window)
    assert [db_comment(window, cid).status for cid in ids[:5]] == ["approved", "pending", "approved", "approved", "approved"]


def test_ctrl_a_selects_all_matching_and_shift_h_hides_them_after_confirming_the_count(qtbot, scored):
    window = scored
    select_article(window, "Estonia")
    press(qtbot, window, Qt.Key.Key_A, ALT)
    expected = set(db_ids(window, Comment.article_id == window.article_view.article.id, Comment.status == Status.PENDING))
    press(qtbot, window, Qt.Key.Key_A, CTRL)
    wait_reads(qtbot, window)  # the ids of every match, read off the GUI thread
    assert set(window.queue_pane.selected_ids()) == expected
    asked = []

    def confirm_with_a_reason(dialog):  # one dialog: the count and the reason
        asked.append(dialog.findChild(QLabel, "bulkLabel").text())
        activate(qtbot, dialog)
        qtbot.keyClick(reason_list(dialog), Qt.Key.Key_Return, CTRL)  # Enter alone cancels: Cancel is the default

    answer_modal(confirm_with_a_reason, "HideDialog")
    press(qtbot, window, Qt.Key.Key_H, SHIFT)
    wait_writes(qtbot, window)
    assert asked == [f"Hide all {len(expected)} comments selected (all matching)? One Ctrl+Z undoes all of it."]
    assert {db_comment(window, cid).status for cid in expected} == {Status.HIDDEN}
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    wait_writes(qtbot, window)
    assert {db_comment(window, cid).status for cid in expected} == {Status.PENDING}


def test_a_cancelled_confirmation_changes_nothing(qtbot, scored):
    window = scored
    press(qtbot, window, Qt.Key.Key_1)
    press(qtbot, window, Qt.Key.Key_A, CTRL)
    wait_reads(qtbot, window)
    assert len(window.queue_pane.selected_ids()) == 43
    answer_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click(), "BulkConfirm")
    press(qtbot, window, Qt.Key.Key_A, SHIFT)
    wait_writes(qtbot, window)
    with window.context.db.sessions() as s:  # (the rules' flags on the demo aside)
        assert s.scalar(select(func.count()).select_from(Decision).where(Decision.source != "rule")) == 0
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.queue_pane.selected_ids() == []


def test_dragging_across_the_histogram_selects_exactly_that_band(qtbot, scored):
    window = scored
    press(qtbot, window, Qt.Key.Key_5)
    wait_reads(qtbot, window)
    histogram = window.queue_pane.histogram
    assert sum(histogram.counts) == 54
    bars = histogram._bars()
    x_of = lambda i: bars.left() + bars.width() * i // histogram.bins + 2  # noqa: E731
    qtbot.mousePress(histogram, Qt.MouseButton.LeftButton, pos=QPoint(x_of(16), bars.center().y()))
    qtbot.mouseMove(histogram, QPoint(x_of(19), bars.center().y()))
    qtbot.mouseRelease(histogram, Qt.MouseButton.LeftButton, pos=QPoint(x_of(19), bars.center().y()))
    assert histogram.marked == (16, 19)
    with window.context.db.sessions() as s:
        band = set(s.scalars(select(Score.comment_id).join(Comment).where(
            Score.model_id == window.active.model_id, Score.main >= 0.8, Comment.status.in_(VISIBLE_TO_MODERATORS))))
    wait_reads(qtbot, window)
    assert set(window.queue_pane.selected_ids()) == band
    assert band and sum(histogram.counts[16:]) == len(band)
    assert "(Offensive 0.80–1.00)" in window.queue_pane.count_label.text()


def chip_buttons(window) -> list[QToolButton]:
    return window.queue_pane.chip_buttons


def chip_texts(window) -> list[str]:
    return [b.text().removesuffix("  ✕") for b in chip_buttons(window)]


def test_c_shows_the_commenter_and_hides_all_their_pending_as_one_undo_step(qtbot, scored):
    window = scored
    press(qtbot, window, Qt.Key.Key_1)
    press(qtbot, window, Qt.Key.Key_J)
    author = db_comment(window, window.current_comment_id).author
    press(qtbot, window, Qt.Key.Key_C)
    panel = window.commenter_panel
    assert window.side_tabs.currentWidget() is panel and panel.author == author
    theirs = set(db_ids(window, Comment.author == author, Comment.status == Status.PENDING))
    assert panel.summary.counts["pending"] == len(theirs) > 0
    answer_modal(lambda d: (activate(qtbot, d), qtbot.keyClick(reason_list(d), Qt.Key.Key_Return, CTRL)), "HideDialog")
    panel.hide_all_button.setFocus()
    qtbot.keyClick(panel.hide_all_button, Qt.Key.Key_Space)
    wait_writes(qtbot, window)
    assert {db_comment(window, cid).status for cid in theirs} == {Status.HIDDEN}
    others = db_ids(window, Comment.author != author, Comment.status == Status.HIDDEN)
    assert others == [] and panel.summary.counts["pending"] == 0  # nobody else's; the panel read them again
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    wait_writes(qtbot, window)
    assert {db_comment(window, cid).status for cid in theirs} == {Status.PENDING}


def test_a_refused_write_is_shown_in_one_sentence_and_the_view_shows_the_database(qtbot, scored):
    """Another moderator (here the command line's core function) hides the comment meanwhile:
    undoing our approval is refused, said plainly, and the queue shows what is true."""
    window = scored
    press(qtbot, window, Qt.Key.Key_1)
    press(qtbot, window, Qt.Key.Key_J)
    target = window.current_comment_id
    press(qtbot, window, Qt.Key.Key_A)
    wait_writes(qtbot, window)
    with window.context.db.sessions() as s:
        decide(s, [target], Action.HIDE, "bo", "spam")
        s.commit()
    said = []

    def read_and_close(box):
        said.append((box.windowTitle(), box.text(), box.textFormat()))
        box.accept()

    answer_modal(read_and_close, QMessageBox)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    wait_writes(qtbot, window)  # the refusal is said while the write's answer is delivered
    title, text, text_format = said[0]
    assert title == "Not done" and text.startswith("bo hid this at ") and text.count(".") <= 2
    assert text_format == Qt.TextFormat.PlainText
    assert db_comment(window, target).status == Status.HIDDEN
    row = window.queue.row_of(target)
    assert row is None or window.queue.index(row).data(ROW_ROLE).status == Status.HIDDEN  # never "pending" again
    assert not window.undo_stack.canUndo()


def test_ctrl_l_opens_the_audit_log_filtered_from_the_keyboard_and_enter_opens_the_comment(qtbot, scored):
    from moderator.gui.audit.model import COMMENT_ID_ROLE

    window = scored
    press(qtbot, window, Qt.Key.Key_1)
    press(qtbot, window, Qt.Key.Key_J)
    approved = window.current_comment_id
    press(qtbot, window, Qt.Key.Key_A)
    press(qtbot, window, Qt.Key.Key_X)
    press(qtbot, window, Qt.Key.Key_A, SHIFT)  # a bulk approve of one more
    wait_writes(qtbot, window)
    press(qtbot, window, Qt.Key.Key_L, CTRL)
    log = window.audit_window
    qtbot.waitExposed(log)
    activate(qtbot, log)
    qtbot.keyClick(log.table, Qt.Key.Key_C, ALT)  # A&ction
    qtbot.keyClick(log.action, Qt.Key.Key_Down)  # Approve
    with window.context.db.sessions() as s:
        expected = list(s.scalars(select(Decision.comment_id).where(Decision.action == "approve").order_by(Decision.id.desc())))
    assert log.model.rowCount() == len(expected) == 2  # read at once: one page on the GUI thread
    assert [log.model.index(i, 0).data(COMMENT_ID_ROLE) for i in range(2)] == expected
    log.table.setFocus()
    qtbot.keyClick(log.table, Qt.Key.Key_Down)
    qtbot.keyClick(log.table, Qt.Key.Key_Down)  # the older: the single approval
    with qtbot.waitSignal(log.comment_activated):
        qtbot.keyClick(log.table, Qt.Key.Key_Return)
    assert window.current_comment_id == approved


def test_a_decision_on_a_comment_someone_changed_since_is_refused_and_the_undo_stack_kept(qtbot, scored):
    """The window shows a pending comment; another moderator hides it from the command line;
    pressing a is refused (never approving over their decision), says who changed it, and
    the moderator's earlier decision is still the one Ctrl+Z undoes."""
    window = scored
    press(qtbot, window, Qt.Key.Key_1)
    press(qtbot, window, Qt.Key.Key_J)
    earlier = window.current_comment_id
    press(qtbot, window, Qt.Key.Key_A)  # one decision of ours, on the undo stack
    wait_writes(qtbot, window)
    target = window.current_comment_id
    assert target != earlier and db_comment(window, target).status == Status.PENDING
    with window.context.db.write_sessions() as s:
        decide(s, [target], Action.HIDE, "bo", "spam")
        s.commit()
    said = []
    answer_modal(lambda box: (said.append(box.text()), box.accept()), QMessageBox)
    press(qtbot, window, Qt.Key.Key_A)
    wait_writes(qtbot, window)
    assert len(said) == 1 and "bo hid this at " in said[0] and f"(comment {target})" in said[0]
    assert db_comment(window, target).status == Status.HIDDEN  # their decision stands
    assert [d.action for d in decisions(window) if d.comment_id == target and d.source != "rule"] == ["hide"]
    assert window.undo_stack.count() == 1 and window.undo_stack.canUndo()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # still undoes our own approval
    wait_writes(qtbot, window)
    assert db_comment(window, earlier).status == Status.PENDING
