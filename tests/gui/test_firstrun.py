"""The first start asks who the moderator is (issue 18, point 3): staff posts go out under
the name readers should see, the audit log keeps the moderator's own; the dialog says
what priority and Flagged mean."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from moderator.gui import settings as S
from moderator.gui.dialogs.firstrun import FirstRunDialog, ask_who_you_are
from moderator.inifile import read_settings
from moderator.moderation.decisions import reply
from moderator.storage.models import Comment, Decision


def test_a_new_data_folder_is_asked_and_start_stores_both_names(qtbot, window):
    settings = window.context.settings
    settings.set(S.MODERATOR_NAME, "root")  # what the login name gave
    dialog = ask_who_you_are(window, settings)
    assert dialog is not None and dialog.isVisible()
    assert dialog.audit.text() == "root" and not dialog.start.isEnabled()  # no staff name yet
    qtbot.keyClicks(dialog.staff, "Anna Berg")
    assert dialog.audit.text() == "Anna Berg"  # untouched, it follows the staff name
    qtbot.keyClick(dialog.staff, Qt.Key.Key_Return)
    assert settings.get(S.STAFF_NAME) == "Anna Berg" and window.moderator == "Anna Berg"
    stored = read_settings(window.context.paths.settings_file)  # the command line reads the same
    assert (stored.get(S.STAFF_NAME), stored.get(S.MODERATOR_NAME)) == ("Anna Berg", "Anna Berg")
    assert ask_who_you_are(window, settings) is None  # asked once


def test_an_audit_name_typed_by_hand_is_kept(qtbot):
    dialog = FirstRunDialog(None, "root", 0.5, 0.8)
    qtbot.addWidget(dialog)
    dialog.audit.clear()
    qtbot.keyClicks(dialog.audit, "aberg")
    qtbot.keyClicks(dialog.staff, "The Newsroom")
    assert dialog.names() == ("The Newsroom", "aberg")
    dialog.audit.clear()
    assert not dialog.start.isEnabled()  # an empty audit name is no name


def test_ask_me_later_stores_nothing_and_asks_again(qtbot, window):
    settings = window.context.settings
    dialog = ask_who_you_are(window, settings)
    qtbot.keyClicks(dialog.staff, "Anna")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert settings.get(S.STAFF_NAME) == ""
    again = ask_who_you_are(window, settings)
    assert again is not None
    again.reject()


def test_the_dialog_explains_priority_and_flagged_with_the_thresholds_in_force(qtbot):
    dialog = FirstRunDialog(None, "root", 0.35, 0.7)
    qtbot.addWidget(dialog)
    text = dialog.findChild(QLabel, "aboutQueue").text()
    assert "<b>Priority</b>" in text and "<b>Flagged</b>" in text and "key <b>2</b>" in text
    assert "Medium from 0.35" in text and "High from 0.70" in text and "demo" in text


def test_the_flagged_tab_says_what_flagged_means(window):
    pane = window.queue_pane
    flagged = [pane.kinds.tabText(i) for i in range(pane.kinds.count())].index("Flagged")
    assert "Medium priority or higher (from 0.50)" in pane.kinds.tabToolTip(flagged)


def test_a_staff_reply_shows_the_staff_name_and_the_audit_keeps_the_moderators(demo_db):
    with demo_db.write_sessions() as session:
        parent = session.scalars(select(Comment.id).order_by(Comment.id)).first()
        changes = reply(session, parent, "Thanks, fixed.", "aberg", "The Newsroom")
        session.commit()
    with demo_db.sessions() as session:
        posted = session.get(Comment, changes.decided[0].comment_id)
        decision = session.scalars(select(Decision).where(Decision.comment_id == posted.id)).one()
        assert (posted.author, posted.is_staff, decision.moderator) == ("The Newsroom", True, "aberg")


def test_the_command_line_replies_under_the_staff_name_set_in_the_app(cli, paths, demo_db):
    paths.settings_file.write_text("[moderation]\nstaff_name=The Newsroom\nmoderator_name=aberg\n", encoding="utf-8")
    with demo_db.sessions() as session:
        parent = session.scalars(select(Comment.id).order_by(Comment.id)).first()
    code, _out, err = cli("reply", str(parent), "Thanks.", "--moderator", "aberg")
    assert code == 0, err
    with demo_db.sessions() as session:
        newest = session.scalars(select(Comment).order_by(Comment.id.desc())).first()
        assert (newest.author, newest.is_staff) == ("The Newsroom", True)
