"""Two processes deciding on the same comments at once (two moderators, or the window and a
script): every decision records the status the comment really had, and no change of version
is lost, as the audit log shows afterwards; the command line refuses a comment that is no
longer in the status a script expects."""

import subprocess
import sys
from collections import defaultdict

import pytest
from sqlalchemy import select

from moderator.storage.models import Comment, Decision
from moderator.vocabulary import Status

pytestmark = pytest.mark.both_databases

RACER = """
import random, sys, time
from moderator.errors import ModeratorError
from moderator.moderation.decisions import decide
from moderator.storage.database import open_database

db = open_database(sys.argv[1], sys.argv[2])
ids, who, rng = [int(i) for i in sys.argv[3].split(",")], sys.argv[4], random.Random(sys.argv[4])
end, made = time.monotonic() + float(sys.argv[5]), 0
sessions = getattr(db, sys.argv[6])  # write_sessions, or decision_sessions (shared on PostgreSQL)
while time.monotonic() < end:
    action = rng.choice(["approve", "hide", "restore"])
    with sessions() as session:
        try:
            made += len(decide(session, [rng.choice(ids)], action, who, "spam" if action == "hide" else None).decided)
        except ModeratorError:
            continue
        session.commit()
print(made)
"""


def race(url: str, paths, ids: list[int], seconds: float, sessions: str) -> list[int]:
    racers = [subprocess.Popen([sys.executable, "-c", RACER, url, str(paths.backups), ",".join(map(str, ids)), who,
                                str(seconds), sessions], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for who in ("ana", "ben")]
    results = [racer.communicate(timeout=120) for racer in racers]
    assert all(racer.returncode == 0 for racer in racers), [err for _out, err in results]
    return [int(out) for out, _err in results]


@pytest.mark.parametrize("sessions", ["write_sessions", "decision_sessions"])
def test_two_processes_racing_on_five_comments_lose_nothing(demo_db, db_url, paths, sessions):
    """Also in decision sessions, whose write lock PostgreSQL shares: the rows' locks and the
    version check alone keep every decision true."""
    with demo_db.sessions() as s:
        ids = list(s.scalars(select(Comment.id).where(Comment.status == Status.PENDING).order_by(Comment.id).limit(5)))
    made = race(db_url, paths, ids, seconds=3.0, sessions=sessions)
    assert all(count > 20 for count in made), made  # both really raced
    with demo_db.sessions() as s:
        trail: dict[int, list] = defaultdict(list)
        for decision in s.scalars(select(Decision).where(Decision.comment_id.in_(ids)).order_by(Decision.id)):
            trail[decision.comment_id].append(decision)
        assert sum(len(t) for t in trail.values()) == sum(made)
        for cid in ids:
            status, stale = Status.PENDING, []
            for decision in trail[cid]:
                stale += [decision.id] if decision.status_before != status else []
                status = decision.status_after
            comment = s.get(Comment, cid)
            assert stale == [] and comment.status == status  # every status_before was true
            assert comment.version == 1 + len(trail[cid])  # no version change lost


def test_decide_if_status_refuses_a_comment_that_moved_on(cli):
    cli("demo")
    code, _out, err = cli("decide", "49", "approve", "--if-status", "hidden", "--moderator", "ana")
    assert code == 1 and "Comment 49 was not hidden (it is now pending)" in err and "\n" == err[-1:]
    code, out, _err = cli("decide", "49", "approve", "--if-status", "pending", "--moderator", "ana")
    assert code == 0 and "pending → approved" in out
