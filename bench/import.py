"""Import benchmark: a WordPress WXR and a Disqus export of N comments, through the real importer.

    .venv/bin/python bench/import.py                    # 1,000,000 comments over 20,000 articles
    .venv/bin/python bench/import.py --comments 100000  # quicker

Each export is written to a temporary folder, then imported into a fresh SQLite
database in a child process (so its peak RSS is its own), exactly as `moderator
import FILE` would: parsed in a second process, staged in the staging file, published
in short transactions (storage/staging.py), the last one fsync'd. What is timed is that
import_files() call, from the start to the last commit's return; the export's writing and
the database's creation are not. comments/s is comments added over that time.
Also printed: how long the import held the database's write lock at a time (from its
BEGIN IMMEDIATE's return to its COMMIT's return; max, p99, how many transactions),
what a moderator's write waits for at most while an import runs.
Printed per format: that time and rate; the time until the last record had been
handed to the writer and what came after it (the last batch, the indexes, the commit); CPU seconds of
the writing process and of the parser process; both peak RSS; and the machine's load
average before and after. The figures are only as good as the machine is quiet: on
a busy one each process gets less than a core, and the rate drops while the CPU
seconds stay about the same; and this virtual machine's CPU itself runs up to twice as
slow when its host is busy, which its load average does not show: the CPU reference
(a fixed piece of work, about 0.8 s on a quiet host) is printed before each import and
at the end. The last line is one JSON object with every figure.
Target (issue 4, this 2-core machine): ≥ 30,000 comments/s, peak RSS < 300 MB.

--rules both imports each export twice in the same run, with the rules on (a fresh
database's defaults: the text screen on every comment as it is published, issue 14) and
off (every rule disabled first), and prints both rates and their ratio: rules may cost at
most 20 % of the rate.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
# This folder holds bench/queue.py, which would stand in for the standard library's queue
# module (the importer uses it) were the folder left first on the path, as Python puts it.
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != ROOT / "bench"]
TARGET_RATE, TARGET_RSS_MB = 30_000, 300  # comments/s; MB for each process
# Bodies as real exports have them: mostly plain, some HTML with links and entities.
BODIES = (
    "I think the article misses the point about {n}. The numbers tell another story.",
    "<p>Completely agree &amp; well said.</p><p>See <a href=\"https://example.org/{n}\">this report</a> too.</p>",
    "This is the {n}th time this paper runs this story. Nobody cares any more!!!",
    "Could the author clarify the second paragraph?\nIt reads as if the figures were from 2019, not 2024.",
)
# --bodies zh: the same in Chinese (our own sentences), every body then in the part index too.
BODIES_ZH = (
    "我觉得这篇文章没有说到{n}的重点。数字说明了另一回事。",
    "<p>完全同意，说得好。</p><p>也请看<a href=\"https://example.org/{n}\">这份报告</a>。</p>",
    "这家报纸第{n}次登这个故事了。已经没有人关心了！！！",
    "作者能解释一下第二段吗？\n看起来数字是2019年的，不是2024年的。",
)


def wxr(out: Path, comments: int, articles: int, bodies: tuple[str, ...] = BODIES) -> None:
    per = comments // articles
    with out.open("w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/'
                'modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">'
                '\n<channel><title>Bench</title><link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version>\n')
        n = 0
        for a in range(articles):
            f.write(f"<item><title>Article {a}</title><link>https://bench.example/{a}/</link><content:encoded><![CDATA["
                    f"<p>Body of article {a}.</p>]]></content:encoded><wp:post_id>{a + 1}</wp:post_id><wp:post_date_gmt>"
                    "2024-05-01 10:00:00</wp:post_date_gmt><wp:post_type>post</wp:post_type>\n")
            for i in range(per + (a < comments % articles)):
                n += 1
                parent = n - 1 if i % 3 else 0  # every third starts a thread; others reply in a chain
                f.write(f"<wp:comment><wp:comment_id>{n}</wp:comment_id><wp:comment_author><![CDATA[Reader {n % 977}]]>"
                        f"</wp:comment_author><wp:comment_author_email>r{n % 977}@example.org</wp:comment_author_email>"
                        f"<wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP>10.0.{n % 250}.1"
                        f"</wp:comment_author_IP><wp:comment_date>2024-05-01 11:{n % 60:02}:00</wp:comment_date>"
                        f"<wp:comment_date_gmt>2024-05-01 11:{n % 60:02}:00</wp:comment_date_gmt><wp:comment_content>"
                        f"<![CDATA[{bodies[n % 4].format(n=n)}]]></wp:comment_content><wp:comment_approved>"
                        f"{'1' if n % 5 else '0'}</wp:comment_approved><wp:comment_type></wp:comment_type>"
                        f"<wp:comment_parent>{parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id>"
                        "</wp:comment>\n")
            f.write("</item>\n")
        f.write("</channel></rss>\n")


def disqus(out: Path, comments: int, articles: int, bodies: tuple[str, ...] = BODIES) -> None:
    with out.open("w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" '
                'xmlns:dsq="http://disqus.com/disqus-internals">\n<category dsq:id="1"><forum>bench</forum>'
                "<title>General</title></category>\n")
        for a in range(articles):
            f.write(f'<thread dsq:id="t{a}"><id>bench-{a}</id><forum>bench</forum><category dsq:id="1"/>'
                    f"<link>https://bench.example/{a}/</link><title>Article {a}</title><message/>"
                    "<createdAt>2024-05-01T10:00:00Z</createdAt></thread>\n")
        for n in range(1, comments + 1):
            parent = f'<parent dsq:id="{n - 1}"/>' if n % 3 else ""
            f.write(f'<post dsq:id="{n}"><id/><message>{escape(bodies[n % 4].format(n=n))}</message>'
                    f"<createdAt>2024-05-01T11:{n % 60:02}:00Z</createdAt><isDeleted>false</isDeleted>"
                    f"<isSpam>{'true' if n % 50 == 0 else 'false'}</isSpam><author><email>r{n % 977}@example.org</email>"
                    f"<name>Reader {n % 977}</name><isAnonymous>false</isAnonymous></author>"
                    f'<ipAddress>10.0.{n % 250}.1</ipAddress>'
                    f'<thread dsq:id="t{(n - 1) * articles // comments}"/>{parent}</post>\n')
        f.write("</disqus>\n")


def run_import(export: Path, home: Path, mode: str) -> dict:
    """In this process: import one file into a fresh database; figures as a dict."""
    sys.path.insert(0, str(ROOT))
    from moderator.importing import import_files
    from moderator.importing.ahead import worth_it
    from moderator.storage.database import open_database

    parallel = {"auto": None, "parallel": True, "sequential": False}[mode]
    used = worth_it(export) if parallel is None else parallel
    db = open_database(f"sqlite:///{home / 'bench.sqlite'}", home / "backups")
    if os.environ.get("BENCH_RULES") == "off":
        _rules_off(db)
    load = os.getloadavg()[0]  # other work on the machine, before this import adds its own
    last_batch = []  # when the importer last reported records written (it does so every batch)

    def progress(update) -> None:
        if update.bytes_done < update.bytes_total:
            last_batch[:] = [time.perf_counter()]

    holds = _time_write_lock_holds(db.engine)
    cpu_before, started = _cpu(resource.RUSAGE_SELF), time.perf_counter()
    with db.sessions() as session:
        report = import_files(session, [export], parallel=parallel, progress=progress)[0]
    seconds = time.perf_counter() - started
    holds.sort()
    db.dispose()
    closed = time.perf_counter() - started - seconds
    sizes = _index_sizes(home / "bench.sqlite")
    if export.name.endswith(".zh.xml"):
        sizes["search_ms"] = _searches(home)
    streamed = (last_batch[0] if last_batch else started + seconds) - started
    return {"format": report.format, "comments": report.comments.added, "articles": report.articles.added,
            "seconds": round(seconds, 2), "comments_per_s": round(report.comments.added / seconds),
            "records_written_s": round(streamed, 2), "after_last_record_s": round(seconds - streamed, 2),
            "close_s": round(closed, 2), "parallel": used,
            "cpu_s": round(_cpu(resource.RUSAGE_SELF) - cpu_before, 2), "parser_cpu_s": _cpu(resource.RUSAGE_CHILDREN),
            "peak_rss_mb": _peak_mb(resource.RUSAGE_SELF),
            "parser_peak_rss_mb": _peak_mb(resource.RUSAGE_CHILDREN) if used else None,
            "file_mb": round(export.stat().st_size / 2**20, 1), "load_average_before": round(load, 2),
            "load_average_after": round(os.getloadavg()[0], 2), "write_transactions": len(holds),
            "lock_hold_max_ms": round(holds[-1] * 1000, 1) if holds else None,
            "lock_hold_p99_ms": round(holds[int(len(holds) * 0.99)] * 1000, 1) if holds else None} | sizes


def _rules_off(db) -> None:
    from sqlalchemy import update

    from moderator.storage.models import Rule

    with db.write_sessions() as session:
        session.execute(update(Rule).values(enabled=False))
        session.commit()


def _time_write_lock_holds(engine) -> list[float]:
    """Seconds each write transaction on `engine` held the write lock: from the return of its
    BEGIN IMMEDIATE (the engine's own begin listener runs first) to the return of its COMMIT
    or ROLLBACK. Filled in as the import runs."""
    from sqlalchemy import event

    from moderator.storage.engine import WRITE

    holds: list[float] = []
    began: dict[int, float] = {}

    def begin(connection) -> None:
        if connection.get_execution_options().get(WRITE, False):
            began[id(connection.connection.driver_connection)] = time.perf_counter()

    def ended(original):
        def end(dbapi_connection) -> None:
            original(dbapi_connection)
            start = began.pop(id(getattr(dbapi_connection, "driver_connection", dbapi_connection)), None)
            if start is not None:
                holds.append(time.perf_counter() - start)
        return end

    event.listen(engine, "begin", begin)
    engine.dialect.do_commit = ended(engine.dialect.do_commit)
    engine.dialect.do_rollback = ended(engine.dialect.do_rollback)
    return holds

# In the Chinese bodies: a two-character word in a quarter of them, one in every fourth
# comment's HTML, a four-character phrase, and a word in none.
ZH_SEARCHES = ("数字", "报告", "第二段吗", "天气")


def _searches(home: Path) -> dict:
    """Milliseconds of the first page and the count of a search in the All queue, newest first."""
    from moderator.reading import queue
    from moderator.storage.database import open_database
    from moderator.vocabulary import QueueKind, Sort

    db = open_database(f"sqlite:///{home / 'bench.sqlite'}", home / "backups")
    figures = {}
    for typed in ZH_SEARCHES:
        query = queue.QueueQuery(kind=QueueKind.ALL, sort=Sort.NEWEST, search=typed)
        with db.sessions() as session:
            started = time.perf_counter()
            queue.page(session, query)
            paged = time.perf_counter()
            count = queue.count(session, query)
            figures[typed] = {"page_ms": round((paged - started) * 1000, 1),
                              "count_ms": round((time.perf_counter() - paged) * 1000, 1), "matches": count}
    db.dispose()
    return figures


def _index_sizes(path: Path) -> dict:
    """The database's size, and that of each full-text index (its FTS5 data blocks), in MB."""
    connection = sqlite3.connect(path)
    sizes = {"database_mb": round(path.stat().st_size / 2**20, 1)}
    for index in ("comments_fts", "comments_fts_grams"):
        try:
            blocks = connection.execute(f"SELECT sum(length(block)) FROM {index}_data").fetchone()[0]
        except sqlite3.OperationalError:  # no such index (before migration 0010)
            blocks = None
        sizes[f"{index}_mb"] = round(blocks / 2**20, 1) if blocks is not None else None
    connection.close()
    return sizes


def _peak_mb(who: int) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def _cpu(who: int) -> float:
    """CPU seconds used: on a busy machine, a truer measure of the work than the wall clock."""
    usage = resource.getrusage(who)
    return round(usage.ru_utime + usage.ru_stime, 2)


def cpu_reference() -> float:
    """CPU seconds of a fixed piece of work (Python and SQLite). On this machine's kind it
    is about 0.8 s when the host is quiet, and up to twice that when other machines on
    the same host are busy, whatever this one's load average says: a figure measured
    beside a slow reference is slow for that reason."""
    started = time.process_time()
    total = 0
    for i in range(3_000_000):
        total += i % 7
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (a, b)")
    connection.execute("CREATE INDEX t_b ON t (b)")
    connection.executemany("INSERT INTO t VALUES (?, ?)", ((i, str(i * 7919 % 100003)) for i in range(200_000)))
    connection.close()
    return round(time.process_time() - started, 2)


def measure(export: Path, folder: Path, mode: str, rules: str = "on") -> dict:
    home = Path(tempfile.mkdtemp(dir=folder))
    child = subprocess.run([sys.executable, __file__, "--child", str(export), str(home), mode],
                           capture_output=True, text=True, env=os.environ | {"BENCH_RULES": rules})
    if child.returncode:
        sys.exit(f"the import failed:\n{child.stderr}")
    return json.loads(child.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--mode", choices=("auto", "parallel", "sequential"), default="auto",
                        help="parse in a second process: as the importer decides (default), always, never")
    parser.add_argument("--bodies", choices=("en", "zh"), default="en",
                        help="comment bodies in English (default) or Chinese (all in the part index too)")
    parser.add_argument("--formats", default="wxr,disqus", help="which exports to import, comma-separated")
    parser.add_argument("--rules", choices=("on", "off", "both"), default="on",
                        help="the rules on (a fresh database's defaults), off, or both in turn (their ratio printed)")
    parser.add_argument("--child", nargs=3, metavar=("EXPORT", "HOME", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_import(Path(args.child[0]), Path(args.child[1]), args.child[2])))
        return
    figures = {"comments": args.comments, "articles": args.articles, "cores": os.cpu_count(), "bodies": args.bodies}
    bodies = BODIES_ZH if args.bodies == "zh" else BODIES
    formats = args.formats.split(",")
    with tempfile.TemporaryDirectory(prefix="moderator-bench-") as folder:
        for name, generate in (("wxr", wxr), ("disqus", disqus)):
            if name not in formats:
                continue
            export = Path(folder) / f"export.{name}.{args.bodies}.xml"
            generate(export, args.comments, min(args.articles, args.comments), bodies)
            for rules in (("on", "off") if args.rules == "both" else (args.rules,)):
                reference = cpu_reference()
                result = measure(export, Path(folder), args.mode, rules) | {"cpu_reference_s": reference, "rules": rules}
                figures[name if rules == "on" or args.rules == "off" else f"{name}_rules_off"] = result
                print(f"[rules {rules}] " + _line(name, result), flush=True)
            if args.rules == "both":
                on, off = figures[name]["comments_per_s"], figures[f"{name}_rules_off"]["comments_per_s"]
                figures[f"{name}_rules_cost"] = round(1 - on / off, 3)
                print(f"{name}: rules on {on:,} comments/s, off {off:,} comments/s: on/off = {on / off:.2f} "
                      f"(the rules cost {1 - on / off:.0%}; at most 20 % allowed)", flush=True)
            export.unlink()
    figures["cpu_reference_after_s"] = cpu_reference()
    figures["target_met"] = all(_met(figures[name]) for name in formats)
    print(f"CPU reference after: {figures['cpu_reference_after_s']} s (about 0.8 s on a quiet host)")
    print(json.dumps(figures))


def _line(name: str, r: dict) -> str:
    parser = (f"; parser process: CPU {r['parser_cpu_s']} s, peak RSS {r['parser_peak_rss_mb']} MB"
              if r["parallel"] else " (parsed in this process)")
    return (f"{name}: {r['comments']:,} comments ({r['file_mb']} MB) imported in {r['seconds']} s = "
            f"{r['comments_per_s']:,} comments/s [{'meets' if _met(r) else 'misses'} the target]; "
            f"all records handed to the writer at {r['records_written_s']} s, then {r['after_last_record_s']} s for the "
            f"last batch, the indexes and the commit; "
            f"writer: CPU {r['cpu_s']} s, peak RSS {r['peak_rss_mb']} MB{parser}; "
            f"load average {r['load_average_before']} before, {r['load_average_after']} after; "
            f"CPU reference before {r['cpu_reference_s']} s; write lock held at most {r['lock_hold_max_ms']} ms "
            f"(p99 {r['lock_hold_p99_ms']} ms) over {r['write_transactions']} write transactions; "
            f"database {r['database_mb']} MB, word index {r['comments_fts_mb']} MB, part index {r['comments_fts_grams_mb']} MB")


def _met(r: dict) -> bool:
    return r["comments_per_s"] >= TARGET_RATE and max(r["peak_rss_mb"], r["parser_peak_rss_mb"] or 0) < TARGET_RSS_MB


if __name__ == "__main__":
    main()
