"""Changes reaching the views: a burst from background work (scores landing, a pull under way)
is merged and applied once, a view per event-loop turn, each view's reading done on the
window's reader; a write's own change is applied at once, read on the GUI thread, and a
background answer it overtook is read again. Counted, never timed."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from sqlalchemy import select

from moderator.changes import Changes
from moderator.gui.workers.changefeed import ChangeFeed
from moderator.storage.models import Comment
from tests.gui.helpers import wait_scored, wait_views, wait_writes


def demo_ids(window, count: int) -> list[int]:
    with window.context.db.sessions() as s:
        return list(s.scalars(select(Comment.id).order_by(Comment.id).limit(count)))


def test_a_burst_of_scores_reaches_the_views_merged_not_one_by_one(qtbot, window):
    wait_scored(qtbot, window)  # the demo's own scoring done: only the burst below reaches the views
    seen: list[Changes] = []
    window.writer.changed.listen(seen.append)
    ids = demo_ids(window, 40)
    for comment_id in ids:  # forty score batches landing in one burst, as a scoring run's do
        window.writer.announce_soon(Changes.of_scores([comment_id]))
    wait_views(qtbot, window)
    assert len(seen) <= 2  # the first at once, the other 39 merged into one
    assert set().union(*(c.comment_ids for c in seen)) == set(ids) and all(c.scores for c in seen)


def test_a_pull_refreshing_again_and_again_reads_the_queue_once_per_interval(qtbot, window):
    wait_writes(qtbot, window)
    reloads: list[None] = []
    window.queue_pane.listed.connect(lambda: reloads.append(None))  # the queue read again from its top
    for _ in range(10):  # the pull's "everything changed", faster than any interval
        window.writer.announce_soon(Changes(everything=True))
    wait_views(qtbot, window)
    assert 1 <= len(reloads) <= 2


def test_an_application_goes_a_listener_per_event_loop_turn(qtbot):
    feed, turns, order = ChangeFeed(), [0], []
    ticker = QTimer()  # counts the event loop's turns
    ticker.setInterval(0)
    ticker.timeout.connect(lambda: turns.__setitem__(0, turns[0] + 1))
    for name in ("articles", "queue", "thread"):
        feed.listen(lambda _changes, name=name: order.append((name, turns[0])))
    ticker.start()
    with qtbot.waitSignal(feed.settled):
        feed.soon(Changes(everything=True))
    ticker.stop()
    assert [name for name, _turn in order] == ["articles", "queue", "thread"]
    assert order[0][1] < order[1][1] < order[2][1]  # the loop turned between them


def test_a_write_reaches_every_listener_at_once_and_what_was_pending_follows(qtbot):
    feed, seen = ChangeFeed(), []
    feed.listen(seen.append)
    with qtbot.waitSignal(feed.settled):
        feed.soon(Changes.of_scores([1]))  # at once: nothing was applied lately
    feed.soon(Changes.of_scores([2]))  # waits for the interval
    assert len(seen) == 1 and not feed.idle
    feed.now(Changes(comment_ids=frozenset({3}), article_ids=frozenset({9})))  # a decision landed
    assert len(seen) == 2 and seen[1].comment_ids == {3} and seen[1].article_ids == {9}
    with qtbot.waitSignal(feed.settled):  # the scores still pending: after the interval, read off the GUI thread
        pass
    assert len(seen) == 3 and seen[2].comment_ids == {2} and seen[2].scores
