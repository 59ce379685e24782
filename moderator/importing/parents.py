"""Link replies to their parents as they are inserted rather than afterwards.

Setting parent_id in a second pass rewrites every reply row once more, which took
as long as inserting it. The import gives its new comments their ids itself
(NewIds), so a reply's parent id is known before either row is written, whatever
their order within a batch. The ids of the comments met recently are remembered (a
bounded number: memory stays flat), since most replies come soon after their parent.

A reply is linked at insert only to a parent with a smaller id: that row is already
in the database, or goes in with the same statement or an earlier one, so the
foreign key holds at the end of every statement. What is left (a parent later in
the file, one far back, one not in the file, a loop) is linked by Writer.finish()
at the end.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from sqlalchemy import Connection, func, select, text

from moderator.storage.models import Comment, core_table

RECENT = 100_000  # comment ids remembered by external id
comments = core_table(Comment)


class ParentLinker:
    def __init__(self) -> None:
        self.recent: dict[str, int] = {}
        self.learnt: deque[list[str]] = deque()  # the keys of `recent`, oldest first, to forget

    def remember(self, pairs: Iterable[tuple[str, int]]) -> None:
        keys = []
        for external_id, comment_id in pairs:
            self.recent[external_id] = comment_id
            keys.append(external_id)
        self.learnt.append(keys)
        while len(self.recent) > RECENT and len(self.learnt) > 1:
            for key in self.learnt.popleft():
                self.recent.pop(key, None)

    def parent_id(self, parent_external_id: str | None, comment_id: int) -> int | None:
        """The parent's id where it is known and smaller than the reply's own; else None."""
        if parent_external_id is None:
            return None
        parent = self.recent.get(parent_external_id)
        return parent if parent is not None and parent < comment_id else None


class NewIds:
    """Ids for the import's new comments, handed out in file order.

    Staged (storage/staging.py), they are numbers from the import's first one on, which
    publishing shifts past whatever else was added meanwhile. Written straight into one
    transaction: on SQLite the next ids after the largest (a second writer would make the
    INSERT fail, never reuse an id); PostgreSQL's ids come from the table's sequence,
    which explicit ids would leave behind, so they are drawn from it."""

    def __init__(self, connection: Connection, first: int | None = None):
        self.connection, self.staged = connection, first is not None
        self.next = first if first is not None else (connection.scalar(select(func.max(comments.c.id))) or 0) + 1
        self.first = self.next  # rows from this id up were added by this import

    def take(self, count: int) -> list[int]:
        if not self.staged and self.connection.dialect.name == "postgresql":
            drawn = self.connection.execute(text(
                "SELECT nextval(pg_get_serial_sequence('comments', 'id')) FROM generate_series(1, :n)"), {"n": count})
            return sorted(drawn.scalars())
        ids = list(range(self.next, self.next + count))
        self.next += count
        return ids
