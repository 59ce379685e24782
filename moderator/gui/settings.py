"""The app's settings store: the core's declarations (moderator.settings) kept with QSettings
in an INI file, which the command line reads without Qt (moderator.inifile)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from moderator import settings as core
from moderator.settings import (  # the declarations, as S.<NAME> across the GUI
    ARTICLE_SPLITTER,
    CURRENT_ARTICLE,
    DATABASE_URL,
    LANGUAGE,
    LAST_FOLDER,
    LEFT_TAB,
    MAIN_SPLITTER,
    MODERATOR_NAME,
    PRIORITY_HIGH,
    PRIORITY_MEDIUM,
    QUEUE_KIND,
    QUEUE_SORT,
    SETTINGS_VERSION,
    SHORTCUTS,
    STAFF_NAME,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Setting,
)

__all__ = [
    "ARTICLE_SPLITTER", "DATABASE_URL", "LANGUAGE", "LAST_FOLDER", "CURRENT_ARTICLE", "LEFT_TAB", "MAIN_SPLITTER",
    "MODERATOR_NAME",
    "PRIORITY_HIGH", "PRIORITY_MEDIUM", "QUEUE_KIND", "QUEUE_SORT", "SETTINGS_VERSION", "SHORTCUTS", "STAFF_NAME",
    "WINDOW_GEOMETRY", "WINDOW_STATE", "QtStore", "Setting", "Settings",
]


class QtStore:
    """moderator.settings.Store over QSettings: bytes in and out as QByteArray, which
    QSettings writes as @ByteArray(...)."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._qt = QSettings(str(path), QSettings.Format.IniFormat)

    def value(self, key: str) -> Any | None:
        value = self._qt.value(key)
        return value.data() if isinstance(value, QByteArray) else value

    def set_value(self, key: str, value: Any) -> None:
        self._qt.setValue(key, QByteArray(value) if isinstance(value, bytes) else value)

    def remove(self, key: str) -> None:
        self._qt.remove(key)

    def keys(self) -> list[str]:
        return self._qt.allKeys()

    def sync(self) -> None:
        self._qt.sync()


class Settings(core.Settings):
    """The app's settings in the INI file at `path`, upgraded to this version on opening."""

    def __init__(self, path: Path):
        super().__init__(QtStore(path))
