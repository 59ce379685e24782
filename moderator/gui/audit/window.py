"""The audit log window: every decision, newest first, filtered by moderator, action,
source, date and article, with its count, exported as CSV.

A non-modal top-level window (not a dialog): a lead reads the log beside the queue and
keeps working in the main window; Enter on a row opens that comment there while the log
stays open. (A QDialog would also turn the Enter the table passes on into its default
button.) Rows come from the lazy `AuditModel` a keyset page at a time on the GUI thread
(a few ms at a million decisions); the count, which reads every match, runs on the
shared reader, and the export (about a minute per million decisions) on a worker of its
own, so it never holds up the queue's counts. Call `shutdown()` before the app exits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from moderator.gui.audit.model import (
    ACTION_LABELS,
    COMMENT_ID_ROLE,
    REASON,
    TIME,
    WIDTHS,
    AuditModel,
    BatchTint,
    action_word,
    describe,
)
from moderator.gui.audit.model import (
    header as header_text,
)
from moderator.gui.comment.panel import plain_label
from moderator.gui.common import filedialogs, look
from moderator.gui.common.messages import ReportBug, sentence_or_report
from moderator.gui.common.names import SOURCE_LABELS, source_word
from moderator.gui.common.reading import reader_of
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.models.listmodels import ROW_ROLE
from moderator.gui.workers.latest import Latest
from moderator.gui.workers.writer import Reader
from moderator.reading import audit
from moderator.reading.audit import AuditFilter

# The "When" choices: how many days before today the range starts (None: any time).
ANY_TIME, BETWEEN = None, "between"
DATE_RANGES = ((QT_TRANSLATE_NOOP("AuditLog", "Any time"), ANY_TIME), (QT_TRANSLATE_NOOP("AuditLog", "Today"), 0),
               (QT_TRANSLATE_NOOP("AuditLog", "Last 7 days"), 6), (QT_TRANSLATE_NOOP("AuditLog", "Last 30 days"), 29),
               (QT_TRANSLATE_NOOP("AuditLog", "Between dates…"), BETWEEN))


def start_of(day: date) -> datetime:
    """Local midnight at the start of `day`, as an aware time."""
    return datetime.combine(day, time()).astimezone()


def python_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())  # QDate.toPython is typed as returning object


def count_text(count: int) -> str:
    return translate("AuditLog", "1 decision") if count == 1 else \
        translate("AuditLog", "{count} decisions").format(count=look.number(count))


class AuditWindow(QWidget):
    """The audit log. `comment_activated(comment_id)`: Enter or a double-click on a row."""

    comment_activated = Signal(int)
    export_finished = Signal(str)  # the sentence shown when an export ends (or fails)

    def __init__(self, sessions: sessionmaker[Session], reader: Reader, report_bug: ReportBug,
                 parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("auditWindow")
        self.setWindowTitle(translate("AuditLog", "Audit log"))
        self._read, self._counts, self._report_bug = reader_of(sessions), Latest(reader), report_bug
        self._exporter, self._export_to = Reader(sessions, self._export_failed, self), Path()
        self._article: tuple[int, str] | None = None
        self._quiet = True  # while several filters are set at once (and until built)
        self.model = AuditModel(self._read, self)
        filters, summary = self._make_filters(), self._make_summary()  # made in Tab order
        self.table = self._make_table()
        self.details = plain_label(self, selectable=True)
        self.details.setAccessibleName(translate("AuditLog", "Selected decision"))
        self.details.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab to it to select and copy a note
        self.message = plain_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.message)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence("F5"), self, self.refresh)  # as in the main window
        self.resize(1180, 680)
        self._quiet = False

    # ---- construction -------------------------------------------------------------

    def _combo(self, label: str, name: str, choices: Iterable[tuple[str, object]]) -> tuple[QLabel, QComboBox]:
        combo = QComboBox(self)
        for text, value in choices:
            combo.addItem(text, value)
        combo.setAccessibleName(name)
        combo.currentIndexChanged.connect(self._filters_changed)
        buddy = QLabel(label, self)
        buddy.setBuddy(combo)
        return buddy, combo

    def _make_filters(self) -> QHBoxLayout:
        pairs = [
            self._combo(translate("AuditLog", "&Moderator"), translate("AuditLog", "Moderator filter"),
                        [(translate("AuditLog", "Any moderator"), None)]),
            self._combo(translate("AuditLog", "A&ction"), translate("AuditLog", "Action filter"),
                        [(translate("AuditLog", "Any action"), None), *((action_word(v), v) for v in ACTION_LABELS)]),
            self._combo(translate("AuditLog", "&Source"), translate("AuditLog", "Source filter"),
                        [(translate("AuditLog", "Any source"), None), *((source_word(v), v) for v in SOURCE_LABELS)]),
            self._combo(translate("AuditLog", "&When"), translate("AuditLog", "Date filter"),
                        [(translate("AuditLog", text), days) for text, days in DATE_RANGES]),
        ]
        (_, self.moderator), (_, self.action), (_, self.source), (_, self.when) = pairs
        self.since = self._date_edit(translate("AuditLog", "First day"))
        self.until = self._date_edit(translate("AuditLog", "Last day"))
        self.since.setDate(QDate.currentDate().addDays(-6))
        self.since.dateChanged.connect(self.until.setMinimumDate)
        self.range_labels = [QLabel(translate("AuditLog", "&From"), self), QLabel(translate("AuditLog", "&to"), self)]
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
        self.count.setAccessibleName(translate("AuditLog", "Matching decisions"))
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance(count_text(8_888_888)) + 8)
        self.article_chip = QToolButton(self)  # removable, like the queue's filter chips
        self.article_chip.setObjectName("filterChip")
        self.article_chip.setToolTip(translate("AuditLog", "Remove this filter: show the decisions on every article"))
        self.article_chip.clicked.connect(self.clear_article)
        self.reload = self._button(translate("AuditLog", "Re&load"),
                                   translate("AuditLog", "Read the log again, with decisions made since (F5)"), self.refresh)
        self.clear = self._button(translate("AuditLog", "&Remove all filters"), translate("AuditLog", "Show every decision"),
                                  self.clear_filters)
        self.export = self._button(translate("AuditLog", "&Export as CSV…"),
                                   translate("AuditLog", "Write the decisions shown (all of them, not just those on "
                                                         "screen) to a CSV file"), lambda: self.export_csv())
        row = QHBoxLayout()
        row.addWidget(self.count)
        row.addSpacing(8)
        row.addWidget(self.article_chip)
        row.addStretch()
        for widget in (self.reload, self.clear, self.export):
            row.addWidget(widget)
        self._show_article()
        return row

    def _button(self, text: str, tip: str, handler: Callable[[], object]) -> QPushButton:
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
        table.setAccessibleName(translate("AuditLog", "Decisions"))
        table.setAccessibleDescription(translate("AuditLog", "Newest first. Enter opens the comment in the main window."))
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = table.fontMetrics()
        for column, chars in WIDTHS.items():  # a header longer in another language widens its column
            wanted = max(metrics.averageCharWidth() * chars, metrics.horizontalAdvance(header_text(column)))
            table.setColumnWidth(column, wanted + 16)
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
            since, until = start_of(python_date(self.since.date())), start_of(python_date(self.until.date()) + timedelta(1))
        elif days is not None:
            since = start_of(date.today() - timedelta(days))
        return AuditFilter(moderator=self.moderator.currentData(), action=self.action.currentData(),
                           source=self.source.currentData(), since=since, until=until,
                           article_id=self._article[0] if self._article else None)

    def set_article(self, article_id: int, headline: str) -> None:
        """Only this article's decisions (a chip removes the filter)."""
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
        headline = self._article[1] if self._article else ""
        shown = self.article_chip.fontMetrics().elidedText(headline, Qt.TextElideMode.ElideRight, 440)
        # && : a literal &, not a shortcut
        self.article_chip.setText(translate("AuditLog", "Article: {headline}").format(headline=shown.replace("&", "&&")) + "  ✕")
        self.article_chip.setAccessibleName(translate("AuditLog", "Filter article {headline}. Press to remove it.").format(
            headline=headline))
        self.article_chip.setVisible(self._article is not None)

    def _show_range(self, shown: bool) -> None:
        for widget in (*self.range_labels, self.since, self.until):
            widget.setVisible(shown)

    def _filters_changed(self, *_args: object) -> None:
        if self._quiet or not self.isVisible():
            return  # nothing is read while the window is closed: present() reads
        self._show_range(self.when.currentData() == BETWEEN)
        filters = self.filters()
        self.model.set_filters(filters)
        self.count.setText(translate("AuditLog", "Counting…"))
        self._counts.ask(lambda session: audit.audit_count(session, filters),
                         lambda count: self.count.setText(count_text(count)))
        self.table.setCurrentIndex(self.model.index(0, TIME))
        self._show_details(self.table.currentIndex())

    # ---- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the log again (moderator names too), keeping the filters."""
        names = self._read(audit.moderators)
        chosen = self.moderator.currentData()
        self._quiet = True
        self.moderator.clear()
        self.moderator.addItem(translate("AuditLog", "Any moderator"), None)
        for name in names:
            self.moderator.addItem(name, name)
        self.moderator.setCurrentIndex(max(0, self.moderator.findData(chosen)))
        self._quiet = False
        self._filters_changed()

    def present(self) -> None:
        """Open (or bring forward) the window, up to date, with the table focused."""
        self.show()  # first: a closed window reads nothing
        self.refresh()
        self.raise_()
        self.activateWindow()
        self.table.setFocus()

    def _show_details(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE) if index.isValid() else None
        self.details.setText(describe(row, self.model.batch_size(row)) if row
                             else translate("AuditLog", "No decision matches these filters."))

    # ---- export --------------------------------------------------------------------------------

    def export_csv(self, out: Path | None = None) -> None:
        """Every decision the filters match, newest first, written on the export worker."""
        if not self._exporter.idle:
            return  # one at a time (the button is disabled meanwhile)
        if out is None:
            chosen = filedialogs.save_file(self, translate("AuditLog", "Export the audit log"), "audit-log.csv", "CSV (*.csv)")
            if chosen is None:
                return
            out = chosen if chosen.suffix else chosen.with_suffix(".csv")
        filters = self.filters()
        self.export.setEnabled(False)
        self.message.setText(translate("AuditLog", "Exporting to {file}…").format(file=out))
        self._export_to = out
        self._exporter.submit(lambda session: audit.export_audit_csv(session, filters, out),
                              lambda count: self._exported(translate("AuditLog", "{decisions} written to {file}.").format(
                                  decisions=count_text(count), file=out)))

    def shutdown(self) -> None:
        """Wait for an export in flight (its file is then complete); call as the app closes."""
        self._exporter.close()

    def _export_failed(self, error: BaseException) -> None:
        sentence = sentence_or_report(error, self._report_bug)
        self._exported(translate("AuditLog", "Not exported. {reason}").format(reason=sentence) if sentence
                       else translate("AuditLog", "Not exported."))

    def _exported(self, sentence: str) -> None:
        self.export.setEnabled(True)
        self.message.setText(sentence)
        self.export_finished.emit(sentence)
