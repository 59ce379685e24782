"""A queue card once scores land carries a priority, a status and a reason chip: at the queue's
default width (which is also its narrowest) they go to a line of their own, so the author
and the full date are never cut; wider, they share the author's line again. And the status
bar's sentence ends in "…" before the scoring progress, never under it, with the whole
sentence as its tool tip."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem

from moderator.gui.common import look
from moderator.gui.common.delegates import PAD
from moderator.gui.common.wording import demo_arrived
from moderator.gui.mainwindow import QUEUE_TAB
from moderator.gui.models.listmodels import ROW_ROLE
from tests.gui.helpers import wait_reads, wait_scored, wait_writes
from tests.gui.test_german import german_window  # noqa: F401 (a fixture)
from tests.gui.test_rules_window import VERMIN, open_flagged, painted, queue_rows


def shown_cards(window) -> list[tuple[str, str, str, str]]:
    """(author, date, the author shown, the date shown) of each card the queue lists, as its delegate lays them out."""
    view = window.queue_view
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    width, delegate, cards = view.viewport().width() - 2 * PAD, view.itemDelegate(), []
    for number in range(window.queue.rowCount()):
        if (row := window.queue.index(number).data(ROW_ROLE)) is not None:
            cards.append((row.author, look.when(row.created_at), *delegate.author_and_time(row, option, width)))
    return cards


def queue_scored(qtbot, window) -> None:
    wait_scored(qtbot, window)
    window.tabs.setCurrentIndex(QUEUE_TAB)
    wait_writes(qtbot, window)
    wait_reads(qtbot, window)


def chip_line(window) -> bool:
    view = window.queue_view
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    return view.itemDelegate().chip_line(option, view.viewport().width() - 2 * PAD)


def test_author_and_date_are_never_cut_on_a_scored_queue_card(qtbot, window, tmp_path):
    queue_scored(qtbot, window)
    window.splitter.setSizes([1, 10_000, 300])  # the queue at its narrowest (the splitter stops it there): a first start's
    rows = [window.queue.index(number).data(ROW_ROLE) for number in range(window.queue.rowCount())]
    assert any(row.reason for row in rows) and all(row.score is not None for row in rows)  # three chips on some cards
    cards = shown_cards(window)
    assert len(cards) == len(rows) > 20
    assert [(shown_author, shown_date) for _a, _d, shown_author, shown_date in cards] == [(a, d) for a, d, *_ in cards]
    assert chip_line(window)  # the chips went to a line of their own
    window.queue_pane.grab().save(str(tmp_path / "queue-narrowest.png"))

    window.resize(1400, window.height())
    window.splitter.setSizes([600, 500, 300])
    qtbot.waitUntil(lambda: window.queue_view.viewport().width() > 500, timeout=2_000)
    assert not chip_line(window)  # wide: the chips share the author's line again
    assert all((shown_author, shown_date) == (author, date) for author, date, shown_author, shown_date in shown_cards(window))
    window.queue_pane.grab().save(str(tmp_path / "queue-wide.png"))


def test_german_cards_keep_the_author_and_date_too(german_window, qtbot, tmp_path):  # noqa: F811 (the fixture)
    window = german_window  # "Mittlere Priorität", "Ausstehend": other widths, the same rule
    queue_scored(qtbot, window)
    cards = shown_cards(window)
    assert cards and all((shown_author, shown_date) == (author, date) for author, date, shown_author, shown_date in cards)
    window.queue_pane.grab().save(str(tmp_path / "queue-german.png"))


def test_the_status_sentence_ends_before_the_progress_panel_and_says_the_rest_as_a_tip(qtbot, window):
    bar, sentence = window.statusBar(), demo_arrived(0.5)
    window.progress.start("Scoring")  # the panel as a scoring run shows it
    bar.showMessage(sentence)
    # no wider than its words and bar (laid out again once its title is set)
    qtbot.waitUntil(lambda: window.progress.width() == window.progress.sizeHint().width(), timeout=2_000)
    assert bar.message_rect().right() < window.progress.x()
    shown = bar.shown_message()
    assert shown.endswith("…") and sentence.startswith(shown[:-1])  # 788 pixels hold only the start of it
    bar.repaint()
    assert bar.toolTip() == sentence

    window.resize(1280, window.height())  # a first start's window on a usual screen: the whole sentence beside the bar
    qtbot.waitUntil(lambda: window.statusBar().width() >= 1270, timeout=2_000)
    assert bar.shown_message() == sentence and bar.message_rect().right() < window.progress.x()
    bar.repaint()
    assert bar.toolTip() == ""
    window.progress.finish()


def test_a_narrow_thread_card_keeps_its_reason_chip_inside_and_a_third_for_the_author(qtbot, window):
    open_flagged(qtbot, window)
    vermin = replace(queue_rows(window)[VERMIN], featured=True)  # four chips: reason, featured, priority, status
    delegate, width = window.article_view.tree.itemDelegate(), 240
    image = painted(delegate, vermin, width)  # the card drawn from x = 8 on a white image
    outside = {image.pixel(x, y) for x in range(8) for y in range(image.height())}
    assert outside == {0xFFFFFFFF}, "a chip was drawn past the card's left edge"
    option = QStyleOptionViewItem()
    option.font = delegate.parent().font()
    author, when = delegate.author_and_time(vermin, option, width - 16)  # they share the third kept for them
    used = QFontMetrics(look.bold(option.font)).horizontalAdvance(author) + 8 + QFontMetrics(option.font).horizontalAdvance(when)
    assert author and when and used >= (width - 16) // 3 - 16
    wide = painted(delegate, vermin, 900)
    assert wide != painted(delegate, replace(vermin, reason=None, reasons=0), 900)  # with room, the chip is there
