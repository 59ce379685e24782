"""Another program holding the database's write lock (an import, or anything else) makes a
decision in the window wait, saying so, and then land: no bug dialog, the undo stack kept."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt

from moderator.config import resolve_db_url
from moderator.gui.mainwindow import WAITING_TO_WRITE
from moderator.vocabulary import Status
from tests.gui.helpers import db_comment, press, select_article, wait_writes

HOLD_SECONDS = 3
HOLDER = textwrap.dedent("""
    import sqlite3, sys, time
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
    connection.execute("COMMIT")
""")


def hold_write_lock(database: str) -> subprocess.Popen[str]:
    """A process that holds the write lock for HOLD_SECONDS, once it has said it holds it."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, database, str(HOLD_SECONDS)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def next_pending(qtbot, window) -> int:
    press(qtbot, window, Qt.Key.Key_J)
    while db_comment(window, window.current_comment_id).status != Status.PENDING:
        press(qtbot, window, Qt.Key.Key_J)
    return window.current_comment_id


def test_a_decision_waits_for_another_writer_says_so_and_lands(qtbot, window, paths):
    select_article(window, "Europe is moving away")
    first = next_pending(qtbot, window)
    press(qtbot, window, Qt.Key.Key_A)  # a decision on the stack before the wait
    wait_writes(qtbot, window)
    target = next_pending(qtbot, window)
    assert target != first
    assert db_comment(window, target).status == Status.PENDING and window.undo_stack.count() == 1

    holder = hold_write_lock(resolve_db_url(paths).removeprefix("sqlite:///"))
    try:
        press(qtbot, window, Qt.Key.Key_A)
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == WAITING_TO_WRITE, timeout=HOLD_SECONDS * 1000)
        assert holder.poll() is None  # still holding: the window waits
        assert db_comment(window, target).status == Status.PENDING
        wait_writes(qtbot, window, timeout=(HOLD_SECONDS + 10) * 1000)
    finally:
        holder.wait()

    assert db_comment(window, target).status == Status.APPROVED
    assert window.statusBar().currentMessage() != WAITING_TO_WRITE
    assert window.undo_stack.count() == 2 and window.undo_stack.canUndo()
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_writes(qtbot, window)
    assert db_comment(window, target).status == Status.PENDING
