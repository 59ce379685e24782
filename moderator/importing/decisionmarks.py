"""The lines of a decisions file that keep the comment's status (moderation/marks.py): an
editor's pick (feature / unfeature) and a commenter's standing (trust / ban / unban /
untrust), with the undos and redos of those, as the decisions export writes them.

They are played in the file's order to learn each comment's final featured state and each
commenter's final standing there (an undo of a mark puts back what was before it), and each
final state is applied here as one decision (source "import", with the original moderator
and time), as a status is: unless it stands already (importing twice adds nothing), or
someone here changed it later than that (the newer local decision stands). A commenter is
found through the comment here, as moderators find them (identity per site).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from moderator.changes import Decided
from moderator.formats.decisions import FEATURING, STANDINGS, DecisionRecord
from moderator.i18n import QT_TRANSLATE_NOOP
from moderator.importing.report import ImportReport
from moderator.moderation import marks
from moderator.storage.models import Comment, Decision, Featured, Site, StandingChange
from moderator.vocabulary import Action, Status

IMPORT = "import"
OLDER = QT_TRANSLATE_NOOP("importing", "decision older than one made here (the newer local decision stands)")


@dataclass
class Final:
    """A comment's featured state, or a commenter's standing, after the file's last line on it."""

    value: str  # "featured" / "unfeatured", or a standing
    record: DecisionRecord
    comment: Comment


def apply_marks(session: Session, records: Sequence[DecisionRecord], report: ImportReport) -> None:
    featured: dict[object, Final] = {}  # by comment id
    standings: dict[object, Final] = {}  # by (site id, identity)
    before: dict[str, tuple[str, str]] = {}  # decision id → (track, the value before it), for its undo
    for record in records:
        comment = _comment(session, record)
        if comment is None:
            report.skip(QT_TRANSLATE_NOOP("importing", "decision on a comment that is not in this database"),
                        record.external_id or "")
            continue
        track, value = _target(record, before)
        if track is None:
            report.skip(QT_TRANSLATE_NOOP("importing", "undo of a decision not in this file"), record.external_id or "")
            continue
        key = comment.id if track == "featured" else (comment.site_id, marks.identity(comment.author, comment.author_email))
        finals = featured if track == "featured" else standings
        was = finals[key].value if key in finals else _here(session, track, comment)
        if record.decision_id is not None:
            before[record.decision_id] = (track, was)
        finals[key] = Final(value, record, comment)
    for final in featured.values():
        _apply_featured(session, final, report)
    for final in standings.values():
        _apply_standing(session, final, report)


def _target(record: DecisionRecord, before: dict[str, tuple[str, str]]) -> tuple[str | None, str]:
    """The track a line changes and the value it leaves there; an undo or redo puts back the
    value before the line it reverses."""
    if record.action in FEATURING:
        return "featured", "featured" if record.action == "feature" else "unfeatured"
    if record.action in STANDINGS:
        return "standing", STANDINGS[record.action]
    return before.get(record.reverts_decision_id or "", (None, ""))


def _here(session: Session, track: str, comment: Comment) -> str:
    if track == "featured":
        return "featured" if session.get(Featured, comment.id) is not None else "unfeatured"
    person = marks.commenter_of(session, comment.id, create=False)
    return person.standing if person is not None else marks.NORMAL


def _apply_featured(session: Session, final: Final, report: ImportReport) -> None:
    comment, record = final.comment, final.record
    if _here(session, "featured", comment) == final.value:
        report.comments.unchanged += 1
    elif comment.status not in (Status.PENDING, Status.APPROVED, Status.HIDDEN) or _decided_since(session, comment.id, record):
        report.skip(OLDER, record.external_id or "")
    else:
        action = Action.FEATURE if final.value == "featured" else Action.UNFEATURE
        marks.apply(session, action, [_decision(session, comment, record, action)])
        report.comments.updated += 1


def _apply_standing(session: Session, final: Final, report: ImportReport) -> None:
    comment, record = final.comment, final.record
    was = _here(session, "standing", comment)
    if was == final.value:
        report.comments.unchanged += 1
        return
    person = marks.commenter_of(session, comment.id)
    assert person is not None  # made when missing
    if _standing_changed_since(session, person.id, record):
        report.skip(OLDER, record.external_id or "")
        return
    action = {"trusted": Action.TRUST, "banned": Action.BAN}.get(final.value, Action.UNBAN if was == "banned" else Action.UNTRUST)
    marks.record_standing(session, person, action, _decision(session, comment, record, action).decision_id)
    report.comments.updated += 1


def _decision(session: Session, comment: Comment, record: DecisionRecord, action: Action) -> Decided:
    """One Decision that keeps the comment's status, dated when it was made there."""
    decision = Decision(comment_id=comment.id, action=action, note=record.note, moderator=record.moderator[:200],
                        source=IMPORT, created_at=record.time, status_before=comment.status, status_after=comment.status)
    session.add(decision)
    session.flush()
    return Decided(decision.id, comment.id, comment.article_id, Status(comment.status), Status(comment.status), action)


def _comment(session: Session, record: DecisionRecord) -> Comment | None:
    return session.scalar(select(Comment).join(Site, Site.id == Comment.site_id)
                          .where(Site.key == record.site, Comment.external_id == record.external_id))


def _decided_since(session: Session, comment_id: int, record: DecisionRecord) -> bool:
    later = select(Decision.id).where(Decision.comment_id == comment_id, Decision.action.in_(FEATURING),
                                      Decision.created_at > record.time).limit(1)
    return session.scalar(later) is not None


def _standing_changed_since(session: Session, commenter_id: int, record: DecisionRecord) -> bool:
    later = (select(Decision.id).join(StandingChange, StandingChange.decision_id == Decision.id)
             .where(StandingChange.commenter_id == commenter_id, Decision.created_at > record.time).limit(1))
    return session.scalar(later) is not None


