"""Revert a rule: everything one rule did since a time, undone as one bulk step (so Ctrl+Z or
`moderator undo` takes the revert back), refused per comment where someone decided since.

A rule's decision is left alone when its comment has a later decision that is not a rule's
(a moderator's: they have looked at it since), when it is no longer as the rule left it
(another rule acted since), or when it was reverted already. Each reverted decision is an
undo of it (moderation.decisions.undo): a hide or an approve puts the status back, a flag
is taken off (moderation/marks.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, aliased

from moderator.changes import Changes
from moderator.i18n import translate
from moderator.moderation.decisions import undo
from moderator.storage.models import Comment, Decision
from moderator.vocabulary import Action, Source

EXAMPLES = 5


@dataclass(frozen=True)
class Reverted:
    changes: Changes
    kept: list[int] = field(default_factory=list)  # comments left as they are: decided since, or changed

    def sentence(self, rule: str) -> str:
        done = len(self.changes.decided)
        if not self.kept:
            return translate("rules", "Reverted {count} decision(s) of rule '{rule}'.").format(count=done, rule=rule)
        shown = ", ".join(str(cid) for cid in self.kept[:EXAMPLES]) + (" …" if len(self.kept) > EXAMPLES else "")
        return translate("rules", "Reverted {count} decision(s) of rule '{rule}'; {kept} left alone, decided or changed "
                                  "since (comment {ids}).").format(count=done, rule=rule, kept=len(self.kept), ids=shown)


def revert_rule(session: Session, rule: str, since: datetime, moderator: str) -> Reverted:
    chosen, kept = _split(session, rule, since)
    changes = undo(session, [row.id for row in chosen], moderator) if chosen else Changes()
    return Reverted(changes, kept)


@dataclass(frozen=True)
class RevertPreview:
    """What `revert_rule` would do now: comments put back, and comments left alone."""

    reverted: int
    kept: int


def preview(session: Session, rule: str, since: datetime) -> RevertPreview:
    """The counts a lead sees before reverting (the same choice as revert_rule; nothing written)."""
    chosen, kept = _split(session, rule, since)
    return RevertPreview(len(chosen), len(kept))


def _split(session: Session, rule: str, since: datetime) -> tuple[list[Any], list[int]]:
    """The rule's decisions to undo (its latest per comment), and the comments left alone."""
    later, reverting = aliased(Decision), aliased(Decision)
    mine = (select(Decision.id, Decision.comment_id, Decision.status_after, Decision.action, Comment.status, Comment.flag)
            .join(Comment, Comment.id == Decision.comment_id)
            .where(Decision.rule == rule, Decision.source == Source.RULE, Decision.created_at >= since,
                   ~exists().where(reverting.reverts_id == Decision.id))
            .order_by(Decision.id))
    rows = session.execute(mine).all()
    decided_since = set(session.scalars(select(later.comment_id).distinct().join(
        Decision, Decision.comment_id == later.comment_id).where(
        Decision.rule == rule, Decision.created_at >= since, later.id > Decision.id, later.source != Source.RULE)))
    chosen: list[Any] = []
    kept: list[Any] = []
    for row in rows:
        as_left = row.status == row.status_after and (row.action != Action.FLAG or row.flag == rule)
        (chosen if as_left and row.comment_id not in decided_since else kept).append(row)
    chosen = _latest_per_comment(chosen)
    return chosen, sorted({row.comment_id for row in kept} - {row.comment_id for row in chosen})


def _latest_per_comment(rows: list[Any]) -> list[Any]:
    """One decision per comment (the rule's latest): a comment it flagged, then hid, goes back to pending."""
    latest: dict[int, Any] = {}
    for row in rows:
        latest[row.comment_id] = row
    return list(latest.values())
