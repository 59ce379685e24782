"""The rules' text side, to look at: the demo's doxxing comment with its hits highlighted in
the panel and the thread, and the word lists dialog after a refused entry.

Usage (see docs/screenshots.md):
    xvfb-run -a -s "-screen 0 1920x1080x24" python docs/screenshot_rules.py [--dark] HOME WINDOW.png DIALOG.png

--dark: the Fusion style with a dark palette (docs/screenshot_insight.py's).
"""

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot_insight import go_dark  # noqa: E402

from moderator.config import resolve_db_url, resolve_paths  # noqa: E402
from moderator.gui import settings as S  # noqa: E402
from moderator.gui.actions import ActionId  # noqa: E402
from moderator.gui.app import build_window  # noqa: E402
from moderator.gui.dialogs.wordlists import WordListsDialog  # noqa: E402
from moderator.storage.models import Comment  # noqa: E402

ENTRIES = ("Le3ds", "kill*", "know where you live")  # Le3ds: a list entry folds as the text does


def main(home: str, window_out: str, dialog_out: str, dark: bool = False) -> None:
    app = QApplication(sys.argv)
    if dark:
        go_dark(app)
    paths = resolve_paths(home)
    paths.ensure()
    window = build_window(paths, resolve_db_url(paths))
    window.context.settings.set(S.MODERATOR_NAME, "ana")
    window.resize(1280, 800)
    window.show()

    def add_entries() -> None:
        window.actions_by_id[ActionId.WORD_LISTS].trigger()
        dialog = window.findChild(WordListsDialog)
        for entry in (*ENTRIES, "!!!"):  # the last is refused: one sentence under the list
            dialog.new_entry.setText(entry)
            dialog.add_entry()
        QTimer.singleShot(2000, lambda: open_doxxing(dialog))

    def open_doxxing(dialog: WordListsDialog) -> None:
        dialog.grab().save(dialog_out)
        dialog.close()
        with window.context.db.sessions() as session:
            window.open_comment(session.scalar(select(Comment.id).where(Comment.external_id == "demo-32")))
        QTimer.singleShot(1000, shoot)

    def shoot() -> None:
        window.grab().save(window_out)
        window.scoring.close()
        window.writer.close()
        app.quit()

    QTimer.singleShot(2500, add_entries)
    app.exec()


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--dark"]
    main(*arguments[:3], dark="--dark" in sys.argv[1:])  # type: ignore[misc]
