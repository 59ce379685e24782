"""What the commenter keys do: show everything the current comment's author wrote (c),
and hide all their pending comments as one bulk action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget

from moderator.gui.commenter.panel import CommenterPanel
from moderator.gui.common.reading import ActiveModel, Read
from moderator.gui.common.translation import translate
from moderator.gui.operations.decisions import Decisions, Say
from moderator.reading import commenters
from moderator.reading.rows import CommentRow
from moderator.vocabulary import Action


class CommenterCommands:
    def __init__(self, panel: CommenterPanel, side_tabs: QTabWidget, read: Read, active: ActiveModel,
                 decisions: Decisions, current: Callable[[], CommentRow | None], say: Say):
        self._panel, self._side_tabs, self._read, self._active = panel, side_tabs, read, active
        self._decisions, self._current, self._say = decisions, current, say
        panel.hide_all_pending.connect(self.hide_all_pending_from)

    def show(self) -> None:
        """Everything the current comment's author wrote, with counts (c)."""
        if (row := self._current()) is None:
            return
        site_id, author = self._read(lambda s: commenters.of_comment(s, row.id))
        self._panel.show_commenter(site_id, author, self._active.model_id)
        self._side_tabs.setCurrentWidget(self._panel)
        self._panel.comments_view.setFocus()

    def hide_all_from_current(self) -> None:
        self.show()
        if self._panel.summary is not None:
            self._panel.hide_all_button.click()  # does nothing when none are pending

    def hide_all_pending_from(self, author: str, site_id: int | None, _count: int) -> None:
        ids = self._read(lambda s: commenters.pending_ids_of(s, author, site_id))  # as they are now, not as counted
        if not ids:
            self._say(translate("CommenterCommands", "No pending comments from {author}.").format(author=author), 4000)
            self._panel.refresh()
            return
        what = translate("CommenterCommands", "all {count} pending comments from {author}").format(count=f"{len(ids):,}",
                                                                                                  author=author)
        self._decisions.decide_many(ids, Action.HIDE, what, confirm=True)
