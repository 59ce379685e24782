"""Lazy list models over the database: a keyset page at a time as the view scrolls.

`KeysetListModel` is the one paging scheme of the lists of rows (articles, a commenter's
comments): it asks its fetch for the rows after the cursor where the last page ended,
through the window's `read`, so a page deep down costs what the first does. The queue
(gui/queue/model.py) and the audit log (gui/audit/model.py) page the same way, holding
ids or table cells. Rows are the core's frozen rows; views paint them through delegates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QItemSelectionModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QListView
from sqlalchemy.orm import Session

from moderator.gui.common.reading import Read

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the frozen row object
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # its database id
CHECKED_ROLE = Qt.ItemDataRole.UserRole + 3  # in the moderator's selection (the queue)

# (session, the cursor where the last page ended or None, how many) -> (rows, the new cursor)
Fetch = Callable[[Session, Any, int], tuple[Sequence[Any], Any]]
Describe = Callable[[Any], str]  # row -> text for screen readers and keyboard search

PAGE_SIZE = 200


def no_rows(_session: Session, _after: Any, _limit: int) -> tuple[Sequence[Any], Any]:
    return [], None


class KeysetListModel(QAbstractListModel):
    def __init__(self, read: Read, describe: Describe, fetch: Fetch = no_rows, parent: QObject | None = None):
        super().__init__(parent)
        self._read, self._describe, self._fetch = read, describe, fetch
        self._rows: list[Any] = []
        self._cursor: Any = None
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
        fetch, after = self._fetch, self._cursor
        page, cursor = self._read(lambda session: fetch(session, after, PAGE_SIZE))
        self._add(page, cursor)

    def _add(self, page: Sequence[Any], cursor: Any) -> None:
        self._exhausted, self._cursor = len(page) < PAGE_SIZE, cursor
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def reload(self, fetch: Fetch | None = None, first_page: tuple[Sequence[Any], Any] | None = None) -> None:
        """Start again from the top (after a filter change, or F5), with another fetch if
        given; `first_page` is its first page when the caller has read it already."""
        self.beginResetModel()
        self._fetch = fetch or self._fetch
        self._rows, self._cursor, self._exhausted = [], None, False
        self.endResetModel()
        if first_page is not None:
            self._add(*first_page)
        else:
            self.fetchMore()

    def fetch_through(self, position: int) -> bool:
        """Fetch pages until `position` exists; False past the end."""
        while position >= len(self._rows) and self.canFetchMore():
            self.fetchMore()
        return position < len(self._rows)

    def row_of(self, row_id: int) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.id == row_id), None)

    def replace(self, new_row: Any) -> None:
        """Show a changed row in place (a decided comment stays where it was until a reload)."""
        position = self.row_of(new_row.id)
        if position is not None:
            self._rows[position] = new_row
            index = self.index(position)
            self.dataChanged.emit(index, index)

    def ids_among(self, wanted: set[int] | frozenset[int]) -> list[int]:
        """Which of these ids have a row here (loaded so far)."""
        return [row.id for row in self._rows if row.id in wanted]


def step_list(view: QListView, forward: bool, passes_over: Callable[[int], bool] | None = None) -> bool:
    """The next (or previous) row of a lazy list (its model has `fetch_through`), fetching
    as it goes; False at either end. With nothing chosen yet, it starts where the view stands.
    `passes_over`: rows (by number) to step past, e.g. comments another moderator holds."""
    current, model = view.currentIndex(), view.model()
    if not highlighted(view).isValid():
        row = max(current.row(), 0)
    else:
        row = current.row() + (1 if forward else -1)
    while row >= 0 and model.fetch_through(row) and passes_over is not None and passes_over(row):  # type: ignore[attr-defined]
        row += 1 if forward else -1
    if row < 0 or not model.fetch_through(row):  # type: ignore[attr-defined]
        return False
    highlight(view, model.index(row, 0))
    return True


# A view highlights one row: its current row, selected. Moves and reloads that leave the
# current row unselected (a model reset, the focus coming back to an emptied list) highlight
# nothing; the unselected current row is only where j / k start from.


def highlighted(view: QAbstractItemView) -> QModelIndex:
    """The row the view highlights (its current row, if selected), or an invalid index."""
    index = view.currentIndex()
    return index if index.isValid() and view.selectionModel().isSelected(index) else QModelIndex()


def highlight(view: QAbstractItemView, index: QModelIndex) -> None:
    """Highlight this row, scrolled into view, or none when `index` is invalid: the
    selection is cleared and the current row stays as the place to start from. A row
    highlighted already is left where the moderator scrolled it."""
    selection = view.selectionModel()
    if not index.isValid():
        if selection.hasSelection():
            selection.clearSelection()
    elif highlighted(view) != index:
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        view.scrollTo(index)


def highlighted_id(view: QAbstractItemView) -> int | None:
    index = highlighted(view)
    return index.data(ID_ROLE) if index.isValid() else None
