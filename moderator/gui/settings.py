"""Settings declared once, with type, default and label; stored in an INI file via QSettings."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    label: str


MODERATOR_NAME = Setting("moderation/moderator_name", str, getpass.getuser(), "Your name in the audit log")
WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray(), "Main window geometry")
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray(), "Toolbars and docks")
MAIN_SPLITTER = Setting("window/main_splitter", QByteArray, QByteArray(), "Column widths")
ARTICLE_SPLITTER = Setting("window/article_splitter", QByteArray, QByteArray(), "Article and thread heights")
LEFT_TAB = Setting("window/left_tab", int, 0, "Articles or queue")
CURRENT_ARTICLE = Setting("window/current_article", int, 0, "Article last open")
QUEUE_SORT = Setting("queue/sort", str, "priority", "Queue order")
QUEUE_KIND = Setting("queue/kind", str, "pending", "Which queue")
PRIORITY_MEDIUM = Setting("scoring/medium_from", float, 0.5, "Medium priority from this score")
PRIORITY_HIGH = Setting("scoring/high_from", float, 0.8, "High priority from this score")
# a group: the moderator's own keys, only for actions changed from their default (gui/shortcuts.py)
SHORTCUTS = Setting("shortcuts", dict, {}, "Your keyboard shortcuts")


class Settings:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._store = QSettings(str(path), QSettings.Format.IniFormat)
        if self._store.value("version") is None:
            self._store.setValue("version", SETTINGS_VERSION)

    def get(self, setting: Setting) -> Any:
        if setting.type is dict:
            return self._group(setting.key)
        value = self._store.value(setting.key, setting.default)
        if setting.type is QByteArray:
            return value if isinstance(value, QByteArray) else setting.default
        try:
            return setting.type(value)
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting, value: Any) -> None:
        if setting.type is dict:
            self._set_group(setting.key, value)
        else:
            self._store.setValue(setting.key, value)

    def _group(self, key: str) -> dict[str, Any]:
        self._store.beginGroup(key)
        try:
            return {name: self._store.value(name) for name in self._store.childKeys()}
        finally:
            self._store.endGroup()

    def _set_group(self, key: str, values: dict[str, Any]) -> None:
        self._store.remove(key)  # the group holds these values and no others
        self._store.beginGroup(key)
        for name, value in values.items():
            self._store.setValue(name, value)
        self._store.endGroup()

    def sync(self) -> None:
        self._store.sync()
