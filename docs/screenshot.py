"""Open the app on a data folder, move into the thread and save a screenshot of the window.

Usage (see docs/screenshots.md):
    xvfb-run -a python docs/screenshot.py [--dark] [--first-run] [--screen] HOME WIDTH HEIGHT OUT.png [KEYS]

KEYS (optional): key sequences pressed in the window instead of the default three `j`,
space-separated in Qt's notation, e.g. "1 J J X Shift+J" (the pending queue, two down,
select, extend the selection).
--dark: the app on a dark desktop (Breeze Dark's colours as the palette).
--first-run: the first-run dialog open over the window.
--screen: the whole screen rather than the window (to see dialogs and other windows, e.g. KEYS "F1").
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from moderator.config import resolve_db_url, resolve_paths
from moderator.gui.app import build_window
from moderator.gui.dialogs.firstrun import ask_who_you_are

DARK = {"Window": "#2a2e32", "WindowText": "#fcfcfc", "Base": "#1b1e20", "AlternateBase": "#232629", "Text": "#fcfcfc",
        "Button": "#31363b", "ButtonText": "#fcfcfc", "Highlight": "#3daee9", "HighlightedText": "#fcfcfc",
        "ToolTipBase": "#31363b", "ToolTipText": "#fcfcfc", "PlaceholderText": "#a1a9b1", "Light": "#40464c",
        "Midlight": "#363b40", "Mid": "#4d5257", "Dark": "#1b1e20", "Shadow": "#101214",
        "Link": "#1d99f3", "BrightText": "#ffffff"}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    for role in ("WindowText", "Text", "ButtonText"):
        palette.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role), QColor("#6e7175"))
    return palette


def main(home: str, width: int, height: int, out: str, keys: str = "", dark: bool = False, first_run: bool = False,
         screen: bool = False) -> None:
    app = QApplication(sys.argv)
    if dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
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
        if first_run:
            ask_who_you_are(window, window.context.settings)
        shoot = (lambda: app.primaryScreen().grabWindow(0)) if screen or first_run else window.grab
        QTimer.singleShot(700, lambda: (shoot().save(out), app.quit()))

    def scored():  # the demo is in and the quick screen has scored it
        QTimer.singleShot(50, lambda: (window.refresh(), window.reopen_last_article(), QTimer.singleShot(300, move_and_shoot))
                          if window.writer.idle and not window.scoring.running else scored())

    scored()
    app.exec()


if __name__ == "__main__":
    FLAGS = ("--dark", "--first-run", "--screen")
    arguments = [a for a in sys.argv[1:] if a not in FLAGS]
    main(arguments[0], int(arguments[1]), int(arguments[2]), arguments[3], *arguments[4:5], dark="--dark" in sys.argv,
         first_run="--first-run" in sys.argv, screen="--screen" in sys.argv)
