"""What the queue's keys do: which queue, its order, its filters, the moderator's selection
and the bulk decisions on it. The main window gives it the parts it acts on and connects
its handlers to the actions (gui/actions.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTabWidget, QWidget

from moderator.gui.actions import FILTER_MENU, ActionId, fill
from moderator.gui.common import look
from moderator.gui.common.reading import Read
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.operations.decisions import Decisions
from moderator.gui.queue.filters import DateFilterDialog, ScoreFilterDialog, with_range
from moderator.gui.queue.pane import QueuePane
from moderator.gui.queue.rulemenu import RuleMenu
from moderator.gui.workers.writer import Reader
from moderator.reading import commenters
from moderator.reading.rows import ArticleDetail
from moderator.scoring.base import ModelIdentity
from moderator.vocabulary import Action, QueueKind, Status

QUEUE_TAB = 1  # the queue's tab in the window's left column
BULK_WORDS = {Action.APPROVE: QT_TRANSLATE_NOOP("QueueCommands", "Approving {comments}…"),
              Action.HIDE: QT_TRANSLATE_NOOP("QueueCommands", "Hiding {comments}…"),
              Action.RESTORE: QT_TRANSLATE_NOOP("QueueCommands", "Restoring {comments}…")}
Say = Callable[[str, int], None]  # a sentence for the status bar, and for how many milliseconds


class QueueCommands:
    def __init__(self, parent: QWidget, pane: QueuePane, tabs: QTabWidget, say: Say, read: Read, reader: Reader,
                 decisions: Decisions, open_article: Callable[[], ArticleDetail | None],
                 comment_id: Callable[[], int | None], model: Callable[[], ModelIdentity]):
        self._parent, self.pane, self._tabs, self._say, self._read = parent, pane, tabs, say, read
        self._reader = reader
        self._decisions = decisions
        self._open_article, self._comment_id, self._model = open_article, comment_id, model
        pane.selection_dropped.connect(
            lambda count: say(translate("QueueCommands", "Selection of {count} cleared: the queue now lists other comments.")
                                .format(count=look.number(count)), 6000))

    def handlers(self) -> dict[ActionId, Callable[[], None]]:
        return {
            ActionId.QUEUE_PENDING: lambda: self.show(QueueKind.PENDING),
            ActionId.QUEUE_FLAGGED: lambda: self.show(QueueKind.FLAGGED),
            ActionId.QUEUE_HIDDEN: lambda: self.show(QueueKind.HIDDEN),
            ActionId.QUEUE_APPROVED: lambda: self.show(QueueKind.APPROVED),
            ActionId.QUEUE_ALL: lambda: self.show(QueueKind.ALL),
            ActionId.CYCLE_SORT: self.cycle_sort, ActionId.SEARCH: self.search,
            ActionId.FILTER_ARTICLE: self.filter_article, ActionId.FILTER_COMMENTER: self.filter_commenter,
            ActionId.FILTER_SCORE: self.filter_score, ActionId.FILTER_DATE: self.filter_dates,
            ActionId.CLEAR_FILTERS: self.pane.clear_filters,
            ActionId.TOGGLE_SELECTED: self.toggle_selected,
            ActionId.EXTEND_DOWN: lambda: self.extend_selection(True), ActionId.EXTEND_UP: lambda: self.extend_selection(False),
            ActionId.SELECT_ALL: self.select_all, ActionId.CLEAR_SELECTION: self.pane.clear_selection,
            ActionId.BULK_APPROVE: lambda: self.decide_selection(Action.APPROVE),
            ActionId.BULK_HIDE: lambda: self.decide_selection(Action.HIDE),
        }

    def filter_menu(self, actions: Mapping[ActionId, QAction]) -> QMenu:
        """The pane's Filter button: the filter actions and a choice of status."""
        menu = QMenu(translate("QueueCommands", "Filter"), self._parent)
        fill(menu, actions, FILTER_MENU)
        statuses = menu.addMenu(translate("QueueCommands", "&Status"))
        for status in (Status.PENDING, Status.APPROVED, Status.HIDDEN):
            chosen = statuses.addAction(look.status_word(status))
            chosen.triggered.connect(lambda _checked=False, status=status: self.filter_status(status))
        self.rules_menu = menu.addMenu(translate("QueueCommands", "&Rule"))
        self.rule_menu = RuleMenu(self.rules_menu, self._reader, lambda: self.pane.query.rule, self.filter_rule)
        fill(menu, actions, (None, ActionId.CLEAR_FILTERS))
        self.pane.filter_button.setMenu(menu)
        return menu

    # ---- which queue, in what order ------------------------------------------------------

    def show(self, kind: QueueKind | None = None) -> None:
        self._tabs.setCurrentIndex(QUEUE_TAB)
        if kind is not None:
            self.pane.set_kind(kind)
        if not self.pane.search.hasFocus():
            self.pane.view.setFocus()

    def cycle_sort(self) -> None:
        self.show()
        self._say(translate("QueueCommands", "Order: {order}.").format(order=self.pane.cycle_sort()), 3000)

    def search(self) -> None:
        self._tabs.setCurrentIndex(QUEUE_TAB)
        self.pane.focus_search()

    # ---- filters ----------------------------------------------------------------------------

    def filter_article(self) -> None:
        if (article := self._open_article()) is None:
            self._say(translate("QueueCommands", "Open an article first (Ctrl+1 lists them)."), 4000)
            return
        self.show()
        self.pane.filter_article(article.id, article.headline)

    def filter_commenter(self) -> None:
        if (cid := self._comment_id()) is None:
            self._say(translate("QueueCommands", "Select a comment first (j / k move through comments)."), 4000)
            return
        site_id, author = self._read(lambda s: commenters.of_comment(s, cid))
        self.show()
        self.pane.filter_commenter(author, site_id)

    def filter_status(self, status: Status) -> None:
        """Mostly for the All queue (and a commenter's comments): one status only."""
        self.show()
        self.pane.set_query(replace(self.pane.query, status=status))

    def filter_rule(self, key: str | None) -> None:
        """Only the comments this rule found something in (None: every comment)."""
        self.show()
        self.pane.set_query(replace(self.pane.query, rule=key))

    def filter_score(self) -> None:
        model = self._model()
        chosen = ScoreFilterDialog(self._parent, model.labels, model.main_label).choose()
        if chosen is not None:
            self.show()
            self.pane.set_query(with_range(self.pane.query, chosen))

    def filter_dates(self) -> None:
        query = self.pane.query
        chosen = DateFilterDialog(self._parent, query.since, query.until).choose()
        if chosen is not None:
            self.show()
            self.pane.set_query(replace(query, since=chosen[0], until=chosen[1]))

    # ---- the selection and what is done to it -----------------------------------------------------

    def _in_queue(self) -> bool:
        if self._tabs.currentIndex() != QUEUE_TAB:
            self._say(translate("QueueCommands", "Selecting works in the queue: press 1–5 to open one."), 4000)
            return False
        return True

    def toggle_selected(self) -> None:
        if self._in_queue() and not self.pane.toggle_current():
            self._say(translate("QueueCommands", "Go to a comment first (j / k), then x selects it."), 4000)

    def extend_selection(self, forward: bool) -> None:
        if not self._in_queue():
            return
        if self.pane.current_id() is None:
            self._say(translate("QueueCommands", "Go to a comment first (j / k)."), 4000)
        elif not self.pane.extend(forward):
            self._say(translate("QueueCommands", "End of the list.") if forward
                      else translate("QueueCommands", "Start of the list."), 3000)

    def select_all(self) -> None:
        self.show()
        self.pane.select_all()

    def decide_selection(self, action: Action) -> None:
        ids, picked_by = self.pane.selected_ids(), self.pane.selection_source
        if not ids:
            self._say(translate("QueueCommands", "Nothing is selected: x selects a comment, Shift+J / Shift+K extend, "
                                                 "Ctrl+A selects all matching."), 6000)
            return
        count = look.number(len(ids))
        what = (translate("QueueCommands", "all {count} comments selected ({how})").format(count=count, how=picked_by)
                if picked_by else translate("QueueCommands", "the selected comment") if len(ids) == 1
                else translate("QueueCommands", "the {count} selected comments").format(count=count))
        if self._decisions.decide_many(ids, action, what, Decisions.needs_confirming(len(ids), picked_by),
                                       self.pane.clear_selection):
            self._say(translate("QueueCommands", BULK_WORDS[action]).format(comments=look.counted(len(ids), "comment")), 0)
