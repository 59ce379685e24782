"""Explanations in a child process, on demand: the scoring process's kind of child, which
loads the active model once and then explains one comment at a time.

It is a child of its own, not the scoring run's: a scoring run ends its child when it
has scored everything, and an explanation must not wait for a million comments to be
scored first. Occlusion on a detoxify model is dozens of forward passes, so the child
reports progress after each batch and looks for a cancel between batches: the model
stays loaded for the next comment (cancelling by ending the child, as scoring does,
would cost a reload of several seconds each time the moderator moves on).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from moderator.errors import ModeratorError
from moderator.niceness import lower_this_process
from moderator.scoring.explain import Explanation, ExplanationCancelled, explain
from moderator.scoring.process import ScoringProcess

EXPLAIN, CANCEL = "explain", "cancel"


class ExplainerProcess(ScoringProcess):
    """`explain(text, label, on_progress)` answered by a child holding the model; `cancel()`
    from any thread stops the explanation under way (it returns None)."""

    def __init__(self, models_dir: Path, name: str | None = None):
        super().__init__(models_dir, name, None, target=serve_explanations)
        self._sending = threading.Lock()

    def explain(self, text: str, label: str | None = None,
                on_progress: Callable[[int, int], None] | None = None) -> Explanation | None:
        self._send((EXPLAIN, (text, label)))
        while True:
            kind, payload = self._next()
            if kind == "progress":
                if on_progress is not None:
                    on_progress(*payload)
            elif kind == "cancelled":
                return None
            elif kind == "ok":
                return Explanation.from_json(payload)
            elif kind == "error":
                raise ModeratorError(payload)
            else:
                bug = RuntimeError(f"the explaining process failed ({payload.strip().splitlines()[-1]})")
                bug.add_note(f"In the explaining process:\n{payload}")
                raise bug

    def cancel(self) -> None:
        """Stop the explanation under way; harmless when none is (the child drops a stray cancel)."""
        try:
            self._send((CANCEL, None))
        except Exception:  # noqa: BLE001 - the child has gone: nothing is under way
            pass

    def _send(self, message: tuple[str, Any]) -> None:
        with self._sending:
            try:
                self._pipe.send(message)
            except (BrokenPipeError, ConnectionResetError, OSError):
                raise self._stopped() from None

    def _next(self) -> tuple[str, Any]:
        try:
            kind, payload = self._pipe.recv()
        except (EOFError, OSError):
            raise self._stopped() from None
        return kind, payload


def serve_explanations(models_dir: str, name: str | None, _fast: str | None, pipe: Connection) -> None:
    """In the child: load the model, say who it is, then explain comments until the pipe closes."""
    from moderator.scoring.registry import load_scorer

    lower_this_process()
    try:
        scorer = load_scorer(Path(models_dir), name)
    except ModeratorError as error:
        pipe.send(("error", str(error)))
        return
    pipe.send(("ok", (scorer.identity, scorer.window, scorer.note)))  # as ScoringProcess.load reads it
    while True:
        try:
            request, payload = pipe.recv()
        except (EOFError, OSError):
            return  # the app has finished with us
        if request == CANCEL:
            continue  # arrived after its explanation was done
        if request != EXPLAIN:
            raise ValueError(f"unknown request {request!r}")
        pipe.send(_explained(scorer, pipe, *payload))


def _explained(scorer: Any, pipe: Connection, text: str, label: str | None) -> tuple[str, Any]:
    def cancelled() -> bool:
        while pipe.poll():
            request, _payload = pipe.recv()
            if request == CANCEL:
                return True
        return False

    try:
        found = explain(scorer, text, label, lambda done, total: pipe.send(("progress", (done, total))), cancelled)
        return "ok", found.as_json()
    except ExplanationCancelled:
        return "cancelled", None
    except ModeratorError as error:
        return "error", str(error)
    except Exception:  # noqa: BLE001 - a bug: its traceback travels to the app's log
        return "bug", traceback.format_exc()
