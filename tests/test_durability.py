"""Killing the app loses nothing it showed as done."""

import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from moderator.config import resolve_db_url, resolve_paths
from moderator.storage.database import open_database
from moderator.storage.models import Comment, Decision

SESSION = Path(__file__).with_name("gui_session.py")


def test_a_decision_shown_as_done_survives_kill_9(tmp_path):
    home = tmp_path / "home"
    app = subprocess.Popen([sys.executable, str(SESSION), str(home)], stdout=subprocess.PIPE, text=True,
                           cwd=Path(__file__).parents[1])
    try:
        line = app.stdout.readline().split()
    finally:
        app.kill()  # SIGKILL: no clean shutdown, no flush
        app.wait(timeout=30)
    assert line[0] == "SHOWN" and line[2] == "approved", line
    paths = resolve_paths(str(home))
    database = open_database(resolve_db_url(paths), paths.backups)
    with database.sessions() as session:
        assert session.get(Comment, int(line[1])).status == "approved"
        actions = session.scalars(select(Decision.action).where(Decision.comment_id == int(line[1]))).all()
        assert actions == ["approve"]
    database.dispose()
