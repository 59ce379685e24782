"""Scoring with the built-in quick screen: storage, the scoring loop, priority, evaluate."""

import json
import subprocess
import sys

import numpy as np
import pytest
from sqlalchemy import func, select

from moderator.insight.evaluate import evaluate, roc_auc
from moderator.reading import queue
from moderator.reading.queue import QueueQuery
from moderator.scoring.priority import HIGH, LOW, MEDIUM, Thresholds, priority
from moderator.scoring.quick import OFFENSIVE, QuickScreen, quick_identity
from moderator.scoring.registry import active_model, load_scorer
from moderator.scoring.runner import score_pending
from moderator.scoring.store import (
    ScoringPlan,
    count_unscored,
    find_model,
    register_model,
    score_fields,
    scores_for,
    write_scores,
)
from moderator.storage.models import Comment, Score
from moderator.vocabulary import QueueKind, Sort, Status
from tests.samples import TESTDATA

pytestmark = pytest.mark.both_databases

JIGSAW = TESTDATA / "toxic_jigsaw-train-dummy_detoxify.csv"


@pytest.fixture(scope="module")
def quick() -> QuickScreen:
    return QuickScreen()


def test_importing_the_scoring_core_loads_no_heavy_library():
    probe = ("import sys, moderator.cli.commands, moderator.scoring, moderator.scoring.registry, moderator.scoring.runner, "
             "moderator.scoring.store; print(sorted(m for m in ('torch', 'transformers', 'detoxify', 'sklearn', "
             "'PySide6') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


def test_the_quick_screen_identity_is_known_without_loading_scikit_learn(paths, quick):
    """The window asks for it before its first paint; importing the package would load scikit-learn."""
    probe = ("import sys; from pathlib import Path; from moderator.scoring.registry import model_identity; "
             f"identity = model_identity(Path({str(paths.models)!r})); "
             "print(identity.checksum, sorted(m for m in ('sklearn', 'profanity_check', 'scipy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == [quick.identity.checksum, "[]"], result.stderr


def test_quick_screen_is_active_out_of_the_box_and_tells_offensive_apart(paths, quick):
    assert active_model(paths.models) == "quick-screen"
    rows = quick.score(["You are a fucking idiot", "Thanks for the thoughtful article"])
    assert rows[0][OFFENSIVE] > 0.8 > 0.2 > rows[1][OFFENSIVE]
    identity = quick_identity()
    assert identity.labels == (OFFENSIVE,) and identity.source.startswith("alt-profanity-check ")
    assert len(identity.checksum) == 64


def test_score_pending_stores_one_row_per_comment(demo_db, quick):
    progress = score_pending(demo_db.sessions, quick)
    assert progress.scored == progress.total == 54 and not progress.cancelled
    with demo_db.sessions() as session:
        model_id = find_model(session, quick.identity)
        rows = session.execute(select(Score.main, Score.label_scores).where(Score.model_id == model_id)).all()
        assert len(rows) == 54 and all(main == scores[OFFENSIVE] for main, scores in rows)
        assert count_unscored(session, model_id) == 0
    assert score_pending(demo_db.sessions, quick).scored == 0  # nothing left to do


def test_rescore_scores_everything_again_without_duplicates(demo_db, quick):
    score_pending(demo_db.sessions, quick)
    assert score_pending(demo_db.sessions, quick, rescore=True).scored == 54
    with demo_db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Score)) == 54


def test_cancel_then_resume_scores_each_comment_once(demo_db, quick):
    quick.window = 10  # several windows over the 54 demo comments
    seen: list[int] = []
    first = score_pending(demo_db.sessions, quick, on_progress=lambda p: seen.append(p.scored),
                          should_stop=lambda: len(seen) >= 2)
    assert first.cancelled and first.scored == 20
    second = score_pending(demo_db.sessions, quick)
    assert second.scored == 34 and not second.cancelled
    with demo_db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Score)) == 54


def test_a_crash_mid_run_keeps_every_committed_batch(demo_db, quick):
    quick.window = 10

    def crash(progress):
        if progress.scored >= 30:
            raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        score_pending(demo_db.sessions, quick, on_progress=crash)
    with demo_db.sessions() as session:
        assert count_unscored(session, find_model(session, quick.identity)) == 24
    assert score_pending(demo_db.sessions, quick).scored == 24


def test_visible_comments_come_first(demo_db, session):
    article = session.scalar(select(Comment.article_id).where(Comment.status == Status.APPROVED).limit(1))
    session.execute(Comment.__table__.update().where(Comment.id % 3 == 0).values(status=Status.APPROVED))
    session.commit()
    model_id = register_model(session, quick_identity())
    plan = ScoringPlan(model_id, priority_article=article)
    order = []
    while window := plan.next_window(session, 7):
        order += [comment_id for comment_id, _ in window]
        write_scores(session, model_id, OFFENSIVE, [c for c, _ in window], [{OFFENSIVE: 0.5}] * len(window))
    rows = dict(session.execute(select(Comment.id, Comment.article_id)).all())
    statuses = dict(session.execute(select(Comment.id, Comment.status)).all())
    in_article = sum(1 for c in rows if rows[c] == article)
    assert sorted(order) == sorted(rows)  # every comment exactly once
    assert all(rows[c] == article for c in order[:in_article])
    rest = order[in_article:]
    pending = [c for c in rest if statuses[c] == Status.PENDING]
    assert rest[:len(pending)] == pending  # the pending queue before the decided ones


def test_switching_models_never_mixes_scores(demo_db, session, quick):
    score_pending(demo_db.sessions, quick)
    other = quick_identity().__class__(**(quick_identity().as_json() | {"name": "other", "labels": ("toxicity",),
                                                                          "main_label": "toxicity"}))
    other_id = register_model(session, other)
    session.commit()
    assert count_unscored(session, other_id) == 54
    ids = session.scalars(select(Comment.id).order_by(Comment.id).limit(3)).all()
    assert scores_for(session, other_id, ids) == {}
    write_scores(session, other_id, "toxicity", ids, [{"toxicity": v} for v in (0.1, 0.9, 0.5)])
    session.commit()
    assert scores_for(session, other_id, ids) == {ids[0]: {"toxicity": 0.1}, ids[1]: {"toxicity": 0.9},
                                                 ids[2]: {"toxicity": 0.5}}
    assert set(scores_for(session, find_model(session, quick.identity), ids)[ids[0]]) == {OFFENSIVE}
    everything = QueueQuery(kind=QueueKind.ALL, sort=Sort.PRIORITY, model_id=other_id)
    ordered = [row.id for row in queue.first_rows(session, everything, None)]
    assert ordered[:3] == [ids[1], ids[2], ids[0]] and len(ordered) == 54  # unscored ones last


def test_priority_sort_follows_the_main_label(demo_db, session, quick):
    score_pending(demo_db.sessions, quick)
    model_id = find_model(session, quick.identity)
    rows = queue.first_rows(session, QueueQuery(kind=QueueKind.ALL, sort=Sort.PRIORITY, model_id=model_id), None)
    values = [row.score for row in rows]
    assert None not in values and values == sorted(values, reverse=True)


def test_priority_pages_read_scored_then_unscored(demo_db, session, quick):
    quick.window = 20
    score_pending(demo_db.sessions, quick, should_stop=lambda: False, on_progress=None)
    model_id = find_model(session, quick.identity)
    session.execute(Score.__table__.delete().where(Score.comment_id > 40))
    session.commit()
    by_priority = QueueQuery(kind=QueueKind.ALL, sort=Sort.PRIORITY, model_id=model_id)
    pages, cursor, rows = [], None, [None] * 7
    while len(rows) == 7:  # pages of 7, each after the cursor where the last one ended
        rows, cursor = queue.page(session, by_priority, cursor, limit=7)
        pages += rows
    scored, tail = [r for r in pages if r.score is not None], [r for r in pages if r.score is None]
    assert len(scored) == 40 and [r.score for r in scored] == sorted((r.score for r in scored), reverse=True)
    assert pages == scored + tail  # the scored first, then the rest
    assert sorted(r.id for r in tail) == list(range(41, 55))
    assert [r.created_at for r in tail] == sorted((r.created_at for r in tail), reverse=True)  # newest first


def test_score_fields_for_queue_json(demo_db, session, quick):
    score_pending(demo_db.sessions, quick)
    session.execute(Score.__table__.delete().where(Score.comment_id == 2))
    session.commit()
    fields = score_fields(session, quick.identity, [1, 2])
    assert fields[2] == {"priority": None, "scores": None}
    assert set(fields[1]["scores"]) == {OFFENSIVE} and fields[1]["priority"] in (HIGH, MEDIUM, LOW)


def test_priority_bands():
    assert [priority(s) for s in (None, 0.1, 0.5, 0.79, 0.8)] == [None, LOW, MEDIUM, MEDIUM, HIGH]
    assert priority(0.35, Thresholds(medium=0.3, high=0.6)) == MEDIUM
    with pytest.raises(ValueError):
        Thresholds(medium=0.9, high=0.5)


def test_roc_auc_counts_ties_as_half():
    truth = np.array([True, False, True, False])
    assert roc_auc(truth, np.array([0.9, 0.1, 0.8, 0.2])) == 1.0
    assert roc_auc(truth, np.array([0.5, 0.5, 0.5, 0.5])) == 0.5
    assert roc_auc(truth, np.array([0.9, 0.8, 0.1, 0.2])) == 0.5
    assert roc_auc(np.array([True, True]), np.array([0.1, 0.2])) is None


def test_quick_screen_evaluates_well_above_chance(quick):
    [report] = evaluate(quick, JIGSAW, (0.5, 0.8))
    assert report.label == OFFENSIVE and report.column == "toxicity"
    assert report.auc > 0.9 and report.positives + report.negatives > 200
    counts = report.confusion[0]
    assert counts.true_positives + counts.false_negatives == report.positives


def test_cli_score_and_evaluate(cli):
    cli("demo")
    code, out, err = cli("score", "--json")
    assert code == 0, err
    figures = json.loads(out)
    assert figures["model"] == "quick-screen" and figures["scored"] == 54 and figures["comments_per_second"] > 0
    code, out, _ = cli("score")
    assert code == 0 and out.startswith("0 comments scored with quick-screen")
    code, out, err = cli("evaluate", str(JIGSAW), "--json", "--threshold", "0.5")
    assert code == 0, err
    [label] = json.loads(out)["labels"]
    assert label["auc"] > 0.9 and [c["threshold"] for c in label["confusion"]] == [0.5]
    code, out, _ = cli("evaluate", str(JIGSAW))
    assert code == 0 and "ROC AUC 0.9" in out


def test_cli_evaluate_rejects_a_file_without_comment_text(cli, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("text,toxic\nhello,0\n", encoding="utf-8")
    code, _, err = cli("evaluate", str(bad))
    assert code == 1 and "comment_text" in err and "Traceback" not in err


def test_quick_screen_has_no_fast_mode(paths):
    from moderator.errors import ModeratorError

    with pytest.raises(ModeratorError, match="no fast mode"):
        load_scorer(paths.models, fast="bf16")
