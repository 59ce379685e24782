"""The calibration view: for one label, what hiding at each threshold would have caught and
wrongly hidden of the team's decisions, as two curves and a threshold line the lead drags
(or moves with the spin box); a suggested threshold for a target; carrying the chosen
threshold into a rule (moderator/insight/rules.py: once rules exist)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from moderator.gui.common import look
from moderator.gui.common.names import label_words
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.insight.charts import APPROVED, HIDDEN, Chart
from moderator.insight.calibration import CSV_COLUMNS, Confusion, Curve, Target, csv_rows, label_report
from moderator.insight.rules import NoRules, RuleSink, ThresholdProposal

WARNING_ON_LIGHT, WARNING_ON_DARK = "#92400e", "#fbbf24"  # amber 800 / 400
GRID = tuple(round(t, 2) for t in np.arange(0, 1.0001, 0.05))  # the CSV's thresholds


class CalibrationView(QWidget):
    label_chosen = Signal(str)
    carry_asked = Signal(object)  # ThresholdProposal

    def __init__(self, rules: RuleSink | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.rules = rules or NoRules()
        self.model, self.curve_found = "", None  # type: str, Curve | None
        self.labels = QComboBox(self)
        self.labels.setAccessibleName(translate("Insight", "Label"))
        self.labels.currentIndexChanged.connect(lambda _i: self.label_chosen.emit(self.label) if self.label else None)
        self.chart = Chart(QT_TRANSLATE_NOOP("Insight", "Calibration"), CSV_COLUMNS, self)
        self.chart.plot.setLabel("bottom", translate("Insight", "hide at score ≥ threshold"))
        self.chart.plot.setLabel("left", translate("Insight", "comments"))
        self.line = pg.InfiniteLine(pos=0.5, angle=90, movable=True, bounds=(0, 1),
                                    hoverPen=pg.mkPen(QColor("#f59e0b"), width=3),
                                    label=translate("Insight", "hide at ≥ {value:.3f}"),
                                    labelOpts={"position": 0.96, "anchors": [(0, 0.5), (0, 0.5)]})
        self.line.setCursor(Qt.CursorShape.SizeHorCursor)
        self.line.setToolTip(translate("Insight", "Drag to choose the threshold"))
        self.line.sigPositionChanged.connect(lambda: self._threshold_moved(self.line.value()))
        self.suggested_line = pg.InfiniteLine(pos=0.5, angle=90, movable=False, label=translate("Insight", "suggested"),
                                              pen=pg.mkPen(QColor("#6b7280"), width=1, style=Qt.PenStyle.DashLine),
                                              labelOpts={"position": 0.04, "anchors": [(0, 0.5), (0, 0.5)]})
        self.threshold = QDoubleSpinBox(self)
        self.threshold.setRange(0, 1)
        self.threshold.setDecimals(3)
        self.threshold.setSingleStep(0.01)
        self.threshold.setAccessibleName(translate("Insight", "Threshold"))
        self.threshold.valueChanged.connect(self._spun)
        self.sentence = self._label()
        self.sentence.setObjectName("calibrationSentence")
        self.warning = self._label()
        self.warning.setFont(look.bold(self.warning.font()))
        self.by_recall = QRadioButton(translate("Insight", "Catch at least"), self)
        self.by_cost = QRadioButton(translate("Insight", "Fewest mistakes:"), self)
        self.by_recall.setChecked(True)
        self.recall = self._spin(0, 100, 90, 0, translate("Insight", " % of hides"))
        self.wrong_cost, self.missed_cost = self._spin(0, 100, 1, 1, ""), self._spin(0, 100, 1, 1, "")
        self.suggestion = self._label()
        self.use_suggestion = QPushButton(translate("Insight", "Use the suggestion"), self)
        self.use_suggestion.clicked.connect(lambda: self.set_threshold(self.suggested_line.value()))
        self.carry = QPushButton(translate("Insight", "Carry into a rule…"), self)
        self.carry.setEnabled(self.rules.available)
        self.carry.setToolTip("" if self.rules.available else translate("insight", self.rules.why_not))
        self.carry.clicked.connect(lambda: self.carry_asked.emit(self.proposal()))
        for control in (self.by_recall, self.by_cost):
            control.toggled.connect(self._suggest)
        for spin in (self.recall, self.wrong_cost, self.missed_cost):
            spin.valueChanged.connect(self._suggest)
        self._lay_out()
        self._follow_palette()

    def _label(self) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    def _spin(self, low: float, high: float, value: float, decimals: int, suffix: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(low, high)
        spin.setDecimals(decimals)
        spin.setValue(value)
        spin.setSuffix(suffix)
        return spin

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("Insight", "Label:"), self))
        top.addWidget(self.labels)
        top.addStretch()
        top.addWidget(QLabel(translate("Insight", "Threshold:"), self))
        top.addWidget(self.threshold)
        target = QFormLayout()
        recall_row, cost_row = QHBoxLayout(), QHBoxLayout()
        recall_row.addWidget(self.recall)
        recall_row.addStretch()
        for widget in (QLabel(translate("Insight", "a wrong hide costs"), self), self.wrong_cost,
                       QLabel(translate("Insight", "a missed one"), self), self.missed_cost):
            cost_row.addWidget(widget)
        cost_row.addStretch()
        target.addRow(self.by_recall, recall_row)
        target.addRow(self.by_cost, cost_row)
        actions = QHBoxLayout()
        actions.addWidget(self.suggestion, 1)
        actions.addWidget(self.use_suggestion)
        actions.addWidget(self.carry)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.sentence)
        layout.addWidget(self.warning)
        layout.addLayout(target)
        layout.addLayout(actions)

    def _follow_palette(self) -> None:
        """The threshold line in the text's colour (dark on light, light on dark), the
        warning in an amber that keeps WCAG AA contrast on either background."""
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        self.line.setPen(pg.mkPen(text, width=2))
        self.line.label.setColor(text)
        self.suggested_line.label.setColor(palette.color(QPalette.ColorRole.PlaceholderText))
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        warning = QPalette(self.warning.palette())
        warning.setColor(QPalette.ColorRole.WindowText, QColor(WARNING_ON_DARK if dark else WARNING_ON_LIGHT))
        self.warning.setPalette(warning)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._follow_palette()
        super().changeEvent(event)

    def set_labels(self, labels: tuple[str, ...], main_label: str, model: str) -> None:
        self.model = model
        self.labels.blockSignals(True)
        self.labels.clear()
        for label in labels:  # shown in the language in force, kept as the model names it
            self.labels.addItem(label_words(label), label)
        self.labels.setCurrentIndex(max(0, self.labels.findData(main_label)))
        self.labels.blockSignals(False)

    @property
    def label(self) -> str:
        return str(self.labels.currentData() or "")

    def show_curve(self, found: Curve) -> None:
        self.curve_found = found
        chart = self.chart
        chart.clear()
        x = np.concatenate([found.thresholds, [1.0]]) if len(found.thresholds) else np.array([0.0, 1.0])
        caught = np.concatenate([found.caught, [0]]) if len(found.thresholds) else np.zeros(2)
        wrongly = np.concatenate([found.wrongly, [0]]) if len(found.thresholds) else np.zeros(2)
        chart.legend()
        # Steps: between two scores the counts are those of the higher one (scores >= t), so
        # each point ends its step (pyqtgraph calls that "left": the step is left of the point).
        chart.plot.plot(x, caught, stepMode="left", pen=pg.mkPen(HIDDEN, width=2),
                        name=translate("Insight", "hides caught (of {count} the team hid)").format(
                            count=look.number(found.positives)))
        chart.plot.plot(x, wrongly, stepMode="left", pen=pg.mkPen(APPROVED, width=2),
                        name=translate("Insight", "approvals wrongly hidden (of {count})").format(
                            count=look.number(found.negatives)))
        auc = "" if found.auc is None else translate("Insight", "; area under the ROC curve {auc}").format(auc=f"{found.auc:.3f}")
        chart.note.setText(translate("Insight", "The {label} score of each comment moderators decided, against what they "
                                                "decided{auc}").format(label=label_words(self.label), auc=auc))
        chart.plot.addItem(self.suggested_line)
        chart.plot.addItem(self.line)
        chart.plot.setXRange(0, 1)
        chart.rows = csv_rows([label_report(self.label, "decisions", found, GRID, None)])
        few = found.too_few
        self.warning.setVisible(few)
        self.warning.setText(translate("Insight", "Only {hides} hides and {approvals} approvals: too few decisions for these "
                                                  "figures to mean much; each new decision may move them a lot.").format(
            hides=look.number(found.positives), approvals=look.number(found.negatives)) if few else "")
        self._suggest()
        self._threshold_moved(self.line.value())

    def set_threshold(self, value: float) -> None:
        """Where the line stands (dragging it, the spin box, the suggestion)."""
        self.line.setValue(value)

    def _spun(self, value: float) -> None:
        if abs(self.line.value() - value) > 5e-4:
            self.line.setValue(value)

    def _threshold_moved(self, value: float) -> None:
        self.threshold.blockSignals(True)
        self.threshold.setValue(value)
        self.threshold.blockSignals(False)
        if self.curve_found is not None:
            self.sentence.setText(self.at().sentence()[0].upper() + self.at().sentence()[1:] + ".")

    def at(self) -> Confusion:
        assert self.curve_found is not None
        return self.curve_found.at(round(self.line.value(), 3))

    def target(self) -> Target:
        if self.by_recall.isChecked():
            return Target(self.recall.value() / 100)
        return Target(None, self.wrong_cost.value(), self.missed_cost.value())

    def _suggest(self) -> None:
        if self.curve_found is None:
            return
        suggested = self.target().suggest(self.curve_found)
        self.use_suggestion.setEnabled(suggested is not None)
        self.suggested_line.setVisible(suggested is not None)
        if suggested is None:
            self.suggestion.setText(translate("Insight", "No threshold meets this target (no hides in this period)."))
            return
        self.suggested_line.setValue(suggested.threshold)
        self.suggestion.setText(translate("Insight", "Suggested: {threshold} ({caught} caught, {wrongly} wrongly hidden)").format(
            threshold=f"{suggested.threshold:.3f}", caught=look.number(suggested.true_positives),
            wrongly=look.number(suggested.false_positives)))

    def proposal(self) -> ThresholdProposal:
        return ThresholdProposal(self.model, self.label, round(self.line.value(), 3), self.at())
