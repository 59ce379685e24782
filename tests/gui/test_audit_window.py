"""The audit log window, offscreen, on a real database of decisions by several moderators
(manual, bulk, undone); what it lists is checked against the decisions table itself."""

from __future__ import annotations

import csv
from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import select, update

from moderator.gui.audit.model import BATCH, BATCH_ROLE, BATCH_RUN_ROLE, COMMENT_ID_ROLE, HEADERS, REASON, STATUS
from moderator.gui.audit.window import AuditWindow, count_text
from moderator.gui.models.listmodels import ID_ROLE
from moderator.gui.workers.writer import Reader
from moderator.moderation.decisions import decide, undo
from moderator.storage.models import Comment, Decision, utcnow
from moderator.vocabulary import HIDE_REASONS as REASONS
from moderator.vocabulary import Source, Status
from tests.gui.helpers import activate, answer_modal, wait_idle

MODERATORS = ("ana", "ben", "chidi")
HIDE_REASONS = ("spam", "abuse", "off_topic")


def make_log(db, rounds: int) -> None:
    """`rounds` manual decisions round the demo's comments by three moderators (approve,
    hide with a reason, restore), two bulk batches back to back and one bulk undo; the
    decisions of the first comment moved ten days back (for the date filters)."""
    with db.sessions() as s:
        status = dict(s.execute(select(Comment.id, Comment.status).order_by(Comment.id)).all())
        ids, noted = list(status), False
        for i in range(rounds):
            cid, moderator = ids[i % len(ids)], MODERATORS[i % len(MODERATORS)]
            if status[cid] != Status.PENDING:
                change = decide(s, [cid], "restore", moderator)
            elif i % 2:
                change = decide(s, [cid], "hide", moderator, HIDE_REASONS[i % 3], note="" if noted else "<b>not\nbold</b>")
                noted = True
            else:
                change = decide(s, [cid], "approve", moderator)
            status[cid] = change.decided[0].status_after
        pending = [cid for cid in ids if status[cid] == Status.PENDING]
        first = decide(s, pending[:6], "approve", "ben", source=Source.BULK)
        decide(s, pending[6:10], "hide", "chidi", reason="spam", source=Source.BULK)
        undo(s, first.decision_ids, "ana")
        s.execute(update(Decision).where(Decision.comment_id == ids[0]).values(created_at=utcnow() - timedelta(days=10)))
        s.commit()


def logged(db, *where) -> list[int]:
    """Decision ids from the table itself, newest first."""
    with db.sessions() as s:
        query = select(Decision.id).join(Comment, Comment.id == Decision.comment_id).where(*where)
        return list(s.scalars(query.order_by(Decision.created_at.desc(), Decision.id.desc())))


@pytest.fixture
def bugs():
    """What the window hands to report_bug: nothing, in every test."""
    found: list[BaseException] = []
    yield found
    assert found == []


@pytest.fixture
def reader(qtbot, demo_db, bugs):
    worker = Reader(demo_db.sessions, bugs.append)
    yield worker
    worker.close()


@pytest.fixture
def log(qtbot, demo_db, reader, bugs):
    make_log(demo_db, 60)
    return open_log(qtbot, demo_db, reader, bugs)


def open_log(qtbot, db, reader, bugs) -> AuditWindow:
    win = AuditWindow(db.sessions, reader, bugs.append)
    qtbot.addWidget(win, before_close_func=lambda w: w.shutdown())
    win.present()
    qtbot.waitExposed(win)
    return win


def shown(win: AuditWindow) -> list[int]:
    """Every decision id the view lists, fetching the rest as scrolling would."""
    while win.model.canFetchMore():
        win.model.fetchMore()
    return [win.model.index(i, 0).data(ID_ROLE) for i in range(win.model.rowCount())]


def assert_count(qtbot, reader: Reader, win: AuditWindow, count: int) -> None:
    """The count shown once the shared reader has answered (it counts off the GUI thread)."""
    wait_idle(qtbot, reader)
    assert win.count.text() == count_text(count)


def choose(combo, value) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_every_decision_newest_first_with_its_count(qtbot, log, demo_db, reader):
    everything = logged(demo_db)
    assert len(everything) > 60 and shown(log) == everything
    assert_count(qtbot, reader, log, len(everything))
    # "rules": the rules flagged the demo's suspect comments as it was loaded (issue 14)
    assert [log.moderator.itemText(i) for i in range(log.moderator.count())] == ["Any moderator", *MODERATORS, "rules"]
    assert log.model.columnCount() == len(HEADERS)
    assert log.table.currentIndex().row() == 0  # ready for the arrow keys


def test_a_row_says_who_did_what_why_and_before_after(qtbot, log, demo_db):
    with demo_db.sessions() as s:
        hide = s.scalars(select(Decision).where(Decision.note != "", Decision.source != "rule")).one()
        author = s.get(Comment, hide.comment_id).author
    row = shown(log).index(hide.id)
    cells = [log.model.index(row, column).data() for column in range(len(HEADERS))]
    assert cells[1:4] == [hide.moderator, "Hide", "Manual"]
    assert cells[REASON] == f"{REASONS[hide.reason]} · “<b>not bold</b>”"  # on one line
    assert cells[STATUS] == "Pending → Hidden" and cells[6:8] == [author, f"#{hide.comment_id}"]
    log.table.setCurrentIndex(log.model.index(row, 0))
    assert log.details.textFormat() == Qt.TextFormat.PlainText  # a note is data, never markup
    assert "Note: <b>not\nbold</b>" in log.details.text() and f"comment {hide.comment_id} by {author}" in log.details.text()


def test_a_bulk_batch_is_marked_and_its_rows_grouped(log, demo_db):
    with demo_db.sessions() as s:
        batch_of = dict(s.execute(select(Decision.id, Decision.batch_id).where(Decision.batch_id.is_not(None))).all())
    sizes = {b: list(batch_of.values()).count(b) for b in batch_of.values()}
    cells = [log.model.index(i, BATCH) for i in range(len(shown(log)))]
    for cell in cells:
        batch = batch_of.get(cell.data(ID_ROLE))
        assert cell.data(BATCH_ROLE) == batch
        assert cell.data() == (f"{sizes[batch]} comments · {batch[:6]}" if batch else "")
        assert (cell.data(BATCH_RUN_ROLE) is None) == (batch is None)  # only a batch's rows are tinted
    in_batches = [c for c in cells if c.data(BATCH_ROLE)]
    assert len(sizes) == 3 and len(in_batches) == len(batch_of)  # the undo, the hide and the approve batches
    for above, below in zip(in_batches, in_batches[1:]):  # they lie back to back: the tint tells them apart
        assert (above.data(BATCH_RUN_ROLE) == below.data(BATCH_RUN_ROLE)) == (above.data(BATCH_ROLE) == below.data(BATCH_ROLE))


WEEK_AGO = lambda: datetime.combine(datetime.now().date() - timedelta(6), time()).astimezone()  # noqa: E731


@pytest.mark.parametrize("pick, where", [
    (lambda w: choose(w.moderator, "ben"), lambda: [Decision.moderator == "ben"]),
    (lambda w: choose(w.action, "restore"), lambda: [Decision.action == "restore"]),
    (lambda w: choose(w.source, "bulk"), lambda: [Decision.source == "bulk"]),
    (lambda w: choose(w.when, 6), lambda: [Decision.created_at >= WEEK_AGO()]),
    (lambda w: (choose(w.source, "manual"), choose(w.moderator, "ana"), choose(w.action, "hide")),
     lambda: [Decision.source == "manual", Decision.moderator == "ana", Decision.action == "hide"]),
], ids=["moderator", "action", "source", "last 7 days", "combined"])
def test_each_filter_narrows_the_log(qtbot, log, demo_db, pick, where, reader):
    pick(log)
    expected = logged(demo_db, *where())
    assert expected and len(expected) < len(logged(demo_db))
    assert shown(log) == expected
    assert_count(qtbot, reader, log, len(expected))


def test_a_date_range_between_two_days(qtbot, log, demo_db, reader):
    choose(log.when, "between")
    assert log.since.isVisible() and log.until.isVisible()
    ten_days_ago = QDate.currentDate().addDays(-10)
    log.since.setDate(ten_days_ago)
    log.until.setDate(ten_days_ago)
    day = datetime.combine(ten_days_ago.toPython(), time()).astimezone()
    expected = logged(demo_db, Decision.created_at >= day, Decision.created_at < day + timedelta(1))
    assert expected and shown(log) == expected
    assert_count(qtbot, reader, log, len(expected))


def test_only_the_open_article_removable(qtbot, log, demo_db, reader):
    log.set_article(2, "Nearly 39,000 <i>deported</i> & counting")
    expected = logged(demo_db, Comment.article_id == 2)
    assert expected and shown(log) == expected
    assert log.article_chip.isVisible() and log.article_chip.text() == "Article: Nearly 39,000 <i>deported</i> && counting  ✕"
    assert_count(qtbot, reader, log, len(expected))
    choose(log.moderator, "ana")  # filters combine
    assert shown(log) == logged(demo_db, Comment.article_id == 2, Decision.moderator == "ana")
    log.article_chip.click()
    assert not log.article_chip.isVisible()
    assert shown(log) == logged(demo_db, Decision.moderator == "ana")


def test_an_article_set_before_opening_is_read_on_opening(qtbot, demo_db, reader, bugs):
    make_log(demo_db, 30)
    win = AuditWindow(demo_db.sessions, reader, bugs.append)
    qtbot.addWidget(win, before_close_func=lambda w: w.shutdown())
    win.set_article(1, "Europe")
    assert win.model.rowCount() == 0  # closed: nothing read yet
    win.present()
    assert shown(win) == logged(demo_db, Comment.article_id == 1) != []
    assert win.article_chip.isVisible()


def test_filters_change_from_the_keyboard(qtbot, log, demo_db, reader):
    activate(qtbot, log)
    qtbot.keyClick(log.table, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # &Moderator
    assert log.moderator.hasFocus()
    qtbot.keyClick(log.moderator, Qt.Key.Key_Down)
    assert shown(log) == logged(demo_db, Decision.moderator == "ana")
    qtbot.keyClick(log.moderator, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # A&ction
    qtbot.keyClick(log.action, Qt.Key.Key_Down)  # Approve
    assert shown(log) == logged(demo_db, Decision.moderator == "ana", Decision.action == "approve")
    with qtbot.waitSignal(log.clear.clicked):  # a mnemonic clicks the button a moment later
        qtbot.keyClick(log.action, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Remove all filters
    assert shown(log) == logged(demo_db)
    assert_count(qtbot, reader, log, len(logged(demo_db)))


def test_rows_are_fetched_a_page_at_a_time_as_the_view_scrolls(qtbot, demo_db, reader, bugs):
    make_log(demo_db, 420)
    win = open_log(qtbot, demo_db, reader, bugs)
    everything = logged(demo_db)
    assert len(everything) > 400
    assert win.model.rowCount() == 200 and win.model.canFetchMore()  # one page, not the whole log
    win.table.setFocus()
    with qtbot.waitSignal(win.model.rowsInserted):  # to the end of what is loaded: the view asks for more
        qtbot.keyClick(win.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert win.model.rowCount() % 200 == 0 or win.model.rowCount() == len(everything)  # whole pages
    while win.model.rowCount() < len(everything):
        with qtbot.waitSignal(win.model.rowsInserted):
            qtbot.keyClick(win.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert not win.model.canFetchMore()
    assert [win.model.index(i, 0).data(ID_ROLE) for i in range(win.model.rowCount())] == everything


def test_enter_or_a_double_click_opens_the_comment(qtbot, log, demo_db):
    log.table.setFocus()
    qtbot.keyClick(log.table, Qt.Key.Key_Down)
    comment_id = log.table.currentIndex().data(COMMENT_ID_ROLE)
    with qtbot.waitSignal(log.comment_activated) as opened:
        qtbot.keyClick(log.table, Qt.Key.Key_Return)
    assert opened.args == [comment_id] and comment_id == logged_comment(demo_db, log.table.currentIndex().row())
    cell = log.table.visualRect(log.model.index(3, 1)).center()
    qtbot.mouseClick(log.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # QTest's double-click lacks the press
    with qtbot.waitSignal(log.comment_activated) as clicked:
        qtbot.mouseDClick(log.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert clicked.args == [logged_comment(demo_db, 3)]


def logged_comment(db, row: int) -> int:
    with db.sessions() as s:
        return s.get(Decision, logged(db)[row]).comment_id


def read_csv(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_export_writes_the_filtered_log_as_csv(qtbot, log, demo_db, tmp_path):
    choose(log.moderator, "chidi")
    out = tmp_path / "chidi.csv"
    with qtbot.waitSignal(log.export_finished) as done:
        log.export_csv(out)
    expected = logged(demo_db, Decision.moderator == "chidi")
    assert done.args == [f"{count_text(len(expected))} written to {out}."] and log.message.text() == done.args[0]
    rows = read_csv(out)
    assert [int(r["decision_id"]) for r in rows] == expected
    assert {r["moderator"] for r in rows} == {"chidi"} and any(r["batch_id"] for r in rows)
    assert log.export.isEnabled()


def test_export_asks_where_to_write(qtbot, log, demo_db, tmp_path):
    out = tmp_path / "log"  # no suffix given: .csv is added

    def save_here(dialog: QFileDialog) -> None:
        dialog.selectFile(str(out))
        dialog.accept()

    answer_modal(save_here, QFileDialog)
    with qtbot.waitSignal(log.export_finished, timeout=10_000):
        log.export.click()
    assert [int(r["decision_id"]) for r in read_csv(tmp_path / "log.csv")] == logged(demo_db)


def test_an_export_that_cannot_be_written_says_so(qtbot, log, tmp_path):
    out = tmp_path / "missing folder" / "log.csv"
    with qtbot.waitSignal(log.export_finished) as done:
        log.export_csv(out)
    assert done.args == [f"Not exported. {out}: no such file or folder."]
    assert log.message.text() == done.args[0] and log.export.isEnabled()


def test_f5_reads_the_decisions_made_since(qtbot, log, demo_db):
    before = shown(log)
    with demo_db.sessions() as s:
        pending = s.scalars(select(Comment.id).where(Comment.status == Status.PENDING)).first()
        decide(s, [pending], "approve", "dana")
        s.commit()
    assert shown(log) == before  # the log on screen stays put while it is read
    activate(qtbot, log)
    qtbot.keyClick(log.table, Qt.Key.Key_F5)
    assert shown(log) == logged(demo_db) and len(shown(log)) == len(before) + 1
    assert log.moderator.findData("dana") > 0  # a new name joins the moderator list


def test_tab_goes_through_the_filters_the_buttons_then_the_log(qtbot, log):
    log.set_article(1, "Europe")
    activate(qtbot, log)
    log.moderator.setFocus()
    visited = [log.moderator]
    for _ in range(10):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [log.moderator, log.action, log.source, log.when, log.article_chip, log.reload,
                       log.clear, log.export, log.table, log.details, log.moderator]


def test_filters_and_table_are_named_for_screen_readers(log):
    names = [w.accessibleName() for w in (log.moderator, log.action, log.source, log.when, log.table)]
    assert all(names) and len(set(names)) == len(names)
    assert log.model.index(0, STATUS).data(Qt.ItemDataRole.AccessibleTextRole).startswith("Status: ")
    assert "→" not in log.model.index(0, STATUS).data(Qt.ItemDataRole.AccessibleTextRole)
