"""Two moderators' windows on one PostgreSQL database (two apps, two data folders, one
database): claims shown and passed over, decisions reaching the other window within a
second, a stale decision refused with who changed the comment, bulk actions leaving out
what a colleague holds, the claim released when a window closes."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel, QMessageBox
from sqlalchemy import select

from moderator.config import resolve_paths
from moderator.gui import settings as S
from moderator.gui.app import build_window
from moderator.gui.sites.dialog import LEADS_ONLY
from moderator.importing.demo import load_demo
from moderator.moderation import claims
from moderator.moderation.decisions import decide
from moderator.storage.database import open_database
from moderator.storage.models import Claim, Comment
from moderator.vocabulary import Action, Status
from tests.gui.helpers import answer_modal, db_comment, decisions, press, wait_writes
from tests.teamroles import as_user, create_roles, grant

LIVE_WITHIN_MS = 1000  # the promise: a colleague's decision shows within a second


@pytest.fixture
def team_url(pg_server, tmp_path):
    url = pg_server.fresh_database()
    db = open_database(url, tmp_path / "backups")
    with db.sessions() as s:
        load_demo(s)
    db.dispose()
    return url  # not dropped after the test: closed windows' timers may still read it; the server goes at the end


@pytest.fixture
def team_window(qtbot, tmp_path, team_url):
    """A moderator's window on the team database, from a data folder of their own; closed
    (its claim released, its listener stopped) before the database is dropped."""
    opened = []

    def open_(name: str, url: str = team_url):
        paths = resolve_paths(str(tmp_path / name))
        paths.ensure()
        window = build_window(paths, url)
        window.context.settings.set(S.MODERATOR_NAME, name)
        opened.append(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield open_
    for window in opened:
        if window.isVisible():
            window.close()
        window.deleteLater()
    # Gone now, with their timers: none reads a database after the test (or the server's end).
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def open_pending(qtbot, window) -> int:
    """The Pending queue, its first comment open (and claimed, once the claim lands)."""
    press(qtbot, window, Qt.Key.Key_1)
    with qtbot.waitSignal(window.claims.claimed, timeout=5000):
        press(qtbot, window, Qt.Key.Key_J)
    return window.current_comment_id


def test_a_claim_shows_in_the_other_window_and_j_passes_over_it(qtbot, team_window):
    ana, ben = team_window("ana"), team_window("ben")
    taken = open_pending(qtbot, ana)
    qtbot.waitUntil(lambda: ben.watch.board.get(taken) == "ana", timeout=LIVE_WITHIN_MS)
    press(qtbot, ben, Qt.Key.Key_1)
    press(qtbot, ben, Qt.Key.Key_J)
    assert ben.current_comment_id not in (None, taken)  # the first pending comment is ana's: passed over
    ben.show_comment(taken)
    assert ben.claims.bar.isVisible() and ben.claims.bar.text().startswith("Being handled by ana")
    asked = []
    answer_modal(lambda box: (asked.append(box.text()), box.reject()), "ClaimedByOther")
    press(qtbot, ben, Qt.Key.Key_A)
    wait_writes(qtbot, ben)
    assert asked == ["ana is handling this comment."]
    assert db_comment(ben, taken).status == Status.PENDING and decisions(ben) == []


def test_a_decision_in_one_window_reaches_the_other_within_a_second(qtbot, team_window):
    ana, ben = team_window("ana"), team_window("ben")
    press(qtbot, ben, Qt.Key.Key_1)
    target = open_pending(qtbot, ana)
    ben.show_comment(target)
    position = ben.queue.row_of(target)
    assert ben.queue.row_at(position).status == Status.PENDING
    started = time.monotonic()
    press(qtbot, ana, Qt.Key.Key_A)
    wait_writes(qtbot, ana)
    qtbot.waitUntil(lambda: ben.queue.row_at(position).status == Status.APPROVED, timeout=LIVE_WITHIN_MS)
    assert time.monotonic() - started < LIVE_WITHIN_MS / 1000
    qtbot.waitUntil(lambda: ben.panel.row.status == Status.APPROVED, timeout=LIVE_WITHIN_MS)  # the open comment too


def test_a_stale_decision_in_the_window_is_refused_naming_who_and_when(qtbot, team_window):
    """The issue's overwrite: hidden in one app, approved over it in another. The second
    window still shows the comment as it was (its decision leaves before the news arrives)."""
    ben = team_window("ben")
    press(qtbot, ben, Qt.Key.Key_1)
    press(qtbot, ben, Qt.Key.Key_J)
    shown = ben.panel.row
    with ben.context.db.write_sessions() as s:  # ana, in her app, hides it
        decide(s, [shown.id], Action.HIDE, "ana", "spam", seen={shown.id: shown.version})
        s.commit()
    said = []
    answer_modal(lambda box: (said.append(box.text()), box.accept()), QMessageBox)
    ben.decisions.decide(shown, Action.APPROVE)  # what `a` does with the comment as ben saw it
    wait_writes(qtbot, ben)
    assert len(said) == 1 and said[0].startswith("ana hid this at ") and f"(comment {shown.id})" in said[0]
    assert db_comment(ben, shown.id).status == Status.HIDDEN
    assert [d.moderator for d in decisions(ben)] == ["ana"]
    qtbot.waitUntil(lambda: ben.panel.row.status == Status.HIDDEN, timeout=LIVE_WITHIN_MS)  # the fresh state shown


def test_a_bulk_action_leaves_out_what_a_colleague_holds(qtbot, team_window):
    ana, ben = team_window("ana"), team_window("ben")
    taken = open_pending(qtbot, ana)
    press(qtbot, ben, Qt.Key.Key_1)
    said = []
    ben.decisions._say = lambda text, _ms: said.append(text)  # the status bar's words, kept
    with ben.context.db.sessions() as s:
        ids = list(s.scalars(select(Comment.id).where(Comment.status == Status.PENDING).order_by(Comment.id).limit(4)))
    ids = sorted(set(ids) | {taken})
    ben.decisions.decide_many(ids, Action.APPROVE, f"the {len(ids)} selected comments", confirm=False)
    wait_writes(qtbot, ben)
    assert db_comment(ben, taken).status == Status.PENDING
    assert all(db_comment(ben, cid).status == Status.APPROVED for cid in ids if cid != taken)
    assert said[-1].startswith("1 comment left out: other moderators are handling them.")


def test_closing_a_window_releases_its_claim(qtbot, team_window):
    ana = team_window("ana")
    taken = open_pending(qtbot, ana)
    with ana.context.db.sessions() as s:
        assert claims.live_claims(s) == {taken: "ana"}
    db = ana.context.db
    ana.close()
    with db.sessions() as s:
        assert s.scalars(select(Claim)).all() == []


def test_a_moderator_sees_connections_greyed_and_a_lead_does_not(qtbot, team_window, team_url, pg_server):
    create_roles(pg_server)
    grant(team_url)
    seen = {}

    def look(dialog, who):
        seen[who] = (dialog.findChild(QGroupBox, "addGroup").isEnabled(), dialog.findChild(QLabel, "messageLabel").text())

    for who in ("ana", "ben"):  # ana is a moderator, ben a lead (docs/team.md)
        window = team_window(who, as_user(team_url, who))
        answer_modal(lambda dialog, who=who: look(dialog, who), "ConnectionsDialog")
        window.sites.show_connections()
    assert seen["ana"] == (False, LEADS_ONLY)
    assert seen["ben"][0] is True
