"""The window's background work runs below the GUI thread's priority, read back from the
kernel on each thread while it works: the one writer, the import writer, the sync thread and
the scoring thread (and its process) are lowered; the GUI thread and the reader, whose reads
the window waits for, are not."""

from __future__ import annotations

import os
import sys
import threading

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from moderator.connectors.connections import add_connection
from moderator.connectors.secrets import SESSION
from moderator.gui.actions import ActionId
from moderator.niceness import MOST, THREAD_NICENESS
from moderator.storage.models import Site
from tests.gui.helpers import wait_idle, wait_scored, wait_writes
from tests.siteservers import free_port

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's")

WINDOW = os.getpriority(os.PRIO_PROCESS, os.getpid())
LOWERED = min(MOST, WINDOW + THREAD_NICENESS)


def own_nice(_session: object = None) -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def answered_on(qtbot, worker, submit) -> int:
    answers: list[int] = []
    submit(own_nice, answers.append)
    wait_idle(qtbot, worker)
    return answers[0]


def test_the_writers_run_below_the_window_and_the_reader_does_not(qtbot, window):
    assert answered_on(qtbot, window.writer, window.writer.submit) == LOWERED
    assert answered_on(qtbot, window.files.importer, window.files.importer.submit) == LOWERED
    assert answered_on(qtbot, window.reader, window.reader.submit) == WINDOW  # the window waits for its answers
    assert own_nice() == WINDOW  # the GUI thread


def test_the_sync_thread_runs_below_the_window(qtbot, window):
    with window.context.db.write_sessions() as session:  # the demo's site, where nothing answers: the run logs, ends
        key = session.scalar(select(Site.key))
        add_connection(session, "wordpress", f"http://127.0.0.1:{free_port()}", "editor", key, "Demo", SESSION)
        session.commit()
    window.sites.sync.secrets.keep(SESSION, key, "editor", "secret")
    seen: list[int] = []
    window.sites.sync.logged.connect(lambda _line: seen.append(own_nice()), Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(window.sites.sync.finished, timeout=60_000):
        window.actions_by_id[ActionId.SYNC_NOW].trigger()  # F9
    wait_writes(qtbot, window)
    assert seen == [LOWERED]
    assert own_nice() == WINDOW


def test_the_scoring_thread_runs_below_the_window(qtbot, window):
    wait_scored(qtbot, window)  # the demo's first run
    seen: list[int] = []
    window.scoring.model_ready.connect(lambda _id: seen.append(own_nice()), Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(window.scoring.stopped, timeout=60_000):
        assert window.scoring.start()
    assert seen and set(seen) == {LOWERED}
    assert own_nice() == WINDOW
