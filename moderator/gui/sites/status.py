"""The status bar's word on the connected sites: "Offline · 37 to send", "Synced 14:02 · 0 to
send", "2 held"; clicking it opens the Sync log. Counts are read off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from moderator.connectors.connections import ConnectionRow
from moderator.gui.common import look
from moderator.gui.common.translation import translate


def describe(rows: list[ConnectionRow]) -> str:
    on = [row for row in rows if row.enabled]
    if not rows:
        return ""
    to_send, held = sum(row.to_send for row in rows), sum(row.held for row in rows)
    if not on:
        state = translate("SiteStatus", "Sites off")
    elif any(row.offline for row in on):
        state = translate("SiteStatus", "Offline")
    elif any(row.last_error for row in on):
        state = translate("SiteStatus", "Sync failed")
    else:
        pulled = [row.last_pull_at for row in on if row.last_pull_at]
        state = translate("SiteStatus", "Synced {time}").format(time=f"{max(pulled).astimezone():%H:%M}") if pulled \
            else translate("SiteStatus", "Not synced yet")
    said = translate("SiteStatus", "{state} · {count} to send").format(state=state, count=look.number(to_send))
    return said + (translate("SiteStatus", " · {count} held").format(count=look.number(held)) if held else "")


class SiteStatus(QLabel):
    clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(translate("SiteStatus", "Connected sites"))
        self.setToolTip(translate("SiteStatus", "Connected sites: click for the Sync log (F9 syncs now)"))

    def show_rows(self, rows: list[ConnectionRow]) -> None:
        self.setText(describe(rows))
        self.setVisible(bool(rows))
        errors = [f"{row.site_key}: {row.last_error}" for row in rows if row.last_error]
        self.setToolTip("\n".join(errors) or translate("SiteStatus", "Connected sites: click for the Sync log (F9 syncs now)"))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)


class SyncLog(QWidget):
    """Every sync run's summary, newest last, as plain text."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(translate("SiteStatus", "Sync log"))
        self.resize(720, 360)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(translate("SiteStatus", "Sync log"))
        self.text.setMaximumBlockCount(2000)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)

    def add(self, line: str) -> None:
        self.text.appendPlainText(line)
