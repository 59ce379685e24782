"""The exact per-label scores of the selected comment, as small bars."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QWidget

from moderator.gui import look

STEPS = 1000


def label_words(label: str) -> str:
    """'severe_toxicity' → 'Severe toxicity'."""
    return label.replace("_", " ").capitalize()


class ScoreBars(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(2)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setFont(look.bold(self.font()))
        self.grid.addWidget(self.title, 0, 0, 1, 3)
        self._rows: list[QWidget] = []

    def show_scores(self, model_name: str, main_label: str, scores: dict[str, float] | None, priority: str | None) -> None:
        for widget in self._rows:
            widget.deleteLater()
        self._rows = []
        if scores is None:
            self.title.setText(f"Not scored by {model_name} yet")
            return
        self.title.setText(f"{look.priority_chip_text(priority)} · {model_name}")
        main_first = sorted(scores.items(), key=lambda item: (item[0] != main_label, -item[1]))
        for row, (label, value) in enumerate(main_first, 1):
            self._add_row(row, label, value, label == main_label)

    def _add_row(self, row: int, label: str, value: float, main: bool) -> None:
        name = QLabel(label_words(label), self)
        name.setTextFormat(Qt.TextFormat.PlainText)
        if main:
            name.setFont(look.bold(self.font()))
        bar = QProgressBar(self)
        bar.setRange(0, STEPS)
        bar.setValue(round(value * STEPS))
        bar.setTextVisible(False)
        bar.setMaximumHeight(8)
        bar.setAccessibleName(f"{label_words(label)} score")
        figure = QLabel(f"{value:.2f}", self)
        figure.setTextFormat(Qt.TextFormat.PlainText)
        for column, widget in enumerate((name, bar, figure)):
            self.grid.addWidget(widget, row, column)
            self._rows.append(widget)
