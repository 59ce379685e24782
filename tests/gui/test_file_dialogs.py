"""File dialogs open in the moderator's documents folder, then where they chose last
(issue 18, point 11): across the File menu, the audit log, the models dialog and restarts."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from moderator.gui import settings as S
from moderator.gui.common import filedialogs
from tests.gui.helpers import answer_modal, wait_writes


def answer_in(folder: Path | None, name: str, seen: list[str]) -> None:
    """The next file dialog: note where it opened, then choose `folder / name` (or cancel)."""

    def answer(dialog: QFileDialog) -> None:
        seen.append(dialog.directory().absolutePath())
        if folder is None:
            dialog.reject()
            return
        dialog.selectFile(str(folder / name))
        dialog.accept()

    answer_modal(answer, QFileDialog)


def test_the_first_dialog_opens_in_documents_then_where_the_moderator_went(qtbot, open_window, tmp_path):
    window = open_window()
    seen: list[str] = []
    answer_in(None, "", seen)
    window.files.back_up()
    assert seen == [str(filedialogs.documents_folder())] and seen[0] != os.getcwd()
    chosen = tmp_path / "backups"
    chosen.mkdir()
    answer_in(chosen, "monday.sqlite", seen)
    told: list[str] = []
    answer_modal(lambda box: (told.append(box.text()), box.accept()), QMessageBox)
    window.files.back_up()
    wait_writes(qtbot, window)
    assert told == [f"The database was copied to {chosen / 'monday.sqlite'}."]
    assert (chosen / "monday.sqlite").exists()
    answer_in(None, "", seen)
    window.files.export_decisions()
    assert seen[-1] == str(chosen)  # the export starts where the backup went
    window.close()

    again = open_window()  # a restart remembers it
    answer_in(None, "", seen)
    again.files.import_files()
    assert seen[-1] == str(chosen)
    assert again.context.settings.get(S.LAST_FOLDER) == str(chosen)


def test_a_folder_gone_since_falls_back_to_documents(qtbot, window, tmp_path):
    gone = tmp_path / "usb stick"
    gone.mkdir()
    window.context.settings.set(S.LAST_FOLDER, str(gone))
    assert filedialogs.start_folder() == gone
    shutil.rmtree(gone)
    seen: list[str] = []
    answer_in(None, "", seen)
    window.files.import_files()
    assert seen == [str(filedialogs.documents_folder())]
