"""The check of issue 14, end to end: the labelled set (tests/data/rules_cases.csv, sentences
written for the tests) imported as a CSV into a fresh database with the default rules, scored
by the quick screen: at least 85 % of the dangerous ones end up Flagged or Hidden, at most
15 % of the benign ones. Flagged is the queue's own definition (a rule's flag, or a score at
or over Medium), read through the queue."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select

from moderator.importing.run import import_file
from moderator.reading import queue
from moderator.reading.queue import QueueQuery
from moderator.scoring.quick import QuickScreen
from moderator.scoring.runner import score_pending
from moderator.scoring.store import find_model
from moderator.settings import PRIORITY_MEDIUM
from moderator.storage.models import Comment, Decision
from moderator.vocabulary import QueueKind, Source, Status
from tests.rulesdata import write_csv

CASES = Path(__file__).parent / "data" / "rules_cases.csv"


def test_the_default_rules_flag_or_hide_the_dangerous_and_leave_the_benign(db, tmp_path):
    with CASES.open(encoding="utf-8", newline="") as stream:
        cases = list(csv.DictReader(stream))
    rows = [{"comment_id": f"case-{n}", "author": f"reader {n}", "body": case["text"]} for n, case in enumerate(cases)]
    with db.write_sessions() as session:
        import_file(session, write_csv(tmp_path / "cases.csv", rows), "csv")
        session.commit()
    scorer = QuickScreen()
    score_pending(db.write_sessions, scorer)
    with db.sessions() as session:
        model_id = find_model(session, scorer.identity)
        flagged = set(queue.ids(session, QueueQuery(kind=QueueKind.FLAGGED, model_id=model_id,
                                                     flagged_from=PRIORITY_MEDIUM.default)))
        by_external = dict(session.execute(select(Comment.external_id, Comment.id)).all())
        hidden = set(session.scalars(select(Comment.id).where(Comment.status == Status.HIDDEN)))
        by_rules = set(session.scalars(select(Decision.comment_id).where(Decision.source == Source.RULE)))
    caught = {n: by_external[f"case-{n}"] in flagged | hidden for n in range(len(cases))}
    dangerous = [n for n, case in enumerate(cases) if case["expected"] == "dangerous"]
    benign = [n for n, case in enumerate(cases) if case["expected"] == "benign"]
    missed = [cases[n]["text"] for n in dangerous if not caught[n]]
    wrongly = [cases[n]["text"] for n in benign if caught[n]]
    assert sum(caught[n] for n in dangerous) / len(dangerous) >= 0.85, missed
    assert sum(caught[n] for n in benign) / len(benign) <= 0.15, wrongly
    assert by_rules  # the rules did act, as decisions of their own
