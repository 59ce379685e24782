"""While searching, the queue's cards paint the matched words: the delegate lays the snippet
out with the spans that matched (read back here), and the window's own pixels show the tint
behind each match. Plain text only: a body that looks like markup is drawn as typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyleOptionViewItem

from moderator.gui.common import marks
from moderator.gui.common.delegates import PAD
from moderator.gui.models.listmodels import ROW_ROLE
from moderator.reading.search import MARK_END, MARK_START
from tests.gui.helpers import press, wait_scored


def search_for(qtbot, window, words: str) -> None:
    press(qtbot, window, Qt.Key.Key_Slash)
    qtbot.keyClicks(window.queue_pane.search, words)
    qtbot.keyClick(window.queue_pane.search, Qt.Key.Key_Return)


def laid_out(window, row_number: int):
    """What the queue's delegate lays out for a card: its lines with their matches, and where it draws them."""
    view = window.queue_view
    index = window.queue.index(row_number)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    rect = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
    delegate = view.itemDelegate()
    lines = delegate.marked_body(index.data(ROW_ROLE), option, rect.width())
    return lines, marks.span_rects(lines, option.font, rect.left(), delegate.body_top(option, rect)), option


def distance(one: QColor, other: QColor) -> int:
    return abs(one.red() - other.red()) + abs(one.green() - other.green()) + abs(one.blue() - other.blue())


def test_the_matched_words_are_painted_on_the_queue_cards(qtbot, window, tmp_path):
    wait_scored(qtbot, window)
    window.resize(1400, 900)
    search_for(qtbot, window, "buffet")
    assert window.queue.rowCount() > 0
    lines, boxes, option = laid_out(window, 0)
    assert lines and boxes
    assert all(text.casefold().startswith("buffet") for text, _box in boxes), boxes
    assert "".join(line.text for line in lines).casefold().count("buffet") >= len(boxes)
    image = window.queue_view.viewport().grab().toImage()
    image.save(str(tmp_path / "queue-search.png"))
    _text, box = boxes[0]
    card_left = option.rect.left() + PAD // 2  # the card's padding: its background, no text
    tinted, plain = image.pixelColor(box.left() + 1, box.top() + 1), image.pixelColor(card_left, box.top() + 1)
    assert distance(tinted, plain) > 20, (tinted.name(), plain.name())
    press(qtbot, window, Qt.Key.Key_J)  # the card current (selected): the tint is of the selection's text colour
    _lines, boxes, option = laid_out(window, 0)
    image = window.queue_view.viewport().grab().toImage()
    image.save(str(tmp_path / "queue-search-selected.png"))
    _text, box = boxes[0]
    tinted, plain = image.pixelColor(box.left() + 1, box.top() + 1), image.pixelColor(card_left + 4, box.top() + 1)
    assert distance(tinted, plain) > 20, (tinted.name(), plain.name())


def test_a_name_matched_in_part_is_marked_in_the_card(qtbot, window):
    wait_scored(qtbot, window)
    search_for(qtbot, window, "dave")
    rows = [window.queue.index(i).data(ROW_ROLE) for i in range(window.queue.rowCount())]
    row = next(row for row in rows if row.author == "DaveFromLeeds")
    assert row.author_marked == f"{MARK_START}Dave{MARK_END}FromLeeds"
    lines = marks.marked_lines(row.author_marked, window.queue_view.font(), 400, 1)
    assert [line.text[a:b] for line in lines for a, b in line.spans] == ["Dave"]


def test_not_searching_paints_no_marks(qtbot, window):
    wait_scored(qtbot, window)
    press(qtbot, window, Qt.Key.Key_2)
    lines, boxes, _option = laid_out(window, 0)
    assert lines == [] and boxes == []


def test_a_snippet_is_split_into_plain_text_and_spans():
    text, spans = marks.unmarked(f"a {MARK_START}<b>x</b>{MARK_END} and {MARK_START}&amp;{MARK_END}")
    assert text == "a <b>x</b> and &amp;" and [text[a:b] for a, b in spans] == ["<b>x</b>", "&amp;"]
    line = marks.MarkedLine(text, tuple(spans))
    assert "".join(run for run, _matched in line.runs()) == text
    assert [run for run, matched in line.runs() if matched] == ["<b>x</b>", "&amp;"]
