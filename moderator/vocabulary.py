"""The words of moderation, once: statuses, actions, sources, queues and sorts.

Each is a `StrEnum`, so a member equals its string ("pending"): columns, JSON, CSV and
command-line arguments keep their text and no migration is needed, while code that
takes a `Status` or an `Action` is checked by the type checker instead of at run time.
"""

from __future__ import annotations

from enum import StrEnum

from moderator.errors import ModeratorError


class Status(StrEnum):
    """A comment's status. REMOVED marks a staff comment whose posting was undone."""

    PENDING = "pending"
    APPROVED = "approved"
    HIDDEN = "hidden"
    REMOVED = "removed"


# What moderators see and decide (a removed staff post is gone from every view).
VISIBLE_TO_MODERATORS: tuple[Status, ...] = (Status.PENDING, Status.APPROVED, Status.HIDDEN)


class Action(StrEnum):
    """What a decision did. Approve, hide and restore set a status; reply and post add a
    staff comment; undo and redo reverse an earlier decision."""

    APPROVE = "approve"
    HIDE = "hide"
    RESTORE = "restore"
    REPLY = "reply"
    POST = "post"
    UNDO = "undo"
    REDO = "redo"
    # Issue 14: a rule raised it for review (its status stays); an editor's pick and its end;
    # a commenter's standing changed (recorded on the comment the moderator acted from).
    FLAG = "flag"
    FEATURE = "feature"
    UNFEATURE = "unfeature"
    TRUST = "trust"
    BAN = "ban"
    UNBAN = "unban"
    UNTRUST = "untrust"


# The actions a moderator takes on a comment's status, and the status each sets.
# Restore sends a decided comment back to review.
STATUS_AFTER: dict[Action, Status] = {
    Action.APPROVE: Status.APPROVED,
    Action.HIDE: Status.HIDDEN,
    Action.RESTORE: Status.PENDING,
}


class Source(StrEnum):
    """Who took a decision: a moderator on one comment, on a selection, or a rule; SITE: a
    moderator took the state the connected site gave the comment (nothing goes back to it)."""

    MANUAL = "manual"
    BULK = "bulk"
    RULE = "rule"
    SITE = "site"


class QueueKind(StrEnum):
    """Which comments a queue lists. Flagged: pending comments the active model scores at
    or above the Medium threshold."""

    PENDING = "pending"
    FLAGGED = "flagged"
    HIDDEN = "hidden"
    APPROVED = "approved"
    ALL = "all"


class Sort(StrEnum):
    """A queue's order. Relevance: best match first while searching, else newest."""

    PRIORITY = "priority"
    NEWEST = "newest"
    OLDEST = "oldest"
    RELEVANCE = "relevance"


# The fixed list a moderator picks from when hiding; "other" wants a note.
HIDE_REASONS: dict[str, str] = {
    "abuse": "Abuse or harassment",
    "hate": "Hate speech",
    "threat": "Threat of violence",
    "spam": "Spam or advertising",
    "off_topic": "Off-topic",
    "personal_data": "Personal data",
    "other": "Other (explain in the note)",
}


def check_reason(action: Action, reason: str | None, note: str) -> None:
    """A hide needs a reason from HIDE_REASONS, and "other" a note saying why."""
    if action != Action.HIDE:
        return
    if reason not in HIDE_REASONS:
        raise ModeratorError(f"Hiding needs a reason: one of {', '.join(HIDE_REASONS)}.")
    if reason == "other" and not note.strip():
        raise ModeratorError("The reason 'other' needs a note saying why.")
