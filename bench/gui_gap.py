"""GUI responsiveness benchmark: the longest gap between turns of the GUI event loop
while the real main window scores 2,000 comments with a BERT-base-sized model.

A child process builds the data folder (bench/scoring.py's builders: a random-weight
pack with detoxify `original`'s architecture, installed and made active, and a database
of 2,000 pending comments of the realistic length distribution over --articles
articles), so this process has not imported torch when scoring starts. Then, as
`run_app` does, the real window opens (offscreen), shows the newest article and starts
the real `BackgroundScorer` after the first paint. A 1 ms timer records every turn of
the event loop from the start of scoring (model loading included: torch and
transformers are imported on the worker) until the last score is stored.

Each gap is split, from Linux's per-thread scheduler statistics, into the GUI thread's
own CPU time (its own work), time waiting for a CPU (other processes: the machine's
load) and time blocked (waiting for the GIL, or idle until the next timer tick).

  .venv/bin/python bench/gui_gap.py                 # 2,000 comments, about 3-10 minutes on 2 cores
  .venv/bin/python bench/gui_gap.py --comments 300  # a quick look
  .venv/bin/python bench/gui_gap.py --why           # dump every thread's stack at each stall (perturbs the figures)

The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import faulthandler
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[0] = str(ROOT)  # the repository, not bench/ (it holds scripts named like stdlib modules)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from moderator.config import resolve_db_url, resolve_paths  # noqa: E402
from moderator.scoring.quick import QUICK_SCREEN  # noqa: E402

MODEL = "original-random"  # the name bench/scoring.py's pack installs under
STALL = 0.050  # seconds: the bound
HEAVY = ("torch", "transformers", "detoxify", "sklearn")


def prepare(home: Path, work: Path, comments: int, articles: int, model: str) -> None:
    """In a child process: the model installed and active, and the comments in the database."""
    from bench.scoring import corpus_database, make_corpus, make_lexicon, make_pack, make_tokenizer
    from moderator.scoring.packs import install_pack
    from moderator.scoring.registry import use_model

    lexicon = make_lexicon(random.Random(3))
    paths = resolve_paths(str(home))
    paths.ensure()
    if model == MODEL:
        install_pack(paths.models, make_pack(work, make_tokenizer(lexicon)))
        use_model(paths.models, MODEL)
    corpus_database(home, make_corpus(comments, lexicon), articles).dispose()


class LoopTurns:
    """A 1 ms timer recording, at every turn of the event loop, the wall clock and the GUI
    thread's scheduler statistics (CPU time, time waiting for a CPU), both in ns."""

    def __init__(self, why_file=None):
        from PySide6.QtCore import Qt, QTimer

        self.turns: list[tuple[int, int, int]] = []
        self._stat = open(f"/proc/self/task/{threading.get_native_id()}/schedstat", "rb", buffering=0)
        self._why, self._armed = why_file, 0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self.turn)

    def start(self) -> None:
        self.turn()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.turn()
        if self._why:
            faulthandler.cancel_dump_traceback_later()

    def turn(self) -> None:
        self._stat.seek(0)
        cpu, waiting, _slices = self._stat.read().split()
        now = time.perf_counter_ns()
        self.turns.append((now, int(cpu), int(waiting)))
        if self._why and now - self._armed > 10_000_000:  # re-arm every 10 ms: arming starts a thread
            faulthandler.dump_traceback_later(STALL + 0.010, file=self._why)
            self._armed = now

    def gaps(self) -> list[dict]:
        """Per gap: when it ended (s from the start), its length, and its parts (ms)."""
        start = self.turns[0][0]
        return [{"at": (b[0] - start) / 1e9, "ms": (b[0] - a[0]) / 1e6, "own_cpu_ms": (b[1] - a[1]) / 1e6,
                 "waiting_for_cpu_ms": (b[2] - a[2]) / 1e6,
                 "blocked_ms": ((b[0] - a[0]) - (b[1] - a[1]) - (b[2] - a[2])) / 1e6}
                for a, b in zip(self.turns, self.turns[1:])]


def measure(home: Path, comments: int, why_file) -> dict:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from moderator.gui.app import build_window

    app = QApplication.instance() or QApplication([])
    paths = resolve_paths(str(home))
    window = build_window(paths, resolve_db_url(paths))
    window.show()
    window.reopen_last_article()
    meter, marks = LoopTurns(why_file), {}
    imported_before = "torch" in sys.modules

    def begin() -> None:
        meter.start()
        marks["start"] = time.perf_counter()
        window.start_scoring()

    def ready(_model_id: int) -> None:
        marks.setdefault("model_ready", time.perf_counter())

    def stopped(why: str) -> None:
        marks["stopped"], marks["why"] = time.perf_counter(), why
        finish()

    def finish() -> None:  # the last scores may still be on their way to the window
        if window.writer.idle and window.scoring.settled:
            meter.stop()
            marks["end"] = time.perf_counter()
            app.quit()
        else:
            QTimer.singleShot(1, finish)

    window.scoring.model_ready.connect(ready)
    window.scoring.stopped.connect(stopped)
    app.processEvents()  # the first paint, which is not scoring's doing
    marks["refresh_ms"] = timed_ms(window.refresh)  # what the window does when a new model is ready
    QTimer.singleShot(0, begin)
    app.exec()
    scored = scored_count(window)
    window.close()
    marks["libraries_in_window_process"] = sorted(m for m in HEAVY if m in sys.modules)
    return summary(meter.gaps(), marks, comments, scored, imported_before)


def timed_ms(work) -> float:
    started = time.perf_counter()
    work()
    return round((time.perf_counter() - started) * 1000, 1)


def scored_count(window) -> int:
    from sqlalchemy import func, select

    from moderator.storage.models import Score

    with window.context.db.sessions() as session:
        return session.scalar(select(func.count()).select_from(Score).where(Score.model_id == window.active.model_id))


def summary(gaps: list[dict], marks: dict, comments: int, scored: int, imported_before: bool) -> dict:
    lengths = sorted(g["ms"] for g in gaps)
    seconds = marks["end"] - marks["start"]
    loading = marks.get("model_ready", marks["end"]) - marks["start"]
    worst = sorted(gaps, key=lambda g: g["ms"], reverse=True)[:8]
    stalls = [g for g in gaps if g["ms"] > STALL * 1000]
    # What the app itself causes (its own work, or being blocked): the gap less the time
    # the GUI thread waited for a CPU, which on a busy machine other programs take.
    own = sorted(g["ms"] - g["waiting_for_cpu_ms"] for g in gaps)
    return {
        "loadavg_start": LOADAVG_START, "loadavg_end": os.getloadavg(), "comments": comments, "scored": scored,
        "outcome": marks.get("why"), "torch_imported_before_scoring": imported_before,
        "libraries_in_window_process": marks["libraries_in_window_process"],
        "max_gap_ms": round(lengths[-1], 1), "p99_gap_ms": round(lengths[int(len(lengths) * 0.99)], 2),
        "p999_gap_ms": round(lengths[int(len(lengths) * 0.999)], 2), "gaps_over_50ms": len(stalls),
        "gaps_over_50ms_while_loading": sum(g["at"] <= loading for g in stalls),
        "max_gap_less_cpu_wait_ms": round(own[-1], 1), "gaps_less_cpu_wait_over_50ms": sum(o > STALL * 1000 for o in own),
        "max_own_cpu_in_a_gap_ms": round(max(g["own_cpu_ms"] for g in gaps), 1),
        "window_refresh_ms": marks["refresh_ms"],
        "loop_turns": len(gaps), "seconds": round(seconds, 2), "loading_seconds": round(loading, 2),
        "comments_per_second": round(scored / seconds, 2),
        "comments_per_second_after_loading": round(scored / max(seconds - loading, 1e-9), 2),
        "worst_gaps": [{k: round(v, 1) for k, v in g.items()} for g in worst],
    }


LOADAVG_START = os.getloadavg()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--comments", type=int, default=2000)
    parser.add_argument("--articles", type=int, default=40, help="articles the comments are dealt over")
    parser.add_argument("--model", choices=(MODEL, QUICK_SCREEN), default=MODEL)
    parser.add_argument("--why", action="store_true", help="dump all threads' stacks into a file at each stall")
    parser.add_argument("--prepare", nargs=2, metavar=("HOME", "WORK"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        prepare(Path(args.prepare[0]), Path(args.prepare[1]), args.comments, args.articles, args.model)
        return
    with tempfile.TemporaryDirectory(prefix="moderator-gui-gap-") as folder:
        home, work = Path(folder) / "home", Path(folder) / "pack"
        subprocess.run([sys.executable, __file__, "--prepare", str(home), str(work), "--comments",
                        str(args.comments), "--articles", str(args.articles), "--model", args.model], check=True)
        why_path = Path(folder).parent / "moderator-gui-gap-stacks.txt"
        with open(why_path, "w") if args.why else nullcontext() as why_file:
            report = measure(home, args.comments, why_file)
    print_report(report, why_path if args.why else None)


def print_report(report: dict, why_path: Path | None) -> None:
    print(f"{report['scored']} of {report['comments']} comments scored in {report['seconds']} s "
          f"({report['comments_per_second']} c/s; model loading {report['loading_seconds']} s)")
    print(f"longest gap between event-loop turns: {report['max_gap_ms']} ms; p99 {report['p99_gap_ms']} ms; "
          f"{report['gaps_over_50ms']} gaps over 50 ms ({report['gaps_over_50ms_while_loading']} while loading)")
    print(f"less the time spent waiting for a CPU (the machine's load): longest {report['max_gap_less_cpu_wait_ms']} ms, "
          f"{report['gaps_less_cpu_wait_over_50ms']} over 50 ms; the window's refresh takes {report['window_refresh_ms']} ms")
    for gap in report["worst_gaps"]:
        print(f"  at {gap['at']:7.2f} s: {gap['ms']:6.1f} ms = own CPU {gap['own_cpu_ms']:5.1f} + "
              f"waiting for a CPU {gap['waiting_for_cpu_ms']:5.1f} + blocked {gap['blocked_ms']:5.1f}")
    if why_path:
        print(f"stacks at each stall: {why_path}")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
