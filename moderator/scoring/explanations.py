"""Explanations kept in the database, per comment, model and label (table `explanations`).

Reads are one primary-key lookup; writes replace the row (an upsert on SQLite and
PostgreSQL). An explanation of a text that has changed since is not returned.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Insert, select
from sqlalchemy.orm import Session

from moderator.scoring.explain import Explanation
from moderator.scoring.store import upsert
from moderator.storage.models import ExplanationCache, core_table, utcnow


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cached_explanation(session: Session, comment_id: int, model_id: int, label: str, text: str) -> Explanation | None:
    row = session.execute(select(ExplanationCache.text_sha, ExplanationCache.explanation).where(
        ExplanationCache.comment_id == comment_id, ExplanationCache.model_id == model_id,
        ExplanationCache.label == label)).one_or_none()
    if row is None or row[0] != text_sha(text):
        return None
    data: dict[str, Any] = dict(row[1])
    return Explanation.from_json(data)


def keep_explanation(session: Session, comment_id: int, model_id: int, text: str, explanation: Explanation) -> None:
    """Store (or replace) the explanation; the caller commits."""
    values = {"comment_id": comment_id, "model_id": model_id, "label": explanation.label, "text_sha": text_sha(text),
              "explanation": explanation.as_json(), "created_at": utcnow()}
    session.execute(_upsert(session), [values])


def _upsert(session: Session) -> Insert:
    return upsert(session, core_table(ExplanationCache), ["comment_id", "model_id", "label"],
                  ["text_sha", "explanation", "created_at"])
