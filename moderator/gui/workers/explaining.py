"""Explanations on demand ("Why?"), off the GUI thread: the kept one if the database has it,
else computed by the explaining process (moderator/scoring/explainer.py) and kept through
the one writer.

One request at a time: asking about another comment (the moderator moved on) cancels the
one under way, and an answer for a comment no longer asked about is dropped. The child
process is started on the first request and kept while the active model stays the same,
so the next comment costs no model load.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session, sessionmaker

from moderator.errors import explain as sentence_of
from moderator.gui.common.messages import ReportBug
from moderator.gui.common.translation import translate
from moderator.gui.workers.writer import Writer
from moderator.scoring.base import ModelIdentity
from moderator.scoring.explain import Explanation
from moderator.scoring.explainer import ExplainerProcess
from moderator.scoring.explanations import cached_explanation, keep_explanation
from moderator.scoring.process import ScoringProcessStopped


@dataclass(frozen=True)
class Asked:
    serial: int
    comment_id: int
    text: str
    label: str
    model_id: int | None  # None until the model has scored here: nothing is kept then


class Explainer(QObject):
    explained = Signal(int, object)  # comment id, Explanation
    progress = Signal(int, int, int)  # comment id, done, total
    failed = Signal(int, str)  # comment id, the sentence to show
    _delivered = Signal(object)  # (serial, kind, comment id, payload) from the worker thread
    _progressed = Signal(int, int, int, int)  # serial, comment id, done, total

    def __init__(self, sessions: sessionmaker[Session], models_dir: Path, writer: Writer, report_bug: ReportBug,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._sessions, self._models_dir, self._writer, self._report_bug = sessions, models_dir, writer, report_bug
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="explain")
        self._process: ExplainerProcess | None = None
        self._process_model: str | None = None
        self._serial = 0
        self._model: tuple[ModelIdentity, int | None] | None = None
        self._delivered.connect(self._deliver)
        self._progressed.connect(self._progress)

    def set_model(self, identity: ModelIdentity, model_id: int | None) -> None:
        """The active model; another one ends the process of the old (on its thread, in order)."""
        if self._model is not None and self._model[0] != identity:
            self.cancel()
            self._pool.submit(self._end_process)
        self._model = (identity, model_id)

    def request(self, comment_id: int, text: str, label: str | None = None, compute: bool = True) -> None:
        """Explain the comment; `compute=False` only looks for a kept explanation (cheap: every j / k)."""
        if self._model is None:
            return
        identity, model_id = self._model
        self.cancel()
        asked = Asked(self._serial, comment_id, text, label or identity.main_label, model_id)
        self._pool.submit(self._work, asked, identity.name, compute)

    def cancel(self) -> None:
        """Drop what is under way (the moderator moved on)."""
        self._serial += 1
        if self._process is not None:
            self._process.cancel()

    def close(self) -> None:
        self.cancel()
        self._pool.submit(self._end_process)
        self._pool.shutdown(wait=True)

    # ---- on the worker thread -----------------------------------------------------------------

    def _work(self, asked: Asked, model_name: str, compute: bool) -> None:
        if asked.serial != self._serial:
            return  # asked about another comment since
        try:
            found = self._kept(asked)
            if found is None and compute:
                found = self._compute(asked, model_name)
                if found is not None and asked.model_id is not None:
                    model_id = asked.model_id
                    self._writer.submit(lambda s: keep_explanation(s, asked.comment_id, model_id, asked.text, found))
            self._delivered.emit((asked.serial, "explained" if found else "none", asked.comment_id, found))
        except ScoringProcessStopped:
            self._process = None  # ended by a model change or a crash: the next request starts one
            stopped = translate("Explaining", "The explaining process stopped; press W again.")
            self._delivered.emit((asked.serial, "failed", asked.comment_id, stopped))
        except Exception as error:  # noqa: BLE001 - a sentence for the panel, or a bug report
            self._delivered.emit((asked.serial, "error", asked.comment_id, error))

    def _kept(self, asked: Asked) -> Explanation | None:
        if asked.model_id is None:
            return None
        with self._sessions() as session:
            return cached_explanation(session, asked.comment_id, asked.model_id, asked.label, asked.text)

    def _compute(self, asked: Asked, model_name: str) -> Explanation | None:
        process = self._process
        if process is None or self._process_model != model_name:
            self._end_process()
            process = ExplainerProcess(self._models_dir, model_name)
            self._process, self._process_model = process, model_name
            process.load()  # seconds for a detoxify model; a cancel meanwhile is dropped by the child
        if asked.serial != self._serial:
            return None
        return process.explain(asked.text, asked.label,
                                     lambda done, total: self._progressed.emit(asked.serial, asked.comment_id, done, total))

    def _end_process(self) -> None:
        if self._process is not None:
            self._process.close()
            self._process, self._process_model = None, None

    # ---- back on the GUI thread ------------------------------------------------------------------

    def _deliver(self, delivery: tuple[int, str, int, object]) -> None:
        serial, kind, comment_id, payload = delivery
        if serial != self._serial:
            return
        if kind == "explained":
            self.explained.emit(comment_id, payload)
        elif kind == "none":
            self.explained.emit(comment_id, None)
        elif kind == "failed":
            self.failed.emit(comment_id, str(payload))
        else:
            assert isinstance(payload, BaseException)
            sentence = sentence_of(payload)
            if sentence is None:
                self._report_bug(payload)
                sentence = translate("Explaining", "The explanation failed by an unexpected error; details are in the log.")
            self.failed.emit(comment_id, sentence)

    def _progress(self, serial: int, comment_id: int, done: int, total: int) -> None:
        if serial == self._serial:
            self.progress.emit(comment_id, done, total)
