"""The window as the moderator left it: geometry, column widths, which tab and queue, the
open article; restored at start, saved on close (settings declared in gui/settings.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from moderator.gui import settings as S
from moderator.gui.queue.pane import KINDS, SORT_NAMES
from moderator.vocabulary import QueueKind, Sort

if TYPE_CHECKING:
    from moderator.gui.mainwindow import MainWindow

FIRST_SIZE = QSize(1280, 800)  # a first start's window, where the screen has room for it
FRAME_ROOM = 12  # pixels kept for the window's borders (three times that for its title) before they are known


def restore(window: MainWindow) -> int:
    """Lay the window out as it was; returns the article open when it last closed (0: none)."""
    settings = window.context.settings
    if not window.restoreGeometry(settings.get(S.WINDOW_GEOMETRY)):
        window.resize(FIRST_SIZE)
    fit_to_screen(window)
    window.restoreState(settings.get(S.WINDOW_STATE))
    if not window.splitter.restoreState(settings.get(S.MAIN_SPLITTER)):
        width = window.width()  # first start: the lists and the comment a bit over a quarter each
        window.splitter.setSizes([width * 28 // 100, width * 44 // 100, width * 28 // 100])
    window.article_view.splitter.restoreState(settings.get(S.ARTICLE_SPLITTER))
    pane, sort, kind = window.queue_pane, settings.get(S.QUEUE_SORT), settings.get(S.QUEUE_KIND)
    pane.query = replace(pane.query, sort=Sort(sort) if sort in SORT_NAMES else Sort.PRIORITY)
    pane.set_kind(QueueKind(kind) if kind in dict(KINDS) else QueueKind.PENDING)
    window.tabs.setCurrentIndex(settings.get(S.LEFT_TAB))
    return settings.get(S.CURRENT_ARTICLE)


def fit_to_screen(window: QWidget) -> None:
    """No larger than the screen's free area (a first start at QT_SCALE_FACTOR=2, a layout
    saved on a bigger monitor), and on it: Qt places the window's frame where it says."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    free = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.size()  # the title bar and borders, once the platform says
    if frame.isNull():  # not shown yet: leave room for them
        frame = QSize(FRAME_ROOM, 3 * FRAME_ROOM)
    width = min(window.width(), free.width() - frame.width())
    height = min(window.height(), free.height() - frame.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    if not free.contains(window.frameGeometry()):
        window.move(free.left() + (free.width() - width - frame.width()) // 2,
                    free.top() + (free.height() - height - frame.height()) // 2)


def save(window: MainWindow) -> None:
    settings = window.context.settings
    settings.set(S.WINDOW_GEOMETRY, window.saveGeometry())
    settings.set(S.WINDOW_STATE, window.saveState())
    settings.set(S.MAIN_SPLITTER, window.splitter.saveState())
    settings.set(S.ARTICLE_SPLITTER, window.article_view.splitter.saveState())
    settings.set(S.LEFT_TAB, window.tabs.currentIndex())
    settings.set(S.QUEUE_SORT, window.queue_pane.query.sort)
    settings.set(S.QUEUE_KIND, window.queue_pane.query.kind)
    settings.set(S.CURRENT_ARTICLE, window.article_view.article.id if window.article_view.article else 0)
    settings.sync()
