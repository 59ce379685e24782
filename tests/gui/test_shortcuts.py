"""Customisable shortcuts: the rules, the stored overrides, the Keyboard tab of Preferences driven
from the keyboard, and a moderator's own key deciding a comment in the real window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QKeySequenceEdit, QLabel, QPushButton, QTreeWidget

from moderator.gui import settings as S
from moderator.gui.actions import SPECS, ActionId, action_names, current_keys, default_keys, grouped
from moderator.gui.dialogs.forms import Preferences, PreferencesDialog
from moderator.gui.settings import Settings
from moderator.gui.shortcuts import from_stored, menu_keys, refusal, resolve, to_stored
from moderator.vocabulary import Status
from tests.gui.helpers import activate, answer_modal, db_comment, decisions, press, wait_writes

A = ActionId
NO_MOD, ALT = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.AltModifier


def K(text: str) -> QKeySequence:
    return QKeySequence(text)


@pytest.fixture
def keys(qapp):
    return resolve(default_keys(), {})


# ---- the rules -----------------------------------------------------------------------------------


def test_a_key_another_action_has_is_refused_naming_it(keys):
    names = action_names()
    assert refusal(K("A"), A.HIDE, keys, names) == "a is already Approve. Choose another key or change Approve first."
    assert refusal(K("Ctrl+Z"), A.REPLY, keys, names) == "Ctrl+Z is already Undo. Choose another key or change Undo first."
    assert refusal(K("A"), A.APPROVE, keys, names) is None  # its own key
    assert refusal(K("Y"), A.APPROVE, keys, names) is None
    assert refusal(QKeySequence(), A.APPROVE, keys, names) is None  # no key at all is allowed


def test_keys_that_break_typing_or_dialogs_are_refused(keys):
    names = action_names()
    assert refusal(K("Tab"), A.APPROVE, keys, names) == (
        "Tab moves to the next field, so it cannot be a shortcut. Choose another key.")
    assert refusal(K("Return"), A.APPROVE, keys, names).startswith("Return confirms dialogs")
    assert refusal(K("Space"), A.NEXT, keys, names).startswith("Space presses the focused button")
    assert refusal(K("Down"), A.NEXT, keys, names).startswith("Down moves through lists and text")
    assert refusal(K("Ctrl+V"), A.REPLY, keys, names).startswith("Ctrl+V pastes text")
    reserved = menu_keys(["&File", "&Moderate"])
    assert refusal(K("Alt+M"), A.APPROVE, keys, names, reserved) == \
        "Alt+M opens the Moderate menu, so it cannot be a shortcut. Choose another key."
    assert refusal(K("Alt+Y"), A.APPROVE, keys, names, reserved) is None


def test_every_default_key_passes_the_rules(keys):
    names = action_names()
    refused = {(a.name, k.toString()): refusal(k, a, keys, names) for a, held in keys.items() for k in held}
    assert {where: why for where, why in refused.items() if why} == {}
    assert {spec.group for spec in SPECS.values()} <= {group for group, _ in grouped(SPECS)}  # each group listed


def test_a_key_wanted_twice_goes_to_one_action_the_moderators_choice_first(qapp):
    defaults = {A.APPROVE: (K("A"),), A.HIDE: (K("H"), K("A")), A.NEXT: (K("J"),)}
    assert resolve(defaults, {}) == {A.APPROVE: (K("A"),), A.HIDE: (K("H"),), A.NEXT: (K("J"),)}  # a first key wins
    assert resolve(defaults, {A.NEXT: (K("A"),)}) == {A.APPROVE: (), A.HIDE: (K("H"),), A.NEXT: (K("A"),)}


# ---- stored with the settings ------------------------------------------------------------------------


def test_overrides_are_stored_and_read_back_from_the_settings_file(qapp, tmp_path):
    path = tmp_path / "settings.ini"
    overrides = {A.APPROVE: (K("Y"),), A.REPLY: (), A.PREFERENCES: (K("Ctrl+,"), K("F9")), A.REDO: (K("Ctrl+Shift+Z"),)}
    settings = Settings(path)
    settings.set(S.SHORTCUTS, to_stored(overrides))
    settings.sync()
    text = path.read_text()
    assert "[shortcuts]" in text and "version=1" in text and "APPROVE=Y" in text and "REPLY=" in text
    reread = Settings(path).get(S.SHORTCUTS)
    assert from_stored(reread, ActionId) == overrides
    assert current_keys(Settings(path))[A.APPROVE] == (K("Y"),)
    settings.set(S.SHORTCUTS, to_stored({}))  # back to the defaults: nothing but the version is left
    settings.sync()
    assert from_stored(Settings(path).get(S.SHORTCUTS), ActionId) == {}
    assert "APPROVE" not in path.read_text()


def test_what_a_version_cannot_use_is_left_out_and_start_up_goes_on(qapp, tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text('[shortcuts]\nversion=1\nAPPROVE=Y\nAPPROVE_ALL=Q\nHIDE=Ctrl+Nonsense\nNEXT="N; Tab"\nREPLY=Ctrl+,\n')
    assert from_stored(Settings(path).get(S.SHORTCUTS), ActionId) == {A.APPROVE: (K("Y"),), A.REPLY: (K("Ctrl+,"),)}
    path.write_text("[shortcuts]\nversion=2\nAPPROVE=Y\n")  # written by a newer app
    assert current_keys(Settings(path)) == resolve(default_keys(), {})


# ---- the Keyboard tab, from the keyboard ---------------------------------------------------------------


@pytest.fixture
def preferences(qtbot):
    current = Preferences("ana", 0.5, 0.8, to_stored({}))
    prefs = PreferencesDialog(None, current, "/data", None)
    qtbot.addWidget(prefs.dialog)
    prefs.dialog.show()
    activate(qtbot, prefs.dialog)
    return prefs


def type_key(qtbot, key, modifier=NO_MOD) -> None:
    """A key press where the keyboard focus is, as a moderator's would land."""
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the keyboard focus"
    qtbot.keyClick(focus, key, modifier)


def go_to_action(qtbot, tree: QTreeWidget, name: str) -> None:
    """From the keyboard: Home, then Down until the row (headings included, as a moderator meets them)."""
    assert QApplication.focusWidget() is tree
    type_key(qtbot, Qt.Key.Key_Home)
    for _ in range(len(SPECS) + len(SPECS)):
        if tree.currentItem().text(0) == name:
            return
        type_key(qtbot, Qt.Key.Key_Down)
    raise AssertionError(f"no row {name!r}")


def open_keyboard_tab(qtbot, dialog) -> QTreeWidget:
    activate(qtbot, dialog)
    type_key(qtbot, Qt.Key.Key_K, ALT)  # the tab's mnemonic: the focus is on the tab bar
    type_key(qtbot, Qt.Key.Key_Tab)
    tree = dialog.findChild(QTreeWidget, "shortcutTree")
    assert QApplication.focusWidget() is tree
    return tree


def test_keyboard_tab_changes_refuses_clears_and_resets_keys(qtbot, preferences):
    dialog, editor = preferences.dialog, preferences.shortcuts
    tree, message = open_keyboard_tab(qtbot, dialog), dialog.findChild(QLabel, "shortcutMessage")
    go_to_action(qtbot, tree, "Approve")
    type_key(qtbot, Qt.Key.Key_Return)  # into the key field, not the dialog's OK
    assert dialog.isVisible() and QApplication.focusWidget() is dialog.findChild(QKeySequenceEdit, "keyEdit")
    type_key(qtbot, Qt.Key.Key_Y)
    assert editor.keys[A.APPROVE] == (K("Y"),) and tree.currentItem().text(1) == "y" and tree.currentItem().font(1).bold()
    assert QApplication.focusWidget() is tree  # back to the list for the next one

    go_to_action(qtbot, tree, "Hide")
    type_key(qtbot, Qt.Key.Key_Return)
    type_key(qtbot, Qt.Key.Key_Y)
    assert message.text() == "y is already Approve. Choose another key or change Approve first."
    assert editor.keys[A.HIDE] == (K("H"),) and dialog.findChild(QKeySequenceEdit, "keyEdit").keySequence() == K("H")
    type_key(qtbot, Qt.Key.Key_Backspace)  # still in the field: no key
    assert editor.keys[A.HIDE] == () and tree.currentItem().text(1) == ""
    with qtbot.waitSignal(editor.reset_button.clicked):  # a mnemonic clicks the button a moment later
        type_key(qtbot, Qt.Key.Key_R, ALT)  # Reset to default, for this row
    assert editor.keys[A.HIDE] == (K("H"),)
    assert A.HIDE not in editor.overrides and QApplication.focusWidget() is tree

    go_to_action(qtbot, tree, "Reply as staff")
    type_key(qtbot, Qt.Key.Key_Return)
    type_key(qtbot, Qt.Key.Key_Tab)  # leaves the field untouched
    type_key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the alternative key
    assert message.text().startswith("Ctrl+Z is already Undo.") and editor.keys[A.REPLY] == (K("R"),)
    type_key(qtbot, Qt.Key.Key_F7)
    assert editor.keys[A.REPLY] == (K("R"), K("F7"))
    assert from_stored(editor.stored(), ActionId) == {A.APPROVE: (K("Y"),), A.REPLY: (K("R"), K("F7"))}

    with qtbot.waitSignal(dialog.findChild(QPushButton, "resetAllButton").clicked):
        type_key(qtbot, Qt.Key.Key_A, ALT)  # Reset all
    assert editor.overrides == {}
    assert editor.keys == resolve(default_keys(), {}) and message.text() == "Every shortcut is back to its default."


def test_reset_waits_for_the_action_that_took_the_default_key(qtbot, preferences):
    editor = preferences.shortcuts
    assert editor.set_key(A.APPROVE, 0, K("Y"))
    assert editor.set_key(A.HIDE, 0, K("A"))
    editor.tree.setCurrentItem(editor._items[A.APPROVE])
    editor.reset_current()
    assert editor.message.text() == "a is already Hide. Change Hide first, then reset Approve."
    assert editor.keys[A.APPROVE] == (K("Y"),)


# ---- the real window --------------------------------------------------------------------------------


def store_keys(paths, overrides) -> None:
    """The moderator's own keys, in the settings file the window reads when it opens."""
    settings = Settings(paths.settings_file)
    settings.set(S.SHORTCUTS, to_stored(overrides))
    settings.sync()


def first_pending_in_queue(qtbot, window) -> int:
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_J)
    comment_id = window.current_comment_id
    assert db_comment(window, comment_id).status == Status.PENDING
    return comment_id


def check_y_approves_and_a_does_not(qtbot, window) -> None:
    target = first_pending_in_queue(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Y)
    wait_writes(qtbot, window)
    assert db_comment(window, target).status == Status.APPROVED
    following, made = window.current_comment_id, len(decisions(window))
    assert following != target
    press(qtbot, window, Qt.Key.Key_A)
    wait_writes(qtbot, window)
    assert db_comment(window, following).status == Status.PENDING and len(decisions(window)) == made


def test_own_key_from_the_settings_approves_in_the_window_and_is_listed(qtbot, paths, open_window):
    store_keys(paths, {A.APPROVE: (K("Y"),)})
    window = open_window()
    check_y_approves_and_a_does_not(qtbot, window)
    seen = {}
    answer_modal(lambda d: seen.update({d.table.item(r, 0).text(): d.table.item(r, 1).text()
                                               for r in range(d.table.rowCount())}), "ShortcutsDialog")
    press(qtbot, window, Qt.Key.Key_Question)
    assert seen["Approve"] == "y" and seen["Hide"] == "h" and seen["Moderate"] == ""  # a group heading
    assert seen["Pick a hide reason in the Hide dialog"] == "1–7"


def test_key_changed_in_preferences_works_at_once(qtbot, paths, open_window):
    window = open_window()

    def approve_on_y(dialog):
        go_to_action(qtbot, open_keyboard_tab(qtbot, dialog), "Approve")
        type_key(qtbot, Qt.Key.Key_Return)
        type_key(qtbot, Qt.Key.Key_Y)
        dialog.accept()

    answer_modal(approve_on_y, "PreferencesDialog")
    window.edit_preferences()
    assert "APPROVE=Y" in paths.settings_file.read_text()
    check_y_approves_and_a_does_not(qtbot, window)
