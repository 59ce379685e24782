"""The Insight window (Ctrl+I): charts a lead reads at a glance and the calibration of the
active model against the team's decisions, for a date range and a site.

Every figure is read off the GUI thread (aggregates in SQL, see moderator/insight), on two
readers of the window's own, so that a year of figures never holds up the queue's counts:
one reads the main label's counts (the score distribution and the calibration curve), the
other the activity, at the same time (SQLite leaves Python's lock while it works). The
window shows at once and each half is drawn when it lands. `curve_drawn` and `drawn` (the
whole overview) are what tests and bench/insight.py wait on.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from moderator.gui.common.messages import ReportBug, tell_or_report
from moderator.gui.common.reading import ActiveModel, Read
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.insight.calibration import CalibrationView
from moderator.gui.insight.charts import Chart
from moderator.gui.insight.overview import OverviewCharts
from moderator.gui.workers.latest import Latest
from moderator.gui.workers.writer import Reader
from moderator.insight import report
from moderator.insight.calibration import Curve
from moderator.insight.decided import Counts, decided_counts
from moderator.insight.period import Period
from moderator.insight.rules import RuleSink, ThresholdProposal

# The periods offered (marked for pyside6-lupdate: the combo shows them translated, keyed by these).
PERIODS = {QT_TRANSLATE_NOOP("Insight", "Last 7 days"): 7, QT_TRANSLATE_NOOP("Insight", "Last 30 days"): 30,
           QT_TRANSLATE_NOOP("Insight", "Last 90 days"): 90, QT_TRANSLATE_NOOP("Insight", "Last year"): 365,
           QT_TRANSLATE_NOOP("Insight", "All time"): None}
DATES = QT_TRANSLATE_NOOP("Insight", "Dates…")
DEFAULT_PERIOD = "Last 30 days"


class InsightWindow(QMainWindow):
    drawn = Signal()  # the overview's charts are on screen
    curve_drawn = Signal()  # the calibration curve of the chosen label is on screen

    def __init__(self, sessions: sessionmaker[Session], active: ActiveModel, read: Read, report_bug: ReportBug,
                 parent: QWidget | None = None, rules: RuleSink | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(translate("Insight", "Insight"))
        self.setObjectName("insightWindow")
        self.resize(1100, 800)
        self._active, self._read, self._report_bug = active, read, report_bug
        self.readers = (Reader(sessions, report_bug, self), Reader(sessions, report_bug, self))
        self._counts, self._curve, self._activity = Latest(self.readers[0]), Latest(self.readers[0]), Latest(self.readers[1])
        self._waiting: set[str] = set()
        self.overview = OverviewCharts(self)
        self.calibration = CalibrationView(rules, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.overview, translate("Insight", "Overview"))
        self.tabs.addTab(self.calibration, translate("Insight", "Calibration"))
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(self._filters())
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.setCentralWidget(central)
        self.calibration.label_chosen.connect(lambda _label: self.load_curve())
        self.calibration.carry_asked.connect(self.carry_into_rule)
        for chart in (*self.overview.charts, self.calibration.chart):
            chart.png_button.clicked.connect(lambda _=False, c=chart: self._save_png(c))
            chart.csv_button.clicked.connect(lambda _=False, c=chart: self._save_csv(c))
        self.asked_at = 0.0
        # scikit-learn computes the curves on the reader; its import (most of a second) starts now,
        # beside the first SQL reads, which leave Python's lock while SQLite works.
        threading.Thread(target=_import_metrics, name="import-sklearn", daemon=True).start()

    def _filters(self) -> QHBoxLayout:
        self.period = QComboBox(self)
        for key in (*PERIODS, DATES):
            self.period.addItem(translate("Insight", key), key)
        self.period.setCurrentIndex(self.period.findData(DEFAULT_PERIOD))
        self.period.setAccessibleName(translate("Insight", "Period"))
        self.since, self.until = QDateEdit(self), QDateEdit(self)
        for edit, name in ((self.since, translate("Insight", "From")), (self.until, translate("Insight", "Until"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        self.site = QComboBox(self)
        self.site.setAccessibleName(translate("Insight", "Site"))
        self.refresh_button = QPushButton(translate("Insight", "Refresh"), self)
        self.refresh_button.clicked.connect(self.load)
        self.period.currentIndexChanged.connect(lambda _i: self._period_chosen(self.period.currentData()))
        self.since.dateChanged.connect(lambda _d: self._dates_edited())
        self.until.dateChanged.connect(lambda _d: self._dates_edited())
        self.site.currentIndexChanged.connect(lambda _i: self.load())
        row = QHBoxLayout()
        for widget in (QLabel(translate("Insight", "Period:"), self), self.period, self.since,
                       QLabel(translate("Insight", "to"), self), self.until,
                       QLabel(translate("Insight", "Site:"), self), self.site):
            row.addWidget(widget)
        row.addStretch()
        row.addWidget(self.refresh_button)
        self._period_chosen(DEFAULT_PERIOD, load=False)
        return row

    def present(self) -> None:
        self._fill_sites()
        self.show()
        self.raise_()
        self.activateWindow()
        self.load()

    def _fill_sites(self) -> None:
        chosen = self.site.currentData()
        self.site.blockSignals(True)
        self.site.clear()
        self.site.addItem(translate("Insight", "All sites"), None)
        for site_id, name in self._read(report.sites):
            self.site.addItem(name, site_id)
        self.site.setCurrentIndex(max(self.site.findData(chosen), 0))
        self.site.blockSignals(False)

    # ---- the period ------------------------------------------------------------------------------

    def _period_chosen(self, key: str, load: bool = True) -> None:
        days = PERIODS.get(key)
        today = QDate.currentDate()
        for edit in (self.since, self.until):
            edit.blockSignals(True)
        self.since.setDate(today.addDays(-(days or 0) + 1) if days else QDate(2000, 1, 1))
        self.until.setDate(today)
        for edit in (self.since, self.until):
            edit.blockSignals(False)
            edit.setEnabled(key == DATES)
        if load:
            self.load()

    def _dates_edited(self) -> None:
        if self.period.currentData() == DATES:
            self.load()

    def chosen_period(self) -> Period:
        """The filters as the core takes them: days from the start of `since` to the end of `until`, UTC."""
        unbounded = PERIODS.get(self.period.currentData(), 0) is None
        since = None if unbounded else _utc(self.since.date())
        until = None if unbounded else _utc(self.until.date()) + timedelta(days=1)
        return Period(self._active.model_id, since, until, self.site.currentData())

    # ---- reading ---------------------------------------------------------------------------------

    def load(self) -> None:
        period, identity = self.chosen_period(), self._active.identity
        threshold = self._active.thresholds.medium
        self.asked_at = time.perf_counter()
        self.status.setText(translate("Insight", "Reading the figures…"))
        self.calibration.set_labels(identity.labels, identity.main_label, identity.name)
        self._waiting = {"counts", "activity"}
        # Before the asks below: an answer may come back within `ask` itself (a read done
        # before its callback was attached is delivered at once), and must find this done.
        if self.calibration.label != identity.main_label:
            self.load_curve()
        else:
            self._curve.forget()  # the main label's curve follows the distribution's counts
        self._counts.ask(lambda s: decided_counts(s, period, identity.main_label, identity.main_label),
                         lambda counts: self._show_counts(counts, identity.name))
        self._activity.ask(lambda s: report.activity(s, period, threshold),
                           lambda found: self._show_activity(found, identity.name, threshold))

    def load_curve(self) -> None:
        period, identity, label = self.chosen_period(), self._active.identity, self.calibration.label
        if not label:
            return

        def curve(session: Session) -> Curve:
            return decided_counts(session, period, label, identity.main_label).curve()

        self._curve.ask(curve, self._show_curve)

    def _show_counts(self, counts: Counts, model: str) -> None:
        """The distribution is drawn at once; the main label's curve follows from the same counts
        (no second query), once scikit-learn has been imported (a second or so, the first time)."""
        self.overview.show_distribution(counts, model)
        if self.calibration.label == counts.label:
            self._curve.ask(lambda _session: counts.curve(), self._show_curve)
        self._landed("counts", model)

    def _show_activity(self, found: report.Activity, model: str, threshold: float) -> None:
        self.overview.show_activity(found, model, threshold)
        self._landed("activity", model)

    def _landed(self, half: str, model: str) -> None:
        self._waiting.discard(half)
        if not self._waiting:
            self.status.setText(translate("Insight", "Figures for {model}, read in {seconds} s.").format(
                model=model, seconds=f"{time.perf_counter() - self.asked_at:.2f}"))
            self.drawn.emit()

    def shutdown(self) -> None:
        """The app is closing: a read under way finishes, nothing new starts."""
        for reader in self.readers:
            reader.close()

    def _show_curve(self, found: Curve) -> None:
        self.calibration.show_curve(found)
        self.curve_drawn.emit()

    # ---- exports and rules -----------------------------------------------------------------------

    def _save_png(self, chart: Chart) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("Insight", "Save {chart}").format(chart=chart.title.text()),
                                              f"{chart.objectName()}.png", "PNG (*.png)")
        if path:
            self._saving(lambda: chart.export_png(Path(path)), path)

    def _save_csv(self, chart: Chart) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("Insight", "Save {chart}").format(chart=chart.title.text()),
                                              f"{chart.objectName()}.csv", "CSV (*.csv)")
        if path:
            self._saving(lambda: chart.export_csv(Path(path)), path)

    def _saving(self, work: Callable[[], object], path: str) -> None:
        try:
            work()
        except Exception as error:  # noqa: BLE001 - one sentence for a disk's failure, a report for a bug
            tell_or_report(self, translate("Insight", "Could not save"), error, self._report_bug)
            return
        self.status.setText(translate("Insight", "Saved {file}.").format(file=path))

    def carry_into_rule(self, proposal: ThresholdProposal) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, translate("Insight", "Carry into a rule"),
                          translate("Insight", "Dry run on the comments already decided: {outcome}\n\nMake this threshold a "
                                               "rule?").format(outcome=proposal.sentence()),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("carryIntoRule")
        box.setTextFormat(Qt.TextFormat.PlainText)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        try:
            self.status.setText(self.calibration.rules.carry(proposal))
        except Exception as error:  # noqa: BLE001 - as _saving
            tell_or_report(self, translate("Insight", "Could not make the rule"), error, self._report_bug)


def _import_metrics() -> None:
    import sklearn.metrics  # noqa: F401


def _utc(day: QDate) -> datetime:
    return datetime(day.year(), day.month(), day.day(), tzinfo=UTC)
