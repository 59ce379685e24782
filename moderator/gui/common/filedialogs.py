"""File dialogs that open where the moderator keeps files: the folder used last (import,
export, backup, audit CSV, model pack alike), else their documents folder, else home;
never the folder the app happens to run from (a source checkout). The last folder is kept
in the settings (settings.LAST_FOLDER) once the window says which settings (`remember_in`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from moderator.gui import settings as S

_store: list[S.Settings] = []  # the window's settings, once it has said (tests open several windows)


def remember_in(settings: S.Settings) -> None:
    _store[:] = [settings]


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def start_folder() -> Path:
    last = Path(_store[0].get(S.LAST_FOLDER)) if _store and _store[0].get(S.LAST_FOLDER) else None
    return last if last is not None and last.is_dir() else documents_folder()


def _chosen(path: str) -> Path | None:
    if not path:
        return None
    if _store:
        folder = Path(path) if Path(path).is_dir() else Path(path).parent
        _store[0].set(S.LAST_FOLDER, str(folder))
        _store[0].sync()
    return Path(path)


def open_files(parent: QWidget, title: str, filters: str) -> list[Path]:
    chosen, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder()), filters)
    return [path for path in (_chosen(p) for p in chosen) if path is not None]


def open_file(parent: QWidget, title: str, filters: str) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()), filters)
    return _chosen(chosen)


def save_file(parent: QWidget, title: str, name: str, filters: str) -> Path | None:
    """`name`: the file name offered, in the start folder."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder() / name), filters)
    return _chosen(chosen)


def open_folder(parent: QWidget, title: str) -> Path | None:
    return _chosen(QFileDialog.getExistingDirectory(parent, title, str(start_folder())))
