"""The open article's moderation, above its thread: "Pre-moderated (site default)",
"Post-moderated (this article)"…, and a menu to override it for this article (issue 14).

A setting, not a decision: it changes what the rules do to comments that arrive from now on
(rules/apply.py), not the comments already there, and it is not on the undo stack. Greyed
for a user who may not change the rules (storage/roles.py: on a team database, a lead's).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QSizePolicy, QToolButton, QWidget

from moderator.gui.common.reading import Read
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.reading.premoderation import Premoderation, of_article
from moderator.rules.store import set_premoderation

SETTINGS = {  # the setting set_premoderation takes: the menu's words
    "pre": QT_TRANSLATE_NOOP("Premoderation", "Pre-moderated: nothing is published until approved"),
    "post": QT_TRANSLATE_NOOP("Premoderation", "Post-moderated: published unless hidden"),
    "site": QT_TRANSLATE_NOOP("Premoderation", "As the site says"),
}
MINIMUM_WIDTH = 40  # pixels: a narrow column cuts the words (the tooltip has them) rather than growing
Submit = Callable[..., object]  # Writer.submit(operation, on_done)


def describe(mode: Premoderation) -> str:
    if mode.own is None:
        return (translate("Premoderation", "Pre-moderated (site default)") if mode.site
                else translate("Premoderation", "Post-moderated (site default)"))
    return (translate("Premoderation", "Pre-moderated (this article)") if mode.own
            else translate("Premoderation", "Post-moderated (this article)"))


def setting_of(mode: Premoderation) -> str:
    return "site" if mode.own is None else "pre" if mode.own else "post"


class PremoderationBar(QWidget):
    def __init__(self, read: Read, parent: QWidget | None = None):
        super().__init__(parent)
        self._read = read
        self.submit: Submit | None = None  # the window's writer; until then the menu is greyed
        self.article_id: int | None = None
        self.mode: Premoderation | None = None
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setMinimumWidth(MINIMUM_WIDTH)  # its whole words when there is room; never widens the thread's column
        self.label.setObjectName("premoderationLabel")
        self.button = QToolButton(self)
        self.button.setText(translate("Premoderation", "Change"))
        self.button.setAccessibleName(translate("Premoderation", "Change this article's moderation"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.button)
        self.choices = self._choices()
        self.button.setMenu(self.menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _choices(self) -> dict[str, QAction]:
        group = QActionGroup(self)
        choices = {}
        for setting, words in SETTINGS.items():
            action = self.menu.addAction(translate("Premoderation", words))
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, setting=setting: self.choose(setting))
            choices[setting] = action
        return choices

    def show_article(self, article_id: int | None) -> None:
        self.article_id = article_id
        self.mode = self._read(lambda s: of_article(s, article_id)) if article_id is not None else None
        self.setVisible(self.mode is not None)
        if self.mode is None:
            return
        self.label.setText(describe(self.mode))
        self.label.setToolTip(self.label.text())  # all of it, when the column cuts it short
        site_words = (translate("Premoderation", "pre-moderated") if self.mode.site
                      else translate("Premoderation", "post-moderated"))
        self.choices["site"].setText(translate("Premoderation", "As the site says ({setting})").format(setting=site_words))
        self.choices[setting_of(self.mode)].setChecked(True)
        lead = self.mode.may_change and self.submit is not None
        self.button.setEnabled(lead)
        self.button.setToolTip(translate("Premoderation", "Pre- or post-moderate this article's new comments") if lead
                               else translate("Premoderation", "Only a lead may change this (the database's grants)"))

    def choose(self, setting: str) -> None:
        """This article pre-, post- or as its site says; shown again once written."""
        if self.article_id is None or self.submit is None:
            return
        article_id = self.article_id
        self.submit(lambda s: set_premoderation(s, setting, article_id=article_id),
                    lambda _said: self.show_article(article_id) if self.article_id == article_id else None)
