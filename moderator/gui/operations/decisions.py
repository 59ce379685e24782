"""What a moderator decides from the window: approve, hide or restore one comment or a
selection, reply as staff, post the first comment. Each is one DecisionCommand on the undo
stack (a bulk action too: one Ctrl+Z undoes all of it). The write reads the changed rows
in its own session and the writer announces the Changes every view refreshes from; this
class only asks what it must (a reason, a confirmation) and says what happened.

A selection the moderator did not pick row by row (Ctrl+A, a score band) or a large one
is confirmed with its exact count before anything is written, Cancel the default button
(Enter alone never approves a thousand comments); a bulk hide asks its question and the
reason in one dialog.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.orm import Session

from moderator.changes import Changes
from moderator.gui.common import look
from moderator.gui.common.messages import tell_or_report
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.dialogs.forms import HideDialog, ReplyDialog
from moderator.gui.operations.undo import DecisionCommand, Operation
from moderator.gui.workers.writer import Writer
from moderator.moderation import claims, decisions
from moderator.reading import queries
from moderator.reading.rows import CommentRow
from moderator.rules import commenters as rule_commenters
from moderator.vocabulary import STATUS_AFTER, Action, Source

CONFIRM_FROM = 20  # picked one by one, up to this many act at once
# Marked for pyside6-lupdate; `verb` and `_tell` translate them where shown.
VERBS = {Action.APPROVE: QT_TRANSLATE_NOOP("Decisions", "Approve"), Action.HIDE: QT_TRANSLATE_NOOP("Decisions", "Hide"),
         Action.RESTORE: QT_TRANSLATE_NOOP("Decisions", "Restore"), Action.FEATURE: QT_TRANSLATE_NOOP("Decisions", "Feature"),
         Action.UNFEATURE: QT_TRANSLATE_NOOP("Decisions", "Unfeature")}
DONE_WORDS = {Action.APPROVE: QT_TRANSLATE_NOOP("Decisions", "Approved"), Action.HIDE: QT_TRANSLATE_NOOP("Decisions", "Hidden"),
              Action.RESTORE: QT_TRANSLATE_NOOP("Decisions", "Sent back to review"),
              Action.REPLY: QT_TRANSLATE_NOOP("Decisions", "Replied"), Action.POST: QT_TRANSLATE_NOOP("Decisions", "Posted"),
              Action.UNDO: QT_TRANSLATE_NOOP("Decisions", "Undone"), Action.REDO: QT_TRANSLATE_NOOP("Decisions", "Redone"),
              Action.FEATURE: QT_TRANSLATE_NOOP("Decisions", "Featured"),
              Action.UNFEATURE: QT_TRANSLATE_NOOP("Decisions", "Unfeatured")}
STANDING_VERBS = {Action.TRUST: QT_TRANSLATE_NOOP("Decisions", "Trust"), Action.BAN: QT_TRANSLATE_NOOP("Decisions", "Ban"),
                  Action.UNBAN: QT_TRANSLATE_NOOP("Decisions", "Unban"),
                  Action.UNTRUST: QT_TRANSLATE_NOOP("Decisions", "Untrust")}
STANDING_DONE = {Action.TRUST: QT_TRANSLATE_NOOP("Decisions", "Trusted"), Action.BAN: QT_TRANSLATE_NOOP("Decisions", "Banned"),
                 Action.UNBAN: QT_TRANSLATE_NOOP("Decisions", "Unbanned"),
                 Action.UNTRUST: QT_TRANSLATE_NOOP("Decisions", "No longer trusted")}

ANYWAY = {Action.APPROVE: QT_TRANSLATE_NOOP("Decisions", "Approve anyway"),
          Action.RESTORE: QT_TRANSLATE_NOOP("Decisions", "Restore anyway")}


def pending_left_words(hidden: rule_commenters.PendingHidden, author: str) -> str:
    """'Hidden: 4 comments from Rex; 3 left: being handled by ben. …' (the status bar's words)."""
    return translate("Decisions", "Hidden: {comments} from {author}; {count} left: being handled by {moderators}. "
                                  "Ctrl+Z undoes the rest.").format(
        comments=look.counted(len(hidden.changes.decided), "comment"), author=author, count=look.number(len(hidden.left)),
        moderators=", ".join(hidden.holders()))


def verb(action: Action) -> str:
    """'Approve', in the language in force (the undo step's name and the confirming button)."""
    return translate("Decisions", VERBS[action])
Say = Callable[[str, int], None]  # a sentence for the status bar, and for how many milliseconds


class Decisions:
    def __init__(self, parent: QWidget, writer: Writer, undo_stack: QUndoStack, moderator: Callable[[], str],
                 model_id: Callable[[], int | None], say: Say, refresh: Callable[[], None],
                 report_bug: Callable[[BaseException], None], staff_name: Callable[[], str] = lambda: ""):
        self._parent, self._writer, self._undo_stack = parent, writer, undo_stack
        self._staff_name = staff_name  # the name readers see on staff posts ("": the moderator's)
        self._moderator, self._model_id, self._say = moderator, model_id, say
        self._refresh, self._report_bug = refresh, report_bug
        self._in_flight: Counter[int] = Counter()  # comments with a decision of ours on its way

    # ---- one comment ---------------------------------------------------------------------------

    def decide(self, comment: CommentRow, action: Action, move_on: Callable[[], object] | None = None,
               deleted_by_author: bool = False) -> None:
        """Approve, hide (asking the reason) or restore the comment; `move_on` shows the next
        comment before the write starts (the write's thread would slow the GUI's reads).
        A comment its author deleted on the site is approved or restored only once the
        moderator says so again. The write is refused if someone else changed the comment
        since it was shown."""
        if action in STATUS_AFTER and comment.status == STATUS_AFTER[action]:  # nothing to write; still moves on
            self._say(translate("Decisions", "Nothing to change: the comment by {author} is {status} already.").format(
                author=comment.author, status=look.status_word(comment.status).lower()), 4000)
            if move_on is not None:
                move_on()
            return
        if deleted_by_author and action != Action.HIDE and not self._publish_again(action):
            return
        reason, note = None, ""
        if action == Action.HIDE:
            if (choice := HideDialog(self._parent).choose()) is None:
                return
            reason, note = choice.reason, choice.note
        if move_on is not None:
            move_on()
        moderator, cid = self._moderator(), comment.id
        # The version on screen, unless a write of ours on it is still on its way (it changes the version).
        seen = None if self._in_flight[cid] else {cid: comment.version}
        self._push(verb(action), lambda s: decisions.decide(s, [cid], action, moderator, reason, note, seen=seen),
                   in_flight=[cid], shared=True)

    def reply(self, comment: CommentRow) -> None:
        text = ReplyDialog(self._parent, comment.author, comment.body).text()
        if text:
            moderator, author = self._moderator(), self._staff_name() or None
            self._push(translate("Decisions", "Reply"), lambda s: decisions.reply(s, comment.id, text, moderator, author))

    def post_first_comment(self, article_id: int, text: str) -> None:
        moderator, author = self._moderator(), self._staff_name() or None
        self._push(translate("Decisions", "Post"), lambda s: decisions.post_first_comment(s, article_id, text, moderator, author))

    # ---- a commenter's standing (issue 14) ---------------------------------------------------------

    def set_standing(self, comment_id: int, author: str, action: Action, note: str = "") -> None:
        """Trust, ban, unban or untrust the author of this comment: a decision on it, one undo step."""
        moderator = self._moderator()
        self._push(translate("Decisions", "{verb} {author}").format(verb=translate("Decisions", STANDING_VERBS[action]),
                                                                    author=author),
                   lambda s: decisions.set_standing(s, comment_id, action, moderator, note))

    def hide_pending_of(self, site_id: int, author: str) -> None:
        """Their pending comments hidden as "banned commenter", a bulk step of its own (offered with a
        ban); those colleagues have open are left to them, and the status bar says so."""
        moderator, done = self._moderator(), list[rule_commenters.PendingHidden]()

        def hide(s: Session) -> Changes:  # who holds what is read in the write's own transaction
            done.append(rule_commenters.hide_pending(s, site_id, author, moderator))
            return done[-1].changes

        def then() -> None:
            if done and done[-1].left:
                self._say(pending_left_words(done[-1], author), 8000)

        self._push(translate("Decisions", "Hide pending from {author}").format(author=author), hide, then)

    # ---- many comments -------------------------------------------------------------------------

    def decide_many(self, comment_ids: list[int], action: Action, what: str, confirm: bool,
                    on_done: Callable[[], None] = lambda: None) -> bool:
        """Approve / hide / restore these comments as one undo step; `what` names them
        ("the 3 selected comments"). False when nothing was done (cancelled)."""
        reason, note = None, ""
        if action == Action.HIDE:  # the reason dialog asks the question too
            choice = HideDialog(self._parent, len(comment_ids), what, careful=confirm).choose()
            if choice is None:
                return False
            reason, note = choice.reason, choice.note
        elif confirm and not self._confirmed(translate("Decisions", "{verb} {what}?").format(verb=verb(action), what=what),
                                             action):
            return False
        moderator, left_out = self._moderator(), [0]

        def unclaimed_only(s: Session) -> Changes:  # what colleagues hold is theirs, read in the write's transaction
            kept, left_out[0] = claims.without_others_claims(s, comment_ids, moderator)
            return decisions.decide(s, kept, action, moderator, reason, note, Source.BULK)

        def then() -> None:
            on_done()
            if left_out[0]:
                self._say(translate("Decisions", "{comments} left out: other moderators are handling them. Ctrl+Z undoes "
                                                 "the rest.").format(comments=look.counted(left_out[0], "comment")), 8000)

        self._push(f"{verb(action)} {look.number(len(comment_ids))}", unclaimed_only, then)
        return True

    @staticmethod
    def needs_confirming(count: int, picked_by: str) -> bool:
        return bool(picked_by) or count > CONFIRM_FROM

    def _confirmed(self, question: str, action: Action) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, translate("Decisions", "Bulk action"), question,
                          QMessageBox.StandardButton.Cancel, self._parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the question may quote an author's name
        box.setInformativeText(translate("Decisions", "One Ctrl+Z undoes all of it."))
        go = box.addButton(verb(action), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter cancels: acting on many is a deliberate click
        box.setObjectName("BulkConfirm")
        box.exec()
        confirmed = box.clickedButton() is go
        box.deleteLater()
        return confirmed

    def _publish_again(self, action: Action) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, translate("Decisions", "Deleted by its author"),
                          translate("Decisions", "Its author deleted this comment on the site before it was imported."),
                          QMessageBox.StandardButton.Cancel, self._parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(translate("Decisions", "Approving it publishes it again under their name.")
                               if action == Action.APPROVE else
                               translate("Decisions", "Restoring it sends it back to review, from where it can be published "
                                                      "again."))
        anyway = translate("Decisions", ANYWAY[action]) if action in ANYWAY else verb(action)
        go = box.addButton(anyway, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("DeletedByAuthor")
        box.exec()
        confirmed = box.clickedButton() is go
        box.deleteLater()
        return confirmed

    # ---- the write, and what it says --------------------------------------------------------------

    def _push(self, text: str, operation: Operation, then: Callable[[], None] = lambda: None,
              in_flight: Sequence[int] = (), shared: bool = False) -> None:
        model_id = self._model_id()
        self._in_flight.update(in_flight)
        landed = [False]

        def land() -> None:  # the first run's answer, done or refused
            if not landed[0]:
                landed[0] = True
                self._in_flight.subtract(in_flight)

        def done(changes: Changes) -> None:
            land()
            self._tell(changes)
            then()

        def failed(error: BaseException) -> None:
            land()
            self.failed(error)

        def refused(error: BaseException) -> None:
            land()
            self.refused(error)

        self._undo_stack.push(DecisionCommand(text, operation, self._moderator(), self._writer,
                                              lambda s, changes: queries.with_rows(s, changes, model_id), done,
                                              failed, self._undo_stack, refused, shared))

    def _tell(self, changes: Changes) -> None:
        if not changes.decided:
            self._say(translate("Decisions", "Nothing to change: every one of them was so already."), 6000)
            return
        action = changes.decided[0].action
        if action in STANDING_DONE and len(changes.decided) == 1 and (row := changes.rows.get(changes.decided[0].comment_id)):
            self._say(translate("Decisions", "{done}: {author}. Ctrl+Z undoes it.").format(
                done=translate("Decisions", STANDING_DONE[Action(action)]), author=row.author), 6000)  # a person, not a comment
            return
        done = translate("Decisions", DONE_WORDS[action]) if action in DONE_WORDS else action
        again = translate("Decisions", "Ctrl+Shift+Z redoes it.") if changes.action == Action.UNDO else \
            translate("Decisions", "Ctrl+Z undoes it.")
        if len(changes.decided) == 1 and (row := changes.rows.get(changes.decided[0].comment_id)) is not None:
            self._say(translate("Decisions", "{done}: comment by {author}. {again}").format(done=done, author=row.author,
                                                                                           again=again), 6000)
        else:
            self._say(translate("Decisions", "{done}: {count} comments. {again}").format(
                done=done, count=look.number(len(changes.decided)), again=again), 6000)

    def failed(self, error: BaseException) -> None:
        """A write failed and nothing of it was stored; the undo stack no longer matches the
        database and is cleared."""
        self._undo_stack.clear()
        if tell_or_report(self._parent, translate("Decisions", "Not done"), error, self._report_bug):
            self._refresh()

    def refused(self, error: BaseException) -> None:
        """A decision refused (someone changed the comment since it was shown): nothing was
        written and the undo stack is as it was; the views show what is true now."""
        if tell_or_report(self._parent, translate("Decisions", "Not done"), error, self._report_bug):
            self._refresh()
