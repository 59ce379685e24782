"""Replies linked to their parents by the parents' ids at the source, once both are in.

An import links most replies as it writes them (importing/parents.py). What is left (a
parent later in the file, one far back, one not in the database yet, a reply whose
parent changed) is linked here, after the file's comments are all in, for one site:
`unlinked` finds them, `link` links those whose parent has arrived, `loop_starts` finds
where a chain of links loops (only a hostile or broken file makes one), `cut` breaks it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Sequence

from sqlalchemy import ColumnElement, Connection, and_, select, update
from sqlalchemy.orm import aliased

from moderator.storage.models import Comment, core_table

comments = core_table(Comment)


def unlinked(site_id: int) -> ColumnElement[bool]:
    """The site's replies that name a parent but are not linked to it."""
    return and_(comments.c.site_id == site_id, comments.c.parent_id.is_(None), comments.c.parent_external_id.is_not(None))


def unlinked_ids(connection: Connection, site_id: int) -> array[int]:
    ids = array("q")
    ids.extend(connection.scalars(select(comments.c.id).where(unlinked(site_id)).order_by(comments.c.id)))
    return ids


def link(connection: Connection, site_id: int, ids: Sequence[int] | None = None) -> None:
    """Link these unlinked replies (all of the site's, without ids) to their parents, where
    the parent is in the database now."""
    parent = aliased(comments)
    found = (select(parent.c.id).where(parent.c.site_id == comments.c.site_id,
                                        parent.c.external_id == comments.c.parent_external_id,
                                        parent.c.id != comments.c.id).scalar_subquery())
    chosen = unlinked(site_id) if ids is None else and_(unlinked(site_id), comments.c.id.in_(list(ids)))
    connection.execute(update(comments).where(chosen).values(parent_id=found))


def loops(connection: Connection, site_id: int) -> list[int]:
    """The oldest comment of each loop among the site's links. A loop must contain a link
    to a newer row: only when there is one are the links read, into two arrays (16 bytes
    a reply), and walked in one pass. (Walking each such link with a query a step took
    120 s for 2,000 replies listed before their parents.)"""
    forward = select(comments.c.id).where(comments.c.site_id == site_id, comments.c.parent_id > comments.c.id)
    if connection.scalar(forward.limit(1)) is None:
        return []
    ids, parents = array("q"), array("q")
    for comment_id, parent_id in connection.execute(
            select(comments.c.id, comments.c.parent_id).order_by(comments.c.id)
            .where(comments.c.site_id == site_id, comments.c.parent_id.is_not(None))):
        ids.append(comment_id)
        parents.append(parent_id)
    return loop_starts(ids, parents)


def cut(connection: Connection, comment_ids: Sequence[int]) -> None:
    """Each of these comments made top-level: a loop cut at its oldest row, whose link is to a newer one."""
    if comment_ids:
        connection.execute(update(comments).where(comments.c.id.in_(list(comment_ids))).values(parent_id=None))


def loop_starts(ids: array[int], parents: array[int]) -> list[int]:
    """The oldest row of each loop among the links ids[i] → parents[i] (ids in order): each
    row is visited once, following parents until a row without one, a row already done,
    or a row of the walk itself (a loop)."""
    state = bytearray(len(ids))  # 0 not seen, 1 on the current walk, 2 done
    starts = []
    for first in range(len(ids)):
        walk: list[int] = []
        at: int | None = first
        while at is not None and not state[at]:
            state[at] = 1
            walk.append(at)
            at = _index(ids, parents[at])
        if at is not None and state[at] == 1:
            starts.append(min(ids[i] for i in walk[walk.index(at):]))
        for i in walk:
            state[i] = 2
    return starts


def _index(ids: array[int], comment_id: int) -> int | None:
    """Where a row is among the linked ones (None: it has no parent, so no chain goes on)."""
    at = bisect_left(ids, comment_id)
    return at if at < len(ids) and ids[at] == comment_id else None
