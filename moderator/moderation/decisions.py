"""Decisions: one path for one comment or many. Each operation takes a session and ids,
writes its decisions and returns the `Changes` they made. The caller commits, so an
operation is all or nothing.

Every decision changes one comment's status and appends one Decision recording the
status before and after. Comments already in the target status are left alone (no
decision), so undoing puts back exactly what was changed. Undo and redo are decisions
too, of a whole step (one decision, or every decision of a bulk action, sharing a
`batch_id`): nothing is ever deleted, and the audit trail shows every slip and its
correction. Writes are set-based (a few statements per 900 comments, no ORM object
per comment): a Ctrl+A approve of 100,000 comments takes seconds, not minutes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import case, insert, select, tuple_, update
from sqlalchemy.orm import Session, aliased

from moderator.changes import Changes, Decided
from moderator.errors import ConflictError, ModeratorError, NotFoundError
from moderator.i18n import QT_TRANSLATE_NOOP, translate
from moderator.moderation import marks
from moderator.moderation.outbox import Queued, enqueue
from moderator.storage.models import Article, Comment, Decision, core_table, utcnow
from moderator.storage.notify import announce
from moderator.vocabulary import STATUS_AFTER, VISIBLE_TO_MODERATORS, Action, Source, Status, check_reason

# The decisions table as Core: inserts of thousands of rows without ORM bookkeeping.
decisions = core_table(Decision)
CHUNK = 900  # ids per statement: well under every backend's limit on bound parameters


@dataclass(frozen=True)
class _Step:
    comment_id: int
    article_id: int
    status_before: Status | None
    status_after: Status
    reason: str | None = None
    reverts_id: int | None = None
    version: int | None = None  # the version read under the lock: the update holds only if it still is


def decide(session: Session, comment_ids: Sequence[int], action: Action, moderator: str, reason: str | None = None,
           note: str = "", source: Source = Source.MANUAL, seen: Mapping[int, int] | None = None,
           if_status: Status | None = None) -> Changes:
    """Approve, hide or restore these comments (those not already so). A bulk action, or
    several comments, make one batch (the audit log shows it as one), undone as one step.

    Atomic: run it in a write session (`Database.write_sessions`: the write lock is taken
    before anything is read), so the status read here is the status the decision records.
    `seen`: the version of each comment the decider looked at, and `if_status`: the status
    they expect; a comment that differs is refused, with its fresh state and who changed it."""
    if action in marks.FEATURING:
        return _feature(session, comment_ids, action, moderator, note, source)
    if action not in STATUS_AFTER:
        raise ModeratorError(f"'{action}' is not a decision on a comment's status; use one of: {', '.join(STATUS_AFTER)}.")
    check_reason(action, reason, note)
    current = _current(session, comment_ids)
    _refuse_missing(comment_ids, current)
    if seen:
        _refuse_stale(session, current, {cid: version for cid, version in seen.items() if current[cid][2] != version})
    if if_status is not None:
        _refuse_stale(session, current, {cid: 0 for cid in current if current[cid][1] != if_status}, if_status)
    target = STATUS_AFTER[action]
    steps = [_Step(cid, article_id, status, target, reason, version=version)
             for cid, (article_id, status, version) in current.items() if status in VISIBLE_TO_MODERATORS
             and status != target]
    return _write(session, steps, action, moderator, note, source, batch=source == Source.BULK or len(comment_ids) > 1)


def _feature(session: Session, comment_ids: Sequence[int], action: Action, moderator: str, note: str,
             source: Source) -> Changes:
    """Feature (an editor's pick) or unfeature: decisions that keep the status (moderation/marks.py)."""
    current = _current(session, comment_ids)
    _refuse_missing(comment_ids, current)
    wanted = marks.wanted(session, action, [cid for cid, (_a, status, _v) in current.items() if status in VISIBLE_TO_MODERATORS])
    steps = [_Step(cid, article_id, status, status) for cid, (article_id, status, _v) in current.items() if cid in wanted]
    changes = _write(session, steps, action, moderator, note, source, batch=source == Source.BULK or len(comment_ids) > 1)
    marks.apply(session, action, changes.decided)
    return changes


def set_standing(session: Session, comment_id: int, action: Action, moderator: str, note: str = "") -> Changes:
    """Trust, ban, unban or untrust the commenter who wrote this comment: a decision recorded
    on it (its status stays), undone like any other (moderation/marks.py)."""
    current = _current(session, [comment_id])
    _refuse_missing([comment_id], current)
    person = marks.check_standing(session, action, comment_id)
    article_id, status, _version = current[comment_id]
    changes = _write(session, [_Step(comment_id, article_id, status, status)], action, moderator, note, Source.MANUAL,
                     batch=False)
    marks.record_standing(session, person, action, changes.decision_ids[0])
    return changes


def reply(session: Session, parent_id: int, text: str, moderator: str, author: str | None = None) -> Changes:
    """Post a staff reply under a comment; it is published (approved) at once. `author`:
    the name readers see on it (default: the moderator's, which the audit log keeps)."""
    current = _current(session, [parent_id])
    _refuse_missing([parent_id], current)
    return _post_staff_comment(session, current[parent_id][0], parent_id, text, moderator, Action.REPLY, author)


def post_first_comment(session: Session, article_id: int, text: str, moderator: str,
                       author: str | None = None) -> Changes:
    """Staff open the thread of an article (the site's "Leave the first comment")."""
    if session.get(Article, article_id) is None:
        raise NotFoundError(translate("errors", "There is no article with id {id}.").format(id=article_id))
    return _post_staff_comment(session, article_id, None, text, moderator, Action.POST, author)


def undo(session: Session, decision_ids: Sequence[int], moderator: str) -> Changes:
    """Reverse one step (its decisions), if every comment is still as the step left it."""
    return _reverse(session, decision_ids, moderator, Action.UNDO)


def redo(session: Session, undo_ids: Sequence[int], moderator: str) -> Changes:
    """Reverse an undo: the comments go back to what the undone step made them."""
    return _reverse(session, undo_ids, moderator, Action.REDO)


def last_undoable(session: Session, moderator: str) -> list[int]:
    """The decisions of the moderator's latest step not undone yet (for `moderator undo`):
    one decision, or every decision of its bulk action."""
    undone = select(Decision.reverts_id).where(Decision.action == Action.UNDO, Decision.reverts_id.is_not(None))
    latest = session.execute(
        select(Decision.id, Decision.batch_id)
        .where(Decision.moderator == moderator, Decision.action != Action.UNDO, Decision.id.not_in(undone))
        .order_by(Decision.id.desc()).limit(1)).first()
    if latest is None:
        raise NotFoundError(translate("errors", "{moderator} has no decision left to undo.").format(moderator=moderator))
    if latest.batch_id is None:
        return [latest.id]
    return list(session.scalars(select(Decision.id).where(Decision.batch_id == latest.batch_id).order_by(Decision.id)))


def _current(session: Session, comment_ids: Sequence[int]) -> dict[int, tuple[int, Status, int]]:
    """id -> (article, status, version) of the comments that exist, locked where the backend can."""
    found: dict[int, tuple[int, Status, int]] = {}
    for chunk in _chunks(list(dict.fromkeys(comment_ids))):
        query = select(Comment.id, Comment.article_id, Comment.status, Comment.version, Comment.is_staff)
        for cid, article_id, status, version, is_staff in session.execute(query.where(Comment.id.in_(chunk))
                                                                                .with_for_update()):
            if status != Status.REMOVED or is_staff:  # a removed reader's comment is gone for moderators
                found[cid] = (article_id, Status(status), version)
    return found


def _refuse_missing(comment_ids: Sequence[int], current: Mapping[int, Any]) -> None:
    missing = [cid for cid in comment_ids if cid not in current]
    if missing:
        others = translate("errors", " (and {count} more)").format(count=len(missing) - 1) if len(missing) > 1 else ""
        raise NotFoundError(translate("errors", "There is no comment with id {id}{others}.").format(id=missing[0], others=others))


def _refuse_stale(session: Session, current: Mapping[int, tuple[int, Status, int]], stale: Mapping[int, int],
                  expected: Status | None = None) -> None:
    """Nothing is written when any comment is not as its decider saw it: the first one is
    named with its status now, and who changed it last, when."""
    if not stale:
        return
    first = min(stale)
    others = f" (and {len(stale) - 1} more)" if len(stale) > 1 else ""
    latest = session.execute(select(Decision.moderator, Decision.status_after, Decision.created_at)
                             .where(Decision.comment_id == first).order_by(Decision.id.desc()).limit(1)).first()
    if expected is not None:
        raise ConflictError(translate("errors", "Comment {id}{others} was not {expected} (it is now {now}); nothing was "
                                                "changed: look again before deciding.").format(
            id=first, others=others, expected=status_word(expected), now=status_word(current[first][1])))
    if latest is None:  # changed without a decision (a site's sync): no one to name
        raise ConflictError(translate("errors", "Comment {id}{others} was changed meanwhile (it is now {now}); nothing was "
                                                "changed: look again before deciding.").format(
            id=first, others=others, now=status_word(current[first][1])))
    raise ConflictError(translate("errors", "{who_did_what} (comment {id}{others}); nothing was changed: look again before "
                                            "deciding.").format(
        who_did_what=fresh_state(latest.moderator, latest.status_after, latest.created_at), id=first, others=others))


# What a decision did, as the sentence that names who changed a comment says it.
DID = {Status.APPROVED: QT_TRANSLATE_NOOP("errors", "{moderator} approved this at {time}"),
       Status.HIDDEN: QT_TRANSLATE_NOOP("errors", "{moderator} hid this at {time}"),
       Status.PENDING: QT_TRANSLATE_NOOP("errors", "{moderator} sent this back to review at {time}"),
       Status.REMOVED: QT_TRANSLATE_NOOP("errors", "{moderator} removed this at {time}")}
STATUS_WORDS = {Status.PENDING: QT_TRANSLATE_NOOP("errors", "pending"), Status.APPROVED: QT_TRANSLATE_NOOP("errors", "approved"),
                Status.HIDDEN: QT_TRANSLATE_NOOP("errors", "hidden"), Status.REMOVED: QT_TRANSLATE_NOOP("errors", "removed")}


def status_word(status: object) -> str:
    """A status in a sentence, in the user's language ("approved")."""
    words = STATUS_WORDS.get(Status(status)) if isinstance(status, str) and status in set(Status) else None
    return translate("errors", words) if words else str(status)


def fresh_state(moderator: str, status_after: str, at: datetime) -> str:
    """E.g. "ana approved this at 14:02" (on this computer's clock, as the window shows times)."""
    template = DID.get(Status(status_after))
    if template is None:
        return translate("errors", "{moderator} made this {status} at {time}").format(
            moderator=moderator, status=status_word(status_after), time=f"{at.astimezone():%H:%M}")
    return translate("errors", template).format(moderator=moderator, time=f"{at.astimezone():%H:%M}")


def _post_staff_comment(session: Session, article_id: int, parent_id: int | None, text: str, moderator: str,
                        action: Action, author: str | None) -> Changes:
    text = text.strip()
    if not text:
        raise ModeratorError(translate("errors", "A reply needs some text."))
    site_id = session.scalar(select(Article.site_id).where(Article.id == article_id))
    comment = Comment(site_id=site_id, article_id=article_id, parent_id=parent_id, author=author or moderator, is_staff=True,
                      body=text, created_at=utcnow(), status=Status.APPROVED)
    session.add(comment)
    session.flush()
    return _write(session, [_Step(comment.id, article_id, None, Status.APPROVED)], action, moderator, "",
                  Source.MANUAL, batch=False)


def _reverse(session: Session, decision_ids: Sequence[int], moderator: str, action: Action) -> Changes:
    rows = _decisions(session, decision_ids)
    if (action == Action.REDO) != all(row.action == Action.UNDO for row in rows):
        raise ModeratorError(f"Decision {rows[0].id} is {'not ' if action == Action.REDO else ''}an undo; "
                             f"{'undo' if action == Action.REDO else 'redo'} it instead.")
    _refuse_if_reversed(session, [row.id for row in rows])
    now = _current(session, [row.comment_id for row in rows])
    _refuse_if_changed(session, rows, now)
    steps = [_Step(row.comment_id, now[row.comment_id][0], Status(row.status_after),
                   Status(row.status_before or Status.REMOVED),  # a staff post is undone by removing it
                   row.reason if action == Action.REDO else None, row.id, now[row.comment_id][2]) for row in rows]
    batched = rows[0].batch_id is not None or len(rows) > 1  # a rule's decisions reverted together: one step
    changes = _write(session, steps, action, moderator, "", Source.BULK if batched else Source.MANUAL, batch=batched)
    marks.reverse(session, rows, changes.decided, undoing=action == Action.UNDO)
    return changes


def _decisions(session: Session, decision_ids: Sequence[int]) -> list[Any]:
    """The step's decisions, each with the reason of the decision an undo reversed (for a redo)."""
    original, first = aliased(Decision), aliased(Decision)
    found: list[Any] = []
    for chunk in _chunks(list(decision_ids)):
        found += session.execute(
            select(Decision.id, Decision.comment_id, Decision.action, Decision.status_before, Decision.status_after,
                   Decision.batch_id, original.reason,
                   # what marks.reverse needs: the action that changed more than a status, and its decision
                   # (an undo reverses its original; a redo reverses an undo, which reversed the original)
                   case((Decision.action == Action.UNDO, original.action), (Decision.action == Action.REDO, first.action),
                        else_=Decision.action).label("mark"),
                   case((Decision.action == Action.UNDO, original.id), (Decision.action == Action.REDO, first.id),
                        else_=Decision.id).label("marked_id"))
            .outerjoin(original, original.id == Decision.reverts_id)
            .outerjoin(first, first.id == original.reverts_id)
            .where(Decision.id.in_(chunk)).order_by(Decision.id)).all()
    if len(found) != len(set(decision_ids)) or not found:
        raise NotFoundError(f"There is no decision with id {min(set(decision_ids) - {r.id for r in found}, default='')}.")
    return found


def _refuse_if_reversed(session: Session, decision_ids: list[int]) -> None:
    for chunk in _chunks(decision_ids):
        later = session.execute(select(Decision.id, Decision.reverts_id).where(Decision.reverts_id.in_(chunk))
                                .limit(1)).first()
        if later is not None:
            raise ConflictError(translate("errors", "Decision {id} was already reversed by decision {later}; nothing was "
                                                    "changed.").format(id=later.reverts_id, later=later.id))


def _refuse_if_changed(session: Session, rows: list[Any], now: Mapping[int, tuple[int, Status, int]]) -> None:
    """A step is undone only if every comment is still as it left it; else the refusal names
    who changed the first one since, and when ("ana approved this at 14:02"), as a refused
    decision does."""
    moved = [row for row in rows if row.comment_id not in now or now[row.comment_id][1] != row.status_after]
    if not moved:
        return
    first = moved[0]
    state = now[first.comment_id][1] if first.comment_id in now else "gone"
    since = _changed_since(session, first.comment_id, first.id)
    if len(rows) == 1:
        if since:
            raise ConflictError(translate("errors", "{who_did_what} (comment {id}, after decision {decision}); nothing was "
                                                    "undone.").format(who_did_what=since, id=first.comment_id,
                                                                      decision=first.id))
        raise ConflictError(translate("errors", "Comment {id} is now {state}, changed after decision {decision}; nothing "
                                                "was undone.").format(id=first.comment_id, state=status_word(state),
                                                                      decision=first.id))
    shown = ", ".join(str(row.comment_id) for row in moved[:5]) + (translate("errors", " and others") if len(moved) > 5 else "")
    if since:
        raise ConflictError(translate("errors", "{count} of these comments changed since (comment {ids}): {who_did_what}; "
                                                "nothing was changed.").format(count=len(moved), ids=shown, who_did_what=since))
    raise ConflictError(translate("errors", "{count} of these comments changed since (comment {ids}); nothing was "
                                            "changed.").format(count=len(moved), ids=shown))


def _changed_since(session: Session, comment_id: int, decision_id: int) -> str | None:
    """Who changed the comment's status last after this decision, and when; None when no
    decision did (a site's sync, or a removal)."""
    latest = session.execute(select(Decision.moderator, Decision.status_after, Decision.created_at)
                             .where(Decision.comment_id == comment_id, Decision.id > decision_id,
                                    Decision.status_after != Decision.status_before)
                             .order_by(Decision.id.desc()).limit(1)).first()
    return fresh_state(latest.moderator, latest.status_after, latest.created_at) if latest else None


def _write(session: Session, steps: list[_Step], action: Action, moderator: str, note: str, source: Source,
           batch: bool) -> Changes:
    batch_id, now = (uuid.uuid4().hex if batch else None), utcnow()
    by_status: dict[Status, list[_Step]] = {}
    for step in steps:
        by_status.setdefault(step.status_after, []).append(step)
    for status, group in by_status.items():
        for chunk in _chunks(group, CHUNK // 2):
            _update_if_unchanged(session, chunk, status, now)
    if not steps:
        return Changes(batch_id=batch_id)
    rows = [{"comment_id": s.comment_id, "action": action, "reason": s.reason, "note": note, "moderator": moderator,
             "source": source, "created_at": now, "status_before": s.status_before, "status_after": s.status_after,
             "reverts_id": s.reverts_id, "batch_id": batch_id} for s in steps]
    if batch_id is None:  # one decision: its id comes straight back
        key = session.connection().execute(insert(decisions).values(rows[0])).inserted_primary_key
        assert key is not None  # a plain insert into a table with an integer primary key
        made = {steps[0].comment_id: key[0]}
    else:  # the driver's executemany, then the batch's ids in one read (RETURNING costs a third more at 10,000)
        session.execute(insert(decisions), rows)
        made = {cid: decision_id for cid, decision_id in
                session.execute(select(Decision.comment_id, Decision.id).where(Decision.batch_id == batch_id))}
    announce(session)  # the other apps on a shared database look again once this commits
    # For a connected site, each decision's outbox row, in this same transaction.
    enqueue(session, [Queued(s.comment_id, made[s.comment_id], s.status_before, s.status_after, s.reason)
                      for s in steps], source)
    return Changes.of_decisions((Decided(made[s.comment_id], s.comment_id, s.article_id, s.status_before,
                                         s.status_after, action) for s in steps), batch_id)


def _update_if_unchanged(session: Session, steps: list[_Step], status: Status, now: datetime) -> None:
    """UPDATE … WHERE (id, version) IN (what was read): a comment another session changed
    since is not touched, and the whole decision is refused. Under the write lock (SQLite)
    or the rows' locks (PostgreSQL's FOR UPDATE) it always holds; it is the guarantee
    itself where a caller decides outside a write session."""
    checked = [s for s in steps if s.version is not None]
    unchecked = [s.comment_id for s in steps if s.version is None]  # a staff post made in this transaction
    values = {"status": status, "version": Comment.version + 1, "updated_at": now}  # ORM objects loaded here follow
    if checked:
        # The ids alone too: the primary key finds the rows (PostgreSQL read every comment for a
        # list of (id, version) pairs: a second per 450), the pairs then check each one's version.
        done = session.execute(update(Comment).where(
            Comment.id.in_([s.comment_id for s in checked]),
            tuple_(Comment.id, Comment.version).in_([(s.comment_id, s.version) for s in checked])).values(**values))
        if done.rowcount != len(checked):  # type: ignore[attr-defined]  # a DML result has its rowcount
            raise ConflictError(translate("errors", "{count} of these comments changed while this decision was being "
                                                    "written; nothing was changed: look again before deciding.").format(
                count=len(checked) - done.rowcount))  # type: ignore[attr-defined]
    if unchecked:
        session.execute(update(Comment).where(Comment.id.in_(unchecked)).values(**values))


def _chunks(items: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
