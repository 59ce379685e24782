"""The scoring loop: unscored comments, highest visibility first, committed batch by
batch so a cancel or a kill resumes where it stopped.

`score_pending` runs everything on the calling thread (the CLI). The GUI composes the
same parts across its workers: `ScoringPlan.next_window` to read, `Scorer.batches` and
`Scorer.score` on the inference worker, `write_scores` on the one writer.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from moderator.scoring.base import LabelScores, Scorer
from moderator.scoring.store import ScoringPlan, count_unscored, register_model, write_scores
from moderator.storage.models import utcnow


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
    while not should_stop():
        with sessions() as session:
            window = plan.next_window(session, scorer.window)
        if not window:
            break
        for ids, texts in window_batches(scorer, window):
            if should_stop():
                break
            _write(sessions, plan.model_id, scorer.main_label, ids, scorer.score(texts))
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


def _write(sessions: sessionmaker[Session], model_id: int, main_label: str, ids: Sequence[int],
           rows: Sequence[LabelScores]) -> None:
    with sessions() as session:
        write_scores(session, model_id, main_label, ids, rows)
        session.commit()
