"""Fixtures of the GUI tests: the real main window, offscreen, on the test's own data folder
(the shared `paths` fixture); helpers the tests call are in tests/gui/helpers.py."""

from __future__ import annotations

import gc

import pytest

from moderator.config import resolve_db_url
from moderator.gui import settings as S
from moderator.gui.app import build_window
from tests.gui.helpers import Answer, wait_writes


@pytest.fixture(autouse=True)
def no_answer_left_behind(qapp):
    """A dialog answer a test set up but never used must not answer the next test's dialog."""
    yield
    Answer.forget_all()


@pytest.fixture(autouse=True)
def qt_garbage_collected_here(qapp):
    """What a test's windows left in reference cycles is collected now, on the GUI thread: a
    collection that happened to run later on a worker thread (the writer's) would destroy Qt
    objects there, and Qt crashes (seen once in CI: "Garbage-collecting" on the db-writer)."""
    yield
    gc.collect()


@pytest.fixture
def open_window(qtbot, paths):
    """Opens the real main window on the test's data folder, as often as the test asks (a
    restart is a second call, settings written before a call are read by it); the first
    opening of a new database loads the demo. What it opened is closed after the test."""
    opened = []

    def open_():
        window = build_window(paths, resolve_db_url(paths))
        opened.append(window)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        wait_writes(qtbot, window)  # the demo, on first start
        window.activateWindow()
        return window

    yield open_
    for window in opened:
        window.scoring.close()
        window.writer.close()


@pytest.fixture
def window(open_window):
    """The main window on a new database with the demo loaded, moderated by "ana"."""
    win = open_window()
    win.context.settings.set(S.MODERATOR_NAME, "ana")
    return win
