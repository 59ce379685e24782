"""The headline of issue 19 point 4: while `moderator import` of 200,000 comments runs in
another process, each decision made through the window's writer is written within 250 ms."""

from __future__ import annotations

import time

from moderator.gui.workers.writer import Writer
from moderator.importing import import_files
from moderator.moderation.decisions import decide
from moderator.vocabulary import Action
from tests.bigimports import database_file, import_phase, start_import, write_comments

WITHIN = 0.25  # seconds from the decision's submission to its commit's return
DURING_PUBLISHING = 12  # decisions measured while the import publishes (the rest while it writes)


def test_decisions_are_written_within_250_ms_while_a_200000_comment_import_runs(db, paths, tmp_path):
    with db.sessions() as session:
        import_files(session, [write_comments(tmp_path / "first.jsonl", 300)])
    export = write_comments(tmp_path / "big.jsonl", 200_000, first=1000)
    database = database_file(paths)
    failures: list[BaseException] = []
    writer = Writer(db.write_sessions, failures.append)
    writer.submit(lambda s: decide(s, [300], Action.APPROVE, "ana")).result()  # the first write opens the connection
    importer = start_import(paths, export)
    took: dict[str, list[float]] = {"writing": [], "publishing": []}
    try:
        for comment_id in range(1, 300):
            phase = import_phase(database)
            if importer.poll() is not None or len(took["publishing"]) >= DURING_PUBLISHING:
                break
            started = time.perf_counter()
            writer.submit(lambda s, c=comment_id: decide(s, [c], Action.APPROVE, "ana")).result(timeout=30)
            if phase is not None:
                took[phase[0]].append(time.perf_counter() - started)
            time.sleep(0.1)
    finally:
        importer.kill()  # what it has not finished is not this test's subject (see test_import_lock.py)
        importer.wait()
        writer.close()

    assert failures == []
    assert len(took["writing"]) >= 3 and len(took["publishing"]) >= DURING_PUBLISHING, (took, importer.returncode)
    slowest = max(took["writing"] + took["publishing"])
    print(f"decisions during the import: slowest {slowest * 1000:.0f} ms; "  # shown with -s
          + "; ".join(f"{phase}: {len(t)}, max {max(t) * 1000:.0f} ms" for phase, t in took.items())
          + f"; all: {[round(t * 1000) for t in took['writing'] + took['publishing']]}")
    assert slowest < WITHIN, f"slowest decision {slowest * 1000:.0f} ms; {took}"
