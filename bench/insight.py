"""Insight at newsroom scale: a million comments and 300,000 decisions.

    .venv/bin/python bench/insight.py --source /work/big/q.sqlite   # copy a database bench/queue.py built
    .venv/bin/python bench/insight.py                               # build one (bench/queuedata.py), then measure
    .venv/bin/python bench/insight.py --skip-bert                   # without the BERT-base explanations

The database is a copy (the source is only read), or built with bench/queuedata.py's generator
as `bench/queue.py --only build --keep PATH` builds it; its decisions are then cut (oldest
first) or added (approvals of pending comments) to exactly --decisions. Measured:

  1. the core reads, median of --repeat runs in fresh sessions: the Insight window's overview
     (distribution, decisions per day and moderator, agreement, backlog) and one label's
     calibration curve, for the 30 days up to the newest decision and for all time;
  2. the Insight window itself, in a fresh offscreen process as the app opens it: importing it
     (pyqtgraph), building it, and from present() to every chart drawn, and to the curve drawn;
  3. explanation time per comment through the explaining process (the app's path, model loaded):
     the quick screen, and a BERT-base pack with random weights (bench/scoring.py's).

Targets (issue 15): window open < 1 s, one label's curve < 2 s. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != BENCH] + [str(BENCH)]
sys.path.insert(0, str(BENCH.parent))

from sqlalchemy import select  # noqa: E402

from moderator.insight import report  # noqa: E402
from moderator.insight.decided import decided_counts  # noqa: E402
from moderator.insight.period import Period  # noqa: E402
from moderator.scoring.base import ModelIdentity  # noqa: E402
from moderator.storage.database import Database, open_database  # noqa: E402
from moderator.storage.models import Decision  # noqa: E402

import queuedata  # noqa: E402

IDENTITY = ModelIdentity(queuedata.MODEL_NAME, "linear", "bench", "bench", (queuedata.LABEL,), queuedata.LABEL)
MODEL_ID = 1


def prepare(args: argparse.Namespace, work: Path) -> Path:
    path = work / "insight.sqlite"
    started = time.perf_counter()
    if args.source:
        source = sqlite3.connect(f"file:{args.source}?mode=ro", uri=True)
        target = sqlite3.connect(path)
        source.backup(target, pages=65536)
        target.close()
        source.close()
    else:
        queuedata.build(path, args.comments, args.comments // 50, args.comments // 5)
    print(f"database ready in {time.perf_counter() - started:.1f} s", flush=True)
    set_decisions(path, args.decisions)
    return path


def set_decisions(path: Path, wanted: int) -> None:
    """Exactly `wanted` decisions: the oldest cut, or approvals of pending comments added."""
    with sqlite3.connect(path, isolation_level=None) as db:
        have = db.execute("SELECT count(*) FROM decisions").fetchone()[0]
        db.execute("BEGIN")
        if have > wanted:
            cut = db.execute("SELECT id FROM decisions ORDER BY id DESC LIMIT 1 OFFSET ?", (wanted - 1,)).fetchone()[0]
            db.execute("DELETE FROM decisions WHERE id < ?", (cut,))
        elif have < wanted:
            db.execute("""INSERT INTO decisions (comment_id, action, note, moderator, source, created_at, status_before,
                          status_after) SELECT id, 'approve', '', 'moderator' || (id % 12), 'manual',
                          strftime('%Y-%m-%d %H:%M:%S', created_at, '+1 hour') || '.000000', 'pending', 'approved'
                          FROM comments WHERE status = 'pending' ORDER BY id LIMIT ?""", (wanted - have,))
        db.execute("COMMIT")
        print(f"decisions: {db.execute('SELECT count(*) FROM decisions').fetchone()[0]:,} (had {have:,})", flush=True)


def median_ms(db: Database, work, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        with db.sessions() as session:
            started = time.perf_counter()
            work(session)
            times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def periods(db: Database) -> dict[str, Period]:
    """A month of the team's work (the 30 days up to the 1,000th newest decision: the newest few
    may be stray decisions other benchmarks made today), and all time."""
    with db.sessions() as s:
        newest = s.execute(select(Decision.created_at).order_by(Decision.created_at.desc()).offset(1000).limit(1)).scalar_one()
    return {"a month of decisions": Period(MODEL_ID, newest - timedelta(days=30), newest + timedelta(seconds=1)),
            "all time": Period(MODEL_ID)}


def core(db: Database, repeat: int) -> dict:
    figures = {}
    for name, period in periods(db).items():
        with db.sessions() as s:
            decided = report.activity(s, period, 0.5).agreement
        figures[name] = {
            "decisions in it": sum(a.decisions for a in decided),
            "overview ms": median_ms(db, lambda s, p=period: report.overview(s, p, IDENTITY, 0.5), repeat),
            "curve ms": median_ms(db, lambda s, p=period: decided_counts(s, p, queuedata.LABEL, queuedata.LABEL).curve(),
                                  repeat),
        }
        print(name, figures[name], flush=True)
    return figures


GUI_PROBE = """
import json, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QDate, QEventLoop, QTimer
app = QApplication([])
from moderator.storage.database import open_database
from moderator.gui.common.reading import ActiveModel, reader_of
from moderator.scoring.base import ModelIdentity
from moderator.scoring.priority import Thresholds
path, since, until, label = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
db = open_database("sqlite:///" + path, __import__("pathlib").Path(path).parent / "backups")
active = ActiveModel(ModelIdentity("quick-screen-bench", "linear", "bench", "bench", (label,), label), 1, Thresholds())
figures, seen = {}, {}

def until_seen(names):
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if all(n in seen for n in names) else None)
    timer.start(1)
    QTimer.singleShot(300_000, loop.quit)
    loop.exec()
    timer.stop()

started = time.perf_counter()
from moderator.gui.insight.window import InsightWindow
figures["import ms"] = round((time.perf_counter() - started) * 1000, 1)
started = time.perf_counter()
window = InsightWindow(db.sessions, active, reader_of(db.sessions), print)
window.drawn.connect(lambda: seen.setdefault("drawn", time.perf_counter()))
window.curve_drawn.connect(lambda: seen.setdefault("curve", time.perf_counter()))
window.period.blockSignals(True)
window.period.setCurrentText("Dates…")
window.period.blockSignals(False)
for edit, day in ((window.since, since), (window.until, until)):
    edit.blockSignals(True)
    edit.setDate(QDate.fromString(day, "yyyy-MM-dd"))
    edit.blockSignals(False)
figures["build ms"] = round((time.perf_counter() - started) * 1000, 1)
opened = time.perf_counter()
window.present()
figures["shown ms"] = round((time.perf_counter() - opened) * 1000, 1)
until_seen(["drawn", "curve"])
figures["open to charts drawn ms"] = round((seen["drawn"] - opened) * 1000, 1)
figures["open to curve drawn ms"] = round((seen["curve"] - opened) * 1000, 1)
seen.clear()
started = time.perf_counter()
window.period.setCurrentText("All time")
until_seen(["drawn", "curve"])
figures["all time: charts drawn ms"] = round((seen["drawn"] - started) * 1000, 1)
figures["all time: curve drawn ms"] = round((seen["curve"] - started) * 1000, 1)
window.shutdown()
print(json.dumps(figures))
"""


def gui(path: Path, db: Database) -> dict:
    period = periods(db)["a month of decisions"]
    assert period.since is not None and period.until is not None
    args = [str(path), period.since.date().isoformat(), (period.until - timedelta(days=1)).date().isoformat(), queuedata.LABEL]
    result = subprocess.run([sys.executable, "-c", GUI_PROBE, *args], capture_output=True, text=True, timeout=900,
                            env=os.environ | {"PYTHONPATH": str(BENCH.parent)})
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def explain_times(work: Path, skip_bert: bool) -> dict:
    from moderator.scoring.explainer import ExplainerProcess

    # The bench database's comments are made-up words the quick screen has never seen (nothing
    # to explain); the demo's 54 comments are real English, some of them abusive.
    demo = BENCH.parent / "seeds" / "demo_comments.jsonl"
    texts = [json.loads(line)["body"] for line in demo.read_text(encoding="utf-8").splitlines() if line.strip()]
    figures = {"quick screen": per_comment(ExplainerProcess(work / "no-models", None), texts)}
    if not skip_bert:
        figures["bert-base pack"] = per_comment(ExplainerProcess(bert_pack(work), "original-random"), bert_texts()[:5])
    return figures


def per_comment(process, texts: list[str]) -> dict:
    started = time.perf_counter()
    process.load()
    loaded = time.perf_counter() - started
    times, words = [], []
    try:
        for text in texts:
            started = time.perf_counter()
            found = process.explain(text)
            times.append(time.perf_counter() - started)
            words.append(len(found.spans))
    finally:
        process.close()
    slowest = max(range(len(times)), key=times.__getitem__)
    return {"model load s": round(loaded, 2), "comments": len(texts), "median words": statistics.median(words),
            "median ms per comment": round(statistics.median(times) * 1000, 1), "max ms": round(times[slowest] * 1000, 1),
            "words of the slowest": words[slowest], "ms per word": round(sum(times) * 1000 / max(sum(words), 1), 3)}


def _bench_scoring():
    spec = importlib.util.spec_from_file_location("bench_scoring", BENCH / "scoring.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bert_texts() -> list[str]:
    import random

    scoring = _bench_scoring()
    return scoring.make_corpus(40, scoring.make_lexicon(random.Random(7)))[:20]


def bert_pack(work: Path) -> Path:
    """bench/scoring.py's BERT-base pack (random weights, the released architecture), installed."""
    import random

    from moderator.scoring.packs import install_pack

    scoring = _bench_scoring()
    folder = work / "pack"
    folder.mkdir(exist_ok=True)
    pack = scoring.make_pack(folder, scoring.make_tokenizer(scoring.make_lexicon(random.Random(7))))
    install_pack(work / "models", pack)
    return work / "models"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, help="a database bench/queue.py built (read only; copied)")
    parser.add_argument("--comments", type=int, default=1_000_000, help="comments to build when no --source")
    parser.add_argument("--decisions", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, help="where the copy and the pack go (default: a temporary folder)")
    parser.add_argument("--skip-bert", action="store_true")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="insight-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    path = prepare(args, work)
    started = time.perf_counter()
    db = open_database(f"sqlite:///{path}", work / "backups")
    print(f"migrated to head (with its backup) in {time.perf_counter() - started:.1f} s", flush=True)
    figures = {"when": datetime.now(UTC).isoformat(timespec="seconds"), "load": os.getloadavg()[0],
               "core": core(db, args.repeat)}
    figures["window"] = gui(path, db)
    print("window", figures["window"], flush=True)
    figures["explain"] = explain_times(work, args.skip_bert)
    print("explain", figures["explain"], flush=True)
    figures["load after"] = os.getloadavg()[0]
    db.dispose()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
