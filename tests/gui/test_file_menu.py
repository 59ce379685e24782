"""File menu work in the real window: import with progress and cancel, export, backup."""

import csv
import json
import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from moderator.moderation.decisions import decide
from moderator.storage.models import Comment
from tests.gui.helpers import answer_modal, wait_scored, wait_writes
from tests.samples import TESTDATA


def comment_count(window) -> int:
    with window.context.db.sessions() as s:
        return s.scalar(select(func.count()).select_from(Comment))


def close_message(seen: list):
    def handle(dialog):
        if isinstance(dialog, QMessageBox):
            seen.append((dialog.windowTitle(), dialog.text()))
        dialog.accept()

    return handle


def test_import_from_the_file_menu_adds_comments_and_refreshes(qtbot, window):
    window.articles_tab.with_pending.setChecked(False)  # the sample's comments are approved at the source
    before, articles_before = comment_count(window), window.articles.rowCount()
    seen: list = []
    answer_modal(close_message(seen), QMessageBox)
    window.files.import_files([TESTDATA / "wxr_isso-tests.xml"])
    wait_writes(qtbot, window, timeout=20_000)  # the sentence is said as the import's result arrives
    assert seen[0][0] == "Import finished" and "wxr_isso-tests.xml" in seen[0][1]
    assert comment_count(window) > before
    assert window.articles.rowCount() > articles_before
    wait_scored(qtbot, window)  # new imports are scored without asking
    assert not window.progress.isVisible()


def test_cancelled_import_keeps_nothing(qtbot, window, tmp_path):
    big = tmp_path / "big.jsonl"
    with big.open("w") as out:
        for n in range(30_000):
            out.write(json.dumps({"article_id": "a1", "article_title": "Big", "comment_id": f"c{n}", "author": "x",
                                  "created_at": "2025-05-01T10:00:00Z", "body": f"comment {n}"}) + "\n")
    before = comment_count(window)
    seen: list = []
    answer_modal(close_message(seen), QMessageBox)
    window.files.import_files([big])
    window.progress.token.cancel()
    wait_writes(qtbot, window, timeout=30_000)
    assert seen[0][0] == "Import stopped" and "cancelled" in seen[0][1]
    assert comment_count(window) == before


def test_backup_from_the_window_is_a_consistent_copy(qtbot, window, tmp_path, monkeypatch):
    out = tmp_path / "copy.sqlite"
    monkeypatch.setattr("moderator.gui.common.filedialogs.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    seen: list = []
    answer_modal(close_message(seen), QMessageBox)
    window.files.back_up()
    wait_writes(qtbot, window, timeout=20_000)  # the copy is made on the writer, so it sees every write
    assert seen[0][0] == "Backed up"
    with sqlite3.connect(out) as copy:
        assert copy.execute("SELECT count(*) FROM comments").fetchone()[0] == comment_count(window)


@pytest.mark.parametrize("name", ["decisions.jsonl", "decisions.csv"])
def test_decisions_exported_from_the_window_carry_the_sites_ids(qtbot, window, tmp_path, monkeypatch, name):
    """File → Export decisions… writes the file the site applies: its format by the name's ending."""
    window.files.import_files([TESTDATA / "wxr_isso-tests.xml"])  # comments with the site's own ids
    seen: list = []
    answer_modal(close_message(seen), QMessageBox)
    wait_writes(qtbot, window, timeout=20_000)
    assert seen[0][0] == "Import finished"
    with window.context.db.sessions() as s:
        decided = s.scalars(select(Comment).where(Comment.external_id.is_not(None)).order_by(Comment.id).limit(2)).all()
        decide(s, [decided[0].id], "hide", "ana", reason="abuse")
        decide(s, [decided[1].id], "hide", "ana", reason="spam")  # every comment there is approved:
        decide(s, [decided[1].id], "approve", "ana")  # hidden first, so that approving changes it
        s.commit()
    out = tmp_path / name
    monkeypatch.setattr("moderator.gui.common.filedialogs.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    seen.clear()
    answer_modal(close_message(seen), QMessageBox)
    window.files.export_decisions()
    wait_writes(qtbot, window, timeout=20_000)
    assert seen[0] == ("Decisions exported", f"3 decisions written to {out}.")
    text = out.read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines())) if name.endswith(".csv") else [json.loads(line) for line in text.splitlines()]
    assert sorted((row["external_id"], row["action"]) for row in rows) == sorted(
        zip([c.external_id for c in (decided[0], decided[1], decided[1])], ("hide", "hide", "approve")))


@pytest.mark.parametrize("action, name", [("back_up", "copy.sqlite"), ("export_decisions", "decisions.jsonl")])
def test_a_place_that_cannot_be_written_is_one_sentence(qtbot, window, tmp_path, monkeypatch, action, name):
    out = tmp_path / "missing folder" / name
    monkeypatch.setattr("moderator.gui.common.filedialogs.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    seen: list = []
    answer_modal(close_message(seen), QMessageBox)
    getattr(window.files, action)()
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    title, text = seen[0]
    assert title == "Not done" and "\n" not in text and "Traceback" not in text
    assert text == (f"{out}: no such file or folder." if action == "export_decisions" else
                    f"The folder {out.parent} does not exist; create it or choose another place for the backup.")
