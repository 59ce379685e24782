"""Conflicts: a comment the site changed while a decision of ours on it waited to go, or
after we decided it. The outbox row is held; the moderator sees both states and chooses.

- keep_mine: the site's state is taken as seen, and the row goes again (it will set ours).
- take_site: the comment here takes the site's state, as a decision of its own (source
  SITE: nothing goes back), and the comment's rows still to send are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from moderator.changes import Changes
from moderator.errors import ConflictError, NotFoundError
from moderator.i18n import QT_TRANSLATE_NOOP, translate
from moderator.moderation.decisions import decide, status_word
from moderator.moderation.outbox import DROPPED, HELD, TO_SEND, WAITING
from moderator.storage.models import Comment, Decision, OutboxItem, utcnow
from moderator.vocabulary import Action, Source, Status


@dataclass(frozen=True)
class Conflict:
    """A held row, as the comment panel shows it."""

    outbox_id: int
    comment_id: int
    site_status: str
    site_flag: str | None
    found_at: datetime | None  # when the app saw the site's change
    mine: str  # the status decided here
    decided_by: str
    decided_at: datetime | None

    def describe(self) -> str:
        """E.g. "On the site it is now hidden (spam), seen at 14:02; here ana approved it at 13:40."
        (the site says neither who changed it nor when: the time is when the app saw it)."""
        status = status_word(self.site_status)
        site = f"{status} ({self.site_flag})" if self.site_flag else status
        found = translate("errors", ", seen at {time}").format(time=f"{_local(self.found_at):%H:%M}") if self.found_at else ""
        by = self.decided_by or translate("errors", "you")
        at = translate("errors", " at {time}").format(time=f"{_local(self.decided_at):%H:%M}") if self.decided_at else ""
        did = translate("errors", DID[self.mine]) if self.mine in DID else \
            translate("errors", "made it {status}").format(status=status_word(self.mine))
        return translate("errors", "On the site it is now {site}{found}; here {by} {did}{at}.").format(
            site=site, found=found, by=by, did=did, at=at)


DID = {"approved": QT_TRANSLATE_NOOP("errors", "approved it"), "hidden": QT_TRANSLATE_NOOP("errors", "hid it"),
       "pending": QT_TRANSLATE_NOOP("errors", "sent it back to review"), "removed": QT_TRANSLATE_NOOP("errors", "removed it")}


def _local(moment: datetime) -> datetime:
    """A stored time (UTC, naive or not) on this computer's clock, as the window shows times."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone()


def conflict_of(session: Session, comment_id: int) -> Conflict | None:
    row = session.execute(
        select(OutboxItem, Decision.moderator, Decision.created_at).outerjoin(Decision, Decision.id == OutboxItem.decision_id)
        .where(OutboxItem.comment_id == comment_id, OutboxItem.state == HELD).order_by(OutboxItem.id.desc()).limit(1)).first()
    if row is None:
        return None
    item, moderator, decided_at = row
    return Conflict(item.id, comment_id, item.site_status or "", item.site_flag, item.changed_at, item.status_after,
                    moderator or "", decided_at)


def _held(session: Session, outbox_id: int) -> OutboxItem:
    item = session.get(OutboxItem, outbox_id)
    if item is None:
        raise NotFoundError(translate("errors", "There is no outbox item {id}.").format(id=outbox_id))
    if item.state != HELD:
        raise ConflictError(translate("errors", "Outbox item {id} is {state}, not held; nothing was changed.").format(
            id=outbox_id, state=item.state))
    return item


def keep_mine(session: Session, outbox_id: int) -> Changes:
    """Send our decision after all: the site's state is what we expect to find now."""
    item = _held(session, outbox_id)
    session.execute(update(Comment).where(Comment.id == item.comment_id)
                    .values(source_status=item.site_status, source_flag=item.site_flag))
    session.execute(update(OutboxItem).where(OutboxItem.comment_id == item.comment_id, OutboxItem.state == HELD)
                    .values(state=WAITING, note="", changed_at=utcnow()))
    return Changes(comment_ids=frozenset({item.comment_id}))


def take_site(session: Session, outbox_id: int, moderator: str) -> Changes:
    """The comment takes the site's state here; our rows for it are dropped."""
    item = _held(session, outbox_id)
    status, flag = Status(item.site_status or Status.PENDING), item.site_flag
    session.execute(update(Comment).where(Comment.id == item.comment_id).values(source_status=status, source_flag=flag))
    session.execute(update(OutboxItem).where(OutboxItem.comment_id == item.comment_id,
                                             OutboxItem.state.in_((*TO_SEND, HELD)))
                    .values(state=DROPPED, note="the site's state was taken", changed_at=utcnow()))
    action = {Status.APPROVED: Action.APPROVE, Status.PENDING: Action.RESTORE}.get(status, Action.HIDE)
    reason = ("spam" if flag == "spam" else "other") if action == Action.HIDE else None
    note = f"as on the site ({flag or status})" if action == Action.HIDE else ""
    current = session.scalar(select(Comment.status).where(Comment.id == item.comment_id))
    if current == status:
        return Changes(comment_ids=frozenset({item.comment_id}))
    return decide(session, [item.comment_id], action, moderator, reason, note, source=Source.SITE)
