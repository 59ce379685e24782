"""The Articles tab: every article newest first, with its comment counts, read a keyset page
at a time as the moderator scrolls (20,000 articles are never read at once)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from moderator.changes import Changes
from moderator.gui.common.delegates import ArticleDelegate
from moderator.gui.common.reading import Read
from moderator.gui.models.listmodels import KeysetListModel, highlight, highlighted_id
from moderator.reading import queries
from moderator.reading.rows import ArticleRow


def describe(row: ArticleRow) -> str:
    return f"{row.headline}. {row.pending} pending"


class ArticleList(QListView):
    article_chosen = Signal(int)  # the moderator picked this article (arrows, a click, j / k)

    def __init__(self, read: Read, parent: QWidget | None = None):
        super().__init__(parent)
        self._read = read
        self.articles = KeysetListModel(read, describe, queries.article_page, self)
        self.setModel(self.articles)
        self.setItemDelegate(ArticleDelegate(self))
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # cards follow the column's width
        self.setAccessibleName("Articles")
        self.selectionModel().selectionChanged.connect(self._selection_changed)

    def reload(self) -> None:
        self.articles.reload()

    def current_article_id(self) -> int | None:
        """The article the list highlights."""
        return highlighted_id(self)

    def highlight(self, article_id: int | None) -> None:
        """Highlight this article if it is loaded, else none (reading all 20,000 to find it is not worth it)."""
        row = self.articles.row_of(article_id) if article_id is not None else None
        highlight(self, self.articles.index(row) if row is not None else QModelIndex())

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if (article_id := highlighted_id(self)) is not None:
            self.article_chosen.emit(article_id)

    def on_changes(self, changes: Changes) -> None:
        """New counts for the loaded articles whose comments changed (most of 20,000 are not loaded)."""
        if changes.everything:
            self.reload()
            return
        for article_id in self.articles.ids_among(changes.article_ids) if changes.decided else ():
            row = changes.articles.get(article_id) or self._read(partial(queries.article_row, article_id=article_id))
            if row is not None:
                self.articles.replace(row)
