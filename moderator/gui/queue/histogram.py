"""The score band: a histogram of the queue's scores, from which the moderator drags out a
band of bars to select exactly those comments for a bulk action.

Bars are equal bands of one label's score (moderator.reading.queue.histogram / band), coloured
as the priority chips are. Heights are on a log scale: scores crowd near 0, and a band of
a few hundred comments near 1 must still show. Keyboard: Left / Right move the marked
bar, Shift extends the band, Enter or Space selects it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from moderator.gui.common import look
from moderator.gui.common.translation import translate

AXIS = 14  # pixels under the bars for 0 / 0.5 / 1


class ScoreHistogram(QWidget):
    band_chosen = Signal(int, int)  # first and last bar (both included)

    def __init__(self, bins: int = 20, parent: QWidget | None = None):
        super().__init__(parent)
        self.bins, self.counts = bins, [0] * bins
        self.medium, self.high = 0.5, 0.8
        self._anchor: int | None = None  # where a drag or Shift-extension started
        self._marked: tuple[int, int] | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(translate("ScoreBand", "Score histogram"))
        self.setToolTip(translate("ScoreBand", "Drag across bars to select those comments (or Left / Right, Shift, Enter)"))

    def sizeHint(self) -> QSize:
        return QSize(240, 64)

    def set_counts(self, counts: list[int]) -> None:
        self.counts = list(counts)
        total = sum(self.counts)
        self.setAccessibleDescription(translate("ScoreBand", "{count} scored comments in {bands} bands; drag to select a "
                                                             "band").format(count=total, bands=self.bins))
        self.update()

    def set_thresholds(self, medium: float, high: float) -> None:
        self.medium, self.high = medium, high
        self.update()

    def mark(self, band: tuple[int, int] | None) -> None:
        """Show a band as chosen (None: no band)."""
        self._marked = band
        self.update()

    @property
    def marked(self) -> tuple[int, int] | None:
        return self._marked

    # ---- geometry ------------------------------------------------------------------------

    def _bars(self) -> QRect:
        return self.rect().adjusted(2, 2, -2, -AXIS)

    def bar_at(self, x: int) -> int:
        area = self._bars()
        return min(self.bins - 1, max(0, (x - area.left()) * self.bins // max(area.width(), 1)))

    def _bar_rect(self, i: int, area: QRect, tallest: float) -> QRect:
        left = area.left() + area.width() * i // self.bins
        right = area.left() + area.width() * (i + 1) // self.bins
        height = 0 if not self.counts[i] else max(2, int(area.height() * math.log1p(self.counts[i]) / tallest))
        return QRect(left + 1, area.bottom() - height + 1, max(right - left - 2, 1), height)

    def _colour(self, i: int) -> QColor:
        """The bar's priority colour, made to stand out from the widget's background (3:1)."""
        low = i / self.bins
        name = "High" if low >= self.high else "Medium" if low >= self.medium else "Low"
        return look.readable(look.PRIORITY_COLOURS[name], self.palette().color(QPalette.ColorRole.Window), look.GRAPHIC_CONTRAST)

    # ---- painting ----------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        area, palette = self._bars(), self.palette()
        tallest = math.log1p(max(self.counts, default=0)) or 1.0
        if self._marked is not None:
            first, last = self._marked
            left, right = self._bar_rect(first, area, tallest).left() - 1, self._bar_rect(last, area, tallest).right() + 1
            band = QColor(palette.color(QPalette.ColorRole.Highlight))
            band.setAlpha(70)  # a tint of the highlight: on a light or a dark window alike
            painter.fillRect(QRect(left, area.top(), right - left + 1, area.height()), band)
        for i in range(self.bins):
            colour = self._colour(i)
            if self._marked is not None and not (self._marked[0] <= i <= self._marked[1]):
                colour = look.muted(colour)
            painter.fillRect(self._bar_rect(i, area, tallest), colour)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(area.bottomLeft() + QPoint(0, 1), area.bottomRight() + QPoint(0, 1))
        self._axis(painter, area)
        if self.hasFocus():
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))

    def _axis(self, painter: QPainter, area: QRect) -> None:
        font = look.scaled(self.font(), 0.8)
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        height = QFontMetrics(font).height()
        top = area.bottom() + 2
        painter.drawText(QRect(area.left(), top, 40, height), Qt.AlignmentFlag.AlignLeft, "0")
        painter.drawText(QRect(area.center().x() - 20, top, 40, height), Qt.AlignmentFlag.AlignHCenter, "0.5")
        painter.drawText(QRect(area.right() - 40, top, 40, height), Qt.AlignmentFlag.AlignRight, "1")

    # ---- mouse -------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._anchor = self.bar_at(event.position().toPoint().x())
            self.mark((self._anchor, self._anchor))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        bar = self.bar_at(event.position().toPoint().x())
        if self._anchor is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self.mark((min(self._anchor, bar), max(self._anchor, bar)))
        QToolTip.showText(event.globalPosition().toPoint(), self.describe_bar(bar), self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._marked is not None:
            self._anchor = None
            self.band_chosen.emit(*self._marked)

    def describe_bar(self, i: int) -> str:
        low, high = i / self.bins, (i + 1) / self.bins
        return translate("ScoreBand", "Scores {low}–{high}: {comments}").format(low=f"{low:.2f}", high=f"{high:.2f}",
                                                                               comments=look.counted(self.counts[i], "comment"))

    # ---- keyboard ------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, extend = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self._marked is None:
            self._anchor = self.bins - 1  # start at the highest scores, where a moderator looks first
            self.mark((self._anchor, self._anchor))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self._marked is not None:
            first, last = self._marked
            moving = last if key == Qt.Key.Key_Right else first
            bar = min(self.bins - 1, max(0, moving + (1 if key == Qt.Key.Key_Right else -1)))
            anchor = self._anchor if extend and self._anchor is not None else bar
            self._anchor = anchor
            self.mark((min(anchor, bar), max(anchor, bar)))
            self.setAccessibleDescription(self.describe_bar(bar))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._marked is not None:
            self.band_chosen.emit(*self._marked)
        else:
            super().keyPressEvent(event)
