"""Expected failures, and the one place that tells them from bugs.

An expected failure carries one plain sentence that tells the user what to do; `explain`
gives that sentence for any error, or None for a bug. The command line prints the
sentence; the app shows it (gui/common/messages.py); a bug goes to the log in full and
the user is told where the log is.
"""

from __future__ import annotations

import errno
import sqlite3

from moderator.i18n import QT_TRANSLATE_NOOP, Sentence, translate


class ModeratorError(Exception):
    """A failure the user can act on (bad input, unknown id, conflict): its one sentence, made
    in the language in force, or a Sentence (template and figures) translated here; a process
    that raises one for another (the scoring process) hands its `sentence` over, so the sentence
    reads in the receiving window's language."""

    def __init__(self, message: str | Sentence = ""):
        super().__init__(str(message))
        self.sentence = message


class NotFoundError(ModeratorError):
    pass


class ConflictError(ModeratorError):
    """The comment changed since the user last saw it; nothing was written."""


class FileFormatError(ModeratorError):
    """An import file is malformed; names the file, the line and the reason: a template marked
    in the context "errors" (a Sentence when it has figures), translated here, so the parser
    process can hand its `why` back (formats/piped.py) and the window shows it in its language."""

    def __init__(self, path: str, line: int | None, reason: str | Sentence, column: int | None = None):
        why = reason if isinstance(reason, Sentence) else Sentence(reason)
        reason = str(why)
        where = path if line is None else translate("errors", "{path}, line {line}").format(path=path, line=line)
        if line is not None and column is not None:
            where = translate("errors", "{path}, line {line}, column {column}").format(path=path, line=line,
                                                                                      column=column)
        super().__init__(f"{where}: {reason}")
        self.path, self.line, self.column, self.reason, self.why = path, line, column, reason, why


# The operating system's failures that come from the user's files and disks, not from
# our code: a file the user chose that is missing, a folder, unreadable or unwritable,
# a full or read-only disk. Any other OSError (a bad descriptor, an invalid argument) is a bug.
FILE_REASONS = {
    errno.ENOENT: QT_TRANSLATE_NOOP("errors", "no such file or folder"),
    errno.EACCES: QT_TRANSLATE_NOOP("errors", "permission denied; choose another place, or ask for access"),
    errno.EPERM: QT_TRANSLATE_NOOP("errors", "permission denied; choose another place, or ask for access"),
    errno.EISDIR: QT_TRANSLATE_NOOP("errors", "this is a folder; choose a file"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("errors", "a part of this path is not a folder"),
    errno.EEXIST: QT_TRANSLATE_NOOP("errors", "it exists already"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("errors", "the name is too long"),
    errno.EBUSY: QT_TRANSLATE_NOOP("errors", "another program is using it; close that program and try again"),
}
DISK_REASONS = {  # the same with or without a file name
    errno.ENOSPC: QT_TRANSLATE_NOOP("errors", "the disk is full; free some space and try again"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("errors", "your disk quota is used up; free some space and try again"),
    errno.EROFS: QT_TRANSLATE_NOOP("errors", "the disk is read-only; choose another place"),
    errno.EIO: QT_TRANSLATE_NOOP("errors", "the disk could not be read or written (input/output error); "
                                           "check the disk or choose another place"),
}
TEMPORARY_SUFFIXES = (".partial", ".part")
# SQLite's own words (raised by sqlite3, as a backup does, or wrapped by SQLAlchemy) for a
# database that is in use, on a full disk, out of reach or not a database; every other
# database error is a bug.
_BUSY = QT_TRANSLATE_NOOP("errors", "The database is busy: another program (or another Comment Moderator) is writing "
                                   "to it. Wait a moment and try again.")
DATABASE_SENTENCES = {  # each translated where it is shown
    "database is locked": _BUSY,
    "database table is locked": _BUSY,
    "database or disk is full": QT_TRANSLATE_NOOP("errors", "The disk holding the database is full; free some space and "
                                                            "try again."),
    "disk I/O error": QT_TRANSLATE_NOOP("errors", "The disk holding the database could not be read or written; check the "
                                                  "disk and try again."),
    "attempt to write a readonly database": QT_TRANSLATE_NOOP("errors", "The database file is read-only; check its "
                                                                        "permissions."),
    "unable to open database file": QT_TRANSLATE_NOOP("errors", "The database file could not be opened; check that its "
                                                                "folder exists and that you may write there."),
    "file is not a database": QT_TRANSLATE_NOOP("errors", "The database file is not a Comment Moderator database, or it "
                                                          "is damaged; restore it from a backup (moderator restore)."),
}


class DatabaseBusy(ModeratorError):
    """Another program held the database's write lock for longer than a write would wait
    for it; nothing of that write was done (storage/locks.py)."""

    def __init__(self) -> None:
        super().__init__(translate("errors", DATABASE_SENTENCES["database is locked"]))


def explain(error: BaseException) -> str | None:
    """The one sentence to show for an expected failure; None when `error` is a bug."""
    if isinstance(error, ModeratorError):
        return str(error)
    if isinstance(error, OSError):
        return _explain_os_error(error)
    return _explain_database_error(error)


def _explain_os_error(error: OSError) -> str | None:
    where = _chosen_file(error.filename)
    if error.errno in DISK_REASONS:
        reason = translate("errors", DISK_REASONS[error.errno])
        return f"{where}: {reason}." if where else f"{reason[0].upper()}{reason[1:]}."
    if error.errno in FILE_REASONS and where:
        return f"{where}: {translate('errors', FILE_REASONS[error.errno])}."
    return None


def _chosen_file(filename: object) -> str:
    """The file as the user named it: exports and backups write `<name>.partial` (downloads
    `<name>.part`) and rename it when complete, so a failure names the temporary file."""
    name = str(filename or "")
    for suffix in TEMPORARY_SUFFIXES:
        if name.endswith(suffix):
            return name[:-len(suffix)]
    return name


# PostgreSQL's error classes (SQLSTATE's first two characters) a team database's user can act on.
POSTGRESQL_SENTENCES = {
    "08": QT_TRANSLATE_NOOP("errors", "The team database cannot be reached ({}); check the address in --db, the network, "
                                      "and that the server runs (docs/team.md)."),
    "28": QT_TRANSLATE_NOOP("errors", "The team database refused the login ({}); check the user name and the password "
                                      "(the credential store or ~/.pgpass: docs/team.md)."),
    "42501": QT_TRANSLATE_NOOP("errors", "Your database role may not do this ({}); ask whoever runs the team database."),
    "53": QT_TRANSLATE_NOOP("errors", "The team database server is out of resources ({}); ask whoever runs it."),
    "22": QT_TRANSLATE_NOOP("errors", "The team database cannot store a value given to it ({}); nothing was changed."),
}
# psycopg's own errors, raised before the server is asked, have no SQLSTATE: a value it cannot
# send (a text holding a NUL character) is a DataError; a connection that failed, the rest.
_CLIENT_SIDE = {"DataError": "22"}


def _explain_postgresql(orig: BaseException) -> str | None:
    """The sentence for psycopg's error: a connection that failed has no SQLSTATE at all."""
    state = getattr(orig, "sqlstate", None) or _CLIENT_SIDE.get(type(orig).__name__, "08")
    template = POSTGRESQL_SENTENCES.get(state) or POSTGRESQL_SENTENCES.get(state[:2])
    if template is None:
        return None
    words = (str(orig).strip().splitlines() or [""])[0]
    return translate("errors", template).format(words.replace("connection failed: ", "", 1).rstrip("."))


def _explain_database_error(error: BaseException) -> str | None:
    from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError  # loaded already where it matters

    if isinstance(error, DBAPIError) and error.orig is not None and hasattr(error.orig, "sqlstate"):
        return _explain_postgresql(error.orig)
    if isinstance(error, (sqlite3.Error, DBAPIError)):
        sentence = DATABASE_SENTENCES.get(str(getattr(error, "orig", error)).strip())
        return translate("errors", sentence) if sentence else None
    if isinstance(error, NoSuchModuleError) or (
            isinstance(error, ArgumentError) and str(error).startswith("Could not parse SQLAlchemy URL")):
        return translate("errors", "The database address is not one this app can open ({error}); "
                                   "use e.g. sqlite:////path/to/moderator.sqlite.").format(error=error)
    return None
