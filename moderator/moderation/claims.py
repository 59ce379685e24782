"""Claims: the comment a moderator has open is theirs for a while, so that the others on a
shared database leave it. One holder per comment (the claims table's key); a claim lasts
CLAIM_SECONDS unless its app renews it, so an app that died frees its comment by itself.

A moderator holds one claim at a time: claiming the comment they moved to releases the one
they left. Nothing here refuses a decision: the window asks before acting on a comment
another moderator holds, and bulk actions leave such comments out (`without_others_claims`).
Each change of hands is announced to the other apps in its own transaction
(storage/notify.py); renewals are not, since nothing they show changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Insert, delete, or_, select, update
from sqlalchemy.orm import Session

from moderator.storage.models import Claim, Comment, core_table, utcnow
from moderator.storage.notify import announce
from moderator.vocabulary import Status

CLAIM_SECONDS = 90  # a claim not renewed for this long is free again
RENEW_SECONDS = 30  # how often an app renews the claim on the comment it has open
claims = core_table(Claim)
CHUNK = 900  # ids per statement


def claim(session: Session, comment_id: int, moderator: str, now: datetime | None = None) -> str | None:
    """Claim the comment for this moderator (or renew their claim), releasing the other
    comment they held. None when it is theirs now; else the name of who holds it."""
    now = now or utcnow()
    released = session.execute(delete(Claim).where(Claim.moderator == moderator, Claim.comment_id != comment_id))
    taken = _upsert(session, comment_id, moderator, now)
    if taken or released.rowcount:  # type: ignore[attr-defined]  # a DML result has its rowcount
        announce(session)
    if taken:
        return None
    return session.scalar(select(Claim.moderator).where(Claim.comment_id == comment_id))


def renew(session: Session, comment_id: int, moderator: str, now: datetime | None = None) -> bool:
    """Push the claim's expiry on; False when it is no longer theirs (it expired and
    someone else took it)."""
    now = now or utcnow()
    done = session.execute(update(Claim).where(Claim.comment_id == comment_id, Claim.moderator == moderator)
                           .values(expires_at=now + timedelta(seconds=CLAIM_SECONDS)))
    return bool(done.rowcount)  # type: ignore[attr-defined]


def release(session: Session, moderator: str, comment_id: int | None = None) -> int:
    """Give up this moderator's claim (on this comment, or every one: the app closes)."""
    query = delete(Claim).where(Claim.moderator == moderator)
    if comment_id is not None:
        query = query.where(Claim.comment_id == comment_id)
    count = int(session.execute(query).rowcount)  # type: ignore[attr-defined]
    if count:
        announce(session)
    return count


def live_claims(session: Session, now: datetime | None = None) -> dict[int, str]:
    """Every claim in force: comment id -> who holds it (one row per moderator at work)."""
    now = now or utcnow()
    return {cid: who for cid, who in session.execute(select(Claim.comment_id, Claim.moderator)
                                                     .where(Claim.expires_at > now))}


def holders(session: Session, comment_ids: Sequence[int], moderator: str, now: datetime | None = None) -> dict[int, str]:
    """Which of these comments other moderators hold, and who."""
    now = now or utcnow()
    found: dict[int, str] = {}
    ids = list(dict.fromkeys(comment_ids))
    for start in range(0, len(ids), CHUNK):
        found.update({cid: who for cid, who in session.execute(
            select(Claim.comment_id, Claim.moderator).where(Claim.comment_id.in_(ids[start:start + CHUNK]),
                                                            Claim.moderator != moderator, Claim.expires_at > now))})
    return found


def without_others_claims(session: Session, comment_ids: Sequence[int], moderator: str) -> tuple[list[int], int]:
    """A bulk selection without the comments other moderators hold, and how many were left out."""
    held = holders(session, comment_ids, moderator)
    return [cid for cid in comment_ids if cid not in held], len(held)


def next_unclaimed(session: Session, moderator: str, status: Status = Status.PENDING) -> int | None:
    """Claim the oldest comment of this status that nobody holds, and return its id (None:
    there is none). On PostgreSQL, moderators asking at the same moment each get another
    comment without waiting: a comment row another one is claiming is skipped (SKIP
    LOCKED); SQLite's write lock makes them take turns anyway, and ignores the clause."""
    now = utcnow()
    for _ in range(3):  # a comment claimed between our read and our claim: the next one
        held = select(Claim.comment_id).where(Claim.expires_at > now, Claim.moderator != moderator)
        cid = session.scalar(select(Comment.id).where(Comment.status == status, Comment.id.not_in(held))
                             .order_by(Comment.created_at, Comment.id).limit(1)
                             .with_for_update(skip_locked=True, of=Comment))
        if cid is None or claim(session, cid, moderator, now) is None:
            return cid
    return None


def _upsert(session: Session, comment_id: int, moderator: str, now: datetime) -> bool:
    """Insert the claim, or take over the row if it is ours already or has expired: one
    statement, so two moderators claiming at once cannot both win."""
    statement = _insert_for(session.get_bind().dialect.name)(claims).values(
        comment_id=comment_id, moderator=moderator, claimed_at=now, expires_at=now + timedelta(seconds=CLAIM_SECONDS))
    new: Any = statement.excluded  # type: ignore[attr-defined]  # both dialects' inserts have it
    statement = statement.on_conflict_do_update(  # type: ignore[attr-defined]
        index_elements=[claims.c.comment_id],
        set_={"moderator": new.moderator, "claimed_at": new.claimed_at, "expires_at": new.expires_at},
        where=or_(claims.c.moderator == new.moderator, claims.c.expires_at <= now))
    # RETURNING, not rowcount: psycopg reports -1 for an INSERT … ON CONFLICT that did nothing
    return session.execute(statement.returning(claims.c.comment_id)).first() is not None


def _insert_for(dialect: str) -> Callable[[Any], Insert]:
    """The dialect's INSERT … ON CONFLICT (both backends we run on have one; Core's own has not).
    Imported here: the window starts without PostgreSQL's dialect (tests/test_startup_path.py)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert
    from sqlalchemy.dialects import sqlite

    return sqlite.insert
