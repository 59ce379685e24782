"""Files and folders readable by their owner only.

The database holds commenters' e-mail and IP addresses, and backups, exports, logs and
settings hold parts of it, so on a machine other people use none of them may be
readable by others: every file the app creates is 0600 and every folder 0700 (on
Windows, where modes mean little, the calls are harmless). Files SQLite creates beside
a database (-wal, -shm, -journal) take the database file's mode, so creating the
database file first with 0600 covers them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal, TextIO

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def private_folder(path: Path) -> Path:
    """Create the folder (and missing parents) readable by its owner only; tighten it if it exists."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    tighten(path, PRIVATE_FOLDER)
    return path


def private_file(path: Path) -> Path:
    """Create an empty file readable by its owner only, or tighten the one there."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE))
    tighten(path, PRIVATE_FILE)
    return path


WriteMode = Literal["w", "a", "x"]  # text only: every file the app writes this way is text


def open_private(path: Path, mode: WriteMode = "w", encoding: str | None = None, newline: str | None = None) -> TextIO:
    """open() for writing a file that is created 0600 (and tightened if it was there)."""
    stream = open(path, mode, encoding=encoding, newline=newline,
                  opener=lambda name, flags: os.open(name, flags, PRIVATE_FILE))
    tighten(path, PRIVATE_FILE)
    return stream


@contextmanager
def written_aside(out: Path, mode: WriteMode = "w", encoding: str | None = None,
                  newline: str | None = None) -> Iterator[TextIO]:
    """A stream to a 0600 file beside `out` that replaces `out` once complete: a crash
    or an error never leaves half a file (and the partial one is removed)."""
    partial = out.with_name(out.name + ".partial")
    try:
        with open_private(partial, mode, encoding, newline) as stream:
            yield stream
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(out)


def tighten(path: Path, mode: int) -> None:
    """Take group and other permissions away (a file or folder we own; links are left alone)."""
    try:
        if not path.is_symlink() and path.exists() and path.stat().st_mode & 0o077:
            os.chmod(path, mode)
    except PermissionError:  # not ours (a shared folder): leave it as its owner set it
        pass


def tighten_tree(folder: Path) -> None:
    """The folder 0700 and the files directly in it 0600."""
    if not folder.is_dir():
        return
    tighten(folder, PRIVATE_FOLDER)
    for item in folder.iterdir():
        tighten(item, PRIVATE_FOLDER if item.is_dir() else PRIVATE_FILE)
