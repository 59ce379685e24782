"""The comment thread of one article as a tree: replies under the comment they answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from moderator.gui.models.listmodels import ID_ROLE, ROW_ROLE
from moderator.reading.rows import CommentRow


@dataclass(eq=False)
class Node:
    row: CommentRow | None
    parent: Node | None = None
    position: int = 0  # among its parent's children (a thread is rebuilt, never reordered)
    children: list[Node] = field(default_factory=list)


def describe_comment(row: CommentRow) -> str:
    staff = " (staff)" if row.is_staff else ""
    return f"{row.author}{staff}, {row.status}: {row.body}"


class ThreadModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._root = Node(None)
        self._nodes: dict[int, Node] = {}

    def set_rows(self, rows: list[CommentRow]) -> None:
        """Rows come oldest first; a reply whose parent is not shown goes to the top level."""
        self.beginResetModel()
        for node in self._nodes.values():
            node.parent = None  # no cycles left behind: the old thread is freed at once, not by the collector
        self._root, self._nodes = Node(None), {}
        for row in rows:
            parent = self._nodes.get(row.parent_id, self._root) if row.parent_id is not None else self._root
            node = Node(row, parent, len(parent.children))
            parent.children.append(node)
            self._nodes[row.id] = node
        self.endResetModel()

    def comment_ids(self) -> list[int]:
        return list(self._nodes)

    def rows(self) -> list[CommentRow]:
        return [node.row for node in self._nodes.values() if node.row is not None]

    def index_of(self, comment_id: int) -> QModelIndex:
        node = self._nodes.get(comment_id)
        return QModelIndex() if node is None else self.createIndex(node.position, 0, node)

    def replace(self, row: CommentRow) -> None:
        node = self._nodes.get(row.id)
        if node is not None:
            node.row = row
            index = self.index_of(row.id)
            self.dataChanged.emit(index, index)

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        parent_node = self._node(parent)
        if column != 0 or not 0 <= row < len(parent_node.children):
            return QModelIndex()
        return self.createIndex(row, 0, parent_node.children[row])

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = index.internalPointer().parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.position, 0, parent)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return len(self._node(parent).children)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.internalPointer().row
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return describe_comment(row)
        return None

    def _node(self, index: QModelIndex | QPersistentModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self._root
