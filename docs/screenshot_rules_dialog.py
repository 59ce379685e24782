"""Site → Rules…, to look at: the demo with every comment approved by a moderator, the
first-comment rule switched on, its dry run's counts and examples, the question above the
share, and one example's text; then the Thresholds and Revert tabs.

Usage (see docs/screenshots.md), offscreen or under Xvfb:
    QT_QPA_PLATFORM=offscreen python docs/screenshot_rules_dialog.py HOME OUT_PREFIX

writes OUT_PREFIX-rules.png, OUT_PREFIX-thresholds.png and OUT_PREFIX-revert.png.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from moderator.config import resolve_db_url, resolve_paths
from moderator.gui import settings as S
from moderator.gui.actions import ActionId
from moderator.gui.app import build_window
from moderator.gui.dialogs.rules import RulesDialog
from moderator.moderation.decisions import decide
from moderator.storage.models import Comment
from moderator.vocabulary import Action, Source, Status


def main(home: str, out: str) -> None:
    app = QApplication(sys.argv)
    paths = resolve_paths(home)
    paths.ensure()
    window = build_window(paths, resolve_db_url(paths))
    window.context.settings.set(S.MODERATOR_NAME, "ana")
    window.resize(1280, 800)
    window.show()

    def open_rules() -> None:
        with window.context.db.write_sessions() as session:
            pending = list(session.scalars(select(Comment.id).where(Comment.status == Status.PENDING)))
            flagged = set(session.scalars(select(Comment.id).where(Comment.flag.is_not(None))))
            unflagged = [cid for cid in pending if cid not in flagged]  # the rules' flags stay for the revert tab
            decide(session, unflagged[: len(unflagged) * 2 // 3], Action.APPROVE, "mod", source=Source.BULK)
            decide(session, unflagged[len(unflagged) * 2 // 3:], Action.HIDE, "mod", "abuse", source=Source.BULK)
            session.commit()
        window.actions_by_id[ActionId.RULES].trigger()
        dialog = window.findChild(RulesDialog)
        dialog.resize(980, 760)
        dialog.rules.select("first_comment")
        dialog.rules.on.setChecked(True)
        dialog.rules.save_button.click()
        QTimer.singleShot(3000, lambda: shoot_rules(dialog))

    def shoot_rules(dialog: RulesDialog) -> None:
        dialog.rules.run_panel.examples.setCurrentRow(1)
        dialog.rules.table.scrollToBottom()  # first_comment, selected, in sight
        dialog.grab().save(f"{out}-rules.png")
        dialog.thresholds.set_cell("offensive", "hide", "1.5")
        dialog.thresholds.set_cell("offensive", "flag", "0.6")
        dialog.thresholds.save_button.click()
        dialog.tabs.setCurrentWidget(dialog.thresholds)
        QTimer.singleShot(1500, lambda: shoot_thresholds(dialog))

    def shoot_thresholds(dialog: RulesDialog) -> None:
        dialog.grab().save(f"{out}-thresholds.png")
        dialog.tabs.setCurrentWidget(dialog.revert)
        dialog.revert.rule.setCurrentIndex(dialog.revert.rule.findData("dehumanising"))
        QTimer.singleShot(1500, lambda: shoot_revert(dialog))

    def shoot_revert(dialog: RulesDialog) -> None:
        dialog.grab().save(f"{out}-revert.png")
        window.scoring.close()
        window.writer.close()
        app.quit()

    QTimer.singleShot(2500, open_rules)
    app.exec()


if __name__ == "__main__":
    main(*sys.argv[1:3])
