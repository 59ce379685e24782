"""The newest answer from the reader, and only that: how a view reads off the GUI thread.

Asking again makes older answers still on their way stale (a count for a filter the
moderator already changed). A view that swaps a whole list in from an answer asks with
`again_if_overtaken`: when a write lands while its read is under way, the read may have
seen the database before the write, so the same question goes again and only the answer
read after the write is delivered (the decision never flickers back on screen).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from moderator.gui.workers.writer import Reader

Query = Callable[[Session], Any]
Answered = Callable[[Any], None]


class Latest:
    def __init__(self, reader: Reader, again_if_overtaken: bool = False):
        self._reader, self._asked = reader, 0
        self._under_way: tuple[Query, Answered, Answered | None] | None = None
        if again_if_overtaken:
            reader.overtaken.connect(self._overtaken)

    def ask(self, query: Query, on_done: Answered, on_error: Answered | None = None) -> None:
        self._asked += 1
        asked = self._asked
        self._under_way = (query, on_done, on_error)
        self._reader.submit(query, lambda value: self._answered(asked, on_done, value),
                            None if on_error is None else lambda error: self._answered(asked, on_error, error))

    def forget(self) -> None:
        self._asked += 1
        self._under_way = None

    @property
    def under_way(self) -> bool:
        return self._under_way is not None

    def _answered(self, asked: int, deliver: Answered, value: Any) -> None:
        if asked == self._asked:
            self._under_way = None
            deliver(value)

    def _overtaken(self) -> None:
        if self._under_way is not None:
            self.ask(*self._under_way)
