"""The Rules tab of Site → Rules…: every rule with on / off, flag or hide and its number of
links; a new rule of a kind; the dry run before a rule is switched on or changed while on
(dryrun.py, on the dialog's reader), asking inside the tab before it switches on a rule that
would act on more than dryrun.SHARE_TO_ASK of the comments moderators decided; and the
sites' default pre-moderation. The dry run's counts and examples: rulesdryrun.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from moderator.gui.common import look
from moderator.gui.common.messages import sentence_or_report
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.dialogs.rules import RulesContext
from moderator.gui.dialogs.rulesdryrun import DryRunPanel, ShownRun, read_run
from moderator.gui.workers.latest import Latest
from moderator.gui.workers.writer import Reader
from moderator.rules.dryrun import SHARE_TO_ASK, DryRun
from moderator.rules.evaluate import RuleSpec
from moderator.rules.kinds import MODES, Kind, Mode
from moderator.rules.store import RuleRow, add_rule, list_rules, set_premoderation, set_rule
from moderator.storage.models import Site

WHAT = {  # what each kind does, in a lead's words
    Kind.BANNED_COMMENTER: QT_TRANSLATE_NOOP("RulesDialog", "A banned commenter's comments"),
    Kind.BANNED_WORDS: QT_TRANSLATE_NOOP("RulesDialog", "The site's banned words"),
    Kind.PERSONAL_DATA: QT_TRANSLATE_NOOP("RulesDialog", "Personal data: phone, e-mail, street address, card number"),
    Kind.LINKS: QT_TRANSLATE_NOOP("RulesDialog", "More links than allowed"),
    Kind.DEHUMANISING: QT_TRANSLATE_NOOP("RulesDialog", "Starter list: dehumanising terms"),
    Kind.THREATS: QT_TRANSLATE_NOOP("RulesDialog", "Starter list: threatening phrases"),
    Kind.MODEL_HIDE: QT_TRANSLATE_NOOP("RulesDialog", "A score at or over its hide threshold"),
    Kind.TRUSTED_COMMENTER: QT_TRANSLATE_NOOP("RulesDialog", "A trusted commenter's comments"),
    Kind.SUSPECT_WORDS: QT_TRANSLATE_NOOP("RulesDialog", "The site's suspect words"),
    Kind.MODEL_FLAG: QT_TRANSLATE_NOOP("RulesDialog", "A score at or over its flag threshold"),
    Kind.MODEL_APPROVE: QT_TRANSLATE_NOOP("RulesDialog", "Every score under its approve threshold"),
    Kind.FIRST_COMMENT: QT_TRANSLATE_NOOP("RulesDialog", "A commenter's first comment on the site"),
    Kind.PREMODERATION: QT_TRANSLATE_NOOP("RulesDialog", "Post-moderated: published unless a rule stops it"),
}
MODE_WORDS = {
    Mode.FLAG: QT_TRANSLATE_NOOP("RulesDialog", "flag for review"),
    Mode.HIDE: QT_TRANSLATE_NOOP("RulesDialog", "hide"),
    Mode.APPROVE: QT_TRANSLATE_NOOP("RulesDialog", "approve"),
}
COLUMNS = (
    QT_TRANSLATE_NOOP("RulesDialog", "Rule"),
    QT_TRANSLATE_NOOP("RulesDialog", "What it acts on"),
    QT_TRANSLATE_NOOP("RulesDialog", "Site"),
    QT_TRANSLATE_NOOP("RulesDialog", "On"),
    QT_TRANSLATE_NOOP("RulesDialog", "Action"),
)
class RulesTab(QWidget):
    def __init__(self, parent: QWidget, context: RulesContext, reader: Reader, lead: bool):
        super().__init__(parent)
        self.context, self.lead = context, lead
        self._runs = Latest(reader)
        self.rows: list[RuleRow] = []
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([translate("RulesDialog", c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(translate("RulesDialog", "Rules"))
        self.editing = QLabel(self)  # the selected rule's key, before its controls
        self.on = QCheckBox(translate("RulesDialog", "&On"), self)
        self.mode = QComboBox(self)
        self.mode.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.links = QSpinBox(self)
        self.links.setRange(0, 1000)
        self.links.setPrefix(translate("RulesDialog", "more than "))
        self.links.setSuffix(translate("RulesDialog", " links"))
        self.dry_button, self.save_button = (
            QPushButton(translate("RulesDialog", "&Dry run"), self),
            QPushButton(translate("RulesDialog", "&Save"), self),
        )
        self.message = _plain_label(self)
        self.question = _plain_label(self)
        self.question.setFont(look.bold(self.question.font()))
        self.yes_button, self.no_button = (
            QPushButton(translate("RulesDialog", "Switch on &anyway"), self),
            QPushButton(translate("RulesDialog", "Do&n't"), self),
        )
        self.run_panel = DryRunPanel(self, context)
        self.new_key, self.new_kind = QLineEdit(self), QComboBox(self)
        self.new_key.setPlaceholderText(translate("RulesDialog", "new rule's key, e.g. many_links"))
        for kind in Kind:
            self.new_kind.addItem(translate("RulesDialog", WHAT[kind]), str(kind))
        self.add_button = QPushButton(translate("RulesDialog", "Add (off)"), self)
        self.sites, self.premoderation = QComboBox(self), QComboBox(self)
        self.premoderation.addItem(translate("RulesDialog", "Pre-moderated: nothing published until approved"), "pre")
        self.premoderation.addItem(translate("RulesDialog", "Post-moderated: published unless hidden"), "post")
        self._pending: tuple[str, dict[str, Any]] | None = None  # a switch-on waiting for the lead's answer
        self._lay_out()
        self._wire()
        self.reload()
        self._show_sites()
        self._sites_row.setRowVisible(self.sites, self.sites.count() > 1)  # one site: nothing to choose
        self._grey()

    # ---- layout -----------------------------------------------------------------------------------

    def _lay_out(self) -> None:
        editor = QHBoxLayout()
        for widget in (self.editing, self.on, self.mode, self.links, self.dry_button, self.save_button):
            editor.addWidget(widget)
        editor.addStretch()
        asking = QHBoxLayout()
        asking.addWidget(self.question, 1)
        asking.addWidget(self.yes_button)
        asking.addWidget(self.no_button)
        adding = QHBoxLayout()
        adding.addWidget(self.new_key, 1)
        adding.addWidget(self.new_kind, 1)
        adding.addWidget(self.add_button)
        default = QFormLayout()
        default.addRow(translate("RulesDialog", "Site:"), self.sites)
        default.addRow(translate("RulesDialog", "By default:"), self.premoderation)
        self._sites_row = default
        premoderation = QGroupBox(
            translate("RulesDialog", "Pre-moderation (an article may differ: moderator rules premoderation --article)"), self
        )
        premoderation.setLayout(default)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(editor)
        layout.addWidget(self.message)
        layout.addLayout(asking)
        layout.addWidget(self.run_panel, 2)
        layout.addLayout(adding)
        layout.addWidget(premoderation)
        self._ask(None)

    def _wire(self) -> None:
        self.table.itemSelectionChanged.connect(self._selected)
        self.dry_button.clicked.connect(lambda: self.dry_run())
        self.save_button.clicked.connect(self.save)
        self.yes_button.clicked.connect(self._answer_yes)
        self.no_button.clicked.connect(lambda: self._ask(None))
        self.add_button.clicked.connect(self.add)
        self.new_key.returnPressed.connect(self.add)
        self.premoderation.activated.connect(lambda _index: self._set_premoderation())
        self.sites.currentIndexChanged.connect(lambda _index: self._show_premoderation())

    def _grey(self) -> None:
        for widget in (
            self.on,
            self.mode,
            self.links,
            self.save_button,
            self.new_key,
            self.new_kind,
            self.add_button,
            self.sites,
            self.premoderation,
        ):
            widget.setEnabled(self.lead and widget.isEnabled())

    # ---- the list and the editor ------------------------------------------------------------------

    def reload(self, keep: int | None = None) -> None:
        self.rows = self.context.read(list_rules)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            cells = (
                row.key,
                translate("RulesDialog", WHAT[Kind(row.kind)]) + _links(row.parameters),
                row.site or translate("RulesDialog", "every site"),
                translate("RulesDialog", "on") if row.enabled else translate("RulesDialog", "off"),
                translate("RulesDialog", MODE_WORDS[Mode(row.mode)]),
            )
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        chosen = next((i for i, row in enumerate(self.rows) if row.id == keep), 0)
        if self.rows:
            self._select_row(chosen)

    @property
    def rule(self) -> RuleRow | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def select(self, key: str) -> None:
        self._select_row(next(i for i, row in enumerate(self.rows) if row.key == key and row.site is None))

    def _select_row(self, index: int) -> None:
        self.table.selectRow(index)
        cell = self.table.model().index(index, 0)
        QTimer.singleShot(0, lambda: self.table.scrollTo(cell, QAbstractItemView.ScrollHint.PositionAtCenter))

    def _selected(self) -> None:
        rule = self.rule
        if rule is None:
            return
        kind = Kind(rule.kind)
        self.editing.setText(f"{rule.key}:")
        self.on.setChecked(rule.enabled)
        self.mode.clear()
        for mode in MODES[kind]:
            self.mode.addItem(translate("RulesDialog", MODE_WORDS[mode]), str(mode))
        self.mode.setCurrentIndex(self.mode.findData(rule.mode))
        self.mode.setEnabled(self.lead and len(MODES[kind]) > 1)
        self.links.setVisible(kind == Kind.LINKS)
        self.links.setValue(int(rule.parameters.get("most", 1)))
        self._ask(None)

    def _wanted(self) -> tuple[bool, str, int | None]:
        rule = self.rule
        most = self.links.value() if rule is not None and Kind(rule.kind) == Kind.LINKS else None
        return self.on.isChecked(), str(self.mode.currentData()), most

    # ---- the dry run ------------------------------------------------------------------------------

    def dry_run(self, then: Callable[[DryRun], None] = lambda run: None) -> None:
        rule = self.rule
        if rule is None:
            return
        _on, mode, most = self._wanted()
        parameters = dict(rule.parameters) | ({"most": most} if most is not None else {})
        spec = RuleSpec(rule.key, Kind(rule.kind), Mode(mode), parameters)
        model = self.context.model_name if self.context.model_id is not None else None
        self.run_panel.running()
        self._runs.ask(lambda session: read_run(session, spec, model), lambda shown: self._shown(shown, then))

    def _shown(self, shown: ShownRun, then: Callable[[DryRun], None]) -> None:
        self.run_panel.show_run(shown)
        then(shown.run)

    # ---- changes ----------------------------------------------------------------------------------

    def save(self) -> None:
        rule = self.rule
        if rule is None:
            return
        enabled, mode, most = self._wanted()
        changed = mode != rule.mode or most is not None and most != rule.parameters.get("most")
        values = {"enabled": enabled, "mode": mode, "most": most}
        if enabled and (not rule.enabled or changed):  # switched on, or changed while on: its dry run first
            self.dry_run(lambda run: self._switch_on(rule.key, values, run))
        else:
            self._write(rule.key, values)

    def _switch_on(self, key: str, values: dict[str, Any], run: DryRun) -> None:
        if run.share <= SHARE_TO_ASK:
            self._write(key, values)
            return
        self._ask(
            (key, values),
            translate(
                "RulesDialog",
                "Rule '{rule}' would act on {share:.0%} of the {judged} comments moderators decided "
                "({acted}), more than {limit:.0%}. Switch it on anyway?",
            ).format(rule=key, share=run.share, judged=run.judged, acted=run.acted, limit=SHARE_TO_ASK),
        )

    def _ask(self, pending: tuple[str, dict[str, Any]] | None, question: str = "") -> None:
        self._pending = pending
        self.question.setText(question)
        for widget in (self.question, self.yes_button, self.no_button):
            widget.setVisible(pending is not None)

    def _answer_yes(self) -> None:
        if self._pending is not None:
            key, values = self._pending
            self._ask(None)
            self._write(key, values)

    def _write(self, key: str, values: dict[str, Any]) -> None:
        rule = self.rule
        site, keep = (rule.site, rule.id) if rule is not None else (None, None)
        self.message.setText("")
        self.context.writer.submit(
            lambda s: _said_rule(set_rule(s, key, site, **values)), lambda said: self._done(said, keep), self._failed
        )

    def add(self) -> None:
        key, kind = self.new_key.text().strip(), str(self.new_kind.currentData())
        if key:
            then = translate("RulesDialog", " It is off: dry-run it, then switch it on.")
            self.context.writer.submit(
                lambda s: _said_rule(add_rule(s, key, kind)) + then, lambda said: self._added(said, key), self._failed
            )

    def _added(self, said: str, key: str) -> None:
        self.new_key.clear()
        self._done(said, None)
        self.select(key)

    def _done(self, said: str, keep: int | None) -> None:
        self.message.setText(said)
        self.reload(keep)
        self.context.changed()

    def _failed(self, error: BaseException) -> None:
        sentence = sentence_or_report(error, self.context.report_bug)
        if sentence is not None:
            self.message.setText(sentence)

    # ---- pre-moderation ---------------------------------------------------------------------------

    def _show_sites(self) -> None:
        for _site_id, key, name, premoderated in self.context.read(_sites):
            self.sites.addItem(f"{name} ({key})" if name != key else key, (key, premoderated))
        self.premoderation.setEnabled(self.sites.count() > 0)
        self._show_premoderation()

    def _show_premoderation(self) -> None:
        data = self.sites.currentData()
        if data is not None:
            self.premoderation.setCurrentIndex(0 if data[1] else 1)

    def _set_premoderation(self) -> None:
        data = self.sites.currentData()
        if data is None:
            return
        key, setting, index = data[0], str(self.premoderation.currentData()), self.sites.currentIndex()
        self.context.writer.submit(
            lambda s: set_premoderation(s, setting, key), lambda said: self._premoderation_set(said, index, setting), self._failed
        )

    def _premoderation_set(self, said: str, index: int, setting: str) -> None:
        key, _premoderated = self.sites.itemData(index)
        self.sites.setItemData(index, (key, setting == "pre"))
        self.message.setText(said)
        self.context.changed()


def _said_rule(rule: Any) -> str:
    return f"Rule '{rule.key}' is {'on' if rule.enabled else 'off'} ({rule.mode}{_links(rule.parameters or {})})."


def _links(parameters: dict[str, Any]) -> str:
    return f", more than {parameters['most']} links" if "most" in parameters else ""


def _sites(session: Session) -> list[Any]:
    return list(session.execute(select(Site.id, Site.key, Site.name, Site.premoderated).order_by(Site.id)))


def _plain_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a refusal may quote what was typed
    label.setWordWrap(True)
    return label
