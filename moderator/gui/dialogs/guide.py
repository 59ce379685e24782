"""The user guide inside the app (Help → Guide, F1): our own rich text from
resources/guide/guide.html (guide.<language>.html in another language: a whole text is
translated as a page, not sentence by sentence in the catalogue), with the parts that change filled in as they are now: the
priority thresholds in force and every key as the moderator set it. A window beside the
main one, not a modal dialog: the moderator reads it while trying the keys."""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from string import Template

from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from moderator.config import RESOURCES_DIR
from moderator.gui.actions import ActionId, grouped, plain_name
from moderator.gui.common import look, translation
from moderator.gui.common.translation import translate
from moderator.gui.common.wording import how_the_queue_works
from moderator.gui.shortcuts import keys_text, on_most_keyboards

GUIDE_FILE = RESOURCES_DIR / "guide" / "guide.html"


def guide_file(language: str) -> Path:
    """The guide in `language` when there is one, else the English."""
    translated = GUIDE_FILE.with_name(f"guide.{language}.html")
    return translated if translated.is_file() else GUIDE_FILE


def keys_table(actions: Mapping[ActionId, QAction], extra: tuple[tuple[str, str], ...] = ()) -> str:
    """Every action with keys, by group, as the `?` sheet lists them; `extra`: (keys, meaning)."""
    groups = []
    for group, action_ids in grouped(action for action in actions if actions[action].shortcuts()):
        rows = [_row(keys_text([key for key in actions[action_id].shortcuts() if on_most_keyboards(key)]),
                     plain_name(actions[action_id].text())) for action_id in action_ids]
        groups.append((translate("actions", group), rows))
    if extra:
        groups.append((translate("GuideWindow", "In lists and dialogs"), [_row(keys, meaning) for keys, meaning in extra]))
    return "".join(f'<h3>{html.escape(group)}</h3><table width="100%" cellspacing="0" cellpadding="2">{"".join(rows)}</table>'
                   for group, rows in groups)


def _row(keys: str, meaning: str) -> str:
    # The keys in bold, not in a fixed-width font: its baseline sits lower than the meaning's
    return f'<tr><td width="30%"><b>{html.escape(keys)}</b></td><td>{html.escape(meaning)}</td></tr>'


def guide_html(actions: Mapping[ActionId, QAction], medium: float, high: float,
               extra: tuple[tuple[str, str], ...] = ()) -> str:
    return Template(guide_file(translation.in_force()).read_text(encoding="utf-8")).substitute(
        priority=how_the_queue_works(medium, high), keys=keys_table(actions, extra))


class GuideWindow(QDialog):
    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.setObjectName("GuideWindow")
        self.setWindowTitle(translate("GuideWindow", "Guide"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideText")
        self.browser.setOpenLinks(True)  # the guide's own #anchors; it links nowhere else
        self.browser.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        QShortcut(QKeySequence("F1"), self, self.close)  # F1 again puts it away
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        width = self.fontMetrics().averageCharWidth() * 96
        self.resize(width, min(760, int(width * 1.1)))

    def show_text(self, text: str) -> None:
        """Show (or bring forward) the guide with this text, keeping the place read."""
        position = self.browser.verticalScrollBar().value()
        self.browser.document().setDefaultStyleSheet(f"a {{ color: {self.link_colour().name()}; }}")
        self.browser.setHtml(text)
        self.browser.verticalScrollBar().setValue(position)
        self.show()
        self.raise_()
        self.activateWindow()

    def link_colour(self) -> QColor:
        """The palette's link colour, made readable on the page (a palette without one
        links in dark blue, unreadable on a dark desktop)."""
        palette = self.browser.palette()
        return look.readable(palette.color(QPalette.ColorRole.Link), palette.color(QPalette.ColorRole.Base))
