"""The Articles tab: every article newest first, with its comment counts, read a keyset page
at a time as the moderator scrolls (20,000 articles are never read at once)."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from moderator.changes import Changes
from moderator.gui.common.delegates import ArticleDelegate
from moderator.gui.common.reading import Read
from moderator.gui.models.listmodels import ID_ROLE, KeysetListModel
from moderator.reading import queries
from moderator.reading.rows import ArticleRow


def describe(row: ArticleRow) -> str:
    return f"{row.headline}. {row.pending} pending"


class ArticleList(QListView):
    def __init__(self, read: Read, parent: QWidget | None = None):
        super().__init__(parent)
        self._read = read
        self.articles = KeysetListModel(read, describe, queries.article_page, self)
        self.setModel(self.articles)
        self.setItemDelegate(ArticleDelegate(self))
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAccessibleName("Articles")

    def reload(self) -> None:
        self.articles.reload()

    def current_article_id(self) -> int | None:
        index = self.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def on_changes(self, changes: Changes) -> None:
        """New counts for the loaded articles whose comments changed (most of 20,000 are not loaded)."""
        if changes.everything:
            self.reload()
            return
        for article_id in self.articles.ids_among(changes.article_ids) if changes.decided else ():
            row = changes.articles.get(article_id) or self._read(partial(queries.article_row, article_id=article_id))
            if row is not None:
                self.articles.replace(row)
