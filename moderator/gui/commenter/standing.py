"""A commenter's standing in the commenter panel (issue 14): trusted, normal or banned, their
notes, the actions that change them, and the history of their standing.

The box only shows and asks: each button is a signal the window turns into a decision
through the core (moderation.decisions.set_standing, one undoable step), or into the notes
saved (rules.commenters.set_notes). Which buttons show follows the standing: a normal
commenter can be trusted or banned, a trusted one untrusted or banned, a banned one unbanned.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from moderator.gui.common import look
from moderator.gui.common.flowlayout import FlowLayout
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.rules.commenters import Person, StandingEvent
from moderator.vocabulary import Action

STANDING_WORDS = {"trusted": QT_TRANSLATE_NOOP("StandingBox", "Trusted"), "normal": QT_TRANSLATE_NOOP("StandingBox", "Normal"),
                  "banned": QT_TRANSLATE_NOOP("StandingBox", "Banned")}
STANDING_TIPS = {
    "trusted": QT_TRANSLATE_NOOP("StandingBox", "Their comments are approved automatically, unless a banned word or "
                                          "personal data hits."),
    "normal": QT_TRANSLATE_NOOP("StandingBox", "Their comments are moderated like anyone's."),
    "banned": QT_TRANSLATE_NOOP("StandingBox", "Their new comments arrive hidden, with the reason \"banned commenter\".")}
HISTORY_SHOWN = 5  # changes of standing listed in the panel, newest first
STANDING_COLOURS = {"trusted": QColor("#15803d"), "normal": QColor("#4b5563"), "banned": QColor("#b91c1c")}
BUTTONS = {  # action: its button's text and tip
    Action.TRUST: (QT_TRANSLATE_NOOP("StandingBox", "Trust"),
                   QT_TRANSLATE_NOOP("StandingBox", "Approve their comments automatically unless a banned word or personal "
                                              "data hits; Ctrl+Z undoes it")),
    Action.UNTRUST: (QT_TRANSLATE_NOOP("StandingBox", "Untrust"),
                     QT_TRANSLATE_NOOP("StandingBox", "Moderate their comments like anyone's again; Ctrl+Z undoes it")),
    Action.BAN: (QT_TRANSLATE_NOOP("StandingBox", "Ban…"),
                 QT_TRANSLATE_NOOP("StandingBox", "Their new comments arrive hidden; asks whether to hide their pending "
                                            "comments too; Ctrl+Z undoes it")),
    Action.UNBAN: (QT_TRANSLATE_NOOP("StandingBox", "Unban"),
                   QT_TRANSLATE_NOOP("StandingBox", "Their new comments are moderated like anyone's again; Ctrl+Z undoes it")),
}
OFFERED = {"normal": (Action.TRUST, Action.BAN), "trusted": (Action.UNTRUST, Action.BAN), "banned": (Action.UNBAN,)}
EVENT_WORDS = {Action.TRUST: QT_TRANSLATE_NOOP("StandingBox", "trusted"),
               Action.UNTRUST: QT_TRANSLATE_NOOP("StandingBox", "untrusted"),
               Action.BAN: QT_TRANSLATE_NOOP("StandingBox", "banned"),
               Action.UNBAN: QT_TRANSLATE_NOOP("StandingBox", "unbanned"),
               Action.UNDO: QT_TRANSLATE_NOOP("StandingBox", "undid"), Action.REDO: QT_TRANSLATE_NOOP("StandingBox", "redid")}


def standing_word(standing: str) -> str:
    return translate("StandingBox", STANDING_WORDS.get(standing, standing))


def describe_event(event: StandingEvent) -> str:
    """"5 Dec 2026 14:02 · ana banned: normal → banned · spam again" (an undo says what it took back)."""
    did = translate("StandingBox", EVENT_WORDS.get(Action(event.action), event.action))
    line = (f"{look.when(event.at, with_year=True)} · {event.moderator} {did}: "
            f"{standing_word(event.standing_before).lower()} → {standing_word(event.standing_after).lower()}")
    return line + (f" · {event.note}" if event.note else "")


def describe_history(history: list[StandingEvent]) -> str:
    """The latest HISTORY_SHOWN changes, newest first, and how many earlier ones the CLI shows."""
    if not history:
        return translate("StandingBox", "Standing never changed.")
    lines = [describe_event(event) for event in reversed(history[-HISTORY_SHOWN:])]
    if len(history) > HISTORY_SHOWN:
        lines.append(translate("StandingBox", "… {count} earlier (moderator commenter show)").format(
            count=len(history) - HISTORY_SHOWN))
    return "\n".join(lines)


def _plain(parent: QWidget, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # notes and names are data, never markup
    label.setWordWrap(wrap)
    return label


class StandingBox(QWidget):
    """Standing, notes, the standing actions and their history, for one commenter."""

    act = Signal(object)  # an Action of BUTTONS: the moderator pressed its button
    edit_notes = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.person: Person | None = None
        self.standing = _plain(self, wrap=False)
        self.standing.setFont(look.bold(self.font()))
        self.standing.setAccessibleDescription(translate("StandingBox", "Standing"))
        self.notes = _plain(self)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = {action: self._button(action) for action in BUTTONS}
        self.notes_button = QPushButton(translate("StandingBox", "Edit note…"), self)
        self.notes_button.setToolTip(translate("StandingBox", "Notes on this commenter, shared with everyone on the database"))
        self.notes_button.clicked.connect(self.edit_notes.emit)
        self.history_title = _plain(self, wrap=False)
        self.history_title.setText(translate("StandingBox", "Standing history"))
        self.history_title.setFont(look.bold(self.font()))
        self.history = _plain(self)
        self.history.setObjectName("standingHistory")
        self.history.setAccessibleName(translate("StandingBox", "Standing history"))
        self._lay_out()

    def _button(self, action: Action) -> QPushButton:
        text, tip = BUTTONS[action]
        button = QPushButton(translate("StandingBox", text), self)
        button.setToolTip(translate("StandingBox", tip))
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda _checked=False: self.act.emit(action))
        return button

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.standing)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.notes)
        row = QWidget(self)
        flow = FlowLayout(row)  # the buttons wrap in a narrow column instead of widening it
        flow.setContentsMargins(0, 0, 0, 0)
        for button in (*self.buttons.values(), self.notes_button):
            flow.addWidget(button)
        layout.addWidget(row)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history)

    def focus_chain(self) -> list[QWidget]:
        """Its buttons in Tab order (those hidden are passed over by Qt)."""
        return [*self.buttons.values(), self.notes_button]

    def show_person(self, person: Person | None) -> None:
        """`person`'s standing (None: no standing to show, e.g. a staff author)."""
        self.person = person
        self.setVisible(person is not None)
        if person is None:
            return
        self.standing.setText(translate("StandingBox", "Standing: {standing}").format(standing=standing_word(person.standing)))
        self.standing.setToolTip(translate("StandingBox", STANDING_TIPS.get(person.standing, "")))
        colour = look.text_colour(STANDING_COLOURS.get(person.standing, STANDING_COLOURS["normal"]), self.palette())
        self.standing.setStyleSheet(f"color: {colour.name()};")
        self.notes.setText(translate("StandingBox", "Notes: {notes}").format(notes=person.notes) if person.notes
                           else translate("StandingBox", "No notes."))
        offered = OFFERED.get(person.standing, ())
        for action, button in self.buttons.items():
            button.setVisible(action in offered)
        self.history.setText(describe_history(person.history))
