"""One commenter's history: their name, how many comments of each status, first and last
seen, and every comment of theirs (all statuses, newest first, with scores), read lazily.

The panel only reads. "Hide all pending" is a signal: the window confirms it and turns it
into one undoable bulk action (gui/undo.BulkCommand over commenters.pending_ids_of).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from moderator.changes import Changes
from moderator.errors import NotFoundError
from moderator.gui.comment.panel import plain_label
from moderator.gui.commenter.standing import StandingBox
from moderator.gui.common import look
from moderator.gui.common.delegates import CommentDelegate, Index, count_chip_text, paint_counts
from moderator.gui.common.reading import PriorityOf, Query, Read
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.models.listmodels import ID_ROLE, PAGE_SIZE, ROW_ROLE, KeysetListModel, highlight, highlighted_id
from moderator.reading import commenters, queue
from moderator.reading.commenters import CommenterSummary
from moderator.reading.rows import CommentRow
from moderator.rules.commenters import Person, person


def person_or_none(session: Session, site_id: int | None, author: str) -> Person | None:
    """The commenter as a person (standing, notes, history); None across sites or for a staff author."""
    if site_id is None:
        return None
    try:
        return person(session, site_id, author)
    except NotFoundError:
        return None


Who = tuple[int | None, str, int | None]  # site (None: every site), author, model

PLACEHOLDER = QT_TRANSLATE_NOOP("CommenterPanel", "Press C on a comment to see everything its author has written.")


class StatusCounts(QLabel):
    """'3 pending' '12 approved' '0 hidden' as the app's chips. A label underneath, so
    screen readers read the same counts as text."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)  # the chips wrap onto a second row in a narrow panel
        self.setSizePolicy(policy)
        self.counts: dict[str, int] = {}

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = dict(counts)
        self.setText(", ".join(count_chip_text(status, count) for status, count in self.counts.items()))
        self.updateGeometry()
        self.update()

    def _chip_font(self) -> QFont:
        return look.scaled(self.font(), 0.92)

    def sizeHint(self) -> QSize:
        font = self._chip_font()
        width = sum(look.chip_width(count_chip_text(status, n), font) + 6 for status, n in self.counts.items())
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        """The widest chip: in a narrow panel (or longer words, as German's) the chips wrap."""
        font = self._chip_font()
        widest = max((look.chip_width(count_chip_text(status, n), font) for status, n in self.counts.items()), default=0)
        return QSize(widest, self.heightForWidth(widest))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rows = {top for _status, _left, top in self._placed(width)} or {0}
        return max(rows) + QFontMetrics(self._chip_font()).height() + 4

    def _placed(self, width: int) -> list[tuple[str, int, int]]:
        """(status, left, top) of each chip, in rows as wide as `width`."""
        font, placed, left, top = self._chip_font(), [], 0, 1
        line = QFontMetrics(font).height() + 6
        for status, count in self.counts.items():
            chip = look.chip_width(count_chip_text(status, count), font)
            if left and left + chip > width:
                left, top = 0, top + line
            placed.append((status, left, top))
            left += chip + 6
        return placed

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        for status, left, top in self._placed(self.width()):
            paint_counts(painter, {status: self.counts[status]}, self._chip_font(), left, top, self.palette())


class HistoryDelegate(CommentDelegate):
    """Their comments as the app's cards, without the author (all are theirs) and with the
    score in the priority chip. Card heights are remembered for the current width: a list
    view lays out every loaded row again each time a page arrives, and wrapping the text
    is what costs."""

    def __init__(self, view: QListView, priority_of: PriorityOf):
        super().__init__(view, max_body_lines=4, show_article=True, priority_of=priority_of, show_author=False,
                         show_score=True)
        self._sizes: dict[str, QSize] = {}  # body -> size, at self._sized_width
        self._sized_width = 0

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if self._width(index) != self._sized_width:
            self._sizes, self._sized_width = {}, self._width(index)
        row = index.data(ROW_ROLE)
        if row is None:
            return super().sizeHint(option, index)
        if (size := self._sizes.get(row.body)) is None:
            size = self._sizes[row.body] = super().sizeHint(option, index)
        return size


def describe(row: CommentRow, priority_of: PriorityOf) -> str:
    """What a screen reader says for one of their comments (and what keyboard search matches)."""
    priority = priority_of(row.score)
    scored = f"{look.priority_chip_text(priority)} {row.score:.2f}" if priority else translate("CommenterPanel", "unscored")
    status = look.status_word(row.status)
    return translate("CommenterPanel", "{status}, {scored}, {when}, on {headline}: {text}").format(
        status=status, scored=scored, when=look.when(row.created_at, with_year=True), headline=row.article_headline,
        text=row.body)


class CommenterPanel(QWidget):
    hide_all_pending = Signal(str, object, int)  # author, site id (None: every site), how many are pending
    comment_activated = Signal(int)  # a comment of theirs, chosen with Enter or a double-click
    comment_chosen = Signal(int)  # the moderator moved to a comment of theirs (arrows, a click)
    listed = Signal()  # their comments were read again

    def __init__(self, read: Read, priority_of: PriorityOf, parent: QWidget | None = None):
        super().__init__(parent)
        self._read, self._priority_of = read, priority_of
        self._who: Who | None = None  # site, author, model
        self._restoring = False  # highlighting again what was highlighted before a reload: no move of the moderator's
        self.summary: CommenterSummary | None = None
        self.setAccessibleName(translate("CommenterPanel", "Commenter history"))
        self.placeholder = plain_label(self, translate("CommenterPanel", PLACEHOLDER))
        self.placeholder.setObjectName("panelPlaceholder")
        self.name = plain_label(self, selectable=True)
        self.name.setFont(look.scaled(look.bold(self.font()), 1.1))
        # the name itself is what a screen reader reads
        self.name.setAccessibleDescription(translate("CommenterPanel", "Commenter"))
        self.counts = StatusCounts(self)
        self.counts.setAccessibleDescription(translate("CommenterPanel", "Their comments by status"))
        self.first_seen, self.last_seen = plain_label(self), plain_label(self)
        self.seen = self._seen_form()
        self.hide_all_button = self._hide_all_button()
        self.standing_box = StandingBox(self)  # trusted / normal / banned, notes, and their actions (issue 14)
        self.person: Person | None = None
        self.list_title = plain_label(self)
        self.list_title.setFont(look.bold(self.font()))
        self.model = KeysetListModel(read, lambda row: describe(row, self._priority_of), parent=self)
        self.comments_view = self._comments_view()
        self._lay_out()
        self._show(None)

    # ---- construction ---------------------------------------------------------------------

    def _seen_form(self) -> QWidget:
        box = QWidget(self)
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(2)
        for title, label in ((translate("CommenterPanel", "First seen"), self.first_seen),
                             (translate("CommenterPanel", "Last seen"), self.last_seen)):
            form.addRow(plain_label(box, title), label)
        return box

    def _hide_all_button(self) -> QPushButton:
        button = QPushButton(self)
        button.setToolTip(translate("CommenterPanel", "Hide every pending comment of this commenter, with one reason; "
                                                     "Ctrl+Z undoes it in one step"))
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        button.clicked.connect(self._ask_hide_all)
        return button

    def _comments_view(self) -> QListView:
        view = QListView(self)
        view.setModel(self.model)
        view.setItemDelegate(HistoryDelegate(view, self._priority_of))
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setResizeMode(QListView.ResizeMode.Adjust)  # cards re-wrap when the column is resized
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.activated.connect(lambda index: self.comment_activated.emit(index.data(ID_ROLE)))
        view.selectionModel().selectionChanged.connect(self._selection_changed)
        return view

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.setSpacing(6)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.name)
        layout.addWidget(self.counts)
        layout.addWidget(self.seen)
        layout.addWidget(self.hide_all_button)
        layout.addSpacing(2)
        layout.addWidget(self.standing_box)
        layout.addSpacing(4)
        layout.addWidget(self.list_title)
        layout.addWidget(self.comments_view, 1)
        layout.addStretch(0)  # keeps the placeholder at the top while nothing is shown
        chain = [self.hide_all_button, *self.standing_box.focus_chain(), self.comments_view]
        for first, second in zip(chain, chain[1:], strict=False):
            self.setTabOrder(first, second)

    # ---- showing ----------------------------------------------------------------------------

    @property
    def author(self) -> str | None:
        return self._who[1] if self._who else None

    @property
    def site_id(self) -> int | None:
        return self._who[0] if self._who else None

    def show_commenter(self, site_id: int | None, author: str, model_id: int | None) -> None:
        """Everything of `author` on that site (None: on every site), scored by `model_id`."""
        self._who = (site_id, author, model_id)
        self._load(self._who, keep_place=False)
        self.comments_view.scrollToTop()

    def to_read(self, changes: Changes) -> Query | None:
        """Read again when one of their comments changed (or a change too large to tell): as
        many of their comments as are loaded, in one read (workers/changefeed.py)."""
        if self._who is None:
            return None
        theirs = any(row.author == self.author for row in changes.rows.values())
        if changes.everything or theirs or changes.decided and not changes.rows_complete:
            return self._summary_of(self._who, max(PAGE_SIZE, self.model.rowCount()))
        return None

    def on_read(self, _changes: Changes, answer: Any) -> None:
        """Shown again, keeping the current comment and the scroll position, unless the
        moderator opened another commenter meanwhile."""
        if answer is not None and answer[0] == self._who:
            self._load(answer[0], keep_place=True, read=answer[1:])

    def refresh(self) -> None:
        """Read the counts and their comments again (after decisions landed), keeping the
        rows already loaded, the current comment and the scroll position."""
        if self._who is not None:
            self._load(self._who, keep_place=True)

    @staticmethod
    def _summary_of(who: Who, rows: int) -> Callable[[Session], tuple[Who, CommenterSummary, Person | None]]:
        site_id, author, model_id = who
        return lambda s: (who, commenters.commenter_summary(s, site_id, author, model_id, limit=rows),
                          person_or_none(s, site_id, author))

    def _load(self, who: Who, keep_place: bool, read: tuple[CommenterSummary, Person | None] | None = None) -> None:
        """Show `who` (`read`: their summary and standing, read already, as many rows as were loaded)."""
        current, loaded = (self.current_comment_id(), self.model.rowCount()) if keep_place else (None, 0)
        scrolled = self.comments_view.verticalScrollBar().value()
        summary, self.person = read or self._read(self._summary_of(who, PAGE_SIZE))[1:]
        query = summary.query
        self.model.reload(lambda s, after, limit: queue.page(s, query, after, limit), (summary.comments, summary.cursor))
        while self.model.rowCount() < loaded and self.model.canFetchMore():
            self.model.fetchMore()
        self._show(summary)
        if keep_place:
            self._restoring = True
            self.highlight(current)
            self._restoring = False
            self.comments_view.doItemsLayout()  # so the old scroll position exists again
            self.comments_view.verticalScrollBar().setValue(scrolled)
        self.listed.emit()

    def _show(self, summary: CommenterSummary | None) -> None:
        self.summary = summary
        self.placeholder.setVisible(summary is None)
        for widget in (self.name, self.counts, self.seen, self.hide_all_button, self.list_title, self.comments_view):
            widget.setVisible(summary is not None)
        self.standing_box.show_person(self.person if summary is not None else None)
        if summary is None:
            return
        self.name.setText(summary.author)
        self.counts.set_counts(summary.counts)
        never = translate("CommenterPanel", "never")
        self.first_seen.setText(look.when(summary.first_seen, with_year=True) or never)
        self.last_seen.setText(look.when(summary.last_seen, with_year=True) or never)
        pending = summary.counts.get("pending", 0)
        self.hide_all_button.setText(translate("CommenterPanel", "Hide all pending from this commenter ({count})…").format(
            count=pending))
        self.hide_all_button.setEnabled(pending > 0)
        self.list_title.setText(self._list_title(summary.total))
        self.comments_view.setAccessibleName(translate("CommenterPanel", "Comments by {author}, newest first").format(
            author=summary.author))

    @staticmethod
    def _list_title(total: int) -> str:
        if total == 0:
            return translate("CommenterPanel", "No comments to moderate.")
        return translate("CommenterPanel", "Their comment, all statuses") if total == 1 else \
            translate("CommenterPanel", "All {count} comments, newest first").format(count=total)

    # ---- choosing -----------------------------------------------------------------------------

    def current_comment_id(self) -> int | None:
        """The comment of theirs the list highlights."""
        return highlighted_id(self.comments_view)

    def highlight(self, comment_id: int | None) -> None:
        """Highlight this comment if it is among theirs loaded so far, else none."""
        position = self.model.row_of(comment_id) if comment_id is not None else None
        highlight(self.comments_view, self.model.index(position) if position is not None else QModelIndex())

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if not self._restoring and (comment_id := self.current_comment_id()) is not None:
            self.comment_chosen.emit(comment_id)

    def pending_count(self) -> int:
        return self.summary.counts.get("pending", 0) if self.summary is not None else 0

    def _ask_hide_all(self) -> None:
        if self.summary is not None and self.summary.counts.get("pending", 0):
            self.hide_all_pending.emit(self.summary.author, self.summary.site_id, self.summary.counts["pending"])
