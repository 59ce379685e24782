"""The rules dialog (Site → Rules…): what a lead needs to run the rules (issue 14).

Three tabs: the rules (on / off, flag or hide, a links rule's number, a dry run before
switching on, and the sites' default pre-moderation), the active model's thresholds per
label, and "revert everything this rule did since …". Every change is the core function the
CLI uses (moderator/rules/store.py, revert.py), through the window's one writer; the dry
run and the revert's counts are read on a worker thread of the dialog's own, never on the
GUI thread. A user who may not change the rules (a moderator on a team database,
storage/roles.py) sees everything greyed but the dry run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout, QWidget
from sqlalchemy.orm import Session, sessionmaker

from moderator.gui.common.messages import ReportBug
from moderator.gui.common.reading import Read
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.workers.writer import Reader, Writer
from moderator.storage.roles import may_change

LEADS_ONLY = QT_TRANSLATE_NOOP(
    "RulesDialog", "Only a lead can change the rules on this team database; ask yours. The dry run works for everyone."
)


@dataclass(frozen=True)
class RulesContext:
    """What the tabs need from the window."""

    read: Read  # small reads on the GUI thread (the rule list, a model's thresholds)
    sessions: sessionmaker[Session]  # for the dialog's own reader: dry runs and counts
    writer: Writer
    undo_stack: QUndoStack
    moderator: Callable[[], str]
    model_name: str  # the active model: its thresholds are shown first, its scores judged
    model_labels: tuple[str, ...]
    model_id: int | None
    report_bug: ReportBug
    open_comment: Callable[[int], None] = lambda comment_id: None  # an example, in the window's panel
    changed: Callable[[], None] = lambda: None  # after a change of the rules (the window shows the hits anew)


class RulesDialog(QDialog):
    def __init__(self, parent: QWidget | None, context: RulesContext, lead: bool = True):
        from moderator.gui.dialogs.rulerevert import RevertTab
        from moderator.gui.dialogs.rulestab import RulesTab
        from moderator.gui.dialogs.rulethresholds import ThresholdsTab

        super().__init__(parent)
        self.setWindowTitle(translate("RulesDialog", "Rules"))
        self.setObjectName("RulesDialog")
        self.reader = Reader(context.sessions, context.report_bug, self)  # dry runs wait for no other read
        self.rules = RulesTab(self, context, self.reader, lead)
        self.thresholds = ThresholdsTab(self, context, lead)
        self.revert = RevertTab(self, context, self.reader, lead)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.rules, translate("RulesDialog", "&Rules"))
        self.tabs.addTab(self.thresholds, translate("RulesDialog", "&Thresholds"))
        self.tabs.addTab(self.revert, translate("RulesDialog", "Re&vert a rule"))
        self.lead_note = QLabel(translate("RulesDialog", LEADS_ONLY), self)
        self.lead_note.setTextFormat(Qt.TextFormat.PlainText)
        self.lead_note.setWordWrap(True)
        self.lead_note.setVisible(not lead)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lead_note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        self.resize(900, 640)
        self.finished.connect(lambda _result: self._let_go())

    def _let_go(self) -> None:
        """Closed: its reader stops (after a dry run still under way, never waiting for it), then it goes."""
        if self.reader.idle:
            self.reader.close()
            self.deleteLater()
        else:
            self.reader.drained.connect(self._let_go, Qt.ConnectionType.SingleShotConnection)


def open_rules_dialog(window: Any, lead: bool | None = None) -> RulesDialog:
    """Site → Rules… from the main window (gui/mainwindow.py), non-modal: the window stays usable,
    an example opens in its panel. `lead`: may the user change the rules (None: ask the database)."""
    read: Read = window._read
    context = RulesContext(
        read=read,
        sessions=window.context.db.sessions,
        writer=window.writer,
        undo_stack=window.undo_stack,
        moderator=lambda: window.moderator,
        model_name=window.active.identity.name,
        model_labels=window.active.identity.labels,
        model_id=window.active.model_id,
        report_bug=window._report_bug,
        open_comment=window.open_comment,
    )
    if lead is None:
        lead = read(lambda s: may_change(s, "rules"))
    dialog = RulesDialog(window, context, lead)
    dialog.open()
    return dialog
