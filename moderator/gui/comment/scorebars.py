"""The exact per-label scores of the selected comment, as small bars."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QWidget

from moderator.gui.common import look
from moderator.gui.common.names import label_words
from moderator.gui.common.translation import translate

STEPS = 1000




class ScoreBars(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(2)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setFont(look.bold(self.font()))
        self.title.setWordWrap(True)  # "Noch nicht von … bewertet" must not widen a narrow panel
        self.grid.addWidget(self.title, 0, 0, 1, 3)
        self._rows: list[tuple[QLabel, QProgressBar, QLabel]] = []  # kept and refilled: j / k stays cheap

    def show_scores(self, model_name: str, main_label: str, scores: dict[str, float] | None, priority: str | None) -> None:
        scores = scores or {}
        self.title.setText(f"{look.priority_chip_text(priority)} · {model_name}" if scores
                           else translate("ScoreBars", "Not scored by {model} yet").format(model=model_name))
        main_first = sorted(scores.items(), key=lambda item: (item[0] != main_label, -item[1]))
        while len(self._rows) < len(main_first):
            self._rows.append(self._new_row(len(self._rows) + 1))
        for index, widgets in enumerate(self._rows):
            if index < len(main_first):
                label, value = main_first[index]
                self._fill_row(widgets, label, value, label == main_label)
            for widget in widgets:
                widget.setVisible(index < len(main_first))

    def shown(self) -> list[tuple[str, str]]:
        """(label, figure) of each bar on show, top first."""
        return [(name.text(), figure.text()) for name, _bar, figure in self._rows if not name.isHidden()]

    def _new_row(self, row: int) -> tuple[QLabel, QProgressBar, QLabel]:
        name, figure = QLabel(self), QLabel(self)
        for label in (name, figure):
            label.setTextFormat(Qt.TextFormat.PlainText)
        bar = QProgressBar(self)
        bar.setRange(0, STEPS)
        bar.setTextVisible(False)
        bar.setMaximumHeight(8)
        for column, widget in enumerate((name, bar, figure)):
            self.grid.addWidget(widget, row, column)
        return name, bar, figure

    def _fill_row(self, widgets: tuple[QLabel, QProgressBar, QLabel], label: str, value: float, main: bool) -> None:
        name, bar, figure = widgets
        name.setText(label_words(label))
        name.setFont(look.bold(self.font()) if main else self.font())
        bar.setValue(round(value * STEPS))
        bar.setAccessibleName(translate("ScoreBars", "{label} score").format(label=label_words(label)))
        figure.setText(f"{value:.2f}")
