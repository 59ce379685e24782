"""The selected article as a reader sees it, then its comment thread as a tree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from moderator.changes import Changes
from moderator.gui.article.premoderation import PremoderationBar
from moderator.gui.article.threadmodel import ThreadModel
from moderator.gui.comment.hittext import ThreadHits
from moderator.gui.common import look
from moderator.gui.common.delegates import CommentDelegate
from moderator.gui.common.reading import ActiveModel, Query, Read, changed_rows, rows_to_read
from moderator.gui.common.translation import translate
from moderator.gui.models.listmodels import highlight, highlighted, highlighted_id
from moderator.reading import queries
from moderator.reading.rows import ArticleDetail, CommentRow
from moderator.vocabulary import Status

THREAD_PAGE, EMPTY_PAGE = 0, 1


@dataclass(frozen=True)
class ThreadRead:
    """An article's whole thread, read again (a comment appeared in it or left it, a pull)."""

    article_id: int
    rows: list[CommentRow]


class ThreadView(QTreeView):
    """A tree whose rows re-measure when the width changes (their text wraps)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()


class ArticleView(QWidget):
    comment_selected = Signal(int)  # the moderator moved to this comment in the thread (j / k, arrows, a click)
    first_comment_posted = Signal(int, str)  # article id, text

    def __init__(self, read: Read, active: ActiveModel, parent: QWidget | None = None):
        super().__init__(parent)
        self._read, self._active = read, active
        self.article: ArticleDetail | None = None
        self.reader = QTextBrowser(self)
        self.reader.setOpenLinks(False)
        self.reader.setAccessibleName(translate("ArticleView", "Article text"))
        self.model = ThreadModel(self)
        self.hits = ThreadHits(read)
        self.tree = self._make_tree()
        self.thread_title = QLabel(self)
        self.thread_title.setTextFormat(Qt.TextFormat.PlainText)
        self.thread_title.setFont(look.bold(self.font()))
        self.premoderation = PremoderationBar(read, self)  # pre- or post-moderated, overridable here (issue 14)
        self.empty = EmptyThread(self)
        self.empty.posted.connect(self._first_comment_written)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._thread_page())
        self.stack.addWidget(self.empty)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.reader)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _first_comment_written(self, text: str) -> None:
        if self.article is not None:  # the empty thread's box shows only under an open article
            self.first_comment_posted.emit(self.article.id, text)

    def _make_tree(self) -> ThreadView:
        tree = ThreadView(self)
        tree.setModel(self.model)
        tree.setHeaderHidden(True)
        tree.setUniformRowHeights(False)
        tree.setIndentation(22)
        tree.setItemDelegate(CommentDelegate(tree, max_body_lines=8, show_article=False, priority_of=self._active.priority_of,
                                             marks_of=self.hits.marks))  # rule hits highlighted
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        tree.setAccessibleName(translate("ArticleView", "Comment thread"))
        tree.selectionModel().selectionChanged.connect(self._selection_changed)
        return tree

    def _thread_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        title_row = QHBoxLayout()
        self.thread_title.setMinimumWidth(40)  # with the pre-moderation beside it, the column no wider at least than before
        title_row.addWidget(self.thread_title, 1)
        title_row.addWidget(self.premoderation)
        layout.addLayout(title_row)
        layout.addWidget(self.tree)
        return page

    def open(self, article_id: int) -> None:
        """Read the article and its thread, and show them."""
        model_id = self._active.model_id
        self.article, rows = self._read(lambda s: (queries.article_detail(s, article_id),
                                                   queries.thread(s, article_id, model_id)))
        render_article(self.reader, self.article)
        self.premoderation.show_article(article_id)
        self.set_thread(rows)

    def rules_changed(self) -> None:
        """A word list changed: the thread's hits are found again as its cards are painted."""
        self.hits.forget()
        self.tree.viewport().update()

    def set_thread(self, rows: list[CommentRow]) -> None:
        """Show these rows; none is highlighted until the window says which is current
        (gui/current.py): a thread read again never chooses a comment by itself."""
        self.model.set_rows(rows)
        self.tree.expandAll()
        self._show_title()
        self.stack.setCurrentIndex(THREAD_PAGE if rows else EMPTY_PAGE)
        if self.article is not None:
            self.empty.set_prompt(self.article.comment_prompt, self.article.comment_call)

    def _show_title(self) -> None:
        rows = self.model.rows()
        pending = sum(1 for r in rows if r.status == Status.PENDING)
        self.thread_title.setText(translate("ArticleView", "Comments · {count} ({pending} pending)").format(
            count=len(rows), pending=pending))

    def to_read(self, changes: Changes) -> Query | None:
        """What a change makes the open thread read (workers/changefeed.py): all of it when a
        comment appeared in it or left it, else the changed rows it shows the write did not read."""
        if self.article is None:
            return None
        article_id, model_id = self.article.id, self._active.model_id
        if changes.everything or changes.thread_shape and article_id in changes.article_ids:
            return lambda s: ThreadRead(article_id, queries.thread(s, article_id, model_id))
        return rows_to_read(changes, self._shows, model_id)

    def on_read(self, changes: Changes, answer: Any) -> None:
        """The thread read again, or changed comments repainted in place (a decided comment
        keeps its place in the thread); dropped if another article was opened meanwhile."""
        if self.article is None:
            return
        if isinstance(answer, ThreadRead):
            if answer.article_id == self.article.id and answer.rows != self.model.rows():  # unchanged: no new layout
                self.set_thread(answer.rows)
            return
        for row in changed_rows(changes, self._shows, answer):
            self.model.replace(row)
        if changes.decided and self.article.id in changes.article_ids:
            self._show_title()

    def _shows(self, comment_id: int) -> bool:
        return self.model.index_of(comment_id).isValid()

    def highlight(self, comment_id: int | None) -> bool:
        """Highlight this comment if the thread holds it, else none; True if it does."""
        index = self.model.index_of(comment_id) if comment_id is not None else QModelIndex()
        highlight(self.tree, index)
        return index.isValid()

    def current_comment_id(self) -> int | None:
        """The comment the thread highlights."""
        return highlighted_id(self.tree)

    def step(self, forward: bool) -> bool:
        """Move to the next / previous comment in reading order; False at either end. With
        none highlighted, the first step lands where the thread stands (or on its first comment)."""
        current = self.tree.currentIndex()
        if not current.isValid():
            target = self.model.index(0, 0)
        elif not highlighted(self.tree).isValid():
            target = current
        else:
            target = self.tree.indexBelow(current) if forward else self.tree.indexAbove(current)
        if not target.isValid():
            return False
        highlight(self.tree, target)
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if (comment_id := highlighted_id(self.tree)) is not None:
            self.comment_selected.emit(comment_id)


def render_article(browser: QTextBrowser, article: ArticleDetail) -> None:
    """Headline, section and time, standfirst, body: inserted as plain text, never as HTML."""
    browser.clear()
    cursor = browser.textCursor()
    base = browser.font()
    spaced = QTextBlockFormat()
    spaced.setBottomMargin(10)
    spaced.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)

    def block(text: str, size: float = 1.0, weight: QFont.Weight = QFont.Weight.Normal, grey: bool = False,
              first: bool = False) -> None:
        chars = QTextCharFormat()
        chars.setFont(look.scaled(base, size))
        chars.setFontWeight(weight)
        if grey:
            chars.setForeground(look.muted(browser.palette().text().color()))
        if not first:
            cursor.insertBlock(spaced)
        else:
            cursor.setBlockFormat(spaced)
        cursor.insertText(text, chars)

    block(article.headline, 1.45, QFont.Weight.Bold, first=True)
    meta = " · ".join(p for p in (article.section, look.when(article.published_at, with_year=True)) if p)
    if meta:
        block(meta, 0.9, grey=True)
    if article.standfirst:
        block(article.standfirst, 1.08, QFont.Weight.DemiBold)
    for paragraph in article.paragraphs:
        block(paragraph)
    browser.moveCursor(QTextCursor.MoveOperation.Start)


class EmptyThread(QWidget):
    """The site's own prompt under an article with no comments; staff may open the thread."""

    posted = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.prompt = QLabel(self)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setFont(look.scaled(look.bold(self.font()), 1.2))
        self.call = QLabel(self)
        self.call.setTextFormat(Qt.TextFormat.PlainText)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlaceholderText(translate("ArticleView", "Write the first comment as staff…"))
        self.editor.setAccessibleName(translate("ArticleView", "First comment"))
        self.editor.setTabChangesFocus(True)
        self.editor.setMaximumHeight(120)
        self.button = QPushButton(translate("ArticleView", "Post as staff"), self)
        self.button.clicked.connect(self._post)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        for widget in (self.prompt, self.call, self.editor):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addStretch()

    def set_prompt(self, prompt: str, call: str) -> None:
        self.prompt.setText(prompt)
        self.call.setText(call)

    def _post(self) -> None:
        text = self.editor.toPlainText().strip()
        if text:
            self.posted.emit(text)
            self.editor.clear()
