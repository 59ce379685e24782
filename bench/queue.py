"""Queue benchmark at newsroom scale: the core queries, then the real window's Qt models.

    .venv/bin/python bench/queue.py                    # 1,000,000 comments, 20,000 articles, 200,000 commenters
    .venv/bin/python bench/queue.py --comments 100000  # quicker
    .venv/bin/python bench/queue.py --keep /tmp/q.sqlite  # keep the database for poking at
    .venv/bin/python bench/queue.py --only gui         # just part 2 (or --only core)
    .venv/bin/python bench/queue.py --only build --keep /tmp/q.sqlite  # just the database
    .venv/bin/python bench/queue.py --only articles --keep /tmp/q.sqlite  # just the Articles tab
    .venv/bin/python bench/queue.py --only core --keep /tmp/q.sqlite --db postgresql+psycopg://postgres@127.0.0.1:5432/bench
        # part 1 on SQLite, then on the PostgreSQL database (filled from the SQLite one by
        # bench/pgcopy.py if it holds no comments): the same comments, the same hour

Builds the database with its own fast generator (bench/queuedata.py) through the real
schema. Part 1 times each query a view makes: median of --repeat runs, each in a fresh
session as the GUI does. Part 2 (bench/queue_gui.py) opens the real main window
offscreen on the same database and times, from the key press to the list painted:
opening the pending queue, changing the sort, applying filters, a full-text search, a
decision to the next comment shown, and scrolling to row 50,000; then the process's peak
RSS. Targets (issue 5, this 2-core machine): open, sort, filter and search < 150 ms;
decision to next comment < 16 ms; peak RSS < 400 MB. Run on a quiet machine.
Part 1 also times the Articles tab (issue 18): each filter and sort, its first page and
the next, and a page 50 pages down (moderator/reading/articles.py); and searches by a
part of an author's name and in Chinese (the part index, migration 0010).
The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

# This file is named like the standard library's `queue`: keep its folder behind the
# standard library on the path (Python puts it first when it runs a script).
BENCH = str(Path(__file__).resolve().parent)
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != Path(BENCH)] + [BENCH]
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select, text  # noqa: E402

from moderator.moderation import decisions  # noqa: E402
from moderator.reading import audit, commenters, queue  # noqa: E402
from moderator.reading.articles import ArticleFilter, ArticleSort, article_page  # noqa: E402
from moderator.storage.database import Database, open_database  # noqa: E402
from moderator.storage.models import Comment  # noqa: E402
from moderator.vocabulary import Action, QueueKind, Sort, Source  # noqa: E402

import queuedata  # noqa: E402

DEPTH = 50_000


def timed(db: Database, work, repeat: int) -> tuple[float, object]:
    """Median milliseconds of `work(session)` over `repeat` runs, and its last result."""
    times, result = [], None
    for _ in range(repeat):
        with db.sessions() as session:
            start = time.perf_counter()
            result = work(session)
            times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1), result


def subjects(db: Database) -> dict:
    """What the filters pick: the busiest article, a normal one, the most prolific commenter,
    a rare word and a phrase from the data, the newest comment's time."""
    with db.sessions() as s:
        pick = lambda sql: s.execute(text(sql)).first()  # noqa: E731
        return {
            "hot_article": pick("SELECT article_id FROM comments GROUP BY article_id ORDER BY count(*) DESC LIMIT 1")[0],
            "article": pick("SELECT article_id FROM comments WHERE status = 'pending' LIMIT 1 OFFSET 1000")[0],
            "decided_article": pick("SELECT article_id FROM comments WHERE status <> 'pending' LIMIT 1 OFFSET 1000")[0],
            "author": pick("SELECT author FROM comments WHERE id = 777")[0],
            "prolific": pick("SELECT author FROM comments GROUP BY author ORDER BY count(*) DESC LIMIT 1")[0],
            "body": pick("SELECT body FROM comments WHERE id = 4242")[0],
            "newest": s.scalar(select(func.max(Comment.created_at))),
        }


def searches(body: str) -> dict[str, str]:
    words = [w.strip(".,").lower() for w in body.split()]
    rare = max(words, key=len)
    return {"search prefix (rare)": rare[:5] + "*", "search prefix (common, 3 letters)": words[0][:3] + "*",
            "search phrase": f'"{words[1]} {words[2]} {words[3]}"', "search two words": f"{rare} {words[0]}"}


def part_searches(author: str) -> dict[str, str]:
    """Searches the part index answers: the middle of an author's name, and Chinese (in no
    comment of this generator's: the cost of looking, with every author in the index)."""
    return {"search author part": author.split()[-1][1:5], "search Chinese (2 characters)": "天气",
            "search Chinese (4 characters)": "天气预报"}


ARTICLE_CASES = {
    "articles: open (newest, with pending)": ArticleFilter(),
    "articles: newest, everything": ArticleFilter(with_pending=False),
    "articles: newest, with comments": ArticleFilter(with_pending=False, with_comments=True),
    "articles: most pending": ArticleFilter(sort=ArticleSort.MOST_PENDING),
    "articles: most pending, everything": ArticleFilter(sort=ArticleSort.MOST_PENDING, with_pending=False),
    "articles: highest score, with pending": ArticleFilter(sort=ArticleSort.HIGHEST),
    "articles: highest score, everything": ArticleFilter(sort=ArticleSort.HIGHEST, with_pending=False),
    "articles: headline search (common word)": ArticleFilter(headline="the"),
    "articles: headline search (rare part)": ArticleFilter(headline="zodenta"),
    "articles: headline search, highest score": ArticleFilter(headline="the", sort=ArticleSort.HIGHEST),
}
ARTICLE_DEPTH = 50  # pages of 100 down: 5,000 articles


def measure_articles(db: Database, model_id: int, repeat: int, matching: str = "", depth: int = ARTICLE_DEPTH) -> dict:
    """The Articles tab: each filter and sort (those whose name holds `matching`), its first
    page, the next, and a page `depth` pages down."""
    figures = {}
    for name, wanted in ARTICLE_CASES.items():
        if matching not in name:
            continue
        first_ms, (rows, cursor) = timed(db, lambda s, w=wanted: article_page(s, w, None, 100, model_id), repeat)
        next_ms, _ = timed(db, lambda s, w=wanted, c=cursor: article_page(s, w, c, 100, model_id), repeat)
        deep = _cursor_down(db, wanted, model_id, depth)
        deep_ms, (deep_rows, _) = timed(db, lambda s, w=wanted, c=deep: article_page(s, w, c, 100, model_id), repeat)
        figures[name] = {"first_page_ms": first_ms, "next_page_ms": next_ms, f"page_{depth}_ms": deep_ms, "rows": len(rows)}
        print(f"  {name:<48} first {first_ms:>7.1f} ms   next {next_ms:>7.1f} ms   page {depth} {deep_ms:>7.1f} ms"
              f"   ({len(rows)} rows, {len(deep_rows)} at page {depth})")
    return figures


def _cursor_down(db: Database, wanted: ArticleFilter, model_id: int, pages: int):
    with db.sessions() as s:
        cursor = None
        for _ in range(pages):
            rows, cursor = article_page(s, wanted, cursor, 100, model_id)
            if len(rows) < 100:
                break
    return cursor


def queue_cases(model_id: int, sub: dict) -> dict[str, queue.QueueQuery]:
    q = lambda **kw: queue.QueueQuery(model_id=model_id, **kw)  # noqa: E731
    week = sub["newest"] - timedelta(days=7)
    cases = {
        "open pending, priority": q(), "sort newest": q(sort=Sort.NEWEST), "sort oldest": q(sort=Sort.OLDEST),
        "open all, priority": q(kind=QueueKind.ALL), "open flagged, priority": q(kind=QueueKind.FLAGGED),
        "open hidden, newest": q(kind=QueueKind.HIDDEN, sort=Sort.NEWEST),
        "filter article (busiest), priority": q(article_id=sub["hot_article"]),
        "filter article, priority": q(article_id=sub["article"]),
        "filter commenter (most prolific), all, newest": q(kind=QueueKind.ALL, author=sub["prolific"], sort=Sort.NEWEST),
        "filter commenter, priority": q(kind=QueueKind.ALL, author=sub["author"]),
        "filter score 0.9-1, newest": q(sort=Sort.NEWEST, scores=(queue.ScoreRange(0.9),)),
        "filter score 0.3-0.31 (a band), newest": q(sort=Sort.NEWEST, scores=(queue.ScoreRange(0.3, 0.31),)),
        "filter score 0.5-0.8, priority": q(scores=(queue.ScoreRange(0.5, 0.8),)),
        "filter label 0.5-0.6 (JSON), newest": q(sort=Sort.NEWEST, scores=(queue.ScoreRange(0.5, 0.6, label="offensive"),)),
        "filter last 7 days, priority": q(since=week),
        # issue 14: the Flagged queue with the rules' flags (a database with some: comments.flag set)
        "open flagged, newest": q(kind=QueueKind.FLAGGED, sort=Sort.NEWEST),
        "flagged, filter by rule, priority": q(kind=QueueKind.FLAGGED, rule="suspect_words"),
    }
    for name, typed in searches(sub["body"]).items():
        cases[name + ", relevance"] = q(kind=QueueKind.ALL, sort=Sort.RELEVANCE, search=typed)
    typed = searches(sub["body"])
    cases["search phrase, pending, priority"] = q(search=typed["search phrase"])
    common = typed["search prefix (common, 3 letters)"]
    cases["search prefix (common, 3 letters), pending, newest"] = q(sort=Sort.NEWEST, search=common)
    for name, typed in part_searches(sub["prolific"]).items():
        cases[name + ", all, newest"] = q(kind=QueueKind.ALL, sort=Sort.NEWEST, search=typed)
        cases[name + ", relevance"] = q(kind=QueueKind.ALL, sort=Sort.RELEVANCE, search=typed)
    return cases


def measure_queue(db: Database, cases: dict, repeat: int) -> dict:
    figures = {}
    for name, query in cases.items():
        got = figures[name] = first_page(db, query, repeat)
        print(f"  {name:<48} page {got['first_page_ms']:>7.1f} ms   count {got['count_ms']:>7.1f} ms"
              f"   ({got['matches']:,} match)")
    return figures


def first_page(db: Database, query: queue.QueueQuery, repeat: int) -> dict:
    page_ms, (rows, _cursor) = timed(db, lambda s: queue.page(s, query), repeat)
    count_ms, count = timed(db, lambda s: queue.count(s, query), repeat)
    return {"first_page_ms": page_ms, "count_ms": count_ms, "matches": count, "rows": len(rows)}


def cursor_at(db: Database, query: queue.QueueQuery, depth: int) -> queue.Cursor | None:
    with db.sessions() as s:
        cursor = None
        for _ in range(depth // 1000):
            _rows, cursor = queue.page(s, query, cursor, limit=1000)
    return cursor


def measure_depth(db: Database, model_id: int, repeat: int) -> dict:
    """A page at row 50,000 (or half way down a smaller queue), and a comment's position there."""
    figures = {}
    for sort in (Sort.PRIORITY, Sort.NEWEST):
        got = figures[sort] = page_at_depth(db, queue.QueueQuery(model_id=model_id, sort=sort), repeat)
        print(f"  row {got['depth']:,} by {sort:<8}  keyset page {got['keyset_page_ms']:.1f} ms"
              f"   position() {got['position_ms']:.1f} ms")
    return figures


def page_at_depth(db: Database, query: queue.QueueQuery, repeat: int) -> dict:
    with db.sessions() as s:
        depth = min(DEPTH, queue.count(s, query) // 2000 * 1000)
    cursor = cursor_at(db, query, depth)
    keyset_ms, (rows, _c) = timed(db, lambda s: queue.page(s, query, cursor), repeat)
    position_ms, at = timed(db, lambda s: queue.position(s, query, rows[0].id), repeat)
    assert at == depth, (at, depth)
    return {"depth": depth, "keyset_page_ms": keyset_ms, "position_ms": position_ms}


def measure_rest(db: Database, model_id: int, sub: dict, repeat: int) -> dict:
    pending, everything = queue.QueueQuery(model_id=model_id), queue.QueueQuery(kind=QueueKind.ALL)
    a_band = queue.QueueQuery(model_id=model_id, scores=(queue.band(19, 20),))
    by = lambda **kw: audit.AuditFilter(**kw)  # noqa: E731
    work = {
        "ids pending": lambda s: len(queue.ids(s, pending)),
        "ids all": lambda s: len(queue.ids(s, everything)),
        "histogram pending (20 bars)": lambda s: sum(queue.histogram(s, pending)),
        "select a band: ids of 0.95-1 in pending": lambda s: len(queue.ids(s, a_band)),
        "commenter summary (most prolific)": lambda s: commenters.commenter_summary(s, None, sub["prolific"], model_id),
        "audit first page": lambda s: len(audit.audit_page(s)[0]),
        "audit by moderator": lambda s: len(audit.audit_page(s, by(moderator="moderator3"))[0]),
        "audit by article": lambda s: len(audit.audit_page(s, by(article_id=sub["decided_article"]))[0]),
        "bulk approve 10,000 + undo (rolled back)": lambda s: _bulk(s, pending),
    }
    figures = {}
    for name, job in work.items():
        ms, result = timed(db, job, repeat if "bulk" not in name else max(1, repeat // 2))
        result = getattr(result, "total", result)
        figures[name] = ms
        print(f"  {name:<48} {ms:>8.1f} ms   ({result:,})")
    return figures


def measure_after_top_decided(db: Database, model_id: int, repeat: int, top: int = 20_000) -> float:
    """Moderators decide the highest-priority comments first, so decided comments pile up
    above the pending ones in score order: the first page of Pending by priority once the
    top `top` are hidden (in a transaction rolled back after)."""
    pending = queue.QueueQuery(model_id=model_id)
    with db.sessions() as session:
        rows, _cursor = queue.page(session, pending, limit=top)
        decisions.decide(session, [row.id for row in rows], Action.HIDE, "bench", reason="abuse", source=Source.BULK)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            queue.page(session, pending)
            times.append((time.perf_counter() - start) * 1000)
        session.rollback()
    ms = round(statistics.median(times), 1)
    print(f"  {f'open pending, priority, the top {top:,} hidden':<48} {ms:>8.1f} ms")
    return ms


def measure_decision_to_next(db: Database, model_id: int, repeat: int) -> float:
    """The core of `a` in the Pending queue: one decision written and committed, then the
    queue's next page read (the window's model does more: this is the database's share).
    Each decision is undone after, untimed."""
    pending, times = queue.QueueQuery(model_id=model_id), []
    for _ in range(repeat):
        with db.write_sessions() as session:
            first = queue.page(session, pending, limit=1)[0][0].id
        start = time.perf_counter()
        with db.write_sessions() as session:
            done = decisions.decide(session, [first], Action.APPROVE, "bench")
            session.commit()
        with db.sessions() as session:
            queue.page(session, pending)
        times.append((time.perf_counter() - start) * 1000)
        with db.write_sessions() as session:
            decisions.undo(session, done.decision_ids, "bench")
            session.commit()
    ms = round(statistics.median(times), 1)
    print(f"  {'decision committed, then the next page':<48} {ms:>8.1f} ms")
    return ms


def measure_core(db: Database, repeat: int, articles: bool = True) -> dict:
    """Part 1 on one database."""
    model_id, sub, figures = 1, subjects(db), {}
    print(f"{db.engine.dialect.name}: median of {repeat} runs, pages of {queue.PAGE} rows:")
    figures["queries"] = measure_queue(db, queue_cases(model_id, sub), repeat)
    if articles:
        print("the Articles tab, pages of 100 articles:")
        figures["articles"] = measure_articles(db, model_id, repeat)
    figures["depth"] = measure_depth(db, model_id, repeat)
    figures["other_ms"] = measure_rest(db, model_id, sub, repeat)
    figures["other_ms"]["open pending after the top decided"] = measure_after_top_decided(db, model_id, repeat)
    figures["other_ms"]["decision committed, then the next page"] = measure_decision_to_next(db, model_id, repeat)
    return figures


def team_database(url: str, source: Path) -> Database:
    """The PostgreSQL database at `url`, filled with the SQLite database's rows if it has none."""
    import pgcopy

    db = open_database(url, source.parent / "backups")
    with db.sessions() as session:
        empty = session.scalar(select(func.count()).select_from(select(Comment.id).limit(1).subquery())) == 0
    if empty:
        db.dispose()
        start = time.perf_counter()
        print(f"copying {source} into {db.engine.url.render_as_string(hide_password=True)}:", flush=True)
        pgcopy.copy_database(source, url)
        print(f"copied in {time.perf_counter() - start:.0f} s", flush=True)
        db = open_database(url, source.parent / "backups")
    return db


def _bulk(session, pending: queue.QueueQuery) -> int:
    ids = queue.ids(session, pending)[:10_000]
    batch = decisions.decide(session, ids, Action.APPROVE, "bench", source=Source.BULK)
    decisions.undo(session, batch.decision_ids, "bench")
    session.rollback()
    return len(batch.decided)


def gui_in_own_process(path: Path, repeat: int) -> dict:
    run = subprocess.run([sys.executable, __file__, "--only", "gui", "--keep", str(path), "--repeat", str(repeat)],
                         stdout=subprocess.PIPE, text=True, check=True)
    lines = run.stdout.strip().splitlines()
    print("\n".join(lines[:-1]))
    return json.loads(lines[-1])["gui"]


def build_in_own_process(path: Path, args: argparse.Namespace) -> None:
    """The generator's memory (its 400 MB page cache) must not count as the window's peak
    RSS when part 2 runs in this process (--only gui)."""
    sizes = ["--comments", str(args.comments), "--articles", str(args.articles), "--commenters", str(args.commenters)]
    subprocess.run([sys.executable, __file__, "--only", "build", "--keep", str(path), *sizes], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--commenters", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the database at this path and keep it")
    parser.add_argument("--copy-of", type=Path, help="work on a copy of this database at --keep (made once)")
    parser.add_argument("--only", choices=("core", "gui", "build", "articles"),
                        help="run one part only (build: just build the database at --keep; articles: the Articles tab)")
    parser.add_argument("--matching", default="", help="with --only articles: the cases whose name holds this")
    parser.add_argument("--depth", type=int, default=ARTICLE_DEPTH, help="with --only articles: the deep page's number")
    parser.add_argument("--db", metavar="URL", help="also run part 1 on this PostgreSQL database (filled from the "
                                                     "SQLite one when empty)")
    parser.add_argument("--skip", action="append", default=[], choices=("sqlite", "articles"),
                        help="leave out part 1 on SQLite (with --db), or the Articles tab")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="queue-bench-") as folder:
        path = args.keep or Path(folder) / "queue.sqlite"
        if args.copy_of and not path.exists():  # e.g. /work/big/q.sqlite, never modified: opening migrates
            shutil.copyfile(args.copy_of, path)
        figures = {"comments": args.comments, "articles": args.articles, "commenters": args.commenters}
        if not path.exists() and args.only == "gui":
            build_in_own_process(path, args)
        if not path.exists():
            start = time.perf_counter()
            figures["build_steps_s"] = queuedata.build(path, args.comments, args.articles, args.commenters)
            figures["build_s"] = round(time.perf_counter() - start, 1)
            print(f"built {args.comments:,} comments in {figures['build_s']} s {figures['build_steps_s']}", flush=True)
        if args.only == "build":
            return
        figures["database_mb"] = round(path.stat().st_size / 1e6)
        db = open_database(f"sqlite:///{path}", path.parent / "backups")
        sub = subjects(db)
        if args.only == "articles":
            print("the Articles tab, pages of 100 articles:")
            figures["articles"] = measure_articles(db, 1, args.repeat, args.matching, args.depth)
        elif args.only != "gui" and "sqlite" not in args.skip:
            figures |= measure_core(db, args.repeat, "articles" not in args.skip)
        db.dispose()
        if args.db and args.only not in ("gui", "articles"):
            team = team_database(args.db, path)
            figures["postgresql"] = measure_core(team, args.repeat, "articles" not in args.skip)
            team.dispose()
        if args.only == "gui":
            import queue_gui  # Qt only here: part 1 measures the core without it

            word = searches(sub["body"])["search prefix (rare)"]
            figures["gui"] = queue_gui.measure(Path(folder) / "home", path, args.repeat, word, sub["hot_article"])
        elif args.only is None:  # part 2 in a process of its own, so its peak RSS is the window's alone
            figures["gui"] = gui_in_own_process(path, args.repeat)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
