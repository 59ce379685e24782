"""A scorer in a child process, so that the app's own process never loads or runs a model.

Importing torch or scikit-learn, unpickling a checkpoint and running a model hold
Python's GIL for long stretches (loading torch's shared libraries alone takes hundreds
of milliseconds), and a window in the same process would stop answering meanwhile
(bench/gui_gap.py measured gaps of up to 1.3 s with the model on a thread). In a child
process they cost the window nothing but CPU, and the child runs at a lower priority,
so the window gets a core when it needs one.

The child loads the model with `registry.load_scorer` and answers `batches` and
`score` requests over a pipe. `ScoringProcess` is a `Scorer` like any other, so the
scoring loop is the same in and out of process. It is started spawned, never forked
(the parent may run Qt); a frozen build must call multiprocessing.freeze_support() at
start (packaging/entry.py does).
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable, Sequence
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar, cast

from moderator.errors import ModeratorError
from moderator.niceness import lower_this_process
from moderator.scoring.base import LabelScores, Scorer

REQUESTS = ("batches", "score")
Answer = TypeVar("Answer")


class ScoringProcessStopped(RuntimeError):
    """The child ended without an answer (stopped on purpose, or crashed)."""


class ScoringProcess(Scorer):
    """`load_scorer(models_dir, name, fast)` in a child process (`target` serves other
    requests on the same model: moderator/scoring/explainer.py).

    Starting returns at once; `load()` waits until the model is loaded (seconds for a
    detoxify model). `stop()` may be called from any thread at any time: it ends the
    child, and a call waiting on it raises ScoringProcessStopped. `close()` when done."""

    def __init__(self, models_dir: Path, name: str | None = None, fast: str | None = None,
                 target: Callable[[str, str | None, str | None, Connection], None] | None = None):
        context = multiprocessing.get_context("spawn")
        self._pipe, child_end = context.Pipe()
        self._child = context.Process(target=target or serve, args=(str(models_dir), name, fast, child_end),
                                      daemon=True, name="moderator-scorer")
        self._child.start()
        child_end.close()  # the child holds the only other end: its exit ends the pipe

    def load(self) -> ScoringProcess:
        self.identity, self.window, self.note = self._receive()
        return self

    # The answers come from our own child, which ran the same methods of a Scorer.
    def batches(self, texts: Sequence[str]) -> list[list[int]]:
        return cast("list[list[int]]", self._ask("batches", texts))

    def score(self, texts: Sequence[str]) -> list[LabelScores]:
        return cast("list[LabelScores]", self._ask("score", texts))

    def stop(self) -> None:
        self._child.terminate()  # a no-op once it has ended

    def close(self) -> None:
        self.stop()
        self._child.join()
        self._pipe.close()

    def _ask(self, request: str, texts: Sequence[str]) -> Any:
        try:
            self._pipe.send((request, list(texts)))
        except (BrokenPipeError, ConnectionResetError, OSError):
            raise self._stopped() from None
        return self._receive()

    def _receive(self) -> Any:
        try:
            kind, payload = self._pipe.recv()
        except (EOFError, OSError):
            raise self._stopped() from None
        if kind == "ok":
            return payload
        if kind == "error":
            raise ModeratorError(payload)
        bug = RuntimeError(f"the scoring process failed ({payload.strip().splitlines()[-1]})")
        bug.add_note(f"In the scoring process:\n{payload}")  # logged with the bug, wherever it is reported
        raise bug

    def _stopped(self) -> ScoringProcessStopped:
        self._child.join(timeout=5)
        return ScoringProcessStopped(f"the scoring process stopped (exit code {self._child.exitcode})")


def serve(models_dir: str, name: str | None, fast: str | None, pipe: Connection) -> None:
    """In the child: load the model, say who it is, then answer requests until the pipe closes."""
    from moderator.scoring.registry import load_scorer

    lower_this_process()  # below the window and the user's other programs: only idle cores go to scoring
    scorer = _answer(pipe, lambda: load_scorer(Path(models_dir), name, fast))
    if scorer is None:
        return
    pipe.send(("ok", (scorer.identity, scorer.window, scorer.note)))
    while True:
        try:
            request, texts = pipe.recv()
        except (EOFError, OSError):
            return  # the app has finished with us (or has gone)
        if request not in REQUESTS:
            raise ValueError(f"unknown request {request!r}")
        answer = _answer(pipe, partial(getattr(scorer, request), texts))
        if answer is None:
            return
        pipe.send(("ok", answer))


def _answer(pipe: Connection, work: Callable[[], Answer]) -> Answer | None:
    """The work's result; or None after sending the error that stopped it."""
    try:
        return work()
    except ModeratorError as error:
        pipe.send(("error", error.sentence))  # template and figures: translated in the window
    except BaseException:  # a bug: its traceback travels to the app's log
        pipe.send(("bug", traceback.format_exc()))
    return None
