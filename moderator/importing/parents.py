"""Link replies to their parents as they are inserted rather than afterwards.

Setting parent_id in a second pass rewrites every reply row once more, which took
as long as inserting it. Most replies come soon after their parent, so the ids of
the comments met recently are remembered (a bounded number: memory stays flat) and
a batch is inserted in rounds: first the comments whose parent is known, then the
replies to those, and so on. What is left (a parent far back, one not in the file,
a loop) is linked by Writer.finish() at the end, as before.
"""

from __future__ import annotations

from collections import deque
from typing import Callable, Iterable

from sqlalchemy import Connection, select

from moderator.storage.models import Comment

RECENT = 100_000  # comment ids remembered by external id
ROUNDS = 4  # reply levels linked within one batch; deeper ones wait for the end
comments = Comment.__table__


class ParentLinker:
    def __init__(self, connection: Connection, site_id: int, last_id: int, parent_index: int):
        self.connection, self.site_id, self.last_id = connection, site_id, last_id
        self.parent_index = parent_index  # where a row holds its parent's external id
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

    def insert(self, rows: list[tuple], insert: Callable[[list[tuple]], None]) -> None:
        """Insert new rows (external id first), each with its parent's id appended where known."""
        unwritten = {row[0] for row in rows}
        for round_number in range(ROUNDS):
            ready, waiting = [], []
            last_round = round_number == ROUNDS - 1
            for row in rows:
                parent = row[self.parent_index]
                parent_id = self.recent.get(parent) if parent else None
                if parent_id is None and parent in unwritten and parent != row[0] and not last_round:
                    waiting.append(row)  # its parent goes in this round: it follows in the next
                else:
                    ready.append(row + (parent_id,))
            insert(ready)
            self._learn_new()
            unwritten.difference_update(row[0] for row in ready)
            if not waiting:
                return
            rows = waiting

    def _learn_new(self) -> None:
        """The ids just given to this site's new rows. By id alone, a range scan on the
        primary key: with site_id in the WHERE, SQLite prefers the (site_id, external_id)
        index and reads every comment of the site each time, quadratic in the file."""
        rows = self.connection.execute(
            select(comments.c.id, comments.c.external_id, comments.c.site_id).where(comments.c.id > self.last_id)).all()
        if rows:
            self.last_id = max(row.id for row in rows)
            self.remember((row.external_id, row.id) for row in rows if row.site_id == self.site_id)
