"""The moderator's own shortcuts, apart from any widget.

Declared keys are expanded to this platform's sequences; the moderator's overrides are kept
with the settings (only actions changed from their default, by the action's name, in a
versioned group); the effective keys give every key to one action only; and a new key is
refused, in one sentence, when another action has it or it would break typing or dialogs.

Generic over the actions' id enum, so that this module sits below the registry (actions.py).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate

Keys = tuple[QKeySequence, ...]
E = TypeVar("E", bound=Enum)
FORMAT_VERSION = 1  # of the stored overrides; a newer format is ignored, never misread
PORTABLE, NATIVE = QKeySequence.SequenceFormat.PortableText, QKeySequence.SequenceFormat.NativeText
log = logging.getLogger(__name__)

# Keys no action may take, and why. Qt lets text fields keep plain letters, digits and their
# editing keys even when they are shortcuts, but not these: each would stop working in every
# list, button or dialog of the window if an action took it.
# (Marked for pyside6-lupdate; `breaking_keys` translates them.)
_MOVES = QT_TRANSLATE_NOOP("Shortcuts", "moves through lists and text")
_NEXT = QT_TRANSLATE_NOOP("Shortcuts", "moves to the next field")
_PREVIOUS = QT_TRANSLATE_NOOP("Shortcuts", "moves to the previous field")
_CONFIRMS = QT_TRANSLATE_NOOP("Shortcuts", "confirms dialogs and opens the chosen item")
_BREAKING = {
    "Tab": _NEXT, "Shift+Tab": _PREVIOUS, "Backtab": _PREVIOUS, "Shift+Backtab": _PREVIOUS,
    "Return": _CONFIRMS, "Enter": _CONFIRMS, "Space": QT_TRANSLATE_NOOP("Shortcuts", "presses the focused button"),
    "Up": _MOVES, "Down": _MOVES, "Left": _MOVES, "Right": _MOVES,
    "PgUp": _MOVES, "PgDown": _MOVES, "Home": _MOVES, "End": _MOVES,
}
_EDITING = {QKeySequence.StandardKey.Copy: QT_TRANSLATE_NOOP("Shortcuts", "copies text"),
            QKeySequence.StandardKey.Cut: QT_TRANSLATE_NOOP("Shortcuts", "cuts text"),
            QKeySequence.StandardKey.Paste: QT_TRANSLATE_NOOP("Shortcuts", "pastes text")}


def portable(key: QKeySequence) -> str:
    return key.toString(PORTABLE)


def typed(key: QKeySequence) -> str:
    """A key as the moderator types it: a letter alone in lower case ("a", as the README and
    the guide write it), any other key as Qt names it ("Shift+J", "Ctrl+Z", "F5")."""
    text = key.toString(NATIVE)
    return text.lower() if len(text) == 1 and text.isalpha() else text


def keys_text(keys: Iterable[QKeySequence]) -> str:
    return ", ".join(typed(key) for key in keys)


def on_most_keyboards(key: QKeySequence) -> bool:
    """False for a platform's extra bindings on keys few keyboards have (X11 binds Undo to
    F14 and to a dedicated Undo key): F13 and every key Qt numbers after it."""
    combos = (key[i] for i in range(key.count()))  # type: ignore[index]  # PySide6's stubs lack operator[]
    return all(combo.key() < Qt.Key.Key_F13 for combo in combos)


def unique(keys: Iterable[QKeySequence]) -> Keys:
    found: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and key not in found:
            found.append(key)
    return tuple(found)


def expand(shortcuts: Iterable[QKeySequence | QKeySequence.StandardKey | str]) -> Keys:
    """Declared keys as sequences: a standard key becomes this platform's bindings for it."""
    found: list[QKeySequence] = []
    for shortcut in shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            found.extend(QKeySequence.keyBindings(shortcut))
        else:
            found.append(QKeySequence(shortcut))
    return unique(found)


def breaking_keys() -> dict[str, str]:
    """Portable key text → what the key does that a shortcut on it would break."""
    uses = {key: translate("Shortcuts", why) for key, why in _BREAKING.items()}
    for standard, why in _EDITING.items():
        uses.update({portable(key): translate("Shortcuts", why) for key in QKeySequence.keyBindings(standard)})
    return uses


def menu_keys(menu_titles: Iterable[str]) -> dict[str, str]:
    """The menu bar's Alt+letter keys ("&File" → Alt+F): a shortcut on one would make both dead."""
    keys = {}
    for title in menu_titles:
        mnemonic = QKeySequence.mnemonic(title)
        if not mnemonic.isEmpty():
            keys[portable(mnemonic)] = translate("Shortcuts", "opens the {menu} menu").format(menu=title.replace("&", ""))
    return keys


def resolve(defaults: Mapping[E, Keys], overrides: Mapping[E, Keys]) -> dict[E, Keys]:
    """Each action's keys, with every key held by one action only (Qt runs neither of two actions
    sharing a key). A key wanted twice goes to an override first, then to the action holding it
    nearer the front of its keys, then to the action declared first: so the moderator's choice beats
    a default, and a platform's extra binding (Alt+Backspace for Undo on some) yields to a key
    another action declares as its own."""
    wanted = {action: overrides.get(action, keys) for action, keys in defaults.items()}
    claims = [((action not in overrides, position, order), action, key)
              for order, (action, keys) in enumerate(wanted.items()) for position, key in enumerate(keys)]
    holders: dict[str, E] = {}
    for _rank, action, key in sorted(claims, key=lambda claim: claim[0]):
        kept_by = holders.setdefault(portable(key), action)
        if kept_by is not action:
            log.info("%s keeps %s; %s goes without it", kept_by.name, portable(key), action.name)
    return {action: tuple(key for key in keys if holders[portable(key)] is action) for action, keys in wanted.items()}


def holder(key: QKeySequence, action: E, keys: Mapping[E, Keys]) -> E | None:
    """The other action that has `key` now, if any."""
    return next((other for other, held in keys.items() if other is not action and key in held), None)


def refusal(key: QKeySequence, action: E, keys: Mapping[E, Keys], names: Mapping[E, str],
            reserved: Mapping[str, str] | None = None) -> str | None:
    """Why `action` cannot have `key`, in one sentence that says what to do; None if it can.
    `reserved`: more keys the window needs (menu_keys). No key at all is always allowed."""
    if key.isEmpty():
        return None
    text = typed(key)
    why = breaking_keys().get(portable(key)) or (reserved or {}).get(portable(key))
    if why:
        return translate("Shortcuts", "{key} {does}, so it cannot be a shortcut. Choose another key.").format(key=text, does=why)
    other = holder(key, action, keys)
    if other is not None:
        return translate("Shortcuts", "{key} is already {action}. Choose another key or change {action} first.").format(
            key=text, action=names[other])
    return None


def to_stored(overrides: Mapping[E, Keys]) -> dict[str, str]:
    """What the settings keep: the format's version and, per changed action, its keys ("" for none)."""
    stored = {"version": str(FORMAT_VERSION)}
    stored.update({action.name: QKeySequence.listToString(list(keys), PORTABLE) for action, keys in overrides.items()})
    return stored


def from_stored(stored: Mapping[str, object], ids: type[E]) -> dict[E, Keys]:
    """The overrides read back. What this version cannot use (an action renamed or gone, keys it
    cannot read or that break typing, a newer format) is left out with a log line: start-up never fails."""
    version = str(stored.get("version", FORMAT_VERSION))
    if not version.isdigit() or int(version) > FORMAT_VERSION:
        log.warning("shortcuts stored in format %s, newer than %s: using the defaults", version, FORMAT_VERSION)
        return {}
    overrides: dict[E, Keys] = {}
    for name, value in stored.items():
        if name == "version":
            continue
        keys = _parse(value)
        if name not in ids.__members__ or keys is None:
            log.warning("stored shortcut %s = %r left out: no such action, or keys unreadable or refused", name, value)
            continue
        overrides[ids[name]] = keys
    return overrides


def _parse(value: object) -> Keys | None:
    # QSettings hands back an unquoted value holding a comma ("Ctrl+,") as a list
    text = ",".join(map(str, value)) if isinstance(value, list) else str(value)
    keys = QKeySequence.listFromString(text, PORTABLE) if text.strip() else []
    breaking = breaking_keys()
    if not all(_readable(key) and portable(key) not in breaking for key in keys):
        return None
    return unique(keys)


def _readable(key: QKeySequence) -> bool:
    combos = (key[i] for i in range(key.count()))  # type: ignore[index]  # PySide6's stubs lack operator[]
    return bool(portable(key)) and all(combo.key() != Qt.Key.Key_unknown for combo in combos)
