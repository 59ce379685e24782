"""The first start asks who the moderator is: the name readers see on staff posts, and
the name the audit log keeps (prefilled); and says in a few lines what priority and
Flagged mean, over the demo. Asked again at the next start until a staff name is set."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from moderator import APP_NAME
from moderator.gui import settings as S
from moderator.gui.common.translation import translate
from moderator.gui.common.wording import how_the_queue_works


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None, audit_name: str, medium: float, high: float):
        super().__init__(parent)
        self.setObjectName("FirstRunDialog")
        self.setWindowTitle(translate("FirstRunDialog", "Welcome to {app}").format(app=APP_NAME))
        self.staff = QLineEdit(self)
        self.staff.setObjectName("staffEdit")
        self.staff.setPlaceholderText(translate("FirstRunDialog", "e.g. Anna Berg, or The Newsroom"))
        self.audit = QLineEdit(audit_name, self)
        self.audit.setObjectName("auditEdit")
        self._audit_typed = False  # until the moderator types here, it follows the staff name
        self.audit.textEdited.connect(self._audit_edited)
        self.staff.textChanged.connect(self._staff_changed)
        self.audit.textChanged.connect(self._update_start)
        form = QFormLayout()
        form.addRow(_label(translate("FirstRunDialog", "Name on your &staff posts:"), self.staff), self.staff)
        form.addRow("", _hint(translate("FirstRunDialog", "Readers see it on your replies, marked Staff.")))
        form.addRow(_label(translate("FirstRunDialog", "Your name in the &audit log:"), self.audit), self.audit)
        form.addRow("", _hint(translate("FirstRunDialog",
                                        "Colleagues see it beside each of your decisions, here and in exported decisions.")))
        about = QLabel(how_the_queue_works(medium, high, with_demo=True), self)
        about.setObjectName("aboutQueue")
        about.setTextFormat(Qt.TextFormat.RichText)  # our own text; comment text is never shown here
        about.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.setObjectName("buttons")
        self.start = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start.setText(translate("FirstRunDialog", "Start"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("FirstRunDialog", "Ask me later"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        heading = QLabel(translate("FirstRunDialog",
                                   "<b>Who are you?</b> Your names stay on this computer until you post or export."), self)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(about)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 84)
        self._staff_changed("")
        self.staff.setFocus()

    def _audit_edited(self, _text: str) -> None:
        self._audit_typed = True

    def _staff_changed(self, text: str) -> None:
        if not self._audit_typed and text.strip():
            self.audit.setText(text.strip())
        self._update_start()

    def _update_start(self) -> None:
        self.start.setEnabled(all(self.names()))

    def names(self) -> tuple[str, str]:
        """(staff name, audit name) as typed, trimmed."""
        return self.staff.text().strip(), self.audit.text().strip()


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


def ask_who_you_are(parent: QWidget, settings: S.Settings) -> FirstRunDialog | None:
    """Open the dialog (window-modal, without blocking the start) while no staff name is
    set; Start stores both names. None when there is nothing to ask."""
    if settings.get(S.STAFF_NAME):
        return None
    dialog = FirstRunDialog(parent, settings.get(S.MODERATOR_NAME), settings.get(S.PRIORITY_MEDIUM),
                            settings.get(S.PRIORITY_HIGH))

    def store() -> None:
        staff, audit = dialog.names()
        settings.set(S.STAFF_NAME, staff)
        settings.set(S.MODERATOR_NAME, audit)
        settings.sync()

    dialog.accepted.connect(store)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
