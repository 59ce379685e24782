"""The outbox: each decision on a connected site's comment, queued for the site in the
decision's own transaction.

`decisions._write` calls `enqueue` for every decision it records, so a decision and its
outbox row commit together or not at all: a kill at any moment never leaves a decision
the site will not hear of, nor a row for a decision that was not made. The row says what
the moderator did in the app's words (the status after, the hide reason); the connection's
connector maps it to the site's own status when it delivers (moderator/connectors/sync.py).
Nothing is queued for a site with no connection (the decisions file is its hand-back), nor
for a decision taken from the site itself (Source.SITE).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from moderator.storage.models import Comment, Connection, OutboxItem, core_table, utcnow
from moderator.vocabulary import Source, Status

outbox = core_table(OutboxItem)
CHUNK = 900

# What a row asks of the site.
STATUS, POST, REMOVE, REPOST = "status", "post", "remove", "repost"
# Where a row is: waiting to go, being sent (marked before the request: a restart looks
# before sending again), sent, held (the site changed the comment: the moderator chooses),
# local (the site has no such action, or the comment is not there), failed (the site refused
# it: the note says why), dropped (the moderator took the site's state).
WAITING, SENDING, SENT, HELD, LOCAL, FAILED, DROPPED = "waiting", "sending", "sent", "held", "local", "failed", "dropped"
TO_SEND = (WAITING, SENDING)
NOT_ON_SITE = "this comment is not on the site (it was written here); the decision stays local"


class Queued(NamedTuple):
    """One recorded decision, as the outbox needs it."""

    comment_id: int
    decision_id: int
    status_before: Status | None  # None: the decision created the comment (a staff post)
    status_after: Status
    reason: str | None


def operation_of(status_before: Status | None, status_after: Status) -> str:
    if status_before is None:
        return POST
    if status_after == Status.REMOVED:
        return REMOVE  # a staff post undone
    if status_before == Status.REMOVED:
        return REPOST  # … and redone
    return STATUS


def enqueue(session: Session, decided: Sequence[Queued], source: Source) -> int:
    """Queue the decisions on comments of connected sites; → how many rows were queued."""
    if source == Source.SITE or not decided or session.scalar(select(Connection.id).limit(1)) is None:
        return 0
    rows = []
    by_comment = {item.comment_id: item for item in decided}
    for chunk in _chunks(list(by_comment)):
        for comment_id, external_id, connection_id in session.execute(
                select(Comment.id, Comment.external_id, Connection.id)
                .join(Connection, Connection.site_id == Comment.site_id).where(Comment.id.in_(chunk))):
            rows.append(_row(by_comment[comment_id], external_id, connection_id))
    if rows:
        session.execute(insert(outbox), rows)
    return len(rows)


def _row(item: Queued, external_id: str | None, connection_id: int) -> dict[str, object]:
    operation = operation_of(item.status_before, item.status_after)
    local = operation == STATUS and external_id is None
    return {"connection_id": connection_id, "comment_id": item.comment_id, "decision_id": item.decision_id,
            "operation": operation, "status_after": item.status_after, "reason": item.reason,
            "state": LOCAL if local else WAITING, "attempts": 0, "note": NOT_ON_SITE if local else "",
            "created_at": utcnow(), "site_status": None, "site_flag": None, "changed_at": None}


def _chunks(items: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]
