"""Commenters as people for a lead: find one by name or e-mail, their notes, standing and its
history; trust, ban (offering to hide their pending comments), unban, untrust.

A standing change is a decision (moderation.decisions.set_standing) recorded on the
commenter's latest comment; hiding their pending comments is a bulk decision of its own,
undone apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from moderator.changes import Changes
from moderator.errors import NotFoundError
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence
from moderator.moderation import claims, marks
from moderator.moderation.decisions import decide, set_standing
from moderator.storage.models import Comment, Decision, StandingChange
from moderator.vocabulary import Action, Source, Status


@dataclass(frozen=True)
class StandingEvent:
    decision_id: int
    action: str
    standing_before: str
    standing_after: str
    moderator: str
    note: str
    at: datetime


@dataclass(frozen=True)
class Person:
    site_id: int
    identity: str
    name: str
    standing: str
    notes: str
    latest_comment_id: int
    history: list[StandingEvent]


def latest_comment(session: Session, site_id: int, name: str) -> int:
    """Their latest comment: by author name, or by e-mail address."""
    theirs = select(Comment.id).where(Comment.site_id == site_id, Comment.is_staff.is_(False))
    found = session.scalar(theirs.where(Comment.author == name).order_by(Comment.id.desc()).limit(1))  # the author index
    if found is None and "@" in name:  # no index: read through once
        found = session.scalar(theirs.where(func.lower(Comment.author_email) == name.strip().lower())
                               .order_by(Comment.id.desc()).limit(1))
    if found is None:
        raise NotFoundError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "There is no commenter called '{name}' on this site (an author's exact name or e-mail)."),
            name=name))
    return found


def person(session: Session, site_id: int, name: str) -> Person:
    comment_id = latest_comment(session, site_id, name)
    row = marks.commenter_of(session, comment_id, create=False)
    author, email = session.execute(select(Comment.author, Comment.author_email).where(Comment.id == comment_id)).one()
    if row is None:
        return Person(site_id, marks.identity(author, email), author, marks.NORMAL, "", comment_id, [])
    return Person(site_id, row.identity, row.name, row.standing, row.notes, comment_id, history(session, row.id))


def history(session: Session, commenter_id: int) -> list[StandingEvent]:
    """Their standing's changes, oldest first, undos and redos included."""
    changes = session.execute(
        select(Decision.id, Decision.action, StandingChange.standing_before, StandingChange.standing_after,
               Decision.moderator, Decision.note, Decision.created_at)
        .join(StandingChange, StandingChange.decision_id == Decision.id)
        .where(StandingChange.commenter_id == commenter_id).order_by(Decision.id)).all()
    undone = session.execute(select(Decision.id, Decision.action, Decision.reverts_id, Decision.moderator,
                                    Decision.created_at).where(Decision.reverts_id.in_([c.id for c in changes]))).all()
    events = [StandingEvent(c.id, c.action, c.standing_before, c.standing_after, c.moderator, c.note, c.created_at)
              for c in changes]
    by_id = {c.id: c for c in changes}
    events += [StandingEvent(u.id, u.action, by_id[u.reverts_id].standing_after, by_id[u.reverts_id].standing_before,
                             u.moderator, "", u.created_at) for u in undone]
    return sorted(events, key=lambda event: event.decision_id)


def set_notes(session: Session, site_id: int, name: str, notes: str) -> None:
    row = marks.commenter_of(session, latest_comment(session, site_id, name))
    assert row is not None  # made when missing
    row.notes = notes
    session.flush()


def change_standing(session: Session, site_id: int, name: str, action: Action, moderator: str,
                    note: str = "") -> Changes:
    return set_standing(session, latest_comment(session, site_id, name), action, moderator, note)


@dataclass(frozen=True)
class PendingHidden:
    """What hiding a commenter's pending comments did, and which it left to colleagues."""

    changes: Changes
    left: dict[int, str]  # comment id -> the moderator who holds it: left pending, theirs to decide

    def holders(self) -> list[str]:
        return sorted(set(self.left.values()))


def pending_of(session: Session, site_id: int, name: str) -> list[int]:
    """Their pending comments (by the identity their standing is kept under)."""
    row = marks.commenter_of(session, latest_comment(session, site_id, name))
    assert row is not None
    kind, _, value = row.identity.partition(":")
    mine = func.lower(Comment.author_email) == value if kind == "email" else Comment.author == value
    return list(session.scalars(select(Comment.id).where(Comment.site_id == site_id, mine,
                                                         Comment.status == Status.PENDING)))


def hide_pending(session: Session, site_id: int, name: str, moderator: str) -> PendingHidden:
    """Their pending comments hidden, as one bulk step (offered with a ban). Those another
    moderator has open are left to them, as a bulk selection's are (moderation/claims.py)."""
    pending = pending_of(session, site_id, name)
    left = claims.holders(session, pending, moderator)
    hidden = [cid for cid in pending if cid not in left]
    if not hidden:
        return PendingHidden(Changes(), left)
    return PendingHidden(decide(session, hidden, Action.HIDE, moderator, "other", "banned commenter",
                                source=Source.BULK), left)
