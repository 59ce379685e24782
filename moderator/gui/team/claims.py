"""Claims in the window (moderation/claims.py): the comment this moderator has open is
claimed once the keys pause, renewed while it stays open, released when they move to no
comment or close the window. A comment another moderator holds says so above its history
("Being handled by ana"), `j` in the queue passes over it, and acting on it asks first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.team.watch import TeamWatch
from moderator.gui.workers.writer import Writer
from moderator.moderation import claims
from moderator.reading.rows import CommentRow
from moderator.vocabulary import Action

CLAIM_AFTER_MS = 150  # moving through the queue, the comment is claimed once the keys pause this long
ANYWAY = {Action.APPROVE: (QT_TRANSLATE_NOOP("Claims", "Approve it anyway?"), QT_TRANSLATE_NOOP("Claims", "Approve anyway")),
          Action.HIDE: (QT_TRANSLATE_NOOP("Claims", "Hide it anyway?"), QT_TRANSLATE_NOOP("Claims", "Hide anyway")),
          Action.RESTORE: (QT_TRANSLATE_NOOP("Claims", "Restore it anyway?"), QT_TRANSLATE_NOOP("Claims", "Restore anyway"))}


class ClaimsInWindow(QObject):
    claimed = Signal(object)  # a claim of ours landed: None (ours now) or who holds the comment

    def __init__(self, writer: Writer, watch: TeamWatch, moderator: Callable[[], str], parent: QWidget):
        super().__init__(parent)
        self._writer, self._watch, self._moderator, self._parent = writer, watch, moderator, parent
        self.comment_id: int | None = None  # the comment open here
        self._closed = False
        self.bar = QLabel(parent)
        self.bar.setObjectName("claimBar")
        self.bar.setTextFormat(Qt.TextFormat.PlainText)  # a moderator's name is text
        self.bar.setWordWrap(True)
        self.bar.setStyleSheet("QLabel { background: #fff3cd; color: #664d03; padding: 4px; border-radius: 3px; }")
        self.bar.hide()
        self._pause = QTimer(self, singleShot=True, interval=CLAIM_AFTER_MS)
        self._pause.timeout.connect(self._claim)
        self._renewal = QTimer(self, interval=claims.RENEW_SECONDS * 1000)
        self._renewal.timeout.connect(self._renew)
        watch.claims_changed.connect(self._show_holder)

    def follow(self, comment_id: int | None) -> None:
        """The moderator moved to this comment (None: to none)."""
        if self._closed:  # the window is closing: its claim is already being released
            return
        self.comment_id = comment_id
        self._show_holder()
        self._pause.start()

    def may_act_on(self, row: CommentRow, action: Action) -> bool:
        """True unless another moderator holds the comment and this one thinks better of it."""
        holder = self._watch.holder(row.id, self._moderator())
        if holder is None or action not in ANYWAY:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, translate("Claims", "Being handled"),
                          translate("Claims", "{moderator} is handling this comment.").format(moderator=holder),
                          QMessageBox.StandardButton.Cancel, self._parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        question, button = ANYWAY[action]
        box.setInformativeText(translate("Claims", question))
        go = box.addButton(translate("Claims", button), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter leaves it to them
        box.setObjectName("ClaimedByOther")
        box.exec()
        confirmed = box.clickedButton() is go
        box.deleteLater()
        return confirmed

    def _claim(self) -> None:
        cid, me = self.comment_id, self._moderator()
        if cid is None:
            self._renewal.stop()
            self._writer.submit(lambda s: claims.release(s, me), lambda _count: self.claimed.emit(None), shared=True)
            return
        self._renewal.start()
        # shared: a claim is one statement that two moderators cannot both win (moderation/claims.py)
        self._writer.submit(lambda s: claims.claim(s, cid, me), lambda holder: self._claimed(cid, holder), shared=True)

    def _claimed(self, comment_id: int, holder: str | None) -> None:
        if holder is not None:  # someone was first: the board may not know it yet
            self._watch.board[comment_id] = holder
        elif self._watch.board.get(comment_id) not in (None, self._moderator()):
            self._watch.board[comment_id] = self._moderator()  # theirs ran out: ours now
        self._show_holder()
        self.claimed.emit(holder)

    def _renew(self) -> None:
        cid, me = self.comment_id, self._moderator()
        if cid is not None:
            self._writer.submit(lambda s: claims.renew(s, cid, me) or claims.claim(s, cid, me) is None, shared=True)

    def _show_holder(self) -> None:
        holder = self._watch.holder(self.comment_id, self._moderator())
        self.bar.setText(translate("Claims", "Being handled by {moderator}. j passes over it; acting on it asks first.").format(
            moderator=holder) if holder else "")
        self.bar.setVisible(holder is not None)

    def close(self) -> None:
        """The window closes: our claim goes (the writer finishes it before it closes)."""
        self._closed = True
        self._pause.stop()
        self._renewal.stop()
        if not self._writer.closed:  # closed first (as tests do): the claim runs out by itself
            me = self._moderator()
            self._writer.submit(lambda s: claims.release(s, me), shared=True)
