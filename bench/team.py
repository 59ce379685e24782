"""A team at work on one database: simulated moderators (one process each) take the next
unclaimed pending comment, decide it with the version they saw, and go on, for --seconds.

    .venv/bin/python bench/team.py                      # 10 on a throwaway PostgreSQL, 2 on an SQLite file, 60 s each
    .venv/bin/python bench/team.py --seconds 10         # quicker
    .venv/bin/python bench/team.py --db postgresql+psycopg://user@host/db   # an existing (empty) team database
    .venv/bin/python bench/team.py --only sqlite
    .venv/bin/python bench/team.py --only postgresql --compare-exclusive   # the shared write lock's gain

Each moderator loops, in decision sessions (Database.decision_sessions: the write lock
shared on PostgreSQL, so the moderators' decisions go side by side; --compare-exclusive runs
a team with it exclusive first, as every write took it before): claim the next comment
(moderation.claims.next_unclaimed: FOR UPDATE SKIP LOCKED on PostgreSQL), commit; decide it
(approve, or hide one in five) with the version read, releasing the claim, commit. The
decision latency is that second transaction, from its start to its commit. Afterwards the
audit log is checked: no comment decided twice (two moderators on one comment), and no lost
update (each decided comment's version is one more than it had, its status the decision's,
its decision's status_before what it was).
Without --db, a throwaway PostgreSQL server is started as the tests start theirs
(tests/pgserver.py) and removed at the end. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

# bench/queue.py is named like the standard library's `queue` (which psycopg imports): keep
# this folder behind the standard library on the path, where Python put it first.
BENCH = str(Path(__file__).resolve().parent)
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != Path(BENCH)]
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, insert, select  # noqa: E402

from moderator.storage.database import open_database  # noqa: E402
from moderator.storage.models import Article, Comment, Decision, Site, core_table, utcnow  # noqa: E402
from moderator.vocabulary import Status  # noqa: E402


def seed(url: str, comments: int, backups: Path) -> None:
    """One site, 100 articles, `comments` pending comments, in a few big inserts."""
    db = open_database(url, backups)
    now = utcnow()
    with db.sessions() as s:
        site = Site(key="bench", name="Bench")
        s.add(site)
        s.flush()
        s.execute(insert(core_table(Article)), [{"site_id": site.id, "external_id": f"a{i}", "headline": f"Article {i}",
                                                 "imported_at": now} for i in range(100)])
        articles = list(s.scalars(select(Article.id)))
        rows = [{"site_id": site.id, "article_id": articles[i % 100], "external_id": f"c{i}", "author": f"reader{i % 500}",
                 "body": f"Comment number {i}.", "created_at": now, "status": Status.PENDING, "version": 1,
                 "updated_at": now, "kind": "comment", "is_staff": False} for i in range(comments)]
        for start in range(0, comments, 10_000):
            s.execute(insert(core_table(Comment)), rows[start:start + 10_000])
        s.commit()
    db.dispose()


def moderate(url: str, who: str, seconds: float, backups: str, results, exclusive: bool = False) -> None:  # one process
    from moderator.errors import ConflictError
    from moderator.moderation import claims
    from moderator.moderation.decisions import decide
    from moderator.vocabulary import Action

    db = open_database(url, Path(backups))
    # Decisions and claims in decision sessions (the write lock shared on PostgreSQL); with
    # `exclusive`, in write sessions, as every write was before (for the comparison).
    sessions = db.write_sessions if exclusive else db.decision_sessions
    latencies, refused, end, turn = [], 0, time.monotonic() + seconds, 0
    while time.monotonic() < end:
        with sessions() as s:
            cid = claims.next_unclaimed(s, who)
            version = s.scalar(select(Comment.version).where(Comment.id == cid)) if cid else None
            s.commit()
        if cid is None:
            break
        turn += 1
        action, reason = (Action.HIDE, "spam") if turn % 5 == 0 else (Action.APPROVE, None)
        started = time.perf_counter()
        try:
            with sessions() as s:
                decide(s, [cid], action, who, reason, seen={cid: version})
                claims.release(s, who, cid)
                s.commit()
        except ConflictError:
            refused += 1
            continue
        latencies.append(time.perf_counter() - started)
    db.dispose()
    results.put((who, latencies, refused))


def run_team(url: str, moderators: int, seconds: float, backups: Path, exclusive: bool = False) -> dict:
    results: multiprocessing.Queue = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=moderate, args=(url, f"mod{i}", seconds, str(backups), results, exclusive))
               for i in range(moderators)]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    gathered = [results.get(timeout=seconds + 120) for _ in workers]
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    latencies = sorted(x for _who, lat, _refused in gathered for x in lat)
    return {"moderators": moderators, "seconds": round(elapsed, 1), "decisions": len(latencies),
            "per_second": round(len(latencies) / elapsed, 1),
            "p50_ms": round(1000 * statistics.median(latencies), 2) if latencies else None,
            "p99_ms": round(1000 * latencies[int(0.99 * (len(latencies) - 1))], 2) if latencies else None,
            "refused": sum(refused for _w, _l, refused in gathered)} | audit(url, backups)


def audit(url: str, backups: Path) -> dict:
    """From the audit log: comments decided more than once, and updates lost."""
    db = open_database(url, backups)
    with db.sessions() as s:
        twice = s.execute(select(func.count()).select_from(
            select(Decision.comment_id).group_by(Decision.comment_id).having(func.count() > 1).subquery())).scalar_one()
        decided = s.execute(select(Comment.id, Comment.version, Comment.status, Decision.status_before,
                                   Decision.status_after).join(Decision, Decision.comment_id == Comment.id)).all()
    db.dispose()
    lost = sum(1 for r in decided if r.version != 2 or r.status != r.status_after or r.status_before != Status.PENDING)
    return {"decided_by_two": twice, "lost_updates": lost}


def postgresql_url(args, stack: list) -> str:
    """The team database: --db, else a new database on the throwaway server (started once)."""
    if args.db:
        return args.db
    if not stack:
        from tests.pgserver import PostgresServer  # the tests' throwaway server

        server = PostgresServer()
        stack.append(server)
        server.start()
    return stack[0].fresh_database()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60, help="how long each team works (default 60)")
    parser.add_argument("--moderators", type=int, default=10, help="moderators on PostgreSQL (default 10)")
    parser.add_argument("--sqlite-moderators", type=int, default=2, help="moderators on the SQLite file (default 2)")
    parser.add_argument("--comments", type=int, default=100_000, help="pending comments to start with (default 100,000)")
    parser.add_argument("--db", help="a PostgreSQL team database to use (empty; default: a throwaway server)")
    parser.add_argument("--only", choices=("postgresql", "sqlite"), help="run one of the two")
    parser.add_argument("--compare-exclusive", action="store_true",
                        help="on PostgreSQL, first a team whose every write takes the write lock exclusively (as "
                             "before decisions took it shared), then the team as it is, each on a new database")
    args = parser.parse_args()
    folder, figures, servers = Path(tempfile.mkdtemp(prefix="bench-team-")), {}, []
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} on {os.cpu_count()} cores")
    try:
        runs = [("postgresql", args.moderators, False), ("sqlite", args.sqlite_moderators, False)]
        if args.compare_exclusive:
            runs.insert(0, ("postgresql", args.moderators, True))
        for backend, moderators, exclusive in runs:
            if args.only not in (None, backend):
                continue
            url = postgresql_url(args, servers) if backend == "postgresql" else f"sqlite:///{folder / 'team.sqlite3'}"
            seed(url, args.comments, folder / "backups")
            name = backend + (" (every write exclusive)" if exclusive else "")
            figures[name] = result = run_team(url, moderators, args.seconds, folder / "backups", exclusive)
            print(f"{name:<10} {moderators:>2} moderators, {result['seconds']} s: {result['decisions']:,} decisions, "
                  f"{result['per_second']}/s; latency p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms; "
                  f"refused {result['refused']}; decided by two: {result['decided_by_two']}; "
                  f"lost updates: {result['lost_updates']}")
    finally:
        for server in servers:
            server.stop()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
