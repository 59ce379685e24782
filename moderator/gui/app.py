"""Start the app: open the database, show the window, load the demo on first start."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from moderator import APP_ID, APP_NAME, __version__
from moderator.config import LOG_FORMAT, RESOURCES_DIR, AppPaths
from moderator.gui import settings as S
from moderator.gui.common import translation
from moderator.gui.common.messages import tell_or_report
from moderator.gui.common.translation import translate
from moderator.gui.dialogs.firstrun import ask_who_you_are
from moderator.gui.instance import SingleInstance, bring_forward
from moderator.gui.mainwindow import AppContext, MainWindow
from moderator.gui.settings import Settings
from moderator.storage.database import open_database

log = logging.getLogger("moderator")


def application(argv: list[str]) -> QApplication:
    """The running QApplication (tests and the self-test may have made it), or a new one."""
    running = QApplication.instance()
    if running is None:
        return QApplication(argv)
    if not isinstance(running, QApplication):
        raise RuntimeError("a QCoreApplication without widgets is running; the window needs a QApplication")
    return running


def build_window(paths: AppPaths, db_url: str) -> MainWindow:
    """Everything the app shows, built from its parts (tests call this too)."""
    paths.ensure()
    application(sys.argv).setStyleSheet((RESOURCES_DIR / "styles" / "moderator.qss").read_text(encoding="utf-8"))
    settings = Settings(paths.settings_file)
    translation.install(translation.chosen(settings.get(S.LANGUAGE)))  # before anything says a word
    database = open_database(db_url, paths.backups)
    context = AppContext(paths, database, settings)
    window = MainWindow(context, report_bug=lambda error: report_bug(paths, error))
    if database.created:
        window.load_demo()
    return window


def run_app(paths: AppPaths, db_url: str) -> int:
    app = application(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(RESOURCES_DIR / "icons" / f"{APP_ID}.svg")))
    paths.ensure()
    guard = SingleInstance(paths.home)
    if not guard.acquire():
        return already_open(paths, guard)
    log_to_file(paths)
    sys.excepthook = lambda kind, error, trace: report_bug(paths, error)
    try:
        window = build_window(paths, db_url)
    except Exception as error:  # noqa: BLE001 - the app cannot start: say why, or report the bug
        tell_or_report(None, APP_NAME, error, lambda bug: report_bug(paths, bug))
        return 1
    window.show()
    window.reopen_last_article()
    QTimer.singleShot(0, lambda: ask_who_you_are(window, window.context.settings))  # over the first paint
    if not window.context.db.created:  # a new database starts scoring once the demo is in
        QTimer.singleShot(0, window.start_scoring)  # after the first paint
    guard.listen(lambda: bring_to_front(window))
    try:
        return app.exec()
    finally:
        guard.release()


def already_open(paths: AppPaths, guard: SingleInstance) -> int:
    """A second start on the same data folder: the first window comes forward, this one ends."""
    if bring_forward(paths.home):
        print(f"{APP_NAME} is already open on {paths.home}: its window is brought to the front.", file=sys.stderr)
        return 0
    pid = guard.holder()
    process = translate("App", " (process {pid})").format(pid=pid) if pid else ""
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME,
                      translate("App", "{app} is already open on {folder}{process} but does not answer. Close it, or end "
                                       "that process, then start again.").format(app=APP_NAME, folder=paths.home,
                                                                                 process=process))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
    return 1


def bring_to_front(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    QApplication.alert(window)  # where the desktop refuses to hand over the focus, the taskbar says it


def log_to_file(paths: AppPaths) -> logging.Handler:
    """The `moderator` logger (and those below it) writes to <home>/logs/moderator.log."""
    handler = logging.FileHandler(paths.log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return handler


def report_bug(paths: AppPaths, error: BaseException) -> None:
    """A bug: the full trace goes to the log; the user sees one sentence and where the log is."""
    log_file = paths.log_file
    log.error("unexpected error\n%s", "".join(traceback.format_exception(error)))
    if QApplication.instance() is not None:
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME,
                          translate("App", "Something went wrong inside {app}: {error}. Your decisions so far are saved. "
                                           "Details are in {log}.").format(app=APP_NAME, error=error.__class__.__name__,
                                                                           log=log_file))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
