"""A real app session in its own process, for the kill test: approve the newest pending
comment from the keyboard, say which once the window shows it as done, then wait to be killed."""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from moderator.config import resolve_db_url, resolve_paths  # noqa: E402
from moderator.gui.app import build_window  # noqa: E402


def main(home: str) -> None:
    app = QApplication([])
    paths = resolve_paths(home)
    window = build_window(paths, resolve_db_url(paths))
    window.show()

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

    def approve():
        window.tabs.setCurrentIndex(1)
        window.activateWindow()
        QTest.keyClick(window, Qt.Key.Key_J)
        comment_id = window.current_comment_id
        QTest.keyClick(window, Qt.Key.Key_A)
        when_idle(lambda: say_shown(comment_id))

    def say_shown(comment_id: int) -> None:
        """What the window told the moderator: 'Approved: comment by … Ctrl+Z undoes it.'"""
        told = window.statusBar().currentMessage().split(":")[0] or "nothing"
        print(f"SHOWN {comment_id} {told.lower()}", flush=True)

    when_idle(lambda: (window.refresh(), approve()))
    QTimer.singleShot(60_000, lambda: (print("TIMEOUT", flush=True), app.exit(1)))  # never leave the test waiting
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
