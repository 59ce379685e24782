"""The WordPress connector against a real WordPress (Debian's package, MariaDB, php -S):
connecting, pulling, pushing each action and its undo, replies, the hide-reason mapping."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from moderator.connectors.base import BadCredentials, MissingCapability, SiteError, Unreachable
from moderator.connectors.connections import connection, make_connector, set_hide_status
from moderator.moderation import decisions
from moderator.storage.models import Article, Comment, OutboxItem
from moderator.vocabulary import Action
from tests.siteservers import free_port
from tests.syncing import connect, runner, sync_now

APP_STATUS = {"approved": "approved", "hold": "pending", "spam": "hidden", "trash": "hidden"}


def editor(wordpress):
    return wordpress.users["editor"]


def connected(db, wordpress, **options):
    user = editor(wordpress)
    return connect(db, "wordpress", wordpress.url, user.login, user.password, **options)


def by_external(db):
    with db.sessions() as s:
        return {c.external_id: c for c in s.scalars(select(Comment).where(Comment.external_id.is_not(None)))}


# ---- connecting -------------------------------------------------------------------------------------

def test_an_editor_with_an_application_password_connects(wordpress):
    user = editor(wordpress)
    identity = make_connector("wordpress", wordpress.url, user.login, user.password).check()
    assert identity.site_name == "The Daily Test"
    assert "editor" in identity.details["roles"]


def test_a_wrong_password_is_refused_in_one_sentence(wordpress):
    with pytest.raises(BadCredentials, match="refused the user name or password"):
        make_connector("wordpress", wordpress.url, "editor", "abcd efgh ijkl mnop qrst uvwx").check()


def test_a_user_who_may_not_moderate_is_told_to_get_the_editor_role(wordpress):
    author = wordpress.users["author"]
    with pytest.raises(MissingCapability, match="Editor role"):
        make_connector("wordpress", wordpress.url, author.login, author.password).check()


def test_an_unreachable_site_is_said_so():
    with pytest.raises(Unreachable, match="did not answer"):
        make_connector("wordpress", f"http://127.0.0.1:{free_port()}", "editor", "x").check()


def test_plain_http_to_another_host_is_refused_before_any_connection():
    with pytest.raises(SiteError, match="plain HTTP"):
        make_connector("wordpress", "http://news.example.com", "editor", "x")


# ---- pulling ------------------------------------------------------------------------------------------

def seed(wordpress):
    first = wordpress.add_comment("First! <b>bold</b> & more", status="approved", author="Ann")
    reply = wordpress.add_comment("A reply to Ann", status="hold", parent=first, author="Bob")
    spam = wordpress.add_comment("Buy cheap watches", status="spam", author="Spammer")
    trashed = wordpress.add_comment("Rude words", status="trash", author="Troll")
    return first, reply, spam, trashed


def test_the_first_pull_matches_the_sites_own_answers(db, wordpress):
    first, reply, spam, trashed = seed(wordpress)
    row, connector = connected(db, wordpress)
    report = sync_now(db, row.id, connector)
    assert report.error is None and report.pulled.added == 4
    site = {str(c["id"]): c for c in wordpress.all_comments()}
    local = by_external(db)
    assert set(local) == set(site)
    for external_id, comment in site.items():
        assert local[external_id].status == APP_STATUS[comment["status"]], external_id
        assert local[external_id].source_flag == ({"spam": "spam", "trash": "trash"}.get(comment["status"]))
    assert local[str(reply)].parent_id == local[str(first)].id
    assert local[str(first)].body == "First! bold & more"
    with db.sessions() as s:
        article = s.get(Article, local[str(first)].article_id)
        assert article.external_id == str(wordpress.post_id) and article.headline.startswith("Europe is moving away")


def test_an_incremental_pull_brings_a_new_comment_and_the_sites_status_changes(db, wordpress):
    first, reply, spam, trashed = seed(wordpress)
    row, connector = connected(db, wordpress)
    sync_now(db, row.id, connector)
    added = wordpress.add_comment("Arrived later", status="hold")
    wordpress.set_status(reply, "approved")
    wordpress.set_status(first, "trash")
    report = sync_now(db, row.id, connector)
    assert report.error is None
    assert (report.pulled.added, report.pulled.updated) == (1, 2)
    local = by_external(db)
    assert local[str(added)].status == "pending"
    assert local[str(reply)].status == "approved"
    assert (local[str(first)].status, local[str(first)].source_flag) == ("hidden", "trash")
    again = sync_now(db, row.id, connector)
    assert (again.pulled.added, again.pulled.updated) == (0, 0)


def test_a_comment_deleted_on_the_site_is_marked_deleted(db, wordpress):
    kept = wordpress.add_comment("Stays", status="hold")
    doomed = wordpress.add_comment("Goes", status="hold")
    row, connector = connected(db, wordpress)
    sync_now(db, row.id, connector)
    code, _ = wordpress.api("DELETE", f"/wp/v2/comments/{doomed}", force="true")
    assert code == 200
    sync_now(db, row.id, connector)
    local = by_external(db)
    assert (local[str(doomed)].status, local[str(doomed)].source_flag) == ("hidden", "deleted")
    assert local[str(kept)].status == "pending"


def test_a_first_pull_brings_each_comment_once_and_reads_no_status_list(db, wordpress):
    """Every comment is read by the first part of a first pull (any status): the hold list
    is not read again, nor its comments imported a second time."""
    wordpress.bulk_comments(730, posts=3, hold_every=1)  # 8 pages: more than are asked for at once
    row, connector = connected(db, wordpress)
    report = sync_now(db, row.id, connector)
    assert report.error is None
    assert (report.pulled.added, report.pulled.updated, report.pulled.unchanged) == (730, 0, 0)
    assert set(by_external(db)) == {str(c["id"]) for c in wordpress.all_comments()}
    again = sync_now(db, row.id, connector)  # incremental: the lists are read, nothing changed
    assert (again.pulled.added, again.pulled.updated) == (0, 0)


def test_a_first_pull_cancelled_resumes_from_its_cursor_and_brings_each_comment_once(db, wordpress):
    wordpress.bulk_comments(250, posts=3, hold_every=2)
    row, connector = connected(db, wordpress)
    seen = []

    def progress(done, total):
        seen.append((done, total))

    report = sync_now(db, row.id, connector, cancelled=lambda: bool(seen), progress=progress)
    assert report.cancelled and seen[0] == (100, 250)  # a page in, of the site's own total
    read, _ = runner(db)
    assert read(lambda s: connection(s, row.id)).cursor and read(lambda s: connection(s, row.id)).last_pull_at is None
    assert len(by_external(db)) == 100
    resumed = sync_now(db, row.id, connector)
    assert resumed.error is None and not resumed.cancelled
    assert resumed.pulled.added == 150
    assert set(by_external(db)) == {str(c["id"]) for c in wordpress.all_comments()}


# ---- pushing ----------------------------------------------------------------------------------------------

def decide(db, external_id, action, reason=None, moderator="ana"):
    read, write = runner(db)
    comment_id = read(lambda s: s.scalar(select(Comment.id).where(Comment.external_id == external_id)))
    return write(lambda s: decisions.decide(s, [comment_id], action, moderator, reason))


def undo(db, changes, moderator="ana"):
    _, write = runner(db)
    return write(lambda s: decisions.undo(s, changes.decision_ids, moderator))


@pytest.mark.parametrize(("action", "reason", "on_site"), [
    (Action.APPROVE, None, "approved"), (Action.HIDE, "spam", "spam"), (Action.HIDE, "abuse", "trash")])
def test_each_decision_and_its_undo_reach_the_site(db, wordpress, action, reason, on_site):
    held = wordpress.add_comment("Waiting for a moderator", status="hold")
    row, connector = connected(db, wordpress)
    sync_now(db, row.id, connector)
    made = decide(db, str(held), action, reason)
    with db.sessions() as s:  # the outbox row came with the decision, in its transaction
        assert s.scalar(select(OutboxItem.decision_id)) == made.decision_ids[0]
    assert sync_now(db, row.id, connector).sent == 1
    assert wordpress.comment(held)["status"] == on_site
    undo(db, made)
    assert sync_now(db, row.id, connector).sent == 1
    assert wordpress.comment(held)["status"] == "hold"


def test_restore_sends_a_comment_back_to_the_sites_moderation_queue(db, wordpress):
    published = wordpress.add_comment("Published already", status="approved")
    row, connector = connected(db, wordpress)
    sync_now(db, row.id, connector)
    decide(db, str(published), Action.RESTORE)
    sync_now(db, row.id, connector)
    assert wordpress.comment(published)["status"] == "hold"


def test_the_hide_reason_mapping_can_be_changed(db, wordpress):
    held = wordpress.add_comment("Off topic, rather", status="hold")
    row, connector = connected(db, wordpress)
    _, write = runner(db)
    write(lambda s: set_hide_status(s, row.id, "off_topic", "hold"))
    sync_now(db, row.id, connector)
    decide(db, str(held), Action.HIDE, "off_topic")
    report = sync_now(db, row.id, connector)
    assert report.sent == 1
    assert wordpress.comment(held)["status"] == "hold"


def test_a_staff_reply_and_a_first_comment_are_posted_as_the_connected_user(db, wordpress):
    parent = wordpress.add_comment("A question for the newsroom", status="approved")
    row, connector = connected(db, wordpress)
    sync_now(db, row.id, connector)
    read, write = runner(db)
    parent_id = read(lambda s: s.scalar(select(Comment.id).where(Comment.external_id == str(parent))))
    reply = write(lambda s: decisions.reply(s, parent_id, "Thanks <for> asking & reading", "ana"))
    article_id = read(lambda s: s.scalar(select(Comment.article_id).where(Comment.id == parent_id)))
    write(lambda s: decisions.post_first_comment(s, article_id, "Staff opening words", "ana"))
    report = sync_now(db, row.id, connector)
    assert report.sent == 2
    posted = {c["content"]["raw"]: c for c in wordpress.all_comments() if c["author"] == editor(wordpress).user_id}
    assert set(posted) == {"Thanks &lt;for&gt; asking &amp; reading", "Staff opening words"}
    assert posted["Thanks &lt;for&gt; asking &amp; reading"]["parent"] == parent
    assert all(c["status"] == "approved" for c in posted.values())
    reply_external = read(lambda s: s.scalar(select(Comment.external_id).where(Comment.id == reply.decided[0].comment_id)))
    assert reply_external == str(posted["Thanks &lt;for&gt; asking &amp; reading"]["id"])
    again = sync_now(db, row.id, connector)  # the next pull finds our own replies unchanged
    assert (again.pulled.added, again.pulled.updated, again.held) == (0, 0, 0)
    undo(db, reply)
    sync_now(db, row.id, connector)
    assert wordpress.comment(int(reply_external))["status"] == "trash"


def test_the_connection_row_says_when_it_last_pulled_and_pushed(db, wordpress):
    row, connector = connected(db, wordpress)
    sync_now(db, row.id, connector)
    read, _ = runner(db)
    after = read(lambda s: connection(s, row.id))
    assert after.last_pull_at is not None and after.last_push_at is not None and after.last_error is None
    assert after.to_send == 0
