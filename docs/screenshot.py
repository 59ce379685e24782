"""Open the app on a data folder, move into the thread and save a screenshot of the window.

Usage (see docs/screenshots.md): xvfb-run -a python docs/screenshot.py HOME WIDTH HEIGHT OUT.png [KEYS]

KEYS (optional): key sequences pressed in the window instead of the default three `j`,
space-separated in Qt's notation, e.g. "1 J J X Shift+J" (the pending queue, two down,
select, extend the selection).
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from moderator.config import resolve_db_url, resolve_paths
from moderator.gui.app import build_window


def main(home: str, width: int, height: int, out: str, keys: str = "") -> None:
    app = QApplication(sys.argv)
    paths = resolve_paths(home)
    window = build_window(paths, resolve_db_url(paths))
    window.resize(width, height)
    window.show()

    def move_and_shoot():
        if keys:
            window.activateWindow()
            QTest.qWaitForWindowActive(window)  # shortcuts fire only in the active window
            for sequence in keys.split():
                QTest.keySequence(window, QKeySequence(sequence))
                QTest.qWait(150)
        else:
            for _ in range(3):
                window.step(True)
        QTimer.singleShot(500, lambda: (window.grab().save(out), app.quit()))

    def scored():  # the demo is in and the quick screen has scored it
        QTimer.singleShot(50, lambda: (window.refresh(), window.reopen_last_article(), QTimer.singleShot(300, move_and_shoot))
                          if window.writer.idle and not window.scoring.running else scored())

    scored()
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], *sys.argv[5:6])
