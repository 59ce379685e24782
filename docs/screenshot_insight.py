"""Screenshots of Insight (docs/screenshots.md): the Why section on the demo's most flagged
comment, and the Insight window after the demo comments were decided as a moderator would.

Usage: xvfb-run -a python docs/screenshot_insight.py [--dark] HOME WHY.png INSIGHT.png [CALIBRATION.png]

--dark: the Fusion style with a dark palette, as a desktop in dark mode gives the app (Xvfb
has no desktop theme to ask).
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from moderator.config import resolve_db_url, resolve_paths
from moderator.gui.app import build_window
from moderator.moderation.decisions import decide
from moderator.storage.models import Score
from moderator.vocabulary import Action, Status


def decide_like_a_moderator(session, model_id: int) -> None:
    """Hide what the quick screen scores high, approve the rest, a few the other way round."""
    rows = session.execute(select(Score.comment_id, Score.main).where(Score.model_id == model_id,
                                                                         Score.status == Status.PENDING)).all()
    for i, (comment_id, main) in enumerate(rows):
        hide = (main >= 0.5) != (i % 9 == 4)
        decide(session, [comment_id], Action.HIDE if hide else Action.APPROVE, "ana" if i % 3 else "ben",
               "abuse" if hide else None)


DARK = {QPalette.ColorRole.Window: "#2d2d2d", QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.Text: "#e8e8e8", QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e8e8e8", QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Mid: "#5a5a5a",
        QPalette.ColorRole.Dark: "#1a1a1a", QPalette.ColorRole.Light: "#4a4a4a", QPalette.ColorRole.Midlight: "#404040",
        QPalette.ColorRole.Shadow: "#000000", QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.ToolTipBase: "#2d2d2d", QPalette.ColorRole.ToolTipText: "#e8e8e8",
        QPalette.ColorRole.Link: "#6ea8fe", QPalette.ColorRole.BrightText: "#ffffff"}


def go_dark(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    app.setPalette(palette)


def main(home: str, why_out: str, insight_out: str, calibration_out: str = "", dark: bool = False) -> None:
    app = QApplication(sys.argv)
    if dark:
        go_dark(app)
    paths = resolve_paths(home)
    window = build_window(paths, resolve_db_url(paths))
    window.resize(1600, 1000)
    window.show()

    def flagged() -> int:
        with window.context.db.sessions() as s:
            return s.scalar(select(Score.comment_id).where(Score.model_id == window.active.model_id)
                            .order_by(Score.main.desc()).limit(1))

    def explain() -> None:
        """Open the most flagged comment and press W; again if a refresh of the lists (the
        model's arrival) took the comment away meanwhile."""
        if window.why.section.explanation is not None:
            QTimer.singleShot(400, shoot_why)
            return
        window.open_comment(flagged())
        window.explain_current()
        QTimer.singleShot(3000, explain)

    def shoot_why() -> None:
        window.grab().save(why_out)
        window.writer.submit(lambda s: decide_like_a_moderator(s, window.active.model_id), lambda _r: insight())

    def insight() -> None:
        window.show_insight()
        window.insight_window.resize(1400, 1000)
        window.insight_window.period.setCurrentText("All time")
        window.insight_window.drawn.connect(lambda: QTimer.singleShot(600, shoot_insight))

    def shoot_insight() -> None:
        window.insight_window.grab().save(insight_out)
        if calibration_out:
            insight_window = window.insight_window
            insight_window.tabs.setCurrentWidget(insight_window.calibration)
            insight_window.calibration.set_threshold(0.42)
            QTimer.singleShot(500, lambda: (insight_window.grab().save(calibration_out), app.quit()))
        else:
            app.quit()

    def scored():  # the demo is in and the quick screen has scored it
        QTimer.singleShot(100, lambda: QTimer.singleShot(300, explain)
                          if window.writer.idle and not window.scoring.running and window.active.model_id else scored())

    scored()
    app.exec()


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--dark"]
    main(*arguments[:4], dark="--dark" in sys.argv[1:])  # type: ignore[misc]
