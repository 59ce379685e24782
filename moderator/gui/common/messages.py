"""Messages to the moderator: always plain text (they may quote comment text)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def show_plain_message(parent: QWidget | None, title: str, text: str,
                       icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote comment text
    box.exec()
