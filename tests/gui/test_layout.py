"""Dates with their year, a score band that leaves the layout alone, the selection through a
change of order, and a window that fits its screen (issue 18, points 6, 9 and 10)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QByteArray, QRect, Qt

from moderator.gui import settings as S
from moderator.gui.common.look import when
from moderator.vocabulary import QueueKind
from tests.gui.helpers import press, wait_reads, wait_scored

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_date_shows_its_year_unless_it_is_this_year():
    now = datetime(2026, 3, 1, 12, tzinfo=UTC)
    assert "2014" in when(datetime(2014, 9, 29, 8, 52, tzinfo=UTC), now=now)
    assert "2026" not in when(datetime(2026, 2, 27, 8, 52, tzinfo=UTC), now=now)
    assert "2026" in when(datetime(2026, 2, 27, 8, 52, tzinfo=UTC), with_year=True, now=now)


def test_choosing_a_band_moves_nothing_and_leaves_no_sideways_scrolling(qtbot, window):
    wait_scored(qtbot, window)
    press(qtbot, window, Qt.Key.Key_2, CTRL)
    press(qtbot, window, Qt.Key.Key_5)
    wait_reads(qtbot, window)
    pane, columns = window.queue_pane, window.splitter.sizes()
    pane.select_band(14, 19)  # "… · 9 selected (Offensive 0.70–1.00)": longer than the column
    wait_reads(qtbot, window)
    assert "selected (Offensive 0.70–1.00)" in pane.count_label.text()
    assert window.splitter.sizes() == columns
    pane.clear_selection()
    scroll = window.queue_view.horizontalScrollBar()
    assert window.splitter.sizes() == columns and not scroll.isVisible() and scroll.maximum() == 0
    viewport = window.queue_view.viewport().rect()
    for row in range(min(5, window.queue.rowCount())):
        card = window.queue_view.visualRect(window.queue.index(row))
        assert card.right() <= viewport.right(), "a card wider than the list: its chips are cut"


def test_changing_the_order_keeps_the_selection_and_another_queue_drops_it_saying_so(qtbot, window):
    press(qtbot, window, Qt.Key.Key_2, CTRL)
    press(qtbot, window, Qt.Key.Key_A, CTRL)
    wait_reads(qtbot, window)
    selected = set(window.queue_pane.selected_ids())
    assert len(selected) == 43
    press(qtbot, window, Qt.Key.Key_S)
    assert set(window.queue_pane.selected_ids()) == selected and "43 selected" in window.queue_pane.count_label.text()
    press(qtbot, window, Qt.Key.Key_3)
    assert window.queue_pane.query.kind == QueueKind.HIDDEN and window.queue_pane.selected_ids() == []
    assert window.statusBar().currentMessage() == "Selection of 43 cleared: the queue now lists other comments."


def test_the_window_fits_its_screen_on_a_first_start_and_after_a_bigger_monitor(qtbot, window, open_window):
    free = window.screen().availableGeometry()
    assert free.contains(window.frameGeometry())
    window.close()
    window.context.settings.set(S.WINDOW_GEOMETRY, QByteArray())
    bigger = open_window()
    bigger.setGeometry(QRect(0, 0, free.width() * 2, free.height() * 2))  # as saved on a monitor twice the size
    bigger.close()
    again = open_window()
    assert free.contains(again.frameGeometry())
