"""Two apps on one SQLite file (two data folders, one database): each sees the other's
decisions and claims within a second, through SQLite's commit counter (`data_version`)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from moderator.config import resolve_paths
from moderator.gui import settings as S
from moderator.gui.app import build_window
from moderator.importing.demo import load_demo
from moderator.storage.database import open_database
from moderator.vocabulary import Status
from tests.gui.helpers import press, wait_writes

WITHIN_MS = 1000


@pytest.fixture
def two_apps(qtbot, tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    db = open_database(url, tmp_path / "backups")
    with db.sessions() as s:
        load_demo(s)
    db.dispose()
    windows = []
    for name in ("ana", "ben"):
        paths = resolve_paths(str(tmp_path / name))
        paths.ensure()
        window = build_window(paths, url)
        window.context.settings.set(S.MODERATOR_NAME, name)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
    yield windows
    for window in windows:
        window.close()
        window.deleteLater()


def test_two_apps_on_one_file_see_each_others_claims_and_decisions(qtbot, two_apps):
    ana, ben = two_apps
    press(qtbot, ben, Qt.Key.Key_1)
    press(qtbot, ana, Qt.Key.Key_1)
    with qtbot.waitSignal(ana.claims.claimed, timeout=5000):
        press(qtbot, ana, Qt.Key.Key_J)
    target = ana.current_comment_id
    qtbot.waitUntil(lambda: ben.watch.board.get(target) == "ana", timeout=WITHIN_MS)
    position = ben.queue.row_of(target)
    press(qtbot, ana, Qt.Key.Key_A)
    wait_writes(qtbot, ana)
    qtbot.waitUntil(lambda: ben.queue.row_at(position).status == Status.APPROVED, timeout=WITHIN_MS)
