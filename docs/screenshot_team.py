"""A screenshot of issue 17's claims: two moderators' windows on one PostgreSQL database,
side by side. Ana (left) has the first pending comment open in the queue, so she holds it;
Ben (right) pressed `j` in the same queue and was taken past it, then opened it: his panel
says "Being handled by ana".

Usage (see docs/screenshots.md):
    xvfb-run -a -s "-screen 0 2560x1080x24" python docs/screenshot_team.py FOLDER OUT.png [--db URL]

Without --db it starts a throwaway PostgreSQL server as the tests do (tests/pgserver.py).
"""

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from moderator.config import resolve_paths  # noqa: E402
from moderator.gui import settings as S  # noqa: E402
from moderator.gui.app import build_window  # noqa: E402
from moderator.importing.demo import load_demo  # noqa: E402
from moderator.storage.database import open_database  # noqa: E402

WIDTH, HEIGHT = 1280, 800


def team_database(folder: Path, url: str | None, servers: list) -> str:
    if url is None:
        from tests.pgserver import PostgresServer

        server = PostgresServer()
        servers.append(server)
        server.start()
        url = server.fresh_database()
    db = open_database(url, folder / "backups")
    with db.sessions() as s:
        load_demo(s)
    db.dispose()
    return url


def window_of(folder: Path, url: str, name: str, x: int):
    paths = resolve_paths(str(folder / name))
    paths.ensure()
    window = build_window(paths, url)
    window.context.settings.set(S.MODERATOR_NAME, name)
    window.setWindowTitle(f"Comment Moderator — {name}")
    window.resize(WIDTH, HEIGHT)
    window.move(x, 0)
    window.show()
    return window


def press(window, key: str) -> None:
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    QTest.keyClicks(window, key)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("out")
    parser.add_argument("--db")
    args = parser.parse_args()
    app = QApplication(sys.argv)
    servers: list = []
    args.folder.mkdir(parents=True, exist_ok=True)
    url = team_database(args.folder, args.db, servers)
    ana, ben = window_of(args.folder, url, "ana", 0), window_of(args.folder, url, "ben", WIDTH)

    def shoot():
        picture = QImage(2 * WIDTH, HEIGHT, QImage.Format.Format_RGB32)
        painter = QPainter(picture)
        painter.drawPixmap(0, 0, ana.grab())
        painter.drawPixmap(WIDTH, 0, ben.grab())
        painter.end()
        picture.save(args.out)
        for window in (ana, ben):
            window.close()
        app.quit()

    def ben_looks():
        press(ben, "1")
        QTest.qWait(300)
        press(ben, "j")  # past ana's comment, to the next
        QTest.qWait(300)
        ben.show_comment(ana.current_comment_id)  # then he opens hers
        QTimer.singleShot(1200, shoot)

    def ana_takes():
        press(ana, "1")
        QTest.qWait(300)
        press(ana, "j")
        QTimer.singleShot(1500, ben_looks)  # her claim lands and reaches ben's window

    QTimer.singleShot(1500, ana_takes)
    app.exec()
    for server in servers:
        server.stop()


if __name__ == "__main__":
    main()
