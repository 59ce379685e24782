"""The Isso connector against a real Isso (from PyPI, moderation on): connecting, pulling,
pushing (activate, delete), a staff reply, and a restore that stays local, said so."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from moderator.connectors.base import BadCredentials
from moderator.connectors.connections import make_connector
from moderator.connectors.isso import CANNOT_RESTORE
from moderator.moderation import decisions
from moderator.storage.models import Comment, OutboxItem
from moderator.vocabulary import Action
from tests.syncing import connect, runner, sync_now

URI = "/posts/ground-troops/"


def connected(db, isso):
    return connect(db, "isso", isso.url, "admin", isso.admin_password)


def local(db):
    with db.sessions() as s:
        return {c.external_id: c for c in s.scalars(select(Comment))}


def test_the_admin_password_is_checked(isso):
    assert make_connector("isso", isso.url, "admin", isso.admin_password).check().user == "admin"
    with pytest.raises(BadCredentials, match="refused the admin password"):
        make_connector("isso", isso.url, "admin", "not the password").check()


def test_a_pull_matches_the_servers_own_answers_and_follows_its_changes(db, isso):
    first = isso.add_comment(URI, "Published one", author="Ann")
    isso.admin_activate(first)
    reply = isso.add_comment(URI, "A reply to Ann", author="Bob", parent=first)
    isso.admin_activate(reply)
    pending = isso.add_comment(URI, "Still in moderation", author="Cy")
    row, connector = connected(db, isso)
    report = sync_now(db, row.id, connector)
    assert report.error is None and report.pulled.added == 3
    comments = local(db)
    assert {k: c.status for k, c in comments.items()} == {
        f"{URI}#{first}": "approved", f"{URI}#{reply}": "approved", f"{URI}#{pending}": "pending"}
    assert comments[f"{URI}#{reply}"].parent_id == comments[f"{URI}#{first}"].id
    assert {c["id"] for c in isso.public(URI)} == {first, reply}
    isso.admin_activate(pending)
    isso.admin_delete(reply)
    report = sync_now(db, row.id, connector)
    comments = local(db)
    assert comments[f"{URI}#{pending}"].status == "approved"
    assert (comments[f"{URI}#{reply}"].status, comments[f"{URI}#{reply}"].source_flag) == ("hidden", "deleted")


def test_approve_hide_and_reply_reach_isso_and_a_restore_stays_local(db, isso):
    one = isso.add_comment(URI, "Approve me", author="Ann")
    two = isso.add_comment(URI, "Hide me", author="Bob")
    row, connector = connected(db, isso)
    sync_now(db, row.id, connector)
    read, write = runner(db)
    ids = {c.external_id: c.id for c in local(db).values()}
    write(lambda s: decisions.decide(s, [ids[f"{URI}#{one}"]], Action.APPROVE, "ana"))
    write(lambda s: decisions.decide(s, [ids[f"{URI}#{two}"]], Action.HIDE, "ana", "abuse"))
    write(lambda s: decisions.reply(s, ids[f"{URI}#{one}"], "Staff says thanks", "ana"))
    report = sync_now(db, row.id, connector)
    assert (report.sent, report.error) == (3, None)
    modes = isso.modes_by_text()
    assert modes["Approve me"] == 1 and "Hide me" not in modes  # deleted (it had no replies)
    staff = [c for c in isso.public(URI) if c["text"] == "Staff says thanks"]
    assert len(staff) == 1 and staff[0]["parent"] == one and staff[0]["author"] == "ana"
    write(lambda s: decisions.decide(s, [ids[f"{URI}#{one}"]], Action.RESTORE, "ana"))
    report = sync_now(db, row.id, connector)
    assert report.local == 1 and isso.modes()[one] == 1
    assert "1 kept here only" in report.summary() and f"{CANNOT_RESTORE.rstrip('.')} (1)." in report.summary()
    assert read(lambda s: s.scalar(select(OutboxItem.note).where(OutboxItem.state == "local"))) == CANNOT_RESTORE


def test_an_id_isso_gives_again_after_a_delete_is_a_new_comment_here(db, isso):
    """Isso reuses the newest comment's id once it is deleted: the comment hidden here keeps
    its text and decisions, and the new comment (a reader's, or our reply) is one of its own."""
    first = isso.add_comment(URI, "Stays", author="Ann")
    isso.admin_activate(first)
    newest = isso.add_comment(URI, "Hide me", author="Bob")
    row, connector = connected(db, isso)
    sync_now(db, row.id, connector)
    read, write = runner(db)
    ids = {c.external_id: c.id for c in local(db).values()}
    write(lambda s: decisions.decide(s, [ids[f"{URI}#{newest}"]], Action.HIDE, "ana", "abuse"))
    assert sync_now(db, row.id, connector).sent == 1
    write(lambda s: decisions.reply(s, ids[f"{URI}#{first}"], "Staff says thanks", "ana"))
    report = sync_now(db, row.id, connector)
    assert (report.sent, report.error) == (1, None)
    comments = {c.body: c for c in local(db).values()}
    assert comments["Staff says thanks"].external_id == f"{URI}#{newest}"  # the id Isso gave again
    assert (comments["Hide me"].external_id, comments["Hide me"].status) == (None, "hidden")
    write(lambda s: decisions.decide(s, [comments["Staff says thanks"].id], Action.HIDE, "ana", "abuse"))
    assert sync_now(db, row.id, connector).sent == 1  # the staff reply deleted: its id is free again
    reader = isso.add_comment(URI, "A new reader", author="Cy")
    assert reader == newest
    report = sync_now(db, row.id, connector)
    assert (report.pulled.added, report.error) == (1, None)
    comments = {c.body: c for c in local(db).values()}
    assert (comments["A new reader"].external_id, comments["A new reader"].status) == (f"{URI}#{newest}", "pending")
    assert comments["Staff says thanks"].external_id is None and comments["Staff says thanks"].status == "hidden"
