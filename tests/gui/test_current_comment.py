"""One current comment (issue 18, point 1): the highlighted row, the comment panel and what
`a` acts on are the same comment through Preferences, F5 and the audit log's double-click.
The issue's own steps; tests/gui/test_current_comment_states.py walks every combination."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from moderator.gui.mainwindow import QUEUE_TAB
from moderator.gui.models.listmodels import ID_ROLE
from moderator.storage.models import Comment
from tests.gui.helpers import activate, answer_modal, decisions, ok_button, press, select_article, wait_reads, wait_writes


def highlighted(view) -> list[int]:
    """The ids a view paints as selected."""
    return [index.data(ID_ROLE) for index in view.selectionModel().selectedIndexes()]


def post_first_comment(qtbot, window, text: str) -> int:
    view = window.article_view
    qtbot.keyClicks(view.empty.findChild(QPlainTextEdit), text)
    view.empty.button.click()
    wait_writes(qtbot, window)
    return decisions(window)[-1].comment_id


def test_preferences_ok_keeps_the_staff_post_the_thread_highlights(qtbot, window):
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # the queue has a current comment too
    press(qtbot, window, Qt.Key.Key_J)
    in_queue = window.current_comment_id
    press(qtbot, window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    select_article(window, "Prince William")
    staff_post = post_first_comment(qtbot, window, "Comments are open. Please keep it civil.")
    press(qtbot, window, Qt.Key.Key_J)
    assert window.current_comment_id == staff_post != in_queue

    answer_modal(lambda dialog: ok_button(dialog).click(), "PreferencesDialog")
    window.edit_preferences()
    activate(qtbot, window)
    assert window.current_comment_id == staff_post
    assert highlighted(window.article_view.tree) == [staff_post]
    made = len(decisions(window))
    press(qtbot, window, Qt.Key.Key_A)  # the staff post is approved already: nothing is written
    wait_writes(qtbot, window)
    assert len(decisions(window)) == made


def test_preferences_ok_with_the_article_list_focused_keeps_the_article_and_the_comment(qtbot, window):
    select_article(window, "Europe is moving away")
    window.articles_view.setFocus()
    press(qtbot, window, Qt.Key.Key_J)
    press(qtbot, window, Qt.Key.Key_J)
    chosen, article = window.current_comment_id, window.article_view.article.id
    for _ in range(2):  # the second try
        answer_modal(lambda dialog: ok_button(dialog).click(), "PreferencesDialog")
        window.edit_preferences()
        activate(qtbot, window)
        window.articles_view.setFocus()  # where the focus goes back to when the dialog closes
        wait_reads(qtbot, window)  # the article list read again off the GUI thread, then highlighted again
        assert (window.article_view.article.id, window.current_comment_id) == (article, chosen)
        assert highlighted(window.article_view.tree) == [chosen]
        assert highlighted(window.articles_view) == [article]


def test_f5_in_the_queue_keeps_the_comment_and_never_moves_the_panel(qtbot, window):
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_J)
    press(qtbot, window, Qt.Key.Key_J)
    chosen = window.current_comment_id
    press(qtbot, window, Qt.Key.Key_F5)
    wait_reads(qtbot, window)
    assert window.current_comment_id == chosen and highlighted(window.queue_view) == [chosen]


def test_double_click_in_the_audit_log_opens_the_comment_all_the_way(qtbot, window):
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_J)
    press(qtbot, window, Qt.Key.Key_A)  # a decision for the log
    wait_writes(qtbot, window)
    decided = decisions(window)[-1].comment_id
    with window.context.db.sessions() as s:
        article = s.get(Comment, decided).article_id
        elsewhere = s.query(Comment).filter(Comment.article_id != article).first()
    window.open_comment(elsewhere.id)  # now on another article
    assert window.current_comment_id == elsewhere.id

    window.show_audit_log()
    audit = window.audit_window
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0)
    table = audit.table
    rect = table.visualRect(audit.model.index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's first press
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_comment_id == decided
    assert window.panel.row.id == decided
    assert highlighted(window.article_view.tree) == [decided]
    assert highlighted(window.articles_view) == [window.article_view.article.id]
    assert window.tabs.currentIndex() != QUEUE_TAB or highlighted(window.queue_view) in ([], [decided])
    audit.close()
