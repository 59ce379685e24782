"""The main window: wires the article list, queue, article view and comment panel to the core.

It owns no business logic: reads go through moderator.reading.queries, writes through the
one writer as undoable commands, and views refresh from the Change each write reports.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, TypeVar

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QListView, QMainWindow, QMenu, QMessageBox, QSplitter, QTabWidget, QToolBar,
)
from sqlalchemy.orm import Session

from moderator import APP_NAME, __version__
from moderator.reading import commenters, queries, queue
from moderator.moderation import decisions as moderation
from moderator.moderation.bulk import Batch
from moderator.gui.operations.bulk import BulkActions
from moderator.gui.workers.collector import IdleCollector
from moderator.gui.queue.commands import QUEUE_TAB, QueueCommands
from moderator.config import AppPaths
from moderator.errors import ModeratorError
from moderator.reading.queries import ArticleRow, CommentRow
from moderator.gui import settings as S
from moderator.gui.actions import ActionId, apply_shortcuts, create_actions
from moderator.gui.audit.window import AuditWindow
from moderator.gui.article.view import ArticleView
from moderator.gui.comment.panel import CommentPanel
from moderator.gui.commenter.panel import CommenterPanel
from moderator.gui.common.delegates import ArticleDelegate
from moderator.gui.common.messages import show_plain_message
from moderator.gui.operations.files import FileActions
from moderator.gui.dialogs.models import ModelsDialog
from moderator.gui.workers.scoring import BackgroundScorer
from moderator.scoring.priority import priority, thresholds_from
from moderator.scoring.registry import model_identity
from moderator.scoring.store import find_model, scores_for
from moderator.gui.workers.progress import ProgressPanel
from moderator.gui.dialogs.forms import HideDialog, Preferences, PreferencesDialog, ReplyDialog, ShortcutsDialog, run_modal
from moderator.gui.models.listmodels import ID_ROLE, PagedListModel
from moderator.gui.common.look import STATUS_LABELS
from moderator.gui.queue.pane import KINDS, SORT_NAMES, QueuePane
from moderator.gui.operations.undo import DecisionCommand
from moderator.gui.workers.writer import Reader, Writer
from moderator.moderation.decisions import Change
from moderator.storage.database import Database
from moderator.storage.models import Status

T = TypeVar("T")
ARTICLES_TAB = 0
ARTICLE_PAUSE_MS = 80  # moving through the queue, the article follows once the keys pause this long
DONE_WORDS = {"approve": "Approved", "hide": "Hidden", "restore": "Sent back to review", "reply": "Replied",
              "post": "Posted", "undo": "Undone", "redo": "Redone"}


@dataclass
class AppContext:
    paths: AppPaths
    db: Database
    settings: S.Settings


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, report_bug: Callable[[BaseException], None]):
        super().__init__()
        self.context, self._report_bug = context, report_bug
        self.setWindowTitle(f"{APP_NAME}")
        self.writer = Writer(context.db.sessions, self._on_write_failed, self)
        self.reader = Reader(context.db.sessions, self._report_bug, self)  # slow reads, off the GUI thread
        self.audit_window: AuditWindow | None = None  # made on the first Ctrl+L
        self.undo_stack = QUndoStack(self)
        self.model = model_identity(context.paths.models)
        self.model_id = self._read(lambda s: find_model(s, self.model))
        self.actions = create_actions(self, context.settings)
        self.articles = self._make_article_list()
        self.queue_pane = QueuePane(self._read, self.reader, self.priority_of, self)
        self.queue, self.queue_view, self.queue_sort = self.queue_pane.model, self.queue_pane.view, self.queue_pane.sort
        self._show_model_in_queue()
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.articles_view, "Articles")
        self.tabs.addTab(self.queue_pane, "Queue")
        self._article_pause = QTimer(self)  # j / k in the queue: the thread follows once keys pause
        self._article_pause.setSingleShot(True)
        self._article_pause.timeout.connect(self._open_chosen_article)
        self.article_view = ArticleView(self.priority_of, self)
        a = self.actions
        self.panel = CommentPanel([a[ActionId.APPROVE], a[ActionId.HIDE], a[ActionId.REPLY], a[ActionId.RESTORE]], self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.commenter_panel = CommenterPanel(self._read, self.priority_of, self)
        self.side_tabs = QTabWidget(self)  # the comment, or everything its author wrote (c)
        self.side_tabs.addTab(self.panel, "Comment")
        self.side_tabs.addTab(self.commenter_panel, "Commenter")
        for widget in (self.tabs, self.article_view, self.side_tabs):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([320, 620, 340])
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.progress = ProgressPanel(self)
        self.statusBar().addPermanentWidget(self.progress)
        self.scoring = BackgroundScorer(context.db, context.paths.models, self.writer, self.progress, self._report_bug,
                                        self)
        self.bulk = BulkActions(self, self.writer, self.undo_stack, lambda: self.moderator, self.apply_batch,
                                self._on_write_failed)
        self.queue_commands = QueueCommands(self, self.queue_pane, self.tabs, self.statusBar().showMessage, self._read,
                                            self.bulk, lambda: self.article_view.article, lambda: self.current_comment_id,
                                            lambda: self.model)
        self.files = FileActions(self, context.db, self.writer, self.progress, self._after_import,
                                 lambda title, text: show_plain_message(self, title, text, QMessageBox.Icon.Information),
                                 self._report_bug)
        self._build_menus_and_toolbar()
        self._connect()
        self._restore_layout()
        self.refresh()
        self.collector = IdleCollector(self)  # last: what start-up made is frozen out of collections

    # ---- construction -------------------------------------------------------------

    def _make_article_list(self) -> PagedListModel:
        model = PagedListModel(lambda offset, limit: self._read(lambda s: queries.article_page(s, offset, limit)),
                               lambda row: f"{row.headline}. {row.pending} pending", self)
        view = QListView(self)
        view.setModel(model)
        view.setItemDelegate(ArticleDelegate(view))
        view.setUniformItemSizes(True)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setAccessibleName("Articles")
        self.articles_view = view
        return model

    def _build_menus_and_toolbar(self) -> None:
        a, menus = self.actions, self.menuBar()
        groups = {
            "&File": (ActionId.IMPORT, ActionId.EXPORT_DECISIONS, ActionId.BACK_UP, None, ActionId.MODELS,
                      ActionId.REFRESH, ActionId.PREFERENCES, None, ActionId.QUIT),
            "&Edit": (ActionId.UNDO, ActionId.REDO),
            "&Moderate": (ActionId.APPROVE, ActionId.HIDE, ActionId.RESTORE, ActionId.REPLY, None,
                          ActionId.TOGGLE_SELECTED, ActionId.EXTEND_DOWN, ActionId.EXTEND_UP, ActionId.SELECT_ALL,
                          ActionId.CLEAR_SELECTION, None, ActionId.BULK_APPROVE, ActionId.BULK_HIDE,
                          ActionId.HIDE_ALL_FROM_COMMENTER),
            "&Queue": (ActionId.QUEUE_PENDING, ActionId.QUEUE_FLAGGED, ActionId.QUEUE_HIDDEN, ActionId.QUEUE_APPROVED,
                       ActionId.QUEUE_ALL, None, ActionId.CYCLE_SORT, ActionId.SEARCH, None, ActionId.FILTER_ARTICLE,
                       ActionId.FILTER_COMMENTER, ActionId.FILTER_SCORE, ActionId.FILTER_DATE, ActionId.CLEAR_FILTERS),
            "&Go": (ActionId.NEXT, ActionId.PREVIOUS, None, ActionId.SHOW_ARTICLES, ActionId.SHOW_QUEUE, None,
                    ActionId.COMMENTER, ActionId.AUDIT_LOG),
            "&Help": (ActionId.SHORTCUTS, ActionId.ABOUT),
        }
        for title, ids in groups.items():
            menu = menus.addMenu(title)
            for action_id in ids:
                menu.addSeparator() if action_id is None else menu.addAction(a[action_id])
        self.queue_menu = self._filter_menu()
        toolbar = QToolBar("Moderation", self)
        toolbar.setObjectName("moderation-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action_id in (ActionId.APPROVE, ActionId.HIDE, ActionId.RESTORE, ActionId.REPLY, None,
                          ActionId.UNDO, ActionId.REDO, None, ActionId.PREVIOUS, ActionId.NEXT):
            toolbar.addSeparator() if action_id is None else toolbar.addAction(a[action_id])
        self.addToolBar(toolbar)

    def _filter_menu(self) -> QMenu:
        """The queue pane's Filter button: the filter actions and a status choice."""
        menu = QMenu("Filter", self)
        for action_id in (ActionId.FILTER_ARTICLE, ActionId.FILTER_COMMENTER, ActionId.FILTER_SCORE, ActionId.FILTER_DATE):
            menu.addAction(self.actions[action_id])
        statuses = menu.addMenu("&Status")
        for status in (Status.PENDING, Status.APPROVED, Status.HIDDEN):
            chosen = statuses.addAction(STATUS_LABELS[status])
            chosen.triggered.connect(lambda _checked=False, status=status: self.queue_commands.filter_status(status))
        menu.addSeparator()
        menu.addAction(self.actions[ActionId.CLEAR_FILTERS])
        return menu

    def _connect(self) -> None:
        a = self.actions
        handlers = {
            ActionId.NEXT: lambda: self.step(True), ActionId.PREVIOUS: lambda: self.step(False),
            ActionId.APPROVE: self.approve, ActionId.HIDE: self.hide_comment, ActionId.RESTORE: self.restore,
            ActionId.REPLY: self.reply, ActionId.UNDO: self.undo_stack.undo, ActionId.REDO: self.undo_stack.redo,
            ActionId.SHOW_ARTICLES: lambda: self.tabs.setCurrentIndex(ARTICLES_TAB),
            ActionId.SHOW_QUEUE: lambda: self.tabs.setCurrentIndex(QUEUE_TAB),
            ActionId.REFRESH: self.refresh, ActionId.PREFERENCES: self.edit_preferences,
            ActionId.IMPORT: lambda: self.files.import_files(), ActionId.EXPORT_DECISIONS: self.files.export_decisions,
            ActionId.BACK_UP: self.files.back_up, ActionId.MODELS: self.show_models,
            ActionId.SHORTCUTS: self.show_shortcuts, ActionId.ABOUT: self.show_about, ActionId.QUIT: self.close,
            ActionId.COMMENTER: self.show_commenter, ActionId.AUDIT_LOG: lambda: self.show_audit_log(),
            ActionId.HIDE_ALL_FROM_COMMENTER: self.hide_all_from_current_commenter,
        }
        for action_id, handler in (handlers | self.queue_commands.handlers()).items():
            a[action_id].triggered.connect(handler)
        self.undo_stack.canUndoChanged.connect(a[ActionId.UNDO].setEnabled)
        self.undo_stack.canRedoChanged.connect(a[ActionId.REDO].setEnabled)
        a[ActionId.UNDO].setEnabled(False)
        a[ActionId.REDO].setEnabled(False)
        self.articles_view.selectionModel().currentChanged.connect(self._article_chosen)
        self.queue_pane.comment_chosen.connect(self._queue_comment_chosen)
        self.queue_pane.pending_counted.connect(self._show_pending_count)
        self.queue_pane.filter_button.setMenu(self.queue_menu)
        self.commenter_panel.hide_all_pending.connect(self.hide_all_pending_from)
        self.commenter_panel.comment_activated.connect(self.open_comment)
        self.article_view.comment_selected.connect(self.show_comment)
        self.article_view.first_comment_posted.connect(self.post_first_comment)
        self.scoring.model_ready.connect(self._model_ready)
        self.scoring.scores_landed.connect(self._scores_landed)
        self.scoring.stopped.connect(self._scoring_stopped)

    # ---- reading --------------------------------------------------------------------

    def _read(self, query: Callable[[Session], T]) -> T:
        with self.context.db.sessions() as session:
            return query(session)

    def refresh(self) -> None:
        for step in self._refresh_steps():
            step()

    def _refresh_in_turns(self, steps: list) -> None:
        """Run `steps` one per event-loop turn, so no turn is long (the model has just
        started scoring on the other core). Dropped if the window goes first."""
        steps.pop(0)()
        if steps:
            QTimer.singleShot(0, self, lambda: self._refresh_in_turns(steps))

    def _refresh_steps(self) -> list:
        return [self.articles.reload, self.refresh_queue, self.commenter_panel.refresh, self._open_current_article_again]

    def _open_current_article_again(self) -> None:
        if self.article_view.article is not None:
            self.open_article(self.article_view.article.id, self.current_comment_id)

    def refresh_queue(self) -> None:
        self.queue_pane.reload()

    def _show_pending_count(self, count: int) -> None:
        self.tabs.setTabText(QUEUE_TAB, f"Queue ({count:,} pending)")

    def open_article(self, article_id: int, comment_id: int | None = None) -> None:
        detail = self._read(lambda s: queries.article_detail(s, article_id))
        rows = self._read(lambda s: queries.thread(s, article_id, self.model_id))
        self.article_view.show_article(detail, rows)
        if comment_id is not None:
            self.article_view.select_comment(comment_id, notify=False)
        self.show_comment(comment_id)

    def show_comment(self, comment_id: int | None) -> None:
        if comment_id is None:
            self.panel.show_comment(None)
            return
        row, parent, history, scores = self._read(lambda s: self._comment_details(s, comment_id))
        self.panel.show_comment(row, parent, history)
        if row.author != self.commenter_panel.author:  # another commenter's comment: the comment itself
            self.side_tabs.setCurrentWidget(self.panel)
        self.panel.scores.show_scores(self.model.name, self.model.main_label, scores, self.priority_of(row.score))

    def _comment_details(self, session: Session, comment_id: int):
        """What the comment panel shows, in one read (it runs on every j / k)."""
        row = queries.comment(session, comment_id, self.model_id)
        parent = queries.comment(session, row.parent_id) if row.parent_id else None
        scores = scores_for(session, self.model_id, [comment_id]).get(comment_id)
        return row, parent, queries.history(session, comment_id), scores

    @property
    def current_comment_id(self) -> int | None:
        return self.panel.comment_id

    def _article_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.open_article(current.data(ID_ROLE))

    def _queue_comment_chosen(self, row) -> None:
        """The comment at once; its article and thread once the keys pause (reading a
        long thread on every j would make the queue wait)."""
        self.show_comment(row.id)
        if self.article_view.article and self.article_view.article.id == row.article_id:
            self.article_view.select_comment(row.id, notify=False)
        else:
            self._article_pause.start(ARTICLE_PAUSE_MS)

    def _open_chosen_article(self) -> None:
        row = self.queue_pane.current_row()
        if row is not None and self.tabs.currentIndex() == QUEUE_TAB:
            self.open_article(row.article_id, row.id)

    def apply_batch(self, batch: Batch) -> None:
        """Refresh what a bulk action changed that is on screen; counts follow."""
        changed = {change.comment_id for change in batch}
        on_screen = [cid for cid in changed if self.queue.is_read(cid) or self.article_view.model.index_of(cid).isValid()]
        if on_screen:
            for row in self._read(lambda s: queue.rows(s, self.queue_pane.query, on_screen)):
                self.article_view.replace_comment(row)
                self.queue.replace(row)
        for article_id in self.articles.ids_among({change.article_id for change in batch}):
            self._refresh_article_row(article_id)
        if self.panel.comment_id in changed:
            self.show_comment(self.panel.comment_id)
        self.queue_pane.clear_selection()
        self.queue_pane.recount_soon()
        if self.commenter_panel.author is not None:
            self.commenter_panel.refresh()
        if batch.changes:
            done = DONE_WORDS.get(batch.changes[0].action, batch.changes[0].action)
            self.statusBar().showMessage(f"{done}: {len(batch):,} comments. Ctrl+Z undoes it.", 6000)
        else:
            self.statusBar().showMessage("Nothing to change: every one of them was so already.", 6000)

    # ---- the commenter ---------------------------------------------------------------------

    def show_commenter(self) -> None:
        """Everything the current comment's author wrote, with counts (c)."""
        if (cid := self._require_comment()) is None:
            return
        author = self._read(lambda s: queries.comment(s, cid)).author
        site_id = self._read(lambda s: commenters.site_of_comment(s, cid))
        self.commenter_panel.show_commenter(site_id, author, self.model_id)
        self.side_tabs.setCurrentWidget(self.commenter_panel)
        self.commenter_panel.comments_view.setFocus()

    def hide_all_from_current_commenter(self) -> None:
        self.show_commenter()
        if self.commenter_panel.summary is not None:
            self.commenter_panel.hide_all_button.click()  # does nothing when none are pending

    def hide_all_pending_from(self, author: str, site_id, _count: int) -> None:
        ids = self._read(lambda s: commenters.pending_ids_of(s, author, site_id))  # as they are now, not as counted
        if not ids:
            self.statusBar().showMessage(f"No pending comments from {author}.", 4000)
            self.commenter_panel.refresh()
            return
        self.bulk.decide(ids, moderation.HIDE, f"all {len(ids):,} pending comments from {author}", confirm=True)

    def open_comment(self, comment_id: int) -> None:
        """Open a comment chosen elsewhere (the commenter panel, the audit log) in its thread."""
        self.open_article(self._read(lambda s: queries.comment(s, comment_id)).article_id, comment_id)
        self.side_tabs.setCurrentWidget(self.panel)
        self.raise_()
        self.activateWindow()

    def show_audit_log(self, only_open_article: bool = False) -> None:
        if self.audit_window is None:
            self.audit_window = AuditWindow(self.context.db.sessions, self.reader, self._report_bug, self)
            self.audit_window.comment_activated.connect(self.open_comment)
        article = self.article_view.article
        if only_open_article and article is not None:
            self.audit_window.set_article(article.id, article.headline)  # before present(): read once
        self.audit_window.present()

    # ---- moving -----------------------------------------------------------------------

    def step(self, forward: bool) -> None:
        if self.tabs.currentIndex() == QUEUE_TAB:
            if not self.queue_pane.step(forward):
                self.statusBar().showMessage("End of the list." if forward else "Start of the list.", 3000)
        elif self.article_view.article is None:
            self._step_list(self.articles_view, forward)
        elif not self.article_view.step(forward):
            self.statusBar().showMessage("End of this thread." if forward else "Start of this thread.", 3000)

    def _step_list(self, view: QListView, forward: bool) -> None:
        model, current = view.model(), view.currentIndex()
        if not current.isValid() or not view.selectionModel().isSelected(current):
            row = max(current.row(), 0)  # nothing chosen yet: start where the view stands
        else:
            row = current.row() + (1 if forward else -1)
        if row >= model.rowCount() and model.canFetchMore():
            model.fetchMore()
        if 0 <= row < model.rowCount():
            view.selectionModel().setCurrentIndex(model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        else:
            self.statusBar().showMessage("End of the list." if forward else "Start of the list.", 3000)

    # ---- deciding -------------------------------------------------------------------------

    @property
    def moderator(self) -> str:
        return self.context.settings.get(S.MODERATOR_NAME)

    def _require_comment(self) -> int | None:
        if self.current_comment_id is None:
            self.statusBar().showMessage("Select a comment first (j / k move through comments).", 4000)
        return self.current_comment_id

    def _push(self, text: str, operation: Callable[[Session], Change]) -> None:
        command = DecisionCommand(text, operation, self.moderator, self.writer, self._changed_rows, self.apply_change,
                                  self._on_write_failed)
        self.undo_stack.push(command)

    def approve(self) -> None:
        if (cid := self._require_comment()) is not None:
            self.step(True)  # the next comment first: the write's thread would slow the GUI's reads
            self._push("Approve", lambda s: moderation.decide(s, cid, moderation.APPROVE, self.moderator))

    def hide_comment(self) -> None:
        if (cid := self._require_comment()) is None:
            return
        choice = HideDialog(self).choose()
        if choice is not None:
            self.step(True)
            self._push("Hide", lambda s: moderation.decide(s, cid, moderation.HIDE, self.moderator, choice.reason, choice.note))

    def restore(self) -> None:
        if (cid := self._require_comment()) is not None:
            self._push("Restore", lambda s: moderation.decide(s, cid, moderation.RESTORE, self.moderator))

    def reply(self) -> None:
        if (cid := self._require_comment()) is None:
            return
        row = self._read(lambda s: queries.comment(s, cid))
        text = ReplyDialog(self, row.author, row.body).text()
        if text:
            self._push("Reply", lambda s: moderation.reply(s, cid, text, self.moderator))

    def post_first_comment(self, article_id: int, text: str) -> None:
        self._push("Post", lambda s: moderation.post_first_comment(s, article_id, text, self.moderator))

    def _changed_rows(self, session: Session, change: Change) -> tuple[CommentRow, ArticleRow | None]:
        """The changed comment's row and its article's, read on the writer thread."""
        row = queries.comment(session, change.comment_id, self.model_id)
        return row, queries.article_row(session, row.article_id)

    def apply_change(self, change: Change, rows: tuple[CommentRow, ArticleRow | None]) -> None:
        """Refresh exactly what the write changed."""
        row, article_row = rows
        if self.article_view.article and self.article_view.article.id == row.article_id:
            if change.status_before is None or change.status_after == Status.REMOVED or change.action == moderation.REDO:
                self.article_view.set_thread(self._read(lambda s: queries.thread(s, row.article_id, self.model_id)))
            else:
                self.article_view.replace_comment(row)
        self.queue.replace(row)
        if article_row is not None:
            self.articles.replace(article_row)
        self.queue_pane.recount_soon()
        if self.panel.comment_id in (row.id, row.parent_id):
            self.show_comment(self.panel.comment_id)
        if row.author == self.commenter_panel.author:
            self.commenter_panel.refresh()
        self.statusBar().showMessage(f"{DONE_WORDS.get(change.action, change.action)}: comment by {row.author}. "
                                     "Ctrl+Z undoes it.", 6000)

    def _refresh_article_row(self, article_id: int) -> None:
        """Its counts, when the article list has its row (most of 20,000 articles are not loaded)."""
        if self.articles.row_of(article_id) is None:
            return
        if (row := self._read(lambda s: queries.article_row(s, article_id))) is not None:
            self.articles.replace(row)

    def _on_write_failed(self, error: BaseException) -> None:
        self.undo_stack.clear()  # the stack no longer matches the database
        if isinstance(error, ModeratorError):
            show_plain_message(self, "Not done", str(error))
            self.refresh()
        else:
            self._report_bug(error)

    # ---- scoring ------------------------------------------------------------------------------

    def _show_model_in_commenter(self) -> None:
        panel = self.commenter_panel
        if panel.author is not None:
            panel.show_commenter(panel.site_id, panel.author, self.model_id)

    def _show_model_in_queue(self) -> None:
        """The queue orders and filters by the active model's scores, flagged from Medium."""
        self.queue_pane.set_model(self.model_id, self.model.labels, self.model.main_label)
        self.queue_pane.set_flagged_from(*thresholds_from(self.context.settings).values)

    def priority_of(self, score: float | None) -> str | None:
        return priority(score, thresholds_from(self.context.settings))

    def start_scoring(self) -> None:
        """Score what is unscored, the open article first. Safe to call often."""
        self.scoring.start(self.article_view.article.id if self.article_view.article else None)

    def _model_ready(self, model_id: int) -> None:
        if model_id != self.model_id:
            self.model_id = model_id
            self._show_model_in_queue()
            self._refresh_in_turns([self._show_model_in_commenter, *self._refresh_steps()])

    def _scores_landed(self, comment_ids: list[int]) -> None:
        """Show new scores on rows already on screen; lists re-sort on the next refresh."""
        on_screen = [cid for cid in comment_ids
                     if self.article_view.model.index_of(cid).isValid() or self.queue.row_of(cid) is not None]
        for row in self._read(lambda s: queries.comments_by_ids(s, on_screen, self.model_id)) if on_screen else ():
            self.article_view.replace_comment(row)
            self.queue.replace(row)
        if self.panel.comment_id in comment_ids:
            self.show_comment(self.panel.comment_id)

    def _scoring_stopped(self, why: str) -> None:
        if why not in ("done", "cancelled"):
            self.statusBar().showMessage(why, 10_000)

    def _after_import(self) -> None:
        self.refresh()
        self.start_scoring()

    # ---- other windows --------------------------------------------------------------------

    def load_demo(self) -> None:
        self.statusBar().showMessage("Loading the demo article and comments…")
        from moderator.importing.demo import load_demo  # the import pipeline: needed on a first start only

        self.writer.submit(load_demo, lambda _reports: self._demo_loaded())

    def _demo_loaded(self) -> None:
        self.statusBar().clearMessage()
        self._after_import()
        self.reopen_last_article()  # first start: open the newest article, as readers would

    def show_models(self) -> None:
        ModelsDialog(self, self.context.paths.models, self.models_changed, self._report_bug).exec()

    def models_changed(self) -> None:
        """Another model is active (or the active one was removed): its scores, not the old ones."""
        identity = model_identity(self.context.paths.models)
        if identity != self.model:
            self.scoring.stop()
            self.model, self.model_id = identity, self._read(lambda s: find_model(s, identity))
            self._show_model_in_queue()
            self._show_model_in_commenter()
            self.refresh()
            self.start_scoring()

    def edit_preferences(self) -> None:
        settings = self.context.settings
        thresholds = thresholds_from(settings)
        current = Preferences(self.moderator, thresholds.medium, thresholds.high, settings.get(S.SHORTCUTS))
        chosen = PreferencesDialog(self, current, str(self.context.paths.home), self.menuBar()).choose()
        if chosen is not None:
            settings.set(S.MODERATOR_NAME, chosen.moderator_name)
            settings.set(S.PRIORITY_MEDIUM, chosen.medium_from)
            settings.set(S.PRIORITY_HIGH, chosen.high_from)
            settings.set(S.SHORTCUTS, chosen.shortcuts)
            settings.sync()  # the command line reads the same file
            apply_shortcuts(self.actions, settings)  # the new keys work at once
            self.refresh()  # priority chips follow the new thresholds

    def show_shortcuts(self) -> None:
        run_modal(ShortcutsDialog(self, self.actions))

    def show_about(self) -> None:
        show_plain_message(self, f"About {APP_NAME}", f"{APP_NAME} {__version__}\nData folder: {self.context.paths.home}",
                           QMessageBox.Icon.Information)

    # ---- layout persistence -----------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = self.context.settings
        if not self.restoreGeometry(settings.get(S.WINDOW_GEOMETRY)):
            self.resize(1280, 800)
        self.restoreState(settings.get(S.WINDOW_STATE))
        if not self.splitter.restoreState(settings.get(S.MAIN_SPLITTER)):
            width = self.width()  # first start: the lists and the comment a bit over a quarter each
            self.splitter.setSizes([width * 28 // 100, width * 44 // 100, width * 28 // 100])
        self.article_view.splitter.restoreState(settings.get(S.ARTICLE_SPLITTER))
        sort = settings.get(S.QUEUE_SORT)
        self.queue_pane.query = replace(self.queue_pane.query, sort=sort if sort in SORT_NAMES else queue.PRIORITY)
        self.queue_pane.set_kind(settings.get(S.QUEUE_KIND) if settings.get(S.QUEUE_KIND) in dict(KINDS) else queue.PENDING)
        self.tabs.setCurrentIndex(settings.get(S.LEFT_TAB))
        self._reopen_article = settings.get(S.CURRENT_ARTICLE)

    def reopen_last_article(self) -> None:
        """Select the article open when the app last closed, or the newest one."""
        model, row = self.articles, self.articles.row_of(self._reopen_article) if self._reopen_article else None
        if model.rowCount():
            index = model.index(row if row is not None else 0)
            self.articles_view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.scoring.close()  # what it scored so far is kept; the next start resumes
        if self.audit_window is not None:
            self.audit_window.shutdown()  # an export in flight finishes
        self.reader.close()
        self.writer.close()  # every decision shown as done is committed before we go
        self.collector.close()
        settings = self.context.settings
        settings.set(S.WINDOW_GEOMETRY, self.saveGeometry())
        settings.set(S.WINDOW_STATE, self.saveState())
        settings.set(S.MAIN_SPLITTER, self.splitter.saveState())
        settings.set(S.ARTICLE_SPLITTER, self.article_view.splitter.saveState())
        settings.set(S.LEFT_TAB, self.tabs.currentIndex())
        settings.set(S.QUEUE_SORT, self.queue_pane.query.sort)
        settings.set(S.QUEUE_KIND, self.queue_pane.query.kind)
        settings.set(S.CURRENT_ARTICLE, self.article_view.article.id if self.article_view.article else 0)
        settings.sync()
        super().closeEvent(event)
