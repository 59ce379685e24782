"""The guide inside the app (issue 18, point 11): Help → Guide and F1 open our own rich
text, with the thresholds and the keys in force now."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from moderator.gui import settings as S
from moderator.gui.actions import ActionId
from moderator.gui.shortcuts import to_stored
from tests.gui.helpers import press


def guide_text(window) -> str:
    return window.guide_window.browser.toPlainText()


def test_f1_opens_the_guide_with_the_day_priority_flagged_and_keys(qtbot, window):
    press(qtbot, window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.guide_window is not None and window.guide_window.isVisible())
    text = guide_text(window)
    for heading in ("Your day", "Priority and Flagged", "Many comments at once", "Undo and the audit log", "Every key"):
        assert heading in text
    assert "High from 0.80, Medium from 0.50" in text
    assert "Approve" in text and "Next comment" in text
    assert "$" not in text  # every part filled in
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert help_menu.actions()[0] is window.actions_by_id[ActionId.GUIDE]


def test_the_guide_follows_preferences(qtbot, window):
    settings = window.context.settings
    settings.set(S.PRIORITY_MEDIUM, 0.4)
    settings.set(S.SHORTCUTS, to_stored({ActionId.APPROVE: (QKeySequence("Y"),)}))
    from moderator.gui.actions import apply_shortcuts

    apply_shortcuts(window.actions_by_id, settings)
    window.show_guide()
    text = guide_text(window)
    assert "Medium from 0.40" in text
    lines = [line.strip() for line in text.splitlines()]
    assert lines[lines.index("Approve") - 1] == "y"  # the keys' cell, then the action's
    window.show_guide()  # a second F1 brings the same window forward
    assert len(window.findChildren(type(window.guide_window))) == 1


def test_links_go_to_the_guides_own_sections(qtbot, window):
    window.show_guide()
    browser = window.guide_window.browser
    assert not browser.openExternalLinks()
    html = browser.toHtml()
    for anchor in ("day", "priority", "bulk", "files", "undo", "keys", "names"):
        assert f'href="#{anchor}"' in html and f'name="{anchor}"' in html


def test_links_read_on_a_dark_desktop_even_with_no_link_colour(qtbot, window):
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from moderator.gui.common import look
    from tests.gui.helpers import dark_palette

    dark = dark_palette()
    dark.setColor(QPalette.ColorRole.Link, QColor("#0000ff"))  # Qt's default: a theme that sets none
    before = QApplication.palette()
    QApplication.setPalette(dark)
    try:
        window.show_guide()
        base = window.guide_window.browser.palette().color(QPalette.ColorRole.Base)
        assert look.contrast(window.guide_window.link_colour(), base) >= 4.5
        assert window.guide_window.link_colour().name() in window.guide_window.browser.document().defaultStyleSheet()
    finally:
        QApplication.setPalette(before)
