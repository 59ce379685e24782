"""The window's status bar: a sentence too long for the room left of the permanent widgets (the
progress panel while scoring runs, the sites' "Offline · 37 to send") ends in "…" instead of
running under them, and the whole sentence is the bar's tool tip.

QStatusBar draws its message itself, clipped at the bar's edge and under its permanent
widgets; only the drawing of a message that does not fit is done here, as Qt does it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizeGrip, QStatusBar, QStyle, QStyleOption, QWidget

LEFT, RIGHT = 6, 12  # Qt's own margins of a status bar's message


class ElidingStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.messageChanged.connect(lambda _message: self.update())

    def message_rect(self) -> QRect:
        """Where the message goes: from the bar's start to the first permanent widget shown."""
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        left, right = LEFT, self.width() - RIGHT
        for widget in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if widget.isVisible():  # the permanent widgets and the size grip (the others hide under a message)
                if rtl:
                    left = max(left, widget.geometry().right() + 2)
                else:
                    right = min(right, widget.x() - 2)
        return QRect(left, 0, max(right - left, 0), self.height())

    def shown_message(self) -> str:
        """The message as drawn: elided to its room."""
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideRight, self.message_rect().width())

    def paintEvent(self, event: QPaintEvent) -> None:
        message, shown = self.currentMessage(), self.shown_message()
        self.setToolTip(message if shown != message else "")
        if shown == message:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        for widget in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if widget.isVisible() and not isinstance(widget, QSizeGrip):
                frame = QStyleOption()
                frame.rect, frame.palette = widget.geometry().adjusted(-2, -1, 2, 1), self.palette()
                self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, painter, widget)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self.message_rect(), Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
                         | Qt.TextFlag.TextSingleLine, shown)
