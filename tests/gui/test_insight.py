"""Insight in the window: `w` explains the comment shown, the Insight window's charts render and
export, the threshold is dragged along the calibration curve and carried into a rule."""

from __future__ import annotations

import csv
import math

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from moderator.formats.csvsafe import unquote
from moderator.gui.comment.why import TEXT_HEIGHT
from moderator.gui.common.reading import ActiveModel, reader_of
from moderator.insight.rules import ThresholdProposal
from moderator.scoring.priority import Thresholds
from tests import insightdata as data
from tests.gui.helpers import answer_modal, press, wait_scored


def flagged_demo_comment(window) -> int:
    """The demo comment the quick screen scores highest."""
    with window.context.db.sessions() as s:
        from sqlalchemy import select

        from moderator.storage.models import Score
        return s.scalar(select(Score.comment_id).where(Score.model_id == window.active.model_id)
                        .order_by(Score.main.desc()).limit(1))


def test_w_explains_the_comment_shown_and_moving_on_clears_it(qtbot, window):
    wait_scored(qtbot, window)
    comment_id = flagged_demo_comment(window)
    window.open_comment(comment_id)
    section = window.why.section
    assert section.isVisibleTo(window.panel) and section.explanation is None
    with qtbot.waitSignal(window.explainer.explained, timeout=60_000):
        press(qtbot, window, Qt.Key.Key_W)
    found = section.explanation
    assert found is not None and found.bias is not None
    assert found.bias + math.fsum(s.weight for s in found.spans) == pytest.approx(found.log_odds, abs=1e-6)
    strongest = found.strongest(1)[0]
    assert strongest.weight > 0 and (strongest.text, strongest.weight) in section.highlighted()
    assert section.text.toPlainText() == window.panel.row.body  # plain text, highlighted in place
    fitted = section.text.document().size().height() + 2 * section.text.frameWidth() + 4
    assert section.text.height() == min(TEXT_HEIGHT, int(fitted))  # as tall as its text, no empty box below
    assert strongest.text in section.words.text() and "marked on the comment's text above" in section.rules.text()
    with qtbot.waitSignal(window.explainer.explained, timeout=10_000):
        press(qtbot, window, Qt.Key.Key_J)  # moving on: the next comment has no explanation kept
    assert section.explanation is None and section.comment_id != comment_id
    qtbot.waitUntil(lambda: window.writer.idle)  # the explanation is kept through the one writer
    with qtbot.waitSignal(window.explainer.explained, timeout=10_000):
        window.open_comment(comment_id)  # back: the kept explanation, with no W
    assert section.explanation == found


@pytest.fixture
def insight(qtbot, db):
    """An Insight window on the hand-counted decisions of tests/insightdata.py."""
    from moderator.gui.insight.window import InsightWindow

    with db.write_sessions() as s:
        model_id = data.build(s)
    errors: list[BaseException] = []
    rules = RecordingRules()
    window = InsightWindow(db.sessions, ActiveModel(data.IDENTITY, model_id, Thresholds(0.5, 0.8)), reader_of(db.sessions),
                           errors.append, rules=rules)
    qtbot.addWidget(window)
    seen: set[str] = set()
    window.drawn.connect(lambda: seen.add("charts"))
    window.curve_drawn.connect(lambda: seen.add("curve"))
    window.present()
    qtbot.waitUntil(lambda: bool(errors) or seen == {"charts", "curve"}, timeout=20_000)
    assert errors == []
    yield window, rules
    window.shutdown()
    assert errors == []


class RecordingRules:
    """A rule sink standing in for issue 14's rules: it keeps what it was given."""

    available, why_not = True, ""

    def __init__(self):
        self.carried: list[ThresholdProposal] = []

    def carry(self, proposal: ThresholdProposal) -> str:
        self.carried.append(proposal)
        return f"Rule made: hide at {proposal.threshold}"


def test_the_overview_charts_show_the_decisions_and_export(insight, tmp_path):
    window, _rules = insight
    charts = window.overview
    assert sum(row[2] for row in charts.distribution.rows) == data.HIDES
    assert sum(row[3] for row in charts.distribution.rows) == data.APPROVALS
    # one column per Source: manual, bulk, rule, site (taking the site's state)
    assert charts.per_moderator.rows == [["ana", 5, 1, 0, 0], ["ben", 5, 0, 0, 0], ["rules", 0, 0, 1, 0]]
    assert [row[1:] for row in charts.agreement.rows] == [[8, 11, round(8 / 11, 4)]]
    assert "1 pending now" in charts.backlog.note.text()
    for chart in charts.charts:
        width, height = chart.export_png(tmp_path / f"{chart.objectName()}.png", width=900)
        image = QImage(str(tmp_path / f"{chart.objectName()}.png"))
        assert (image.width(), image.height()) == (900, height) and height > 100
    charts.per_moderator.export_csv(tmp_path / "moderators.csv")
    with (tmp_path / "moderators.csv").open(newline="", encoding="utf-8") as stream:
        rows = [[unquote(cell) for cell in row] for row in csv.reader(stream)]
    assert rows[0] == ["moderator", "manual", "bulk", "rule", "site"] and rows[1] == ["ana", "5", "1", "0", "0"]


def drag(plot, start: QPointF, end: QPointF) -> None:
    """A real mouse drag in the plot, from one data point to another (press, moves, release)."""
    view = plot.getPlotItem().getViewBox()

    def at(point: QPointF) -> QPointF:
        return QPointF(plot.mapFromScene(view.mapViewToScene(point)))

    viewport = plot.viewport()
    buttons = Qt.MouseButton.LeftButton
    points = [at(start)] + [at(start + (end - start) * (i / 8)) for i in range(1, 9)]
    events = [QMouseEvent(QEvent.Type.MouseButtonPress, points[0], viewport.mapToGlobal(points[0]), buttons, buttons,
                          Qt.KeyboardModifier.NoModifier)]
    events += [QMouseEvent(QEvent.Type.MouseMove, p, viewport.mapToGlobal(p), Qt.MouseButton.NoButton, buttons,
                           Qt.KeyboardModifier.NoModifier) for p in points[1:]]
    events.append(QMouseEvent(QEvent.Type.MouseButtonRelease, points[-1], viewport.mapToGlobal(points[-1]), buttons,
                              Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    for event in events:
        QApplication.sendEvent(viewport, event)


def test_dragging_the_threshold_shows_the_counts_there(insight, qtbot):
    window, _rules = insight
    window.tabs.setCurrentWidget(window.calibration)
    view = window.calibration
    view.chart.plot.resize(800, 400)
    qtbot.waitUntil(lambda: view.chart.plot.isVisible())
    view.set_threshold(0.3)
    height = view.chart.plot.getPlotItem().getViewBox().viewRange()[1][1] / 2
    drag(view.chart.plot, QPointF(0.3, height), QPointF(0.8, height))
    assert view.line.value() == pytest.approx(0.8, abs=0.02)
    view.set_threshold(0.8)
    assert view.threshold.value() == pytest.approx(0.8)
    assert "caught 3 of the 6 comments moderators hid, and wrongly hidden 0 of the 5" in view.sentence.text()
    assert view.warning.isVisibleTo(view) and "too few decisions" in view.warning.text()
    view.recall.setValue(80)
    assert "Suggested: 0.550" in view.suggestion.text()
    view.use_suggestion.click()
    assert view.line.value() == pytest.approx(0.55)
    assert "caught 5 of the 6" in view.sentence.text()


def test_the_chosen_threshold_is_carried_into_a_rule_after_its_dry_run(insight, qtbot):
    window, rules = insight
    view = window.calibration
    view.set_threshold(0.55)
    said: list[str] = []

    def yes(box):
        said.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    answer_modal(yes, "carryIntoRule")
    view.carry.click()
    [proposal] = rules.carried
    assert (proposal.label, proposal.threshold) == ("toxicity", 0.55)
    assert (proposal.dry_run.true_positives, proposal.dry_run.false_positives) == (5, 1)
    assert "caught 5 of the 6" in said[0] and window.status.text() == "Rule made: hide at 0.55"


def test_without_rules_the_carry_button_says_why(qtbot, db):
    from moderator.gui.insight.calibration import CalibrationView

    view = CalibrationView()
    qtbot.addWidget(view)
    assert not view.carry.isEnabled() and "Rules do not exist yet" in view.carry.toolTip()


def test_another_label_reads_its_own_curve(insight, qtbot):
    window, _rules = insight
    with qtbot.waitSignal(window.curve_drawn, timeout=20_000):
        labels = window.calibration.labels  # shown as "Insult", kept as the model names it
        labels.setCurrentIndex(labels.findData("insult"))
    window.calibration.set_threshold(0.5)
    assert "caught 1 of the 6" in window.calibration.sentence.text()


def test_ctrl_i_opens_the_insight_window_on_the_active_model(qtbot, window):
    wait_scored(qtbot, window)
    press(qtbot, window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    insight = window.insight_window
    assert insight is not None
    qtbot.waitUntil(lambda: insight.status.text().startswith("Figures for quick-screen"), timeout=20_000)
    assert insight.calibration.label == "offensive"


@pytest.fixture
def dark(qapp):
    """The app started in dark mode: the system's palette is a dark one."""
    from PySide6.QtGui import QColor, QPalette

    light = QPalette(qapp.palette())
    dark = QPalette(light)
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.Base, "#1e1e1e"),
                         (QPalette.ColorRole.Text, "#eeeeee"), (QPalette.ColorRole.WindowText, "#eeeeee")):
        dark.setColor(role, QColor(colour))
    qapp.setPalette(dark)
    yield
    qapp.setPalette(light)


def test_the_charts_are_drawn_in_a_dark_palette(dark, insight):
    from PySide6.QtGui import QColor

    window, _rules = insight
    for chart in (*window.overview.charts, window.calibration.chart):
        assert chart.plot.backgroundBrush().color() == QColor("#1e1e1e")
        assert chart.plot.getPlotItem().getAxis("left").textPen().color() == QColor("#eeeeee")
    assert window.calibration.line.pen.color() == QColor("#eeeeee")  # the threshold line stays visible


def test_long_periods_are_drawn_by_week_or_month_and_exported_by_day():
    from datetime import date, timedelta

    from moderator.gui.insight.buckets import buckets_for, summed

    first = date(2026, 1, 5)  # a Monday
    assert buckets_for([first, first + timedelta(days=92)]).name == "day"
    weeks = buckets_for([first, first + timedelta(days=93)])
    assert weeks.name == "week" and weeks.start(date(2026, 1, 11)) == first  # Sunday: that Monday's week
    assert summed(weeks, [(first, 2), (date(2026, 1, 11), 3), (date(2026, 1, 12), 1)]) == {first: 5,
                                                                                         date(2026, 1, 12): 1}
    months = buckets_for([first, first + timedelta(days=731)])
    assert months.name == "month" and months.start(date(2026, 2, 17)) == date(2026, 2, 1)
    assert buckets_for([]).name == "day"


def test_an_answer_ready_at_once_still_arrives_through_the_event_loop(qtbot, db):
    """A read done before `run` attached its callback has the callback called on the GUI
    thread at once; its answer must still wait for the event loop (the Insight window once
    lost its curve: the answer came inside `ask`, before the window had finished asking)."""
    from concurrent.futures import Future

    from moderator.gui.workers.writer import Reader

    reader = Reader(db.sessions, pytest.fail)
    got: list[int] = []
    done: Future[int] = Future()
    done.set_result(7)
    reader._pending += 1
    reader._report(done, got.append, pytest.fail)  # as add_done_callback calls it for a finished task
    assert got == []
    qtbot.waitUntil(lambda: got == [7])
    reader.close()


def test_moving_on_cancels_an_occlusion_under_way_and_explains_the_next(qtbot, db, tmp_path):
    """A detoxify model (a tiny BERT trained to flag 'idiot'): the explainer reports progress
    batch by batch; asking about another comment cancels the one under way, whose answer never
    arrives, and the next is explained by the same child (no reload)."""
    from moderator.gui.workers.explaining import Explainer
    from moderator.gui.workers.writer import Writer
    from moderator.scoring.packs import install_pack
    from moderator.scoring.registry import model_identity
    from tests.tinymodels import build_tiny_model

    tiny = build_tiny_model(tmp_path / "bert", "bert", trigger="idiot")
    install_pack(tmp_path / "models", tiny.checkpoint, tiny.config, name="tiny")
    writer = Writer(db.sessions, pytest.fail)
    explainer = Explainer(db.sessions, tmp_path / "models", writer, pytest.fail)
    explainer.set_model(model_identity(tmp_path / "models", "tiny"), None)
    explained: list[int] = []
    progress: list[tuple[int, int, int]] = []
    explainer.explained.connect(lambda comment_id, found: explained.append(comment_id))
    explainer.progress.connect(lambda *seen: progress.append(seen))
    every_batch: list[tuple[int, int]] = []  # before the explainer drops a stale comment's progress
    explainer._progressed.connect(lambda _serial, comment_id, done, _total: every_batch.append((comment_id, done)))
    try:
        explainer.request(1, " ".join(["war peace"] * 300))  # 601 texts, 16 a batch
        qtbot.waitUntil(lambda: len(progress) >= 2, timeout=120_000)  # model loaded, batches under way
        assert all(comment_id == 1 and total == 601 for comment_id, _done, total in progress)
        with qtbot.waitSignal(explainer.explained, timeout=60_000) as answer:
            explainer.request(2, "you idiot")  # the moderator moved on
        assert answer.args[0] == 2 and answer.args[1].strongest(1)[0].text == "idiot"
        assert explained == [2]  # the first comment's answer never came
        assert max(done for comment_id, done in every_batch if comment_id == 1) < 601  # it stopped part way
        assert progress[-1][0] == 2 and progress[-1][1] == progress[-1][2] == 3
    finally:
        explainer.close()
        writer.close()
