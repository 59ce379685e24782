"""What a hand-written QLayout always needs: its items kept in a list, and its height for a
width measured by the same placing routine that lays the items out (FlowLayout, ColumnsLayout)."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class ItemsLayout(QLayout):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in `rect` (or only measure, move=False); the height they take."""
        raise NotImplementedError
