"""The Thresholds tab of Site → Rules…: a model's thresholds per label (hide, flag, approve;
0 to 1, empty: unused), for the active model first (its labels from its pack or the quick
screen) and for any other model that scored here or has thresholds. Saved through the core
function the CLI uses (rules.store.set_threshold), all labels in one write: a value the core
refuses (outside 0–1) is one sentence and nothing is saved.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from moderator.errors import ModeratorError
from moderator.gui.common.messages import sentence_or_report
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.dialogs.rules import RulesContext
from moderator.rules.evaluate import Limits
from moderator.rules.store import limits_for, set_threshold
from moderator.storage.models import ScoringModel, Threshold

NAMES = ("hide", "flag", "approve")
HEADINGS = (
    QT_TRANSLATE_NOOP("RulesDialog", "Hide at or over"),
    QT_TRANSLATE_NOOP("RulesDialog", "Flag at or over"),
    QT_TRANSLATE_NOOP("RulesDialog", "Approve under"),
)
Wanted = dict[str, tuple[float | None, float | None, float | None]]


class ThresholdsTab(QWidget):
    def __init__(self, parent: QWidget, context: RulesContext, lead: bool):
        super().__init__(parent)
        self.context, self.lead = context, lead
        self.model = QComboBox(self)
        self.table = QTableWidget(0, len(NAMES), self)
        self.table.setHorizontalHeaderLabels([translate("RulesDialog", h) for h in HEADINGS])
        self.table.setAccessibleName(translate("RulesDialog", "Thresholds per label"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.save_button = QPushButton(translate("RulesDialog", "&Save thresholds"), self)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        explained = QLabel(
            translate(
                "RulesDialog",
                "A comment is hidden when a label's score is at or over its hide threshold, flagged for "
                "review at or over its flag threshold, and approved when every label with an approve "
                "threshold is under it. Values from 0 to 1; an empty cell is not used.",
            ),
            self,
        )
        explained.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("RulesDialog", "Model:"), self.model)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explained)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.labels: dict[str, tuple[str, ...]] = self.context.read(
            lambda s: _models(s, context.model_name, context.model_labels)
        )
        for name in self.labels:
            self.model.addItem(name + (translate("RulesDialog", " (active)") if name == context.model_name else ""), name)
        self.model.currentIndexChanged.connect(lambda _index: self.show_model())
        self.save_button.clicked.connect(self.save)
        self.shown: dict[str, Limits] = {}
        self.show_model()
        for widget in (self.table, self.save_button):
            widget.setEnabled(lead)

    @property
    def model_name(self) -> str:
        return str(self.model.currentData())

    def show_model(self) -> None:
        name = self.model_name
        self.shown = self.context.read(lambda s: limits_for(s.connection(), name))
        labels = self.labels.get(name, ())
        self.table.setRowCount(len(labels))
        self.table.setVerticalHeaderLabels(list(labels))
        for row, label in enumerate(labels):
            limits = self.shown.get(label, Limits(None, None, None))
            for column, value in enumerate((limits.hide, limits.flag, limits.approve)):
                self.table.setItem(row, column, QTableWidgetItem("" if value is None else f"{value:.2f}"))
        self.message.setText("")

    def set_cell(self, label: str, name: str, text: str) -> None:
        """Type `text` into a label's cell (as a lead would)."""
        self._cell(self.labels[self.model_name].index(label), NAMES.index(name)).setText(text)

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        if item is None:  # every cell is filled by show_model
            item = QTableWidgetItem("")
            self.table.setItem(row, column, item)
        return item

    def save(self) -> None:
        try:
            wanted = self._wanted()
        except ModeratorError as refused:
            self.message.setText(str(refused))
            return
        model, shown = self.model_name, self.shown
        self.message.setText("")
        self.context.writer.submit(lambda s: _save(s, model, wanted, shown), self._saved, self._failed)

    def _wanted(self) -> Wanted:
        wanted: Wanted = {}
        for row, label in enumerate(self.labels.get(self.model_name, ())):
            hide, flag, approve = (_number(self._cell(row, c).text(), label, NAMES[c]) for c in range(len(NAMES)))
            wanted[label] = (hide, flag, approve)
        return wanted

    def _saved(self, count: int) -> None:
        self.show_model()
        self.message.setText(
            translate("RulesDialog", "Thresholds saved for {model} ({count} label(s) changed).").format(
                model=self.model_name, count=count
            )
        )
        self.context.changed()

    def _failed(self, error: BaseException) -> None:
        sentence = sentence_or_report(error, self.context.report_bug)
        if sentence is not None:
            self.message.setText(sentence)


def _number(text: str, label: str, name: str) -> float | None:
    """A cell's value; one sentence for what is not a number (the core refuses one outside 0–1)."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ModeratorError(f"The {name} threshold for {label} must be a number between 0 and 1; '{text}' is not.") from None
    if not math.isfinite(value):
        raise ModeratorError(f"The {name} threshold for {label} must be between 0 and 1; {text} is not.")
    return value


def _save(session: Session, model: str, wanted: Wanted, shown: dict[str, Limits]) -> int:
    """Every label whose thresholds changed, in this one write; returns how many."""
    changed = 0
    for label, values in wanted.items():
        before = shown.get(label, Limits(None, None, None))
        if values == (before.hide, before.flag, before.approve):
            continue
        cleared = tuple(name for name, value in zip(NAMES, values, strict=True) if value is None)
        set_threshold(session, model, label, *values, clear=cleared)
        changed += 1
    return changed


def _models(session: Session, active: str, active_labels: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Model name → its labels: the active model first, then those that scored here, then any with thresholds."""
    found: dict[str, tuple[str, ...]] = {active: tuple(active_labels)}
    for name, labels in session.execute(select(ScoringModel.name, ScoringModel.labels).order_by(ScoringModel.id.desc())):
        found.setdefault(name, tuple(labels or ()))
    for name, label in session.execute(select(Threshold.model, Threshold.label).order_by(Threshold.model, Threshold.label)):
        if label not in found.setdefault(name, ()):
            found[name] = (*found[name], label)
    return found
