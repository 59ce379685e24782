"""The sites' status is read off the GUI thread when a sync ends: every statement is recorded
with its thread through a SQLAlchemy event on the window's real engine; after F9 has started
the run, none that reads the outbox (the status word's counts, the Connections window's) runs
on the GUI thread, and yet the status bar and an open Connections window show the run's end."""

from __future__ import annotations

import threading

from sqlalchemy import event, select

from moderator.connectors.connections import add_connection
from moderator.connectors.secrets import SESSION
from moderator.gui.actions import ActionId
from moderator.gui.sites.dialog import ConnectionsDialog
from moderator.storage.models import Site
from tests.gui.helpers import wait_reads, wait_views, wait_writes
from tests.siteservers import free_port


def connect_where_nothing_answers(window) -> None:
    with window.context.db.write_sessions() as session:
        key = session.scalar(select(Site.key))
        add_connection(session, "wordpress", f"http://127.0.0.1:{free_port()}", "editor", key, "Demo", SESSION)
        session.commit()
    window.sites.sync.secrets.keep(SESSION, key, "editor", "secret")


def test_a_syncs_end_reads_the_status_on_the_reader(qtbot, window):
    connect_where_nothing_answers(window)
    dialog = ConnectionsDialog(window, window.sites.sync, window.writer, window.sites.show_status)
    qtbot.addWidget(dialog.dialog)
    window.sites._dialog = dialog  # noqa: SLF001 - as show_connections holds it while it is open (modal)
    assert window.sites.status.text() == "" and dialog.selected.text() == ""  # the window started with no connection
    gui, on_gui, elsewhere = threading.get_ident(), list[str](), list[str]()

    def remember(_connection, _cursor, statement, _parameters, _context, _many) -> None:
        if "outbox" in statement:
            (on_gui if threading.get_ident() == gui else elsewhere).append(statement)

    event.listen(window.context.db.engine, "before_cursor_execute", remember)
    try:
        with qtbot.waitSignal(window.sites.sync.finished, timeout=60_000):
            window.actions_by_id[ActionId.SYNC_NOW].trigger()  # F9: which connections are on, read here
            started = len(on_gui)
        wait_writes(qtbot, window)
        wait_views(qtbot, window)
        wait_reads(qtbot, window)
    finally:
        event.remove(window.context.db.engine, "before_cursor_execute", remember)
    assert on_gui[started:] == [] and elsewhere
    assert window.sites.status.text() == "Offline · 0 to send"
    assert "did not answer" in dialog.selected.text()  # the open Connections window followed
