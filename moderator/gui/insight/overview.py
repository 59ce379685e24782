"""The Insight window's overview: score distribution split by the team's decision, decisions
per day (by source) and per moderator, the model's agreement over time, the backlog."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QWidget

from moderator.gui.insight.charts import APPROVED, DAY, HIDDEN, SOURCE_COLOURS, Chart, day_seconds
from moderator.insight.decided import Counts
from moderator.insight.report import Activity
from moderator.vocabulary import Source

BANDS = 20


class OverviewCharts(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.distribution = Chart("Scores by decision", ("from", "to", "hidden", "approved"), self)
        self.per_day = Chart("Decisions per day", ("day", *Source), self, dates=True)
        self.per_moderator = Chart("Decisions per moderator", ("moderator", *Source), self)
        self.agreement = Chart("Model–moderator agreement", ("day", "agreed", "decisions", "rate"), self, dates=True)
        self.backlog = Chart("Backlog", ("day", "arrived", "decided"), self, dates=True)
        grid = QGridLayout(self)
        for position, chart in enumerate(self.charts):
            grid.addWidget(chart, position // 2, position % 2)

    @property
    def charts(self) -> tuple[Chart, ...]:
        return self.distribution, self.per_day, self.per_moderator, self.agreement, self.backlog

    def show_distribution(self, counts: Counts, model: str) -> None:
        """The main label's scores of what the team hid and approved (read apart from the
        activity, on another reader: each half is drawn when it lands)."""
        self.distribution.clear()
        hidden, approved = counts.histogram(BANDS)
        x = (np.arange(BANDS) + 0.5) / BANDS
        chart = self.distribution
        chart.bars(x - 0.25 / BANDS, hidden, 0.45 / BANDS, HIDDEN, "hidden")
        chart.bars(x + 0.25 / BANDS, approved, 0.45 / BANDS, APPROVED, "approved")
        chart.plot.setLabel("bottom", f"{counts.label} score ({model})")
        chart.plot.setLogMode(False, False)
        chart.rows = [[round(i / BANDS, 2), round((i + 1) / BANDS, 2), int(h), int(a)]
                      for i, (h, a) in enumerate(zip(hidden, approved))]
        chart.note.setText(f"{int(hidden.sum()):,} hidden and {int(approved.sum()):,} approved by the team, "
                           "by the model's score")

    def show_activity(self, data: Activity, model: str, threshold: float) -> None:
        for chart in (self.per_day, self.per_moderator, self.agreement, self.backlog):
            chart.clear()
        self._per_day(data)
        self._per_moderator(data)
        self._agreement(data, model, threshold)
        self._backlog(data)

    def _per_day(self, data: Activity) -> None:
        days = sorted({c.day for c in data.decisions})
        counts = {source: np.zeros(len(days)) for source in Source}
        index = {day: i for i, day in enumerate(days)}
        for c in data.decisions:
            counts[Source(c.source)][index[c.day]] += c.decisions
        x, base = np.array([day_seconds(d) + DAY / 2 for d in days]), np.zeros(len(days))
        for source in Source:
            if counts[source].any():
                self.per_day.bars(x, counts[source], DAY * 0.8, SOURCE_COLOURS[source], str(source), base.copy())
                base += counts[source]
        self.per_day.rows = [[d.isoformat(), *(int(counts[s][i]) for s in Source)] for i, d in enumerate(days)]
        self.per_day.note.setText(f"{int(base.sum()):,} decisions on {_days(len(days))} (manual, bulk, by a rule)")
        _days_range(self.per_day, x)

    def _per_moderator(self, data: Activity) -> None:
        totals = data.per_moderator()
        names = list(totals)
        chart, base = self.per_moderator, np.zeros(len(names))
        x = np.arange(len(names), dtype=float)
        for source in Source:
            heights = np.array([totals[n].get(source, 0) for n in names], dtype=float)
            if heights.any():
                chart.bars(x, heights, 0.7, SOURCE_COLOURS[source], str(source), base.copy())
                base += heights
        chart.plot.getPlotItem().getAxis("bottom").setTicks([[(i, n[:14]) for i, n in enumerate(names)]])
        chart.rows = [[n, *(totals[n].get(s, 0) for s in Source)] for n in names]
        chart.note.setText(f"{len(names)} moderators (and rules)" if names else "No decisions in this period")

    def _agreement(self, data: Activity, model: str, threshold: float) -> None:
        found = data.agreement
        x = np.array([day_seconds(a.day) + DAY / 2 for a in found])
        rates = np.array([a.rate for a in found])
        if len(found):
            self.agreement.line(x, rates, QColor("#0f766e"), "agreement")
        self.agreement.plot.setYRange(0, 1)
        _days_range(self.agreement, x)
        self.agreement.rows = [[a.day.isoformat(), a.agreed, a.decisions, round(a.rate, 4)] for a in found]
        agreed, decided = sum(a.agreed for a in found), sum(a.decisions for a in found)
        overall = f"{agreed / decided:.0%} of {decided:,} decisions" if decided else "no decisions on scored comments"
        self.agreement.note.setText(f"{model} hides from {threshold:.2f}: it agreed with the team on {overall}")

    def _backlog(self, data: Activity) -> None:
        backlog = data.backlog
        decided_by_day: dict = {}
        for c in data.decisions:
            decided_by_day[c.day] = decided_by_day.get(c.day, 0) + c.decisions
        days = sorted({d for d, _n in backlog.arrivals} | set(decided_by_day))
        arrived = dict(backlog.arrivals)
        x = np.array([day_seconds(d) + DAY / 2 for d in days])
        if days:  # bars: days with nothing are gaps, not a line drawn across them
            self.backlog.bars(x - DAY / 5, np.array([arrived.get(d, 0) for d in days], dtype=float), DAY * 0.38,
                              QColor("#b45309"), "arrived")
            self.backlog.bars(x + DAY / 5, np.array([decided_by_day.get(d, 0) for d in days], dtype=float), DAY * 0.38,
                              QColor("#15803d"), "decided")
        _days_range(self.backlog, x)
        self.backlog.rows = [[d.isoformat(), arrived.get(d, 0), decided_by_day.get(d, 0)] for d in days]
        oldest = backlog.oldest_pending
        waiting = f"; the oldest has waited {_age(oldest)}" if oldest else ""
        self.backlog.note.setText(f"{backlog.pending:,} pending now{waiting}")


def _days(count: int) -> str:
    return f"{count:,} day" + ("" if count == 1 else "s")


def _days_range(chart: Chart, x: np.ndarray) -> None:
    """A day either side, so one day's bar or point is not stretched across the whole axis."""
    if len(x):
        chart.plot.setXRange(float(x.min()) - DAY, float(x.max()) + DAY, padding=0.02)


def _age(since: datetime) -> str:
    seconds = (datetime.now(UTC) - since).total_seconds()
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    if seconds < 2 * 86_400:
        return f"{seconds / 3600:.0f} h"
    return f"{seconds / 86_400:,.0f} days"
