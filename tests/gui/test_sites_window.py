"""Connected sites in the window: the status bar while offline with decisions waiting, F9,
the Connections dialog, a conflict shown on the comment with both states and a choice."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QInputDialog, QLineEdit
from sqlalchemy import select, update

from moderator.connectors.connections import add_connection
from moderator.connectors.secrets import SESSION
from moderator.gui.actions import ActionId
from moderator.gui.sites.dialog import ConnectionsDialog
from moderator.moderation import decisions
from moderator.moderation.outbox import HELD
from moderator.storage.models import Comment, OutboxItem, Site, utcnow
from moderator.vocabulary import Action
from tests.gui.helpers import wait_writes
from tests.siteservers import free_port


def connect_demo_site(window, url):
    """The demo's site connected to an address where nothing answers (the train)."""
    with window.context.db.write_sessions() as s:
        key = s.scalar(select(Site.key))
        connection_id = add_connection(s, "wordpress", url, "editor", key, "Demo", SESSION)
        ids = list(s.scalars(select(Comment.id).where(Comment.external_id.is_not(None), Comment.status == "pending").limit(3)))
        for comment_id in ids:
            decisions.decide(s, [comment_id], Action.APPROVE, "ana")
        s.commit()
    window.sites.sync.secrets.keep(SESSION, key, "editor", "secret")
    return connection_id, ids


def test_offline_the_status_bar_says_so_with_the_decisions_waiting(qtbot, window):
    connect_demo_site(window, f"http://127.0.0.1:{free_port()}")
    with qtbot.waitSignal(window.sites.sync.finished, timeout=60_000):
        window.actions_by_id[ActionId.SYNC_NOW].trigger()  # F9
    wait_writes(qtbot, window)
    window.sites.show_status()
    assert window.sites.status.text() == "Offline · 3 to send"
    log, name = window.sites.log.text.toPlainText(), window.sites.sync.connections()[0].site_name
    assert f"{name} (127.0.0.1:" in log and "did not answer" in log and "3 to send" in log  # named as people know it
    assert "pulled" not in log  # nothing was: the line says only that the site did not answer
    assert window.actions_by_id[ActionId.SYNC_NOW].shortcut().toString() == "F9"
    dialog = ConnectionsDialog(window, window.sites.sync, window.writer, window.sites.show_status)
    qtbot.addWidget(dialog.dialog)
    assert dialog.table.item(0, 1).text() == "WordPress"
    assert dialog.selected.text().startswith(f"Last error ({name} (127.0.0.1:") and "did not answer" in dialog.selected.text()


def test_the_connections_dialog_lists_the_connections_and_refuses_plain_http_elsewhere(qtbot, window):
    connect_demo_site(window, f"http://127.0.0.1:{free_port()}")
    dialog = ConnectionsDialog(window, window.sites.sync, window.writer, window.sites.show_status)
    qtbot.addWidget(dialog.dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 5).text() == "3"
    dialog.url.setText("http://news.example.com")
    dialog.user.setText("editor")
    dialog.secret.setText("x")
    dialog.check_and_connect()
    qtbot.waitUntil(lambda: dialog.connect_button.isEnabled(), timeout=10_000)
    assert "plain HTTP" in dialog.message.text()
    assert dialog.keep.count() == 2  # no credential store here: a file, or asked each session


def test_a_conflict_shows_both_states_and_take_the_sites_decides_here(qtbot, window):
    _, ids = connect_demo_site(window, f"http://127.0.0.1:{free_port()}")
    with window.context.db.write_sessions() as s:
        s.execute(update(OutboxItem).where(OutboxItem.comment_id == ids[0])
                  .values(state=HELD, site_status="hidden", site_flag="spam", changed_at=utcnow()))
        s.commit()
    window.open_comment(ids[0])
    bar = window.sites.conflict
    assert window.panel.isAncestorOf(bar) and bar.isVisible()  # at the top of the comment panel
    assert bar.mapTo(window.panel, bar.rect().topLeft()).y() < window.panel.height() // 4
    assert "On the site it is now hidden (spam), seen at" in bar.label.text()
    assert "here ana approved it at" in bar.label.text()
    bar.take_button.click()
    wait_writes(qtbot, window)
    with window.context.db.sessions() as s:
        assert s.scalar(select(Comment.status).where(Comment.id == ids[0])) == "hidden"
    assert bar.isHidden()


def test_f9_asks_for_a_secret_kept_nowhere_once_a_session(qtbot, window):
    """No credential store: the secret is asked for when the moderator syncs, then kept in memory."""
    connection_id, _ = connect_demo_site(window, f"http://127.0.0.1:{free_port()}")
    row = next(r for r in window.sites.sync.connections() if r.id == connection_id)
    window.sites.sync.secrets.forget(SESSION, row.site_key, row.username)  # a new session
    asked = []

    def answer() -> None:
        dialog = window.findChild(QInputDialog, "siteSecretDialog")
        asked.append(dialog.labelText())
        assert dialog.textEchoMode() == QLineEdit.EchoMode.Password
        dialog.setTextValue("typed-secret")
        dialog.accept()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(window.sites.sync.finished, timeout=60_000):
        window.actions_by_id[ActionId.SYNC_NOW].trigger()
    assert len(asked) == 1 and "Application Password for editor" in asked[0] and "this session only" in asked[0]
    assert window.sites.sync.secrets.get(SESSION, row.site_key, row.username) == "typed-secret"
    qtbot.waitUntil(lambda: not window.sites.sync.running)
    with qtbot.waitSignal(window.sites.sync.finished, timeout=60_000):
        window.actions_by_id[ActionId.SYNC_NOW].trigger()  # asked once: no dialog this time
    assert len(asked) == 1
    wait_writes(qtbot, window)
