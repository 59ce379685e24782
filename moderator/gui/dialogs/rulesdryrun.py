"""The dry run's box in the Rules tab (Site → Rules…): what a rule would have done to the
comments moderators decided (rules/dryrun.py), read on the dialog's reader: the counts both
ways, "against them" first, with up to five examples each. An example is one click away: its
text below the list (plain text, never HTML), or the comment itself in the window's panel.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from moderator.gui.common import look
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.dialogs.rules import RulesContext
from moderator.rules.dryrun import DryRun, dry_run
from moderator.rules.evaluate import RuleSpec
from moderator.storage.models import Comment

OUTCOME_WORDS = {
    ("hide", "approved"): QT_TRANSLATE_NOOP("RulesDialog", "would hide, moderators approved"),
    ("hide", "hidden"): QT_TRANSLATE_NOOP("RulesDialog", "would hide, moderators hid too"),
    ("flag", "approved"): QT_TRANSLATE_NOOP("RulesDialog", "would flag, moderators approved"),
    ("flag", "hidden"): QT_TRANSLATE_NOOP("RulesDialog", "would flag, moderators hid"),
    ("approve", "hidden"): QT_TRANSLATE_NOOP("RulesDialog", "would approve, moderators hid"),
    ("approve", "approved"): QT_TRANSLATE_NOOP("RulesDialog", "would approve, moderators approved too"),
}
AGAINST = (("hide", "approved"), ("approve", "hidden"))


@dataclass(frozen=True)
class ShownRun:
    """A dry run, with its examples' authors and texts (read on the reader thread)."""

    run: DryRun
    texts: dict[int, tuple[str, str]]


class DryRunPanel(QGroupBox):
    def __init__(self, parent: QWidget, context: RulesContext):
        super().__init__(
            translate("RulesDialog", "Dry run: what the rule would have done to the comments moderators decided"), parent
        )
        self.context = context
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.examples = QListWidget(self)
        self.examples.setAccessibleName(translate("RulesDialog", "Examples from the dry run"))
        self.example_text = QPlainTextEdit(self)
        self.example_text.setReadOnly(True)  # a reader's text: plain, never HTML
        self.example_text.setPlaceholderText(
            translate("RulesDialog", "Click an example to read its text here; double-click opens it in the window.")
        )
        self.open_button = QPushButton(translate("RulesDialog", "&Open in the window"), self)
        shown = QVBoxLayout(self)
        shown.addWidget(self.summary)
        examples = QHBoxLayout()
        examples.addWidget(self.examples, 1)
        examples.addWidget(self.example_text, 1)
        shown.addLayout(examples)
        shown.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        self.examples.currentItemChanged.connect(self._show_example)
        self.examples.itemDoubleClicked.connect(lambda _item: self._open_example())
        self.open_button.clicked.connect(self._open_example)

    def running(self) -> None:
        self.summary.setText(translate("RulesDialog", "Running the dry run…"))
        self.examples.clear()
        self.example_text.clear()

    def show_run(self, shown: ShownRun) -> None:
        run = shown.run
        self.summary.setText(
            translate(
                "RulesDialog",
                "Rule '{rule}' ({mode}) on {judged} comment(s) moderators decided: it would act on {acted} ({share:.1%}).",
            ).format(rule=run.rule, mode=run.mode, judged=run.judged, acted=run.acted, share=run.share)
        )
        for (would, decided), tally in sorted(run.outcomes.items(), key=lambda item: item[0] not in AGAINST):
            words = translate("RulesDialog", OUTCOME_WORDS.get((would, decided), f"would {would}, moderators {decided}"))
            heading = QListWidgetItem(
                f"{tally.count} {words}" + (translate("RulesDialog", " (against them)") if (would, decided) in AGAINST else "")
            )
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            heading.setFont(look.bold(self.examples.font()))
            self.examples.addItem(heading)
            for cid in tally.examples:
                author, body = shown.texts.get(cid, ("", ""))
                line = translate("RulesDialog", "comment {id}, {author}: {text}")
                item = QListWidgetItem("    " + line.format(id=cid, author=author, text=" ".join(body.split())[:60]))
                item.setData(Qt.ItemDataRole.UserRole, cid)
                self.examples.addItem(item)

    def _example_id(self) -> int | None:
        item = self.examples.currentItem()
        data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return int(data) if data is not None else None

    def _show_example(self) -> None:
        cid = self._example_id()
        self.open_button.setEnabled(cid is not None)
        if cid is not None:
            body = self.context.read(lambda s: s.scalar(select(Comment.body).where(Comment.id == cid)))
            self.example_text.setPlainText(body or "")

    def _open_example(self) -> None:
        if (cid := self._example_id()) is not None:
            self.context.open_comment(cid)


def read_run(session: Session, spec: RuleSpec, model: str | None) -> ShownRun:
    run = dry_run(session, spec, model)
    ids = [cid for tally in run.outcomes.values() for cid in tally.examples]
    texts = (
        {
            cid: (author, body)
            for cid, author, body in session.execute(select(Comment.id, Comment.author, Comment.body).where(Comment.id.in_(ids)))
        }
        if ids
        else {}
    )
    return ShownRun(run, texts)
