"""A small fixed set of decisions against known scores, and its confusion table computed by
hand, for the calibration tests (core, command line and window). No tests here."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from moderator.moderation.decisions import decide
from moderator.scoring.base import ModelIdentity
from moderator.scoring.store import register_model, write_scores
from moderator.storage.models import Article, Comment, Site
from moderator.vocabulary import Action, Source, Status

IDENTITY = ModelIdentity("tox-test", "bert", "c" * 64, "test", ("toxicity", "insult"), "toxicity")
T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
# (toxicity, insult, what happens to it)
HIDDEN_BY_HAND = [0.35, 0.55, 0.80, 0.90, 0.97]
APPROVED_BY_HAND = [0.05, 0.10, 0.20, 0.50, 0.70]
HIDDEN_IN_BULK = [0.60]
HIDDEN_BY_RULE = [0.99]  # the model judging itself: left out
IMPORTED_HIDDEN = [0.95]  # the site's status, not the team's decision: left out
PENDING = [0.85]  # not decided: left out

# Hiding at >= t would have caught / wrongly hidden (of 6 hides and 5 approvals):
BY_HAND = {0.3: (6, 2), 0.5: (5, 2), 0.55: (5, 1), 0.8: (3, 0), 0.98: (0, 0)}
HIDES, APPROVALS = 6, 5


def build(session: Session) -> int:
    """The comments, scores and decisions above; returns the model's id."""
    site = Site(key="site", name="Site")
    session.add(site)
    session.flush()
    article = Article(site_id=site.id, external_id="a1", headline="An article")
    session.add(article)
    session.flush()
    groups = [HIDDEN_BY_HAND, APPROVED_BY_HAND, HIDDEN_IN_BULK, HIDDEN_BY_RULE, IMPORTED_HIDDEN, PENDING]
    ids: list[list[int]] = []
    for g, scores in enumerate(groups):
        made = []
        for i, _score in enumerate(scores):
            status = Status.HIDDEN if scores is IMPORTED_HIDDEN else Status.PENDING
            comment = Comment(site_id=site.id, article_id=article.id, external_id=f"c{g}-{i}", author=f"author{i}",
                              body=f"comment {g} {i}", created_at=T0 + timedelta(minutes=10 * g + i), status=status)
            session.add(comment)
            session.flush()
            made.append(comment.id)
        ids.append(made)
    model_id = register_model(session, IDENTITY)
    every = [cid for group in ids for cid in group]
    scores = [s for group in groups for s in group]
    write_scores(session, model_id, "toxicity", every, [{"toxicity": s, "insult": 1 - s} for s in scores])
    session.flush()
    for cid in ids[0]:
        decide(session, [cid], Action.HIDE, "ana", "abuse")
    for cid in ids[1]:
        decide(session, [cid], Action.APPROVE, "ben")
    decide(session, ids[2], Action.HIDE, "ana", "abuse", source=Source.BULK)
    decide(session, ids[3], Action.HIDE, "rules", "abuse", source=Source.RULE)
    session.commit()
    return model_id
