"""Garbage collection out of the moderator's way and on the GUI thread only: no automatic
collection while a window is open (a worker thread never starts one), the young
generations collected on the GUI thread, no full collection while keys are being pressed,
one once they stop, and threads that are freed without the collector at all."""

import gc
import threading
import weakref

from PySide6.QtCore import Qt, QTimer

from moderator.gui.workers.collector import QUIET_MS, YOUNG_MS, IdleCollector
from tests.gui.helpers import activate, press, wait_scored


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
    assert not gc.isenabled()  # CPython starts no collection by itself, on any thread
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


def test_the_full_collection_waits_for_background_work_to_end(qtbot, window):
    """A pull started by F9 (a key: the quiet time starts again) must not get a full pass on
    top of the window's turns 1.5 s in; it comes at the first quiet moment after the work."""
    wait_scored(qtbot, window)  # the demo's scoring, which holds the progress panel meanwhile
    collector = window.collector
    collector.collect()  # start-up's objects frozen, if the first quiet moment has not come yet
    before, garbage = collector.full_collections, old_garbage()
    token = window.progress.start("Syncing", yields=True)  # background work under way
    for _ in range(2):
        collector.quiet.start()  # as a key press does
        with qtbot.waitSignal(collector.quiet.timeout, timeout=QUIET_MS * 3):
            pass
        assert collector.full_collections == before and garbage() is not None and collector.quiet.isActive()
    window.progress.finish(token)
    with qtbot.waitSignal(collector.quiet.timeout, timeout=QUIET_MS * 3):  # the next look, the work done
        pass
    assert collector.full_collections == before + 1 and garbage() is None


def test_background_work_holds_the_full_collection_back_only_so_long(qtbot, window):
    collector = IdleCollector(window, quiet_ms=10, busy=lambda: True, hold_ms=0)
    collector.collect()  # start-up's objects, frozen if the window's own collector has not yet
    before, garbage = collector.full_collections, old_garbage()
    with qtbot.waitSignal(collector.quiet.timeout, timeout=5_000):
        collector.quiet.start()
    assert collector.full_collections == before + 1 and garbage() is None
    collector.close()


def test_closing_the_window_gives_the_collector_back_its_defaults(qtbot, window):
    assert not gc.isenabled()
    window.close()
    assert gc.isenabled() and gc.get_threshold()[2] < 1000


class Freed:
    """A reference cycle that notes on which thread it was freed."""

    where: list[str] = []

    def __init__(self):
        self.me = self

    def __del__(self):
        Freed.where.append(threading.current_thread().name)


def make_cycles(count: int) -> None:
    for _ in range(count):
        Freed()


def test_cycles_made_on_a_worker_thread_are_collected_on_the_gui_thread(qtbot, window):
    collections: list[str] = []
    note = lambda phase, _info: collections.append(threading.current_thread().name) if phase == "start" else None  # noqa: E731
    Freed.where.clear()
    gc.callbacks.append(note)
    try:
        # Many times generation 0's threshold: automatic collection would start on the worker.
        worker = threading.Thread(target=make_cycles, args=(gc.get_threshold()[0] * 5,), name="worker")
        worker.start()
        worker.join()
        assert collections == [] and Freed.where == []
        qtbot.waitUntil(lambda: len(Freed.where) == gc.get_threshold()[0] * 5, timeout=YOUNG_MS * 50)
    finally:
        gc.callbacks.remove(note)
    assert set(Freed.where) == {threading.main_thread().name} and set(collections) == {threading.main_thread().name}


def test_an_old_thread_is_freed_when_the_next_one_opens(qtbot, window):
    window.tabs.setCurrentIndex(0)
    window.articles_view.setCurrentIndex(window.articles.index(0))
    model = window.article_view.model
    assert len(model.comment_ids()) > 3  # the thread is read as the article opens
    node = weakref.ref(model._nodes[model.comment_ids()[-1]])
    assert not gc.isenabled()  # and the event loop does not turn: the collector's timer cannot run
    window.articles_view.setCurrentIndex(window.articles.index(1))
    assert node() is None  # by reference counting: no cycle waits for a collection
