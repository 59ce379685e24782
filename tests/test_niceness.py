"""Background work below the window's priority (moderator/niceness.py), read back from the
kernel: a lowered thread and the threads and children it starts run at the window's nice
value plus NICENESS; the thread that called nothing (the window's) stays where it was."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from moderator.importing.ahead import Ahead
from moderator.importing.screening import PublishScreen
from moderator.niceness import MOST, NICENESS, THREAD_NICENESS, lower_this_thread
from moderator.scoring.process import ScoringProcess
from moderator.scoring.quick import QUICK_SCREEN
from moderator.storage.checkpoints import Checkpoints
from tests.samples import TESTDATA

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's")

WINDOW = os.getpriority(os.PRIO_PROCESS, os.getpid())  # this process's main thread: the window's place
LOWERED = min(MOST, WINDOW + THREAD_NICENESS)  # a thread: it shares the GIL with the window
CHILD = min(MOST, WINDOW + NICENESS)  # a child process


def nice_of(task: int) -> int:
    """A thread's or process's nice value as the scheduler has it (/proc's stat, field 19)."""
    stat = Path(f"/proc/{task}/stat").read_text()
    return int(stat[stat.rindex(")") + 2:].split()[16])


def on_a_thread(work: Callable[[], object]) -> object:
    answer: list[object] = []
    thread = threading.Thread(target=lambda: answer.append(work()))
    thread.start()
    thread.join()
    return answer[0]


def own_nice() -> int:
    return nice_of(threading.get_native_id())


def test_a_lowered_thread_runs_below_the_window_and_the_window_stays():
    def lowered_twice() -> int:
        assert lower_this_thread()
        lower_this_thread()  # again: where it is, not lower still
        return own_nice()

    assert on_a_thread(lowered_twice) == LOWERED
    assert nice_of(os.getpid()) == WINDOW == own_nice()  # this test's thread: the window's
    assert on_a_thread(own_nice) == WINDOW  # a thread the window starts later: at the window's


def test_a_thread_started_by_a_lowered_thread_is_lowered_with_it():
    def starts_a_helper() -> object:
        lower_this_thread()
        return on_a_thread(own_nice)  # a pull's page fetcher, started by the sync thread

    assert on_a_thread(starts_a_helper) == LOWERED


def parse_ahead_nice() -> int:
    ahead = Ahead("wxr", TESTDATA / "wxr_isso-tests.xml")
    try:
        assert list(ahead)  # parsed by the child, which lowered itself before it began
        return nice_of(ahead.child.pid)  # not yet reaped: readable even if it has ended
    finally:
        ahead.close()


def test_the_parse_ahead_child_runs_at_its_writers_priority():
    assert on_a_thread(lambda: (lower_this_thread(), parse_ahead_nice())[1]) == CHILD  # the window's import writer
    assert parse_ahead_nice() == WINDOW  # the command line's import, at the user's own


def screening_nice() -> int:
    screen = PublishScreen()
    try:
        screen.pipe.send(({}, True))  # a screen with the patterns only
        screen.pipe.send([(1, "call 07700 900461")])
        assert screen.answers.get(timeout=60)  # answered: the child has lowered itself long since
        return nice_of(screen.child.pid)
    finally:
        screen.close()


def test_the_import_screening_child_runs_at_its_writers_priority():
    assert on_a_thread(lambda: (lower_this_thread(), screening_nice())[1]) == CHILD
    assert screening_nice() == WINDOW


def test_a_child_lowers_itself_below_its_parent_even_when_started_at_its_parents_priority():
    probe = "from moderator.niceness import lower_this_process; import os; lower_this_process(); print(os.nice(0))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert int(done.stdout) == CHILD


def test_the_scoring_process_runs_below_the_window(paths):
    process = ScoringProcess(paths.models, QUICK_SCREEN)
    try:
        process.load()  # answered once the child has lowered itself
        assert nice_of(process._child.pid) == CHILD  # noqa: SLF001 - the child itself, as the kernel sees it
    finally:
        process.close()
    assert own_nice() == WINDOW


def checkpoints_nice(database: Path) -> int:
    checkpoints = Checkpoints(str(database))
    try:
        checkpoints.committed()  # its thread lowered itself before it looked for work: wait for that work
        with checkpoints._state:
            assert checkpoints._state.wait_for(lambda: checkpoints._seen >= 1, timeout=30)
        return nice_of(checkpoints._thread.native_id or 0)
    finally:
        checkpoints.close()


def test_the_import_checkpoint_thread_runs_at_its_writers_priority(tmp_path):
    database = tmp_path / "db.sqlite"
    sqlite3.connect(database).execute("PRAGMA journal_mode = WAL").close()
    assert on_a_thread(lambda: (lower_this_thread(), checkpoints_nice(database))[1]) == LOWERED
    assert checkpoints_nice(database) == WINDOW
