"""What an operation changed: one frozen value every write returns, so each view decides
for itself what to refresh (as Anki's operations do).

Decisions (one comment or many), staff posts, undo and redo, scores landing and imports
all return a `Changes`. The window's writer hands it to one signal; the thread, the
queue, the article list, the comment and commenter panels each look at it and refresh
just what it names. `rows` and `articles` are read in the write's own session
(`moderator.reading.queries.with_rows`), so the GUI thread need not read them again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from moderator.reading.rows import ArticleRow, CommentRow
from moderator.vocabulary import Action, Status


@dataclass(frozen=True)
class Decided:
    """One decision recorded on one comment."""

    decision_id: int
    comment_id: int
    article_id: int
    status_before: Status | None  # None: the decision created the comment (a staff post)
    status_after: Status
    action: Action

    @property
    def changes_thread_shape(self) -> bool:
        """A comment appeared in its thread or left it (a staff post, its undo or redo)."""
        return self.status_before in (None, Status.REMOVED) or self.status_after == Status.REMOVED


@dataclass(frozen=True)
class Changes:
    decided: tuple[Decided, ...] = ()  # the decisions made, in order: what undo reverses
    batch_id: str | None = None  # the decisions' shared batch (a bulk action, its undo or redo)
    comment_ids: frozenset[int] = frozenset()  # comments whose status, text or scores changed
    article_ids: frozenset[int] = frozenset()  # articles whose counts or threads changed
    thread_shape: bool = False  # a comment appeared in or left a thread
    scores: bool = False  # new scores: chips, priority order and the score band may change
    everything: bool = False  # an import or a restore: every list reads again
    rows: Mapping[int, CommentRow] = field(default_factory=dict)  # changed comments' rows, read after the write
    articles: Mapping[int, ArticleRow] = field(default_factory=dict)  # changed articles' list rows, likewise

    @classmethod
    def of_decisions(cls, decided: Iterable[Decided], batch_id: str | None = None) -> Changes:
        made = tuple(decided)
        return cls(made, batch_id, frozenset(d.comment_id for d in made), frozenset(d.article_id for d in made),
                   any(d.changes_thread_shape for d in made))

    @classmethod
    def of_scores(cls, comment_ids: Iterable[int]) -> Changes:
        return cls(comment_ids=frozenset(comment_ids), scores=True)

    @property
    def decision_ids(self) -> list[int]:
        return [d.decision_id for d in self.decided]

    @property
    def action(self) -> Action | None:
        return self.decided[0].action if self.decided else None

    def touches(self, comment_id: int | None) -> bool:
        return comment_id is not None and (self.everything or comment_id in self.comment_ids)

    @property
    def rows_complete(self) -> bool:
        """Were the rows of every changed comment read (a large bulk action reads none)?"""
        return len(self.rows) == len(self.comment_ids)
