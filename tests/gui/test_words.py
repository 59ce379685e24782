"""Words that mislead (issue 18, point 8), as the issue met them: the status bar after an
undo, `u` on a pending comment, the thread header's count, imported spam and author-deleted
comments that arrived hidden with nothing saying why (and could be published again without
a word), and an import summary that said "1 skipped" without the reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from sqlalchemy import select

from moderator.gui.mainwindow import QUEUE_TAB
from moderator.storage.models import Comment
from moderator.vocabulary import Status
from tests.gui.helpers import answer_modal, db_comment, decisions, press, select_article, wait_writes

CTRL = Qt.KeyboardModifier.ControlModifier
TESTDATA = Path("/work/shared/testdata")

DISQUS = """<?xml version="1.0"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
  <thread dsq:id="1"><id>launch</id><forum>paper</forum><link>https://paper.example/launch</link>
    <title>The launch</title><createdAt>2024-05-01T10:00:00Z</createdAt></thread>
  <post dsq:id="10"><message><![CDATA[<p>Cheap watches here</p>]]></message><createdAt>2024-05-01T11:00:00Z</createdAt>
    <isDeleted>false</isDeleted><isSpam>true</isSpam><author><name>Spammer</name></author><thread dsq:id="1"/></post>
  <post dsq:id="11"><message><![CDATA[<p>I said too much, deleting this</p>]]></message>
    <createdAt>2024-05-01T12:00:00Z</createdAt><isDeleted>true</isDeleted><isSpam>false</isSpam>
    <author><name>Regretful Reader</name></author><thread dsq:id="1"/></post>
</disqus>
"""


def test_undo_says_how_to_redo_and_u_on_a_pending_comment_does_nothing(qtbot, window):
    press(qtbot, window, Qt.Key.Key_2, CTRL)
    press(qtbot, window, Qt.Key.Key_J)
    press(qtbot, window, Qt.Key.Key_A)
    wait_writes(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    wait_writes(qtbot, window)
    said = window.statusBar().currentMessage()
    assert said.startswith("Undone") and "Ctrl+Shift+Z redoes it" in said and "Ctrl+Z undoes it" not in said

    pending = window.current_comment_id
    assert db_comment(window, pending).status == Status.PENDING
    made = len(decisions(window))
    press(qtbot, window, Qt.Key.Key_U)
    wait_writes(qtbot, window)
    assert len(decisions(window)) == made and "Nothing to change" in window.statusBar().currentMessage()
    assert "review" not in window.statusBar().currentMessage()


def imported(qtbot, window, path: Path) -> str:
    said = []
    answer_modal(lambda box: (said.append(box.text()), box.accept()), QMessageBox)
    window.files.import_files([path])
    wait_writes(qtbot, window)
    return said[0]


def panel_text(window) -> str:
    return "\n".join(label.text() for label in window.panel.findChildren(QLabel) if label.isVisibleTo(window.panel))


def test_imported_spam_and_author_deleted_comments_say_why_and_deleted_ones_ask_before_publishing(qtbot, window, tmp_path):
    export = tmp_path / "disqus.xml"
    export.write_text(DISQUS, encoding="utf-8")
    imported(qtbot, window, export)
    with window.context.db.sessions() as s:
        spam = s.scalar(select(Comment.id).where(Comment.author == "Spammer"))
        deleted = s.scalar(select(Comment.id).where(Comment.author == "Regretful Reader"))

    window.open_comment(spam)
    assert window.panel.history.text() == "No decisions yet."
    assert "Marked as spam on the site; imported hidden." in panel_text(window)

    window.open_comment(deleted)
    assert "Deleted by its author on the site" in panel_text(window)
    asked = []
    for key in (Qt.Key.Key_A, Qt.Key.Key_U):
        answer_modal(lambda box: (asked.append(box.text()), box.button(QMessageBox.StandardButton.Cancel).click()),
                     "DeletedByAuthor")
        press(qtbot, window, key)
        wait_writes(qtbot, window)
    assert len(asked) == 2 and db_comment(window, deleted).status == Status.HIDDEN and decisions(window) == []
    answer_modal(lambda box: next(b for b in box.buttons() if b.text() == "Restore anyway").click(), "DeletedByAuthor")
    press(qtbot, window, Qt.Key.Key_U)
    wait_writes(qtbot, window)
    assert db_comment(window, deleted).status == Status.PENDING


def test_the_import_summary_says_why_records_were_skipped(qtbot, window):
    said = imported(qtbot, window, TESTDATA / "wxr_remark42-wordpress_test-inline.xml")
    assert "1 skipped (1 WordPress item of a type other than post or page, without comments (not an article))" in said


def test_the_thread_header_counts_after_decisions_anywhere(qtbot, window):
    select_article(window, "Europe is moving away")
    article = window.article_view.article.id

    def counted() -> str:
        with window.context.db.sessions() as s:
            statuses = list(s.scalars(select(Comment.status).where(Comment.article_id == article)))
        shown = [x for x in statuses if x != Status.REMOVED]
        return f"Comments · {len(shown)} ({shown.count(Status.PENDING)} pending)"

    for keys in ((Qt.Key.Key_J, Qt.Key.Key_J, Qt.Key.Key_J, Qt.Key.Key_A),  # in the thread
                 ((Qt.Key.Key_2, CTRL), Qt.Key.Key_J, Qt.Key.Key_A, Qt.Key.Key_A),  # from the queue
                 ((Qt.Key.Key_Z, CTRL),), ((Qt.Key.Key_Z, CTRL),), (Qt.Key.Key_F5,)):
        for key in keys:
            press(qtbot, window, *(key if isinstance(key, tuple) else (key,)))
        wait_writes(qtbot, window)
        assert window.article_view.article.id == article or window.tabs.currentIndex() == QUEUE_TAB
        if window.article_view.article.id == article:
            assert window.article_view.thread_title.text() == counted()
