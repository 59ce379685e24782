"""The "Revert a rule" tab of Site → Rules…: a rule, a time (today's start unless changed),
how many of the rule's decisions since then would be reverted and how many comments are left
alone (a moderator decided since, or they changed), counted on the dialog's reader; then one
undoable step (core rules.revert, gui/operations/revert.py): Ctrl+Z in the window takes it back.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlalchemy import select

from moderator.gui.common.messages import sentence_or_report
from moderator.gui.common.translation import translate
from moderator.gui.dialogs.rules import RulesContext
from moderator.gui.operations.revert import push_revert
from moderator.gui.workers.latest import Latest
from moderator.gui.workers.writer import Reader
from moderator.rules.revert import Reverted, RevertPreview, preview
from moderator.storage.models import Rule


class RevertTab(QWidget):
    def __init__(self, parent: QWidget, context: RulesContext, reader: Reader, lead: bool):
        super().__init__(parent)
        self.context, self.lead = context, lead
        self._counts = Latest(reader)
        self.rule = QComboBox(self)
        for key in context.read(lambda s: list(s.scalars(select(Rule.key).distinct().order_by(Rule.key)))):
            self.rule.addItem(key, key)
        self.since = QDateTimeEdit(QDateTime(QDate.currentDate(), QTime(0, 0)), self)
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.counts = _plain_label(self)
        self.revert_button = QPushButton(translate("RulesDialog", "&Revert"), self)
        self.message = _plain_label(self)
        explained = QLabel(
            translate(
                "RulesDialog",
                "Every decision the rule made since then is undone as one step (Ctrl+Z in the window "
                "takes it back). A comment a moderator decided since is left as they left it.",
            ),
            self,
        )
        explained.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("RulesDialog", "Rule:"), self.rule)
        form.addRow(translate("RulesDialog", "Since (local time):"), self.since)
        layout = QVBoxLayout(self)
        layout.addWidget(explained)
        layout.addLayout(form)
        layout.addWidget(self.counts)
        layout.addWidget(self.revert_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addStretch()
        self.preview: RevertPreview | None = None
        self.rule.currentIndexChanged.connect(lambda _index: self.count())
        self.since.dateTimeChanged.connect(lambda _when: self.count())
        self.revert_button.clicked.connect(self.revert)
        for widget in (self.rule, self.since):
            widget.setEnabled(lead)
        self.count()

    @property
    def when(self) -> datetime:
        """The chosen time, in UTC (the field shows local time)."""
        local = self.since.dateTime()
        date, time = local.date(), local.time()
        return datetime(date.year(), date.month(), date.day(), time.hour(), time.minute(), time.second()).astimezone(UTC)

    def set_since(self, moment: datetime) -> None:
        local = moment.astimezone()
        self.since.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second))
        )

    def count(self) -> None:
        key, since = self.rule.currentData(), self.when
        self.preview = None
        self.revert_button.setEnabled(False)
        if key is None:
            self.counts.setText(translate("RulesDialog", "There is no rule yet."))
            return
        self.counts.setText(translate("RulesDialog", "Counting…"))
        self._counts.ask(lambda session: preview(session, key, since), self._counted)

    def _counted(self, counted: RevertPreview) -> None:
        self.preview = counted
        self.counts.setText(
            translate(
                "RulesDialog",
                "{reverted} decision(s) would be reverted; {kept} comment(s) left alone: a moderator "
                "decided them since, or they changed.",
            ).format(reverted=counted.reverted, kept=counted.kept)
        )
        self.revert_button.setText(translate("RulesDialog", "&Revert {count} decision(s)").format(count=counted.reverted))
        self.revert_button.setEnabled(self.lead and counted.reverted > 0)

    def revert(self) -> None:
        key = self.rule.currentData()
        if key is None or not self.revert_button.isEnabled():
            return
        self.revert_button.setEnabled(False)
        self.message.setText("")
        push_revert(
            self.context.undo_stack,
            self.context.writer,
            key,
            self.when,
            self.context.moderator(),
            self.context.model_id,
            lambda reverted: self._reverted(reverted, key),
            self._failed,
        )

    def _reverted(self, reverted: Reverted, key: str) -> None:
        self.message.setText(reverted.sentence(key) + translate("RulesDialog", " Ctrl+Z in the window takes it back."))
        self.count()

    def _failed(self, error: BaseException) -> None:
        sentence = sentence_or_report(error, self.context.report_bug)
        if sentence is not None:
            self.message.setText(sentence)
        self.count()


def _plain_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label
