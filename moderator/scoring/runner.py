"""The scoring loop: unscored comments, highest visibility first, committed batch by
batch so a cancel or a kill resumes where it stopped.

`score_pending` runs inference on the calling thread (the CLI) and hands each batch's
scores to a writer thread, so the model never waits for a commit (`ScoreWriter`). The
GUI composes the same parts across its workers: `ScoringPlan.next_window` to read,
`Scorer.batches` and `Scorer.score` in the scoring process, `write_scores` on the one writer.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from moderator.scoring.base import LabelScores, ModelIdentity, Scorer
from moderator.scoring.store import ScoringPlan, count_unscored, register_model, write_scores
from moderator.storage.models import utcnow

Batch = tuple[Sequence[int], Sequence[LabelScores]]


@dataclass(frozen=True)
class Progress:
    scored: int
    total: int  # unscored when the run started (new imports may add more)
    seconds: float
    cancelled: bool = False

    @property
    def rate(self) -> float:
        """Comments per second."""
        return self.scored / self.seconds if self.seconds > 0 else 0.0

    @property
    def seconds_left(self) -> float | None:
        return (self.total - self.scored) / self.rate if self.rate else None

    def as_json(self) -> dict[str, object]:
        return {"scored": self.scored, "total": self.total, "seconds": round(self.seconds, 3),
                "comments_per_second": round(self.rate, 1), "cancelled": self.cancelled}


def _never() -> bool:
    return False


def score_pending(
    sessions: sessionmaker[Session],
    scorer: Scorer,
    priority_article: int | None = None,
    rescore: bool = False,
    should_stop: Callable[[], bool] = _never,
    on_progress: Callable[[Progress], None] | None = None,
) -> Progress:
    """Score every comment the scorer's model has not scored yet (all of them if rescore)."""
    plan, total = _start(sessions, scorer, priority_article, rescore)
    started, scored = time.perf_counter(), 0
    with ScoreWriter(sessions, plan.model_id, scorer.main_label) as writer:
        while not should_stop():
            writer.flush()  # a window reads what is unscored: what was scored must be stored by then
            with sessions() as session:
                window = plan.next_window(session, scorer.window)
            if not window:
                break
            for ids, texts in window_batches(scorer, window):
                if should_stop():
                    break
                writer.put(ids, scorer.score(texts))
                scored += len(ids)
                if on_progress:
                    on_progress(Progress(scored, max(total, scored), time.perf_counter() - started))
    return Progress(scored, max(total, scored), time.perf_counter() - started, cancelled=should_stop())


def _start(sessions: sessionmaker[Session], scorer: Scorer, priority_article: int | None,
           rescore: bool) -> tuple[ScoringPlan, int]:
    with sessions() as session:
        model_id = register_model(session, scorer.identity)
        session.commit()
        plan = ScoringPlan(model_id, priority_article, since=utcnow() if rescore else None)
        return plan, count_unscored(session, model_id, plan.since)


def window_batches(scorer: Scorer, window: Sequence[tuple[int, str]]) -> Iterator[tuple[list[int], list[str]]]:
    """(ids, texts) per batch of a window from ScoringPlan.next_window, in the scorer's
    preferred grouping (e.g. by length). Runs the tokenizer: call it on the inference worker."""
    texts = [text for _, text in window]
    for group in scorer.batches(texts):
        yield [window[i][0] for i in group], [texts[i] for i in group]


class ScorerLoading(Scorer):
    """A scorer loading on a thread of its own while the scoring loop starts: its identity and
    window are known beforehand (from its pack's manifest), so the model is registered and the
    first comments are counted and read meanwhile; its first answer waits for the model."""

    def __init__(self, identity: ModelIdentity, window: int, load: Callable[[], Scorer]):
        self.identity, self.window = identity, window
        self._loading: Future[Scorer] = Future()
        threading.Thread(target=self._load, args=(load,), name="model-loading", daemon=True).start()

    def _load(self, load: Callable[[], Scorer]) -> None:
        try:
            self._loading.set_result(load())
        except BaseException as error:  # noqa: BLE001 - raised where the model is first used
            self._loading.set_exception(error)

    def ready(self) -> Scorer:
        return self.loaded

    @property
    def loaded(self) -> Scorer:
        scorer = self._loading.result()
        if scorer.identity != self.identity:
            raise RuntimeError(f"the model loaded as {scorer.identity.name}, not {self.identity.name} as its pack said")
        return scorer

    @property
    def note(self) -> str | None:  # type: ignore[override]  # read from the loaded scorer
        return self.loaded.note

    def batches(self, texts: Sequence[str]) -> list[list[int]]:
        return self.loaded.batches(texts)

    def score(self, texts: Sequence[str]) -> list[LabelScores]:
        return self.loaded.score(texts)


class ScoreWriter:
    """Commits batches of scores on a thread of its own, while the next batch is scored.

    At most one batch waits while another is written (a kill loses at most those two);
    whatever waits when the writer gets to it is committed in one transaction. An error
    in the writer is raised in the scoring thread at its next `put`, `flush` or the end."""

    def __init__(self, sessions: sessionmaker[Session], model_id: int, main_label: str):
        self._sessions, self._model_id, self._main_label = sessions, model_id, main_label
        self._queue: queue.Queue[Batch | None] = queue.Queue(maxsize=1)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="score-writer", daemon=True)
        self._thread.start()

    def __enter__(self) -> ScoreWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._queue.put(None)
        self._thread.join()
        self._raise()

    def put(self, ids: Sequence[int], rows: Sequence[LabelScores]) -> None:
        self._raise()
        self._queue.put((ids, rows))

    def flush(self) -> None:
        """Return once every batch put so far is committed."""
        self._queue.join()
        self._raise()

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        stopping = False
        while not stopping:
            batches, taken = self._take()
            stopping = len(batches) < taken  # the end (None) came with them
            try:
                if batches and self._error is None:
                    self._write(batches)
            except BaseException as error:  # noqa: BLE001 - handed to the scoring thread
                self._error = error
            finally:
                for _ in range(taken):
                    self._queue.task_done()

    def _take(self) -> tuple[list[Batch], int]:
        """The next batch and any waiting behind it, up to the end; and how many items were taken."""
        batches: list[Batch] = []
        item, taken = self._queue.get(), 1
        while item is not None:
            batches.append(item)
            if self._queue.empty():
                break
            item, taken = self._queue.get_nowait(), taken + 1
        return batches, taken

    def _write(self, batches: list[Batch]) -> None:
        with self._sessions() as session:
            for ids, rows in batches:
                write_scores(session, self._model_id, self._main_label, ids, rows)
            session.commit()
