"""A grid of equal buttons in as many columns as their words allow (at most `columns`): two
side by side when the widest fits twice across, else one under the other. A fixed two-column
grid cut German's longer words ("Als Redaktion antworten", "Zurückstellen") in a narrow panel;
this gives every button the width its text needs, and the panel may still be narrow."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QWidget

from moderator.gui.common.itemslayout import ItemsLayout


class ColumnsLayout(ItemsLayout):
    def __init__(self, parent: QWidget | None = None, columns: int = 2, spacing: int = 6):
        super().__init__(parent)
        self._columns, self._gap = columns, spacing

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(self.contentsRect() if rect.isNull() else rect.marginsRemoved(self.contentsMargins()), move=True)

    def sizeHint(self) -> QSize:
        widest, tallest = self._cell()
        across = min(self._columns, max(1, len(self._items)))
        return self._margined(QSize(across * widest + (across - 1) * self._gap, tallest))

    def minimumSize(self) -> QSize:
        return self._margined(QSize(*self._cell()))  # one column: the widest button whole

    def columns_for(self, width: int) -> int:
        """How many columns fit in `width`: each as wide as the widest button wants."""
        widest, _tallest = self._cell()
        fitting = (width + self._gap) // (widest + self._gap) if widest else self._columns
        return max(1, min(self._columns, fitting))

    def _cell(self) -> tuple[int, int]:
        hints = [item.sizeHint() for item in self._items if not item.isEmpty()]
        return max((h.width() for h in hints), default=0), max((h.height() for h in hints), default=0)

    def _margined(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the visible items out in rows of `columns_for(width)` (or only measure); the height."""
        shown = [item for item in self._items if not item.isEmpty()]
        columns = self.columns_for(rect.width())
        width = (rect.width() - (columns - 1) * self._gap) // columns
        height = self._cell()[1]
        for index, item in enumerate(shown):
            row, column = divmod(index, columns)
            if move:
                item.setGeometry(QRect(QPoint(rect.x() + column * (width + self._gap), rect.y() + row * (height + self._gap)),
                                       QSize(width, height)))
        rows = (len(shown) + columns - 1) // columns
        margins = self.contentsMargins()
        return rows * height + max(0, rows - 1) * self._gap + margins.top() + margins.bottom()
