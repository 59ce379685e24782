"""Import one file, or several: detect the format, stream the records, write them.

Each file is one transaction: the caller's session, committed by import_files only
when the whole file is in. A bad file, a failure halfway or a cancel leaves the
database exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from moderator.errors import FileFormatError
from moderator.formats import FORMATS, NotRecognised, detect, parser
from moderator.formats.limits import MAX_DECISIONS_FILE, size
from moderator.formats.records import ArticleRecord, CommentRecord, Notice, Record, SiteRecord
from moderator.importing.ahead import Ahead, worth_it
from moderator.importing.decisions import apply_decisions
from moderator.importing.page import get_or_create_site, import_page_file
from moderator.importing.report import ImportProgress, ImportReport, ProgressCallback, Tick
from moderator.importing.setaside import BatchIndex, set_aside
from moderator.importing.writer import BATCH, Writer

FORMAT_NAMES = tuple(FORMATS)
# SQLite's page cache while importing. Rebuilding the indexes (setaside.py) takes as
# much again for its sort; 32 MB ran as fast as 64 MB at a million comments, both into
# an empty database and into one that already had them, and keeps the peak near 190 MB.
IMPORT_CACHE_KB = 32 << 10


def import_file(session: Session, path: Path, file_format: str = "auto", site_key: str | None = None,
                progress: ProgressCallback | None = None, parallel: bool | None = None) -> ImportReport:
    """Import one file into the session's transaction (the caller commits or rolls back).

    parallel: parse in a second process while this one writes (ahead.py); None decides
    by the file's size and the number of cores."""
    path = Path(path)
    if not path.is_file():
        raise FileFormatError(str(path), None, "no such file")
    with path.open("rb") as stream:
        name = choose_format(stream, path, file_format)
        if name == "page":
            return import_page_file(session, path, site_key=site_key or "default")
        if name == "decisions":
            _refuse_larger(path, MAX_DECISIONS_FILE, "a decisions file")
            return apply_decisions(session, stream, str(path), _ticker(progress, path, stream.tell))
        if parallel is None:
            parallel = worth_it(path)
        return _import_records(session, stream, path, name, site_key, progress, parallel)


def import_files(session: Session, paths: Iterable[Path], file_format: str = "auto", site_key: str | None = None,
                 progress: ProgressCallback | None = None, parallel: bool | None = None) -> list[ImportReport]:
    """Import several files, each in its own transaction: a bad file changes nothing."""
    reports = []
    for path in paths:
        try:
            reports.append(import_file(session, path, file_format, site_key, progress, parallel))
            session.commit()
        except BaseException:
            session.rollback()
            raise
    return reports


def import_records(session: Session, records: Iterable[Record], site_key: str, site_name: str,
                   label: str = "site") -> ImportReport:
    """Records that come from elsewhere than a file (a connected site's pull: the same
    `formats.records` a file's parser yields) into the session's transaction, as a file's
    are: the same writer, so the same identity, updates and kept local decisions."""
    report = ImportReport(label, label=label)
    with set_aside(session.connection(), 0) as index:
        sink = _Sink(session, report, (site_key, site_name), True, index)
        for record in records:
            sink.take(record)
        sink.writer().finish()
    return report


def choose_format(stream: BinaryIO, path: Path, file_format: str = "auto") -> str:
    if file_format == "auto" and not stream.read(1):
        raise FileFormatError(str(path), None, "the file is empty; there is nothing to import")
    stream.seek(0)
    try:
        chosen = detect(stream) if file_format == "auto" else file_format
    except NotRecognised as unknown:
        raise FileFormatError(str(path), None, f"{unknown}; nothing was imported") from None
    if chosen not in FORMATS:
        raise FileFormatError(str(path), None, f"unknown format '{chosen}'; known: {', '.join(FORMATS)}")
    return chosen


def _refuse_larger(path: Path, most: int, what: str) -> None:
    if path.stat().st_size > most:
        raise FileFormatError(str(path), None, f"{what} is at most {size(most)}; this one is larger")


def detect_format(path: Path) -> str:
    with Path(path).open("rb") as stream:
        return choose_format(stream, Path(path))


def _import_records(session: Session, stream: BinaryIO, path: Path, name: str, site_key: str | None,
                    progress: ProgressCallback | None, parallel: bool) -> ImportReport:
    fmt = FORMATS[name]
    report = ImportReport(name, str(path), label=fmt.label)
    ahead = Ahead(name, path) if parallel else None
    records = ahead if ahead else parser(name)(stream, str(path))
    tick, count = _ticker(progress, path, (lambda: ahead.position) if ahead else stream.tell), 0
    with _bigger_cache(session), set_aside(session.connection(), path.stat().st_size) as index:
        sink = _Sink(session, report, (site_key, site_key) if site_key else fmt.site, bool(site_key), index)
        try:
            for count, record in enumerate(records, 1):
                sink.take(record)
                if count % BATCH == 0:
                    tick(count)
        finally:
            if ahead:
                ahead.close()
        sink.writer().finish()
    tick(count, done=True)
    return report


@contextmanager
def _bigger_cache(session: Session) -> Iterator[None]:
    """SQLite's page cache raised for the import: with the default 2 MB, a million rows'
    indexes no longer fit and pages are written out and read back again and again."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KB}")
    try:
        yield
    finally:
        with suppress(SQLAlchemyError):  # never hide the error that ended the import
            connection.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


class _Sink:
    """Hands records to the writer, which is made once the file's site is known."""

    def __init__(self, session: Session, report: ImportReport, site: tuple[str, str], fixed: bool, index: BatchIndex):
        self.session, self.report, self.site, self.fixed, self.index = session, report, site, fixed, index
        self._writer: Writer | None = None

    def writer(self) -> Writer:
        if self._writer is None:
            site = get_or_create_site(self.session, *self.site)
            self.report.site = site.key
            self._writer = Writer(self.session, site.id, self.report, self.index)
        return self._writer

    def take(self, record: Record) -> None:
        if record.__class__ is CommentRecord:
            self.writer().comment(record)
        elif record.__class__ is ArticleRecord:
            self.writer().article(record)
        elif record.__class__ is Notice:
            (self.report.skip if record.skipped else self.report.warn)(record.reason, record.example)
        elif record.__class__ is SiteRecord and not self.fixed and self._writer is None:
            self.site = (record.key, record.name)


def _ticker(progress: ProgressCallback | None, path: Path, position: Callable[[], int]) -> Tick:
    """A function that reports progress (records so far) by the bytes read."""
    total = path.stat().st_size

    def tick(records: int, done: bool = False) -> None:
        if progress is not None:
            progress(ImportProgress(str(path), total if done else min(position(), total), total, records))

    return tick
