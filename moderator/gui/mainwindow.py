"""The main window: wires the article list, queue, article view and comment panels to the core.

It holds no business logic: views read through the core themselves, every write goes
through the one writer as an undoable command (gui/operations), every view refreshes
itself from the `Changes` the writer announces, and which comment is current is kept in
one place (gui/current.py). What is left here is which part shows what, and the window's
own layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QCloseEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QTabWidget, QToolBar

from moderator import APP_NAME, __version__
from moderator.changes import Changes
from moderator.config import AppPaths
from moderator.gui import settings as S
from moderator.gui import windowstate
from moderator.gui.actions import MENUS, TOOLBAR, ActionId, apply_shortcuts, create_actions, fill
from moderator.gui.article.browse import ArticlesTab
from moderator.gui.article.listview import ArticleList
from moderator.gui.article.view import ArticleView
from moderator.gui.comment.panel import CommentPanel
from moderator.gui.comment.whycommands import WhyCommands
from moderator.gui.commenter.commands import CommenterCommands
from moderator.gui.commenter.panel import CommenterPanel
from moderator.gui.common import filedialogs, look
from moderator.gui.common.messages import ReportBug, show_plain_message
from moderator.gui.common.reading import ActiveModel, reader_of
from moderator.gui.common.statusbar import ElidingStatusBar
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.common.wording import demo_arrived
from moderator.gui.current import CurrentComment
from moderator.gui.dialogs.forms import EXTRA_KEYS, ShortcutsDialog, edit_preferences, run_modal
from moderator.gui.dialogs.guide import GuideWindow, guide_html
from moderator.gui.models.listmodels import step_list
from moderator.gui.operations.decisions import Decisions
from moderator.gui.operations.files import FileActions
from moderator.gui.queue.commands import QUEUE_TAB, QueueCommands
from moderator.gui.queue.pane import QueuePane
from moderator.gui.sites.window import SitesInWindow
from moderator.gui.team.claims import ClaimsInWindow
from moderator.gui.team.watch import TeamWatch
from moderator.gui.workers.changefeed import Refreshing
from moderator.gui.workers.collector import IdleCollector
from moderator.gui.workers.explaining import Explainer
from moderator.gui.workers.progress import ProgressPanel
from moderator.gui.workers.scoring import BackgroundScorer
from moderator.gui.workers.writer import Reader, Writer
from moderator.reading import queries
from moderator.reading.rows import CommentRow
from moderator.rules.text import warm_up
from moderator.scoring.base import ModelIdentity
from moderator.scoring.priority import thresholds_from
from moderator.scoring.registry import model_identity
from moderator.scoring.store import find_model
from moderator.storage.database import Database
from moderator.vocabulary import Action

if TYPE_CHECKING:  # the audit log, the models dialog and Insight load on first use, not at each start (bench/startup.py)
    from moderator.gui.audit.window import AuditWindow
    from moderator.gui.insight.window import InsightWindow

ARTICLES_TAB = 0
# Said while a write waits for the database's write lock (gui/workers/writer.py).
WAITING_TO_WRITE = QT_TRANSLATE_NOOP("MainWindow", "Waiting for another program writing to the database (an import?); "
                                                   "your action is kept and will be saved as soon as it can.")
SELECT_FIRST = QT_TRANSLATE_NOOP("MainWindow", "Select a comment first (j / k move through comments).")
__all__ = ["AppContext", "MainWindow", "QUEUE_TAB", "show_plain_message"]


@dataclass
class AppContext:
    paths: AppPaths
    db: Database
    settings: S.Settings


# Where j / k stop, marked for pyside6-lupdate.
ENDS = {(True, "list"): QT_TRANSLATE_NOOP("MainWindow", "End of this list."),
        (False, "list"): QT_TRANSLATE_NOOP("MainWindow", "Start of this list."),
        (True, "thread"): QT_TRANSLATE_NOOP("MainWindow", "End of this thread."),
        (False, "thread"): QT_TRANSLATE_NOOP("MainWindow", "Start of this thread.")}


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, report_bug: ReportBug):
        super().__init__()
        self.setStatusBar(ElidingStatusBar(self))  # a sentence too long ends in "…" before the progress panel
        self.context, self._report_bug = context, report_bug
        self.setWindowTitle(APP_NAME)
        self._read = reader_of(context.db.sessions)
        self.writer = Writer(context.db.write_sessions, lambda error: self.decisions.failed(error), self,
                             shared=context.db.decision_sessions)
        self.reader = Reader(context.db.sessions, report_bug, self)  # slow reads, off the GUI thread
        self.audit_window: AuditWindow | None = None  # made on the first Ctrl+L
        self.guide_window: GuideWindow | None = None  # made on the first F1
        filedialogs.remember_in(context.settings)  # file dialogs start in the folder used last
        self.undo_stack = QUndoStack(self)
        identity = model_identity(context.paths.models)
        self.active = ActiveModel(identity, self._read(lambda s: find_model(s, identity)), thresholds_from(self.context.settings))
        self.actions_by_id = create_actions(self, context.settings)
        self.articles_view = ArticleList(self._read, self.reader, self, lambda: self.active.model_id)
        self.articles = self.articles_view.articles
        self.queue_pane = QueuePane(self._read, self.reader, self.active.priority_of, self)
        self.queue, self.queue_view = self.queue_pane.model, self.queue_pane.view
        self.tabs = QTabWidget(self)
        self.articles_tab = ArticlesTab(self.articles_view)  # search, filters and sort above the list
        self.tabs.addTab(self.articles_tab, translate("MainWindow", "Articles"))
        self.tabs.addTab(self.queue_pane, translate("MainWindow", "Queue"))
        self.article_view = ArticleView(self._read, self.active, self)
        self.article_view.premoderation.submit = self.writer.submit  # a lead overrides an article's pre-moderation
        a = self.actions_by_id
        self.panel = CommentPanel(self._read, self.active,
                                  [a[ActionId.APPROVE], a[ActionId.HIDE], a[ActionId.REPLY], a[ActionId.RESTORE]], self)
        self.explainer = Explainer(context.db.sessions, context.paths.models, self.writer, report_bug, self)
        self.explainer.set_model(self.active.identity, self.active.model_id)
        self.why = WhyCommands(self.panel, self.explainer, self.active, self)
        self.insight_window: InsightWindow | None = None  # made on the first Ctrl+I (it loads the charting library)
        self.commenter_panel = CommenterPanel(self._read, self.active.priority_of, self)
        self.side_tabs = QTabWidget(self)  # the comment, or everything its author wrote (c)
        self.side_tabs.addTab(self.panel, translate("MainWindow", "Comment"))
        self.side_tabs.addTab(self.commenter_panel, translate("MainWindow", "Commenter"))
        self.current = CurrentComment(self.panel, self.side_tabs, self.article_view, self.articles_view, self.queue_pane,
                                      self.commenter_panel, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for widget in (self.tabs, self.article_view, self.side_tabs):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.progress = ProgressPanel(self)
        self.statusBar().addPermanentWidget(self.progress)
        self.scoring = BackgroundScorer(context.db, context.paths.models, self.writer, self.progress, report_bug, self)
        self.decisions = Decisions(self, self.writer, self.undo_stack, lambda: self.moderator,
                                   lambda: self.active.model_id, self.statusBar().showMessage, self.refresh, report_bug,
                                   lambda: self.context.settings.get(S.STAFF_NAME))
        self.commenter = CommenterCommands(self.commenter_panel, self.side_tabs, self._read, self.active,
                                           self.decisions, lambda: self._current_row(), self.statusBar().showMessage,
                                           self.writer, lambda: self.current.row)
        self.queue_commands = QueueCommands(self, self.queue_pane, self.tabs, self.statusBar().showMessage, self._read,
                                            self.reader, self.decisions, lambda: self.article_view.article,
                                            lambda: self.current_comment_id, lambda: self.active.identity)
        self.files = FileActions(self, context.db, self.writer, self.progress, self._after_import,
                                 lambda title, text: show_plain_message(self, title, text, QMessageBox.Icon.Information),
                                 self._report_bug)
        self.sites = SitesInWindow(self, context.db, context.paths, self.writer, self.progress, self._read, self.reader,
                                   lambda: self.moderator, self.start_scoring)
        self.sites.attach_conflict_bar(self.panel)
        self.current.moved.connect(self.sites.conflict.load)
        self.current.moved.connect(lambda _comment_id: self.why.follow(self.panel.row))
        # Team mode: what colleagues on the same database decide and claim (gui/team/)
        self.watch = TeamWatch(context.db, self._read, self.writer, self)
        self.claims = ClaimsInWindow(self.writer, self.watch, lambda: self.moderator, self)
        self.panel.add_section(self.claims.bar)
        self.current.moved.connect(self.claims.follow)
        self.queue_pane.holder_of = lambda comment_id: self.watch.holder(comment_id, self.moderator)
        self._build_menus_and_toolbar()
        self._connect()
        self._show_model_in_queue()
        self._reopen_article = windowstate.restore(self)
        self.refresh()
        self.reader.submit(warm_up)  # the rules' text screens, built off the GUI thread before the first comment
        self.collector = IdleCollector(self, busy=lambda: self.progress.busy)  # last: start-up's objects frozen

    # ---- construction -------------------------------------------------------------

    def _build_menus_and_toolbar(self) -> None:
        for title, ids in MENUS.items():
            fill(self.menuBar().addMenu(translate("actions", title)), self.actions_by_id, ids)
        self.queue_menu = self.queue_commands.filter_menu(self.actions_by_id)
        toolbar = QToolBar(translate("MainWindow", "Moderation"), self)
        toolbar.setObjectName("moderation-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        fill(toolbar, self.actions_by_id, TOOLBAR)
        self.addToolBar(toolbar)

    def _connect(self) -> None:
        a = self.actions_by_id
        handlers = {
            ActionId.NEXT: lambda: self.step(True), ActionId.PREVIOUS: lambda: self.step(False),
            ActionId.APPROVE: lambda: self._decide(Action.APPROVE), ActionId.HIDE: lambda: self._decide(Action.HIDE),
            ActionId.RESTORE: lambda: self._decide(Action.RESTORE), ActionId.REPLY: self.reply,
            ActionId.FEATURE: lambda: self._decide(Action.FEATURE),
            ActionId.UNDO: self.undo_stack.undo, ActionId.REDO: self.undo_stack.redo,
            ActionId.SHOW_ARTICLES: lambda: self.tabs.setCurrentIndex(ARTICLES_TAB),
            ActionId.SHOW_QUEUE: lambda: self.tabs.setCurrentIndex(QUEUE_TAB),
            ActionId.REFRESH: self.refresh, ActionId.PREFERENCES: self.edit_preferences,
            ActionId.IMPORT: lambda: self.files.import_files(), ActionId.EXPORT_DECISIONS: self.files.export_decisions,
            ActionId.BACK_UP: self.files.back_up, ActionId.MODELS: self.show_models,
            ActionId.SHORTCUTS: lambda: run_modal(ShortcutsDialog(self, self.actions_by_id)), ActionId.ABOUT: self.show_about,
            ActionId.QUIT: self.close, ActionId.COMMENTER: self.commenter.show,
            ActionId.AUDIT_LOG: lambda: self.show_audit_log(), ActionId.GUIDE: self.show_guide,
            ActionId.HIDE_ALL_FROM_COMMENTER: self.commenter.hide_all_from_current,
            ActionId.CONNECTIONS: self.sites.show_connections, ActionId.SYNC_NOW: self.sites.sync_now,
            ActionId.SYNC_LOG: self.sites.show_log,
            ActionId.WHY: self.explain_current, ActionId.INSIGHT: lambda: self.show_insight(),
            ActionId.WORD_LISTS: self.show_word_lists, ActionId.RULES: self.show_rules,
        }
        for action_id, handler in (handlers | self.queue_commands.handlers()).items():
            a[action_id].triggered.connect(handler)
        self.undo_stack.canUndoChanged.connect(a[ActionId.UNDO].setEnabled)
        self.undo_stack.canRedoChanged.connect(a[ActionId.REDO].setEnabled)
        a[ActionId.UNDO].setEnabled(False)
        a[ActionId.REDO].setEnabled(False)
        self.writer.changed.read_with(self._read, self.reader, self._report_bug)  # background changes: on the reader
        self._views: tuple[Refreshing, ...] = (self.articles_view, self.queue_pane, self.commenter_panel, self.article_view,
                                               self.panel, self.sites)  # sites: the status word, after what is read
        for view in self._views:
            self.writer.changed.listen(view)  # each view reads what a write changed, and swaps it in
        self.writer.changed.listen(self.current.on_changes)  # last: the highlights, once every view has read again
        self.writer.waiting.connect(
            lambda waiting: self.statusBar().showMessage(translate("MainWindow", WAITING_TO_WRITE)) if waiting
            else self.statusBar().clearMessage())
        self.queue_pane.pending_counted.connect(lambda count: self.tabs.setTabText(
            QUEUE_TAB, translate("MainWindow", "Queue ({count} pending)").format(count=look.number(count))))
        self.commenter_panel.comment_activated.connect(self.open_comment)
        self.article_view.first_comment_posted.connect(self.decisions.post_first_comment)
        self.scoring.model_ready.connect(self._model_ready)
        self.scoring.stopped.connect(lambda why: self.statusBar().showMessage(why, 10_000)
                                     if why not in ("done", "cancelled") else None)

    # ---- reading and moving ------------------------------------------------------------

    def refresh(self) -> None:
        """Every view reads again (F5, Preferences, an import), keeping the current comment."""
        self.writer.announce(Changes(everything=True))

    def open_article(self, article_id: int, comment_id: int | None = None) -> None:
        self.current.open(article_id, comment_id)

    def show_comment(self, comment_id: int | None) -> None:
        self.current.choose(comment_id)

    @property
    def current_comment_id(self) -> int | None:
        return self.current.comment_id

    def open_comment(self, comment_id: int) -> None:
        """Open a comment chosen elsewhere (the commenter panel, the audit log) in its thread."""
        self.open_article(self._read(lambda s: queries.comment(s, comment_id)).article_id, comment_id)
        self.side_tabs.setCurrentWidget(self.panel)
        self.raise_()
        self.activateWindow()

    def step(self, forward: bool) -> None:
        if self.tabs.currentIndex() == QUEUE_TAB:
            moved, end = self.queue_pane.step(forward), "list"
        elif self.article_view.article is None:
            moved, end = step_list(self.articles_view, forward), "list"
        else:
            moved, end = self.article_view.step(forward), "thread"
        if not moved:
            self.statusBar().showMessage(translate("MainWindow", ENDS[(forward, end)]), 3000)

    # ---- deciding -------------------------------------------------------------------------

    @property
    def moderator(self) -> str:
        return self.context.settings.get(S.MODERATOR_NAME)

    def _current_row(self) -> CommentRow | None:
        if self.current.row is None:
            self.statusBar().showMessage(translate("MainWindow", SELECT_FIRST), 4000)
        return self.current.row

    def _decide(self, action: Action) -> None:
        if (row := self._current_row()) is not None and self.claims.may_act_on(row, action):
            if action == Action.FEATURE and row.featured:  # f toggles: a featured comment is unfeatured
                action = Action.UNFEATURE
            move_on = None if action in (Action.RESTORE, Action.FEATURE, Action.UNFEATURE) else lambda: self.step(True)
            self.decisions.decide(row, action, move_on, self.panel.deleted_by_author)

    def reply(self) -> None:
        if (row := self._current_row()) is not None:
            self.decisions.reply(row)

    # ---- scoring ------------------------------------------------------------------------------

    def _show_model_in_queue(self) -> None:
        """The queue orders and filters by the active model's scores, flagged from Medium."""
        self.active.thresholds = thresholds_from(self.context.settings)
        identity = self.active.identity
        self.queue_pane.set_model(self.active.model_id, identity.labels, identity.main_label)
        self.queue_pane.set_flagged_from(self.active.thresholds.medium, self.active.thresholds.high)

    def _use_model(self, identity: ModelIdentity, model_id: int | None) -> None:
        self.active.identity, self.active.model_id = identity, model_id
        self.explainer.set_model(identity, model_id)
        self._show_model_in_queue()
        panel = self.commenter_panel
        if panel.author is not None:
            panel.show_commenter(panel.site_id, panel.author, model_id)

    def start_scoring(self) -> None:
        """Score what is unscored, the open article first. Safe to call often."""
        self.scoring.start(self.article_view.article.id if self.article_view.article else None)

    def _model_ready(self, model_id: int) -> None:
        if model_id != self.active.model_id:
            self._use_model(self.active.identity, model_id)
            self.writer.announce_soon(Changes(everything=True))  # a view per turn: the model just started on the other core

    def models_changed(self) -> None:
        """Another model is active (or the active one was removed): its scores, not the old ones."""
        identity = model_identity(self.context.paths.models)
        if identity != self.active.identity:
            self.scoring.stop()
            self._use_model(identity, self._read(lambda s: find_model(s, identity)))
            self.refresh()
            self.start_scoring()

    def _after_import(self) -> None:
        self.refresh()
        self.start_scoring()

    # ---- other windows --------------------------------------------------------------------

    def load_demo(self) -> None:
        self.statusBar().showMessage(translate("MainWindow", "Loading the demo article and comments…"))
        from moderator.importing.demo import load_demo  # the import pipeline: needed on a first start only

        self.writer.submit(load_demo, lambda _reports: self._demo_loaded())

    def _demo_loaded(self) -> None:
        self.statusBar().showMessage(demo_arrived(self.context.settings.get(S.PRIORITY_MEDIUM)), 15000)
        self._after_import()
        self.reopen_last_article()  # first start: open the newest article, as readers would

    def show_audit_log(self, only_open_article: bool = False) -> None:
        if self.audit_window is None:
            from moderator.gui.audit.window import AuditWindow

            self.audit_window = AuditWindow(self.context.db.sessions, self.reader, self._report_bug, self)
            self.audit_window.comment_activated.connect(self.open_comment)
        article = self.article_view.article
        if only_open_article and article is not None:
            self.audit_window.set_article(article.id, article.headline)  # before present(): read once
        self.audit_window.present()

    def explain_current(self) -> None:
        if not self.why.explain_current():
            self.statusBar().showMessage(translate("MainWindow", SELECT_FIRST), 4000)

    def show_insight(self) -> None:
        from moderator.gui.insight.window import InsightWindow  # pyqtgraph: loaded on the first Ctrl+I only

        if self.insight_window is None:
            self.insight_window = InsightWindow(self.context.db.sessions, self.active, self._read, self._report_bug, self)
        self.insight_window.present()

    def show_word_lists(self) -> None:
        from moderator.gui.dialogs.wordlists import WordListsDialog

        dialog = WordListsDialog(self, self._read, self.writer, self._report_bug, self._word_lists_changed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_rules(self) -> None:
        from moderator.gui.dialogs.rules import open_rules_dialog

        open_rules_dialog(self)

    def _word_lists_changed(self) -> None:
        self.panel.load(self.panel.comment_id)  # the new hits highlighted
        self.article_view.rules_changed()

    def show_models(self) -> None:
        from moderator.gui.dialogs.models import ModelsDialog

        ModelsDialog(self, self.context.paths.models, self.models_changed, self._report_bug).exec()

    def edit_preferences(self) -> None:
        if edit_preferences(self, self.context.settings, str(self.context.paths.home), self.menuBar()):
            apply_shortcuts(self.actions_by_id, self.context.settings)  # the new keys work at once
            self._show_model_in_queue()  # priority chips and Flagged follow the new thresholds
            self.refresh()

    def show_guide(self) -> None:
        if self.guide_window is None:
            self.guide_window = GuideWindow(self)
        settings = self.context.settings
        self.guide_window.show_text(guide_html(self.actions_by_id, settings.get(S.PRIORITY_MEDIUM),
                                               settings.get(S.PRIORITY_HIGH), EXTRA_KEYS))

    def show_about(self) -> None:
        show_plain_message(self, translate("MainWindow", "About {app}").format(app=APP_NAME),
                           translate("MainWindow", "{app} {version}\nData folder: {folder}").format(
                               app=APP_NAME, version=__version__, folder=self.context.paths.home),
                           QMessageBox.Icon.Information)

    # ---- layout persistence -----------------------------------------------------------------

    def reopen_last_article(self) -> None:
        """Select the article open when the app last closed, or the newest one."""
        model = self.articles
        row = model.row_of(self._reopen_article) if self._reopen_article else None
        if model.rowCount():
            index = model.index(row if row is not None else 0)
            self.articles_view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        windowstate.fit_to_screen(self)  # again, now that the platform knows the frame

    def closeEvent(self, event: QCloseEvent) -> None:
        self.scoring.close()  # what it scored so far is kept; the next start resumes
        self.sites.close()  # a sync stops between steps; the outbox keeps the rest
        self.explainer.close()
        if self.audit_window is not None:
            self.audit_window.shutdown()  # an export in flight finishes
        if self.insight_window is not None:
            self.insight_window.shutdown()  # its readers' reads finish
        self.reader.close()
        self.files.close()  # an import under way finishes (or its Cancel stops it)
        self.claims.close()  # our claim is released by the writer, before it closes
        self.watch.close()
        self.writer.close()  # every decision shown as done is committed before we go
        self.collector.close()
        windowstate.save(self)
        super().closeEvent(event)
