"""The real main window, offscreen, driven from the keyboard; the database checked after each step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit
from sqlalchemy import select

from moderator.gui.article.view import EMPTY_PAGE, THREAD_PAGE
from moderator.gui.mainwindow import QUEUE_TAB
from moderator.storage.models import Comment
from moderator.vocabulary import Status
from tests.gui.helpers import answer_modal, db_comment, decisions, ok_button, press, reason_list, select_article, wait_writes


def test_window_shows_articles_queue_and_title(window):
    assert "Comment Moderator" in window.windowTitle()
    assert window.articles.rowCount() == 3  # those with pending comments, by default
    assert window.tabs.tabText(QUEUE_TAB) == "Queue (43 pending)"
    assert window.articles.index(0).data().startswith("Europe is moving away")
    assert window.article_view.article.headline.startswith("Europe is moving away")  # opened on first start
    window.articles_tab.with_pending.setChecked(False)
    assert window.articles.rowCount() == 6


def test_keyboard_moderation_round_trip(qtbot, window):
    select_article(window, "Europe is moving away")
    press(qtbot, window, Qt.Key.Key_J)
    first = window.current_comment_id
    press(qtbot, window, Qt.Key.Key_J)
    second = window.current_comment_id
    press(qtbot, window, Qt.Key.Key_K)
    assert window.current_comment_id == first != second

    assert db_comment(window, first).status == Status.APPROVED  # the demo's first comment
    press(qtbot, window, Qt.Key.Key_A)
    wait_writes(qtbot, window)
    assert window.current_comment_id == second  # moved on at once
    assert decisions(window) == [] and "approved already" in window.statusBar().currentMessage()  # nothing to write

    hidden = window.current_comment_id
    answer_modal(lambda d: (qtbot.keyClick(reason_list(d), Qt.Key.Key_2), qtbot.keyClick(reason_list(d), Qt.Key.Key_Return)),
                 "HideDialog")
    press(qtbot, window, Qt.Key.Key_H)
    wait_writes(qtbot, window)
    assert db_comment(window, hidden).status == Status.HIDDEN
    assert decisions(window)[-1].reason == "hate"

    press(qtbot, window, Qt.Key.Key_K)
    assert window.current_comment_id == hidden

    def write_reply(dialog):
        editor = dialog.findChild(QPlainTextEdit, "replyEdit")
        qtbot.keyClicks(editor, "Please argue the point, not the person.")
        ok_button(dialog).click()

    answer_modal(write_reply, "ReplyDialog")
    press(qtbot, window, Qt.Key.Key_R)
    wait_writes(qtbot, window)
    reply = decisions(window)[-1]
    staff = db_comment(window, reply.comment_id)
    assert (reply.action, staff.parent_id, staff.is_staff) == ("reply", hidden, True)
    assert staff.body == "Please argue the point, not the person."
    assert window.article_view.model.index_of(staff.id).isValid()  # shown in the thread, under its parent

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_writes(qtbot, window)
    assert db_comment(window, staff.id).status == Status.REMOVED
    assert not window.article_view.model.index_of(staff.id).isValid()
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_writes(qtbot, window)
    assert db_comment(window, hidden).status == before_status_of(window, hidden)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
    wait_writes(qtbot, window)
    assert db_comment(window, hidden).status == Status.HIDDEN
    assert [d.action for d in decisions(window)] == ["hide", "reply", "undo", "undo", "redo"]

    press(qtbot, window, Qt.Key.Key_J)  # the pending reply under the hidden comment
    target = window.current_comment_id
    assert db_comment(window, target).status == Status.PENDING
    press(qtbot, window, Qt.Key.Key_A)
    wait_writes(qtbot, window)
    assert db_comment(window, target).status == Status.APPROVED and window.current_comment_id != target
    last = decisions(window)[-1]
    assert (last.action, last.moderator, last.source, last.status_before, last.status_after) == (
        "approve", "ana", "manual", "pending", "approved")


def before_status_of(window, comment_id: int) -> str:
    hide = next(d for d in decisions(window) if d.comment_id == comment_id and d.action == "hide")
    return hide.status_before


def test_hide_can_be_cancelled_and_other_needs_a_note(qtbot, window):
    select_article(window, "Europe is moving away")
    press(qtbot, window, Qt.Key.Key_J)
    target = window.current_comment_id
    answer_modal(lambda d: d.reject(), "HideDialog")
    press(qtbot, window, Qt.Key.Key_H)
    wait_writes(qtbot, window)
    assert decisions(window) == [] and window.current_comment_id == target

    def other_with_note(dialog):
        qtbot.keyClick(reason_list(dialog), Qt.Key.Key_7)
        assert not ok_button(dialog).isEnabled()
        qtbot.keyClicks(dialog.findChild(QPlainTextEdit, "noteEdit"), "Doxxing attempt")
        assert ok_button(dialog).isEnabled()
        ok_button(dialog).click()

    answer_modal(other_with_note, "HideDialog")
    press(qtbot, window, Qt.Key.Key_H)
    wait_writes(qtbot, window)
    hide = decisions(window)[-1]
    assert (hide.reason, hide.note, hide.comment_id) == ("other", "Doxxing attempt", target)


def test_comment_text_is_plain_text_everywhere(qtbot, window):
    html_body = "<b>NOW</b>"
    with window.context.db.sessions() as s:
        troll = s.scalar(select(Comment).where(Comment.body.contains("<script>")))
    window.open_article(troll.article_id, troll.id)
    assert window.panel.text.toPlainText() == troll.body and html_body in troll.body
    assert not window.panel.text.acceptRichText()
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in window.panel.findChildren(QLabel))
    assert window.article_view.model.index_of(troll.id).data().endswith(troll.body)


def test_article_text_is_never_interpreted_as_html(qtbot, window):
    from moderator.gui.article.view import render_article
    from moderator.reading.queries import ArticleDetail

    article = ArticleDetail(1, "x", "<h1>Big</h1> & <img src='http://example.invalid/a.png'>", "<i>lead</i>",
                            "<script>x()</script>", None, None, "?", "!")
    render_article(window.article_view.reader, article)
    text = window.article_view.reader.toPlainText()
    assert "<h1>Big</h1> & <img src='http://example.invalid/a.png'>" in text and "<script>x()</script>" in text


def test_empty_article_shows_the_sites_prompt_and_staff_post_first(qtbot, window):
    select_article(window, "Prince William")
    view = window.article_view
    assert view.stack.currentIndex() == EMPTY_PAGE
    assert view.empty.prompt.text() == "What is your opinion on this topic?"
    assert view.empty.call.text() == "Leave the first comment"
    qtbot.keyClicks(view.empty.editor, "Congratulations to them. Comments are open.")
    qtbot.mouseClick(view.empty.button, Qt.MouseButton.LeftButton)
    wait_writes(qtbot, window)
    post = decisions(window)[-1]
    comment = db_comment(window, post.comment_id)
    assert (post.action, comment.is_staff, comment.parent_id, comment.author) == ("post", True, None, "ana")
    assert view.stack.currentIndex() == THREAD_PAGE


def test_queue_lists_pending_newest_first_and_clears_from_the_keyboard(qtbot, window):
    window.queue_pane.sort.setCurrentIndex(window.queue_pane.sort.findData("newest"))
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == QUEUE_TAB
    rows = [window.queue.index(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(window.queue.rowCount())]
    assert len(rows) == 43 and [r.created_at for r in rows] == sorted((r.created_at for r in rows), reverse=True)
    press(qtbot, window, Qt.Key.Key_J)
    assert window.current_comment_id == rows[0].id
    with qtbot.waitSignal(window.queue_pane.pending_counted, check_params_cb=lambda pending: pending == 40):
        for _ in range(3):
            press(qtbot, window, Qt.Key.Key_A)
        wait_writes(qtbot, window)
        assert [db_comment(window, r.id).status for r in rows[:4]] == ["approved", "approved", "approved", "pending"]
        assert window.current_comment_id == rows[3].id
    assert window.tabs.tabText(QUEUE_TAB) == "Queue (40 pending)"  # counted off the GUI thread, once the keys paused
    window.queue_pane.sort.setCurrentIndex(window.queue_pane.sort.findData("oldest"))
    first = window.queue.index(0).data(Qt.ItemDataRole.UserRole + 1)
    assert first.created_at == min(r.created_at for r in rows[3:])


def test_shortcuts_window_lists_every_shortcut(qtbot, window):
    seen = {}

    def read(dialog):
        table = dialog.table
        seen.update({table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())})
        dialog.reject()

    answer_modal(read, "ShortcutsDialog")
    qtbot.keyClicks(window, "?")
    assert seen["Approve"] == "a" and seen["Hide"] == "h" and seen["Reply as staff"] == "r"  # as typed
    assert seen["Next comment"] == "j" and seen["Previous comment"] == "k"
    assert "Ctrl+Z" in seen["Undo"] and "Ctrl+Shift+Z" in seen["Redo"]


def test_every_action_is_in_a_menu(window):
    menus = window.menuBar().findChildren(type(window.menuBar().actions()[0].menu()))
    in_menus = {action for menu in menus for action in menu.actions()}
    assert set(window.actions_by_id.values()) <= in_menus


def test_state_and_layout_survive_a_restart(qtbot, window, open_window):
    select_article(window, "Estonia")
    press(qtbot, window, Qt.Key.Key_J)
    decided = window.current_comment_id
    press(qtbot, window, Qt.Key.Key_A)
    # The offscreen screen is 800 × 600 and a first start fills its width (less the frame), which
    # is also about the three panes' minimum width: the height tells a restored size apart.
    window.resize(760, 560)
    closed_at = window.size()
    window.close()  # waits for the write
    reopened = open_window()
    reopened.reopen_last_article()
    assert reopened.size() == closed_at and closed_at.height() == 560
    assert reopened.article_view.article.headline.startswith("Estonia")
    assert db_comment(reopened, decided).status == Status.APPROVED


def test_preferences_set_name_and_thresholds_for_app_and_command_line(qtbot, window):
    from PySide6.QtWidgets import QDoubleSpinBox, QLineEdit

    from moderator.inifile import read_settings
    from moderator.scoring.priority import thresholds_from

    def fill(dialog):
        name = dialog.findChild(QLineEdit, "moderatorEdit")
        name.clear()
        qtbot.keyClicks(name, "Ben Okoro")
        dialog.findChild(QDoubleSpinBox, "mediumSpin").setValue(0.3)
        dialog.findChild(QDoubleSpinBox, "highSpin").setValue(0.6)
        ok_button(dialog).click()

    answer_modal(fill, "PreferencesDialog")
    window.edit_preferences()
    assert window.moderator == "Ben Okoro"
    assert [window.active.priority_of(score) for score in (0.45, 0.6, 0.1)] == ["Medium", "High", "Low"]
    assert thresholds_from(read_settings(window.context.paths.settings_file)).values == (0.3, 0.6)


def test_preferences_keep_a_database_address_for_the_next_start_never_its_password(qtbot, window):
    from PySide6.QtWidgets import QLineEdit

    from moderator.cli.launch import database_url
    from moderator.settings import DATABASE_URL

    team = "postgresql+psycopg://ana@db.newsroom.example/moderation"
    said = []

    def fill(dialog):
        address, note = dialog.findChild(QLineEdit, "databaseEdit"), dialog.findChild(QLabel, "databaseNote")
        assert address.text() == "" and "the next time the app starts" in note.text()
        qtbot.keyClicks(address, "postgresql+psycopg://ana:secret@db.newsroom.example/moderation")
        said.append(note.text())
        assert not ok_button(dialog).isEnabled()  # refused: OK greyed until the password is gone
        address.setText(team)
        assert ok_button(dialog).isEnabled() and "the next time the app starts" in note.text()
        ok_button(dialog).click()

    answer_modal(fill, "PreferencesDialog")
    window.edit_preferences()
    assert said == ["Leave the password out of the database address (the settings file would keep it in plain text): "
                    "keep it with `moderator db-password --db URL` or in ~/.pgpass."]
    paths = window.context.paths
    assert window.context.settings.get(DATABASE_URL) == team
    assert database_url(paths, None) == team  # the next start (app or command line) opens it
    assert database_url(paths, "sqlite:///other.sqlite") == "sqlite:///other.sqlite"  # --db still comes first
    assert window.context.db.engine.dialect.name == "sqlite"  # this start keeps its database
