"""What the GUI tests do as a moderator would, and how they wait: on the app's own signals.

A wait below checks first whether there is anything to wait for, and only then opens
`qtbot.waitSignal`: the signal is delivered on this (the GUI) thread by the event loop,
which does not turn between the check and the wait, so it cannot have been missed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QListWidget
from sqlalchemy import func, select

from moderator.gui.workers.writer import Worker
from moderator.storage.models import Comment, Decision, Score, ScoringModel

WRITE_TIMEOUT_MS = 10_000


# ---- waiting ----------------------------------------------------------------------------------------


def wait_idle(qtbot, worker: Worker, timeout: int = WRITE_TIMEOUT_MS) -> None:
    """Until every task given to `worker` so far is done and its callback has run (`drained`)."""
    if not worker.idle:
        with qtbot.waitSignal(worker.drained, timeout=timeout):
            pass


def wait_writes(qtbot, window, timeout: int = WRITE_TIMEOUT_MS) -> None:
    """Until every write submitted so far has landed (an import's too, on its own writer), and
    what it said (a message box) was answered."""
    wait_idle(qtbot, window.files.importer, timeout)
    wait_idle(qtbot, window.writer, timeout)
    wait_views(qtbot, window, timeout)


def wait_views(qtbot, window, timeout: int = WRITE_TIMEOUT_MS) -> None:
    """Until the changes background work announced (scores, a pull) have reached every view:
    the writer's feed merges a burst and applies it a view per turn."""
    if not window.writer.changed.idle:
        with qtbot.waitSignal(window.writer.changed.settled, timeout=timeout):
            pass


def wait_reads(qtbot, window) -> None:
    """Until every read asked off the GUI thread so far (counts, the histogram, the ids of a
    Ctrl+A or a band) is answered and shown."""
    wait_idle(qtbot, window.reader)


def everything_scored_by(window, model_name: str) -> bool:
    with window.context.db.sessions() as s:
        comments = s.scalar(select(func.count()).select_from(Comment))
        scored = s.scalar(select(func.count()).select_from(Score).join(ScoringModel).where(ScoringModel.name == model_name))
    return scored == comments


def wait_scored(qtbot, window, model_name: str = "quick-screen", timeout: int = 60_000) -> None:
    """Until `model_name` has scored every comment and the window was told: each time the
    background run stops (a cancelled run restarts by itself), the database is read again."""
    everything = lambda *_why: everything_scored_by(window, model_name)  # noqa: E731
    if not everything():
        with qtbot.waitSignal(window.scoring.stopped, check_params_cb=everything, timeout=timeout):
            pass
    wait_writes(qtbot, window)
    if window.scoring.announcing:
        with qtbot.waitSignal(window.scoring.announced):
            pass


def activate(qtbot, widget) -> None:
    """Make `widget` the active window, as the window manager does when a dialog closes,
    and wait until the platform says it has the focus."""
    if QApplication.activeWindow() is widget:
        return
    handle = widget.windowHandle()
    with qtbot.waitSignal(QApplication.instance().focusWindowChanged, check_params_cb=lambda focused: focused is handle):
        widget.activateWindow()


# ---- acting -------------------------------------------------------------------------------------------


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    activate(qtbot, window)
    qtbot.keyClick(window, key, modifier)


class Answer(QObject):
    """Runs a handler on the next wanted modal window as it shows: an application-wide event
    filter, removed once it has answered."""

    def __init__(self, handler, wanted):
        super().__init__(QApplication.instance())
        self._handler, self._wanted = handler, wanted
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Show and watched.isWidgetType() and watched.isWindow() and watched.isModal() \
                and self._wanted(watched):
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, lambda: self._answer(watched))  # inside the dialog's own event loop
        return False

    def _answer(self, dialog) -> None:
        try:
            self._handler(dialog)
        finally:
            if dialog.isVisible():  # never leave a test hanging on an open dialog
                dialog.reject()
            self.deleteLater()

    @classmethod
    def forget_all(cls) -> None:
        """Drop the answers no dialog came for (a test that failed first), before the next test."""
        for unused in QApplication.instance().findChildren(cls):
            QApplication.instance().removeEventFilter(unused)
            unused.deleteLater()


def answer_modal(handler, expected="") -> None:
    """Run `handler(dialog)` on the next modal dialog as soon as it opens: the one whose
    object name is `expected` (a str), or of that class (a type)."""
    Answer(handler, lambda dialog: isinstance(dialog, expected) if isinstance(expected, type)
           else dialog.objectName() == expected)


def select_article(window, headline_start: str) -> None:
    """Highlight the article in the Articles tab; one with nothing pending is listed once
    "With pending" (on by default) is off, as a moderator would do."""
    model = window.articles
    row = _listed(model, headline_start)
    if row is None:
        window.articles_tab.with_pending.setChecked(False)
        row = _listed(model, headline_start)
    assert row is not None, f"no article starting {headline_start!r}"
    window.articles_view.selectionModel().setCurrentIndex(model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)


def _listed(model, headline_start: str) -> int | None:
    return next((i for i in range(model.rowCount()) if model.index(i).data().startswith(headline_start)), None)


def reason_list(dialog) -> QListWidget:
    return dialog.findChild(QListWidget, "reasonList")


def ok_button(dialog):
    return dialog.findChild(QDialogButtonBox, "buttons").button(QDialogButtonBox.StandardButton.Ok)


# ---- palettes --------------------------------------------------------------------------------------------


def dark_palette():
    """A dark desktop's palette (the colours of KDE's Breeze Dark), as the app meets it."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = {"Window": "#2a2e32", "WindowText": "#fcfcfc", "Base": "#1b1e20", "AlternateBase": "#232629",
             "Text": "#fcfcfc", "Button": "#31363b", "ButtonText": "#fcfcfc", "BrightText": "#ffffff",
             "Highlight": "#3daee9", "HighlightedText": "#fcfcfc", "ToolTipBase": "#31363b", "ToolTipText": "#fcfcfc",
             "PlaceholderText": "#a1a9b1", "Light": "#40464c", "Midlight": "#363b40", "Mid": "#4d5257",
             "Dark": "#1b1e20", "Shadow": "#101214", "Link": "#1d99f3"}
    for role, colour in roles.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    for role in ("WindowText", "Text", "ButtonText"):
        palette.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role), QColor("#6e7175"))
    return palette


def light_palette():
    """The Fusion style's own light palette (what the app shows on a desktop with no theme)."""
    from PySide6.QtWidgets import QStyleFactory

    return QStyleFactory.create("Fusion").standardPalette()


# ---- the database behind the window ---------------------------------------------------------------------


def db_comment(window, comment_id: int) -> Comment:
    with window.context.db.sessions() as s:
        return s.get(Comment, comment_id)


def decisions(window) -> list[Decision]:
    """The moderators' decisions (not the rules', which flag the demo's suspect comments as it loads)."""
    with window.context.db.sessions() as s:
        return list(s.scalars(select(Decision).where(Decision.source != "rule").order_by(Decision.id)))
