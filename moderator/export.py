"""Hand decisions back to the site: every decision as one JSON object per line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from moderator.storage.models import Article, Comment, Decision


def decision_records(session: Session) -> Iterator[dict]:
    """Oldest first, with the external ids the source site knows its comments by."""
    parent = aliased(Comment)
    rows = session.execute(
        select(Decision, Comment, Article.external_id, parent.external_id)
        .join(Comment, Comment.id == Decision.comment_id)
        .join(Article, Article.id == Comment.article_id)
        .outerjoin(parent, parent.id == Comment.parent_id)
        .order_by(Decision.id)
        .execution_options(yield_per=1000)
    )
    for decision, comment, article_external_id, parent_external_id in rows:
        yield {
            "decision_id": decision.id,
            "comment_id": comment.id,
            "external_id": comment.external_id,
            "article_external_id": article_external_id,
            "parent_external_id": parent_external_id,
            "action": decision.action,
            "reason": decision.reason,
            "note": decision.note,
            "moderator": decision.moderator,
            "source": decision.source,
            "time": decision.created_at.isoformat(),
            "status_before": decision.status_before,
            "status_after": decision.status_after,
            "reverts_decision_id": decision.reverts_id,
            "reply_text": comment.body if comment.is_staff else None,
        }


def export_decisions(session: Session, out: Path) -> int:
    """Written to a temporary file and renamed, so a crash never leaves half an export."""
    partial = out.with_name(out.name + ".partial")
    count = 0
    with partial.open("w", encoding="utf-8") as stream:
        for record in decision_records(session):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    partial.replace(out)
    return count
