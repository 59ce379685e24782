"""The calibration from the team's decisions against a hand-computed confusion table, the
suggested thresholds, the activity figures, the reports' CSV and the command line."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from moderator.formats.csvsafe import unquote
from moderator.insight import activity, report
from moderator.insight.calibration import CSV_COLUMNS, FEW_DECISIONS, Target, curve
from moderator.insight.decided import decided_counts
from moderator.insight.period import Period
from moderator.storage.models import utcnow
from tests import insightdata as data

pytestmark = pytest.mark.both_databases


@pytest.fixture
def model_id(db):
    with db.write_sessions() as s:
        return data.build(s)


def test_calibration_counts_equal_the_hand_computed_table(db, model_id):
    with db.sessions() as s:
        found = decided_counts(s, Period(model_id), "toxicity", "toxicity").curve()
    assert (found.positives, found.negatives) == (data.HIDES, data.APPROVALS)
    for threshold, (caught, wrongly) in data.BY_HAND.items():
        c = found.at(threshold)
        assert (c.true_positives, c.false_positives) == (caught, wrongly), threshold
        assert (c.false_negatives, c.true_negatives) == (data.HIDES - caught, data.APPROVALS - wrongly)
    assert found.too_few  # 6 hides and 5 approvals: far below FEW_DECISIONS
    assert "caught 5 of the 6 comments moderators hid, and wrongly hidden 1 of the 5" in found.at(0.55).sentence()


def test_a_label_other_than_the_main_one_reads_its_json(db, model_id):
    with db.sessions() as s:
        found = decided_counts(s, Period(model_id), "insult", "toxicity").curve()
    c = found.at(0.5)  # insult = 1 - toxicity: hides now score low
    assert (c.true_positives, c.false_positives) == (1, 4)  # 1 - 0.35 = 0.65; approvals 0.95, 0.9, 0.8, 0.5


def test_the_suggested_threshold_meets_the_target(db, model_id):
    with db.sessions() as s:
        found = decided_counts(s, Period(model_id), "toxicity", "toxicity").curve()
    for share in (0.5, 0.8, 1.0):
        suggested = Target(share).suggest(found)
        assert suggested is not None and suggested.true_positives >= share * data.HIDES
        higher = found.at(suggested.threshold + 0.001)  # the next threshold up would miss the target
        assert higher.true_positives < share * data.HIDES
    assert Target(0.8).suggest(found).threshold == pytest.approx(0.55)
    # Fewest mistakes: equal costs tie 0.35 and 0.55 at 2 mistakes; the fewer wrong hides win.
    assert Target(None, 1, 1).suggest(found).threshold == pytest.approx(0.55)
    assert Target(None, 1, 3).suggest(found).threshold == pytest.approx(0.35)  # a missed hide costs three
    assert Target(None, 10, 1).suggest(found).true_positives == 3  # 0.8: no wrong hide at all


def test_the_curve_agrees_with_counting_one_by_one():
    rng = np.random.default_rng(3)
    truth, scores = rng.random(400) < 0.3, rng.random(400).round(3)
    found = curve(truth, scores)
    for t in (0.0, 0.123, 0.5, 0.77, 1.0):
        c = found.at(t)
        assert c.true_positives == int((truth & (scores >= t)).sum()) and c.false_positives == int((~truth & (scores >= t)).sum())
    assert not found.too_few or min(truth.sum(), (~truth).sum()) < FEW_DECISIONS


def test_the_date_range_and_site_choose_the_decisions(db, model_id):
    with db.sessions() as s:
        later = decided_counts(s, Period(model_id, since=utcnow() + timedelta(days=1)), "toxicity", "toxicity")
        elsewhere = decided_counts(s, Period(model_id, site_id=999), "toxicity", "toxicity")
        today = decided_counts(s, Period(model_id, since=utcnow() - timedelta(days=1)), "toxicity", "toxicity")
    assert later.hidden.sum() == elsewhere.hidden.sum() == 0
    assert (today.hidden.sum(), today.approved.sum()) == (data.HIDES, data.APPROVALS)
    hidden, approved = today.histogram(10)
    assert list(approved) == [1, 1, 1, 0, 0, 1, 0, 1, 0, 0]  # 0.05, 0.10, 0.20, 0.50, 0.70
    assert list(hidden) == [0, 0, 0, 1, 0, 1, 1, 0, 1, 2]


def test_activity_counts_decisions_agreement_and_backlog(db, model_id):
    with db.sessions() as s:
        found = report.activity(s, Period(model_id), threshold=0.5)
    today = utcnow().date()
    assert found.per_moderator() == {"ana": {"manual": 5, "bulk": 1}, "ben": {"manual": 5}, "rules": {"rule": 1}}
    [agreement] = found.agreement
    # the model says hide from 0.5: it agrees on 4 + 1 hides (not 0.35) and 3 approvals (not 0.5, 0.7)
    assert (agreement.day, agreement.agreed, agreement.decisions, agreement.hidden) == (today, 8, 11, 6)
    assert found.backlog.pending == 1 and found.backlog.oldest_pending == data.T0 + timedelta(minutes=50)
    assert found.backlog.arrivals == ((data.T0.date(), 14),)
    rows = found.days()
    assert rows[-1][:4] == [today.isoformat(), 10, 1, 1]


def test_calibration_csv_round_trips(db, model_id):
    with db.sessions() as s:
        reports = report.calibration_reports(s, Period(model_id), data.IDENTITY, (0.5, 0.8), Target(0.8))
    stream = io.StringIO()
    report.write_calibration_csv(stream, reports)
    stream.seek(0)
    rows = [{k: unquote(v) for k, v in row.items()} for row in csv.DictReader(stream)]
    assert tuple(rows[0]) == CSV_COLUMNS
    back = {(r["label"], float(r["threshold"]), r["suggested"]): (int(r["caught"]), int(r["wrongly_hidden"]),
                                                                    int(r["missed"]), int(r["rightly_left"])) for r in rows}
    assert back[("toxicity", 0.5, "")] == (5, 2, 1, 3)
    assert back[("toxicity", 0.8, "")] == (3, 0, 3, 5)
    assert back[("toxicity", 0.55, "yes")] == (5, 1, 1, 4)
    assert len(rows) == 6  # two labels, two thresholds and a suggestion each


def test_cli_report_calibration_and_activity(cli, db, model_id):
    """The test model is not installed: its scores are in the database, as a removed model's are."""
    model = ("--model", data.IDENTITY.name)
    code, out, err = cli("report", "calibration", *model, "--json", "--threshold", "0.5", "--recall", "0.8")
    assert code == 0, err
    labels = {r["label"]: r for r in json.loads(out)["labels"]}
    tox = labels["toxicity"]
    assert (tox["positives"], tox["negatives"], tox["too_few"]) == (6, 5, True)
    assert tox["confusion"] == [{"threshold": 0.5, "true_positives": 5, "false_positives": 2,
                                 "false_negatives": 1, "true_negatives": 3}]
    assert tox["suggested"]["threshold"] == pytest.approx(0.55)
    code, out, _ = cli("report", "calibration", *model, "--csv", "--cost", "1:3")
    assert code == 0 and out.startswith(",".join(CSV_COLUMNS))
    code, out, _ = cli("report", "calibration", *model)
    assert code == 0 and "few decisions" in out and "suggested 0.350" in out  # at least 90 % of the 6 hides: all 6
    since = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    code, out, _ = cli("report", "activity", *model, "--json", "--since", since)
    assert code == 0 and json.loads(out)["per_moderator"]["ana"] == {"manual": 5, "bulk": 1}
    code, out, _ = cli("report", "activity", *model, "--csv")
    assert code == 0 and out.splitlines()[0] == ",".join(report.ACTIVITY_COLUMNS)
    with pytest.raises(SystemExit):
        cli("report", "calibration", "--cost", "0:0")
    code, _, err = cli("report", "calibration", "--model", "nothing-here")
    assert code == 1 and "nothing-here" in err


def test_agreement_needs_a_model(db, model_id):
    with db.sessions() as s:
        assert activity.agreement_per_day(s, Period(None), 0.5) == []
        assert decided_counts(s, Period(None), "toxicity", "toxicity").curve().positives == 0


def test_evaluate_and_report_calibration_print_the_same_table(cli, db, tmp_path):
    """The team's decisions on the demo comments, and the same comments as a labelled file:
    `report calibration` and `evaluate` count the same at every threshold (one implementation)."""
    from sqlalchemy import select

    from moderator.moderation.decisions import decide
    from moderator.storage.models import Comment, Score
    from moderator.vocabulary import Action, Status

    assert cli("demo")[0] == 0 and cli("score")[0] == 0
    with db.write_sessions() as s:
        rows = s.execute(select(Comment.id, Comment.body, Score.main).join(Score, Score.comment_id == Comment.id)
                         .where(Comment.status == Status.PENDING).order_by(Comment.id)).all()
        hidden = {comment_id for i, (comment_id, _body, main) in enumerate(rows) if (main >= 0.3) != (i % 7 == 3)}
        for comment_id, _body, _main in rows:
            hide = comment_id in hidden
            decide(s, [comment_id], Action.HIDE if hide else Action.APPROVE, "ana", "abuse" if hide else None)
        s.commit()
    labelled = tmp_path / "labelled.csv"
    with labelled.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["comment_text", "toxicity"])
        writer.writerows([body, int(comment_id in hidden)] for comment_id, body, _main in rows)
    thresholds = [arg for t in ("0.05", "0.3", "0.5", "0.8") for arg in ("--threshold", t)]
    code, by_file, err = cli("evaluate", str(labelled), "--csv", *thresholds)
    assert code == 0, err
    code, by_decisions, err = cli("report", "calibration", "--csv", *thresholds)
    assert code == 0, err

    def table(printed: str) -> list[tuple[str, ...]]:
        counted = ("label", "threshold", "caught", "wrongly_hidden", "missed", "rightly_left", "positives", "negatives")
        return [tuple(row[c] for c in counted) for row in csv.DictReader(io.StringIO(printed)) if not row["suggested"]]

    assert len(table(by_file)) == 4 and 0 < len(hidden) < len(rows)
    assert table(by_decisions) == table(by_file)
