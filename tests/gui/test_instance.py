"""A second start on the same data folder brings the first window to the front (issue 18,
point 11) instead of opening a second window on the same database without a word."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QLockFile

from moderator.gui.app import bring_to_front
from moderator.gui.instance import LOCK_NAME, SingleInstance, bring_forward


def start_app(home) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-m", "moderator", "--home", str(home)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_second_start_brings_the_first_window_forward_and_ends(qtbot, window):
    home = window.context.paths.home
    guard = SingleInstance(home)
    assert guard.acquire()
    guard.listen(lambda: bring_to_front(window))
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    second = start_app(home)
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)  # our event loop answers it meanwhile
    finally:
        second.kill()
    _out, err = second.communicate()
    assert second.returncode == 0, err
    assert f"already open on {home}: its window is brought to the front" in err
    qtbot.waitUntil(lambda: not window.isMinimized())
    guard.release()


def test_the_folder_is_held_once_per_folder(tmp_path):
    one, other = tmp_path / "one", tmp_path / "other"
    one.mkdir(), other.mkdir()
    first = SingleInstance(one)
    assert first.acquire()
    again = SingleInstance(one)
    assert not again.acquire() and again.holder() == os.getpid()
    assert not bring_forward(one)  # held, but nobody listens yet: the second start says so
    elsewhere = SingleInstance(other)
    assert elsewhere.acquire()  # another data folder is another app
    first.release()
    assert again.acquire()
    for guard in (again, elsewhere):
        guard.release()


def test_the_lock_of_a_crashed_start_is_taken_over(tmp_path):
    lock = tmp_path / LOCK_NAME
    crashed = subprocess.run([sys.executable, "-c", "import os, sys\nfrom PySide6.QtCore import QLockFile\n"
                              "lock = QLockFile(sys.argv[1]); assert lock.tryLock(0); os._exit(9)", str(lock)])
    assert crashed.returncode == 9 and lock.exists()  # left behind, its process gone
    held = QLockFile(str(lock))
    assert held.getLockInfo()[0] not in (0, os.getpid())
    guard = SingleInstance(tmp_path)
    assert guard.acquire()
    guard.release()
