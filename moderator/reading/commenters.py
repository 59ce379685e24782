"""A commenter's history for the commenter panel: counts, first and last seen, and their
comments page by page (through the queue, so with scores and the same keyset paging).

A commenter is an author name, on one site or (site None) on every site. Both reads
run off the (author, status, created_at, id) index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from moderator.errors import NotFoundError
from moderator.i18n import translate
from moderator.reading import queue
from moderator.storage.models import Comment
from moderator.vocabulary import VISIBLE_TO_MODERATORS, QueueKind, Sort


@dataclass(frozen=True)
class CommenterSummary:
    author: str
    site_id: int | None
    counts: dict[str, int]  # pending / approved / hidden -> how many
    first_seen: datetime | None
    last_seen: datetime | None
    query: queue.QueueQuery  # their comments, newest first: page on with queue.page(session, query, cursor)
    comments: list[queue.QueueRow] = field(default_factory=list)  # the first page
    cursor: queue.Cursor | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def commenter_query(site_id: int | None, author: str, model_id: int | None = None,
                    sort: Sort = Sort.NEWEST) -> queue.QueueQuery:
    """Every comment of theirs a moderator can see, whatever its status."""
    return queue.QueueQuery(kind=QueueKind.ALL, sort=sort, model_id=model_id, author=author, site_id=site_id)


def commenter_summary(session: Session, site_id: int | None, author: str, model_id: int | None = None,
                      limit: int = 50) -> CommenterSummary:
    query = select(Comment.status, func.count(), func.min(Comment.created_at), func.max(Comment.created_at))
    query = query.where(Comment.author == author, Comment.status.in_(VISIBLE_TO_MODERATORS))
    if site_id is not None:
        query = query.where(Comment.site_id == site_id)
    rows = session.execute(query.group_by(Comment.status)).all()
    counts = {status: 0 for status in VISIBLE_TO_MODERATORS} | {row[0]: row[1] for row in rows}
    theirs = commenter_query(site_id, author, model_id)
    comments, cursor = queue.page(session, theirs, limit=limit)
    return CommenterSummary(author, site_id, counts, min((row[2] for row in rows), default=None),
                            max((row[3] for row in rows), default=None), theirs, comments, cursor)


def pending_ids_of(session: Session, author: str, site_id: int | None = None) -> list[int]:
    """Their pending comments, for "hide all pending from this commenter" (bulk.decide_many)."""
    return queue.ids(session, queue.QueueQuery(kind=QueueKind.PENDING, author=author, site_id=site_id))


def of_comment(session: Session, comment_id: int) -> tuple[int, str]:
    """Who wrote a comment, as a commenter: its site and author (rows do not carry the site)."""
    row = session.execute(select(Comment.site_id, Comment.author).where(Comment.id == comment_id)).one_or_none()
    if row is None:
        raise NotFoundError(translate("errors", "There is no comment with id {id}.").format(id=comment_id))
    return row.site_id, row.author
