"""Colours, text helpers and the status chip shared by every view."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTextLayout, QTextOption

from moderator.vocabulary import Status

# Keyed by str: rows carry their status as the plain string a Status equals.
STATUS_COLOURS: dict[str, QColor] = {
    Status.PENDING: QColor("#b45309"),
    Status.APPROVED: QColor("#15803d"),
    Status.HIDDEN: QColor("#b91c1c"),
    Status.REMOVED: QColor("#6b7280"),
}
STAFF_COLOUR = QColor("#1d4ed8")
PRIORITY_COLOURS = {"High": QColor("#b91c1c"), "Medium": QColor("#c2410c"), "Low": QColor("#4b5563")}
ZERO_COLOUR = QColor("#9ca3af")  # a count of nothing should not draw the eye
STATUS_LABELS: dict[str, str] = {Status.PENDING: "Pending", Status.APPROVED: "Approved", Status.HIDDEN: "Hidden",
                                 Status.REMOVED: "Removed"}


def when(moment: datetime | None, with_year: bool = False, now: datetime | None = None) -> str:
    """Local time, short: '29 Apr 22:41' this year, '29 Sep 2014, 09:52' any other year
    (an oldest-first queue must not look unsorted); `with_year`: always with the year."""
    if moment is None:
        return ""
    local = moment.astimezone()
    this_year = (now or datetime.now()).astimezone().year
    return local.strftime("%-d %b %Y, %H:%M" if with_year or local.year != this_year else "%-d %b %H:%M")


def bold(font: QFont) -> QFont:
    heavier = QFont(font)
    heavier.setBold(True)
    return heavier


def scaled(font: QFont, factor: float) -> QFont:
    sized = QFont(font)
    sized.setPointSizeF(font.pointSizeF() * factor)
    return sized


def wrapped_lines(text: str, font: QFont, width: int, max_lines: int | None = None) -> list[str]:
    """Lay plain text out in lines of `width` pixels; the last kept line is elided."""
    lines: list[str] = []
    metrics = QFontMetrics(font)
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        while (max_lines is None or len(lines) <= max_lines) and (line := layout.createLine()).isValid():
            line.setLineWidth(width)  # (a card shows a few lines: a long comment is not laid out to its end)
            lines.append(paragraph[line.textStart() : line.textStart() + line.textLength()].rstrip())
        layout.endLayout()
        if max_lines is not None and len(lines) > max_lines:
            break
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = metrics.elidedText(lines[-1] + " …", Qt.TextElideMode.ElideRight, width)
    return lines


def draw_lines(painter: QPainter, lines: list[str], font: QFont, left: int, top: int, width: int) -> int:
    """Draw plain text lines (never interpreted as markup); returns the y below them."""
    metrics = QFontMetrics(font)
    painter.setFont(font)
    for line in lines:
        painter.drawText(QRect(left, top, width, metrics.height()), Qt.TextFlag.TextSingleLine, line)
        top += metrics.lineSpacing()
    return top


def chip_width(text: str, font: QFont) -> int:
    return QFontMetrics(font).horizontalAdvance(text) + 12


def draw_chip(painter: QPainter, text: str, colour: QColor, font: QFont, right: int, top: int, solid: bool = False) -> int:
    """A small rounded label ending at `right`; returns its left edge. Solid reads on a selection."""
    metrics = QFontMetrics(font)
    width, height = chip_width(text, font), metrics.height() + 2
    rect = QRectF(right - width, top, width, height)
    fill = QColor("#ffffff") if solid else QColor(colour)
    if not solid:
        fill.setAlpha(28)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(colour)
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, height / 2, height / 2)
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
    return int(rect.left())


def muted(colour: QColor) -> QColor:
    faded = QColor(colour)
    faded.setAlphaF(0.62)
    return faded




def priority_chip_text(priority: str | None) -> str:
    return f"{priority} priority" if priority else "Unscored"
