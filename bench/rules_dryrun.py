"""The rules dialog's reads, timed: a dry run and a revert's counts over N comments a moderator
decided (issue 14, Site → Rules…), against a plain read of the same comments' text as the
baseline, in the same run.

    .venv/bin/python bench/rules_dryrun.py --comments 20000

Builds a WordPress export of N comments (bench/import.py's generator), imports it into a
fresh SQLite database (the default rules on), has a moderator approve every comment in one
bulk step, then times, 3 times each (median): reading every decided comment's text (the
baseline), the dry run of the links, threats and first-comment rules, and revert.preview of
links since the import. Prints the machine's load beside the figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != ROOT / "bench"]  # bench/queue.py
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from moderator.importing import import_files  # noqa: E402
from moderator.moderation.decisions import decide  # noqa: E402
from moderator.rules.dryrun import dry_run  # noqa: E402
from moderator.rules.evaluate import RuleSpec  # noqa: E402
from moderator.rules.kinds import Kind, Mode  # noqa: E402
from moderator.rules.revert import preview  # noqa: E402
from moderator.storage.database import open_database  # noqa: E402
from moderator.storage.models import Comment, utcnow  # noqa: E402
from moderator.vocabulary import Action, Source  # noqa: E402

RULES = {"links": RuleSpec("links", Kind.LINKS, Mode.FLAG, {"most": 0}),
         "threats": RuleSpec("threats", Kind.THREATS, Mode.FLAG, {}),
         "first_comment": RuleSpec("first_comment", Kind.FIRST_COMMENT, Mode.FLAG, {})}


def generator():
    spec = importlib.util.spec_from_file_location("bench_import", ROOT / "bench" / "import.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def median_s(work, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--comments", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "export.xml"
        generator().wxr(export, args.comments, max(1, args.comments // 50))
        db = open_database(f"sqlite:///{folder}/bench.sqlite", Path(folder) / "backups")
        start = utcnow()
        with db.write_sessions() as session:
            import_files(session, [export])
            session.commit()
        with db.write_sessions() as session:
            decide(session, list(session.scalars(select(Comment.id))), Action.APPROVE, "mod", source=Source.BULK)
            session.commit()
        load = os.getloadavg()[0]
        figures: dict[str, object] = {"comments": args.comments, "load_before": round(load, 1)}
        with db.sessions() as session:
            figures["baseline_read_s"] = round(median_s(lambda: session.execute(select(Comment.id, Comment.body)).all()), 3)
            for name, spec in RULES.items():
                run = dry_run(session, spec)
                figures[f"dry_run_{name}_s"] = round(median_s(lambda spec=spec: dry_run(session, spec)), 3)
                figures[f"dry_run_{name}_acted"] = run.acted
            figures["revert_preview_links_s"] = round(median_s(lambda: preview(session, "links", start)), 3)
        figures["load_after"] = round(os.getloadavg()[0], 1)
        db.dispose()
    for key, value in figures.items():
        print(f"{key:<28} {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
