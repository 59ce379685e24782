"""The queue as a lazy list model over comment ids.

It holds the ids of the queue in order, fetched in big keyset steps as the view
scrolls (`canFetchMore` / `fetchMore`), and reads the rows of the ids the view paints, a
small page at a time, into a bounded cache. SQL sorts, filters and counts
(moderator/reading/queue.py); nothing here ever holds all rows, and ids past the scrolled part
are never read.

The moderator's selection (x, Shift+j / Shift+k, Ctrl+A, a histogram band) is a set of
ids kept here, so it can hold comments that are not on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from sqlalchemy.orm import Session

from moderator.gui.common.reading import Read
from moderator.gui.common.translation import translate
from moderator.gui.models.listmodels import CHECKED_ROLE, ID_ROLE, ROW_ROLE
from moderator.reading import queue
from moderator.reading.queue import QueueQuery
from moderator.reading.rows import CommentRow

# Ids per fetch, growing: the first rows paint at once, a long scroll takes few reads.
ID_STEPS = (200, 1_000, 5_000)
ROW_PAGE = 50  # rows read at once when the view paints one not yet read
ROW_CACHE = 3_000  # rows kept; beyond this the cache starts again


@dataclass(frozen=True)
class Opening:
    """A queue's top, read in one go: its first ids and the rows the view will paint first
    (the top's, and those around the comment to highlight), so showing it reads nothing."""

    query: QueueQuery
    ids: list[int]
    cursor: queue.Cursor | None
    rows: dict[int, CommentRow]


def opening(session: Session, query: QueueQuery, around: int | None = None) -> Opening:
    """What the model shows first of `query`; `around`: the comment to highlight, if listed."""
    ids, cursor = queue.page_ids(session, query, None, ID_STEPS[0])
    at = ids.index(around) if around in ids else 0
    wanted = ids[:ROW_PAGE] + ids[max(ROW_PAGE, at - ROW_PAGE):at + ROW_PAGE]
    return Opening(query, ids, cursor, {row.id: row for row in queue.rows(session, query, wanted)})


class QueueModel(QAbstractListModel):
    def __init__(self, read: Read, describe: Callable[[CommentRow], str], parent: QObject | None = None):
        super().__init__(parent)
        self._read, self._describe = read, describe
        self.query: QueueQuery | None = None
        self._ids: list[int] = []
        self._position: dict[int, int] = {}
        self._cursor: queue.Cursor | None = None
        self._exhausted, self._fetches = True, 0
        self._rows: dict[int, CommentRow] = {}  # a queue page's QueueRows, or a changed comment's row
        self.checked: set[int] = set()

    # ---- the query ----------------------------------------------------------------

    def set_query(self, query: QueueQuery, opened: Opening | None = None) -> None:
        """Show another queue, sort or filter from its top (the selection is cleared): `opened`
        if it was read already (off the GUI thread), else read now."""
        if opened is None or opened.query != query:
            opened = self._read(lambda s: opening(s, query))
        self.beginResetModel()
        self.query, self.checked = query, set()
        self._ids, self._rows, self._cursor = list(opened.ids), dict(opened.rows), opened.cursor
        self._position = {cid: i for i, cid in enumerate(self._ids)}
        self._exhausted, self._fetches = len(opened.ids) < ID_STEPS[0], 1
        self.endResetModel()

    # ---- Qt's model interface --------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role == CHECKED_ROLE:
            return self._ids[index.row()] in self.checked
        if role == ROW_ROLE:
            return self.row_at(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            row = self.row_at(index.row())
            described = self._describe(row) if row else ""
            checked = role == Qt.ItemDataRole.AccessibleTextRole and self._ids[index.row()] in self.checked
            return translate("QueueModel", "Selected. {comment}").format(comment=described) if checked else described
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex(), at_least: int = 0) -> None:
        if self._exhausted or self.query is None:
            return
        query, cursor = self.query, self._cursor
        step = max(ID_STEPS[min(self._fetches, len(ID_STEPS) - 1)], at_least)
        found, self._cursor = self._read(lambda s: queue.page_ids(s, query, cursor, step))
        self._exhausted, self._fetches = len(found) < step, self._fetches + 1
        found = [cid for cid in found if cid not in self._position]  # a re-scored comment may come round again
        if found:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(found) - 1)
            self._ids.extend(found)
            self._position.update((cid, first + i) for i, cid in enumerate(found))
            self.endInsertRows()

    # ---- rows ------------------------------------------------------------------------------

    def row_at(self, position: int) -> CommentRow | None:
        comment_id = self._ids[position]
        if comment_id not in self._rows:
            self._read_rows(position)
        return self._rows.get(comment_id)

    def _read_rows(self, position: int) -> None:
        """The row asked for and the next ones the view will paint, in one read."""
        query = self.query
        if query is None:  # no queue shown: no ids to read
            return
        if len(self._rows) > ROW_CACHE:
            self._rows = {}
        wanted = [cid for cid in self._ids[position:position + ROW_PAGE] if cid not in self._rows]
        self._rows.update((row.id, row) for row in self._read(lambda s: queue.rows(s, query, wanted)))

    def row_of(self, comment_id: int) -> int | None:
        return self._position.get(comment_id)

    def id_at(self, position: int) -> int:
        return self._ids[position]

    def is_read(self, comment_id: int) -> bool:
        """Is this comment's row in the cache (on screen or near it)?"""
        return comment_id in self._rows

    def replace(self, new_row: CommentRow) -> None:
        """Show a changed row in place (a decided comment stays where it was until a reload)."""
        position = self.row_of(new_row.id)
        if position is not None:
            self._rows[new_row.id] = new_row
            index = self.index(position)
            self.dataChanged.emit(index, index)

    def fetch_through(self, position: int) -> bool:
        """Fetch ids until `position` exists (a jump deep into the queue); False past the end."""
        while position >= len(self._ids) and self.canFetchMore():
            self.fetchMore(at_least=position + ID_STEPS[0] - len(self._ids))  # in one read, with some to spare
        return position < len(self._ids)

    # ---- the moderator's selection ----------------------------------------------------------

    def set_checked(self, comment_ids: Iterable[int], checked: bool = True) -> None:
        changed = set(comment_ids)
        self.checked = self.checked | changed if checked else self.checked - changed
        self._repaint_checks(changed)

    def toggle_checked(self, comment_id: int) -> bool:
        self.set_checked([comment_id], comment_id not in self.checked)
        return comment_id in self.checked

    def replace_checked(self, comment_ids: Iterable[int]) -> None:
        """The selection becomes exactly these (Ctrl+A, a histogram band, Esc with none)."""
        changed = self.checked.symmetric_difference(comment_ids)
        self.checked = set(comment_ids)
        self._repaint_checks(changed)

    def _repaint_checks(self, changed: set[int]) -> None:
        positions = [p for p in (self._position.get(cid) for cid in changed) if p is not None]
        if positions:
            self.dataChanged.emit(self.index(min(positions)), self.index(max(positions)), [CHECKED_ROLE])
