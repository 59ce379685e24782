"""Queue benchmark, part 2: the real main window and its Qt models, offscreen, on the
benchmark's database (called by bench/queue.py; not run on its own).

Each figure is the median of `repeat` runs, from the key press (or the call a widget
makes) to the moment the window has painted what changed: the events it caused are
handled, then the paint requests they posted.
"""

from __future__ import annotations

import os
import resource
import sqlite3
import statistics
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from moderator.config import resolve_paths  # noqa: E402
from moderator.gui.app import build_window  # noqa: E402
from moderator.gui.queue.filters import with_range  # noqa: E402
from moderator.reading import queue  # noqa: E402
from moderator.scoring.quick import quick_identity  # noqa: E402
from moderator.vocabulary import QueueKind  # noqa: E402

DEPTH = 50_000


def adopt_scores(path: Path) -> None:
    """Give the generator's model the quick screen's identity, so the window (whose active
    model is the quick screen) orders and filters the queue by the million scores."""
    identity = quick_identity()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE scoring_models SET name = ?, checksum = ? WHERE id = 1", (identity.name, identity.checksum))


class Stage:
    """The window and a stopwatch that stops once everything it did is painted."""

    def __init__(self, home: Path, db_path: Path):
        self.app = QApplication.instance() or QApplication([])
        self.window = build_window(resolve_paths(str(home)), f"sqlite:///{db_path}")
        self.window.resize(1600, 1000)
        self.window.show()
        self.settle()
        self.pane = self.window.queue_pane

    def settle(self) -> None:
        """Let readers, writers and short timers (the article that follows the queue) finish,
        so one measurement does not pay for another."""
        quiet_from, deadline = time.monotonic() + 0.2, time.monotonic() + 120
        while time.monotonic() < deadline and (time.monotonic() < quiet_from or not self.idle()):
            self.app.processEvents()
            time.sleep(0.002)

    def idle(self) -> bool:
        return self.window.writer.idle and self.window.reader.idle

    def painted(self, act) -> float:
        """Milliseconds from `act()` to what it changed painted: the events it caused are
        handled, including the paint events of the regions it dirtied (the offscreen
        platform paints like a screen's backing store)."""
        self.settle()
        start = time.perf_counter()
        act()
        self.app.processEvents()
        self.app.processEvents()  # the paint requests posted while handling the first round
        return (time.perf_counter() - start) * 1000

    def key(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.window, key, modifier)


def peak_rss_mb() -> int:
    """This process's peak resident set. On Linux from VmHWM: ru_maxrss survives exec, so in
    the child bench/queue.py starts it would report the parent's peak (its core part's
    million ids) as the window's."""
    try:
        with open("/proc/self/status") as status:
            line = next(line for line in status if line.startswith("VmHWM:"))
        return round(int(line.split()[1]) / 1024)
    except (OSError, StopIteration):
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def median(samples: list[float]) -> float:
    return round(statistics.median(samples), 1)


def measure(home: Path, db_path: Path, repeat: int, search_word: str, article_id: int) -> dict:
    adopt_scores(db_path)
    started = time.perf_counter()
    stage = Stage(home, db_path)
    figures = {"window_open_ms": round((time.perf_counter() - started) * 1000)}
    print(f"  window open: {figures['window_open_ms']} ms (peak RSS so far {peak_rss_mb()} MB)", flush=True)
    pane, window = stage.pane, stage.window
    window.activateWindow()
    window.tabs.setCurrentIndex(1)

    def run(name: str, prepare, act) -> None:
        samples = []
        for _ in range(repeat):
            prepare()
            samples.append(stage.painted(act))
        figures[name] = median(samples)
        print(f"  {name:<34} {figures[name]:>8.1f} ms   (peak RSS so far {peak_rss_mb()} MB)", flush=True)

    print("through the Qt models (median of each, key press to painted):", flush=True)
    run("open_pending_ms", lambda: pane.set_kind(QueueKind.ALL), lambda: stage.key(Qt.Key.Key_1))
    run("open_flagged_ms", lambda: pane.set_kind(QueueKind.PENDING), lambda: stage.key(Qt.Key.Key_2))
    run("sort_ms", lambda: (pane.set_kind(QueueKind.PENDING), pane.set_query(pane.query)), lambda: stage.key(Qt.Key.Key_S))
    base = lambda: (pane.clear_filters(), pane.set_kind(QueueKind.PENDING))  # noqa: E731
    run("filter_score_ms", base, lambda: pane.set_query(with_range(pane.query, queue.ScoreRange(0.5, None))))
    run("filter_article_ms", base, lambda: pane.filter_article(article_id, "busiest article"))
    run("search_ms", base, lambda: (pane.search.setText(search_word), QTest.keyClick(pane.search, Qt.Key.Key_Return)))
    figures["decision_to_next_ms"] = decisions(stage, repeat)
    run("scroll_to_50000_ms", base, lambda: scroll_to(pane, DEPTH))
    stage.settle()
    figures["peak_rss_mb"] = peak_rss_mb()
    print(f"  {'peak RSS':<34} {figures['peak_rss_mb']:>8} MB", flush=True)
    window.close()
    return figures


def decisions(stage: Stage, repeat: int) -> float:
    """Approve with `a`, down the pending queue: from the key press to the next comment
    selected, shown in the panel and painted (the write itself runs on the writer)."""
    pane, window, samples = stage.pane, stage.window, []
    pane.clear_filters()
    pane.set_kind(QueueKind.PENDING)
    stage.key(Qt.Key.Key_J)
    for _ in range(repeat * 3):
        before = window.current_comment_id
        samples.append(stage.painted(lambda: stage.key(Qt.Key.Key_A)))
        assert window.current_comment_id != before, "the queue did not move on"
    figures = median(samples)
    print(f"  {'decision_to_next_ms':<34} {figures:>8.1f} ms (max {max(samples):.1f}; peak RSS so far {peak_rss_mb()} MB)",
          flush=True)
    return figures


def scroll_to(pane, depth: int) -> None:
    pane.model.fetch_through(depth)
    pane.go_to(depth)
