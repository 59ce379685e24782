"""The window in German (issue 18, "the app in the moderator's own language"): with German
chosen in Preferences, the main window, its menus, the queue, the comment panel and the
first day's dialogs come up in German, from the catalogue compiled out of
resources/translations/moderator_de.ts exactly as `make` compiles it; every menu, action,
tab and queue label shown is a translation the catalogue holds. English comes back after."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QListWidget

from moderator.gui import settings as S
from moderator.gui.actions import SPECS
from moderator.gui.common import look, translation
from moderator.gui.dialogs.firstrun import FirstRunDialog
from moderator.gui.dialogs.forms import REASON_WORDS, HideDialog, Preferences, PreferencesDialog
from moderator.gui.settings import Settings
from moderator.vocabulary import HIDE_REASONS
from tests.gui.helpers import press

SOURCE = translation.CATALOGUES / "moderator_de.ts"


def compiled_catalogue() -> Path:
    """moderator_de.qm beside its source, compiled with the environment's pyside6-lrelease
    when missing or older (what `make run` / `make test` do)."""
    built = translation.catalogue("de")
    if not built.exists() or built.stat().st_mtime < SOURCE.stat().st_mtime:
        lrelease = Path(sys.executable).with_name("pyside6-lrelease")
        subprocess.run([str(lrelease if lrelease.exists() else shutil.which("pyside6-lrelease")), "-silent", str(SOURCE),
                        "-qm", str(built)], check=True)
    return built


def german_texts() -> set[str]:
    return {message.findtext("translation") or "" for message in ET.parse(SOURCE).getroot().iter("message")}


@pytest.fixture
def german_window(open_window, paths):
    compiled_catalogue()
    settings = Settings(paths.settings_file)
    settings.set(S.LANGUAGE, "de")
    settings.sync()
    try:
        yield open_window()
    finally:
        translation.install(translation.SOURCE_LANGUAGE)  # the next tests' windows are in English


def test_the_window_comes_up_in_german(german_window, qtbot, tmp_path):
    window = german_window
    window.resize(1400, 860)
    press(qtbot, window, Qt.Key.Key_J)  # a comment in the panel
    window.grab().save(str(tmp_path / "german.png"))
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["Da&tei", "&Bearbeiten", "&Moderieren", "&Warteschlange", "&Gehe zu", "Webs&ite", "&Hilfe"]
    assert [window.tabs.tabText(i) for i in range(2)][0] == "Artikel"
    assert window.tabs.tabText(1).startswith("Warteschlange")
    assert [window.side_tabs.tabText(i) for i in range(2)] == ["Kommentar", "Kommentator"]
    kinds = window.queue_pane.kinds
    assert [kinds.tabText(i) for i in range(kinds.count())] == ["Offen", "Markiert", "Ausgeblendet", "Freigegeben", "Alle"]
    assert window.queue_pane.search.placeholderText().startswith("Kommentare und Autoren durchsuchen")
    assert window.panel.placeholder.text() == "Wählen Sie einen Kommentar, um ihn ganz zu lesen und zu entscheiden."
    assert look.status_word("pending") == "Offen" and look.counted(2, "comment") == "2 Kommentare"


def test_every_menu_action_and_tab_shown_is_in_the_catalogue(german_window):
    window = german_window
    known = german_texts()
    shown = [action.text() for action in window.menuBar().actions()]
    for menu in (action.menu() for action in window.menuBar().actions()):
        shown += [action.text() for action in menu.actions() if not action.isSeparator()]
    shown += [window.side_tabs.tabText(i) for i in range(window.side_tabs.count())]
    kinds = window.queue_pane.kinds
    shown += [kinds.tabText(i) for i in range(kinds.count())]
    shown += [window.queue_pane.sort.itemText(i) for i in range(window.queue_pane.sort.count())]
    missing = [text for text in shown if text not in known]
    assert not missing, f"shown but not in {SOURCE.name}: {missing}"
    assert len(shown) > len(SPECS) // 2


def test_the_first_days_dialogs_are_in_german(german_window, qtbot):
    window = german_window
    first_run = FirstRunDialog(window, "ana", 0.5, 0.8)
    qtbot.addWidget(first_run)
    assert first_run.windowTitle() == "Willkommen bei Comment Moderator"
    assert first_run.start.text() == "Loslegen"
    assert "Markiert" in first_run.findChild(QLabel, "aboutQueue").text()
    hide = HideDialog(window)
    reasons = hide.dialog.findChild(QListWidget, "reasonList")
    assert reasons.item(0).text() == "1  Beleidigung oder Belästigung"
    assert hide.dialog.windowTitle() == "Kommentar ausblenden"  # the Designer form, translated as it loads
    hide.dialog.deleteLater()
    preferences = PreferencesDialog(window, Preferences("ana", 0.5, 0.8, language="de"), "/data")
    assert preferences.dialog.windowTitle() == "Einstellungen"
    combo = preferences.dialog.findChild(QComboBox, "languageCombo")
    assert combo.currentData() == "de" and combo.currentText() == "Deutsch"
    preferences.dialog.deleteLater()


def test_the_reasons_marked_for_translation_are_the_cores():
    assert list(REASON_WORDS) == list(HIDE_REASONS.values())


def test_english_is_back_for_the_next_window(window, qtbot):
    press(qtbot, window, Qt.Key.Key_1)
    assert window.menuBar().actions()[0].text() == "&File"
    assert QApplication.translate("actions", "&File") == "&File"
