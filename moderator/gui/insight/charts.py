"""Charts for the Insight window, on pyqtgraph (docs/insight.md says why): each a titled plot
with its data kept as a table, exported as PNG and CSV, coloured from the window's palette
(light or dark) and the app's status colours.

Importing this module imports pyqtgraph (0.4 s with numpy): only the Insight window does,
when it first opens, never the main window's start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from moderator.formats.csvsafe import csv_file
from moderator.gui.common import look
from moderator.gui.common.translation import translate
from moderator.gui.insight.dateaxis import LocalDateAxis
from moderator.vocabulary import Source, Status

SOURCE_COLOURS = {Source.MANUAL: QColor("#2563eb"), Source.BULK: QColor("#7c3aed"), Source.RULE: QColor("#d97706")}
HIDDEN, APPROVED = look.STATUS_COLOURS[Status.HIDDEN], look.STATUS_COLOURS[Status.APPROVED]
DAY = 86_400
PNG_WIDTH = 1200


def day_seconds(day: date) -> float:
    """A day as the date axis counts (seconds since the epoch, UTC midnight)."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()


def brush(colour: QColor, alpha: int = 200) -> QColor:
    faded = QColor(colour)
    faded.setAlpha(alpha)
    return faded


class Chart(QWidget):
    """A plot with a title, a one-line note, and its data as a table for CSV."""

    def __init__(self, title: str, columns: Sequence[str], parent: QWidget | None = None, dates: bool = False):
        super().__init__(parent)
        self.setObjectName(title)  # the English title: the name its files are saved under
        shown = translate("Insight", title)
        self.setAccessibleName(translate("Insight", "{title} chart").format(title=shown))
        self.columns, self.rows = tuple(columns), []  # type: tuple[str, ...], list[list[object]]
        self.title = QLabel(shown, self)
        self.title.setFont(look.bold(self.font()))
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        # Two lines kept for it: a chart's row is as tall as its neighbour's, and a note that
        # wraps (German's are longer) was cut at the top by its own plot.
        self.note.setMinimumHeight(2 * self.note.fontMetrics().lineSpacing())
        axes = {"bottom": LocalDateAxis(orientation="bottom", utcOffset=0)} if dates else {}
        self.plot = pg.PlotWidget(self, axisItems=axes)
        self.plot.setMinimumHeight(170)
        self.plot.setMenuEnabled(False)
        self.plot.getPlotItem().hideButtons()
        self.png_button, self.csv_button = QToolButton(self), QToolButton(self)
        self.png_button.setText("PNG…")
        self.png_button.setToolTip(translate("Insight", "Save the chart “{title}” as a PNG image").format(title=shown))
        self.csv_button.setText("CSV…")
        self.csv_button.setToolTip(translate("Insight", "Save the figures of “{title}” as CSV").format(title=shown))
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch()
        header.addWidget(self.png_button)
        header.addWidget(self.csv_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.note)
        layout.addWidget(self.plot, 1)
        self.follow_palette()

    def follow_palette(self) -> None:
        """Background, axes and legend from the palette: readable in light and dark alike."""
        palette = self.palette()
        self.plot.setBackground(palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        for name in ("left", "bottom"):
            axis = self.plot.getPlotItem().getAxis(name)
            axis.setPen(pg.mkPen(palette.color(QPalette.ColorRole.Mid)))
            axis.setTextPen(pg.mkPen(text))
        legend = self.plot.getPlotItem().legend
        if legend is not None:
            legend.setLabelTextColor(text)

    def changeEvent(self, event: QEvent) -> None:
        # Each chart follows its own palette: a window hears of a palette change before its
        # children have the new palette, so the window cannot pass it on.
        if event.type() == QEvent.Type.PaletteChange:
            self.follow_palette()
        super().changeEvent(event)

    def clear(self) -> None:
        self.plot.clear()
        legend = self.plot.getPlotItem().legend
        if legend is not None:
            legend.clear()
        self.rows = []

    def legend(self) -> None:
        if self.plot.getPlotItem().legend is None:
            legend = self.plot.addLegend(offset=(-10, 4), labelTextColor=self.palette().color(QPalette.ColorRole.Text))
            legend.setColumnCount(4)  # one row across the top, above the headroom the bars leave it

    def headroom(self, top: float) -> None:
        """The value axis up to `top` and a quarter more: the legend's row stays clear of the bars."""
        self.plot.setYRange(0, max(top, 1.0) * 1.25, padding=0)

    def bars(self, x: np.ndarray, heights: np.ndarray, width: float, colour: QColor, name: str,
             base: np.ndarray | None = None) -> None:
        self.legend()
        item = pg.BarGraphItem(x=x, height=heights, width=width, y0=base if base is not None else 0,
                               brush=brush(colour), pen=pg.mkPen(None), name=name)
        self.plot.addItem(item)

    def line(self, x: np.ndarray, y: np.ndarray, colour: QColor, name: str | None = None,
             dashed: bool = False) -> pg.PlotDataItem:
        """A line with points (a legend entry only if named: a chart of one line says what it is in its title)."""
        if name is not None:
            self.legend()
        style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        return self.plot.plot(x, y, pen=pg.mkPen(colour, width=2, style=style), name=name,
                              symbol="o" if len(x) < 40 else None, symbolSize=5, symbolBrush=colour)

    def export_png(self, path: Path, width: int = PNG_WIDTH) -> tuple[int, int]:
        """The chart as a PNG `width` pixels wide (its height in the plot's proportions)."""
        exporter = pyqtgraph.exporters.ImageExporter(self.plot.getPlotItem())
        exporter.parameters()["width"] = width
        exporter.export(str(path))
        return width, int(exporter.parameters()["height"])

    def export_csv(self, path: Path) -> None:
        with csv_file(path, self.columns) as writer:
            for row in self.rows:
                writer.row(row)
