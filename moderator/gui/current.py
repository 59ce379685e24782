"""The one current comment: what the comment panel shows, what every action acts on, and
the only comment any list highlights.

The lists (the thread, the queue, the commenter's comments, the articles) tell this
object when the moderator moves (j / k, arrows, a click); it loads the panel, then
`sync` highlights the current comment in every list that holds it and nothing in those
that do not. Nothing that reads a list again (F5, Preferences, a model's arrival, an
import, decisions landing) chooses a comment: each list comes back with nothing
highlighted and `sync` puts the highlight back. So the highlighted row, the panel and
the target of `a` are never two comments (issue 18; tests/gui/test_current_comment*.py).

Moving through the queue shows the comment at once and its article's thread once the
keys pause: reading a long thread on every j would make the queue wait.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QTabWidget

from moderator.changes import Changes
from moderator.gui.article.listview import ArticleList
from moderator.gui.article.view import ArticleView
from moderator.gui.comment.panel import CommentPanel
from moderator.gui.commenter.panel import CommenterPanel
from moderator.gui.queue.pane import QueuePane
from moderator.reading.rows import CommentRow
from moderator.vocabulary import Status

ARTICLE_PAUSE_MS = 80  # moving through the queue, the thread follows once the keys pause this long


class CurrentComment(QObject):
    moved = Signal(object)  # the panel now shows this comment (its id, or None): for what follows it

    def __init__(self, panel: CommentPanel, side_tabs: QTabWidget, article_view: ArticleView, articles: ArticleList,
                 queue: QueuePane, commenter: CommenterPanel, parent: QObject | None = None):
        super().__init__(parent)
        self._panel, self._side_tabs, self._article_view = panel, side_tabs, article_view
        self._articles, self._queue, self._commenter = articles, queue, commenter
        self._syncing = False  # highlighting for the moderator, not a move of theirs
        self._article_pause = QTimer(self)
        self._article_pause.setSingleShot(True)
        self._article_pause.setInterval(ARTICLE_PAUSE_MS)
        self._article_pause.timeout.connect(self._open_its_article)
        article_view.comment_selected.connect(self.choose)
        commenter.comment_chosen.connect(self.choose)
        queue.comment_chosen.connect(self._chosen_in_queue)
        articles.article_chosen.connect(self._article_chosen)
        queue.listed.connect(self.sync)
        commenter.listed.connect(self.sync)

    @property
    def row(self) -> CommentRow | None:
        """The current comment as the panel shows it: what every action acts on."""
        return self._panel.row

    @property
    def comment_id(self) -> int | None:
        return self._panel.comment_id

    def choose(self, comment_id: int | None) -> None:
        """The moderator moved to this comment (None: to none)."""
        if self._syncing:
            return
        self._panel.load(comment_id)
        row = self._panel.row
        if row is not None and row.author != self._commenter.author:
            self._side_tabs.setCurrentWidget(self._panel)  # another commenter's comment: the comment itself
        self.moved.emit(self.comment_id)
        self.sync()

    def open(self, article_id: int, comment_id: int | None = None) -> None:
        """Open the article's thread, on this comment (or on none)."""
        self._article_pause.stop()
        self._article_view.open(article_id)
        self.choose(comment_id)

    def sync(self) -> None:
        """Every list highlights the current comment if it holds it, and nothing if not;
        the article list highlights the open article."""
        self._syncing = True
        try:
            if self.row is not None and self.row.status == Status.REMOVED:  # a staff post undone: gone from every list
                self._panel.load(None)
                self.moved.emit(None)
            target = self.comment_id
            self._article_view.highlight(target)
            self._queue.highlight(target)
            self._commenter.highlight(target)
            article = self._article_view.article
            self._articles.highlight(article.id if article is not None else None)
        finally:
            self._syncing = False

    def on_changes(self, _changes: Changes) -> None:
        """After every view has refreshed itself from a write: the highlights again."""
        self.sync()

    def _chosen_in_queue(self, row: CommentRow) -> None:
        if self._syncing:
            return
        self.choose(row.id)
        article = self._article_view.article
        if article is None or article.id != row.article_id:
            self._article_pause.start()

    def _open_its_article(self) -> None:
        """The keys paused: the current comment's thread (it may have changed since the timer started)."""
        row, article = self.row, self._article_view.article
        if row is not None and (article is None or article.id != row.article_id):
            self.open(row.article_id, row.id)

    def _article_chosen(self, article_id: int) -> None:
        if not self._syncing:
            self.open(article_id)
