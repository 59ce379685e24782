"""F9 in the real window against the real WordPress: the comments arrive, the views show
them, and they are scored as an import's are (the quick screen, on arrival)."""

from __future__ import annotations

from sqlalchemy import func, select

from moderator.connectors.connections import add_connection
from moderator.connectors.secrets import SESSION
from moderator.connectors.wordpress import WordPress
from moderator.gui.actions import ActionId
from moderator.storage.models import Comment, Score
from tests.gui.conftest import no_answer_left_behind, open_window, window  # noqa: F401 - the GUI tests' fixtures
from tests.gui.helpers import wait_reads, wait_views, wait_writes


def test_f9_pulls_into_the_window_and_what_arrived_is_scored(qtbot, window, wordpress):  # noqa: F811
    texts = [f"Arrived from the site, number {n}" for n in range(3)]
    for text in texts:
        wordpress.add_comment(text, status="hold")
    user = wordpress.users["editor"]
    site_key = WordPress(wordpress.url, user.login, user.password).site_key
    with window.context.db.write_sessions() as s:
        add_connection(s, "wordpress", wordpress.url, user.login, site_key, "The Daily Test", SESSION)
        s.commit()
    window.sites.sync.secrets.keep(SESSION, site_key, user.login, user.password)
    qtbot.waitUntil(lambda: window.scoring.settled, timeout=60_000)  # the demo scored: nothing runs now
    with qtbot.waitSignal(window.sites.sync.finished, timeout=60_000) as finished:
        window.actions_by_id[ActionId.SYNC_NOW].trigger()
    assert finished.args[0][0].pulled.added == 3 and finished.args[0][0].error is None
    wait_writes(qtbot, window)

    def scored() -> int:
        with window.context.db.sessions() as s:
            return s.scalar(select(func.count()).select_from(Score).join(Comment, Comment.id == Score.comment_id)
                            .where(Comment.body.in_(texts)))

    qtbot.waitUntil(lambda: scored() == 3, timeout=60_000)
    wait_views(qtbot, window)  # the status is read on the reader in the feed's turn
    wait_reads(qtbot, window)
    assert window.sites.status.text().startswith("Synced ")
