"""An import's article counts added at its end, on PostgreSQL (storage/articlecounts.py,
COUNTS_LATER): there an import writes in one transaction beside the team's decisions, and
counting as it went would keep each article's counts row locked, and every decision on
that article waiting, until it commits."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text

from moderator.storage.articlecounts import ADD_COUNTS_OF, COUNTS_LATER

CHUNK = 50_000  # new comments counted per statement


class CountsLater:
    def __init__(self, connection: Connection):
        self.connection = connection
        self.new = array("q")  # the import's new comments (8 bytes each)
        self._set("on")

    def added(self, ids: Iterable[int]) -> None:
        self.new.extend(ids)

    @contextmanager
    def counted_now(self) -> Iterator[None]:
        """Status changes to comments already here (the source's, followed): counted as they
        happen, by the triggers, since no end count sees what they were before."""
        self._set("off")
        try:
            yield
        finally:
            self._set("on")

    def finish(self) -> None:
        """The new comments counted as they stand now (the rules' decisions on them included),
        and the triggers count again for the rest of the transaction."""
        for start in range(0, len(self.new), CHUNK):
            self.connection.execute(text(ADD_COUNTS_OF), {"ids": self.new[start : start + CHUNK].tolist()})
        self.new = array("q")
        self._set("off")

    def _set(self, value: str) -> None:
        self.connection.exec_driver_sql(f"SET LOCAL {COUNTS_LATER} = '{value}'")
