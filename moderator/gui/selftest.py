"""`moderator --self-test`: IT's check after installing. Opens the real main window offscreen
on a temporary data folder, loads the demo, decides and undoes once, and says what it checked."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from moderator.config import resolve_db_url, resolve_paths

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from moderator.gui.actions import ActionId  # noqa: E402
from moderator.gui.app import application, build_window  # noqa: E402
from moderator.gui.mainwindow import QUEUE_TAB, MainWindow  # noqa: E402
from moderator.reading import queries, queue  # noqa: E402
from moderator.reading.queue import QueueQuery  # noqa: E402
from moderator.scoring.registry import list_models, load_scorer  # noqa: E402
from moderator.scoring.runner import score_pending  # noqa: E402
from moderator.scoring.store import count_unscored, find_model, scores_for  # noqa: E402
from moderator.vocabulary import QueueKind, Status  # noqa: E402

TIMEOUT_S = 120


class SelfTestFailed(Exception):
    pass


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not condition():
        if time.monotonic() > deadline:
            raise SelfTestFailed(f"timed out waiting for {what}")
        QApplication.processEvents()
        time.sleep(0.01)


def check(condition: bool, failure: str) -> None:
    if not condition:
        raise SelfTestFailed(failure)


def run_self_test(models_dir: Path, report: Callable[[str], None] = print) -> int:
    """`models_dir` is where this installation's models are; they are read, never changed."""
    started = time.monotonic()
    _app = application(["moderator", "--self-test"])  # held for the whole run
    with tempfile.TemporaryDirectory(prefix="moderator-self-test-") as home:
        paths = resolve_paths(home)
        try:
            window = build_window(paths, resolve_db_url(paths))
            try:
                for _name, step in STEPS:
                    report(f"ok: {step(window)}")
                for info in list_models(models_dir):
                    report(f"ok: {_score_with(window, models_dir, info.identity.name)}")
            finally:
                window.close()
        except Exception as error:  # noqa: BLE001 - every failure is reported as one line
            report(f"FAILED: {error}")
            return 1
    report(f"self-test passed in {time.monotonic() - started:.1f} s")
    return 0


def _window_opens(window: MainWindow) -> str:
    window.show()
    wait_until(lambda: window.isVisible() and window.writer.idle, "the main window and the demo data")
    window.refresh()
    check("Comment Moderator" in window.windowTitle(), "the window title is wrong")
    return f"main window opened ({QApplication.platformName()} platform)"


def _demo_loaded(window: MainWindow) -> str:
    with window.context.db.sessions() as session:
        figures = queries.stats(session)
    check(figures["articles"] == 6 and figures["comments"]["total"] >= 40, f"demo data incomplete: {figures}")
    return f"database created and demo loaded: {figures['articles']} articles, {figures['comments']['total']} comments"


def _scored_in_the_background(window: MainWindow) -> str:
    """The window's own run: its model in a child process (a spawn of this executable when frozen)."""
    wait_until(lambda: window.scoring.settled and window.writer.idle and window.active.model_id is not None,
               "the background scoring run")
    with window.context.db.sessions() as session:
        left = count_unscored(session, window.active.model_id)
    check(left == 0, f"background scoring left {left} comments unscored")
    return f"scored in the background by {window.active.identity.name}, in its own process"


def _queue_counts(window: MainWindow) -> str:
    pane = window.queue_pane
    pane.recount()
    with window.context.db.sessions() as session:
        pending = queue.count(session, QueueQuery(kind=QueueKind.PENDING))
    wait_until(lambda: pane.count == pending, "the queue's count (read off the window's thread)")
    return f"queue opened: {pending} pending, counted off the window's thread"


def _decide_and_undo(window: MainWindow) -> str:
    window.tabs.setCurrentIndex(QUEUE_TAB)
    window.step(True)
    comment_id = window.current_comment_id
    if comment_id is None:
        raise SelfTestFailed("the pending queue is empty")
    window.actions_by_id[ActionId.APPROVE].trigger()
    wait_until(lambda: window.writer.idle, "the approval to be written")
    check(_status(window, comment_id) == Status.APPROVED, "the approval was not saved")
    window.undo_stack.undo()
    wait_until(lambda: window.writer.idle, "the undo to be written")
    check(_status(window, comment_id) == Status.PENDING, "the undo was not saved")
    return f"approved comment {comment_id} and undid it; both written to the database"


def _insight_draws(window: MainWindow) -> str:
    """The Insight window's charts (pyqtgraph, and scikit-learn for the curve): in a frozen
    bundle, the proof that both were packed whole."""
    drawn: list[str] = []
    window.show_insight()
    insight = window.insight_window
    check(insight is not None, "the Insight window did not open")
    assert insight is not None
    insight.drawn.connect(lambda: drawn.append("charts"))
    insight.curve_drawn.connect(lambda: drawn.append("curve"))
    wait_until(lambda: {"charts", "curve"} <= set(drawn), "the Insight window's charts and calibration curve")
    insight.close()
    return "Insight window drew its charts and the calibration curve"


def _score_with(window: MainWindow, models_dir: Path, name: str) -> str:
    window.scoring.close()  # the window's own background run stays out of the way
    scorer = load_scorer(models_dir, name)
    progress = score_pending(window.context.db.sessions, scorer, rescore=True)  # even if the window got there first
    with window.context.db.sessions() as session:
        model_id = find_model(session, scorer.identity)
        rows = scores_for(session, model_id, queue.ids(session, QueueQuery(kind=QueueKind.ALL)))
    check(progress.scored > 0 and len(rows) >= 40, f"{name} scored {progress.scored} comments, {len(rows)} stored")
    check(all(set(r) == set(scorer.labels) for r in rows.values()), f"{name} stored the wrong labels")
    return f"{name} scored {progress.scored} comments ({', '.join(scorer.labels)}) at {progress.rate:,.0f}/s"


def _status(window: MainWindow, comment_id: int) -> str:
    with window.context.db.sessions() as session:
        return queries.comment(session, comment_id).status


STEPS = (("window", _window_opens), ("demo", _demo_loaded), ("background", _scored_in_the_background),
         ("queue", _queue_counts), ("decision", _decide_and_undo), ("insight", _insight_draws))
