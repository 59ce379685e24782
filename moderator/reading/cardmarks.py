"""What a comment's card shows beside its text (issue 14): the rule that flagged it, whether
it is featured, and the reason chip: what the rules found in it ("banned word 'vermin'",
"toxicity 0.93 ≥ 0.90"), with how many different things they found.

They are read by the statement that reads the rows (a queue page, a thread, one comment),
never by a query per card: `with_card_marks` adds the columns, joining `featured` on its key
and the rule hits of just the rows being read, grouped once per statement (nearly every
comment has none).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import Session

from moderator.storage.models import Comment, Featured, RuleHit


def with_card_marks(query: Select[*tuple[Any, ...]], *which: ColumnElement[bool]) -> Select[*tuple[Any, ...]]:
    """`query` (rows of comments) with the card's columns added, in CommentRow's order after the
    score: the flag, featured, the reason and how many. `which` picks the same comments as
    `query` does, written on Comment (a subquery in FROM is never correlated: its `comments` is its own).

    The hit named on the chip is one of the rule that flagged the comment (that is why it is in
    the Flagged queue), else any; the first in alphabetical order, so that it does not change
    between reads; the same word found twice counts once."""
    flagged = func.min(case((RuleHit.rule == Comment.flag, RuleHit.what)))
    hits = (select(RuleHit.comment_id, flagged.label("flagged"), func.min(RuleHit.what).label("first"),
                   func.count(func.distinct(RuleHit.what)).label("count"))
            .join(Comment, Comment.id == RuleHit.comment_id).where(*which)
            .group_by(RuleHit.comment_id).subquery("hits"))
    return (query.add_columns(Comment.flag, Featured.comment_id.is_not(None), func.coalesce(hits.c.flagged, hits.c.first),
                              func.coalesce(hits.c.count, 0))
            .outerjoin(Featured, Featured.comment_id == Comment.id)
            .outerjoin(hits, hits.c.comment_id == Comment.id))


def rule_name(key: str) -> str:
    """A rule's key as words: "personal_data" → "Personal data"."""
    return key.replace("_", " ").capitalize()


def rules_that_hit(session: Session) -> list[tuple[str, int]]:
    """The rules that found something in a comment, each with how many comments, most first:
    the choices of the queue's filter by rule (read off ix_rule_hits_rule alone)."""
    counted = func.count(func.distinct(RuleHit.comment_id))
    rows = session.execute(select(RuleHit.rule, counted).group_by(RuleHit.rule).order_by(counted.desc(), RuleHit.rule))
    return [(rule, count) for rule, count in rows]
