"""What the commenter keys do: show everything the current comment's author wrote (c),
and hide all their pending comments as one bulk action; the panel's standing actions
(trust, ban, unban, untrust: decisions, undone with Ctrl+Z) and their notes (issue 14)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QTabWidget, QWidget

from moderator.gui.commenter.panel import CommenterPanel
from moderator.gui.common import look
from moderator.gui.common.reading import ActiveModel, Read
from moderator.gui.common.translation import translate
from moderator.gui.operations.decisions import Decisions, Say
from moderator.gui.workers.writer import Writer
from moderator.reading import commenters
from moderator.reading.rows import CommentRow
from moderator.rules import commenters as rule_commenters
from moderator.rules.commenters import Person
from moderator.vocabulary import Action


class CommenterCommands:
    def __init__(self, panel: CommenterPanel, side_tabs: QTabWidget, read: Read, active: ActiveModel,
                 decisions: Decisions, current: Callable[[], CommentRow | None], say: Say, writer: Writer,
                 current_quietly: Callable[[], CommentRow | None] = lambda: None):
        self._panel, self._side_tabs, self._read, self._active = panel, side_tabs, read, active
        self._writer, self._current_quietly = writer, current_quietly  # the open comment, without a word when none
        self._decisions, self._current, self._say = decisions, current, say
        panel.hide_all_pending.connect(self.hide_all_pending_from)
        panel.standing_box.act.connect(self.change_standing)
        panel.standing_box.edit_notes.connect(self.edit_notes)

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
        what = translate("CommenterCommands", "all {count} pending comments from {author}").format(count=look.number(len(ids)),
                                                                                                  author=author)
        self._decisions.decide_many(ids, Action.HIDE, what, confirm=True)

    # ---- standing and notes (issue 14) ----------------------------------------------------------

    def change_standing(self, action: Action) -> None:
        """The panel's Trust / Ban… / Unban / Untrust: one decision; a ban asks first, offering
        to hide their pending comments too (a step of its own)."""
        if (person := self._panel.person) is None:
            return
        also_hide = False
        if action == Action.BAN:
            answer = ask_ban(self._panel, person.name, self._panel.pending_count())
            if answer is None:
                return
            also_hide = answer
        self._decisions.set_standing(self._acted_from(person), person.name, action)
        if also_hide:
            self._decisions.hide_pending_of(person.site_id, person.name)

    def _acted_from(self, person: Person) -> int:
        """The comment the decision is recorded on: the one open, when it is theirs, else their latest."""
        row = self._current_quietly()
        return row.id if row is not None and row.author == person.name else person.latest_comment_id

    def edit_notes(self) -> None:
        if (person := self._panel.person) is None:
            return
        dialog = QInputDialog(self._panel)
        dialog.setObjectName("CommenterNotes")
        dialog.setWindowTitle(translate("StandingBox", "Notes on {name}").format(name=person.name))
        dialog.setLabelText(translate("StandingBox", "Shared with everyone on this database:"))
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setTextValue(person.notes)
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            dialog.deleteLater()
            return
        notes, site_id, name = dialog.textValue().strip(), person.site_id, person.name
        dialog.deleteLater()
        self._writer.submit(lambda s: rule_commenters.set_notes(s, site_id, name, notes),
                            lambda _none: self._notes_saved(name))

    def _notes_saved(self, name: str) -> None:
        self._panel.refresh()
        self._say(translate("StandingBox", "Notes on {name} saved.").format(name=name), 4000)


def ask_ban(parent: QWidget, name: str, pending: int) -> bool | None:
    """Ban `name`? None: cancelled (the default button); else whether to hide their pending comments too."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("StandingBox", "Ban commenter"),
                      translate("StandingBox", "Ban {name}? Their new comments will arrive hidden.").format(name=name),
                      QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("BanCommenter")
    box.setTextFormat(Qt.TextFormat.PlainText)  # a name is data
    box.setInformativeText(translate("StandingBox", "Ctrl+Z undoes the ban (and, apart, the hiding)."))
    hide = (box.addButton(translate("StandingBox", "Ban and hide their {count} pending").format(count=pending),
                          QMessageBox.ButtonRole.AcceptRole) if pending else None)
    ban = box.addButton(translate("StandingBox", "Ban only") if pending else translate("StandingBox", "Ban"),
                        QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter alone never bans anyone
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is hide and hide is not None:
        return True
    return False if clicked is ban else None
