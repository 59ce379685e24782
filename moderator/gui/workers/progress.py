"""The status-bar progress panel for long work (imports, scoring): count, rate, time left, Cancel.

Workers call `report()` from their own thread; the panel updates on the GUI thread. Only
the newest report matters, so a burst of reports costs the GUI one repaint per tick.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QToolButton, QWidget

from moderator.gui.common import look
from moderator.gui.common.translation import translate

REPAINT_MS = 100


@dataclass(frozen=True)
class Progress:
    done: int
    total: int  # 0 when unknown
    unit: str = "comments"


class CancelToken:
    """Set by the Cancel button; a worker checks it between batches, or asks to be
    told at once (`when_cancelled`) to end work it cannot check in the middle of."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], None]] = []

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()

    def when_cancelled(self, callback: Callable[[], None]) -> None:
        """Call `callback` (on the cancelling thread) when cancelled; at once if already."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)
                return
        callback()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class ProgressPanel(QWidget):
    _reported = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(False)
        self.figures = QLabel(self)
        self.figures.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText(translate("Progress", "Cancel"))
        self.cancel_button.setAccessibleName(translate("Progress", "Cancel the running task"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.bar, self.figures, self.cancel_button):
            layout.addWidget(widget)
        self._latest: Progress | None = None
        self._started = 0.0
        self.token, self.yields = CancelToken(), False
        self._timer = QTimer(self)
        self._timer.setInterval(REPAINT_MS)
        self._timer.timeout.connect(self._repaint)
        self._reported.connect(self._keep)
        self.cancel_button.clicked.connect(self._cancel)
        # As wide as its words and bar, no wider: the status bar's sentence has the rest.
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.hide()

    def start(self, title: str, yields: bool = False) -> CancelToken:
        """Show a task; `yields` marks background work that gives way to what a moderator asks for."""
        self.token, self.yields = CancelToken(), yields
        self.title.setText(title)
        self.figures.clear()
        self.bar.setRange(0, 0)  # busy until the first report says how much
        self.cancel_button.setEnabled(True)
        self._latest, self._started = None, time.monotonic()
        self._timer.start()
        self.show()
        return self.token

    def report(self, progress: Progress) -> None:
        """Thread-safe: may be called from any worker."""
        self._reported.emit(progress)

    def finish(self, token: CancelToken | None = None) -> None:
        """Hide the panel, unless another task has taken it over since `token` was handed out."""
        if token is not None and token is not self.token:
            return
        self._timer.stop()
        self.hide()

    def make_room(self) -> bool:
        """Stop background work to make room for a moderator's task; False if the panel stays busy."""
        if self.busy and self.yields:
            self.token.cancel()
            return True
        return not self.busy

    @property
    def busy(self) -> bool:
        return self.isVisible()

    def _keep(self, progress: Progress) -> None:
        self._latest = progress

    def _cancel(self) -> None:
        self.token.cancel()
        self.cancel_button.setEnabled(False)
        self.figures.setText(translate("Progress", "cancelling…"))

    def _repaint(self) -> None:
        progress = self._latest
        if progress is None or self.token.cancelled:
            return
        if progress.total:
            self.bar.setRange(0, progress.total)
            self.bar.setValue(min(progress.done, progress.total))
        self.figures.setText(describe(progress, time.monotonic() - self._started))


def describe(progress: Progress, elapsed: float) -> str:
    """'1,200 of 5,000 comments · 310/s · 12 s left'."""
    done = translate("Progress", "{done} of {total}").format(done=look.number(progress.done), total=look.number(progress.total)) \
        if progress.total else look.number(progress.done)
    parts = [f"{done} {progress.unit}"]
    if elapsed > 0.5 and progress.done:
        rate = progress.done / elapsed
        parts.append(f"{rate:,.0f}/s")
        if progress.total > progress.done:
            parts.append(translate("Progress", "{time} left").format(time=_duration((progress.total - progress.done) / rate)))
    return " · ".join(parts)


def _duration(seconds: float) -> str:
    if seconds < 60:
        return translate("Progress", "{count} s").format(count=f"{seconds:.0f}")
    if seconds < 3600:
        return translate("Progress", "{count} min").format(count=f"{seconds / 60:.0f}")
    return translate("Progress", "{count} h").format(count=f"{seconds / 3600:.1f}")
