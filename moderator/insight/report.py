"""The reports the command line prints and the Insight window exports: the calibration of a
model against the team's decisions (the table `evaluate` prints for a labelled file) and
the team's activity per day."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from moderator.formats.csvsafe import SafeWriter
from moderator.insight.activity import Agreement, Backlog, DayCount, agreement_per_day, backlog, decisions_per_day
from moderator.insight.calibration import CSV_COLUMNS, Curve, LabelReport, Target, csv_rows, label_report
from moderator.insight.decided import Counts, decided_counts
from moderator.insight.period import Period
from moderator.scoring.base import ModelIdentity
from moderator.storage.models import ScoringModel, Site
from moderator.vocabulary import Source

AGAINST_DECISIONS = "decisions"


def identity_in_database(session: Session, name: str) -> ModelIdentity | None:
    """A model that scored here, by name, even if its files were removed since (its scores
    stay): the newest of that name."""
    row = session.execute(select(ScoringModel).where(ScoringModel.name == name).order_by(ScoringModel.id.desc())
                          .limit(1)).scalar_one_or_none()
    if row is None:
        return None
    return ModelIdentity(row.name, row.family, row.checksum, row.source, tuple(row.labels), row.main_label)


def calibration_reports(session: Session, period: Period, identity: ModelIdentity, thresholds: Sequence[float],
                        target: Target = Target()) -> list[LabelReport]:
    """Per label of the model: the counts at each threshold and the suggested threshold."""
    reports = []
    for label in identity.labels:
        found = decided_counts(session, period, label, identity.main_label).curve()
        reports.append(label_report(label, AGAINST_DECISIONS, found, thresholds, target.suggest(found)))
    return reports


def write_calibration_csv(stream: TextIO, reports: Sequence[LabelReport]) -> None:
    writer = SafeWriter(stream, CSV_COLUMNS)
    for row in csv_rows(reports):
        writer.row(row)


@dataclass(frozen=True)
class Activity:
    decisions: tuple[DayCount, ...]
    agreement: tuple[Agreement, ...]
    backlog: Backlog
    threshold: float  # the score from which the model's call is "hide", for the agreement

    def days(self) -> list[list[object]]:
        """One row per day under ACTIVITY_COLUMNS."""
        by_day: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        moderators: dict[date, set[str]] = defaultdict(set)
        for c in self.decisions:
            by_day[c.day][c.source] += c.decisions
            moderators[c.day].add(c.moderator)
        agreed = {a.day: a for a in self.agreement}
        arrivals = dict(self.backlog.arrivals)
        rows: list[list[object]] = []
        for day in sorted(set(by_day) | set(agreed) | set(arrivals)):
            a = agreed.get(day)
            rows.append([day.isoformat(), *(by_day[day][s] for s in Source), len(moderators[day]),
                         a.agreed if a else 0, a.decisions if a else 0, round(a.rate, 4) if a else "",
                         arrivals.get(day, 0)])
        return rows

    def per_moderator(self) -> dict[str, dict[str, int]]:
        """Moderator -> source -> decisions over the period."""
        totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for c in self.decisions:
            totals[c.moderator][c.source] += c.decisions
        return {name: dict(sources) for name, sources in sorted(totals.items())}

    def as_json(self) -> dict[str, object]:
        return {"threshold": self.threshold, "decisions": [c.as_json() for c in self.decisions],
                "per_moderator": self.per_moderator(), "agreement": [a.as_json() for a in self.agreement],
                "backlog": self.backlog.as_json()}


ACTIVITY_COLUMNS = ("day", *(f"decisions_{s}" for s in Source), "moderators", "model_agreed", "model_judged",
                    "agreement", "arrivals")


def activity(session: Session, period: Period, threshold: float) -> Activity:
    return Activity(tuple(decisions_per_day(session, period)), tuple(agreement_per_day(session, period, threshold)),
                    backlog(session, period), threshold)


def write_activity_csv(stream: TextIO, found: Activity) -> None:
    writer = SafeWriter(stream, ACTIVITY_COLUMNS)
    for row in found.days():
        writer.row(row)


@dataclass(frozen=True)
class Overview:
    """What the Insight window's charts show, read in one go off the GUI thread."""

    distribution: Counts  # the main label's scores of the comments the team hid and approved
    activity: Activity
    main_curve: Curve  # the main label's calibration, from the same counts (one query for both)


def main_label_counts(session: Session, period: Period, identity: ModelIdentity) -> tuple[Counts, Curve]:
    """The main label's scores of the comments the team decided, and its calibration curve
    from the same counts (one query for the distribution chart and the curve)."""
    counts = decided_counts(session, period, identity.main_label, identity.main_label)
    return counts, counts.curve()


def overview(session: Session, period: Period, identity: ModelIdentity, threshold: float) -> Overview:
    """Everything the window's charts show. The window reads the two halves on two readers at
    once (the curve is drawn as soon as its half lands); bench/insight.py times the whole."""
    counts, main_curve = main_label_counts(session, period, identity)
    return Overview(counts, activity(session, period, threshold), main_curve)


def sites(session: Session) -> list[tuple[int, str]]:
    return [(site_id, name) for site_id, name in session.execute(select(Site.id, Site.name).order_by(Site.name))]
