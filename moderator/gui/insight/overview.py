"""The Insight window's overview: score distribution split by the team's decision, decisions
per day (by source) and per moderator, the model's agreement over time, the backlog."""

from __future__ import annotations

from datetime import UTC, date, datetime

import numpy as np
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QWidget

from moderator.gui.common import look
from moderator.gui.common.names import label_words, source_word
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.insight.buckets import Buckets, buckets_for, summed, x_of
from moderator.gui.insight.charts import APPROVED, DAY, HIDDEN, SOURCE_COLOURS, Chart
from moderator.insight.decided import Counts
from moderator.insight.report import Activity
from moderator.vocabulary import Source

BANDS = 20


class OverviewCharts(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.distribution = Chart(QT_TRANSLATE_NOOP("Insight", "Scores by decision"), ("from", "to", "hidden", "approved"), self)
        self.per_day = Chart(QT_TRANSLATE_NOOP("Insight", "Decisions per day"), ("day", *Source), self, dates=True)
        self.per_moderator = Chart(QT_TRANSLATE_NOOP("Insight", "Decisions per moderator"), ("moderator", *Source), self)
        self.agreement = Chart(QT_TRANSLATE_NOOP("Insight", "Model–moderator agreement"),
                               ("day", "agreed", "decisions", "rate"), self, dates=True)
        self.backlog = Chart(QT_TRANSLATE_NOOP("Insight", "Backlog"), ("day", "arrived", "decided"), self, dates=True)
        grid = QGridLayout(self)
        for position, chart in enumerate(self.charts[:4]):
            grid.addWidget(chart, position // 2, position % 2)
        grid.addWidget(self.backlog, 2, 0, 1, 2)  # a timeline: the whole width

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
        chart.bars(x - 0.25 / BANDS, hidden, 0.45 / BANDS, HIDDEN, translate("Insight", "hidden"))
        chart.bars(x + 0.25 / BANDS, approved, 0.45 / BANDS, APPROVED, translate("Insight", "approved"))
        chart.plot.setLabel("bottom", translate("Insight", "{label} score ({model})").format(label=label_words(counts.label),
                                                                                            model=model))
        chart.plot.setLogMode(False, False)
        chart.headroom(float(max(hidden.max(initial=0), approved.max(initial=0))))
        chart.rows = [[round(i / BANDS, 2), round((i + 1) / BANDS, 2), int(h), int(a)]
                      for i, (h, a) in enumerate(zip(hidden, approved))]
        chart.note.setText(translate("Insight", "{hidden} hidden and {approved} approved by the team, by the model's "
                                                "score").format(hidden=look.number(int(hidden.sum())),
                                                                approved=look.number(int(approved.sum()))))

    def show_activity(self, data: Activity, model: str, threshold: float) -> None:
        for chart in (self.per_day, self.per_moderator, self.agreement, self.backlog):
            chart.clear()
        self._per_day(data)
        self._per_moderator(data)
        self._agreement(data, model, threshold)
        self._backlog(data)

    def _per_day(self, data: Activity) -> None:
        days = sorted({c.day for c in data.decisions})
        grouped = buckets_for(days)
        starts = sorted({grouped.start(d) for d in days})
        x, base = x_of(grouped, starts), np.zeros(len(starts))
        for source in Source:
            totals = summed(grouped, ((c.day, c.decisions) for c in data.decisions if c.source == source))
            heights = np.array([totals.get(start, 0.0) for start in starts])
            if heights.any():
                self.per_day.bars(x, heights, grouped.width * 0.8, SOURCE_COLOURS[source], source_word(source), base.copy())
                base += heights
        by_day = {(c.day, c.source): 0 for c in data.decisions}
        for c in data.decisions:
            by_day[(c.day, c.source)] += c.decisions
        self.per_day.headroom(float(base.max(initial=0)))
        self.per_day.rows = [[d.isoformat(), *(by_day.get((d, s), 0) for s in Source)] for d in days]
        self.per_day.title.setText(translate("Insight", "Decisions {per}").format(per=grouped.per()))
        self.per_day.note.setText(translate("Insight", "{count} decisions on {days} (manual, bulk, by a rule)").format(
            count=look.number(int(base.sum())), days=_days(len(days))))
        _time_range(self.per_day, x, grouped)

    def _per_moderator(self, data: Activity) -> None:
        totals = data.per_moderator()
        names = list(totals)
        chart, base = self.per_moderator, np.zeros(len(names))
        x = np.arange(len(names), dtype=float)
        for source in Source:
            heights = np.array([totals[n].get(source, 0) for n in names], dtype=float)
            if heights.any():
                chart.bars(x, heights, 0.7, SOURCE_COLOURS[source], source_word(source), base.copy())
                base += heights
        chart.headroom(float(base.max(initial=0)))
        chart.plot.getPlotItem().getAxis("bottom").setTicks([[(i, n[:14]) for i, n in enumerate(names)]])
        chart.rows = [[n, *(totals[n].get(s, 0) for s in Source)] for n in names]
        people = [n for n in names if any(totals[n].get(s, 0) for s in (Source.MANUAL, Source.BULK))]
        with_rules = any(totals[n].get(Source.RULE, 0) for n in names)
        chart.note.setText(_moderators(len(people), with_rules) if names
                           else translate("Insight", "No decisions in this period"))

    def _agreement(self, data: Activity, model: str, threshold: float) -> None:
        found = data.agreement
        grouped = buckets_for(a.day for a in found)
        agreed = summed(grouped, ((a.day, a.agreed) for a in found))
        judged = summed(grouped, ((a.day, a.decisions) for a in found))
        starts = sorted(judged)
        x = x_of(grouped, starts)
        if starts:
            rates = np.array([agreed.get(start, 0.0) / judged[start] for start in starts])
            self.agreement.line(x, rates, QColor("#0f766e"))
        self.agreement.plot.setYRange(0, 1)
        _time_range(self.agreement, x, grouped)
        self.agreement.rows = [[a.day.isoformat(), a.agreed, a.decisions, round(a.rate, 4)] for a in found]
        self.agreement.title.setText(translate("Insight", "Model–moderator agreement {per}").format(per=grouped.per()))
        total_agreed, decided = sum(a.agreed for a in found), sum(a.decisions for a in found)
        overall = translate("Insight", "{share} of {count} decisions").format(
            share=f"{total_agreed / decided:.0%}", count=look.number(decided)) if decided else \
            translate("Insight", "no decisions on scored comments")
        self.agreement.note.setText(translate("Insight", "{model} hides from {threshold}: it agreed with the team on "
                                                         "{overall}").format(model=model, threshold=f"{threshold:.2f}",
                                                                             overall=overall))

    def _backlog(self, data: Activity) -> None:
        backlog = data.backlog
        decided_by_day: dict[date, int] = {}
        for c in data.decisions:
            decided_by_day[c.day] = decided_by_day.get(c.day, 0) + c.decisions
        arrived = dict(backlog.arrivals)
        days = sorted(set(arrived) | set(decided_by_day))
        grouped = buckets_for(days)
        arrivals, decisions = summed(grouped, arrived.items()), summed(grouped, decided_by_day.items())
        starts = sorted(set(arrivals) | set(decisions))
        x = x_of(grouped, starts)
        if starts:  # bars: days with nothing are gaps, not a line drawn across them
            width = grouped.width
            self.backlog.bars(x - width / 5, np.array([arrivals.get(s, 0.0) for s in starts]), width * 0.38,
                              QColor("#b45309"), translate("Insight", "arrived"))
            self.backlog.bars(x + width / 5, np.array([decisions.get(s, 0.0) for s in starts]), width * 0.38,
                              QColor("#15803d"), translate("Insight", "decided"))
            self.backlog.headroom(max(max(arrivals.values(), default=0), max(decisions.values(), default=0)))
        _time_range(self.backlog, x, grouped)
        self.backlog.rows = [[d.isoformat(), arrived.get(d, 0), decided_by_day.get(d, 0)] for d in days]
        self.backlog.title.setText(translate("Insight", "Backlog: comments arrived and decided {per}").format(
            per=grouped.per()))
        oldest = backlog.oldest_pending
        waiting = translate("Insight", "; the oldest has waited {age}").format(age=_age(oldest)) if oldest else ""
        self.backlog.note.setText(translate("Insight", "{count} pending now{waiting}").format(count=look.number(backlog.pending),
                                                                                            waiting=waiting))


def _days(count: int) -> str:
    return translate("Insight", "1 day") if count == 1 else translate("Insight", "{count} days").format(count=look.number(count))


def _moderators(count: int, with_rules: bool) -> str:
    people = translate("Insight", "1 moderator") if count == 1 else \
        translate("Insight", "{count} moderators").format(count=count)
    return translate("Insight", "{moderators} and rules").format(moderators=people) if with_rules else people


def _time_range(chart: Chart, x: np.ndarray, grouped: Buckets) -> None:
    """At least a week shown, a bucket either side: one day's bar is not stretched across the
    whole axis, and the axis counts days, not hours."""
    if len(x):
        low, high = float(x.min()) - grouped.width, float(x.max()) + grouped.width
        short = max(0.0, 7 * DAY - (high - low)) / 2
        chart.plot.setXRange(low - short, high + short, padding=0.02)


def _age(since: datetime) -> str:
    seconds = (datetime.now(UTC) - since).total_seconds()
    if seconds < 3600:
        return translate("Insight", "{count} min").format(count=f"{seconds / 60:.0f}")
    if seconds < 2 * 86_400:
        return translate("Insight", "{count} h").format(count=f"{seconds / 3600:.0f}")
    return translate("Insight", "{count} days").format(count=f"{seconds / 86_400:,.0f}")
