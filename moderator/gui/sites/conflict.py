"""A comment's conflict, shown above it: the site's state and ours, and the choice
(keep mine: sent again; take the site's: a decision here, nothing sent)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from moderator.changes import Changes
from moderator.gui.common.translation import translate
from moderator.gui.workers.writer import Writer
from moderator.moderation import conflicts
from moderator.moderation.conflicts import Conflict


class ConflictBar(QFrame):
    """A framed note at the top of the comment panel: what happened, both states, two buttons
    under the text (the panel is narrow: side by side, the text was squeezed to a column)."""

    def __init__(self, read: Callable, writer: Writer, moderator: Callable[[], str], parent: QWidget | None = None):
        super().__init__(parent)
        self._read, self._writer, self._moderator = read, writer, moderator
        self.conflict: Conflict | None = None
        self.comment_id: int | None = None
        self.setObjectName("conflictBar")
        self.setAccessibleName(translate("ConflictBar", "Conflict with the site"))
        self.title = QLabel(translate("ConflictBar", "Changed on the site: your decision is held"), self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # every label of the comment panel is (tests/gui/test_window.py)
        self.title.setStyleSheet("font-weight: bold;")
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.keep_button = QPushButton(translate("ConflictBar", "Keep &mine"), self)
        self.keep_button.setToolTip(translate("ConflictBar", "Send your decision to the site again: it replaces the site's "
                                                             "state"))
        self.take_button = QPushButton(translate("ConflictBar", "Take the &site's"), self)
        self.take_button.setToolTip(translate("ConflictBar", "Give the comment the site's state here too (recorded as a "
                                                             "decision; nothing is sent)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        # A warning's amber, light enough for the default dark text.
        self.setStyleSheet("#conflictBar { background: #fff4ce; border: 1px solid #d9a400; border-radius: 3px; }"
                           "#conflictBar QLabel { color: #1a1a1a; }")
        self.keep_button.clicked.connect(self.keep_mine)
        self.take_button.clicked.connect(self.take_site)
        self.hide()

    def load(self, comment_id: int | None) -> None:
        self.comment_id = comment_id
        self._show(None if comment_id is None else self._read(lambda s: conflicts.conflict_of(s, comment_id)))

    def _show(self, conflict: Conflict | None) -> None:
        self.conflict = conflict
        if conflict is None:
            self.hide()
            return
        self.label.setText(translate("ConflictBar", "{conflict} Which stays?").format(conflict=conflict.describe()))
        self.show()

    def to_read(self, changes: Changes) -> Callable[[Session], tuple[int, Conflict | None]] | None:
        """Its comment changed: read its conflict again (workers/changefeed.py says where)."""
        comment_id = self.comment_id
        if comment_id is None or not changes.touches(comment_id):
            return None
        return lambda s: (comment_id, conflicts.conflict_of(s, comment_id))

    def on_read(self, _changes: Changes, answer: tuple[int, Conflict | None] | None) -> None:
        if answer is not None and answer[0] == self.comment_id:
            self._show(answer[1])

    def keep_mine(self) -> None:
        if self.conflict is not None:
            outbox_id = self.conflict.outbox_id
            self._writer.submit(lambda s: conflicts.keep_mine(s, outbox_id))

    def take_site(self) -> None:
        if self.conflict is not None:
            outbox_id, moderator = self.conflict.outbox_id, self._moderator()
            self._writer.submit(lambda s: conflicts.take_site(s, outbox_id, moderator))
