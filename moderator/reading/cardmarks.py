"""What a comment's card shows beside its text (issue 14): the rule that flagged it, whether
it is featured, and the reason chip: what the rules found in it ("banned word 'vermin'",
"toxicity 0.93 ≥ 0.90"), with how many other things they found.

These are columns added to the statements that read a page of rows (the queue's, the
thread's, one comment's), never a query per card: each is a correlated lookup on an index
(rule_hits by comment, featured by its key), and nearly every comment has no row there.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import Session

from moderator.storage.models import Comment, Featured, RuleHit

_HITS_OF_COMMENT = RuleHit.comment_id == Comment.id

# The hit named on the chip: one of the rule that flagged the comment (that is why it is in
# the Flagged queue), else any; the first in alphabetical order, so that it does not change
# between reads. Two lookups rather than one ordered by "is it the flag's rule": SQLite does
# not let a subquery's ORDER BY name the outer row, and min() needs no sort.
FIRST_REASON = func.coalesce(
    select(func.min(RuleHit.what)).where(_HITS_OF_COMMENT, RuleHit.rule == Comment.flag).correlate(Comment)
    .scalar_subquery(),
    select(func.min(RuleHit.what)).where(_HITS_OF_COMMENT).correlate(Comment).scalar_subquery())
# Different things found (the same word twice is one reason).
REASON_COUNT = (select(func.count(func.distinct(RuleHit.what))).where(_HITS_OF_COMMENT)
                .correlate(Comment).scalar_subquery())
FEATURED = exists().where(Featured.comment_id == Comment.id).correlate(Comment)

# In CommentRow's order, after its score.
CARD_COLUMNS: tuple[ColumnElement[Any] | Any, ...] = (Comment.flag, FEATURED, FIRST_REASON, REASON_COUNT)


def rule_name(key: str) -> str:
    """A rule's key as words: "personal_data" → "Personal data"."""
    return key.replace("_", " ").capitalize()


def rules_that_hit(session: Session) -> list[tuple[str, int]]:
    """The rules that found something in a comment, each with how many comments, most first:
    the choices of the queue's filter by rule (read off ix_rule_hits_rule alone)."""
    counted = func.count(func.distinct(RuleHit.comment_id))
    rows = session.execute(select(RuleHit.rule, counted).group_by(RuleHit.rule).order_by(counted.desc(), RuleHit.rule))
    return [(rule, count) for rule, count in rows]
