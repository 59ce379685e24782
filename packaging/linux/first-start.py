#!/usr/bin/env python3
"""Start the app as a new user would and measure the time from launch to its first window.

Run it inside an X server, e.g.:
    xvfb-run -a -s "-screen 0 1920x1080x24" packaging/linux/first-start.py \
        --moderator /usr/bin/moderator --screenshot build/first-start.png --runs 6

Each run starts `moderator` (no command: the GUI) with a temporary HOME, times it until
the X server maps a top-level window titled "Comment Moderator" (one long-lived `xev`
watching the root window reports each map as it happens), and closes the app with Ctrl+Q.
Run 1 is the first start of a new user (database created, demo loaded): it takes the
screenshot, with --dialog opens the hide dialog (a form loaded at run time) and closes it,
and checks afterwards that the database holds the demo. Later runs are warm (files in the
page cache); with --reuse-home they reopen the first run's data folder instead of starting
afresh. Exits 1 if no window appears, the screenshot is blank or the demo is missing, and
75 (EX_TEMPFAIL) if the X server itself stopped answering (the environment failed, not the
app).
Needs xdotool, xev and xprop (x11-utils), and ImageMagick's `import` (for the screenshot).

Why not poll with `xdotool search` every few ms (as this script once did): every poll is
a new X client, hundreds a second, and Xvfb then drops some new clients during their
handshake; a Qt app starting at that moment fails with "could not connect to display"
(here: 9 of 60 starts of a bare QApplication with such a poller running, 0 of 60
without). The polling processes also took CPU from the app being timed.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

TITLE = "Comment Moderator"
WELCOME = "Welcome to"  # the first-run dialog's title begins so
X_SERVER_LOST = 75  # EX_TEMPFAIL


class XServerLost(Exception):
    """The X server stopped answering: the environment failed, not the app."""


def xdotool(*args: str) -> subprocess.CompletedProcess:
    done = subprocess.run(["xdotool", *args], capture_output=True, text=True)
    if "Can't open display" in done.stderr:
        raise XServerLost(f"the X server {os.environ.get('DISPLAY')} stopped answering (xdotool {args[0]})")
    return done


def x_server_answers() -> bool:
    return subprocess.run(["xdotool", "getdisplaygeometry"], capture_output=True).returncode == 0


def wait_for_x_server(timeout: float = 30.0) -> None:
    """xvfb-run starts the command once Xvfb says it is ready, yet a first client has been
    refused on a busy CI machine ("unable to open display"): ask twice a second (few clients,
    see above) until the server answers."""
    deadline = time.monotonic() + timeout
    while not x_server_answers():
        if time.monotonic() > deadline:
            raise XServerLost(f"the X server {os.environ.get('DISPLAY')} did not answer within {timeout:.0f} s")
        time.sleep(0.5)


class MapWatcher:
    """One X client (xev) that reports every top-level window the moment it is mapped."""

    READY = "_FIRST_START_READY"

    def __init__(self, attempts: int = 3) -> None:
        self.mapped: queue.Queue[tuple[float, str]] = queue.Queue()
        self.ready = threading.Event()
        for attempt in range(1, attempts + 1):
            self.xev = subprocess.Popen(["stdbuf", "-oL", "xev", "-root", "-event", "substructure", "-event", "property"],
                                        stdout=subprocess.PIPE, text=True)
            threading.Thread(target=self._read, args=(self.xev,), daemon=True).start()
            try:
                self._wait_ready()
                return
            except XServerLost:
                self.close()
                if attempt == attempts:
                    raise
                print(f"first-start: xev could not watch {os.environ.get('DISPLAY')} (attempt {attempt}); "
                      "waiting for the X server and starting it again", file=sys.stderr)
                wait_for_x_server()

    def _read(self, xev: subprocess.Popen) -> None:
        event = ""
        for line in xev.stdout:
            if line[:1].isalpha():  # xev starts each event at column 0, its fields indented
                event = line.split(" ", 1)[0]
            elif event == "MapNotify" and (found := re.search(r"window (0x[0-9a-f]+), override NO", line)):
                self.mapped.put((time.monotonic(), str(int(found.group(1), 16))))
            elif event == "PropertyNotify" and self.READY in line:
                self.ready.set()

    def _wait_ready(self) -> None:
        """xev reports nothing until it has subscribed: change a root property until it sees that."""
        for _ in range(100):
            subprocess.run(["xprop", "-root", "-f", self.READY, "8s", "-set", self.READY, "1"], capture_output=True)
            if self.ready.wait(0.1):
                return
            if self.xev.poll() is not None:  # it could not open the display: no use waiting
                break
        raise XServerLost(f"xev saw no event on the X server {os.environ.get('DISPLAY')}")

    def next_window(self, timeout: float) -> tuple[float, str] | None:
        """(when it was mapped, its id), or None if no window was mapped within timeout."""
        try:
            return self.mapped.get(timeout=timeout)
        except queue.Empty:
            return None

    def forget(self) -> None:
        """Drop windows mapped so far (an earlier run's dialogs)."""
        while not self.mapped.empty():
            self.mapped.get_nowait()

    def close(self) -> None:
        if self.xev.poll() is None:
            self.xev.terminate()
        self.xev.wait()


def start(watcher: MapWatcher, moderator: str, home: Path, timeout: float) -> tuple[subprocess.Popen, str, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_") and k != "MODERATOR_HOME"}
    env["HOME"] = str(home)
    log = open(home / "app-output.log", "ab")
    watcher.forget()
    started = time.monotonic()
    process = subprocess.Popen([moderator], env=env, stdout=log, stderr=subprocess.STDOUT)
    while True:
        if (mapped := watcher.next_window(0.05)) is not None:
            when, window = mapped
            name = xdotool("getwindowname", window).stdout
            if TITLE in name and WELCOME not in name:  # the main window, not the first-run dialog over it
                return process, window, when - started
        elif process.poll() is not None:
            output = (home / "app-output.log").read_text(errors="replace")
            if not x_server_answers():
                raise XServerLost(f"the X server {os.environ.get('DISPLAY')} stopped answering; the app's output:\n{output}")
            raise SystemExit(f"first-start: the app exited with {process.returncode} before showing a window "
                             f"(the X server answers); its output:\n{output}")
        elif time.monotonic() - started > timeout:
            process.kill()
            raise SystemExit(f"first-start: no window within {timeout:.0f} s")


def answer_welcome(timeout: float = 30.0) -> str:
    """A new user's first start asks who they are (gui/dialogs/firstrun.py, window-modal over the
    main window): type a staff name into the field it focuses and press Enter, as they would."""
    deadline = time.monotonic() + timeout
    while not (found := xdotool("search", "--onlyvisible", "--name", WELCOME).stdout.split()):
        if time.monotonic() > deadline:
            raise SystemExit("first-start: the first-run dialog (who are you) did not open on a first start")
        time.sleep(0.1)
    dialog = found[0]
    xdotool("windowfocus", "--sync", dialog)
    xdotool("type", "--delay", "20", "CI Check")
    xdotool("key", "--clearmodifiers", "Return")
    while dialog in visible_windows():
        if time.monotonic() > deadline:
            raise SystemExit("first-start: the first-run dialog did not close on Enter after a name")
        time.sleep(0.05)
    return "answered the first-run dialog (a staff name, Enter)"


def visible_windows() -> set[str]:
    return set(xdotool("search", "--onlyvisible", "--name", ".").stdout.split())


def open_hide_dialog(window: str, screenshot_path: Path | None, timeout: float = 20.0) -> str:
    """Pending queue, next comment, `h`: the hide dialog (a Qt Designer form loaded with
    QUiLoader at run time) must appear; then Escape closes it."""
    before = visible_windows()
    xdotool("windowfocus", "--sync", window)
    for key in ("ctrl+2", "j", "h"):
        xdotool("key", "--clearmodifiers", key)
        time.sleep(0.3)
    deadline = time.monotonic() + timeout
    while not (new := visible_windows() - before):
        if time.monotonic() > deadline:
            raise SystemExit("first-start: the hide dialog did not open (h on a pending comment)")
        time.sleep(0.05)
    dialog = sorted(new)[0]
    title = xdotool("getwindowname", dialog).stdout.strip()
    time.sleep(0.5)
    if screenshot_path:
        screenshot(screenshot_path)
    xdotool("windowfocus", "--sync", dialog)
    xdotool("key", "--clearmodifiers", "Escape")
    deadline = time.monotonic() + timeout
    while dialog in visible_windows():
        if time.monotonic() > deadline:
            raise SystemExit("first-start: the hide dialog did not close on Escape")
        time.sleep(0.05)
    return f"the hide dialog ({title!r}) opened from its form and closed on Escape"


def close(process: subprocess.Popen, window: str) -> str:
    xdotool("windowfocus", "--sync", window)
    xdotool("key", "--clearmodifiers", "ctrl+q")
    try:
        process.wait(timeout=15)
        return "closed with Ctrl+Q"
    except subprocess.TimeoutExpired:
        process.terminate()
        process.wait(timeout=15)
        return "did not close on Ctrl+Q; terminated"


def screenshot(path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    colours = subprocess.run(["identify", "-format", "%k", str(path)], capture_output=True, text=True, check=True)
    return int(colours.stdout.strip() or 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moderator", default=shutil.which("moderator") or "moderator")
    parser.add_argument("--screenshot", type=Path, help="save the screen of the first start here")
    parser.add_argument("--runs", type=int, default=1, help="starts in all (the first is the first start)")
    parser.add_argument("--reuse-home", action="store_true", help="warm runs reopen the first run's data folder")
    parser.add_argument("--settle", type=float, default=2.0, help="seconds to let the first start paint and load the demo")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--dialog", action="store_true", help="on the first start, also open and close the hide dialog")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        raise SystemExit("first-start: no DISPLAY; run it under xvfb-run")

    homes = []
    times = []
    process = None
    wait_for_x_server()
    watcher = MapWatcher()
    try:
        for run in range(args.runs):
            if run == 0 or not args.reuse_home:
                homes.append(Path(tempfile.mkdtemp(prefix="moderator-first-start-")))
            home = homes[-1]
            process, window, took = start(watcher, args.moderator, home, args.timeout)
            times.append(took)
            if run == 0 or not args.reuse_home:  # a new data folder: a new user, asked who they are
                welcomed = answer_welcome()
                if run == 0:
                    print(f"first-start: {welcomed}")
            if run == 0:
                time.sleep(args.settle)
                if args.screenshot:
                    colours = screenshot(args.screenshot)
                    if colours < 16:
                        raise SystemExit(f"first-start: the screenshot has {colours} colours: nothing was painted")
                    print(f"first-start: screenshot {args.screenshot} ({colours} colours)")
                if args.dialog:
                    shot = args.screenshot.with_name(args.screenshot.stem + "-hide-dialog.png") if args.screenshot else None
                    print(f"first-start: {open_hide_dialog(window, shot)}" + (f"; screenshot {shot}" if shot else ""))
            how = close(process, window)
            kind = "first start (new user)" if run == 0 else ("warm, same data folder" if args.reuse_home else "warm, new user")
            print(f"first-start: run {run + 1}: window after {took:.3f} s ({kind}); {how}, exit {process.returncode}")
            if run == 0:
                check_demo(args.moderator, home)
    finally:
        if process is not None and process.poll() is None:  # left running by a failure
            process.kill()
            process.wait()
        watcher.close()
        for home in homes:
            shutil.rmtree(home, ignore_errors=True)
    if len(times) > 1:
        warm = times[1:]
        print(f"first-start: warm launch to window: median {statistics.median(warm):.3f} s, "
              f"min {min(warm):.3f} s, max {max(warm):.3f} s over {len(warm)} runs")
    return 0


def check_demo(moderator: str, home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_") and k != "MODERATOR_HOME"}
    env["HOME"] = str(home)
    result = subprocess.run([moderator, "stats", "--json"], env=env, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise SystemExit(f"first-start: `moderator stats` failed after the first start: {result.stderr.strip()}")
    figures = json.loads(result.stdout)
    database = home / ".local" / "share" / "comment-moderator" / "moderator.sqlite"
    if figures["articles"] < 6 or not database.is_file():
        raise SystemExit(f"first-start: the first start did not create the database with the demo: {figures}")
    print(f"first-start: the first start created {database.relative_to(home)} in the new HOME with the demo "
          f"({figures['articles']} articles, {figures['comments']['total']} comments)")


if __name__ == "__main__":
    try:
        sys.exit(main())
    except XServerLost as lost:
        print(f"first-start: {lost}", file=sys.stderr)
        sys.exit(X_SERVER_LOST)
