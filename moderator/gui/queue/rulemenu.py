"""The queue's Filter → Rule menu: the rules that found something, each with how many comments.

The counts are read on the window's reader each time the menu opens (a rule may have hit
since): counting every rule hit takes a while at a million comments, and the menu must open
at once. It opens with the counts read last time ("Counting…" the first time) and fills in
when the reader answers.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu

from moderator.gui.common import look
from moderator.gui.common.translation import translate
from moderator.gui.workers.latest import Latest
from moderator.gui.workers.writer import Reader
from moderator.reading import cardmarks

Counts = list[tuple[str, int]]  # (rule, comments it found something in), most first


class RuleMenu:
    def __init__(self, menu: QMenu, reader: Reader, chosen: Callable[[], str | None],
                 choose: Callable[[str], None]):
        self.menu, self._chosen, self._choose = menu, chosen, choose
        self.counts: Counts | None = None  # None: never counted yet
        self._shown: tuple[Counts | None, str | None] | None = None  # what the menu lists now
        self._answer = Latest(reader)
        menu.setToolTipsVisible(True)
        menu.aboutToShow.connect(self.opening)

    def opening(self) -> None:
        """Shown at once with what was counted last; counted again off the GUI thread."""
        self._fill()
        self._answer.ask(cardmarks.rules_that_hit, self._counted)

    def _counted(self, counts: Counts) -> None:
        self.counts = counts
        self._fill()

    def _fill(self) -> None:
        shown = (self.counts, self._chosen())
        if shown == self._shown:  # the same again: leave the menu as it is under the mouse
            return
        self._shown = shown
        self.menu.clear()
        if self.counts is None:
            self.menu.addAction(translate("QueueCommands", "Counting…")).setEnabled(False)
        elif not self.counts:
            self.menu.addAction(translate("QueueCommands", "No rule has found anything yet")).setEnabled(False)
        for key, count in self.counts or ():
            choice = self.menu.addAction(translate("QueueCommands", "{rule} ({count})").format(
                rule=cardmarks.rule_name(key), count=look.number(count)))
            choice.setCheckable(True)
            choice.setChecked(shown[1] == key)
            choice.triggered.connect(lambda _checked=False, key=key: self._choose(key))
