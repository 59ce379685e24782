"""`w` and the Why section wired to the explainer: explain the comment shown, follow the
moderator from comment to comment (cancelling what is under way, showing what is kept)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from moderator.gui.comment.panel import CommentPanel
from moderator.gui.comment.why import WhySection
from moderator.gui.common.reading import ActiveModel
from moderator.gui.workers.explaining import Explainer
from moderator.reading.rows import CommentRow
from moderator.scoring.explain import Explanation


class WhyCommands(QObject):
    def __init__(self, panel: CommentPanel, explainer: Explainer, active: ActiveModel, parent: QObject | None = None):
        super().__init__(parent)
        self.panel, self.explainer, self._active = panel, explainer, active
        self.section = WhySection(panel)
        panel.add_section(self.section)
        self.section.follow(None)
        self.section.asked.connect(self.explain_current)
        self.section.cancel_asked.connect(self.cancel)
        explainer.explained.connect(self._explained)
        explainer.progress.connect(self._progress)
        explainer.failed.connect(self._failed)

    def explain_current(self) -> bool:
        """`w`: explain the comment shown; False when there is none."""
        row = self.panel.row
        if row is None:
            return False
        self.section.follow(row)
        self.section.show_running()
        self.explainer.request(row.id, row.body)
        self.panel.ensureWidgetVisible(self.section)
        return True

    def follow(self, row: CommentRow | None) -> None:
        """Another comment is shown: drop what is under way, show a kept explanation if any."""
        if row is not None and row.id == self.section.comment_id:
            return
        self.section.follow(row)
        if row is None:
            self.explainer.cancel()
        else:
            self.explainer.request(row.id, row.body, compute=False)

    def cancel(self) -> None:
        self.explainer.cancel()
        self.section.show_waiting()

    def _shown(self, comment_id: int) -> CommentRow | None:
        row = self.panel.row
        return row if row is not None and row.id == comment_id else None

    def _explained(self, comment_id: int, found: Explanation | None) -> None:
        if (row := self._shown(comment_id)) is None:
            return
        if found is None:
            self.section.show_waiting()
        else:
            self.section.show_explanation(row.body, found)

    def _progress(self, comment_id: int, done: int, total: int) -> None:
        if self._shown(comment_id) is not None:
            self.section.show_running(done, total)

    def _failed(self, comment_id: int, sentence: str) -> None:
        if self._shown(comment_id) is not None:
            self.section.show_failed(sentence)
