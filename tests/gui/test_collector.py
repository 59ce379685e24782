"""Garbage collection out of the moderator's way: no full collection while keys are being
pressed, one once they stop, and threads that are freed without the collector at all."""

import gc
import weakref

from PySide6.QtCore import Qt, QTimer

from moderator.gui.workers.collector import QUIET_MS
from tests.gui.helpers import activate, press


class Cycle:
    def __init__(self):
        self.me = self


def old_garbage() -> weakref.ref:
    """A reference cycle in the oldest generation that nobody holds any more: only a full
    collection frees it."""
    cycle = Cycle()
    gc.collect(1)  # it survives the young collections, so it moves to the oldest generation
    ref = weakref.ref(cycle)
    del cycle
    return ref


def test_full_collections_wait_for_the_keys_to_stop(qtbot, window):
    collector = window.collector
    with qtbot.waitSignal(collector.quiet.timeout, timeout=QUIET_MS * 3):  # the first quiet moment after start
        pass
    assert gc.get_freeze_count() > 0  # what start-up made is out of every collection from then on
    assert gc.get_threshold()[2] > 10 ** 8  # CPython starts no full collection by itself
    window.tabs.setCurrentIndex(1)
    activate(qtbot, window)
    before = collector.full_collections
    garbage = old_garbage()
    assert garbage() is not None and gc.get_count()[2] > 0
    typist = QTimer()  # a moderator going down the queue: a key every quarter of the quiet time
    typist.setInterval(QUIET_MS // 4)
    typist.timeout.connect(lambda: press(qtbot, window, Qt.Key.Key_J))
    # Both timers run on the event loop: each key is due before the quiet time it restarted
    # ends, however late the loop turns, so the quiet time cannot end while keys come.
    with qtbot.assertNotEmitted(collector.quiet.timeout):
        typist.start()
        for _ in range(6):  # 1.5 times the quiet time
            with qtbot.waitSignal(typist.timeout):
                pass
        typist.stop()
    assert collector.full_collections == before and garbage() is not None
    with qtbot.waitSignal(collector.quiet.timeout, timeout=QUIET_MS * 3):  # the keys stopped
        pass
    assert collector.full_collections == before + 1 and garbage() is None


def test_closing_the_window_gives_the_collector_back_its_defaults(qtbot, window):
    window.close()
    assert gc.get_threshold()[2] < 1000


def test_an_old_thread_is_freed_when_the_next_one_opens(qtbot, window):
    window.tabs.setCurrentIndex(0)
    window.articles_view.setCurrentIndex(window.articles.index(0))
    model = window.article_view.model
    assert len(model.comment_ids()) > 3  # the thread is read as the article opens
    node = weakref.ref(model._nodes[model.comment_ids()[-1]])
    gc.disable()
    try:
        window.articles_view.setCurrentIndex(window.articles.index(1))
        assert node() is None  # by reference counting: no cycle waits for a collection
    finally:
        gc.enable()
