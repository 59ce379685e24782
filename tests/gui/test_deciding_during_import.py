"""The headline of issue 19 point 4: while `moderator import` of 200,000 comments runs in
another process, each decision made through the window's writer is written within 250 ms;
and while the window imports a file itself (File → Import), its decisions go in between."""

from __future__ import annotations

import itertools
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from moderator.gui.workers.writer import Writer
from moderator.importing import import_files
from moderator.moderation.decisions import decide
from moderator.storage.models import Comment
from moderator.vocabulary import Action
from tests.bigimports import database_file, import_phase, start_import, write_comments
from tests.gui.helpers import answer_modal, press, wait_writes

WITHIN = 0.25  # seconds from the decision's submission to its commit's return
DURING_PUBLISHING = 12  # decisions measured while the import publishes (the rest while it writes)
OVERALL = 600  # seconds: the import's writing phase takes ~15 s alone, minutes on a loaded machine


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
    deadline = time.monotonic() + OVERALL
    try:
        # Until enough decisions were timed while the import publishes: on a busy machine its
        # writing phase alone can outlast one pass over the comments, so approve them, then
        # send them back to review, and so on (each a real status change, never a no-op).
        for step in itertools.count():
            phase = import_phase(database)
            if importer.poll() is not None or len(took["publishing"]) >= DURING_PUBLISHING or time.monotonic() > deadline:
                break
            comment_id, turn = step % 299 + 1, step // 299
            action = Action.APPROVE if turn % 2 == 0 else Action.RESTORE
            started = time.perf_counter()
            writer.submit(lambda s, c=comment_id, a=action: decide(s, [c], a, "ana")).result(timeout=30)
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


def test_an_approve_lands_while_the_window_itself_imports_a_large_file(qtbot, window, tmp_path):
    """File → Import runs on a writer of its own: the approve pressed while the window's own
    import runs is written while that import still runs, not after the whole file."""
    big = write_comments(tmp_path / "big.jsonl", 60_000, first=100_000)
    database = database_file(window.context.paths)
    with window.context.db.sessions() as s:
        pending = s.scalar(select(Comment.id).where(Comment.status == "pending").order_by(Comment.id).limit(1))
    window.open_comment(pending)
    landed: list[float] = []
    window.writer.changed.listen(
        lambda changes: landed.append(time.perf_counter()) if any(d.comment_id == pending for d in changes.decided) else None)
    said: list[str] = []
    answer_modal(lambda box: (said.append(box.windowTitle()), box.accept()), QMessageBox)
    window.files.import_files([big])
    qtbot.waitUntil(lambda: import_phase(database) is not None, timeout=60_000)  # the import is writing
    pressed = time.perf_counter()
    press(qtbot, window, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: bool(landed), timeout=10_000)
    still_importing = not window.files.importer.idle
    window.progress.token.cancel()  # the rest of the file is not this test's subject
    wait_writes(qtbot, window, timeout=120_000)
    took = landed[0] - pressed
    print(f"approve during the window's own import: {took * 1000:.0f} ms")  # shown with -s
    assert still_importing and said == ["Import stopped"]
    assert took < WITHIN * 4, f"the approve took {took * 1000:.0f} ms"
    with window.context.db.sessions() as s:
        assert s.get(Comment, pending).status == "approved"
