"""Killing the app loses nothing it showed as done: after SIGKILL, every decision the window
showed (as its views were told) is in the database, and the database passes its integrity check."""

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text

from moderator.config import resolve_db_url, resolve_paths
from moderator.storage.database import open_database
from moderator.storage.models import Comment, Decision

SESSION = Path(__file__).with_name("gui_session.py")


def run_and_kill(home: Path, script: str, shown_before_kill: int | None) -> list[tuple[int, str]]:
    """Start the session, kill it (SIGKILL: no clean shutdown, no flush) once it has shown
    `shown_before_kill` changes (None: once all its writes landed), and return every change
    it had shown by then."""
    app = subprocess.Popen([sys.executable, str(SESSION), str(home), script], stdout=subprocess.PIPE, text=True,
                           cwd=Path(__file__).parents[1])
    shown: list[tuple[int, str]] = []
    try:
        while shown_before_kill is None or len(shown) < shown_before_kill:
            line = app.stdout.readline().split()
            assert line and line[0] in ("SHOWN", "SENT", "DONE"), f"the session said {line}"
            if line[0] == "SHOWN":
                shown.append((int(line[1]), line[2]))
            elif line[0] == "DONE" and shown_before_kill is None:
                break
    finally:
        app.kill()
        app.wait(timeout=30)
    rest = app.stdout.read().split("\n")  # what it printed before the kill landed counts too
    shown += [(int(words[1]), words[2]) for words in (line.split() for line in rest) if words[:1] == ["SHOWN"]]
    return shown


def database_after(home: Path):
    paths = resolve_paths(str(home))
    return open_database(resolve_db_url(paths), paths.backups)


def test_a_decision_shown_as_done_survives_kill_9(tmp_path):
    home = tmp_path / "home"
    [(comment_id, status)] = run_and_kill(home, "approve", 1)
    assert status == "approved"
    database = database_after(home)
    with database.sessions() as session:
        assert session.get(Comment, comment_id).status == "approved"
        actions = session.scalars(select(Decision.action).where(Decision.comment_id == comment_id,
                                                                Decision.source != "rule")).all()  # the rules' flag aside
        assert actions == ["approve"]
    database.dispose()


@pytest.mark.parametrize("shown_before_kill", [2, None])
def test_a_mixed_sequence_killed_with_writes_in_flight_keeps_all_it_showed(tmp_path, shown_before_kill):
    """Hide with a reason, reply, undo, a bulk approve, approve, hide: each key as soon as the
    last returned, so the kill after the second change lands while later writes are in flight."""
    home = tmp_path / "home"
    shown = run_and_kill(home, "mixed", shown_before_kill)
    assert len(shown) >= (shown_before_kill or 5)
    database = database_after(home)
    with database.sessions() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        recorded = {(cid, status) for cid, status in session.execute(select(Decision.comment_id, Decision.status_after))}
        assert [change for change in shown if change not in recorded] == []
        if shown_before_kill is None:  # all of it: a hide, a reply and its undo, two in bulk (then an `a` and
            # an `h` whose comments depend on the order scoring left; they may find nothing to change)
            assert [status for _cid, status in shown][:5] == ["hidden", "approved", "removed", "approved", "approved"]
    database.dispose()
