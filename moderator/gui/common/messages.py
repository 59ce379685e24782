"""Messages to the moderator, and the app's one path for a failure: an expected one is a
plain sentence (moderator.errors.explain), a bug goes to `report_bug` (gui/app.py: the
traceback to the log, the crash dialog that says where the log is)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from moderator.errors import explain

ReportBug = Callable[[BaseException], None]


def show_plain_message(parent: QWidget | None, title: str, text: str,
                       icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote comment text
    box.exec()


def sentence_or_report(error: BaseException, report_bug: ReportBug) -> str | None:
    """The sentence for an expected failure, for the caller to show where it fits (a status
    line, a dialog's label); a bug is handed to `report_bug` and None comes back."""
    sentence = explain(error)
    if sentence is None:
        report_bug(error)
    return sentence


def tell_or_report(parent: QWidget | None, title: str, error: BaseException, report_bug: ReportBug) -> bool:
    """An expected failure in a plain-text message box; a bug to `report_bug`.
    True when it was an expected failure (the caller may then refresh what it shows)."""
    sentence = sentence_or_report(error, report_bug)
    if sentence is not None:
        show_plain_message(parent, title, sentence)
    return sentence is not None
