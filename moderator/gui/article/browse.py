"""The Articles tab: the article list with its search by headline, its filters and its sort
(moderator/reading/articles.py reads them, a keyset page at a time)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from moderator.gui.article.listview import ArticleList
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.reading.articles import ArticleFilter, ArticleSort

SORT_NAMES = {ArticleSort.NEWEST: QT_TRANSLATE_NOOP("ArticlesTab", "Newest first"),
              ArticleSort.MOST_PENDING: QT_TRANSLATE_NOOP("ArticlesTab", "Most pending first"),
              ArticleSort.HIGHEST: QT_TRANSLATE_NOOP("ArticlesTab", "Highest score first")}
SEARCH_PAUSE_MS = 200  # read the list again once typing pauses


class ArticlesTab(QWidget):
    """Search box, "With comments" / "With pending" (on by default), the sort, then the list."""

    def __init__(self, articles: ArticleList, parent: QWidget | None = None):
        super().__init__(parent)
        self.list = articles
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(translate("ArticlesTab", "Search headlines"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(translate("ArticlesTab", "Search article headlines"))
        self.search.installEventFilter(self)
        self.with_comments = QCheckBox(translate("ArticlesTab", "With &comments"), self)
        self.with_pending = QCheckBox(translate("ArticlesTab", "With &pending"), self)
        self.with_pending.setChecked(articles.wanted.with_pending)
        self.sort = QComboBox(self)
        self.sort.setAccessibleName(translate("ArticlesTab", "Sort articles"))
        for sort, name in SORT_NAMES.items():
            self.sort.addItem(translate("ArticlesTab", name), sort)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(SEARCH_PAUSE_MS)
        self._typing.timeout.connect(self.apply)
        self.search.textChanged.connect(lambda _text: self._typing.start())
        self.with_comments.toggled.connect(lambda _on: self.apply())
        self.with_pending.toggled.connect(lambda _on: self.apply())
        self.sort.currentIndexChanged.connect(lambda _i: self.apply())
        self._lay_out()

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.with_comments)
        filters.addWidget(self.with_pending)
        filters.addStretch(1)
        filters.addWidget(self.sort)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.list)

    def wanted(self) -> ArticleFilter:
        return ArticleFilter(headline=self.search.text().strip(), with_comments=self.with_comments.isChecked(),
                             with_pending=self.with_pending.isChecked(), sort=ArticleSort(self.sort.currentData()))

    def apply(self) -> None:
        self._typing.stop()
        self.list.set_filter(self.wanted())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter searches at once and Esc leaves the box for the list, so the next keys are the list's."""
        if watched is self.search and isinstance(event, QKeyEvent) and not event.modifiers():
            if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return,
                                                                        Qt.Key.Key_Enter):
                self.apply()
                self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
        return super().eventFilter(watched, event)
