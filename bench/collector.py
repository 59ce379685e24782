"""What Python's garbage collection costs the GUI thread on a big database
(moderator/gui/workers/collector.py: automatic collection off, the young generations on a
100 ms timer on the GUI thread, the full one at quiet moments).

The real window opens (offscreen) on bench/queuedata.py's database, the queue is scrolled
down --depth rows (its ids and rows held, as after a long session), then a moderator's
session is played: --keys presses of j with the event loop turning between them, then a
quiet moment for the full collection. `gc.callbacks` time every collection and note its
thread; the figures are per generation (count, median and longest ms, thread names). For
comparison, the longest collection before start-up's objects are frozen, and one full
collection at the end with nothing frozen (what CPython's own full collections
cost before start-up's objects were frozen out of them).

  PYTHONPATH=. .venv/bin/python bench/collector.py                       # 1,000,000 comments
  PYTHONPATH=. .venv/bin/python bench/collector.py --comments 200000 --keep /tmp/q.sqlite

The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[0] = str(ROOT)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402

from bench import queuedata  # noqa: E402
from bench.queue_gui import Stage, adopt_scores  # noqa: E402
from moderator.gui.workers.collector import QUIET_MS  # noqa: E402


class Collections:
    """Every collection's generation, duration (ms) and thread, from gc.callbacks."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, float, str]] = []
        self._started = 0.0
        self.phase = "start-up"
        self.start_up_longest = (0.0, -1, "")  # ms, generation, thread: before start-up's objects are frozen

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            return
        ms = (time.perf_counter() - self._started) * 1000
        if self.phase == "session":
            self.seen.append((info["generation"], ms, threading.current_thread().name))
        else:
            self.start_up_longest = max(self.start_up_longest, (ms, info["generation"], threading.current_thread().name))

    def figures(self) -> dict:
        out = {}
        for generation in (0, 1, 2):
            times = [ms for g, ms, _thread in self.seen if g == generation]
            threads = sorted({thread for g, _ms, thread in self.seen if g == generation})
            out[f"gen{generation}"] = {"count": len(times), "median_ms": round(statistics.median(times), 2) if times else None,
                                       "max_ms": round(max(times), 2) if times else None, "threads": threads}
        return out


def wait(stage: Stage, seconds: float, until=lambda: False) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not until():
        stage.app.processEvents()
        time.sleep(0.005)


def session(stage: Stage, depth: int, keys: int) -> None:
    window, pane = stage.window, stage.window.queue_pane
    window.activateWindow()
    window.tabs.setCurrentIndex(1)
    stage.settle()
    pane.model.fetchMore(at_least=depth)
    for row in range(0, pane.model.rowCount(), 100):  # the rows read, as scrolling does
        pane.model.row_at(row)
    for _ in range(keys):
        stage.key(Qt.Key.Key_J)
        stage.app.processEvents()
    wait(stage, QUIET_MS / 1000 * 2.5)  # the keys stopped: the full collection's moment


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--depth", type=int, default=50_000, help="queue rows loaded before the session")
    parser.add_argument("--keys", type=int, default=300, help="j presses in the session")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the database at this path")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="collector-bench-") as folder:
        path = args.keep or Path(folder) / "queue.sqlite"
        if not path.exists():
            queuedata.build(path, args.comments, max(args.comments // 50, 10), max(args.comments // 5, 10))
        adopt_scores(path)
        collections = Collections()
        gc.callbacks.append(collections)
        stage = Stage(Path(folder) / "home", path)
        wait(stage, QUIET_MS / 1000 * 3, lambda: gc.get_freeze_count() > 0)  # start-up's objects frozen
        collections.phase = "session"
        started = time.perf_counter()
        session(stage, args.depth, args.keys)
        seconds = time.perf_counter() - started
        gc.callbacks.remove(collections)
        objects = len(gc.get_objects())
        frozen = gc.get_freeze_count()
        gc.unfreeze()
        unfrozen_started = time.perf_counter()
        gc.collect()
        unfrozen_ms = (time.perf_counter() - unfrozen_started) * 1000
        figures = collections.figures() | {
            "automatic_gc_enabled": gc.isenabled(), "session_s": round(seconds, 1), "objects_tracked_not_frozen": objects,
            "objects_frozen": frozen, "start_up_longest_collection": collections.start_up_longest,
            "full_collection_nothing_frozen_ms": round(unfrozen_ms, 1),
            "comments": args.comments, "depth": args.depth, "keys": args.keys, "loadavg": os.getloadavg()}
        stage.window.close()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
