"""The commenter panel on a real database: counts, first and last seen, their comments page
by page, and "hide all pending" as one undoable bulk action through the real writer."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QUndoStack
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from moderator.gui.commenter.panel import CommenterPanel
from moderator.gui.common import look
from moderator.gui.common.reading import reader_of
from moderator.gui.models.listmodels import ID_ROLE, PAGE_SIZE, ROW_ROLE
from moderator.gui.operations.undo import DecisionCommand
from moderator.gui.workers.writer import Writer
from moderator.moderation.decisions import decide
from moderator.reading import commenters
from moderator.scoring.priority import priority
from moderator.storage.models import Article, Comment, Score, ScoringModel, Site
from moderator.vocabulary import VISIBLE_TO_MODERATORS, Action, Source, Status
from tests.gui.helpers import activate, wait_idle

AUTHOR = "RealistRex88"  # seven pending comments in the demo
MIXED = (Status.APPROVED, Status.HIDDEN, Status.PENDING, Status.APPROVED, Status.APPROVED)


def add_comments(db, author: str, count: int, site_key: str | None = None, statuses=MIXED, body: str = "") -> list[int]:
    """`count` comments by `author` on the demo's articles (or on a new site's article),
    each a day older than the one before, starting a day after the demo."""
    with db.sessions() as s:
        articles = list(s.scalars(select(Article).order_by(Article.id)))
        if site_key is not None:
            site = Site(key=site_key, name=site_key)
            s.add(site)
            s.flush()
            articles = [Article(site_id=site.id, external_id=f"{site_key}-1", headline=f"A story on {site_key}")]
            s.add_all(articles)
            s.flush()
        newest = max(s.scalars(select(Comment.created_at)))
        added = [Comment(site_id=articles[i % len(articles)].site_id, article_id=articles[i % len(articles)].id,
                         author=author, external_id=f"{author}-{site_key}-{i}", body=body or f"comment {i} by {author}",
                         created_at=newest + timedelta(days=1) - timedelta(days=i), status=statuses[i % len(statuses)])
                 for i in range(count)]
        s.add_all(added)
        s.commit()
        return [c.id for c in added]


def score(db, comment_ids: list[int]) -> int:
    """A model that scores these comments 0.0, 0.1, … (so every priority shows)."""
    with db.sessions() as s:
        model = ScoringModel(name="tiny", family="t", checksum="c", labels=["toxicity"], main_label="toxicity")
        s.add(model)
        s.flush()
        s.add_all(Score(comment_id=cid, model_id=model.id, main=(i % 11) / 10, label_scores={"toxicity": (i % 11) / 10})
                  for i, cid in enumerate(comment_ids))
        s.commit()
        return model.id


def theirs(db, author: str, site_id: int | None) -> list[Comment]:
    """Their comments straight from the table, in the order the panel must show them."""
    with db.sessions() as s:
        query = select(Comment).where(Comment.author == author, Comment.status.in_(VISIBLE_TO_MODERATORS))
        if site_id is not None:
            query = query.where(Comment.site_id == site_id)
        return list(s.scalars(query.order_by(Comment.created_at.desc(), Comment.id.desc())))


def statuses(db) -> dict[int, str]:
    with db.sessions() as s:
        return dict(s.execute(select(Comment.id, Comment.status)).all())


def demo_site(db) -> int:
    with db.sessions() as s:
        return s.scalar(select(Comment.site_id).where(Comment.author == AUTHOR))


def shown_ids(panel: CommenterPanel) -> list[int]:
    return [panel.model.index(i).data(ID_ROLE) for i in range(panel.model.rowCount())]


@pytest.fixture
def panel(qtbot, demo_db):
    def read(query):
        with demo_db.sessions() as s:
            return query(s)

    widget = CommenterPanel(read, priority)
    qtbot.addWidget(widget)
    widget.resize(340, 700)  # the right-hand column at 1280×800
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_counts_seen_and_comments_match_the_database(panel, demo_db):
    added = add_comments(demo_db, AUTHOR, 23)
    on_other_site = add_comments(demo_db, AUTHOR, 3, site_key="other")
    model_id = score(demo_db, added[::2])
    site = demo_site(demo_db)
    assert panel.placeholder.isVisibleTo(panel) and not panel.comments_view.isVisibleTo(panel)
    panel.show_commenter(site, AUTHOR, model_id)

    rows = theirs(demo_db, AUTHOR, site)
    assert len(rows) == 7 + 23
    assert panel.name.text() == AUTHOR and panel.name.textFormat() == Qt.TextFormat.PlainText
    assert panel.counts.counts == {status: sum(r.status == status for r in rows) for status in VISIBLE_TO_MODERATORS}
    assert panel.counts.text() == ", ".join(f"{n} {status}" for status, n in panel.counts.counts.items())
    assert panel.first_seen.text() == look.when(min(r.created_at for r in rows), with_year=True)
    assert panel.last_seen.text() == look.when(max(r.created_at for r in rows), with_year=True)
    assert panel.list_title.text() == "All 30 comments, newest first"
    assert shown_ids(panel) == [r.id for r in rows] and not set(on_other_site) & set(shown_ids(panel))
    assert [panel.model.index(i).data(ROW_ROLE).status for i in range(len(rows))] == [r.status for r in rows]
    with demo_db.sessions() as s:
        scores = dict(s.execute(select(Score.comment_id, Score.main).where(Score.model_id == model_id)).all())
    shown = [panel.model.index(i).data(ROW_ROLE) for i in range(len(rows))]
    assert [row.score for row in shown] == [scores.get(r.id) for r in rows]
    high = next(i for i, row in enumerate(shown) if row.score == 1.0)
    spoken = panel.model.index(high).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith(f"{look.STATUS_LABELS[shown[high].status]}, High priority 1.00, ")
    assert spoken.endswith(shown[high].body)

    panel.show_commenter(None, AUTHOR, model_id)  # every site
    assert set(shown_ids(panel)) == {r.id for r in theirs(demo_db, AUTHOR, None)} >= set(on_other_site)
    assert panel.counts.counts[Status.PENDING] == sum(r.status == Status.PENDING for r in theirs(demo_db, AUTHOR, None))


def spoken(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def test_a_screen_reader_hears_what_the_panel_shows(panel, demo_db):
    site = demo_site(demo_db)
    panel.show_commenter(site, AUTHOR, None)
    assert spoken(panel.name) == AUTHOR
    assert spoken(panel.counts) == panel.counts.text() == "7 pending, 0 approved, 0 hidden"
    assert spoken(panel.first_seen) == panel.first_seen.text() != ""
    assert spoken(panel.hide_all_button) == "Hide all pending from this commenter (7)…"
    assert spoken(panel.comments_view) == f"Comments by {AUTHOR}, newest first"



def test_tab_goes_from_the_name_to_the_buttons_to_their_comments(panel, demo_db, qtbot):
    panel.show_commenter(demo_site(demo_db), AUTHOR, None)
    activate(qtbot, panel)
    panel.name.setFocus()
    box = panel.standing_box  # a normal commenter: Trust, Ban…, Edit note…
    for expected in (panel.hide_all_button, box.buttons[Action.TRUST], box.buttons[Action.BAN], box.notes_button,
                     panel.comments_view):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected


def test_someone_with_nothing_to_moderate(panel, demo_db, qtbot):
    panel.show_commenter(demo_site(demo_db), "<b>Nobody</b>", None)
    assert panel.name.text() == "<b>Nobody</b>"  # shown literally
    assert panel.counts.counts == {Status.PENDING: 0, Status.APPROVED: 0, Status.HIDDEN: 0}
    assert panel.first_seen.text() == panel.last_seen.text() == "never"
    assert panel.list_title.text() == "No comments to moderate." and panel.model.rowCount() == 0
    assert not panel.hide_all_button.isEnabled()


def test_cards_wrap_again_when_the_column_narrows(panel, demo_db, qtbot):
    """Card heights are remembered per width: a narrower column must measure them again."""
    body = "A comment of some ninety letters or so, which wraps over more lines when narrower."
    [wrapping] = add_comments(demo_db, AUTHOR, 1, body=body)
    panel.show_commenter(demo_site(demo_db), AUTHOR, None)
    view, index = panel.comments_view, panel.model.index(panel.model.row_of(wrapping))
    wide = view.visualRect(index)  # a list view runs a pending layout when asked where a row is
    assert wide.isValid()
    panel.resize(200, 700)  # offscreen, the window and its layout follow at once
    assert view.visualRect(index).height() > wide.height()


def test_paging_past_the_first_page_from_the_keyboard(panel, demo_db, qtbot):
    add_comments(demo_db, AUTHOR, PAGE_SIZE + 40)
    site = demo_site(demo_db)
    panel.show_commenter(site, AUTHOR, None)
    rows = theirs(demo_db, AUTHOR, site)
    assert panel.model.rowCount() == PAGE_SIZE and panel.model.canFetchMore()
    panel.comments_view.setFocus()
    with qtbot.waitSignal(panel.model.rowsInserted):  # scrolls to the bottom: the view fetches the next page
        qtbot.keyClick(panel.comments_view, Qt.Key.Key_End)
    assert shown_ids(panel) == [r.id for r in rows] and not panel.model.canFetchMore()

    qtbot.keyClick(panel.comments_view, Qt.Key.Key_End)
    last = panel.current_comment_id()
    assert last == rows[-1].id
    panel.refresh()  # keeps every loaded page and the current comment
    assert shown_ids(panel) == [r.id for r in rows] and panel.current_comment_id() == last


def test_activating_a_comment_by_enter_or_double_click(panel, demo_db, qtbot):
    site = demo_site(demo_db)
    panel.show_commenter(site, AUTHOR, None)
    rows = theirs(demo_db, AUTHOR, site)
    view = panel.comments_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.comment_activated) as activated:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert activated.args == [rows[1].id]
    rect = view.visualRect(panel.model.index(0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's first press
    with qtbot.waitSignal(panel.comment_activated) as activated:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated.args == [rows[0].id]


def test_the_hide_all_button_counts_their_pending_and_asks(panel, demo_db, qtbot):
    add_comments(demo_db, AUTHOR, 10)  # two more pending
    add_comments(demo_db, AUTHOR, 4, site_key="other")
    site = demo_site(demo_db)
    panel.show_commenter(site, AUTHOR, None)
    pending = sum(r.status == Status.PENDING for r in theirs(demo_db, AUTHOR, site))
    assert pending == 7 + 2
    button = panel.hide_all_button
    assert button.text() == f"Hide all pending from this commenter ({pending})…" and button.isEnabled()
    button.setFocus()
    with qtbot.waitSignal(panel.hide_all_pending) as asked:
        qtbot.keyClick(button, Qt.Key.Key_Space)
    assert asked.args == [AUTHOR, site, pending]

    add_comments(demo_db, "Only Approved", 3, statuses=(Status.APPROVED,))
    panel.show_commenter(site, "Only Approved", None)
    assert button.text().endswith("(0)…") and not button.isEnabled()
    with qtbot.assertNotEmitted(panel.hide_all_pending):
        qtbot.keyClick(button, Qt.Key.Key_Space)


def test_hide_all_pending_is_one_undo_step(panel, demo_db, qtbot):
    add_comments(demo_db, AUTHOR, 10)
    elsewhere = add_comments(demo_db, AUTHOR, 5, site_key="other")
    site = demo_site(demo_db)
    panel.show_commenter(site, AUTHOR, None)
    before = statuses(demo_db)
    counts_before = dict(panel.counts.counts)
    with demo_db.sessions() as s:
        ids = commenters.pending_ids_of(s, AUTHOR, site)
    assert sorted(ids) == sorted(r.id for r in theirs(demo_db, AUTHOR, site) if r.status == Status.PENDING)

    failures: list[BaseException] = []
    writer = Writer(demo_db.write_sessions, failures.append)
    stack = QUndoStack()
    done = []
    writer.changed.read_with(reader_of(demo_db.sessions))  # a write's own change: read on the GUI thread
    writer.changed.listen(panel)  # the panel reads again what the write changed
    command = DecisionCommand(f"Hide {len(ids)} from {AUTHOR}",
                              lambda s: decide(s, ids, Action.HIDE, "ana", "spam", source=Source.BULK), "ana", writer,
                              lambda _s, changes: changes, done.append, failures.append)
    try:
        stack.push(command)
        wait_idle(qtbot, writer)
        assert len(done) == 1
        after = statuses(demo_db)
        assert {cid for cid in after if after[cid] != before[cid]} == set(ids)
        assert {after[cid] for cid in ids} == {Status.HIDDEN}
        assert [before[cid] for cid in elsewhere] == [after[cid] for cid in elsewhere]  # another site: untouched
        assert panel.counts.counts == {Status.PENDING: 0, Status.APPROVED: counts_before[Status.APPROVED],
                                       Status.HIDDEN: counts_before[Status.HIDDEN] + len(ids)}
        assert not panel.hide_all_button.isEnabled()
        assert {panel.model.index(i).data(ROW_ROLE).status for i in range(panel.model.rowCount())} <= {
            Status.APPROVED, Status.HIDDEN}

        stack.undo()
        wait_idle(qtbot, writer)
        assert len(done) == 2
        assert statuses(demo_db) == before
        assert panel.counts.counts == counts_before and panel.hide_all_button.text().endswith(f"({len(ids)})…")
        assert failures == []
    finally:
        writer.close()
