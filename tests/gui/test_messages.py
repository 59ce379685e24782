"""The app's one path for a failure (gui/common/messages.py): an expected failure is a
plain-text sentence, a bug goes to report_bug and shows no message of its own."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from moderator.gui.common.messages import sentence_or_report, tell_or_report
from tests.gui.helpers import answer_modal
from tests.raising import raised


def test_an_expected_failure_is_a_plain_text_sentence_in_a_box(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    missing = tmp_path / "<b>missing</b>.csv"  # markup in a name is shown as written
    seen, bugs = [], []
    answer_modal(lambda box: seen.append((box.windowTitle(), box.text(), box.textFormat())), QMessageBox)
    assert tell_or_report(parent, "Not done", raised(lambda: missing.open()), bugs.append) is True
    assert seen == [("Not done", f"{missing}: no such file or folder.", Qt.TextFormat.PlainText)] and bugs == []


def test_a_bug_goes_to_report_bug_with_no_box_of_its_own(qtbot):
    boxes, bugs = [], []

    def note_and_close_any_box():
        boxes.append(QApplication.activeModalWidget())
        if boxes[-1] is not None:
            boxes[-1].reject()

    QTimer.singleShot(0, note_and_close_any_box)
    error = raised(lambda: {}["id"])
    assert tell_or_report(None, "Not done", error, bugs.append) is False
    assert sentence_or_report(error, bugs.append) is None
    qtbot.wait(20)
    assert bugs == [error, error] and boxes == [None]
