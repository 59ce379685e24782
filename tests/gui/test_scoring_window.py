"""Scoring in the real window: the Models dialog, switching models without mixing scores,
and a GUI that keeps answering while a detoxify model scores on its worker."""

import gc
import logging
import sys
import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from moderator.gui.app import log_to_file
from moderator.gui.common.names import label_words
from moderator.gui.dialogs.models import ModelsDialog
from moderator.gui.models.listmodels import ROW_ROLE
from moderator.gui.workers.progress import ProgressPanel
from moderator.gui.workers.scoring import BackgroundScorer
from moderator.gui.workers.writer import Writer
from moderator.scoring.packs import install_pack
from moderator.scoring.registry import use_model
from tests.gui.helpers import answer_modal, everything_scored_by, wait_idle, wait_scored
from tests.tinymodels import break_loading, build_tiny_model


class GapMeter:
    """The longest wait between two turns of the GUI event loop that the app itself
    causes: the GUI thread busy, or blocked (on the GIL, say). On Linux, the time it
    spent waiting for a CPU (other programs on a busy machine) is left out, and so are full
    garbage collections: in the suite they walk every earlier test's objects (360 ms seen),
    which the app does not have (bench/collector.py measures the app's: 6 ms at 1M comments)."""

    def __init__(self):
        self._in_full_collections, self._started = 0.0, 0.0
        gc.callbacks.append(self._collecting)
        self.longest, self._last = 0.0, self._clock()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        gc.callbacks.remove(self._collecting)

    def _collecting(self, phase: str, info: dict) -> None:
        if info["generation"] == 2:
            if phase == "start":
                self._started = time.perf_counter()
            else:
                self._in_full_collections += time.perf_counter() - self._started

    def _clock(self) -> float:
        """Seconds, less the GUI thread's time spent waiting for a CPU where the system says,
        and less full collections."""
        waited = 0.0
        if sys.platform == "linux":
            with open(f"/proc/self/task/{threading.get_native_id()}/schedstat", "rb") as stat:
                waited = int(stat.read().split()[1]) / 1e9
        return time.perf_counter() - waited - self._in_full_collections

    def _tick(self):
        now = self._clock()
        self.longest, self._last = max(self.longest, now - self._last), now


def test_install_a_pack_switch_to_it_and_score_without_mixing(qtbot, window, tmp_path):
    wait_scored(qtbot, window, "quick-screen")
    tiny = build_tiny_model(tmp_path / "tiny", "bert")
    dialog = ModelsDialog(window, window.context.paths.models, window.models_changed, window._report_bug)
    dialog.install((tiny.checkpoint, tiny.config))
    wait_idle(qtbot, dialog._worker, timeout=60_000)
    assert len(dialog.models) == 2
    dialog.table.selectRow([m.identity.name for m in dialog.models].index("bert-tiny"))
    meter = GapMeter()  # loading included: the model loads and runs in its own process
    dialog.use_selected()
    wait_idle(qtbot, dialog._worker)  # then the window switches to it
    assert window.active.identity.name == "bert-tiny" and window.active.identity.labels == tuple(tiny.labels)

    wait_scored(qtbot, window, "bert-tiny", timeout=120_000)  # stored, and every score announced to the window
    meter.stop()
    assert everything_scored_by(window, "quick-screen")  # the old model's scores are kept apart
    assert meter.longest < 0.25, f"the GUI stalled {meter.longest * 1000:.0f} ms while scoring"
    assert gc.get_freeze_count() > 0  # start-up's objects are out of the collector's full passes
    assert not window.progress.isVisible()
    window.refresh()
    window.show_comment(window.queue.index(0).data(ROW_ROLE).id)
    assert window.panel.scores.title.text().endswith("bert-tiny")
    shown = window.panel.scores.shown()
    assert sorted(label for label, _ in shown) == sorted(label_words(label) for label in tiny.labels)
    assert all(0 <= float(figure) <= 1 for _, figure in shown)
    dialog.dialog.reject()
    dialog._worker.close()


def test_unscored_comments_show_as_such_under_a_new_model(qtbot, window, tmp_path):
    wait_scored(qtbot, window)
    window.scoring.stop()
    first = window.queue.index(0).data(ROW_ROLE)
    assert first.score is not None
    window.show_comment(first.id)
    assert [label for label, _ in window.panel.scores.shown()] == [label_words(window.active.identity.main_label)]
    tiny = build_tiny_model(tmp_path / "tiny", "bert")
    dialog = ModelsDialog(window, window.context.paths.models, lambda: None, window._report_bug)
    dialog.install((tiny.checkpoint, tiny.config))
    wait_idle(qtbot, dialog._worker, timeout=60_000)
    assert len(dialog.models) == 2
    window.scoring.close()  # keep the new model from scoring, to see the unscored state
    from moderator.scoring.registry import use_model

    use_model(window.context.paths.models, "bert-tiny")
    window.models_changed()
    row = window.queue.index(0).data(ROW_ROLE)
    assert row.score is None and window.active.priority_of(row.score) is None
    window.show_comment(row.id)  # the panel's bars, filled by the quick screen before, empty now
    assert window.panel.scores.title.text() == "Not scored by bert-tiny yet"
    assert window.panel.scores.shown() == []
    dialog._worker.close()


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "bert", "bert")


@pytest.fixture
def scorer(qtbot, demo_db, paths):
    """The real background scorer on the demo database; what it hands to report_bug is kept."""
    bugs: list[BaseException] = []
    writer = Writer(demo_db.write_sessions, bugs.append)
    panel = ProgressPanel()
    qtbot.addWidget(panel)
    worker = BackgroundScorer(demo_db, paths.models, writer, panel, bugs.append)
    worker.bugs = bugs
    yield worker
    worker.close()
    writer.close()


def test_a_model_that_cannot_load_stops_scoring_with_a_sentence(qtbot, scorer, paths, tiny):
    install_pack(paths.models, tiny.checkpoint, tiny.config, name="tiny")
    use_model(paths.models, "tiny")
    (paths.models / "tiny" / "model.ckpt").write_bytes(b"not a checkpoint")  # damaged on disk: expected
    with qtbot.waitSignal(scorer.stopped, timeout=60_000) as stopped:
        scorer.start()
    assert stopped.args[0].startswith("Scoring stopped: The model 'tiny' could not be loaded (")
    assert stopped.args[0].endswith("; reinstall its pack.") and scorer.bugs == []


def test_a_bug_in_the_scoring_thread_is_reported_with_its_traceback(qtbot, scorer, paths, tiny):
    install_pack(paths.models, tiny.checkpoint, tiny.config, name="tiny")
    use_model(paths.models, "tiny")
    break_loading(paths.models / "tiny")
    with qtbot.waitSignal(scorer.stopped, timeout=60_000) as stopped:
        scorer.start()
    assert stopped.args == ["Scoring stopped by an unexpected error; details are in the log."]
    [bug] = scorer.bugs
    assert isinstance(bug, RuntimeError) and bug.__traceback__ is not None  # raised in the scoring thread
    child = "\n".join(bug.__notes__)
    assert "In the scoring process:" in child and "TypeError: 'int' object is not iterable" in child


def test_the_window_logs_a_scoring_bug_and_shows_the_crash_dialog(qtbot, window, tmp_path, tiny):
    qtbot.waitUntil(lambda: not window.scoring.running, timeout=60_000)
    paths = window.context.paths
    install_pack(paths.models, tiny.checkpoint, tiny.config, name="tiny")
    use_model(paths.models, "tiny")
    break_loading(paths.models / "tiny")
    logger, level = logging.getLogger("moderator"), logging.getLogger("moderator").level
    handler = log_to_file(paths)  # as the app does at start
    told: list[str] = []
    answer_modal(lambda box: told.append(box.text()), QMessageBox)
    try:
        with qtbot.waitSignal(window.scoring.stopped, timeout=60_000) as stopped:
            window.models_changed()  # the broken model is now the active one: scoring starts with it
        qtbot.waitUntil(lambda: told != [], timeout=10_000)
    finally:
        logger.removeHandler(handler)
        handler.close()
        logger.setLevel(level)
    assert told == [f"Something went wrong inside Comment Moderator: RuntimeError. Your decisions so far are saved. "
                    f"Details are in {paths.log_file}."]
    assert window.statusBar().currentMessage() == stopped.args[0] == \
        "Scoring stopped by an unexpected error; details are in the log."
    logged = paths.log_file.read_text()
    assert "ERROR moderator: unexpected error" in logged and "Traceback (most recent call last)" in logged
    assert "moderator/gui/workers/scoring.py\", line" in logged  # the scoring thread's own frames
    assert "In the scoring process:" in logged and "TypeError: 'int' object is not iterable" in logged


def test_a_start_asked_for_as_a_run_ends_runs_once_that_end_is_handled(qtbot, window):
    """Between a run's thread ending and its end being handled on the GUI thread, the panel is
    still the run's: a start asked for then (a model chosen as a run finished, or right after
    the stop that choosing one makes) used to be dropped, and the new model never scored."""
    scorer = window.scoring
    wait_scored(qtbot, window)
    ends: list[str] = []
    scorer.stopped.connect(ends.append)
    assert scorer.start()  # nothing is unscored: this run ends at once
    scorer._thread.join()  # its thread is done; no event has run, so its end is not handled yet
    assert scorer.running
    assert not scorer.start()  # kept for when the end is handled
    qtbot.waitUntil(lambda: len(ends) == 2 and not scorer.running, timeout=60_000)
