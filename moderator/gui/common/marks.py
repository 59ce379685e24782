"""Search matches painted on a queue card: the marked snippet (search.MARK_START / MARK_END)
split into plain text and the spans that matched, laid out in lines, each match drawn bold
on a tint of the palette's highlight. The text is only ever drawn as plain text runs: no
markup is built from a comment, so nothing in it is interpreted."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette

from moderator.gui.common import look
from moderator.reading.search import MARK_END, MARK_START

Span = tuple[int, int]  # [start, end) in a line's text
MARK_TINT = 90  # alpha of the highlight colour behind a match: the card's text stays readable on it


@dataclass(frozen=True)
class MarkedLine:
    text: str
    spans: tuple[Span, ...]

    def runs(self) -> list[tuple[str, bool]]:
        """The line as (text, matched) runs, in order."""
        found, at = [], 0
        for start, end in self.spans:
            found += [(self.text[at:start], False), (self.text[start:end], True)]
            at = end
        return [run for run in [*found, (self.text[at:], False)] if run[0]]


def unmarked(marked: str) -> tuple[str, list[Span]]:
    """The plain text of a marked string and where its matches stand in it."""
    plain: list[str] = []
    spans: list[Span] = []
    begun: int | None = None
    for char in marked:
        if char == MARK_START:
            begun = len(plain)
        elif char == MARK_END:
            if begun is not None and begun < len(plain):
                spans.append((begun, len(plain)))
            begun = None
        else:
            plain.append(char)
    return "".join(plain), spans


def marked_lines(marked: str, font: QFont, width: int, max_lines: int | None = None) -> list[MarkedLine]:
    """The marked text laid out in lines of `width` pixels as look.wrapped_lines lays plain
    text (the last kept line elided), each with the spans of its matches."""
    text, spans = unmarked(marked)
    placed = look.placed_lines(text, font, width, max_lines)
    return [MarkedLine(line, _spans_within(spans, start, _shown(line))) for start, line in placed]


def _shown(line: str) -> int:
    """How much of the line is the text itself (an elided line ends in its ellipsis)."""
    return len(line) - 1 if line.endswith("…") else len(line)


def _spans_within(spans: list[Span], start: int, length: int) -> tuple[Span, ...]:
    return tuple((max(a, start) - start, min(b, start + length) - start) for a, b in spans
                 if a < start + length and b > start)


def span_rects(lines: list[MarkedLine], font: QFont, left: int, top: int) -> list[tuple[str, QRect]]:
    """Each match drawn by `draw_marked` with the same arguments: its text and its box."""
    plain, heavy = QFontMetrics(font), QFontMetrics(look.bold(font))
    found = []
    for line in lines:
        x = left
        for text, matched in line.runs():
            advance = (heavy if matched else plain).horizontalAdvance(text)
            if matched:
                found.append((text, QRect(x, top, advance, plain.height())))
            x += advance
        top += plain.lineSpacing()
    return found


def mark_colour(palette: QPalette, selected: bool) -> QColor:
    """A tint of the highlight on a card; on a selected card (the highlight itself), of its text colour."""
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
    tint = QColor(palette.color(role))
    tint.setAlpha(MARK_TINT)
    return tint


def draw_marked(painter: QPainter, lines: list[MarkedLine], font: QFont, left: int, top: int, width: int,
                tint: QColor) -> int:
    """Draw the lines as plain text runs, each match bold on `tint`; returns the y below them."""
    for _text, box in span_rects(lines, font, left, top):
        painter.fillRect(box, tint)
    plain, heavy = QFontMetrics(font), look.bold(font)
    for line in lines:
        x = left
        for text, matched in line.runs():
            run_font = heavy if matched else font
            advance = QFontMetrics(run_font).horizontalAdvance(text)
            if x < left + width:
                painter.setFont(run_font)
                painter.drawText(QRect(x, top, left + width - x, plain.height()), Qt.TextFlag.TextSingleLine, text)
            x += advance
        top += plain.lineSpacing()
    return top
