"""`errors.explain`: the one place that tells an expected failure (one sentence) from a bug (None).
The failures are made to happen for real wherever this machine can make them."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from moderator.errors import ConflictError, FileFormatError, ModeratorError, NotFoundError, explain
from moderator.importing.report import ImportCancelled
from moderator.storage.database import open_database
from moderator.storage.engine import make_engine
from tests.raising import raised


@pytest.mark.parametrize("error", [NotFoundError("There is no comment with id 7."), ConflictError("It changed; look again."),
                                   FileFormatError("a.csv", 3, "no author"), ImportCancelled("a.csv"),
                                   ModeratorError("Choose a reason.")])
def test_an_expected_failure_is_its_own_sentence(error):
    assert explain(error) == str(error)


def test_a_file_the_user_chose_that_is_missing_or_a_folder_names_the_file(tmp_path):
    missing = tmp_path / "missing folder" / "log.csv"
    assert explain(raised(lambda: missing.open("w"))) == f"{missing}: no such file or folder."
    assert explain(raised(lambda: open(tmp_path))) == f"{tmp_path}: this is a folder; choose a file."
    a_file = tmp_path / "file"
    a_file.write_text("x")
    inside = a_file / "inside"
    assert explain(raised(lambda: inside.open())) == f"{inside}: a part of this path is not a folder."
    partial = tmp_path / "missing folder" / "decisions.jsonl.partial"  # written first, renamed when complete
    chosen = tmp_path / "missing folder" / "decisions.jsonl"
    assert explain(raised(lambda: partial.open("w"))) == f"{chosen}: no such file or folder."


def test_unreadable_unwritable_and_existing_files_name_the_file():
    # root reads every file here, so these are built as the system raises them
    denied = PermissionError(errno.EACCES, os.strerror(errno.EACCES), "/srv/export.csv")
    assert explain(denied) == "/srv/export.csv: permission denied; choose another place, or ask for access."
    assert explain(FileExistsError(errno.EEXIST, "File exists", "/srv/b.sqlite")) == "/srv/b.sqlite: it exists already."
    read_only = OSError(errno.EROFS, "Read-only file system", "/mnt/cd/x")
    assert explain(read_only) == "/mnt/cd/x: the disk is read-only; choose another place."


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_a_sentence_with_or_without_a_file():
    def write_to_a_full_disk():
        with open("/dev/full", "w") as stream:
            stream.write("x")

    assert explain(raised(write_to_a_full_disk)) == "The disk is full; free some space and try again."
    assert explain(OSError(errno.ENOSPC, "No space left on device", "/data/x")) == \
        "/data/x: the disk is full; free some space and try again."


def test_other_os_errors_are_bugs():
    assert explain(raised(lambda: os.read(-1, 1))) is None  # a bad descriptor: our code's fault
    assert explain(FileNotFoundError(errno.ENOENT, "No such file or directory")) is None  # which file? a bug
    assert explain(ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")) is None


def test_a_locked_database_says_to_wait_and_try_again(tmp_path):
    path = tmp_path / "locked.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 0})
    try:
        with engine.connect() as connection:
            error = raised(lambda: connection.execute(text("INSERT INTO t VALUES (1)")))
    finally:
        engine.dispose()
        holder.close()
    assert isinstance(error, DBAPIError)
    assert explain(error) == ("The database is busy: another program (or another Comment Moderator) is writing to it. "
                              "Wait a moment and try again.")


def test_a_file_that_is_not_a_database_is_a_sentence(tmp_path):
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not SQLite " * 100)
    sentence = explain(raised(lambda: open_database(f"sqlite:///{garbage}", tmp_path)))
    assert sentence.startswith("The database file is not a Comment Moderator database, or it is damaged")


def test_an_address_that_is_not_a_database_url_is_a_sentence():
    assert explain(raised(lambda: make_engine("moderator.sqlite"))).startswith("The database address is not one this app")
    assert explain(raised(lambda: make_engine("nosuchdb://x"))).startswith("The database address is not one this app")


def test_other_database_errors_are_bugs(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with engine.connect() as connection:
        connection.execute(text("CREATE TABLE t (x UNIQUE)"))
        connection.execute(text("INSERT INTO t VALUES (1)"))
        assert explain(raised(lambda: connection.execute(text("INSERT INTO t VALUES (1)")))) is None  # a constraint
        assert explain(raised(lambda: connection.execute(text("SELECT * FROM nowhere")))) is None  # no such table
    engine.dispose()


@pytest.mark.parametrize("error", [KeyError("id"), TypeError("bad"), ValueError("x"), RuntimeError("y"), ZeroDivisionError()])
def test_anything_else_is_a_bug(error):
    assert explain(error) is None
