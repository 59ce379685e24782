"""File menu work in the real window: import with progress and cancel, export, backup."""

import json
import sqlite3

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from moderator.storage.models import Comment, Score
from tests.conftest import TESTDATA
from tests.test_gui import answer_modal, wait_writes, window  # noqa: F401 - the shared window fixture


def comment_count(window) -> int:
    with window.context.db.sessions() as s:
        return s.scalar(select(func.count()).select_from(Comment))


def unscored(window) -> int:
    with window.context.db.sessions() as s:
        return s.scalar(select(func.count()).select_from(Comment).where(~Comment.id.in_(select(Score.comment_id))))


def close_message(seen: list):
    def handle(dialog):
        if isinstance(dialog, QMessageBox):
            seen.append((dialog.windowTitle(), dialog.text()))
        dialog.accept()

    return handle


def test_import_from_the_file_menu_adds_comments_and_refreshes(qtbot, window):
    before, articles_before = comment_count(window), window.articles.rowCount()
    seen: list = []
    answer_modal(qtbot, close_message(seen), QMessageBox)
    window.files.import_files([TESTDATA / "wxr_isso-tests.xml"])
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert seen[0][0] == "Import finished" and "wxr_isso-tests.xml" in seen[0][1]
    assert comment_count(window) > before
    assert window.articles.rowCount() > articles_before
    qtbot.waitUntil(lambda: unscored(window) == 0, timeout=60_000)  # new imports are scored without asking
    qtbot.waitUntil(lambda: not window.progress.isVisible())


def test_cancelled_import_keeps_nothing(qtbot, window, tmp_path):
    big = tmp_path / "big.jsonl"
    with big.open("w") as out:
        for n in range(30_000):
            out.write(json.dumps({"article_id": "a1", "article_title": "Big", "comment_id": f"c{n}", "author": "x",
                                  "created_at": "2025-05-01T10:00:00Z", "body": f"comment {n}"}) + "\n")
    before = comment_count(window)
    seen: list = []
    answer_modal(qtbot, close_message(seen), QMessageBox)
    window.files.import_files([big])
    window.progress.token.cancel()
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    wait_writes(qtbot, window)
    assert seen[0][0] == "Import stopped" and "cancelled" in seen[0][1]
    assert comment_count(window) == before


def test_backup_from_the_window_is_a_consistent_copy(qtbot, window, tmp_path, monkeypatch):
    out = tmp_path / "copy.sqlite"
    monkeypatch.setattr("moderator.gui.fileactions.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    seen: list = []
    answer_modal(qtbot, close_message(seen), QMessageBox)
    window.files.back_up()
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    with sqlite3.connect(out) as copy:
        assert copy.execute("SELECT count(*) FROM comments").fetchone()[0] == comment_count(window)
