"""The figures the Articles tab shows and sorts by (storage/articlecounts.py): after decisions,
undo, staff replies (and their undo: removed), scores written, re-written lower and higher,
new comments and a comment deleted, the counts by status and each model's highest score and
scored count that the triggers keep equal a count from scratch, for two models."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from sqlalchemy import delete, select, text, update

from moderator.moderation import decisions
from moderator.scoring.store import write_scores
from moderator.storage.articlecounts import FILL, trigger_statements
from moderator.storage.models import Article, Comment, Decision, Score, ScoringModel, Site
from moderator.vocabulary import Action, Status

# Each test on SQLite and on PostgreSQL (tests/conftest.py): the triggers are written in both syntaxes.
pytestmark = pytest.mark.both_databases

T0 = datetime(2025, 1, 1, tzinfo=UTC)


def kept(session) -> tuple[dict, dict]:
    return table(session, "article_counts", "article_scores")


def table(session, counts: str, scores: str) -> tuple[dict, dict]:
    """Article -> (pending, approved, hidden) and (article, model) -> (top, scored), rows of zeros left out."""
    by_status = {a: (p, ap, h) for a, p, ap, h in session.execute(
        text(f"SELECT article_id, pending, approved, hidden FROM {counts}")) if p or ap or h}
    by_model = {(a, m): (t, n) for a, m, t, n in session.execute(
        text(f"SELECT article_id, model_id, top, scored FROM {scores}")) if n or t is not None}
    return by_status, by_model


def from_scratch(session) -> tuple[dict, dict]:
    """The migration's own filling statements, run into empty copies of the tables."""
    session.execute(text("CREATE TEMP TABLE fresh_counts AS SELECT * FROM article_counts WHERE 1 = 0"))
    session.execute(text("CREATE TEMP TABLE fresh_scores AS SELECT * FROM article_scores WHERE 1 = 0"))
    for statement in FILL:
        session.execute(text(statement.replace("INTO article_counts", "INTO fresh_counts")
                             .replace("INTO article_scores", "INTO fresh_scores")))
    found = table(session, "fresh_counts", "fresh_scores")
    session.execute(text("DROP TABLE fresh_counts"))
    session.execute(text("DROP TABLE fresh_scores"))
    return found


def test_the_kept_figures_follow_every_write(db):
    rng = random.Random(12)
    with db.write_sessions() as s:
        site = Site(key="s", name="S")
        models = [ScoringModel(name=f"m{i}", family="t", checksum=f"c{i}", labels=["tox"], main_label="tox")
                  for i in range(2)]
        s.add_all([site, *models])
        s.flush()
        articles = [Article(site_id=site.id, external_id=f"a{i}", headline=f"A {i}") for i in range(6)]
        s.add_all(articles)
        s.flush()
        comments = [Comment(site_id=site.id, article_id=rng.choice(articles).id, external_id=f"c{i}", author="x",
                            body="b", created_at=T0, status=rng.choice([Status.PENDING, Status.APPROVED, Status.HIDDEN]))
                    for i in range(80)]
        s.add_all(comments)
        s.flush()
        ids = [c.id for c in comments]
        for model in models:
            write_scores(s, model.id, "tox", ids[:60], [{"tox": round(rng.random(), 2)} for _ in ids[:60]])
        assert kept(s) == from_scratch(s)
        for step in range(60):
            picked = rng.sample(ids, rng.randint(1, 8))
            change = step % 6
            if change == 0:
                picked = list(s.scalars(select(Comment.id).where(Comment.id.in_(picked), Comment.status != Status.REMOVED)))
                decisions.decide(s, picked, rng.choice([Action.APPROVE, Action.HIDE, Action.RESTORE]), "m",
                                 reason="abuse")
            elif change == 1:
                decisions.undo(s, decisions.last_undoable(s, "m"), "m")
            elif change == 2:  # re-scored: lower, higher, the top itself lowered
                model = rng.choice(models)
                write_scores(s, model.id, "tox", picked, [{"tox": round(rng.random(), 2)} for _ in picked])
            elif change == 3:  # a staff reply (approved), then its undo removes it
                decisions.reply(s, s.scalar(select(Comment.id).where(Comment.status != Status.REMOVED)), "Thanks", "m")
                if rng.random() < 0.5:
                    decisions.undo(s, decisions.last_undoable(s, "m"), "m")
            elif change == 4:  # an import's source status, straight onto the rows
                s.execute(update(Comment).where(Comment.id.in_(picked)).values(status=rng.choice(list(Status))))
            else:  # a new comment, then one deleted with its scores
                new = Comment(site_id=site.id, article_id=rng.choice(articles).id, external_id=f"n{step}", author="y",
                              body="b", created_at=T0, status=Status.PENDING)
                s.add(new)
                s.flush()
                write_scores(s, models[0].id, "tox", [new.id], [{"tox": 0.99}])
                ids.append(new.id)
                undecided = list(s.scalars(select(Comment.id).where(~Comment.id.in_(select(Decision.comment_id)),
                                                                    ~Comment.id.in_(select(Comment.parent_id).where(Comment.parent_id.is_not(None))))))
                gone = rng.choice(undecided)
                ids.remove(gone)
                s.execute(delete(Score).where(Score.comment_id == gone))
                s.execute(delete(Comment).where(Comment.id == gone))
            assert kept(s) == from_scratch(s), f"step {step}, change {change}"
        s.commit()


def test_both_dialects_get_every_trigger():
    sqlite, postgresql = trigger_statements("sqlite"), trigger_statements("postgresql")
    assert len(postgresql) == 2 * len(sqlite)  # a function and its trigger each
    assert all("FOR EACH ROW" in statement for statement in postgresql[1::2])
    with pytest.raises(ValueError):
        trigger_statements("oracle")


def test_a_bulk_decision_and_its_undo_move_each_articles_counts_once(db):
    """Many comments of two articles in one statement (PostgreSQL counts them per statement,
    migration 0017), a removal among them (its scores leave), then the undo."""
    with db.write_sessions() as s:
        site = Site(key="s", name="S")
        s.add(site)
        s.flush()
        articles = [Article(site_id=site.id, external_id=f"a{i}", headline=f"A {i}") for i in range(2)]
        s.add_all(articles)
        s.flush()
        comments = [Comment(site_id=site.id, article_id=articles[i % 2].id, author="r", body=f"c{i}",
                            created_at=T0, status=Status.PENDING) for i in range(40)]
        s.add_all(comments)
        s.flush()
        ids = [c.id for c in comments]
        batch = decisions.decide(s, ids[:30], Action.APPROVE, "ana", source=decisions.Source.BULK)
        assert kept(s) == from_scratch(s) and kept(s)[0][articles[0].id] == (5, 15, 0)
        s.execute(update(Comment).where(Comment.id.in_(ids[30:35])).values(status=Status.REMOVED))
        assert kept(s) == from_scratch(s)
        decisions.undo(s, batch.decision_ids, "ana")
        assert kept(s) == from_scratch(s) and kept(s)[0][articles[0].id] == (17, 0, 0)  # 3 of its 5 pending removed
        s.commit()
