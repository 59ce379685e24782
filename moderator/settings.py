"""Settings declared once, with key, type, default and label, and read from any store.

The app keeps them with QSettings (gui/settings.py); the command line reads the same INI
file without Qt (moderator.inifile). Both go through `Settings` here, so a value means
the same on both sides: a value a setting cannot use (not a number, out of range)
falls back to that setting's default with a line in the log, never a crash.

The file carries the version of its layout (`version`). A file from an older version
is upgraded at start, one step per version (`MIGRATIONS`); a file from a newer
version is left at its version, read as far as this version understands it.
"""

from __future__ import annotations

import getpass
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

log = logging.getLogger(__name__)

SETTINGS_VERSION = 2
VERSION_KEY = "version"


@dataclass(frozen=True, eq=False)  # each declared once: compared and hashed by identity
class Setting:
    key: str
    type: type  # str, int, float, bytes, or dict for a group of keys under `key`
    default: Any
    label: str
    check: Callable[[Any], bool] | None = None  # what the type alone does not refuse


def _a_score(value: float) -> bool:
    return 0.0 <= value <= 1.0


MODERATOR_NAME = Setting("moderation/moderator_name", str, getpass.getuser(), "Your name in the audit log")
# The name readers see on staff posts; empty until the first start asks for it (gui/dialogs/firstrun.py).
LAST_FOLDER = Setting("files/last_folder", str, "", "The folder a file dialog used last")
STAFF_NAME = Setting("moderation/staff_name", str, "", "The name readers see on your staff posts")
WINDOW_GEOMETRY = Setting("window/geometry", bytes, b"", "Main window geometry")
WINDOW_STATE = Setting("window/state", bytes, b"", "Toolbars and docks")
MAIN_SPLITTER = Setting("window/main_splitter", bytes, b"", "Column widths")
ARTICLE_SPLITTER = Setting("window/article_splitter", bytes, b"", "Article and thread heights")
LEFT_TAB = Setting("window/left_tab", int, 0, "Articles or queue")
CURRENT_ARTICLE = Setting("window/current_article", int, 0, "Article last open")
QUEUE_SORT = Setting("queue/sort", str, "priority", "Queue order")
QUEUE_KIND = Setting("queue/kind", str, "pending", "Which queue")
# The priority thresholds (scoring.priority.Thresholds takes its defaults from here).
PRIORITY_MEDIUM = Setting("scoring/medium_from", float, 0.5, "Medium priority from this score", _a_score)
PRIORITY_HIGH = Setting("scoring/high_from", float, 0.8, "High priority from this score", _a_score)
# a group: the moderator's own keys, only for actions changed from their default (gui/shortcuts.py)
SHORTCUTS = Setting("shortcuts", dict, {}, "Your keyboard shortcuts")
DATABASE_URL = Setting("database/url", str, "", "The database (empty: the file in the data folder), from the next start")
LANGUAGE = Setting("appearance/language", str, "", "The app's language (empty: the system's)")

DECLARED = (MODERATOR_NAME, STAFF_NAME, LAST_FOLDER, WINDOW_GEOMETRY, WINDOW_STATE, MAIN_SPLITTER, ARTICLE_SPLITTER, LEFT_TAB,
            CURRENT_ARTICLE, QUEUE_SORT, QUEUE_KIND, PRIORITY_MEDIUM, PRIORITY_HIGH, SHORTCUTS, DATABASE_URL)


class Store(Protocol):
    """Raw values by key ("group/name") as a settings file holds them: mostly text."""

    def value(self, key: str) -> Any | None: ...

    def set_value(self, key: str, value: Any) -> None: ...

    def remove(self, key: str) -> None: ...

    def keys(self) -> list[str]: ...

    def sync(self) -> None: ...


class Unusable(ValueError):
    """A stored value its setting cannot take."""


def convert(setting: Setting, raw: Any) -> Any:
    """The stored value as the setting's type; Unusable if it is not one."""
    kind = setting.type
    if kind is str and isinstance(raw, list):
        raw = ", ".join(map(str, raw))  # an unquoted comma in a hand-edited file makes a list
    if kind is str and not isinstance(raw, str):
        raise Unusable(f"{raw!r} is not text")
    if isinstance(raw, bool) or (kind in (int, float) and not isinstance(raw, (str, int, float))):
        raise Unusable(f"{raw!r} is not a number")
    if kind is bytes and not isinstance(raw, bytes):
        raise Unusable(f"{raw!r} is not binary data")
    try:
        value = kind(raw)
    except (TypeError, ValueError):
        raise Unusable(f"{raw!r} is not {'a number' if kind in (int, float) else 'text'}") from None
    if kind is float and not math.isfinite(value):
        raise Unusable(f"{raw!r} is not a finite number")
    if setting.check is not None and not setting.check(value):
        raise Unusable(f"{raw!r} is out of range")
    return value


class Settings:
    """Typed access to a store: `get(setting)` / `set(setting, value)` / `sync()`.

    Opening upgrades the store's file to this version's layout (see `upgrade`)."""

    def __init__(self, store: Store):
        self._store = store
        self._warned: set[str] = set()
        self.found_version = upgrade(store)

    def get(self, setting: Setting) -> Any:
        if setting.type is dict:
            return self._group(setting.key)
        raw = self._store.value(setting.key)
        if raw is None:
            return setting.default
        try:
            return convert(setting, raw)
        except Unusable as why:
            self.warn_once(f"setting {setting.key}: {why}; using the default, {setting.default!r}")
            return setting.default

    def set(self, setting: Setting, value: Any) -> None:
        if setting.type is dict:
            self._set_group(setting.key, value)
        else:
            self._store.set_value(setting.key, setting.type(value))

    def sync(self) -> None:
        self._store.sync()

    def warn_once(self, message: str) -> None:
        """A line in the log, once: a setting is read at every paint of a row."""
        if message not in self._warned:
            self._warned.add(message)
            log.warning("%s", message)

    def _group(self, group: str) -> dict[str, Any]:
        prefix = group + "/"
        return {key[len(prefix):]: self._store.value(key) for key in self._store.keys() if key.startswith(prefix)}

    def _set_group(self, group: str, values: dict[str, Any]) -> None:
        for key in self._store.keys():  # the group holds these values and no others
            if key.startswith(group + "/"):
                self._store.remove(key)
        for name, value in values.items():
            self._store.set_value(f"{group}/{name}", value)


# ---- versions ------------------------------------------------------------------------------------

def stored_version(store: Store) -> int:
    """The file's layout version. A file without one is from version 1 if it holds
    settings (written by hand, or before the key), else new (this version)."""
    raw = store.value(VERSION_KEY)
    if raw is None:
        return 1 if store.keys() else SETTINGS_VERSION
    try:
        return int(raw)
    except (TypeError, ValueError):
        log.warning("settings version %r is not a number; read as version 1", raw)
        return 1


def upgrade(store: Store) -> int:
    """Bring the store to SETTINGS_VERSION, one step at a time; returns the version found."""
    found = stored_version(store)
    if found > SETTINGS_VERSION:
        log.warning("the settings file is from a newer version of the app (%d, this is %d): "
                    "it is left as it is, and what this version cannot read takes its default",
                    found, SETTINGS_VERSION)
        return found
    for version in range(max(found, 1), SETTINGS_VERSION):
        MIGRATIONS[version](store)
        log.info("settings upgraded from version %d to %d", version, version + 1)
    if store.value(VERSION_KEY) is None or found != SETTINGS_VERSION:
        store.set_value(VERSION_KEY, SETTINGS_VERSION)
        store.sync()
    return found


def _keep_only_usable_values(store: Store) -> None:
    """1 → 2. Version 1 read whatever the file held, so a hand-edited value it could not
    use (medium_from=abc, a threshold of 7) stopped the app. From version 2 the file
    holds only declared settings with usable values: the others are removed, so their
    defaults apply and Preferences shows what is in force."""
    declared = {setting.key: setting for setting in DECLARED}
    groups = tuple(setting.key + "/" for setting in DECLARED if setting.type is dict)
    for key in store.keys():
        if key == VERSION_KEY or key.startswith(groups):
            continue
        setting = declared.get(key)
        try:
            if setting is None:
                raise Unusable("no such setting")
            convert(setting, store.value(key))
        except Unusable as why:
            log.warning("settings upgrade: %s removed (%s)", key, why)
            store.remove(key)


# MIGRATIONS[n] upgrades a store from version n to n + 1.
MIGRATIONS: dict[int, Callable[[Store], None]] = {1: _keep_only_usable_values}
