"""Lazy list models over the database: they fetch rows a page at a time as the view scrolls.

The rows are the core's frozen row objects; views paint them through delegates.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the frozen row object
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # its database id
CHECKED_ROLE = Qt.ItemDataRole.UserRole + 3  # in the moderator's selection (the queue)

Fetch = Callable[[int, int], Sequence[Any]]  # (offset, limit) -> rows
Describe = Callable[[Any], str]  # row -> text for screen readers and keyboard search

PAGE_SIZE = 200


class PagedListModel(QAbstractListModel):
    def __init__(self, fetch: Fetch, describe: Describe, parent=None):
        super().__init__(parent)
        self._fetch = fetch
        self._describe = describe
        self._rows: list[Any] = []
        self._exhausted = False

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._describe(row)
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        page = self._fetch(len(self._rows), PAGE_SIZE)
        self._exhausted = len(page) < PAGE_SIZE
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def reload(self, fetch: Fetch | None = None) -> None:
        """Start again from the first page (after a filter or sort change, or F5)."""
        self.beginResetModel()
        self._fetch = fetch or self._fetch
        self._rows, self._exhausted = [], False
        self.endResetModel()
        self.fetchMore()

    def row_of(self, row_id: int) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.id == row_id), None)

    def replace(self, new_row: Any) -> None:
        """Show a changed row in place (a decided comment stays where it was until refresh)."""
        position = self.row_of(new_row.id)
        if position is not None:
            self._rows[position] = new_row
            index = self.index(position)
            self.dataChanged.emit(index, index)

    def ids_among(self, wanted: set[int]) -> list[int]:
        """Which of these ids have a row here (loaded so far)."""
        return [row.id for row in self._rows if row.id in wanted]
