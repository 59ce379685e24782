"""The Models dialog: see installed models, choose the active one, install, remove, download.

Installing hashes and copies large files and downloading waits on the network, so
both run on a worker; the dialog stays usable and shows one sentence when done.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from moderator.gui.common import filedialogs
from moderator.gui.common.designer import child
from moderator.gui.common.messages import ReportBug, sentence_or_report
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.dialogs.forms import load_form
from moderator.gui.workers.writer import Worker
from moderator.scoring.download import download_release
from moderator.scoring.packs import install_pack
from moderator.scoring.registry import list_models, remove_model, use_model
from moderator.scoring.releases import RELEASES

COLUMNS = (QT_TRANSLATE_NOOP("ModelsDialog", "Model"), QT_TRANSLATE_NOOP("ModelsDialog", "Family"),
           QT_TRANSLATE_NOOP("ModelsDialog", "Labels"), QT_TRANSLATE_NOOP("ModelsDialog", "In use"))


class _Relay(QObject):
    """Carries download progress from the worker thread to the dialog."""

    progressed = Signal(object)  # (bytes done, bytes in all or 0)


class ModelsDialog:
    def __init__(self, parent: QWidget, models_dir: Path, on_changed: Callable[[], None], report_bug: ReportBug):
        self.dialog: QDialog = load_form("models_dialog", parent)
        self._models_dir, self._on_changed, self._report_bug = models_dir, on_changed, report_bug
        self._worker = Worker("models", self._failed, self.dialog)
        self._relay = _Relay(self.dialog)
        self._relay.progressed.connect(self._show_progress)
        self.table = child(self.dialog, QTableWidget, "modelTable")
        self.status = child(self.dialog, QLabel, "statusLabel")
        self.progress = child(self.dialog, QProgressBar, "progressBar")
        self.choice = child(self.dialog, QComboBox, "downloadChoice")
        self.choice.addItems(sorted(RELEASES))
        names = ("useButton", "installButton", "removeButton", "downloadButton")
        self.buttons = {name: child(self.dialog, QPushButton, name) for name in names}
        self.buttons["useButton"].clicked.connect(self.use_selected)
        self.buttons["installButton"].clicked.connect(lambda: self.install(self._ask_for_pack()))
        self.buttons["removeButton"].clicked.connect(self.remove_selected)
        self.buttons["downloadButton"].clicked.connect(lambda: self.download(self.choice.currentText()))
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("ModelsDialog", column) for column in COLUMNS])
        self.table.verticalHeader().hide()
        self.refresh()

    def exec(self) -> None:
        self.dialog.exec()
        self._worker.close()
        self.dialog.deleteLater()

    def refresh(self) -> None:
        self.models = list_models(self._models_dir)
        self.table.setRowCount(len(self.models))
        for row, info in enumerate(self.models):
            cells = (info.identity.name, info.identity.family, ", ".join(info.identity.labels), "✓ in use" if info.active else "")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if info.active:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # labels

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.models[rows[0].row()].identity.name if rows else None

    def use_selected(self) -> None:
        if (name := self.selected_name()) is not None:
            said = translate("ModelsDialog", "Comments will now be scored with {model}.").format(model=name)
            self._run(lambda: use_model(self._models_dir, name), said)

    def remove_selected(self) -> None:
        if (name := self.selected_name()) is not None:
            self._run(lambda: remove_model(self._models_dir, name),
                      translate("ModelsDialog", "{model} was removed.").format(model=name))

    def install(self, source: tuple[Path, Path | None] | None) -> None:
        if source is not None:
            pack, config = source
            said = translate("ModelsDialog", "Installed {file}. Choose it and press “Use for scoring”.").format(file=pack.name)
            self._run(lambda: install_pack(self._models_dir, pack, config), said)

    def download(self, name: str) -> None:
        """Only on this explicit request does the app reach the network."""
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        report = lambda _file, done, total: self._relay.progressed.emit((done, total or 0))  # noqa: E731
        said = translate("ModelsDialog", "Downloaded and installed {model}.").format(model=name)
        self._run(lambda: download_release(self._models_dir, name, report), said)

    def _ask_for_pack(self) -> tuple[Path, Path | None] | None:
        path = filedialogs.open_file(self.dialog, translate("ModelsDialog", "Install a model pack"),
                                     translate("ModelsDialog", "Model packs (*.zip);;Detoxify checkpoints (*.ckpt)"))
        if path is None:
            return None
        if path.suffix != ".ckpt":
            return path, None
        config = filedialogs.open_folder(self.dialog, translate("ModelsDialog", "The checkpoint's Hugging Face config folder"))
        return (path, config) if config is not None else None

    def _run(self, task: Callable[[], object], done: str) -> None:
        self._busy(True)
        self.status.setText(translate("ModelsDialog", "Working…"))
        self._worker.run(task, lambda _result: self._finished(done))

    def _finished(self, message: str) -> None:
        self._busy(False)
        self.status.setText(message)
        self.refresh()
        self._on_changed()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if (sentence := sentence_or_report(error, self._report_bug)) is not None:
            self.status.setText(sentence)

    def _busy(self, busy: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(not busy)
        if not busy:
            self.progress.setVisible(False)

    def _show_progress(self, progress: tuple[int, int]) -> None:
        done, total = progress
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
