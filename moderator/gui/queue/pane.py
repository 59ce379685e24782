"""The queue pane: which queue (1–5), search, filter chips, the count, the order, the score
band and the lazy list of comments, with the moderator's selection.

The pane turns what the moderator chooses into a QueueQuery and shows it; the main
window acts on what is chosen. Counts, the histogram and id lists for Ctrl+A and bands
are read off the GUI thread (`Reader`); only the newest answer is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from moderator.changes import Changes
from moderator.gui.article.threadmodel import describe_comment
from moderator.gui.common import look
from moderator.gui.common.delegates import CommentDelegate
from moderator.gui.common.elided import ElidedLabel
from moderator.gui.common.flowlayout import FlowLayout
from moderator.gui.common.icons import icon
from moderator.gui.common.reading import PriorityOf, Query, Read, changed_rows, rows_to_read
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.common.wording import flagged_tip
from moderator.gui.models.listmodels import ROW_ROLE, highlight, highlighted, step_list
from moderator.gui.queue.filters import chips, describe_range, label_name
from moderator.gui.queue.histogram import ScoreHistogram
from moderator.gui.queue.model import Opening, QueueModel, opening
from moderator.gui.workers.latest import Latest
from moderator.gui.workers.writer import Reader
from moderator.reading import queue
from moderator.reading.queue import QueueQuery, ScoreRange
from moderator.reading.rows import CommentRow
from moderator.vocabulary import QueueKind, Sort

# Names marked for pyside6-lupdate, translated where shown.
KINDS = ((QueueKind.PENDING, QT_TRANSLATE_NOOP("QueuePane", "Pending")),
         (QueueKind.FLAGGED, QT_TRANSLATE_NOOP("QueuePane", "Flagged")),
         (QueueKind.HIDDEN, QT_TRANSLATE_NOOP("QueuePane", "Hidden")),
         (QueueKind.APPROVED, QT_TRANSLATE_NOOP("QueuePane", "Approved")), (QueueKind.ALL, QT_TRANSLATE_NOOP("QueuePane", "All")))
SORT_NAMES = {Sort.PRIORITY: QT_TRANSLATE_NOOP("QueuePane", "Highest priority first"),
              Sort.NEWEST: QT_TRANSLATE_NOOP("QueuePane", "Newest first"),
              Sort.OLDEST: QT_TRANSLATE_NOOP("QueuePane", "Oldest first"),
              Sort.RELEVANCE: QT_TRANSLATE_NOOP("QueuePane", "Best match first")}
COUNT_WORDS = {QueueKind.PENDING: QT_TRANSLATE_NOOP("QueuePane", "{count} pending"),
               QueueKind.FLAGGED: QT_TRANSLATE_NOOP("QueuePane", "{count} flagged"),
               QueueKind.HIDDEN: QT_TRANSLATE_NOOP("QueuePane", "{count} hidden"),
               QueueKind.APPROVED: QT_TRANSLATE_NOOP("QueuePane", "{count} approved"), QueueKind.ALL: ""}
BINS = 20
CHIP_WIDTH = 240  # pixels of text at most on a filter chip (the full text is its tooltip)
SEARCH_PAUSE_MS = 250  # search once typing pauses: each search reads the index
RECOUNT_PAUSE_MS = 400  # decisions in a burst cost one recount
SCORES_PAUSE_MS = 400  # scores land in slices: the queue is read again (order, Flagged, band) once they pause


class LeaveOnEscape(QObject):
    """Esc in the search box leaves it for the results (the window's own Esc, which clears
    the selection, never sees it), so the next keys are the queue's again."""

    def __init__(self, box: QLineEdit, leave: Callable[[], None]):
        super().__init__(box)
        self._leave = leave

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.key() != Qt.Key.Key_Escape or event.modifiers():
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the key press comes here instead of going to the Esc shortcut
            return True
        if event.type() == QEvent.Type.KeyPress:
            self._leave()
            return True
        return False


class QueuePane(QWidget):
    comment_chosen = Signal(object)  # the moderator moved to this comment (its CommentRow): j / k, arrows, a click
    listed = Signal()  # the list was read again from its top: nothing is highlighted until the window says
    selection_changed = Signal(int)  # how many comments are selected
    selection_dropped = Signal(int)  # the moderator's selection of this many was cleared: other comments are listed
    pending_counted = Signal(int)  # the whole pending queue, for the tab's title

    def __init__(self, read: Read, reader: Reader, priority_of: PriorityOf, parent: QWidget | None = None):
        super().__init__(parent)
        self._read = read
        self.holder_of: Callable[[int], str | None] = lambda _comment_id: None  # team mode: a colleague's claim
        self._count_answer, self._histogram_answer = Latest(reader), Latest(reader)
        self._pending_answer, self._ids_answer = Latest(reader), Latest(reader)
        self._reload_answer = Latest(reader, again_if_overtaken=True)
        self.query = QueueQuery()
        self.labels: tuple[str, ...] = ()
        self.main_label = "score"
        self.article_headline = ""
        self.selection_source = ""  # "" for comments picked one by one; else what selected them (Ctrl+A, a band)
        self.count: int | None = None
        self.model = QueueModel(read, describe_comment, self)
        self._build(priority_of)
        self._search_pause = self._timer(SEARCH_PAUSE_MS, self._search_typed)
        self._recount_pause = self._timer(RECOUNT_PAUSE_MS, self.recount)
        self._scores_pause = self._timer(SCORES_PAUSE_MS, self._reload_off_thread)

    # ---- construction ------------------------------------------------------------------

    def _build(self, priority_of: PriorityOf) -> None:
        self.kinds = QTabBar(self)
        self.kinds.setObjectName("queueKinds")
        self.kinds.setAccessibleName(translate("QueuePane", "Which queue"))
        self.kinds.setExpanding(False)
        self.kinds.setDrawBase(False)
        for number, (kind, name) in enumerate(KINDS, 1):
            name = translate("QueuePane", name)
            self.kinds.setTabToolTip(self.kinds.addTab(name), f"{name} ({number})")
            self.kinds.setTabData(number - 1, kind)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(translate("QueuePane", "Search comments and authors   ( / )"))
        self.search.setAccessibleName(translate("QueuePane", "Search the queue"))
        self.search.setToolTip(translate("QueuePane",
                                         'Words (all must match), "a phrase", prefix*. Enter or Esc goes to the results.'))
        self.clear_search = self.search.addAction(icon("clear"), QLineEdit.ActionPosition.TrailingPosition)
        self.clear_search.setToolTip(translate("QueuePane", "Clear the search"))
        self.clear_search.setVisible(False)
        self._leave_on_escape = LeaveOnEscape(self.search, self._search_done)
        self.search.installEventFilter(self._leave_on_escape)
        self.filter_button = QToolButton(self)
        self.filter_button.setObjectName("filterButton")
        self.filter_button.setText(translate("QueuePane", "Filter"))
        self.filter_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.filter_button.setAccessibleName(translate("QueuePane", "Add a filter"))
        self.chip_box = QWidget(self)
        self.chip_layout = FlowLayout(self.chip_box)
        self.count_label = ElidedLabel(self)  # "54 comments · 3 selected (Offensive 0.75–1.00)" must not widen the column
        self.count_label.setAccessibleName(translate("QueuePane", "How many comments match"))
        self.sort = QComboBox(self)
        self.sort.setAccessibleName(translate("QueuePane", "Queue order"))
        self.histogram = ScoreHistogram(BINS, self)
        self.histogram_label = QComboBox(self)
        self.histogram_label.setAccessibleName(translate("QueuePane", "Histogram label"))
        self.histogram_label.setToolTip(translate("QueuePane", "Which label's scores the histogram shows"))
        self.view = self._make_view(priority_of)
        self._lay_out()
        self._connect()
        self._fill_sorts()

    def _make_view(self, priority_of: PriorityOf) -> QListView:
        view = QListView(self)
        view.setModel(self.model)
        view.setUniformItemSizes(True)  # one row is measured, not every id in the queue
        view.setItemDelegate(CommentDelegate(view, max_body_lines=3, show_article=True, priority_of=priority_of, uniform=True,
                                             holder_of=lambda comment_id: self.holder_of(comment_id)))
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setResizeMode(QListView.ResizeMode.Adjust)  # cards follow the column's width: no sideways scrolling, no cut chips
        view.setAccessibleName(translate("QueuePane", "Queue"))
        return view

    def _lay_out(self) -> None:
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.filter_button)
        count_row = QHBoxLayout()
        count_row.addWidget(self.count_label, 1)
        count_row.addWidget(self.sort)
        band_row = QHBoxLayout()
        band_row.addWidget(self.histogram, 1)
        band_row.addWidget(self.histogram_label, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.kinds)
        layout.addLayout(search_row)
        layout.addWidget(self.chip_box)
        layout.addLayout(count_row)
        layout.addLayout(band_row)
        layout.addWidget(self.view, 1)

    def _connect(self) -> None:
        self.kinds.currentChanged.connect(lambda i: self.set_kind(self.kinds.tabData(i)))
        self.sort.currentIndexChanged.connect(lambda _i: self.set_query(replace(self.query, sort=self.sort.currentData())))
        self.search.textEdited.connect(lambda _text: self._search_pause.start())
        self.search.returnPressed.connect(self._search_done)
        self.search.textChanged.connect(lambda text: self.clear_search.setVisible(bool(text)))
        self.clear_search.triggered.connect(self._search_cleared)
        self.histogram.band_chosen.connect(self.select_band)
        self.histogram_label.currentIndexChanged.connect(lambda _i: self._ask_histogram())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

    def _timer(self, ms: int, then: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(then)
        return timer

    # ---- the query -----------------------------------------------------------------------

    def set_model(self, model_id: int | None, labels: tuple[str, ...], main_label: str) -> None:
        """The active model: its scores order, filter and fill the histogram."""
        self.labels, self.main_label = labels, main_label
        self.histogram_label.clear()
        for label in labels:
            self.histogram_label.addItem(label_name(label), None if label == main_label else label)
        self.histogram_label.setVisible(len(labels) > 1)
        scores = tuple(r for r in self.query.scores if r.label is None or r.label in labels)
        self.query = replace(self.query, model_id=model_id, scores=scores)

    def set_flagged_from(self, medium: float, high: float) -> None:
        self.histogram.set_thresholds(medium, high)
        flagged = next(i for i, (kind, _name) in enumerate(KINDS) if kind == QueueKind.FLAGGED)
        self.kinds.setTabToolTip(flagged, f"{translate('QueuePane', 'Flagged')} ({flagged + 1}): {flagged_tip(medium)}")
        self.query = replace(self.query, flagged_from=medium)

    def set_query(self, query: QueueQuery, opened: Opening | None = None) -> None:
        """Show a queue, order or filter from its top (`opened`: its top, read already);
        `listed` follows (the window then highlights its current comment, if listed). The
        moderator's selection stays when the same comments match (another order, or the
        queue read again) and is dropped, with `selection_dropped`, when other comments may."""
        if query.sort == Sort.RELEVANCE and not query.search:
            query = replace(query, sort=Sort.PRIORITY)
        same_comments = replace(query, sort=Sort.NEWEST) == replace(self.query, sort=Sort.NEWEST)
        kept, dropped = (set(self.model.checked), 0) if same_comments else (set(), len(self.model.checked))
        self.query = query
        if not same_comments:
            self._ids_answer.forget()
            self.selection_source = ""
            self.histogram.mark(None)
        self.model.set_query(query, opened)
        self.model.replace_checked(kept)
        self._show_filters()
        self.recount()
        self._selection_edited()
        if dropped:
            self.selection_dropped.emit(dropped)
        self.listed.emit()

    def _reload_query(self) -> Query:
        """The read of the same queue again (F5, an import, a pull, scores landing), around
        the current comment."""
        query, around = self.query, self.current_id()
        return lambda s: opening(s, query, around)

    def _reloaded(self, opened: Opening) -> None:
        """The queue read again: shown unless the moderator asked for another meanwhile."""
        if opened.query == self.query:
            self._scores_pause.stop()
            self._reload_answer.forget()
            self.set_query(self.query, opened)

    def _reload_off_thread(self) -> None:
        self._reload_answer.ask(self._reload_query(), self._reloaded)

    def set_kind(self, kind: QueueKind) -> None:
        self.kinds.blockSignals(True)
        self.kinds.setCurrentIndex(next(i for i, (k, _name) in enumerate(KINDS) if k == kind))
        self.kinds.blockSignals(False)
        if kind != self.query.kind:
            self.set_query(replace(self.query, kind=kind))

    def cycle_sort(self) -> str:
        sorts = [self.sort.itemData(i) for i in range(self.sort.count())]
        chosen = sorts[(sorts.index(self.query.sort) + 1) % len(sorts)] if self.query.sort in sorts else sorts[0]
        self.set_query(replace(self.query, sort=chosen))
        return translate("QueuePane", SORT_NAMES[chosen])

    def filter_article(self, article_id: int, headline: str) -> None:
        self.article_headline = headline
        self.set_query(replace(self.query, article_id=article_id))

    def filter_commenter(self, author: str, site_id: int | None) -> None:
        self.set_query(replace(self.query, author=author, site_id=site_id))

    def clear_filters(self) -> None:
        self.search.clear()
        self.set_query(QueueQuery(kind=self.query.kind, sort=self.query.sort, model_id=self.query.model_id,
                                  flagged_from=self.query.flagged_from))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_typed(self) -> None:
        typed = self.search.text().strip()
        if typed != self.query.search:
            best_match_first = bool(typed) and not self.query.search and self.query.sort == Sort.PRIORITY
            sort = Sort.RELEVANCE if best_match_first else self.query.sort
            self.set_query(replace(self.query, search=typed, sort=sort))

    def _search_done(self) -> None:
        """Enter or Esc: search now, and go to the results, so j / k / a and 1–5 work at once."""
        self._search_pause.stop()
        self._search_typed()
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _search_cleared(self) -> None:
        """The box's ✕: no search, and the keys go back to the queue (a 2 typed next is the Flagged queue)."""
        self.search.clear()
        self._search_done()

    def _show_filters(self) -> None:
        while (item := self.chip_layout.takeAt(0)) is not None:
            if (old := item.widget()) is not None:
                old.deleteLater()
        self.chip_buttons: list[QToolButton] = []
        for chip in chips(self.query, self.main_label, self.article_headline):
            button = QToolButton(self.chip_box)
            button.setObjectName("filterChip")
            shown = button.fontMetrics().elidedText(chip.text, Qt.TextElideMode.ElideRight, CHIP_WIDTH)
            button.setText(f"{shown}  ✕")  # a headline chip must not widen the column
            button.setToolTip(translate("QueuePane", "Remove this filter: {filter}").format(filter=chip.tip or chip.text))
            button.setAccessibleName(translate("QueuePane", "Filter {filter}. Press to remove it.").format(filter=chip.text))
            button.clicked.connect(lambda _checked=False, without=chip.without: self.set_query(without))
            self.chip_layout.addWidget(button)
            self.chip_buttons.append(button)
        self.chip_box.setVisible(self.chip_layout.count() > 0)
        self._fill_sorts()

    def _fill_sorts(self) -> None:
        self.sort.blockSignals(True)
        self.sort.clear()
        for sort, name in SORT_NAMES.items():
            if sort != Sort.RELEVANCE or self.query.search:
                self.sort.addItem(translate("QueuePane", name), sort)
        self.sort.setCurrentIndex(max(0, self.sort.findData(self.query.sort)))
        self.sort.blockSignals(False)

    # ---- counts and the histogram, off the GUI thread ---------------------------------------------

    def recount(self) -> None:
        query = self.query
        self._count_answer.ask(lambda s: queue.count(s, query), self._counted)
        self._pending_answer.ask(lambda s: queue.count(s, QueueQuery()), self.pending_counted.emit)
        self._ask_histogram()

    def recount_soon(self) -> None:
        self._recount_pause.start()

    def to_read(self, changes: Changes) -> Query | None:
        """What a change makes the queue read (workers/changefeed.py): all of it again, or the
        changed rows it shows that the write did not read."""
        if changes.everything:
            return self._reload_query()
        return rows_to_read(changes, self.model.is_read, self.query.model_id)

    def on_read(self, changes: Changes, answer: Any) -> None:
        """Changed comments are repainted where they are (a decided comment stays in place
        until the queue reloads, so j keeps its place); counts and the band follow. New
        scores change the order, who is Flagged and the band: once they stop landing, the
        queue is read again, off the GUI thread (keeping the current comment and the selection)."""
        if changes.everything:
            self._reloaded(answer)
            return
        for row in changed_rows(changes, self.model.is_read, answer):
            self.model.replace(row)
        if changes.scores:
            self._scores_pause.start()
        elif changes.decided:
            self.recount_soon()

    def _counted(self, count: int) -> None:
        self.count = count
        self._show_count()

    def _count_words(self, count: int) -> str:
        """'1 comment', '3 comments' (All), '3 pending': a status word needs no plural."""
        words = COUNT_WORDS[self.query.kind]
        return translate("QueuePane", words).format(count=look.number(count)) if words else look.counted(count, "comment")

    def _show_count(self) -> None:
        words = self._count_words(self.count) if self.count is not None else translate("QueuePane", "Counting…")
        selected = len(self.model.checked)
        if selected:
            words += " · " + translate("QueuePane", "{count} selected").format(count=look.number(selected)) + (
                f" ({self.selection_source})" if self.selection_source else "")
        self.count_label.setText(words)

    def _ask_histogram(self) -> None:
        query, label = self.query, self.histogram_label.currentData()
        self._histogram_answer.ask(lambda s: queue.histogram(s, query, label, BINS), self.histogram.set_counts)

    # ---- moving ---------------------------------------------------------------------------------------

    def current_id(self) -> int | None:
        """The comment the queue highlights."""
        index = highlighted(self.view)
        return self.model.id_at(index.row()) if index.isValid() else None

    def current_row(self) -> CommentRow | None:
        index = highlighted(self.view)
        return index.data(ROW_ROLE) if index.isValid() else None

    def highlight(self, comment_id: int | None) -> None:
        """Highlight this comment if the queue lists it (as far as it was read), else none."""
        row = self.model.row_of(comment_id) if comment_id is not None else None
        highlight(self.view, self.model.index(row) if row is not None else QModelIndex())

    def step(self, forward: bool) -> bool:
        """The next (or previous) comment, past those another moderator holds; False at either end."""
        return step_list(self.view, forward, lambda row: self.holder_of(self.model.id_at(row)) is not None)

    def go_to(self, row: int) -> None:
        highlight(self.view, self.model.index(row))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if (row := self.current_row()) is not None:
            self.comment_chosen.emit(row)

    # ---- the moderator's selection ---------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        return sorted(self.model.checked)

    def toggle_current(self) -> bool:
        if (comment_id := self.current_id()) is None:
            return False
        self.model.toggle_checked(comment_id)
        self._selection_edited()
        return True

    def extend(self, forward: bool) -> bool:
        """Shift+j / Shift+k: select this comment and the next (or previous) one."""
        if (comment_id := self.current_id()) is None:
            return False
        self.model.set_checked([comment_id])
        moved = self.step(forward)
        if moved and (now := self.current_id()) is not None:
            self.model.set_checked([now])
        self._selection_edited()
        return moved

    def clear_selection(self) -> None:
        self._ids_answer.forget()
        self.model.replace_checked(())
        self.histogram.mark(None)
        self.selection_source = ""
        self._selection_edited()

    def select_all(self) -> None:
        """Every comment matching the queue and its filters, read off the GUI thread."""
        query = self.query
        self.count_label.setText(translate("QueuePane", "Selecting every matching comment…"))
        source = translate("QueuePane", "all matching")
        self._ids_answer.ask(lambda s: queue.ids(s, query), lambda ids: self._selected(ids, source))

    def select_band(self, first: int, last: int) -> None:
        label = self.histogram_label.currentData()
        band = ScoreRange(queue.band(first, BINS, label).low, queue.band(last, BINS, label).high, label)
        query = replace(self.query, scores=self.query.scores + (band,))
        self.histogram.mark((first, last))
        described = describe_range(band, self.main_label)
        self._ids_answer.ask(lambda s: queue.ids(s, query), lambda ids: self._selected(ids, described))

    def _selected(self, ids: list[int], source: str) -> None:
        self.model.replace_checked(ids)
        self.selection_source = source
        self._selection_edited()

    def _selection_edited(self) -> None:
        if not self.model.checked:
            self.selection_source = ""
        self._show_count()
        self.selection_changed.emit(len(self.model.checked))
