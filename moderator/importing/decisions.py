"""Apply a decisions file from another machine: how an offline laptop hands its work over.

For each comment the file names (by site and external id) the last decision in the
file is its final state there. It is applied here as one Decision (source
"import", with the original moderator, reason and time) unless the comment is
already in that state (unchanged: importing twice adds nothing) or someone here
decided on it later than that (the newer local decision stands). Staff replies
written there are created here, under the same parent, then take their final state
too. Only a moderator's actions are applied (moderator.formats.decisions refuses any
other); "removed", which an undo leaves a staff reply in, is refused for a reader's
comment: a decisions file never removes a reader's comment, nor brings one back.
Feature / unfeature and a commenter's standing (and undo or redo of those) keep the
status: they are applied apart, by moderator.importing.decisionmarks, after the statuses.

The file is read twice, so that memory stays small whatever it holds: first to learn
which line is each comment's last (an integer each), then to apply those lines.
"""

from __future__ import annotations

from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from moderator.errors import FileFormatError
from moderator.formats.decisions import MARKS, STAFF_POSTS, DecisionRecord, parse
from moderator.formats.records import shown
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence
from moderator.importing.decisionmarks import apply_marks
from moderator.importing.report import ImportReport, Tick
from moderator.importing.writer import BATCH
from moderator.storage.models import Article, Comment, Decision, Site, utcnow
from moderator.vocabulary import Status

IMPORT = "import"  # Decision.source of decisions that came in a file


def apply_decisions(session: Session, stream: BinaryIO, path: str, tick: Tick) -> ImportReport:
    report = ImportReport("decisions", path, label="decisions file")
    marked: list[DecisionRecord] = []
    last = _last_lines(stream, path, report, tick, marked)
    mark_lines = {record.line for record in marked}
    stream.seek(0)
    for applied, record in enumerate(parse(stream, path), 1):
        external_id = record.external_id
        if external_id is None or record.line in mark_lines:  # skipped and reported, or a mark: applied below
            continue
        final = last[_key(record)]
        created = _post(session, record, external_id, report, withdrawn=final & 1) if _is_post(record) else False
        if record.line == final >> 1 and not created:
            _apply(session, record, external_id, report, path)
        if applied % BATCH == 0:
            session.flush()  # written, the comments changed are no longer held by the session
            tick(applied)
    session.flush()
    apply_marks(session, marked, report)
    tick(len(last) + len(marked), done=True)
    return report


def _last_lines(stream: BinaryIO, path: str, report: ImportReport, tick: Tick, marked: list[DecisionRecord]) -> dict[int, int]:
    """For each comment, its last line in the file that set a status, doubled, plus one when it
    leaves the comment removed; the lines that keep the status (marks, their undos) go to `marked`."""
    last: dict[int, int] = {}
    mark_ids: set[str] = set()  # the file's decisions that keep the status, so their undos and redos are known
    for count, record in enumerate(parse(stream, path), 1):
        if record.external_id is None:
            report.skip(QT_TRANSLATE_NOOP("importing", "decision on a comment without an external id"), f"line {record.line}")
        elif record.action in MARKS or record.reverts_decision_id is not None and record.reverts_decision_id in mark_ids:
            marked.append(record)
            if record.decision_id is not None:
                mark_ids.add(record.decision_id)
        else:
            last[_key(record)] = record.line << 1 | (record.status_after == Status.REMOVED)
        if count % BATCH == 0:
            tick(count)
    return last


def _key(record: DecisionRecord) -> int:
    return hash((record.site, record.external_id))


def _is_post(record: DecisionRecord) -> bool:
    return record.action in STAFF_POSTS and bool(record.reply_text)


def _post(session: Session, post: DecisionRecord, external_id: str, report: ImportReport, withdrawn: int) -> bool:
    """Create the staff reply a post stands for, unless it is here or was withdrawn there."""
    if withdrawn or _comment(session, post.site, external_id) is not None:
        return False
    return _create_staff_comment(session, post, external_id, report)


def _apply(session: Session, record: DecisionRecord, external_id: str, report: ImportReport, path: str) -> None:
    """A record's decision on the comment its (site, external_id) names, unless it stands already."""
    comment = _comment(session, record.site, external_id)
    if comment is None:
        if record.status_after == Status.REMOVED:
            report.skip(QT_TRANSLATE_NOOP("importing", "staff reply posted and withdrawn on the other machine"), external_id)
        elif not _is_post(record):  # a post not created has said why
            report.skip(QT_TRANSLATE_NOOP("importing", "decision on a comment that is not in this database"), external_id)
        return
    if not comment.is_staff and Status.REMOVED in (record.status_after, comment.status):
        _refuse_removal(record, comment, path)
    if comment.status == record.status_after:
        report.comments.unchanged += 1
    elif _decided_since(session, comment.id, record):
        report.skip(QT_TRANSLATE_NOOP("importing", "decision older than one made here (the newer local decision stands)"),
                    external_id)
    else:
        _record(session, comment, record, record.action, comment.status)
        report.comments.updated += 1


def _refuse_removal(record: DecisionRecord, comment: Comment, path: str) -> None:
    if record.status_after == Status.REMOVED:
        template = QT_TRANSLATE_NOOP("errors", "status_after 'removed' withdraws a staff reply, but comment {id} is a "
                                               "reader's comment here; nothing was applied")
    else:
        template = QT_TRANSLATE_NOOP("errors", "comment {id} was removed here; a decisions file does not bring it back")
    raise FileFormatError(path, record.line, Sentence.of(template, id=shown(record.external_id)))


def _comment(session: Session, site_key: str, external_id: str | None) -> Comment | None:
    if external_id is None:
        return None
    return session.scalar(select(Comment).join(Site, Site.id == Comment.site_id)
                          .where(Site.key == site_key, Comment.external_id == external_id))


def _decided_since(session: Session, comment_id: int, record: DecisionRecord) -> bool:
    later = select(Decision.id).where(Decision.comment_id == comment_id, Decision.created_at > record.time).limit(1)
    return session.scalar(later) is not None


def _create_staff_comment(session: Session, post: DecisionRecord, external_id: str, report: ImportReport) -> bool:
    parent = _comment(session, post.site, post.parent_external_id)
    article_id = parent.article_id if parent else _article_id(session, post.site, post.article_external_id)
    if article_id is None:
        report.skip(QT_TRANSLATE_NOOP("importing", "staff reply on an article that is not in this database"), external_id)
        return False
    comment = Comment(
        site_id=session.scalar(select(Site.id).where(Site.key == post.site)), article_id=article_id,
        parent_id=parent.id if parent else None, parent_external_id=post.parent_external_id,
        external_id=external_id, author=post.moderator[:200], is_staff=True, body=post.reply_text,
        created_at=post.time, status=Status.APPROVED,
    )
    session.add(comment)
    session.flush()
    _record(session, comment, post, post.action, None)
    report.comments.added += 1
    return True


def _article_id(session: Session, site_key: str, external_id: str | None) -> int | None:
    if external_id is None:
        return None
    return session.scalar(select(Article.id).join(Site, Site.id == Article.site_id)
                          .where(Site.key == site_key, Article.external_id == external_id))


def _record(session: Session, comment: Comment, record: DecisionRecord, action: str, status_before: str | None) -> None:
    """One Decision, as moderator.moderation.decisions writes them, but dated when it was made there."""
    if status_before is not None:  # not for a reply just created here
        comment.status = record.status_after
        comment.version += 1
        comment.updated_at = utcnow()
    session.add(Decision(
        comment_id=comment.id, action=action[:20], reason=(record.reason or None) and record.reason[:40],
        note=record.note, moderator=record.moderator[:200], source=IMPORT, created_at=record.time,
        status_before=status_before, status_after=record.status_after,
    ))
