"""An import is all or nothing per file even though it writes in short transactions
(storage/staging.py): killed while it writes, it is rolled back at the next start; killed
while it publishes, it is completed; a file failing halfway, or cancelled, changes nothing;
moderators see none of a file until it is published. Real `moderator import` processes,
real SIGKILLs."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from moderator.config import resolve_db_url
from moderator.errors import FileFormatError
from moderator.importing import ImportCancelled, import_files
from moderator.moderation.decisions import decide
from moderator.reading import queue
from moderator.reading.queue import QueueQuery
from moderator.storage.database import open_database
from moderator.storage.staging import staging_path
from moderator.vocabulary import Action, QueueKind
from tests.bigimports import database_file, import_phase, integrity, start_import, table_rows, write_comments

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

ALL = QueueQuery(kind=QueueKind.ALL)


def kill_when(process: subprocess.Popen[str], ready, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        assert process.poll() is None, f"the import ended before it could be killed: {process.communicate()}"
        assert time.monotonic() < deadline, "the import never reached the point to kill it at"
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


@pytest.fixture
def here(db, paths, tmp_path):
    """A database with comments already in it (a file imported, one comment decided), and
    the file again, every body changed, plus 20,000 new comments: the import to interrupt."""
    with db.sessions() as session:
        import_files(session, [write_comments(tmp_path / "first.jsonl", 300)])
    with db.write_sessions() as session:
        decide(session, [1], Action.APPROVE, "moderator")
        session.commit()
    db.dispose()
    return write_comments(tmp_path / "second.jsonl", 20_300, edited=" (edited)")


def test_an_import_killed_while_writing_is_rolled_back_at_the_next_start(paths, here):
    database = database_file(paths)
    before = table_rows(database)
    staged = staging_path(database)
    process = start_import(paths, here)
    kill_when(process, lambda: staged.exists() and staged.stat().st_size > 2 << 20
              and (import_phase(database) or ("",))[0] == "writing")

    assert import_phase(database) is not None  # left behind: the next start deals with it
    open_database(resolve_db_url(paths), paths.backups).dispose()

    assert table_rows(database) == before
    assert integrity(database) == "ok"
    assert not staged.exists()


def test_an_import_killed_while_publishing_is_completed_at_the_next_start(paths, here):
    database = database_file(paths)
    process = start_import(paths, here)

    def halfway_published() -> bool:
        phase = import_phase(database)
        return phase is not None and phase[0] == "publishing" and phase[1] > 300 + 5000

    kill_when(process, halfway_published)
    db = open_database(resolve_db_url(paths), paths.backups)
    try:
        with db.sessions() as session:
            assert queue.count(session, ALL) == 20_300
    finally:
        db.dispose()

    assert integrity(database) == "ok"
    assert not staging_path(database).exists()
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM imports").fetchone() == (0,)
        edited = connection.execute("SELECT count(*) FROM comments WHERE body LIKE '%(edited)'").fetchone()[0]
        assert edited == 20_300
        assert connection.execute("SELECT status FROM comments WHERE external_id = 'c1'").fetchone() == ("approved",)
        # every reply linked to its parent, across the kill
        unlinked = connection.execute("SELECT count(*) FROM comments WHERE parent_external_id IS NOT NULL "
                                      "AND parent_id IS NULL").fetchone()[0]
        assert unlinked == 0
        found = connection.execute("SELECT count(*) FROM comments_fts WHERE comments_fts MATCH '\"number 20000\"'")
        assert found.fetchone() == (1,)


def test_a_file_failing_halfway_changes_nothing(db, paths, here, tmp_path):
    database = database_file(paths)
    before = table_rows(database)
    bad = write_comments(tmp_path / "bad.jsonl", 6000, bad_at=5900, edited=" (edited)")

    with db.sessions() as session, pytest.raises(FileFormatError, match="line 5900"):
        import_files(session, [bad])

    assert table_rows(database) == before
    assert not staging_path(database).exists()


def test_a_cancelled_import_changes_nothing(db, paths, here):
    database = database_file(paths)
    before = table_rows(database)

    def cancel_halfway(progress) -> None:
        if progress.records >= 10_000:
            raise ImportCancelled()

    with db.sessions() as session, pytest.raises(ImportCancelled):
        import_files(session, [here], progress=cancel_halfway)

    assert table_rows(database) == before


def test_moderators_see_nothing_of_a_file_until_it_is_published(db, paths, here):
    """Counted while the import writes: as before; once it has published: all of it."""
    counts = []

    def count_now(progress) -> None:
        with db.sessions() as reader:
            counts.append(queue.count(reader, ALL))

    with db.sessions() as session:
        import_files(session, [here], progress=count_now)
        assert queue.count(session, ALL) == 20_300

    assert len(counts) > 5 and set(counts) == {300}
