"""Claims on a shared database: the comment a moderator has open is theirs until they move
on, close the app or stop renewing it; the others see who holds it, skip it, and leave it
out of bulk actions. Each test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from moderator.moderation import claims
from moderator.moderation.decisions import decide
from moderator.rules.commenters import hide_pending
from moderator.storage.database import open_database
from moderator.storage.models import Claim, Comment, utcnow
from moderator.vocabulary import Action, Source, Status

pytestmark = pytest.mark.both_databases


def pending_ids(db, count: int) -> list[int]:
    with db.sessions() as s:
        return list(s.scalars(select(Comment.id).where(Comment.status == Status.PENDING)
                              .order_by(Comment.created_at, Comment.id).limit(count)))


def write(db, operation):
    with db.write_sessions() as s:
        result = operation(s)
        s.commit()
    return result


def test_a_claimed_comment_names_its_holder_to_the_others(demo_db):
    cid = pending_ids(demo_db, 1)[0]
    assert write(demo_db, lambda s: claims.claim(s, cid, "ana")) is None
    assert write(demo_db, lambda s: claims.claim(s, cid, "ben")) == "ana"
    with demo_db.sessions() as s:
        assert claims.holders(s, [cid], "ben") == {cid: "ana"}
        assert claims.holders(s, [cid], "ana") == {}  # her own claim is no obstacle to her
        assert claims.live_claims(s) == {cid: "ana"}


def test_moving_on_releases_the_comment_left(demo_db):
    first, second = pending_ids(demo_db, 2)
    write(demo_db, lambda s: claims.claim(s, first, "ana"))
    write(demo_db, lambda s: claims.claim(s, second, "ana"))
    assert write(demo_db, lambda s: claims.claim(s, first, "ben")) is None
    with demo_db.sessions() as s:
        assert claims.live_claims(s) == {first: "ben", second: "ana"}


def test_closing_the_app_releases_every_claim(demo_db):
    cid = pending_ids(demo_db, 1)[0]
    write(demo_db, lambda s: claims.claim(s, cid, "ana"))
    assert write(demo_db, lambda s: claims.release(s, "ana")) == 1
    assert write(demo_db, lambda s: claims.claim(s, cid, "ben")) is None


def test_a_claim_not_renewed_expires_and_a_renewed_one_does_not(demo_db):
    first, second = pending_ids(demo_db, 2)
    start = utcnow()
    write(demo_db, lambda s: claims.claim(s, first, "ana", start))
    write(demo_db, lambda s: claims.claim(s, second, "cy", start))
    later = start + timedelta(seconds=claims.CLAIM_SECONDS - 10)
    assert write(demo_db, lambda s: claims.renew(s, second, "cy", later))
    past_expiry = start + timedelta(seconds=claims.CLAIM_SECONDS + 1)
    with demo_db.sessions() as s:
        assert claims.live_claims(s, past_expiry) == {second: "cy"}
    assert write(demo_db, lambda s: claims.claim(s, first, "ben", past_expiry)) is None  # ana's app died
    assert write(demo_db, lambda s: claims.claim(s, second, "ben", past_expiry)) == "cy"
    assert not write(demo_db, lambda s: claims.renew(s, first, "ana", past_expiry))  # hers is gone


def test_a_bulk_selection_skips_what_others_hold_and_counts_it(demo_db):
    ids = pending_ids(demo_db, 5)
    write(demo_db, lambda s: claims.claim(s, ids[1], "ana"))
    write(demo_db, lambda s: claims.claim(s, ids[3], "cy"))
    write(demo_db, lambda s: claims.claim(s, ids[0], "ben"))

    def approve_unclaimed(s):
        kept, skipped = claims.without_others_claims(s, ids, "ben")
        return decide(s, kept, Action.APPROVE, "ben", source=Source.BULK), skipped

    changes, skipped = write(demo_db, approve_unclaimed)
    assert skipped == 2 and sorted(d.comment_id for d in changes.decided) == sorted([ids[0], ids[2], ids[4]])
    with demo_db.sessions() as s:
        assert {cid: s.get(Comment, cid).status for cid in (ids[1], ids[3])} == {ids[1]: "pending", ids[3]: "pending"}


def test_hiding_a_banned_commenters_pending_leaves_what_others_hold_and_names_them(demo_db):
    with demo_db.sessions() as s:
        site_id, rex = s.execute(select(Comment.site_id, Comment.id).where(Comment.author == "RealistRex88",
                                                                          Comment.status == Status.PENDING)
                                 .order_by(Comment.id)).all()[0]
        theirs = list(s.scalars(select(Comment.id).where(Comment.author == "RealistRex88",
                                                         Comment.status == Status.PENDING)))
    held = [cid for cid in theirs if cid != rex][:2]
    write(demo_db, lambda s: claims.claim(s, held[0], "ana"))
    write(demo_db, lambda s: claims.claim(s, held[1], "cy"))
    write(demo_db, lambda s: claims.claim(s, rex, "ben"))  # the banning moderator's own claim is no obstacle

    hidden = write(demo_db, lambda s: hide_pending(s, site_id, "RealistRex88", "ben"))
    assert hidden.left == {held[0]: "ana", held[1]: "cy"} and hidden.holders() == ["ana", "cy"]
    assert sorted(d.comment_id for d in hidden.changes.decided) == sorted(set(theirs) - set(held))
    with demo_db.sessions() as s:
        assert {s.get(Comment, cid).status for cid in held} == {Status.PENDING}
        assert {s.get(Comment, cid).status for cid in set(theirs) - set(held)} == {Status.HIDDEN}


def test_the_next_unclaimed_comment_skips_others_claims(demo_db):
    first, second = pending_ids(demo_db, 2)
    write(demo_db, lambda s: claims.claim(s, first, "ana"))
    assert write(demo_db, lambda s: claims.next_unclaimed(s, "ben")) == second
    with demo_db.sessions() as s:
        assert claims.live_claims(s) == {first: "ana", second: "ben"}


def test_two_moderators_asking_at_once_get_two_comments_on_postgresql(pg_url, paths):
    """Two open transactions: the second does not wait for the first, and does not get its
    comment. (Read sessions: the app's write sessions take turns on PostgreSQL too, under one
    advisory lock, which would make the second wait for the first to commit.)"""
    db = open_database(pg_url, paths.backups)
    try:
        with db.sessions() as s:
            from moderator.importing.demo import load_demo
            load_demo(s)
        first, second = pending_ids(db, 2)
        with db.sessions() as ana, db.sessions() as ben:
            assert claims.next_unclaimed(ana, "ana") == first  # not committed yet: its row stays locked
            assert claims.next_unclaimed(ben, "ben") == second
            ana.commit()
            ben.commit()
        with db.sessions() as s:
            assert s.scalar(select(Claim.moderator).where(Claim.comment_id == first)) == "ana"
    finally:
        db.dispose()
