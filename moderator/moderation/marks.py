"""Decisions that change more than a status (issue 14): featuring a comment, and a
commenter's standing (trust, ban, unban, untrust).

Each is a Decision like any other (append-only, in the audit log and the decisions
export, undone and redone by decisions.undo / redo), whose status before and after are the
same; what it changed beside is kept here: the featured row, or the commenter's standing
with its StandingChange (the standing before, for undo). A standing decision is recorded on
the comment the moderator acted from (the CLI: the commenter's latest comment).

A commenter is per site; identity is the e-mail address where the source gave one, else
the name (`identity`): the rules (moderator/rules/people.py) find them the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from moderator.changes import Decided
from moderator.errors import ModeratorError
from moderator.i18n import QT_TRANSLATE_NOOP, translate
from moderator.storage.models import Comment, Commenter, Decision, Featured, StandingChange, core_table, utcnow
from moderator.vocabulary import Action

featured, commenters, standing_changes = core_table(Featured), core_table(Commenter), core_table(StandingChange)
comments, decisions = core_table(Comment), core_table(Decision)
FEATURING = (Action.FEATURE, Action.UNFEATURE)
STANDING_AFTER = {Action.TRUST: "trusted", Action.BAN: "banned", Action.UNBAN: "normal", Action.UNTRUST: "normal"}
MARKS = (*FEATURING, *STANDING_AFTER, Action.FLAG)
STANDING_WORDS = {"trusted": QT_TRANSLATE_NOOP("errors", "trusted"), "banned": QT_TRANSLATE_NOOP("errors", "banned"),
                  "normal": QT_TRANSLATE_NOOP("errors", "normal")}


def standing_word(standing: str) -> str:
    """A commenter's standing in a sentence, in the user's language."""
    return translate("errors", STANDING_WORDS[standing]) if standing in STANDING_WORDS else standing
NORMAL = "normal"


def identity(author: str, email: str | None) -> str:
    """"email:<address>" (lower-cased) where the source gave one, else "name:<name>"."""
    email = (email or "").strip().lower()
    return f"email:{email}" if email else f"name:{author}"


def wanted(session: Session, action: Action, comment_ids: Sequence[int]) -> set[int]:
    """Of these comments, those a feature (or unfeature) would change."""
    ids = list(comment_ids)
    already = {cid for chunk in _chunks(ids) for cid in session.scalars(
        select(featured.c.comment_id).where(featured.c.comment_id.in_(chunk)))}
    return set(ids) - already if action == Action.FEATURE else already


def apply(session: Session, action: Action, decided: Sequence[Decided]) -> None:
    """The featured rows, after their decisions are written."""
    if action == Action.FEATURE and decided:
        session.execute(insert(featured), [{"comment_id": d.comment_id, "decision_id": d.decision_id,
                                            "featured_at": utcnow()} for d in decided])
    elif action == Action.UNFEATURE:
        for chunk in _chunks([d.comment_id for d in decided]):
            session.execute(delete(featured).where(featured.c.comment_id.in_(chunk)))


def commenter_of(session: Session, comment_id: int, create: bool = True) -> Commenter | None:
    """The commenter who wrote the comment (made, normal, when `create` and not there yet)."""
    row = session.execute(select(Comment.site_id, Comment.author, Comment.author_email)
                          .where(Comment.id == comment_id)).one()
    key = identity(row.author, row.author_email)
    person = session.scalar(select(Commenter).where(Commenter.site_id == row.site_id, Commenter.identity == key))
    if person is None and create:
        person = Commenter(site_id=row.site_id, identity=key, name=row.author, notes="", standing=NORMAL)
        session.add(person)
        session.flush()
    return person


def check_standing(session: Session, action: Action, comment_id: int) -> Commenter:
    person = commenter_of(session, comment_id)
    assert person is not None  # made when missing
    after = STANDING_AFTER[action]
    if person.standing == after:
        raise ModeratorError(translate("errors", "{name} is {standing} already; nothing was changed.").format(
            name=person.name, standing=standing_word(after)))
    if action == Action.UNBAN and person.standing != "banned" or action == Action.UNTRUST and person.standing != "trusted":
        raise ModeratorError(translate("errors", "{name} is {standing}, not {expected}; nothing was changed.").format(
            name=person.name, standing=standing_word(person.standing),
            expected=standing_word("banned" if action == Action.UNBAN else "trusted")))
    return person


def record_standing(session: Session, person: Commenter, action: Action, decision_id: int) -> None:
    after = STANDING_AFTER[action]
    session.execute(insert(standing_changes).values(decision_id=decision_id, commenter_id=person.id,
                                                    standing_before=person.standing, standing_after=after))
    _set_standing(session, person.id, after)


def reverse(session: Session, originals: Sequence[Any], decided: Sequence[Decided], undoing: bool) -> None:
    """What undo (or redo) does beside the status: `originals` are the decisions reversed
    (their `mark`: the action that changed more than a status, None else), `decided` the
    undo's (or redo's) own decisions, in the same order."""
    by_comment = {d.comment_id: d for d in decided}
    for row in originals:
        if row.mark in FEATURING:
            on = (row.mark == Action.FEATURE) != undoing
            apply(session, Action.FEATURE if on else Action.UNFEATURE, [by_comment[row.comment_id]])
        elif row.mark == Action.FLAG:  # a rule's flag reverted (moderator/rules/revert.py), or that undone
            rule = session.scalar(select(decisions.c.rule).where(decisions.c.id == row.marked_id))
            session.execute(update(comments).where(comments.c.id == row.comment_id).values(flag=None if undoing else rule))
        elif row.mark in STANDING_AFTER:
            change = session.execute(select(standing_changes).where(standing_changes.c.decision_id == row.marked_id)).one()
            _set_standing(session, change.commenter_id, change.standing_before if undoing else change.standing_after)


def _set_standing(session: Session, commenter_id: int, standing: str) -> None:
    session.execute(update(commenters).where(commenters.c.id == commenter_id).values(standing=standing, changed_at=utcnow()))


def _chunks(items: list[int], size: int = 900) -> list[list[int]]:
    return [items[start:start + size] for start in range(0, len(items), size)]
