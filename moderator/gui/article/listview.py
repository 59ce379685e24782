"""The Articles tab's list: the articles its filter picks (newest first by default, those with
pending comments), with their comment counts, read a keyset page at a time as the moderator
scrolls (20,000 articles are never read at once). moderator/gui/article/browse.py holds the
search box, filters and sort above it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget
from sqlalchemy.orm import Session

from moderator.changes import Changes
from moderator.gui.common.delegates import ArticleDelegate
from moderator.gui.common.reading import Query, Read
from moderator.gui.common.translation import translate
from moderator.gui.models.listmodels import ID_ROLE, PAGE_SIZE, KeysetListModel, highlight, highlighted_id
from moderator.gui.workers.latest import Latest
from moderator.gui.workers.writer import Reader
from moderator.reading import articles, queries
from moderator.reading.articles import ArticleCursor, ArticleFilter, date_note
from moderator.reading.rows import ArticleRow

SCORES_SETTLE_MS = 1000  # while scores land, the cards on screen are read again at most this often


@dataclass(frozen=True)
class FirstPage:
    """The list's top as a filter and model pick it, read in one go (off the GUI thread for a pull)."""

    wanted: ArticleFilter
    model_id: int | None
    page: tuple[Sequence[ArticleRow], ArticleCursor | None]


def rows_of(session: Session, article_ids: list[int], model_id: int | None) -> list[ArticleRow]:
    return [row for article_id in article_ids if (row := queries.article_row(session, article_id, model_id)) is not None]


def describe(row: ArticleRow) -> str:
    top = translate("ArticleList", ", highest score {score}").format(score=f"{row.highest:.2f}") if row.highest is not None \
        else ""
    unscored = translate("ArticleList", ", {count} unscored").format(count=row.unscored) if row.unscored else ""
    note = f", {note}" if (note := date_note(row.published_at)) else ""
    return translate("ArticleList", "{headline}. {count} pending").format(headline=row.headline, count=row.pending) + \
        top + unscored + note


class ArticleList(QListView):
    article_chosen = Signal(int)  # the moderator picked this article (arrows, a click, j / k)

    def __init__(self, read: Read, reader: Reader, parent: QWidget | None = None,
                 model_id: Callable[[], int | None] = lambda: None):
        super().__init__(parent)
        self._read, self._model_id = read, model_id
        self._on_screen_answer = Latest(reader, again_if_overtaken=True)
        self.wanted = ArticleFilter()
        self.articles = KeysetListModel(read, describe, self._page, self)
        self._scores_landed = QTimer(self)
        self._scores_landed.setSingleShot(True)
        self._scores_landed.setInterval(SCORES_SETTLE_MS)
        self._scores_landed.timeout.connect(self._reread_on_screen)
        self.setModel(self.articles)
        self.setItemDelegate(ArticleDelegate(self))
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # cards follow the column's width
        self.setAccessibleName(translate("ArticleList", "Articles"))
        self.selectionModel().selectionChanged.connect(self._selection_changed)

    def reload(self) -> None:
        self.articles.reload()

    def empty_text(self) -> str:
        """What an empty list says: why nothing is listed, and what lists more."""
        wanted = self.wanted
        if wanted.headline:
            if wanted.with_pending:
                return translate("ArticleList", "No article’s headline holds “{words}” among those with pending "
                                                "comments.").format(words=wanted.headline)
            return translate("ArticleList", "No article’s headline holds “{words}”.").format(words=wanted.headline)
        if wanted.with_pending:
            return translate("ArticleList", "No article has comments waiting for a decision. Untick “With pending” to list "
                                            "every article.")
        if wanted.with_comments:
            return translate("ArticleList", "No article has comments yet.")
        return translate("ArticleList", "No articles yet: File → Import comments… brings in an export.")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.articles.rowCount() == 0:  # an empty list says why, rather than looking broken
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            painter.drawText(self.viewport().rect().adjusted(12, 12, -12, -12),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                             self.empty_text())
            painter.end()

    def set_filter(self, wanted: ArticleFilter) -> None:
        """List the articles `wanted` picks, in its order, from the top; the highlighted one stays
        highlighted if it is among the first page."""
        if wanted == self.wanted:
            return
        highlighted = self.current_article_id()
        self.wanted = wanted
        self.articles.reload()
        if highlighted is not None and self.articles.row_of(highlighted) is not None:
            self.blockSignals(True)  # the same article: nothing to open again
            self.highlight(highlighted)
            self.blockSignals(False)

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

    def _page(self, session: Session, after: ArticleCursor | None, limit: int) -> tuple[list[ArticleRow], ArticleCursor | None]:
        return articles.article_page(session, self.wanted, after, limit, self._model_id())

    def to_read(self, changes: Changes) -> Query | None:
        """What a change makes the list read (workers/changefeed.py): its top again, or the
        loaded articles whose comments were decided that the write did not read."""
        if changes.everything:
            wanted, model_id = self.wanted, self._model_id()
            return lambda s: FirstPage(wanted, model_id, articles.article_page(s, wanted, None, PAGE_SIZE, model_id))
        missing = [a for a in self.articles.ids_among(changes.article_ids) if a not in changes.articles]
        if changes.decided and missing:
            model_id = self._model_id()
            return lambda s: rows_of(s, missing, model_id)
        return None

    def on_read(self, changes: Changes, answer: Any) -> None:
        """The top again, or new counts for the loaded articles whose comments changed (most
        of 20,000 are not loaded); scores landing: the cards on screen, in a while."""
        if changes.everything:
            if answer.wanted == self.wanted and answer.model_id == self._model_id():
                self.articles.reload(first_page=answer.page)
            return
        if changes.scores and not self._scores_landed.isActive():
            self._scores_landed.start()
        if changes.decided:
            for row in [*changes.articles.values(), *(answer or [])]:
                self.articles.replace(row)

    def _reread_on_screen(self) -> None:
        """The cards on screen, read again off the GUI thread (highest score, unscored counts)."""
        top, bottom = self.indexAt(self.viewport().rect().topLeft()), self.indexAt(self.viewport().rect().bottomLeft())
        if not top.isValid():
            return
        last = bottom.row() if bottom.isValid() else self.articles.rowCount() - 1
        ids = [self.articles.index(i).data(ID_ROLE) for i in range(top.row(), last + 1)]
        model_id = self._model_id()
        self._on_screen_answer.ask(lambda s: rows_of(s, ids, model_id), self._replace_rows)

    def _replace_rows(self, rows: list[ArticleRow]) -> None:
        for row in rows:
            self.articles.replace(row)
