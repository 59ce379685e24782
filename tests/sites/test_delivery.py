"""The outbox's promises against the real WordPress: a decision made offline waits and goes
when the site is back, across a restart; a connection cut at each step of a push never
loses a decision nor applies one twice (a reply is never posted twice); a change made on
the site meanwhile is held, both ways; no secret reaches the database, settings or logs."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from moderator.connectors.connections import connection
from moderator.moderation import conflicts, decisions
from moderator.moderation.outbox import HELD
from moderator.storage.database import open_database
from moderator.storage.models import Comment, OutboxItem
from moderator.vocabulary import Action
from tests.syncing import connect, runner, sync_now


@pytest.fixture
def site(db, wordpress, proxy_to):
    """The site behind a cutting proxy, connected, with one comment on hold pulled."""
    proxy = proxy_to(wordpress.port)
    user = wordpress.users["editor"]
    held = wordpress.add_comment("Waiting for a moderator", status="hold")
    row, connector = connect(db, "wordpress", proxy.url, user.login, user.password)
    sync_now(db, row.id, connector)
    read, _ = runner(db)
    comment_id = read(lambda s: s.scalar(select(Comment.id).where(Comment.external_id == str(held))))
    return proxy, row, connector, held, comment_id


def test_offline_a_decision_waits_and_goes_when_the_site_is_back_even_after_a_restart(paths, db, wordpress, site):
    proxy, row, connector, held, comment_id = site
    proxy.down()
    _, write = runner(db)
    write(lambda s: decisions.decide(s, [comment_id], Action.HIDE, "ana", "spam"))
    report = sync_now(db, row.id, connector)
    assert report.offline and report.remaining == 1
    assert wordpress.comment(held)["status"] == "hold"
    db.dispose()
    reopened = open_database(f"sqlite:///{paths.database}", paths.backups)  # the app started again
    try:
        proxy.up()
        report = sync_now(reopened, row.id, connector)
        assert (report.sent, report.remaining, report.error) == (1, 0, None)
        assert wordpress.comment(held)["status"] == "spam"
    finally:
        reopened.dispose()


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_cut_connection_during_a_status_push_applies_the_decision_once(db, wordpress, site, when):
    proxy, row, connector, held, comment_id = site
    _, write = runner(db)
    write(lambda s: decisions.decide(s, [comment_id], Action.APPROVE, "ana"))
    proxy.cut(when, f"POST /?rest_route=%2Fwp%2Fv2%2Fcomments%2F{held}")
    first = sync_now(db, row.id, connector)
    assert first.offline and first.remaining == 1 and proxy.cuts == 1
    assert wordpress.comment(held)["status"] == ("approved" if when == "after" else "hold")
    second = sync_now(db, row.id, connector)
    assert (second.sent, second.remaining, second.held) == (1, 0, 0)
    assert wordpress.comment(held)["status"] == "approved"


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_cut_connection_during_a_reply_never_posts_it_twice(db, wordpress, site, when):
    proxy, row, connector, held, comment_id = site
    _, write = runner(db)
    write(lambda s: decisions.reply(s, comment_id, "One reply, exactly once", "ana"))
    proxy.cut(when, "POST /?rest_route=%2Fwp%2Fv2%2Fcomments ")
    first = sync_now(db, row.id, connector)
    assert first.offline and first.remaining == 1
    second = sync_now(db, row.id, connector)
    assert (second.sent, second.remaining) == (1, 0)
    replies = [c for c in wordpress.all_comments() if c["content"]["raw"] == "One reply, exactly once"]
    assert len(replies) == 1
    third = sync_now(db, row.id, connector)
    assert (third.sent, third.pulled.added) == (0, 0)


def test_a_kill_between_marking_a_reply_sending_and_the_sites_answer_looks_before_posting_again(db, wordpress, site):
    proxy, row, connector, held, comment_id = site
    _, write = runner(db)
    write(lambda s: decisions.reply(s, comment_id, "Posted, then the app was killed", "ana"))
    # The request went through, the app died before writing the answer: the row says "sending".
    proxy.cut("after", "POST /?rest_route=%2Fwp%2Fv2%2Fcomments ")
    sync_now(db, row.id, connector)
    read, _ = runner(db)
    assert read(lambda s: s.scalar(select(OutboxItem.state))) == "sending"
    sync_now(db, row.id, connector)
    assert len([c for c in wordpress.all_comments() if c["content"]["raw"] == "Posted, then the app was killed"]) == 1


def test_a_change_made_on_the_site_meanwhile_is_held_and_keep_mine_sends_it(db, wordpress, site):
    proxy, row, connector, held, comment_id = site
    read, write = runner(db)
    write(lambda s: decisions.decide(s, [comment_id], Action.HIDE, "ana", "abuse"))
    wordpress.set_status(held, "approved")  # an editor approved it on the site meanwhile
    report = sync_now(db, row.id, connector)
    assert report.held == 1 and report.sent == 0
    assert wordpress.comment(held)["status"] == "approved"  # nothing overwritten
    conflict = read(lambda s: conflicts.conflict_of(s, comment_id))
    assert conflict is not None and (conflict.site_status, conflict.mine) == ("approved", "hidden")
    assert "On the site it is now approved" in conflict.describe() and "ana hid it" in conflict.describe()
    write(lambda s: conflicts.keep_mine(s, conflict.outbox_id))
    assert sync_now(db, row.id, connector).sent == 1
    assert wordpress.comment(held)["status"] == "trash"


def test_a_change_made_on_the_site_meanwhile_is_held_and_take_site_adopts_it(db, wordpress, site):
    proxy, row, connector, held, comment_id = site
    read, write = runner(db)
    write(lambda s: decisions.decide(s, [comment_id], Action.APPROVE, "ana"))
    wordpress.set_status(held, "spam")
    sync_now(db, row.id, connector)
    conflict = read(lambda s: conflicts.conflict_of(s, comment_id))
    assert conflict is not None
    changes = write(lambda s: conflicts.take_site(s, conflict.outbox_id, "ana"))
    assert changes.decided[0].status_after == "hidden"
    assert sync_now(db, row.id, connector).sent == 0
    assert wordpress.comment(held)["status"] == "spam"
    assert read(lambda s: s.scalar(select(Comment.status).where(Comment.id == comment_id))) == "hidden"


def test_a_site_change_to_a_comment_decided_here_is_held_rather_than_lost(db, wordpress, site):
    proxy, row, connector, held, comment_id = site
    read, write = runner(db)
    write(lambda s: decisions.decide(s, [comment_id], Action.HIDE, "ana", "abuse"))
    sync_now(db, row.id, connector)
    assert wordpress.comment(held)["status"] == "trash"
    wordpress.set_status(held, "approved")  # someone brought it back on the site
    report = sync_now(db, row.id, connector)
    assert report.held == 1
    assert read(lambda s: s.scalar(select(Comment.status).where(Comment.id == comment_id))) == "hidden"
    assert read(lambda s: s.scalar(select(OutboxItem.state).where(OutboxItem.state == HELD))) == HELD


def test_no_secret_reaches_the_database_settings_or_logs(paths, db, wordpress, cli):
    user = wordpress.users["editor"]
    row, connector = connect(db, "wordpress", wordpress.url, user.login, user.password)
    sync_now(db, row.id, connector)
    db.dispose()
    secret = user.password.encode()
    for file in paths.home.rglob("*"):
        if file.is_file():
            assert secret not in file.read_bytes(), file
            assert secret.replace(b" ", b"") not in file.read_bytes(), file
    read, _ = runner(db)
    assert read(lambda s: connection(s, row.id)).secret_kept == "session"
