"""What other apps on a shared database did since this one last looked: their decisions,
as the `Changes` this app's own writes announce (the window's views refresh from either)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from moderator.changes import Changes, Decided
from moderator.storage.models import Comment, Decision
from moderator.vocabulary import Action, Status

MOST = 2_000  # more new decisions than this (a colleague's bulk action): every list reads again


def latest_decision(session: Session) -> int:
    return session.execute(select(func.coalesce(func.max(Decision.id), 0))).scalar_one()


def decided_since(session: Session, after_id: int, leave_out: frozenset[int] = frozenset()) -> tuple[Changes, int]:
    """The decisions after `after_id` (those in `leave_out` aside: this app's own, already
    announced), and the newest decision id seen."""
    rows = session.execute(
        select(Decision.id, Decision.comment_id, Comment.article_id, Decision.status_before, Decision.status_after,
               Decision.action).join(Comment, Comment.id == Decision.comment_id)
        .where(Decision.id > after_id).order_by(Decision.id).limit(MOST + 1)).all()
    if len(rows) > MOST:
        return Changes(everything=True), latest_decision(session)
    latest = rows[-1].id if rows else after_id
    theirs = (Decided(r.id, r.comment_id, r.article_id, Status(r.status_before) if r.status_before else None,
                      Status(r.status_after), Action(r.action)) for r in rows if r.id not in leave_out)
    return Changes.of_decisions(theirs), latest
