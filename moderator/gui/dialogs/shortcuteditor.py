"""Preferences → Keyboard: every action with its keys, by group; change, clear or reset them.

Drives the widgets of the Keyboard tab in ui/preferences.ui; the rules (what is stored, which
key is refused and why) live in gui/shortcuts.py. Keyboard use: arrows pick an action, Enter
moves to its key field, the next key pressed is its new key (then back to the list); Backspace
or Delete there leaves it without a key; Tab and Shift+Tab leave the field untouched.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QKeySequenceEdit, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QWidget

from moderator.gui.actions import SPECS, ActionId, action_names, default_keys, grouped
from moderator.gui.common.designer import child
from moderator.gui.common.translation import translate
from moderator.gui.shortcuts import Keys, from_stored, holder, keys_text, refusal, resolve, to_stored, typed, unique

ACTION_ROLE = Qt.ItemDataRole.UserRole  # an action row's ActionId name; group headings have none
_LEAVE_FIELD = (QKeyCombination(Qt.Key.Key_Tab), QKeyCombination(Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Backtab))
_CLEAR_KEYS = (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ShortcutEditor(QObject):
    def __init__(self, page: QWidget, stored: Mapping[str, object], reserved: Mapping[str, str]):
        super().__init__(page)
        self.tree = child(page, QTreeWidget, "shortcutTree")
        self.fields = (child(page, QKeySequenceEdit, "keyEdit"), child(page, QKeySequenceEdit, "alternativeEdit"))
        self.label = child(page, QLabel, "actionLabel")
        self.message = child(page, QLabel, "shortcutMessage")
        self.reset_button = child(page, QPushButton, "resetButton")
        self._declared, self._names, self._reserved = default_keys(), action_names(), dict(reserved)
        self._defaults = resolve(self._declared, {})
        self.overrides: dict[ActionId, Keys] = from_stored(stored, ActionId)
        self._items = self._fill_tree()
        for number, field in enumerate(self.fields):
            field.setMaximumSequenceLength(1)  # one key combination: recording ends with it
            field.setFinishingKeyCombinations(list(_LEAVE_FIELD))
            field.installEventFilter(self)
            field.editingFinished.connect(lambda n=number: self._field_finished(n))
        self.tree.installEventFilter(self)
        self.tree.currentItemChanged.connect(lambda *_: self._show_current())
        self.tree.itemDoubleClicked.connect(lambda item, _column: self._edit(item))
        self.reset_button.clicked.connect(self.reset_current)
        child(page, QPushButton, "resetAllButton").clicked.connect(self.reset_all)
        self._refresh_rows()
        self.tree.setCurrentItem(next(iter(self._items.values())))

    # ---- what the editor holds ----------------------------------------------------------

    @property
    def keys(self) -> dict[ActionId, Keys]:
        """The keys in force if the dialog were accepted now."""
        return resolve(self._declared, self.overrides)

    def stored(self) -> dict[str, str]:
        return to_stored(self.overrides)

    @property
    def current(self) -> ActionId | None:
        item = self.tree.currentItem()
        name = item.data(0, ACTION_ROLE) if item is not None else None
        return ActionId[name] if name else None

    # ---- changing keys -----------------------------------------------------------------------

    def set_key(self, action: ActionId, number: int, key: QKeySequence) -> bool:
        """Make `key` the action's key `number` (0: key, 1: alternative), unless refused with a message."""
        why = refusal(key, action, self.keys, self._names, self._reserved)
        if why:
            self._say(why)
            self._show_current()  # the field shows the keys in force again
            return False
        keys = list(self.keys[action][:2]) + [QKeySequence()] * 2
        keys[number] = key
        self._change(action, unique(keys[:2]))
        self._say(translate("ShortcutEditor", "{action}: {keys}.").format(
            action=self._names[action], keys=keys_text(self.keys[action]) or translate("ShortcutEditor", "no key")))
        return True

    def reset_current(self) -> None:
        action = self.current
        if action is None:
            return
        trial = resolve(self._declared, {other: keys for other, keys in self.overrides.items() if other is not action})
        lost = [key for key in self._defaults[action] if key not in trial[action]]
        taken_by = holder(lost[0], action, trial) if lost else None
        if lost and taken_by is not None:
            other, name = self._names[taken_by], self._names[action]
            self._say(translate("ShortcutEditor", "{key} is already {other}. Change {other} first, then reset {action}.").format(
                key=typed(lost[0]), other=other, action=name))
            return
        self._change(action, self._defaults[action])
        self._say(translate("ShortcutEditor", "{action} is back to its default.").format(action=self._names[action]))
        self.tree.setFocus()  # on to the next action

    def reset_all(self) -> None:
        self.overrides.clear()
        self._refresh_rows()
        self._show_current()
        self._say(translate("ShortcutEditor", "Every shortcut is back to its default."))
        self.tree.setFocus()

    def _change(self, action: ActionId, keys: Keys) -> None:
        if keys == self._defaults[action]:
            self.overrides.pop(action, None)
        else:
            self.overrides[action] = keys
        self._refresh_rows()  # another action may get a key back
        self._show_current()

    # ---- showing -------------------------------------------------------------------------------

    def _fill_tree(self) -> dict[ActionId, QTreeWidgetItem]:
        items = {}
        for group, action_ids in grouped(SPECS):
            heading = QTreeWidgetItem(self.tree, [translate("actions", group)])
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            heading.setFirstColumnSpanned(True)
            _embolden(heading, 0, True)
            for action_id in action_ids:
                item = QTreeWidgetItem(heading, [self._names[action_id], ""])
                item.setData(0, ACTION_ROLE, action_id.name)
                item.setToolTip(0, translate("actions", SPECS[action_id].tip))
                items[action_id] = item
        self.tree.expandAll()
        self.tree.setColumnWidth(0, 320)
        return items

    def _refresh_rows(self) -> None:
        keys = self.keys
        for action, item in self._items.items():
            changed = action in self.overrides
            item.setText(1, keys_text(keys[action]))
            _embolden(item, 1, changed)  # the moderator's own keys stand out
            default = keys_text(self._defaults[action]) or translate("ShortcutEditor", "no key")
            item.setToolTip(1, translate("ShortcutEditor", "Yours; the default is {keys}.").format(keys=default) if changed
                            else translate("ShortcutEditor", "The default."))

    def _show_current(self) -> None:
        action = self.current
        for widget in (*self.fields, self.reset_button):
            widget.setEnabled(action is not None)
        if action is None:
            self.label.setText(translate("ShortcutEditor", "Choose an action to change its keys."))
            for field in self.fields:
                field.clear()
            return
        default = keys_text(self._defaults[action]) or translate("ShortcutEditor", "no key")
        self.label.setText(translate("ShortcutEditor", "{action} (default: {keys})").format(action=self._names[action],
                                                                                            keys=default))
        keys = self.keys[action]
        for number, field in enumerate(self.fields):
            field.setKeySequence(keys[number] if number < len(keys) else QKeySequence())

    def _say(self, text: str) -> None:
        self.message.setText(text)

    # ---- keyboard ----------------------------------------------------------------------------

    def _edit(self, item: QTreeWidgetItem | None) -> None:
        if item is not None and item.data(0, ACTION_ROLE):
            self.fields[0].setFocus()

    def _field_finished(self, number: int) -> None:
        action, key = self.current, self.fields[number].keySequence()
        keys = self.keys[action] if action is not None else ()
        if action is None or key.isEmpty() or (number < len(keys) and key == keys[number]):
            self._show_current()  # a recording left half-way (Shift+Tab starts one): keep the keys
            return
        if self.set_key(action, number, key):
            self.tree.setFocus()  # done: back to the list for the next action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        if event.modifiers() != Qt.KeyboardModifier.NoModifier:
            return False
        if watched is self.tree and event.key() in _ENTER_KEYS:
            self._edit(self.tree.currentItem())  # and not the dialog's OK
            return True
        if watched in self.fields and event.key() in _CLEAR_KEYS and self.current is not None:
            if self.set_key(self.current, self.fields.index(watched), QKeySequence()):
                self.tree.setFocus()
            return True
        return False


def _embolden(item: QTreeWidgetItem, column: int, bold: bool) -> None:
    font = item.font(column)
    font.setBold(bold)
    item.setFont(column, font)
