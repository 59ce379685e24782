"""A real app session in its own process, for the kill tests (tests/test_durability.py).

    python tests/gui_session.py HOME approve   approve the newest pending comment from the keyboard
    python tests/gui_session.py HOME mixed     hide with a reason, reply, undo, a bulk approve,
                                               approve, hide: each key as soon as the last is sent

Every change the window shows as done is printed as it is shown, `SHOWN <comment> <status>`,
from the `Changes` its views refresh from; `SENT` once every key was pressed, `DONE` once every
write has landed; then the session waits to be killed.
"""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QListWidget, QPlainTextEdit  # noqa: E402

from moderator.config import resolve_db_url, resolve_paths  # noqa: E402
from moderator.gui.app import build_window  # noqa: E402
from moderator.vocabulary import Action  # noqa: E402

SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier


def answer_dialogs() -> None:
    """The hide dialog gets a reason (its second), the reply dialog a text; both are accepted."""
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, QDialog):
        if (reasons := dialog.findChild(QListWidget, "reasonList")) is not None:
            reasons.setCurrentRow(1)
        if (reply := dialog.findChild(QPlainTextEdit, "replyEdit")) is not None:
            reply.setPlainText("Please keep to the topic.")
        dialog.accept()


def main(home: str, script: str) -> None:
    app = QApplication([])
    paths = resolve_paths(home)
    window = build_window(paths, resolve_db_url(paths))
    window.show()
    # the moderator's decisions (the rules' flags, landing with the demo's scores, are not the script's)
    window.writer.changed.listen(lambda changes: [print(f"SHOWN {d.comment_id} {d.status_after}", flush=True)
                                                   for d in changes.decided if d.action != Action.FLAG])
    dialogs = QTimer(interval=10, timeout=answer_dialogs)
    dialogs.start()

    def when_idle(then):
        """Once every write so far has landed: on the next turn of the event loop, or on the
        writer's drained signal."""
        if window.writer.idle:
            QTimer.singleShot(0, then)
            return

        def once():
            window.writer.drained.disconnect(once)
            then()

        window.writer.drained.connect(once)

    def keys(*pressed) -> None:
        window.tabs.setCurrentIndex(1)
        for key, modifier in pressed:  # each as soon as the last returned (a dialog: once answered)
            window.activateWindow()  # back from a dialog: the window's shortcuts again
            QApplication.processEvents()
            QTest.keyClick(window, key, modifier)
        print("SENT", flush=True)
        when_idle(lambda: print("DONE", flush=True))  # every write of it has landed

    no = Qt.KeyboardModifier.NoModifier
    scripts = {
        "approve": [(Qt.Key.Key_J, no), (Qt.Key.Key_A, no)],
        "mixed": [(Qt.Key.Key_J, no), (Qt.Key.Key_H, no), (Qt.Key.Key_R, no), (Qt.Key.Key_Z, CTRL),
                  (Qt.Key.Key_X, no), (Qt.Key.Key_J, SHIFT), (Qt.Key.Key_A, SHIFT), (Qt.Key.Key_A, no),
                  (Qt.Key.Key_H, no)],
    }
    when_idle(lambda: (window.refresh(), keys(*scripts[script])))
    QTimer.singleShot(60_000, lambda: (print("TIMEOUT", flush=True), app.exit(1)))  # never leave the test waiting
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "approve")
