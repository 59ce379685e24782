"""Background changes (a pull's "everything changed", scores landing) are read off the GUI
thread: every query the views run for them is recorded with its thread, through a
SQLAlchemy event on the window's real engine, and none may run on the GUI thread. The
same change announced as the moderator's own (F5) reads on the GUI thread: the recorder
sees those, so the test can fail. And a background answer read before a decision never
undoes the decision on screen."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from sqlalchemy import event, func, select

from moderator.changes import Changes
from moderator.gui.mainwindow import QUEUE_TAB
from moderator.gui.models.listmodels import ROW_ROLE
from moderator.moderation.decisions import decide
from moderator.storage.models import Comment
from moderator.vocabulary import Action, Status
from tests.gui.helpers import press, select_article, wait_reads, wait_scored, wait_views, wait_writes


@contextmanager
def statements_on_the_gui_thread(window) -> Iterator[tuple[list[str], list[str]]]:
    """(statements run on the GUI thread, those run elsewhere) while the block runs."""
    gui, on_gui, elsewhere = threading.get_ident(), list[str](), list[str]()

    def remember(_connection, _cursor, statement, _parameters, _context, _many) -> None:
        (on_gui if threading.get_ident() == gui else elsewhere).append(statement)

    engine = window.context.db.engine
    event.listen(engine, "before_cursor_execute", remember)
    try:
        yield on_gui, elsewhere
    finally:
        event.remove(engine, "before_cursor_execute", remember)


def every_view_showing(qtbot, window) -> None:
    """An article open on a comment, the commenter's history, the queue listed: each view has
    something to read again."""
    wait_scored(qtbot, window)
    select_article(window, "Europe is moving away")
    press(qtbot, window, Qt.Key.Key_J)
    press(qtbot, window, Qt.Key.Key_C)  # the commenter's history
    window.tabs.setCurrentIndex(QUEUE_TAB)
    wait_writes(qtbot, window)
    wait_reads(qtbot, window)
    assert window.current_comment_id is not None and window.commenter_panel.author is not None


def wait_settled(qtbot, window) -> None:
    """The feed applied everything, the views' own pauses (scores: the queue, the article
    cards) ran out, and what they asked the reader was answered."""
    wait_views(qtbot, window)
    qtbot.waitUntil(lambda: not window.queue_pane._scores_pause.isActive()
                    and not window.articles_view._scores_landed.isActive(), timeout=5_000)
    wait_reads(qtbot, window)


def demo_ids(window) -> list[int]:
    with window.context.db.sessions() as s:
        return list(s.scalars(select(Comment.id).order_by(Comment.id)))


def test_a_burst_of_background_changes_reads_nothing_on_the_gui_thread(qtbot, window):
    every_view_showing(qtbot, window)
    ids, current = demo_ids(window), window.current_comment_id
    listed: list[None] = []
    window.queue_pane.listed.connect(lambda: listed.append(None))
    window.watch.close()  # its own look (two indexed reads when another connection committed) is no view's refresh
    with statements_on_the_gui_thread(window) as (on_gui, elsewhere):
        for start in range(0, len(ids), 20):  # a pull refreshing, scores landing in slices
            window.writer.announce_soon(Changes(everything=True))
            window.writer.announce_soon(Changes.of_scores(ids[start:start + 20]))
        wait_settled(qtbot, window)
    assert on_gui == []
    assert elsewhere and listed  # the views did read again, on the reader
    assert window.current_comment_id == current  # one current comment throughout

    with statements_on_the_gui_thread(window) as (on_gui, _elsewhere):  # the recorder sees the GUI thread's reads
        window.refresh()
    assert on_gui


def test_a_decision_is_never_undone_on_screen_by_a_background_read_it_overtook(qtbot, window):
    wait_scored(qtbot, window)
    wait_settled(qtbot, window)  # no read of the cards on screen left to come: only the one below reads the list
    articles, feed = window.articles_view.articles, window.writer.changed
    article = next(articles.index(i).data(ROW_ROLE) for i in range(articles.rowCount())
                   if articles.index(i).data(ROW_ROLE).pending)
    with window.context.db.sessions() as s:
        pending = s.scalar(select(Comment.id).where(Comment.article_id == article.id, Comment.status == Status.PENDING))
    gate = threading.Event()
    window.reader.submit(lambda _s: gate.wait(10))  # the reader holds every read until the gate opens
    window.writer.announce_soon(Changes(everything=True))
    qtbot.waitUntil(lambda: feed.reading is window.articles_view)  # the article list's read waits behind the gate
    gate.set()
    window.reader.submit(lambda _s: None).result()  # first in, first out: the list's read is done, not yet delivered
    with window.context.db.write_sessions() as s:  # the moderator's approval commits after that read,
        changes = decide(s, [pending], Action.APPROVE, "ana")
        s.commit()
    window.writer.announce(changes)  # and reaches the views before its answer does
    wait_settled(qtbot, window)
    with window.context.db.sessions() as s:
        now_pending = s.scalar(select(func.count()).where(Comment.article_id == article.id,
                                                          Comment.status == Status.PENDING))
    assert articles.index(articles.row_of(article.id)).data(ROW_ROLE).pending == now_pending
