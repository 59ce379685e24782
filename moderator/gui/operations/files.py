"""File menu work: import comment exports, export decisions, back up the database.

Exports and backups run on the one writer (they then see a settled database). Imports
run on a writer of their own: into an SQLite file an import stages the file and publishes
it in short transactions (storage/staging.py), so the moderator's decisions, on the one
writer, go in between instead of waiting for the whole file; into PostgreSQL it writes in one
transaction that shares the write lock with decisions (storage/engine.IMPORTING). Each reports progress to the
status-bar panel and ends with one plain sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from moderator.gui.common import filedialogs
from moderator.gui.common.messages import ReportBug, sentence_or_report
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.workers.progress import CancelToken, Progress, ProgressPanel
from moderator.gui.workers.writer import Writer
from moderator.storage.backup import backup_database

if TYPE_CHECKING:  # the import pipeline loads on the first import, not at every start
    from moderator.importing import ImportProgress, ImportReport
from moderator.storage.database import Database

IMPORT_FILTER = QT_TRANSLATE_NOOP("FileActions", "Comment exports and pages (*.xml *.json *.jsonl *.csv *.gz *.txt);;"
                                                "All files (*)")


def import_progress(panel: ProgressPanel, token: CancelToken) -> Callable[[ImportProgress], None]:
    """Forwards an import's progress; stops it when Cancel was pressed."""

    from moderator.importing import ImportCancelled

    def report(progress: ImportProgress) -> None:
        if token.cancelled:
            raise ImportCancelled(Path(progress.path).name)
        estimate = int(progress.records / progress.fraction) if progress.fraction > 0 else 0
        panel.report(Progress(progress.records, max(estimate, progress.records), translate("FileActions", "records")))

    return report


class FileActions:
    def __init__(self, parent: QWidget, db: Database, writer: Writer, panel: ProgressPanel,
                 on_imported: Callable[[], None], tell: Callable[[str, str], None], report_bug: ReportBug):
        self._parent, self._db, self._writer, self._panel = parent, db, writer, panel
        self._on_imported, self._tell, self._report_bug = on_imported, tell, report_bug
        self.importer = Writer(db.import_sessions, report_bug, parent)  # imports only: see the docstring

    def import_files(self, paths: list[Path] | None = None) -> None:
        if paths is None:
            paths = filedialogs.open_files(self._parent, translate("FileActions", "Import comments"),
                                           translate("FileActions", IMPORT_FILTER))
        if paths and self._free():
            self._import_next(paths, [])

    def _import_next(self, paths: list[Path], reports: list[ImportReport]) -> None:
        from moderator.importing import import_file

        if not paths:
            self._panel.finish()
            self._on_imported()
            self._tell(translate("FileActions", "Import finished"),
                       "\n".join(r.summary() for r in reports) or translate("FileActions", "Nothing was imported."))
            return
        path, rest = paths[0], paths[1:]
        token = self._panel.start(translate("FileActions", "Importing {file}").format(file=path.name))
        progress = import_progress(self._panel, token)
        self.importer.submit(lambda session: import_file(session, path, progress=progress),
                            lambda report: self._import_next(rest, [*reports, report]),
                            lambda error: self._failed(error, reports))

    def _failed(self, error: BaseException, reports: list[ImportReport]) -> None:
        self._panel.finish()
        if reports:
            self._on_imported()
        if (sentence := sentence_or_report(error, self._report_bug)) is not None:
            done = "\n".join(r.summary() for r in reports)
            self._tell(translate("FileActions", "Import stopped"), f"{sentence}\n\n{done}".strip())

    def export_decisions(self) -> None:
        from moderator.formats.export import export_decisions  # every file format: on use, not at each start

        out = filedialogs.save_file(self._parent, translate("FileActions", "Export decisions"), "decisions.jsonl",
                                    "JSON Lines (*.jsonl);;CSV (*.csv)")
        if out is not None:
            file_format = "csv" if out.suffix == ".csv" else "jsonl"
            self._writer.submit(lambda session: export_decisions(session, out, file_format=file_format),
                                lambda count: self._tell(translate("FileActions", "Decisions exported"),
                                                         translate("FileActions", "{count} decisions written to {file}.").format(
                                                             count=count, file=out)),
                                self._plain_failure)

    def back_up(self) -> None:
        out = filedialogs.save_file(self._parent, translate("FileActions", "Back up the database"), "moderator-backup.sqlite",
                                    translate("FileActions", "SQLite database (*.sqlite)"))
        if out is not None:
            self._writer.submit(lambda _session: backup_database(self._db.engine, out, force=True),
                                lambda info: self._tell(translate("FileActions", "Backed up"),
                                                        translate("FileActions", "The database was copied to {file}.").format(
                                                            file=out)),
                                self._plain_failure)

    def _plain_failure(self, error: BaseException) -> None:
        if (sentence := sentence_or_report(error, self._report_bug)) is not None:
            self._tell(translate("FileActions", "Not done"), sentence)

    def close(self) -> None:
        """Wait for an import under way (Cancel in the panel stops it sooner)."""
        self.importer.close()

    def _free(self) -> bool:
        """Scoring gives way (it resumes after the import); another import does not."""
        if not self._panel.make_room():
            QMessageBox.information(self._parent, translate("FileActions", "Busy"),
                                    translate("FileActions", "An import is running; wait for it or cancel it first."))
            return False
        return True
