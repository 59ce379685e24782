"""Start-up time: from launch to the main window mapped with the demo's article shown,
median of 10 warm starts, from source and installed (issue 18: under 1.0 s from source,
under 0.8 s installed).

Run it inside an X server:

  xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python bench/startup.py
  ... bench/startup.py --installed /opt/comment-moderator/moderator   # also time an installed bundle
  ... bench/startup.py --timeline                                     # where one start's time goes

A data folder is made first with the command line (the demo, and a moderator name, so no
first-run question), the app is started once untimed (files into the page cache, bytecode
written), then `--runs` times, each until the X server maps a top-level window titled
"Comment Moderator" (packaging/linux/first-start.py's MapWatcher: one long-lived xev, no
polling), and closed with Ctrl+Q. The app opens the article it last showed before its
window is shown, so the window maps with the article in it. From source means
`python -m moderator` with this checkout first on PYTHONPATH. Without --installed, the
frozen bundle in dist/ is timed when one was built (`make package`).

--timeline starts the app once in a child Python that marks, in the app's own process:
imports, the database opened, the window built, the window shown, the first paint.
The last line printed is one JSON object.

Measured 2026-12-06 on this project's 2-core AMX Xeon, quiet (load 2.2), on a clean clone with
its freshly built bundle (dist/): from source a median of 0.588 s to the window over 10 warm
starts (0.575-0.608 s), installed 0.598 s (0.568-0.625 s): under both targets. The loaded
machine of earlier stops (load 11+) gave 1.2-3 s; quote the load beside any figure.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[0] = str(ROOT)  # the repository, not bench/ (it holds scripts named like stdlib modules: queue.py)
TITLE = "Comment Moderator"


def first_start_module():
    """packaging/linux/first-start.py (a script, named with a hyphen): its X helpers."""
    spec = importlib.util.spec_from_file_location("first_start", ROOT / "packaging" / "linux" / "first-start.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def from_source() -> list[str]:
    return [sys.executable, "-m", "moderator"]


# PYTHONDONTWRITEBYTECODE (set in some shells and CI) would compile every module from
# source at every start, about 0.1 s that a moderator's warm start never pays.
NOT_INHERITED = ("MODERATOR_HOME", "MODERATOR_DB", "QT_QPA_PLATFORM", "PYTHONDONTWRITEBYTECODE")


def source_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def prepare(command: list[str], home: Path, env: dict[str, str]) -> None:
    """The demo loaded and both names set, as after a first start (no first-run dialog)."""
    subprocess.run([*command, "--home", str(home), "demo"], env=env, check=True, capture_output=True, timeout=300)
    settings = home / "settings.ini"
    text = settings.read_text(encoding="utf-8") if settings.exists() else ""
    if "moderator_name" not in text:
        settings.write_text(text + "\n[moderation]\nmoderator_name=bench\nstaff_name=Bench Desk\n", encoding="utf-8")


def cpu_seconds(pid: int) -> float:
    """The process's CPU time so far, user and system (Linux): on a busy machine the wall
    time includes waiting for a CPU, this does not."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_start(fs, watcher, command: list[str], home: Path, env: dict[str, str],
                timeout: float = 60.0) -> tuple[float, float]:
    """Seconds from launch to the main window mapped, and the app's CPU seconds by then;
    the app is closed with Ctrl+Q."""
    watcher.forget()
    log = open(home / "bench-output.log", "ab")
    started = time.monotonic()
    process = subprocess.Popen([*command, "--home", str(home)], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        while True:
            if (mapped := watcher.next_window(0.05)) is not None:
                when, window = mapped
                if TITLE in fs.xdotool("getwindowname", window).stdout:
                    cpu = cpu_seconds(process.pid)
                    fs.close(process, window)
                    return when - started, cpu
            elif process.poll() is not None:
                raise SystemExit(f"startup: the app exited with {process.returncode} before showing a window; "
                                 f"see {home / 'bench-output.log'}")
            elif time.monotonic() - started > timeout:
                raise SystemExit(f"startup: no window within {timeout:.0f} s")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        log.close()


def median_of(fs, watcher, command: list[str], env: dict[str, str], runs: int) -> dict[str, object]:
    home = Path(tempfile.mkdtemp(prefix="moderator-startup-"))
    try:
        prepare(command, home, env)
        timed_start(fs, watcher, command, home, env)  # untimed: page cache, bytecode
        starts = [timed_start(fs, watcher, command, home, env) for _ in range(runs)]
    finally:
        shutil.rmtree(home, ignore_errors=True)
    times, cpu = [wall for wall, _ in starts], [used for _, used in starts]
    return {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3),
            "max_s": round(max(times), 3), "median_cpu_s": round(statistics.median(cpu), 3),
            "runs": [round(t, 3) for t in times]}


def installed_bundle(asked: str | None) -> list[str] | None:
    if asked:
        return [asked]
    built = sorted(ROOT.glob("dist/*/moderator"))
    return [str(built[0])] if built and os.access(built[0], os.X_OK) else None


TIMELINE = r"""
import sys, time
T0 = time.perf_counter()
marks = [("Python up (its own start is not counted here)", 0.0)]
def mark(what):
    marks.append((what, time.perf_counter() - T0))
try:
    from moderator.cli.launch import main as entry  # the app's own entry point
except ImportError:  # before it existed
    from moderator.cli.commands import main as entry
mark("entry point imported")
import moderator.gui.app as app
mark("gui.app imported (Qt, SQLAlchemy, the window's modules)")
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
open_database, build_window, MainWindow = app.open_database, app.build_window, app.MainWindow
def opened(*args, **kwargs):
    mark("open_database: start")
    database = open_database(*args, **kwargs)
    mark("open_database: done (schema checked)")
    return database
def built(*args, **kwargs):
    mark("build_window: start")
    window = build_window(*args, **kwargs)
    mark("build_window: done")
    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if watched is window and event.type() == QEvent.Type.Paint and not marks[-1][0].startswith("first"):
                mark("first paint of the window")
                QTimer.singleShot(0, QApplication.instance().quit)
            return False
    window._first_paint = FirstPaint()
    window.installEventFilter(window._first_paint)
    original_show = window.show
    def show():
        mark("window.show (article open)")
        original_show()
    window.show = show
    return window
app.open_database, app.build_window = opened, built
entry(["--home", sys.argv[1]])
import json
print(json.dumps([(what, round(at * 1000)) for what, at in marks]))
"""


def timeline(env: dict[str, str]) -> list[tuple[str, int]]:
    home = Path(tempfile.mkdtemp(prefix="moderator-timeline-"))
    try:
        prepare(from_source(), home, env)
        for _ in range(2):  # the first fills the page cache
            done = subprocess.run([sys.executable, "-c", TIMELINE, str(home)], env=env, capture_output=True, text=True,
                                  timeout=120)
        if done.returncode != 0:
            raise SystemExit(f"startup: the timeline run failed:\n{done.stderr}")
        return [tuple(mark) for mark in json.loads(done.stdout.strip().splitlines()[-1])]
    finally:
        shutil.rmtree(home, ignore_errors=True)


def say(what: str, figures: dict[str, object], runs: int) -> None:
    print(f"startup: {what}: median {figures['median_s']:.3f} s to the window over {runs} warm starts "
          f"(min {figures['min_s']:.3f}, max {figures['max_s']:.3f}; CPU by then, median {figures['median_cpu_s']:.3f} s; "
          f"load average {os.getloadavg()[0]:.1f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--installed", help="the installed app's executable (default: the bundle in dist/, if built)")
    parser.add_argument("--timeline", action="store_true", help="where one start from source spends its time")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        raise SystemExit("startup: no DISPLAY; run it under xvfb-run")
    if args.timeline:
        marks = timeline(source_env())
        for what, ms in marks:
            print(f"{ms:6d} ms  {what}")
        print(json.dumps({"timeline_ms": dict(marks)}))
        return 0
    fs = first_start_module()
    watcher = fs.MapWatcher()
    results: dict[str, object] = {}
    try:
        results["source"] = median_of(fs, watcher, from_source(), source_env(), args.runs)
        say("from source", results["source"], args.runs)
        bundle = installed_bundle(args.installed)
        if bundle is None:
            print("startup: installed: no bundle found (build one with `make package`, or pass --installed)")
        else:
            env = {k: v for k, v in os.environ.items() if k not in ("MODERATOR_HOME", "MODERATOR_DB", "PYTHONPATH")}
            results["installed"] = median_of(fs, watcher, bundle, env, args.runs)
            say("installed", results["installed"], args.runs)
    finally:
        watcher.close()
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
