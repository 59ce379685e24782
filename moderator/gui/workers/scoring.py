"""Background scoring: the model in its own process, scores written through the one writer.

The model is loaded and run by a child process (moderator.scoring.process), so the
window's process never imports torch or scikit-learn nor holds the GIL for them: the
event loop keeps turning while a model loads and scores (bench/gui_gap.py measures it).
A thread here feeds the child: it reads unscored comments highest visibility first
(the open article, then the pending queue, then the rest), asks the child for each
batch's scores and submits their write to the writer, at most one ahead, so a cancel
or a kill loses at most a batch and the next run resumes where this one stopped.
Cancel ends the child at once, even while it loads. Landed scores reach the window in
small slices, a few milliseconds of GUI time per event-loop turn, so a big batch (the
quick screen writes 2,000 at a time) never holds the GUI thread for long.
A run that fails stops with a sentence when the failure is expected (no model, a damaged
pack); a bug is handed to the app's `report_bug` (its traceback to the log, the crash dialog).
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from moderator.changes import Changes
from moderator.errors import explain
from moderator.gui.common.messages import ReportBug
from moderator.gui.common.translation import translate
from moderator.gui.workers.progress import CancelToken, Progress, ProgressPanel
from moderator.gui.workers.writer import Writer
from moderator.niceness import lower_this_thread
from moderator.scoring.base import LabelScores, ModelIdentity
from moderator.scoring.process import ScoringProcess
from moderator.scoring.registry import model_identity, window_for
from moderator.scoring.runner import window_batches
from moderator.scoring.store import ScoringPlan, count_unscored, register_model, write_scores
from moderator.storage.database import Database


@dataclass(frozen=True)
class _Start:
    """What a run starts from: the model's row, the plan and the first window of comments."""

    identity: ModelIdentity
    model_id: int
    plan: ScoringPlan
    total: int
    window: list[tuple[int, str]]


class BackgroundScorer(QObject):
    model_ready = Signal(int)  # the active model's database id
    stopped = Signal(str)  # why: "done", "cancelled" or the error sentence
    _bug = Signal(object)  # an unexpected error in the scoring thread, for report_bug on the GUI thread
    announced = Signal()  # every score stored so far has reached the views

    def __init__(self, db: Database, models_dir: Path, writer: Writer, panel: ProgressPanel, report_bug: ReportBug,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._db, self._models_dir, self._writer, self._panel = db, models_dir, writer, panel
        self._report_bug = report_bug
        self._bug.connect(self._report)  # a method of this GUI-thread object: queued to the GUI thread
        self._thread: threading.Thread | None = None
        self._open = False  # from start() until the run's end is handled here (it holds the panel until then)
        self.token = CancelToken()
        self._again: int | None = None  # a start asked for while running (-1: no article first)
        self._closing = False
        writer.changed.settled.connect(self.announced)
        self.stopped.connect(self._after_run)

    @property
    def running(self) -> bool:
        """A run started and its end not yet handled on the GUI thread: its thread may have
        ended a moment ago, but until _after_run the panel is still the run's."""
        return self._open

    @property
    def settled(self) -> bool:
        """No run going and every stored score announced."""
        return not self.running and not self.announcing

    @property
    def announcing(self) -> bool:
        """Stored scores are still on their way to the views (`announced` follows): the writer's
        feed merges the batches that land in a burst and applies them a view per turn."""
        return not self._writer.changed.idle

    def start(self, priority_article: int | None = None) -> bool:
        """Score what is unscored. A run already going is run again when it stops (it may have
        passed comments that arrived since); during an import, the import restarts scoring."""
        if self.running:
            self._again = priority_article if priority_article is not None else -1
            return False
        if self._panel.busy or self._closing:
            return False
        token = self.token = self._panel.start(translate("Progress", "Scoring"), yields=True)
        self._open = True
        self._thread = threading.Thread(target=self._run, args=(priority_article, token), name="scoring", daemon=True)
        self._thread.start()
        return True

    def stop(self) -> None:
        """Cancel the run (its model process ends at once); what it scored is kept."""
        self._again = None
        if self._thread is not None and self._thread.is_alive():
            self.token.cancel()
            self._thread.join()

    def close(self) -> None:
        self._closing = True
        self.stop()

    def _after_run(self, _why: str) -> None:
        """On the GUI thread, first of all listeners: free the panel, then run again if asked."""
        self._open = False
        self._panel.finish(self.token)
        again, self._again = self._again, None
        if again is not None:
            if self._thread is not None:
                self._thread.join()
            self.start(None if again == -1 else again)

    def _run(self, priority_article: int | None, token: CancelToken) -> None:
        lower_this_thread()  # feeding the (lowered) scoring process is background work too
        try:
            why = self._score(priority_article, token)
        except Exception as error:  # noqa: BLE001 - a sentence for the window, or a bug report
            why = "cancelled" if token.cancelled else self._failed(error)
        self.stopped.emit(why)

    def _failed(self, error: Exception) -> str:
        sentence = explain(error)
        if sentence is None:
            self._bug.emit(error)
            return translate("Scoring", "Scoring stopped by an unexpected error; details are in the log.")
        return translate("Scoring", "Scoring stopped: {reason}").format(reason=sentence)

    def _report(self, error: BaseException) -> None:
        self._report_bug(error)

    def _score(self, priority_article: int | None, token: CancelToken) -> str:
        scorer = ScoringProcess(self._models_dir)
        token.when_cancelled(scorer.stop)
        try:
            # While the child loads the model (seconds), find what it will score: the model's
            # identity is in its pack's manifest, so the first comments are read meanwhile.
            start = self._prepare(model_identity(self._models_dir), priority_article)
            loaded = scorer.load()
            if loaded.identity != start.identity:  # the active model changed in between
                start = self._prepare(loaded.identity, priority_article)
            return self._score_with(loaded, start, token)
        finally:
            scorer.close()

    def _prepare(self, identity: ModelIdentity, priority_article: int | None) -> _Start:
        model_id = self._writer.submit(lambda session: register_model(session, identity)).result()
        self.model_ready.emit(model_id)
        plan = ScoringPlan(model_id, priority_article)
        with self._db.sessions() as session:
            total = count_unscored(session, model_id)
            window = plan.next_window(session, window_for(identity))
        return _Start(identity, model_id, plan, total, window)

    def _score_with(self, scorer: ScoringProcess, start: _Start, token: CancelToken) -> str:
        done, last_write, window = 0, None, start.window
        while window and not token.cancelled:
            for ids, texts in window_batches(scorer, window):
                if token.cancelled:
                    break
                rows = scorer.score(texts)
                last_write = self._write(start.model_id, scorer.main_label, ids, rows, last_write)
                done += len(ids)
                self._panel.report(Progress(done, max(start.total, done), translate("Scoring", "comments scored")))
            if token.cancelled:
                break
            with self._db.sessions() as session:
                window = start.plan.next_window(session, scorer.window)
        if last_write is not None:
            last_write.result()
        return "cancelled" if token.cancelled else "done"

    def _write(self, model_id: int, main_label: str, ids: list[int], rows: list[LabelScores],
               previous: Future[None] | None) -> Future[None]:
        if previous is not None:
            previous.result()  # at most one batch waiting: memory stays flat, the writer stays free
        return self._writer.submit(lambda session: write_scores(session, model_id, main_label, ids, rows),
                                   lambda _none: self._stored(ids))

    def _stored(self, ids: list[int]) -> None:
        """On the GUI thread, as each write commits."""
        self._writer.announce_soon(Changes.of_scores(ids))
