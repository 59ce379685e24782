"""Moderation operations: each is one small function that takes a session and ids,
writes its decision, and returns what changed. The caller commits.

Every operation changes the status of exactly one comment and appends one Decision
recording the status before and after. Undo and redo are decisions too: nothing is
ever deleted, so the audit trail shows every slip and its correction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from moderator.errors import ConflictError, ModeratorError, NotFoundError
from moderator.storage.models import Article, Comment, Decision, Status, utcnow

APPROVE, HIDE, RESTORE, REPLY, POST, UNDO, REDO = "approve", "hide", "restore", "reply", "post", "undo", "redo"
MANUAL = "manual"

# What each status action sets the comment to. Restore sends a hidden comment back to review.
STATUS_AFTER = {APPROVE: Status.APPROVED, HIDE: Status.HIDDEN, RESTORE: Status.PENDING}

# The fixed list a moderator picks from when hiding; "other" wants a note.
HIDE_REASONS: dict[str, str] = {
    "abuse": "Abuse or harassment",
    "hate": "Hate speech",
    "threat": "Threat of violence",
    "spam": "Spam or advertising",
    "off_topic": "Off-topic",
    "personal_data": "Personal data",
    "other": "Other (explain in the note)",
}


@dataclass(frozen=True)
class Change:
    """What an operation changed, so views refresh just that."""

    decision_id: int
    comment_id: int
    article_id: int
    status_before: str | None
    status_after: str
    action: str


def decide(
    session: Session,
    comment_id: int,
    action: str,
    moderator: str,
    reason: str | None = None,
    note: str = "",
    source: str = MANUAL,
    expected_version: int | None = None,
) -> Change:
    """Approve, hide or restore one comment."""
    if action not in STATUS_AFTER:
        raise ModeratorError(f"Unknown action '{action}'; use one of: {', '.join(STATUS_AFTER)}.")
    _check_reason(action, reason, note)
    comment = _comment(session, comment_id)
    if expected_version is not None and comment.version != expected_version:
        raise ConflictError(f"Comment {comment_id} was changed meanwhile (it is now {comment.status}); look again before deciding.")
    return _record(session, comment, action, STATUS_AFTER[action], moderator, reason, note, source)


def reply(session: Session, parent_id: int, text: str, moderator: str) -> Change:
    """Post a staff reply under a comment; it is published (approved) at once."""
    parent = _comment(session, parent_id)
    return _post_staff_comment(session, parent.article_id, parent.id, text, moderator, REPLY)


def post_first_comment(session: Session, article_id: int, text: str, moderator: str) -> Change:
    """Staff open the thread of an article (the site's "Leave the first comment")."""
    if session.get(Article, article_id) is None:
        raise NotFoundError(f"There is no article with id {article_id}.")
    return _post_staff_comment(session, article_id, None, text, moderator, POST)


def undo(session: Session, decision_id: int, moderator: str) -> Change:
    """Reverse one decision, if the comment is still as that decision left it."""
    decision = _decision(session, decision_id)
    if decision.action == UNDO:
        raise ModeratorError(f"Decision {decision_id} is itself an undo; redo it instead.")
    _refuse_if_undone(session, decision)
    return _reverse(session, decision, UNDO, moderator, reason=None)


def redo(session: Session, undo_id: int, moderator: str) -> Change:
    """Reverse an undo: the comment goes back to what the undone decision made it."""
    undone = _decision(session, undo_id)
    if undone.action != UNDO:
        raise ModeratorError(f"Decision {undo_id} is not an undo, so there is nothing to redo.")
    _refuse_if_undone(session, undone)
    original = _decision(session, undone.reverts_id)
    return _reverse(session, undone, REDO, moderator, reason=original.reason)


def last_undoable(session: Session, moderator: str) -> int:
    """The moderator's latest decision that has not been undone (for `moderator undo`)."""
    undone = select(Decision.reverts_id).where(Decision.action == UNDO, Decision.reverts_id.is_not(None))
    decision_id = session.scalar(
        select(Decision.id)
        .where(Decision.moderator == moderator, Decision.action != UNDO, Decision.id.not_in(undone))
        .order_by(Decision.id.desc())
        .limit(1)
    )
    if decision_id is None:
        raise NotFoundError(f"{moderator} has no decision left to undo.")
    return decision_id


def _reverse(session: Session, decision: Decision, action: str, moderator: str, reason: str | None) -> Change:
    comment = _comment(session, decision.comment_id)
    if comment.status != decision.status_after:
        raise ConflictError(
            f"Comment {comment.id} is now {comment.status}, changed after decision {decision.id}; nothing was undone."
        )
    back_to = decision.status_before or Status.REMOVED  # a staff post is undone by removing it
    return _record(session, comment, action, back_to, moderator, reason, "", MANUAL, decision.id)


def _refuse_if_undone(session: Session, decision: Decision) -> None:
    later = session.scalar(select(Decision.id).where(Decision.reverts_id == decision.id).limit(1))
    if later is not None:
        raise ConflictError(f"Decision {decision.id} was already reversed by decision {later}.")


def _post_staff_comment(session, article_id: int, parent_id: int | None, text: str, moderator: str, action: str) -> Change:
    text = text.strip()
    if not text:
        raise ModeratorError("A reply needs some text.")
    article = session.get(Article, article_id)
    comment = Comment(
        site_id=article.site_id,
        article_id=article_id,
        parent_id=parent_id,
        author=moderator,
        is_staff=True,
        body=text,
        created_at=utcnow(),
        status=Status.APPROVED,
    )
    session.add(comment)
    session.flush()
    return _log(session, comment, action, None, Status.APPROVED, moderator, None, "", MANUAL, None)


def _record(session, comment: Comment, action, status_after, moderator, reason, note, source, reverts_id=None) -> Change:
    status_before = comment.status
    comment.status = status_after
    comment.version += 1
    comment.updated_at = utcnow()
    return _log(session, comment, action, status_before, status_after, moderator, reason, note, source, reverts_id)


def _log(session, comment, action, status_before, status_after, moderator, reason, note, source, reverts_id) -> Change:
    decision = Decision(
        comment_id=comment.id,
        action=action,
        reason=reason,
        note=note or "",
        moderator=moderator,
        source=source,
        created_at=utcnow(),
        status_before=status_before,
        status_after=status_after,
        reverts_id=reverts_id,
    )
    session.add(decision)
    session.flush()
    return Change(decision.id, comment.id, comment.article_id, status_before, status_after, action)


def _check_reason(action: str, reason: str | None, note: str) -> None:
    if action != HIDE:
        return
    if reason not in HIDE_REASONS:
        raise ModeratorError(f"Hiding needs a reason: one of {', '.join(HIDE_REASONS)}.")
    if reason == "other" and not note.strip():
        raise ModeratorError("The reason 'other' needs a note saying why.")


def _comment(session: Session, comment_id: int) -> Comment:
    comment = session.get(Comment, comment_id)
    if comment is None or comment.status == Status.REMOVED and not comment.is_staff:
        raise NotFoundError(f"There is no comment with id {comment_id}.")
    return comment


def _decision(session: Session, decision_id: int) -> Decision:
    decision = session.get(Decision, decision_id)
    if decision is None:
        raise NotFoundError(f"There is no decision with id {decision_id}.")
    return decision
