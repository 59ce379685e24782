"""The queue's filters as removable chips, and the two small dialogs that add them.

The filters are the QueueQuery itself (frozen): a chip is its text and the query without
that filter, so removing a chip is setting the query it carries.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDoubleSpinBox, QWidget

from moderator.gui.common import look
from moderator.gui.common.designer import child
from moderator.gui.common.names import label_words
from moderator.gui.common.translation import translate
from moderator.gui.dialogs.forms import load_form, run_modal
from moderator.reading.cardmarks import rule_name
from moderator.reading.queue import QueueQuery, ScoreRange


@dataclass(frozen=True)
class Chip:
    text: str
    without: QueueQuery  # the query once this filter is removed
    tip: str = ""


def label_name(label: str) -> str:
    return label_words(label)


def chips(query: QueueQuery, main_label: str, article_headline: str = "") -> list[Chip]:
    """One chip per filter in the query (the search box shows the search)."""
    found: list[Chip] = []
    if query.article_id is not None:
        found.append(Chip(translate("QueueFilters", "Article: {headline}").format(headline=article_headline or query.article_id),
                          replace(query, article_id=None),
                          article_headline))
    if query.author is not None:
        found.append(Chip(translate("QueueFilters", "Commenter: {author}").format(author=query.author),
                          replace(query, author=None, site_id=None)))
    if query.status is not None:
        found.append(Chip(translate("QueueFilters", "Status: {status}").format(status=look.status_word(query.status)),
                          replace(query, status=None)))
    for score_range in query.scores:
        rest = tuple(r for r in query.scores if r != score_range)
        found.append(Chip(describe_range(score_range, main_label), replace(query, scores=rest)))
    if query.since or query.until:
        found.append(Chip(describe_dates(query.since, query.until), replace(query, since=None, until=None)))
    if query.rule is not None:
        found.append(Chip(translate("QueueCommands", "Rule: {rule}").format(rule=rule_name(query.rule)),
                          replace(query, rule=None)))
    return found


def describe_range(score_range: ScoreRange, main_label: str) -> str:
    low = score_range.low if score_range.low is not None else 0.0
    high = score_range.high if score_range.high is not None else 1.0
    return f"{label_name(score_range.label or main_label)} {low:.2f}–{high:.2f}"


def describe_dates(since: datetime | None, until: datetime | None) -> str:
    """`until` is the start of the day after the last one (see DateFilterDialog)."""
    last = until - timedelta(days=1) if until else None
    if since and last:
        return translate("QueueFilters", "Written {first} – {last}").format(first=_day(since), last=_day(last))
    if since:
        return translate("QueueFilters", "Written from {day}").format(day=_day(since))
    return translate("QueueFilters", "Written up to {day}").format(day=_day(last)) if last else \
        translate("QueueFilters", "Written any time")


def _day(moment: datetime) -> str:
    local = moment.astimezone()
    month = translate("look", look.MONTHS[local.month - 1])
    return translate("QueueFilters", "{day} {month} {year}").format(day=local.day, month=month, year=local.year)


def with_range(query: QueueQuery, chosen: ScoreRange) -> QueueQuery:
    """Add a score range, replacing one already on the same label."""
    kept = tuple(r for r in query.scores if r.label != chosen.label)
    return replace(query, scores=kept + (chosen,))


class ScoreFilterDialog:
    """A label and a score range: low ≤ score < high (high 1 includes 1)."""

    def __init__(self, parent: QWidget, labels: tuple[str, ...], main_label: str):
        self.dialog = load_form("score_filter", parent)
        self.label = child(self.dialog, QComboBox, "labelCombo")
        for label in labels:
            self.label.addItem(label_name(label), None if label == main_label else label)
        self.low = child(self.dialog, QDoubleSpinBox, "lowSpin")
        self.high = child(self.dialog, QDoubleSpinBox, "highSpin")
        self.low.setValue(0.5)
        # low ≤ high, always; through a lambda: a C++ setter that is no slot makes libpyside warn on stderr
        self.low.valueChanged.connect(lambda value: self.high.setMinimum(value))
        self.high.setMinimum(self.low.value())
        self.low.setFocus()

    def choose(self) -> ScoreRange | None:
        return run_modal(self.dialog, lambda: ScoreRange(self.low.value(), self.high.value() if self.high.value() < 1 else None,
                                                         self.label.currentData()))


class DateFilterDialog:
    """Written from one day to another (both included), in the moderator's time zone."""

    def __init__(self, parent: QWidget, since: datetime | None, until: datetime | None):
        self.dialog = load_form("date_filter", parent)
        self.since = child(self.dialog, QDateEdit, "sinceEdit")
        self.until = child(self.dialog, QDateEdit, "untilEdit")
        today = QDate.currentDate()
        self.since.setDate(_qdate(since) if since else today.addDays(-7))
        self.until.setDate(_qdate(until - timedelta(days=1)) if until else today)
        self.since.dateChanged.connect(lambda day: self.until.setMinimumDate(day))  # (a lambda: see above)
        self.until.setMinimumDate(self.since.date())
        self.since.setFocus()

    def choose(self) -> tuple[datetime, datetime] | None:
        return run_modal(self.dialog, lambda: (_start_of(self.since.date()), _start_of(self.until.date().addDays(1))))


def _qdate(moment: datetime) -> QDate:
    local = moment.astimezone()
    return QDate(local.year, local.month, local.day)


def _start_of(day: QDate) -> datetime:
    """Local midnight of the day, in UTC (times are stored in UTC)."""
    local = datetime.combine(date(day.year(), day.month(), day.day()), time()).astimezone()
    return local.astimezone(UTC)
