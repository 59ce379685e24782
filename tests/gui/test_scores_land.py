"""Scores landing after start-up (issue 18, point 2): on a first start the demo loads and
the model scores it in the background; once its scores have landed, with no F5, the
queue is in priority order, every chip shows the priority of the stored score, and the
score band counts every scored comment of the queue."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from sqlalchemy import select

from moderator.gui.models.listmodels import ROW_ROLE
from moderator.storage.models import Comment, Score
from tests.gui.helpers import press, wait_reads, wait_scored


def stored_scores(window) -> dict[int, float]:
    with window.context.db.sessions() as s:
        return dict(s.execute(select(Score.comment_id, Score.main).where(Score.model_id == window.active.model_id)).all())


def pending_ids(window) -> set[int]:
    with window.context.db.sessions() as s:
        return set(s.scalars(select(Comment.id).where(Comment.status == "pending")))


def raised_ids(window) -> set[int]:
    """The pending comments a rule flagged (issue 14): first in the queue, in Flagged whatever their score."""
    with window.context.db.sessions() as s:
        return set(s.scalars(select(Comment.id).where(Comment.status == "pending", Comment.flag.is_not(None))))


def wait_for_the_queue(qtbot, window) -> None:
    """Until the pane has done what it put off while scores landed (its own pauses) and its counts came back."""
    for pause in window.queue_pane.findChildren(QTimer):
        if pause.isActive() and pause.isSingleShot():
            with qtbot.waitSignal(pause.timeout):
                pass
    wait_reads(qtbot, window)


def test_first_start_shows_priority_order_chips_and_band_once_scores_land(qtbot, window):
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # watching the queue while the model scores
    press(qtbot, window, Qt.Key.Key_J)
    wait_scored(qtbot, window)
    wait_for_the_queue(qtbot, window)

    scores = stored_scores(window)
    pane = window.queue_pane
    rows = [window.queue.index(i).data(ROW_ROLE) for i in range(window.queue.rowCount())]
    assert {r.id for r in rows} == pending_ids(window)
    assert [r.score for r in rows] == [scores[r.id] for r in rows]  # what the chips show is what is stored
    raised = raised_ids(window)
    assert raised and {r.id for r in rows[:len(raised)]} == raised  # a rule's flag first
    scored = [r.score for r in rows[len(raised):]]
    assert scored == sorted(scored, reverse=True)  # then highest priority first
    assert sum(pane.histogram.counts) == len(rows)
    thread = window.article_view.model.rows()
    assert thread and all(r.score == scores[r.id] for r in thread)
    assert window.panel.scores.shown()  # the comment panel's bars


def test_the_flagged_queue_fills_as_scores_land(qtbot, window):
    press(qtbot, window, Qt.Key.Key_2)  # Flagged: empty until something is scored
    wait_scored(qtbot, window)
    wait_for_the_queue(qtbot, window)
    medium = window.active.thresholds.medium
    flagged = {cid for cid, score in stored_scores(window).items() if score >= medium} & pending_ids(window)
    flagged |= raised_ids(window)
    assert flagged and {window.queue.index(i).data(ROW_ROLE).id for i in range(window.queue.rowCount())} == flagged
    assert window.queue_pane.count == len(flagged)
