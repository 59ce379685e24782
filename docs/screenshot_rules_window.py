"""The rules in the window, to look at: the Flagged queue with a flagged demo comment chosen (its
reason chip on the card, its words highlighted in the panel and the thread, the article's
pre-moderation above the thread), then the commenter panel of its author with the standing
actions, notes and a standing history (trusted, then untrusted).

Usage (see docs/screenshots.md):
    xvfb-run -a -s "-screen 0 1920x1080x24" python docs/screenshot_rules_window.py [--dark] HOME FLAGGED.png COMMENTER.png

The two in docs/screenshots/ were made so (light palette).
"""

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot_insight import go_dark  # noqa: E402

from moderator.config import resolve_db_url, resolve_paths  # noqa: E402
from moderator.gui import settings as S  # noqa: E402
from moderator.gui.app import build_window  # noqa: E402
from moderator.rules import commenters  # noqa: E402
from moderator.storage.models import Comment  # noqa: E402
from moderator.vocabulary import Action, QueueKind  # noqa: E402

VERMIN = 17  # demo-17, by RealistRex88: "subhuman animals … wipe out the vermin"
NOTES = "Three warnings in November; posts the same rant under every Baltic story."


def save(image: QImage, path: str) -> None:
    """As 8-bit colour: a screenshot of the app's flat colours loses nothing visible and is a fifth the size."""
    flat = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    image.convertToFormat(QImage.Format.Format_Indexed8, flat).save(path, "PNG", 9)


def main(home: str, flagged_out: str, commenter_out: str, dark: bool = False) -> None:
    app = QApplication(sys.argv)
    if dark:
        go_dark(app)
    paths = resolve_paths(home)
    paths.ensure()
    window = build_window(paths, resolve_db_url(paths))
    window.context.settings.set(S.MODERATOR_NAME, "ana")
    window.resize(1400, 860)
    window.show()

    def open_flagged() -> None:
        if not window._read(lambda s: s.get(Comment, VERMIN)):  # the demo is still loading
            QTimer.singleShot(500, open_flagged)
            return
        window.queue_commands.show(QueueKind.FLAGGED)
        window.open_comment(VERMIN)
        window.tabs.setCurrentIndex(1)
        QTimer.singleShot(1500, shoot_flagged)

    def shoot_flagged() -> None:
        save(window.grab().toImage(), flagged_out)
        with window.context.db.write_sessions() as session:  # a history to show: trusted, then untrusted
            site_id = window._read(lambda s: commenters.person(s, 1, "RealistRex88").site_id)
            commenters.change_standing(session, site_id, "RealistRex88", Action.TRUST, "ana", "regular for years")
            commenters.change_standing(session, site_id, "RealistRex88", Action.UNTRUST, "ana", "the Baltic threads")
            commenters.set_notes(session, site_id, "RealistRex88", NOTES)
            session.commit()
        window.refresh()
        window.commenter.show()
        window.side_tabs.widget(1).comments_view.clearFocus()
        QTimer.singleShot(1000, shoot_commenter)

    def shoot_commenter() -> None:
        save(window.grab().toImage(), commenter_out)
        window.scoring.close()
        window.writer.close()
        app.quit()

    QTimer.singleShot(2500, open_flagged)
    app.exec()


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--dark"]
    main(*arguments[:3], dark="--dark" in sys.argv[1:])  # type: ignore[misc]
