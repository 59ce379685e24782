"""Import one file, or several: detect the format, stream the records, write them.

All or nothing per file: a bad file, a failure halfway or a cancel leaves the database
exactly as it was. A comment export into an SQLite database file is staged and then
published in short transactions of its own (storage/staging.py), so that moderators
keep working however large the file: the session's own transaction is committed
first. Anything else (an article page, a decisions file, another database) is written
in the session's transaction, which import_files commits per file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from moderator.errors import FileFormatError
from moderator.formats import FORMATS, NotRecognised, detect, parser
from moderator.formats.limits import MAX_DECISIONS_FILE, size
from moderator.formats.records import ArticleRecord, CommentRecord, Notice, Record, SiteRecord
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence
from moderator.importing.ahead import Ahead, worth_it
from moderator.importing.decisions import apply_decisions
from moderator.importing.page import import_page_file, site_id_of
from moderator.importing.report import ImportProgress, ImportReport, ProgressCallback, Tick
from moderator.importing.screening import PublishScreen
from moderator.importing.target import Direct, Target
from moderator.importing.writer import BATCH, Writer
from moderator.rules.apply import on_published, screening_wanted
from moderator.storage.engine import database_path
from moderator.storage.staging import StagedImport

FORMAT_NAMES = tuple(FORMATS)


def import_file(session: Session, path: Path, file_format: str = "auto", site_key: str | None = None,
                progress: ProgressCallback | None = None, parallel: bool | None = None) -> ImportReport:
    """Import one file: staged, in transactions of its own, into an SQLite database file
    (what the session holds is committed first); else into the session's transaction (the
    caller commits or rolls back).

    parallel: parse in a second process while this one writes (ahead.py); None decides
    by the file's size and the number of cores."""
    path = Path(path)
    if not path.is_file():
        raise FileFormatError(str(path), None, QT_TRANSLATE_NOOP("errors", "no such file"))
    with path.open("rb") as stream:
        name = choose_format(stream, path, file_format)
        if name == "page":
            return import_page_file(session, path, site_key=site_key or "default")
        if name == "decisions":
            _refuse_larger(path, MAX_DECISIONS_FILE)
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
    sink = _Sink(Direct(session.connection()), report, (site_key, site_name), True)  # a pull's page: short
    for record in records:
        sink.take(record)
    sink.writer().finish()
    return report


def choose_format(stream: BinaryIO, path: Path, file_format: str = "auto") -> str:
    if file_format == "auto" and not stream.read(1):
        raise FileFormatError(str(path), None, QT_TRANSLATE_NOOP("errors", "the file is empty; there is nothing to import"))
    stream.seek(0)
    try:
        chosen = detect(stream) if file_format == "auto" else file_format
    except NotRecognised as unknown:
        raise FileFormatError(str(path), None, Sentence.of(QT_TRANSLATE_NOOP("errors", "{what}; nothing was imported"),
                                                           what=unknown.sentence)) from None
    if chosen not in FORMATS:
        raise FileFormatError(str(path), None, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "unknown format '{name}'; known: {known}"), name=chosen,
            known=", ".join(FORMATS)))
    return chosen


def _refuse_larger(path: Path, most: int) -> None:
    if path.stat().st_size > most:
        raise FileFormatError(str(path), None, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "a decisions file is at most {most}; this one is larger"),
            most=size(most)))


def detect_format(path: Path) -> str:
    with Path(path).open("rb") as stream:
        return choose_format(stream, Path(path))


def _import_records(session: Session, stream: BinaryIO, path: Path, name: str, site_key: str | None,
                    progress: ProgressCallback | None, parallel: bool) -> ImportReport:
    fmt = FORMATS[name]
    report = ImportReport(name, str(path), label=fmt.label)
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) and database_path(bind) is not None else None  # staged into it
    ahead = Ahead(name, path) if parallel else None
    # Parsed in a second process and staged, the text screen runs in one while it publishes.
    screen = PublishScreen() if ahead and engine is not None and screening_wanted(session.connection()) else None
    records = ahead if ahead else parser(name)(stream, str(path))
    tick = _ticker(progress, path, (lambda: ahead.position) if ahead else stream.tell)
    site = (site_key, site_key) if site_key else fmt.site
    done_reading = ahead.close if ahead else _nothing
    try:
        if engine is not None:
            session.commit()  # the import writes on a connection of its own
            with StagedImport.start(engine, str(path), arrived=on_published) as staged:
                sink = _Sink(staged, report, site, bool(site_key), screen is not None)
                writer = _write(records, sink, tick, done_reading)
                if screen is not None:
                    with staged.reading() as connection:
                        screen.begin(connection, writer.site_id)
                writer.report_links(staged.publish(writer.loose, screen))
        else:
            _write(records, _Sink(Direct(session.connection()), report, site, bool(site_key)), tick, done_reading)
    finally:
        done_reading()  # stopped early: the parser process, if any, is ended
        if screen is not None:
            screen.close()
    return report


def _write(records: Iterable[Record], sink: _Sink, tick: Tick, done_reading: Callable[[], None]) -> Writer:
    """Every record to the sink, the file closed, the last batch written; → the writer."""
    count = 0
    for count, record in enumerate(records, 1):
        sink.take(record)
        if count % BATCH == 0:
            tick(count)
    done_reading()
    writer = sink.writer()
    writer.finish()
    tick(count, done=True)
    return writer


def _nothing() -> None:
    pass


class _Sink:
    """Hands records to the writer, which is made once the file's site is known."""

    def __init__(self, target: Target, report: ImportReport, site: tuple[str, str], fixed: bool,
                 screen_later: bool = False):
        self.target, self.report, self.site, self.fixed, self.screen_later = target, report, site, fixed, screen_later
        self._writer: Writer | None = None

    def writer(self) -> Writer:
        if self._writer is None:
            with self.target.writing() as connection:
                site_id = site_id_of(connection, *self.site)
            self.target.record(site_id=site_id)
            self.report.site = self.site[0]
            self._writer = Writer(self.target, site_id, self.report, self.screen_later)
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
