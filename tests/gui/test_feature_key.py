"""`f` features the current comment (issue 14): a decision that keeps the status, undone with Ctrl+Z."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from moderator.storage.models import Comment, Featured
from tests.gui.helpers import press, wait_writes


def featured(window) -> set[int]:
    with window.context.db.sessions() as session:
        return set(session.scalars(select(Featured.comment_id)))


def status(window, comment_id):
    with window.context.db.sessions() as session:
        return session.scalar(select(Comment.status).where(Comment.id == comment_id))


def test_f_features_the_current_comment_and_ctrl_z_takes_it_back(qtbot, window):
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_J)
    target = window.current_comment_id
    before = status(window, target)
    press(qtbot, window, Qt.Key.Key_F)
    wait_writes(qtbot, window)
    assert featured(window) == {target} and status(window, target) == before
    assert window.current_comment_id == target  # featuring does not move on
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_writes(qtbot, window)
    assert featured(window) == set()
