"""One current comment, proven over sequences (issue 18, point 1): a hypothesis state machine
drives the real window from the keyboard and the mouse (j / k in the thread and the queue,
the tabs, articles, queues and orders, the commenter's list, the audit log's double-click
and Enter), through dialogs and reloads (Preferences → OK, F5, an import, the model's
arrival and its scores landing while the moderator works) and decisions (approve, hide,
restore, reply, undo, redo, a bulk approval). After every step, and again once its writes
have landed: the comment panel, the target of the next action and every highlighted row
are one comment, and the thread's header counts what the database holds."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit
from sqlalchemy import func, select

from moderator.config import resolve_db_url, resolve_paths
from moderator.gui import settings as S
from moderator.gui.app import build_window
from moderator.gui.mainwindow import QUEUE_TAB
from moderator.importing.demo import load_demo
from moderator.storage.database import open_database
from moderator.storage.models import Comment
from moderator.vocabulary import Status
from tests.gui.helpers import Answer, answer_modal, ok_button, press, reason_list, wait_reads, wait_writes

TESTDATA = Path("/work/shared/testdata")
IMPORTED = TESTDATA / "disqus_isso-tests.xml"  # a spam and an author-deleted comment among them
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
STEPS, EXAMPLES = 22, 12  # a few hundred steps in all, in short runs from a fresh window each
STEPS_DRAWN = ("move", "move", "move", "choose a list", "open from elsewhere", "read again", "decide", "decide", "decide")
IMPORT_FROM = 10  # an import (and the scoring run it starts, a model process) only late in a run: it costs a second


@pytest.fixture
def template(tmp_path) -> Path:
    """A data folder with the demo loaded, copied for each run of the machine."""
    paths = resolve_paths(str(tmp_path / "template"))
    paths.ensure()
    database = open_database(resolve_db_url(paths), paths.backups)
    with database.sessions() as session:
        load_demo(session)
    database.dispose()
    return paths.home


def thread_counts(window) -> str:
    article = window.article_view.article
    with window.context.db.sessions() as s:
        statuses = dict(s.execute(select(Comment.status, func.count()).where(Comment.article_id == article.id)
                                  .group_by(Comment.status)).all())
    shown = sum(n for status, n in statuses.items() if status != Status.REMOVED)
    return f"Comments · {shown} ({statuses.get(Status.PENDING, 0)} pending)"


def check_one_current_comment(window) -> None:
    current = window.current
    target = current.comment_id
    assert window.panel.comment_id == target and window.current_comment_id == target
    assert (window._current_row() or None) is current.row  # what `a` acts on
    lists = {"thread": window.article_view.current_comment_id(), "queue": window.queue_pane.current_id(),
             "commenter": window.commenter_panel.current_comment_id()}
    for name, shown in lists.items():
        assert shown in (None, target), f"the {name} highlights comment {shown}; the panel shows {target}"
    article = window.article_view.article
    assert window.articles_view.current_article_id() in (None, article.id if article else None)
    if target is not None and not current._article_pause.isActive():
        visible = {"thread"} | ({"queue"} if window.tabs.currentIndex() == QUEUE_TAB else set()) \
            | ({"commenter"} if window.side_tabs.currentWidget() is window.commenter_panel else set())
        assert target in {lists[name] for name in visible}, f"no list shown highlights the current comment {target}"


class Moderating(RuleBasedStateMachine):
    """One window per run, on a fresh copy of the demo."""

    qtbot = None
    homes: itertools.count = itertools.count()
    template: Path = Path()
    root: Path = Path()

    def __init__(self):
        super().__init__()
        home = self.root / f"run-{next(self.homes)}"
        shutil.copytree(self.template, home)
        paths = resolve_paths(str(home))
        self.window = build_window(paths, resolve_db_url(paths))
        self.window.context.settings.set(S.MODERATOR_NAME, "ana")
        self.qtbot.addWidget(self.window)
        self.window.show()
        self.qtbot.waitExposed(self.window)
        self.window.reopen_last_article()
        self.imported, self.steps = False, 0

    def teardown(self):
        if self.window.audit_window is not None:
            self.window.audit_window.close()
        self.window.scoring.close()
        self.window.writer.close()
        self.window.close()
        Answer.forget_all()

    def key(self, key, modifier=Qt.KeyboardModifier.NoModifier):
        press(self.qtbot, self.window, key, modifier)
        check_one_current_comment(self.window)  # at once, before anything lands
        self.settle()

    def settle(self):
        """Every write landed and shown, every read answered, and the thread a queue move
        asked for is open (its timer is the app's; waiting for it keeps a failing run repeatable)."""
        wait_writes(self.qtbot, self.window)
        wait_reads(self.qtbot, self.window)
        pause = self.window.current._article_pause
        if pause.isActive():
            with self.qtbot.waitSignal(pause.timeout):
                pass

    @invariant()
    def one_current_comment(self):
        self.steps += 1
        check_one_current_comment(self.window)

    @invariant()
    def the_thread_header_counts_what_is_stored(self):
        if self.window.article_view.article is not None and not self.window.writer._pending:
            assert self.window.article_view.thread_title.text() == thread_counts(self.window)

    # ---- one rule, drawing what the moderator does next: hypothesis runs each example on a
    # subset of a machine's rules, which left some runs with no decision or no move at all

    @rule(data=st.data())
    def act(self, data):
        step = data.draw(st.sampled_from(STEPS_DRAWN), label="step")
        if step == "move":
            self.move(data.draw(st.sampled_from(["thread", "queue", "commenter"]), label="where"),
                      data.draw(st.lists(st.booleans(), min_size=1, max_size=4), label="forward"))
        elif step == "choose a list":
            self.choose_a_list(data.draw(st.one_of(
                st.tuples(st.just("article"), st.integers(0, 5)),
                st.tuples(st.just("queue"), st.sampled_from([Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4,
                                                             Qt.Key.Key_5])),
                st.tuples(st.just("order"), st.just(Qt.Key.Key_S))), label="list"))
        elif step == "open from elsewhere":
            self.open_from_elsewhere(data.draw(st.sampled_from(["audit double-click", "audit Enter", "commenter Enter"]),
                                               label="where"), data.draw(st.integers(0, 8), label="row"))
        elif step == "read again":
            self.read_again(data.draw(st.sampled_from(["Preferences OK", "F5", "import"]), label="how"))
        else:
            self.decide(data.draw(st.sampled_from(["approve", "hide", "restore", "reply", "undo", "redo",
                                                   "select and approve"]), label="decision"))

    def move(self, where, moves):
        """j / k in the thread or the queue (Ctrl+1 / Ctrl+2 first), or the arrows in the commenter's list (c first)."""
        if where == "commenter":
            self.in_the_commenters_list([Qt.Key.Key_Down if forward else Qt.Key.Key_Up for forward in moves])
            return
        self.key(Qt.Key.Key_2 if where == "queue" else Qt.Key.Key_1, CTRL)
        for forward in moves:
            self.key(Qt.Key.Key_J if forward else Qt.Key.Key_K)

    def choose_a_list(self, choice):
        """An article clicked in the list, another queue (1–5) or another order (s)."""
        what, value = choice
        if what != "article":
            self.key(value)
            return
        self.key(Qt.Key.Key_1, CTRL)
        view = self.window.articles_view
        view.selectionModel().setCurrentIndex(view.model().index(value, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        check_one_current_comment(self.window)

    def open_from_elsewhere(self, where, row):
        if where == "commenter Enter":
            self.in_the_commenters_list([Qt.Key.Key_Down] * (row % 3) + [Qt.Key.Key_Return])
            return
        self.window.show_audit_log()
        audit = self.window.audit_window
        if audit.model.rowCount() > row:
            table = audit.table
            rect = table.visualRect(audit.model.index(row, 1))
            if where == "audit Enter":
                table.selectRow(row)
                self.qtbot.keyClick(table, Qt.Key.Key_Return)
            else:
                self.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                self.qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            check_one_current_comment(self.window)
        audit.close()

    def in_the_commenters_list(self, keys):
        self.key(Qt.Key.Key_C)
        self.window.side_tabs.setCurrentWidget(self.window.commenter_panel)
        view = self.window.commenter_panel.comments_view
        view.setFocus()
        for key in keys:
            self.qtbot.keyClick(view, key)
            check_one_current_comment(self.window)

    def read_again(self, what):
        """Preferences → OK, F5, or an import, which also starts scoring (a model process): the
        model arrives, the views read again in turns, and scores land while the next steps run."""
        if what == "Preferences OK":
            answer_modal(lambda dialog: ok_button(dialog).click(), "PreferencesDialog")
            self.window.edit_preferences()
            check_one_current_comment(self.window)
        elif what == "F5" or self.imported or self.steps < IMPORT_FROM:
            self.key(Qt.Key.Key_F5)
        else:
            self.imported = True
            answer_modal(lambda box: box.accept(), QMessageBox)
            self.window.files.import_files([IMPORTED])
        self.settle()

    def decide(self, action):
        if action == "hide":
            answer_modal(lambda dialog: self.qtbot.keyClick(reason_list(dialog), Qt.Key.Key_Return), "HideDialog")
        elif action == "reply":
            answer_modal(self._write_reply, "ReplyDialog")
        elif action == "select and approve":
            self.key(Qt.Key.Key_X)
            answer_modal(lambda box: next(b for b in box.buttons() if b.text() == "Approve").click(), "BulkConfirm")
        keys = {"approve": (Qt.Key.Key_A,), "hide": (Qt.Key.Key_H,), "restore": (Qt.Key.Key_U,), "reply": (Qt.Key.Key_R,),
                "undo": (Qt.Key.Key_Z, CTRL), "redo": (Qt.Key.Key_Z, CTRL | SHIFT),
                "select and approve": (Qt.Key.Key_A, SHIFT)}
        self.key(*keys[action])

    def _write_reply(self, dialog):
        self.qtbot.keyClicks(dialog.findChild(QPlainTextEdit, "replyEdit"), "Thanks, noted.")
        ok_button(dialog).click()


def test_the_highlighted_row_the_panel_and_the_next_action_are_one_comment(qtbot, template, tmp_path):
    Moderating.qtbot, Moderating.template, Moderating.root = qtbot, template, tmp_path
    run_state_machine_as_test(Moderating, settings=settings(
        max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None, derandomize=True,
        phases=(Phase.explicit, Phase.generate),  # no shrinking: each replay of a real window costs seconds
        suppress_health_check=list(HealthCheck)))
