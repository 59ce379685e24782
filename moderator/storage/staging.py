"""An import's staging file, and publishing what it holds: how an import of any size
leaves the database's write lock to moderators and still changes all or nothing.

While a file is read, its new comments, and its changes to comments and articles
already here, go to a staging file beside the database (`<database>-import`, an SQLite
file attached to the import's connection as `staging`, written without a journal or
fsync: it is thrown away if anything goes wrong). Moderators see none of it; the
database's write lock is taken only to add the file's new sites and articles (shown,
empty, until the comments come). Once the whole file is read, the import publishes:
it moves the staged comments into `comments` and applies the staged changes in short
transactions (`Steps`), each recording how far it got in the import's row (`imports`,
models.ImportRun); the full-text index follows through its triggers. Moderators see
the file's comments appear over those seconds.

A file that fails, or is cancelled, while it is read changes nothing: its new articles
and sites are removed and the staging file deleted (`StagedImport.start`). An import a
crash cut short is dealt with at the next start (`recover`, from open_database): rolled
back the same way while `writing`, completed once `publishing`. The import lock
(storage/locks.py) tells a crashed import from one still running in another process.

Ids: staged comments are numbered from `first_comment_id`, the next id when the import
began, and a staged reply's parent is either a staged number (≥ first_comment_id) or the
id of a comment already here. Others may add comments meanwhile (a staff reply), so when
publishing starts every number is shifted by one amount, and the comment numbered last
goes in first: nothing else can take an id inside the range after that.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    Connection,
    Engine,
    Index,
    Integer,
    MetaData,
    Row,
    Select,
    String,
    Table,
    and_,
    case,
    delete,
    exists,
    func,
    insert,
    literal,
    null,
    select,
    update,
)
from sqlalchemy.exc import SQLAlchemyError

from moderator.errors import ModeratorError
from moderator.filemodes import private_file
from moderator.storage import replylinks
from moderator.storage.checkpoints import Checkpoints
from moderator.storage.engine import PATIENCE, WRITE, database_path, driver_of
from moderator.storage.locks import FileLock, Waiting, lock_path
from moderator.storage.models import Article, Comment, Decision, ImportRun, Site, UtcDateTime, core_table

log = logging.getLogger(__name__)


class Phase(StrEnum):
    WRITING = "writing"  # the file is being read into the staging file
    PUBLISHING = "publishing"  # the staged comments are moving into comments


SCHEMA = "staging"
HOLD = 0.5  # seconds a publishing transaction keeps the write lock at most (less when a writer waits)
UNIT = 1000  # rows per statement while publishing: about what a waiting writer waits for
PATIENCE_SECONDS = 60.0  # an import waits this long for the write lock before it gives up
CACHE_KB = 96 << 10  # the import's page cache: with the default 2 MB, indexes are read again and again
STAGING_CACHE_KB = 16 << 10

comments, articles, sites = core_table(Comment), core_table(Article), core_table(Site)
decisions, imports = core_table(Decision), core_table(ImportRun)
# What an import writes of a new comment (the other columns are the same for all: set when published).
STAGED = ("id", "external_id", "status", "article_id", "parent_external_id", "author", "author_email", "author_url",
          "author_ip", "body", "created_at", "source_status", "source_flag", "kind", "parent_id")
# What it may change of a comment already here.
CHANGED = STAGED[3:]
ARTICLE_FIELDS = ("headline", "standfirst", "body", "section", "url", "published_at")

staging = MetaData(schema=SCHEMA)
staged_comments = Table("new_comments", staging, *(Column(name, comments.c[name].type, primary_key=name == "id")
                                               for name in STAGED), Index("ix_staged_external", "external_id"))
staged_changes = Table("comment_changes", staging, Column("comment_id", Integer, primary_key=True),
                       *(Column(name, comments.c[name].type) for name in CHANGED), Column("follow", Boolean))
# None: the field is not changed.
staged_articles = Table("article_changes", staging, Column("article_id", Integer, primary_key=True),
                        *(Column(name, articles.c[name].type) for name in ARTICLE_FIELDS))


# What the rules' text screen found in each staged comment (its staged number), found as the
# file is read, without the database's write lock (moderator/rules/apply.Prescreen).
staged_hits = Table("rule_hits", staging, Column("comment_id", Integer, index=True), Column("rule", String(40)),
                    Column("what", String(200)), Column("start", Integer), Column("end", Integer))
# Called with each published batch's new comment ids (a select of them) and the import's shift,
# in the transaction that publishes them: the import runs the rules there (rules/apply.on_published).
Arrived = Callable[[Connection, Select[Any], int], object]


class Screening(Protocol):
    """The rules' text screen run while the import publishes (importing/screening.py): told
    where publishing starts; for each batch, asked whether its hits are back (if not, the
    import commits before it `wait`s, so it never waits holding the write lock), then, in the
    batch's transaction, to stage them (`ready`)."""

    def start(self, connection: Connection, done: int, top: int) -> None: ...

    def answered(self, low: int, high: int) -> bool: ...

    def wait(self, low: int, high: int) -> None: ...

    def ready(self, connection: Connection, low: int, high: int) -> None: ...


def staging_path(database: str) -> Path:
    return Path(f"{database}-import")


class StagedImport:
    """One import under way into an SQLite database file: its row in `imports`, its
    staging file, the one connection it reads and writes with."""

    def __init__(self, connection: Connection, database: str, run: Row[Any], arrived: Arrived | None = None):
        self.connection, self.database, self.run_id, self.arrived = connection, database, run.id, arrived
        self.first_comment_id: int = run.first_comment_id  # staged comments are numbered from here
        self.waiting = Waiting(database)  # its own: the engine's serves the threads that wait
        self.publishing = False  # started, and not finished

    @classmethod
    @contextmanager
    def start(cls, engine: Engine, path: str, arrived: Arrived | None = None) -> Iterator[StagedImport]:
        """The import's row and staging file, for the length of the block; rolled back
        unless published when the block ends. Refused while another import runs."""
        database = database_path(engine)
        if database is None:
            raise ValueError(f"{engine.url!r} is no SQLite database file: it cannot stage an import")
        lock = FileLock(lock_path(database, "import"))
        if not lock.acquire():
            raise ModeratorError(f"Another import is running on this database ({_running(engine)}); "
                                 "wait for it to finish, then import again.")
        try:
            _recover_locked(engine, database)  # one that a crash left behind
            with engine.connect() as connection, _import_settings(connection):
                staged = cls(connection, database, _begin_run(connection, database, path), arrived)
                try:
                    with _attached(connection, staging_path(database)):
                        try:
                            yield staged
                        except BaseException:
                            staged._give_up()
                            raise
                finally:
                    if not staged.publishing:  # else its staging file is needed to complete it
                        _remove_staging(database)
        finally:
            lock.release()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A transaction that reads the database (one snapshot) and writes the staging file only."""
        with _transaction(self.connection, write=False):
            yield self.connection

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A short transaction with the database's write lock (a new site or articles)."""
        with _transaction(self.connection, write=True):
            yield self.connection

    def record(self, **values: Any) -> None:
        """Values of the import's row (its site, once known)."""
        with self.writing():
            self.connection.execute(update(imports).where(imports.c.id == self.run_id).values(**values))

    def publish(self, link_replies: bool, screening: Screening | None = None) -> list[int]:
        """Everything staged into the database, in short transactions; → the comments
        whose reply chain looped, now top-level. From here on the import completes, at
        the next start if not now. `screening`: the text screen, if it runs now."""
        _flush_to_disk(staging_path(self.database))
        self.record(link_replies=link_replies)
        self.publishing = True
        looped = _publish(self.connection, self.run_id, self.waiting, self.arrived, screening)
        self.publishing = False
        return looped

    def _give_up(self) -> None:
        """Roll back what the import added, unless it is publishing; never raises, so the
        error that ended the import is the one seen (a rollback left undone is done at the next start)."""
        with suppress(SQLAlchemyError, ModeratorError, OSError):
            if self.connection.in_transaction():
                self.connection.rollback()
            _roll_back(self.connection, self.run_id, self.waiting)


def recover(engine: Engine) -> None:
    """Roll back, or complete, an import a crash cut short; leave one that is running."""
    database = database_path(engine)
    if database is None:
        return
    with engine.connect() as connection, _transaction(connection, write=False):
        left = connection.scalar(select(func.count()).select_from(imports))
    if not left and not staging_path(database).exists():
        return
    lock = FileLock(lock_path(database, "import"))
    if lock.acquire():  # else an import is running
        try:
            _recover_locked(engine, database)
        finally:
            lock.release()


def _recover_locked(engine: Engine, database: str) -> None:
    with engine.connect() as connection, _import_settings(connection):
        with _transaction(connection, write=False):
            runs = connection.execute(select(imports.c.id, imports.c.phase).order_by(imports.c.id)).all()
        waiting = Waiting(database)
        for run_id, phase in runs:
            if phase == Phase.WRITING:
                log.warning("rolling back an import that did not finish (import %s)", run_id)
                _roll_back(connection, run_id, waiting)
            elif staging_path(database).exists():
                log.warning("completing an import that was publishing when it stopped (import %s)", run_id)
                with _attached(connection, staging_path(database)):
                    _publish(connection, run_id, waiting)
            else:  # someone removed its staging file: what was published stays
                log.error("import %s was publishing but its staging file is gone; it stays incomplete", run_id)
                with _transaction(connection, write=True):
                    connection.execute(delete(imports).where(imports.c.id == run_id))
    _remove_staging(database)


def _running(engine: Engine) -> str:
    with engine.connect() as connection, _transaction(connection, write=False):
        path = connection.scalar(select(imports.c.path).order_by(imports.c.id.desc()).limit(1))
    return Path(path).name if path else "started just now"


class Steps:
    """A long piece of writing, done in short transactions. Call `unit()` before each
    unit of work (one statement or a few): it begins a transaction when none is open,
    and first ends the open one when it has kept the write lock for `hold` seconds, or
    at once when a writer is waiting, and then lets that writer through."""

    def __init__(self, connection: Connection, waiting: Waiting, hold: float = HOLD,
                 checkpoints: Checkpoints | None = None):
        self.connection, self.waiting, self.hold, self.checkpoints = connection, waiting, hold, checkpoints
        self.began: float | None = None

    def unit(self) -> Connection:
        if self.began is not None:
            queued = self.waiting.queued()
            if queued or time.monotonic() - self.began >= self.hold:
                self.commit()
                if queued:
                    self.waiting.let_through()
        if self.began is None:
            if self.checkpoints is not None:
                self.checkpoints.before_begin()
            _set_transaction(self.connection, write=True)
            self.connection.begin()
            self.began = time.monotonic()
        return self.connection

    def commit(self) -> None:
        if self.began is not None:
            self.began = None
            self.connection.commit()
            if self.checkpoints is not None:
                self.checkpoints.committed()


# Publishing

def _publish(connection: Connection, run_id: int, waiting: Waiting, arrived: Arrived | None = None,
             screening: Screening | None = None) -> list[int]:
    database = database_path(connection.engine)
    assert database is not None  # (only a database file has a staging file)
    with Checkpoints.beside(driver_of(connection), database) as checkpoints:
        return _publish_steps(Steps(connection, waiting, checkpoints=checkpoints), run_id, arrived, screening)


def _publish_steps(steps: Steps, run_id: int, arrived: Arrived | None, screening: Screening | None) -> list[int]:
    connection = steps.connection
    run = _run(steps.unit(), run_id)
    top = connection.scalar(select(func.max(staged_comments.c.id)))
    if screening is not None and top is not None:
        screening.start(connection, run.published_to, top)
    if run.phase == Phase.WRITING:
        if screening is not None and top is not None:
            screening.ready(connection, top - 1, top)
        _start_publishing(connection, run, top, arrived)
        run = _run(connection, run_id)
    for low, high in _ranges(run.published_to, (top or 0) - 1, UNIT):
        if screening is not None:
            if not screening.answered(low, high):
                steps.commit()
                screening.wait(low, high)
            screening.ready(steps.unit(), low, high)
        _merge(steps.unit(), run, staged_comments.c.id > low, staged_comments.c.id <= high, arrived=arrived)
        connection.execute(update(imports).where(imports.c.id == run_id).values(published_to=high))
    if top is not None:
        _link_last(steps.unit(), run, top)
    _apply(steps, staged_articles.c.article_id, 0, lambda low, high: _change_articles(connection, low, high))
    _apply(steps, staged_changes.c.comment_id, run.updated_to, lambda low, high: _change_comments(connection, run, low, high))
    looped = _link_replies(steps, run.site_id) if run.link_replies else []
    steps.commit()
    with _durably(connection):
        steps.unit().execute(delete(imports).where(imports.c.id == run_id))
        steps.commit()
    return looped


def _start_publishing(connection: Connection, run: Row[Any], top: int | None, arrived: Arrived | None) -> None:
    """Publishing begins, in one transaction: the shift fixed, the last staged comment in."""
    next_id = (connection.scalar(select(func.max(comments.c.id))) or 0) + 1
    shift = max(0, next_id - run.first_comment_id)
    connection.execute(update(imports).where(imports.c.id == run.id).values(phase=Phase.PUBLISHING, shift=shift))
    if top is not None:  # its parent, if any, is linked once every other is in (_link_last)
        _merge(connection, _run(connection, run.id), staged_comments.c.id == top, parent=False, arrived=arrived)


def _merge(connection: Connection, run: Row[Any], *where: ColumnElement[bool], parent: bool = True,
           arrived: Arrived | None = None) -> None:
    """Staged comments into comments, with their ids and their parents' shifted."""
    staged = staged_comments.c
    values: dict[str, Any] = {name: staged[name] for name in STAGED}
    values |= {"id": staged.id + run.shift, "parent_id": _published_parent(run) if parent else null(),
               "site_id": literal(run.site_id), "is_staff": literal(False, Boolean()), "version": literal(1),
               "updated_at": literal(run.started_at, UtcDateTime())}
    connection.execute(insert(comments).from_select(list(values), select(*values.values()).where(*where)))
    if arrived is not None:
        arrived(connection, select(staged.id + run.shift).where(*where), run.shift)


def _published_parent(run: Row[Any]) -> ColumnElement[Any]:
    parent = staged_comments.c.parent_id
    return case((parent >= run.first_comment_id, parent + run.shift), else_=parent)


def _link_last(connection: Connection, run: Row[Any], top: int) -> None:
    parent = select(_published_parent(run)).where(staged_comments.c.id == top).scalar_subquery()
    connection.execute(update(comments).where(comments.c.id == top + run.shift).values(parent_id=parent))


def _apply(steps: Steps, key: Column[int], done: int, change: Callable[[int, int], None]) -> None:
    """Staged changes, UNIT rows at a time in `key` order, from after `done`."""
    while True:
        connection = steps.unit()
        keys = connection.scalars(select(key).where(key > done).order_by(key).limit(UNIT)).all()
        if not keys:
            return
        change(done, keys[-1])
        done = keys[-1]


def _change_articles(connection: Connection, low: int, high: int) -> None:
    """Changes to articles already here (a field the file left out keeps its value).
    Applied again after a crash, they give the same values: no progress is recorded."""
    staged = staged_articles.c
    connection.execute(update(articles).where(articles.c.id == staged.article_id, staged.article_id > low,
                                              staged.article_id <= high)
                       .values({name: func.coalesce(staged[name], articles.c[name]) for name in ARTICLE_FIELDS}))


def _change_comments(connection: Connection, run: Row[Any], low: int, high: int) -> None:
    """Changes to comments already here; the source's new status only where no moderator decided."""
    staged = staged_changes.c
    chosen = and_(comments.c.id == staged.comment_id, staged.comment_id > low, staged.comment_id <= high)
    connection.execute(update(comments).where(chosen).values(
        {name: staged[name] for name in CHANGED} | {"version": comments.c.version + 1, "updated_at": run.started_at}))
    connection.execute(update(comments).where(chosen, staged.follow, ~exists().where(decisions.c.comment_id == comments.c.id))
                       .values(status=staged.source_status))
    connection.execute(update(imports).where(imports.c.id == run.id).values(updated_to=high))


def _link_replies(steps: Steps, site_id: int) -> list[int]:
    """Replies left unlinked, linked now that every comment is in; loops cut. Reading
    which needs no write lock; writing, UNIT replies a statement."""
    steps.commit()
    with _transaction(steps.connection, write=False):
        ids = replylinks.unlinked_ids(steps.connection, site_id)
    for start in range(0, len(ids), UNIT):
        replylinks.link(steps.unit(), site_id, ids[start : start + UNIT])
    steps.commit()
    with _transaction(steps.connection, write=False):
        looped = replylinks.loops(steps.connection, site_id)
    replylinks.cut(steps.unit(), looped)
    return looped


def _ranges(done: int, last: int, size: int) -> Iterator[tuple[int, int]]:
    """(low, high] ranges of ids after `done` up to `last`."""
    for low in range(done, last, size):
        yield low, min(low + size, last)


# Rolling back

def _roll_back(connection: Connection, run_id: int, waiting: Waiting) -> None:
    """What an import added while `writing` removed: its new articles and sites (unless a
    moderator has written a comment on one meanwhile) and its row."""
    steps = Steps(connection, waiting)
    run = steps.unit().execute(select(imports).where(imports.c.id == run_id)).one_or_none()
    if run is None or run.phase != Phase.WRITING:
        steps.commit()
        return
    last = connection.scalar(select(func.max(articles.c.id))) or 0
    for low, high in _ranges(run.first_article_id - 1, last, UNIT):  # kept: one a moderator commented on meanwhile
        steps.unit().execute(delete(articles).where(articles.c.id > low, articles.c.id <= high,
                                                    ~exists().where(comments.c.article_id == articles.c.id)))
    connection = steps.unit()
    connection.execute(delete(sites).where(sites.c.id >= run.first_site_id, ~exists().where(articles.c.site_id == sites.c.id)))
    connection.execute(delete(imports).where(imports.c.id == run_id))
    steps.commit()


def _remove_staging(database: str) -> None:
    for suffix in ("", "-journal"):
        with suppress(FileNotFoundError):
            Path(f"{staging_path(database)}{suffix}").unlink()


# The import's row, connection and staging file

def _begin_run(connection: Connection, database: str, path: str) -> Row[Any]:
    """The import's row, with the first ids its new rows will take."""
    _remove_staging(database)
    private_file(staging_path(database))
    with _transaction(connection, write=True):
        first = {name: (connection.scalar(select(func.max(table.c.id))) or 0) + 1
                 for name, table in (("first_site_id", sites), ("first_article_id", articles),
                                     ("first_comment_id", comments))}
        inserted = connection.execute(insert(imports).values(
            phase=Phase.WRITING, path=path, published_to=first["first_comment_id"] - 1, **first))
        key = inserted.inserted_primary_key
        assert key is not None  # an INSERT's
        return _run(connection, int(key[0]))


def _run(connection: Connection, run_id: int) -> Row[Any]:
    return connection.execute(select(imports).where(imports.c.id == run_id)).one()


@contextmanager
def _attached(connection: Connection, path: Path) -> Iterator[None]:
    """The staging file attached to the connection (outside any transaction), its tables made."""
    driver = driver_of(connection)
    driver.execute(f"ATTACH DATABASE ? AS {SCHEMA}", (str(path),))
    try:
        for pragma in ("journal_mode = OFF", "synchronous = OFF", f"cache_size = -{STAGING_CACHE_KB}"):
            driver.execute(f"PRAGMA {SCHEMA}.{pragma}")
        with _transaction(connection, write=False):
            staging.create_all(connection)
        yield
    finally:
        if connection.in_transaction():
            connection.rollback()
        driver.execute(f"DETACH DATABASE {SCHEMA}")


@contextmanager
def _import_settings(connection: Connection) -> Iterator[None]:
    """The import's connection: a larger page cache; commits that reach the disk at the
    checkpoint, not each time (a crash keeps a consistent database, and the import's
    row says what to do with it; its last commit is made durable: _durably)."""
    driver = driver_of(connection)
    driver.execute(f"PRAGMA cache_size = -{CACHE_KB}")
    driver.execute("PRAGMA synchronous = NORMAL")
    try:
        yield
    finally:
        driver.execute("PRAGMA synchronous = FULL")
        driver.execute("PRAGMA cache_size = -2000")


@contextmanager
def _durably(connection: Connection) -> Iterator[None]:
    driver = driver_of(connection)
    driver.execute("PRAGMA synchronous = FULL")
    try:
        yield
    finally:
        driver.execute("PRAGMA synchronous = NORMAL")


def _set_transaction(connection: Connection, write: bool) -> None:
    connection.execution_options(**{WRITE: write, PATIENCE: PATIENCE_SECONDS})


@contextmanager
def _transaction(connection: Connection, write: bool) -> Iterator[None]:
    _set_transaction(connection, write)
    with connection.begin():
        yield


def _flush_to_disk(path: Path) -> None:
    """The staging file on disk before publishing starts: a crash after it must find it whole."""
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
