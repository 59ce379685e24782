"""Days grouped for a time chart: a bar a day reads well over a few months; over a year the
bars are thinner than a pixel, so the chart groups days into weeks, and over two years into
months. The CSV keeps the days (the figures); only the drawing is grouped."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.insight.charts import DAY, day_seconds

WEEKS_FROM, MONTHS_FROM = 92, 730  # days spanned


PER = {"day": QT_TRANSLATE_NOOP("Insight", "per day"), "week": QT_TRANSLATE_NOOP("Insight", "per week"),
       "month": QT_TRANSLATE_NOOP("Insight", "per month")}


@dataclass(frozen=True)
class Buckets:
    name: str  # "day", "week" or "month"
    days: int  # a bucket's width in days (a month drawn as 30)

    def start(self, day: date) -> date:
        if self.name == "week":
            return day - timedelta(days=day.weekday())
        if self.name == "month":
            return day.replace(day=1)
        return day

    @property
    def width(self) -> float:
        """Seconds on the date axis."""
        return self.days * DAY

    def centre(self, start: date) -> float:
        return day_seconds(start) + self.width / 2

    def per(self) -> str:
        """'per day', in the language in force."""
        return translate("Insight", PER[self.name])


def buckets_for(days: Iterable[date]) -> Buckets:
    found = list(days)
    span = (max(found) - min(found)).days if found else 0
    if span > MONTHS_FROM:
        return Buckets("month", 30)
    if span > WEEKS_FROM:
        return Buckets("week", 7)
    return Buckets("day", 1)


def summed(buckets: Buckets, values: Iterable[tuple[date, float]]) -> dict[date, float]:
    """Each bucket's start -> the sum of its days' values."""
    totals: dict[date, float] = {}
    for day, value in values:
        start = buckets.start(day)
        totals[start] = totals.get(start, 0.0) + value
    return totals


def x_of(buckets: Buckets, starts: list[date]) -> np.ndarray:
    return np.array([buckets.centre(start) for start in starts], dtype=float)
