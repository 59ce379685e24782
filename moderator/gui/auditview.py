"""The audit log window: every decision, newest first, filtered by moderator, action,
source, date and article, with its count, exported as CSV.

A non-modal top-level window (not a dialog): a lead reads the log beside the queue and
keeps working in the main window; Enter on a row opens that comment there while the log
stays open. (A QDialog would also turn the Enter the table passes on into its default
button.) Rows come from `moderator.audit` a keyset page at a time on the GUI thread
(a page is a few ms at a million decisions); the count and the export, which read every
match, run on the reader.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QStyledItemDelegate, QStyleOptionViewItem, QTableView, QToolButton, QVBoxLayout, QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from moderator import audit
from moderator.audit import AuditFilter, AuditRow
from moderator.errors import ModeratorError
from moderator.gui import look
from moderator.gui.commentpanel import plain_label
from moderator.gui.listmodels import ID_ROLE, ROW_ROLE
from moderator.gui.writer import Latest, Reader
from moderator.moderation import HIDE_REASONS

COMMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 3  # the decided comment's id
BATCH_ROLE = Qt.ItemDataRole.UserRole + 4  # the bulk batch id, or None
BATCH_RUN_ROLE = Qt.ItemDataRole.UserRole + 5  # 0 / 1 alternating per run of one batch's rows; None outside

ACTION_LABELS = {"approve": "Approve", "hide": "Hide", "restore": "Restore", "reply": "Staff reply",
                 "post": "Staff post", "undo": "Undo", "redo": "Redo"}
SOURCE_LABELS = {"manual": "Manual", "bulk": "Bulk", "rule": "Rule"}
TIME, MODERATOR, ACTION, SOURCE, REASON, STATUS, COMMENTER, COMMENT, BATCH = range(9)
HEADERS = ("Time", "Moderator", "Action", "Source", "Reason and note", "Status", "Commenter", "Comment", "Bulk batch")
# Widths in characters: the columns hold short, known words; the reason takes the rest.
WIDTHS = {TIME: 19, MODERATOR: 14, ACTION: 11, SOURCE: 8, STATUS: 20, COMMENTER: 18, COMMENT: 9, BATCH: 18}


def status_text(row: AuditRow) -> str:
    before = look.STATUS_LABELS.get(row.status_before, row.status_before) if row.status_before else "New"
    return f"{before} → {look.STATUS_LABELS.get(row.status_after, row.status_after)}"


def reason_text(row: AuditRow) -> str:
    parts = [HIDE_REASONS.get(row.reason, row.reason)] if row.reason else []
    if row.reverts_id is not None:
        parts.append(f"reverses decision {row.reverts_id}")
    if row.note:
        parts.append(f"“{' '.join(row.note.split())}”")  # one line in the table; in full below it
    return " · ".join(parts)


def batch_text(row: AuditRow, size: int | None) -> str:
    if row.batch_id is None:
        return ""
    return f"{size} comments · {row.batch_id[:6]}" if size else row.batch_id[:6]


def describe(row: AuditRow, size: int | None = None) -> str:
    """The whole decision in one plain sentence or two: the details line and screen readers."""
    moment = row.created_at.astimezone().strftime("%-d %b %Y at %H:%M:%S")
    text = (f"Decision {row.id}, {moment}: {row.moderator}, {ACTION_LABELS.get(row.action, row.action).lower()} "
            f"({SOURCE_LABELS.get(row.source, row.source).lower()}) on comment {row.comment_id} by {row.author}. "
            f"Status {status_text(row).replace('→', 'to')}.")
    if row.reason:
        text += f" Reason: {HIDE_REASONS.get(row.reason, row.reason)}."
    if row.reverts_id is not None:
        text += f" Reverses decision {row.reverts_id}."
    if row.batch_id:
        text += f" Bulk batch {row.batch_id[:6]}" + (f" of {size} comments." if size else ".")
    return text + (f"\nNote: {row.note}" if row.note else "")


class AuditModel(QAbstractTableModel):
    """Decisions matching the filters, newest first, fetched a keyset page at a time."""

    def __init__(self, sessions: sessionmaker[Session], parent=None):
        super().__init__(parent)
        self._sessions, self._filters = sessions, AuditFilter()
        self._rows: list[AuditRow] = []
        self._runs: list[int | None] = []  # BATCH_RUN_ROLE of each row
        self._sizes: dict[str, int] = {}
        self._cursor: audit.AuditCursor | None = None
        self._exhausted, self._run = False, 1

    @property
    def filters(self) -> AuditFilter:
        return self._filters

    def set_filters(self, filters: AuditFilter) -> None:
        """Start again from the newest matching decision."""
        self.beginResetModel()
        self._filters, self._rows, self._runs, self._sizes = filters, [], [], {}
        self._cursor, self._exhausted = None, False
        self.endResetModel()
        self.fetchMore()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{HEADERS[index.column()]}: {self._cell(row, index.column()).replace('→', 'to')}"
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == STATUS:
            return look.STATUS_COLOURS.get(row.status_after)
        return {ROW_ROLE: row, ID_ROLE: row.id, COMMENT_ID_ROLE: row.comment_id, BATCH_ROLE: row.batch_id,
                BATCH_RUN_ROLE: self._runs[index.row()]}.get(role)

    def _cell(self, row: AuditRow, column: int) -> str:
        texts = {
            TIME: lambda: look.when(row.created_at, with_year=True), MODERATOR: lambda: row.moderator,
            ACTION: lambda: ACTION_LABELS.get(row.action, row.action),
            SOURCE: lambda: SOURCE_LABELS.get(row.source, row.source), REASON: lambda: reason_text(row),
            STATUS: lambda: status_text(row), COMMENTER: lambda: row.author, COMMENT: lambda: f"#{row.comment_id}",
            BATCH: lambda: batch_text(row, self.batch_size(row)),
        }
        return texts[column]()

    def batch_size(self, row: AuditRow) -> int | None:
        return self._sizes.get(row.batch_id) if row.batch_id else None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        with self._sessions() as session:
            page, self._cursor = audit.audit_page(session, self._filters, self._cursor)
            batches = {r.batch_id for r in page if r.batch_id and r.batch_id not in self._sizes}
            self._sizes.update(audit.batch_sizes(session, batches))
        self._exhausted = len(page) < audit.PAGE
        if page:
            runs = self._runs_of(page)
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self._runs.extend(runs)
            self.endInsertRows()

    def _runs_of(self, page: list[AuditRow]) -> list[int | None]:
        """Rows of one batch lie together (one transaction, one time); neighbouring runs alternate."""
        runs, previous = [], self._rows[-1].batch_id if self._rows else None
        for row in page:
            if row.batch_id is not None and row.batch_id != previous:
                self._run = 1 - self._run
            runs.append(None if row.batch_id is None else self._run)
            previous = row.batch_id
        return runs


class BatchTint(QStyledItemDelegate):
    """A batch's rows share a light tint of the highlight colour, alternating between runs,
    so one bulk action reads as one block (in light and dark palettes alike)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        run = index.data(BATCH_RUN_ROLE)
        if run is not None:
            tint = QColor(option.palette.color(QPalette.ColorRole.Highlight))
            tint.setAlpha(34 if run else 60)
            option.backgroundBrush = tint


# The "When" choices: how many days before today the range starts (None: any time).
ANY_TIME, BETWEEN = None, "between"
DATE_RANGES = (("Any time", ANY_TIME), ("Today", 0), ("Last 7 days", 6), ("Last 30 days", 29), ("Between dates…", BETWEEN))


def start_of(day: date) -> datetime:
    """Local midnight at the start of `day`, as an aware time."""
    return datetime.combine(day, time()).astimezone()


def count_text(count: int) -> str:
    return "1 decision" if count == 1 else f"{count:,} decisions"


class AuditWindow(QWidget):
    """The audit log. `comment_activated(comment_id)`: Enter or a double-click on a row."""

    comment_activated = Signal(int)
    export_finished = Signal(str)  # the sentence shown when an export ends (or fails)

    def __init__(self, sessions: sessionmaker[Session], reader: Reader, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("auditWindow")
        self.setWindowTitle("Audit log")
        self._sessions, self._reader, self._counts = sessions, reader, Latest(reader)
        self._article: tuple[int, str] | None = None
        self._quiet = True  # while several filters are set at once (and until built)
        self.model = AuditModel(sessions, self)
        filters = self._make_filters()
        self.table = self._make_table()
        self.details = plain_label(self, selectable=True)
        self.details.setAccessibleName("Selected decision")
        self.message = plain_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(self._make_summary())
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.message)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        QShortcut(QKeySequence("F5"), self, self.refresh)
        self.resize(1180, 680)
        self._quiet = False  # nothing is read until present() (or a filter is set)

    # ---- construction -------------------------------------------------------------

    def _combo(self, label: str, name: str, choices) -> tuple[QLabel, QComboBox]:
        combo = QComboBox(self)
        for text, value in choices:
            combo.addItem(text, value)
        combo.setAccessibleName(name)
        combo.currentIndexChanged.connect(self._filters_changed)
        buddy = QLabel(label, self)
        buddy.setBuddy(combo)
        return buddy, combo

    def _make_filters(self) -> QHBoxLayout:
        any_of = lambda labels: list(labels.items())  # noqa: E731
        pairs = [
            self._combo("&Moderator", "Moderator filter", [("Any moderator", None)]),
            self._combo("A&ction", "Action filter", [("Any action", None)] + [(t, v) for v, t in any_of(ACTION_LABELS)]),
            self._combo("&Source", "Source filter", [("Any source", None)] + [(t, v) for v, t in any_of(SOURCE_LABELS)]),
            self._combo("&When", "Date filter", DATE_RANGES),
        ]
        (_, self.moderator), (_, self.action), (_, self.source), (_, self.when) = pairs
        self.since, self.until = self._date_edit("First day"), self._date_edit("Last day")
        self.since.setDate(QDate.currentDate().addDays(-6))
        self.since.dateChanged.connect(self.until.setMinimumDate)
        self.range_labels = [QLabel("&From", self), QLabel("&to", self)]
        row = QHBoxLayout()
        for buddy, combo in pairs:
            row.addWidget(buddy)
            row.addWidget(combo)
            row.addSpacing(10)
        for buddy, edit in zip(self.range_labels, (self.since, self.until)):
            buddy.setBuddy(edit)
            row.addWidget(buddy)
            row.addWidget(edit)
        row.addStretch()
        self._show_range(False)
        return row

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(QDate.currentDate(), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setAccessibleName(name)
        edit.dateChanged.connect(lambda _day: self._filters_changed() if self.when.currentData() == BETWEEN else None)
        return edit

    def _make_summary(self) -> QHBoxLayout:
        self.count = QLabel(self)
        self.count.setFont(look.bold(self.font()))
        self.count.setAccessibleName("Matching decisions")
        self.article_label = plain_label(self)
        self.article_label.setWordWrap(False)
        self.article_remove = QToolButton(self)
        self.article_remove.setText("✕")
        self.article_remove.setAccessibleName("Remove the article filter")
        self.article_remove.setToolTip("Show the decisions on every article")
        self.article_remove.clicked.connect(self.clear_article)
        self.reload = self._button("Re&load", "Read the log again, with decisions made since (F5)", self.refresh)
        self.clear = self._button("&Remove all filters", "Show every decision", self.clear_filters)
        self.export = self._button("&Export as CSV…", "Write the decisions shown (all of them, not just those "
                                   "on screen) to a CSV file", lambda: self.export_csv())
        row = QHBoxLayout()
        for widget in (self.count, self.article_label, self.article_remove):
            row.addWidget(widget)
        row.addStretch()
        for widget in (self.reload, self.clear, self.export):
            row.addWidget(widget)
        self._show_article()
        return row

    def _button(self, text: str, tip: str, handler) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(handler)
        return button

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setItemDelegate(BatchTint(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.setAccessibleName("Decisions")
        table.setAccessibleDescription("Newest first. Enter opens the comment in the main window.")
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, chars in WIDTHS.items():
            table.setColumnWidth(column, table.fontMetrics().averageCharWidth() * chars + 16)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(lambda index: self.comment_activated.emit(index.data(COMMENT_ID_ROLE)))
        table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show_details(current))
        return table

    # ---- filters ------------------------------------------------------------------------

    def filters(self) -> AuditFilter:
        """What the moderator chose, as the core's filter."""
        since = until = None
        days = self.when.currentData()
        if days == BETWEEN:
            since, until = start_of(self.since.date().toPython()), start_of(self.until.date().toPython() + timedelta(1))
        elif days is not None:
            since = start_of(date.today() - timedelta(days))
        return AuditFilter(moderator=self.moderator.currentData(), action=self.action.currentData(),
                           source=self.source.currentData(), since=since, until=until,
                           article_id=self._article[0] if self._article else None)

    def set_article(self, article_id: int, headline: str) -> None:
        """Only this article's decisions (removable with the ✕ beside it)."""
        self._article = (article_id, headline)
        self._show_article()
        self._filters_changed()

    def clear_article(self) -> None:
        self._article = None
        self._show_article()
        self._filters_changed()

    def clear_filters(self) -> None:
        self._quiet = True
        for combo in (self.moderator, self.action, self.source, self.when):
            combo.setCurrentIndex(0)
        self._quiet = False
        self.clear_article()

    def _show_article(self) -> None:
        self.article_label.setText(f"on “{self._article[1]}”" if self._article else "")
        self.article_label.setAccessibleName("Article filter")
        for widget in (self.article_label, self.article_remove):
            widget.setVisible(self._article is not None)

    def _show_range(self, shown: bool) -> None:
        for widget in (*self.range_labels, self.since, self.until):
            widget.setVisible(shown)

    def _filters_changed(self, *_args) -> None:
        if self._quiet:
            return
        self._show_range(self.when.currentData() == BETWEEN)
        filters = self.filters()
        self.model.set_filters(filters)
        self.count.setText("Counting…")
        self._counts.ask(lambda session: audit.audit_count(session, filters),
                         lambda count: self.count.setText(count_text(count)))
        self.table.setCurrentIndex(self.model.index(0, TIME))
        self._show_details(self.table.currentIndex())

    # ---- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the log again (moderator names too), keeping the filters."""
        with self._sessions() as session:
            names = audit.moderators(session)
        chosen = self.moderator.currentData()
        self._quiet = True
        self.moderator.clear()
        self.moderator.addItem("Any moderator", None)
        for name in names:
            self.moderator.addItem(name, name)
        self.moderator.setCurrentIndex(max(0, self.moderator.findData(chosen)))
        self._quiet = False
        self._filters_changed()

    def present(self) -> None:
        """Open (or bring forward) the window, up to date, with the table focused."""
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()
        self.table.setFocus()

    def _show_details(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE) if index.isValid() else None
        self.details.setText(describe(row, self.model.batch_size(row)) if row else "No decision matches these filters.")

    # ---- export --------------------------------------------------------------------------------

    def export_csv(self, out: Path | None = None) -> None:
        """Every decision the filters match, newest first, written on the reader."""
        if out is None:
            chosen, _ = QFileDialog.getSaveFileName(self, "Export the audit log", "audit-log.csv", "CSV (*.csv)")
            if not chosen:
                return
            out = Path(chosen) if Path(chosen).suffix else Path(chosen).with_suffix(".csv")
        filters = self.filters()
        self.export.setEnabled(False)
        self._tell("Exporting…")
        self._reader.submit(lambda session: audit.export_audit_csv(session, filters, out),
                            lambda count: self._exported(f"{count_text(count)} written to {out}."),
                            self._export_failed)

    def _export_failed(self, error: BaseException) -> None:
        if not isinstance(error, (ModeratorError, OSError)):
            raise error  # a bug: the excepthook logs it and says where
        self._exported(f"Not exported: {error}")

    def _exported(self, sentence: str) -> None:
        self.export.setEnabled(True)
        self._tell(sentence)
        self.export_finished.emit(sentence)

    def _tell(self, sentence: str) -> None:
        self.message.setText(sentence)
