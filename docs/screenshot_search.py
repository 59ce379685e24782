"""Screenshots of issue 18's articles and search: a large Chinese-language Disqus export (2,000
threads, most without comments, some dated in the future, as real exports are) imported into a
new data folder, then the Articles tab, then a search for a Chinese word in the All queue.

Usage (see docs/screenshots.md):
    xvfb-run -a python docs/screenshot_search.py HOME WIDTH HEIGHT ARTICLES.png ALL.png SEARCH.png

ARTICLES.png: the tab as it opens ("With pending" on); ALL.png: "With pending" off and
"With comments" on; SEARCH.png: the All queue searched for 天气 ("weather").
"""

import random
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from moderator.config import resolve_db_url, resolve_paths
from moderator.gui.app import build_window
from moderator.importing import import_files
from moderator.storage.database import open_database

THREADS, COMMENTED = 2000, 60
WORDS = ["今天的天气真好", "北京的天气预报说明天会下雨", "这篇文章写得很好，谢谢作者", "我不同意这个观点",
         "政府应该听听老百姓的意见", "天气太热了，大家注意身体", "Thanks for the translation", "写得太差了，浪费时间"]
AUTHORS = ["小明", "DaveFromLeeds", "李华", "王芳", "老张", "Mei", "陈静"]


def export(folder: Path) -> Path:
    rng = random.Random(18)
    threads = "".join(
        f'<thread dsq:id="t{t}"><id>post-{t}</id><forum>zh</forum><link>https://example.cn/{t}</link>'
        f"<title>{rng.choice(['北京', '上海', '广州', '深圳'])}新闻 第{t}期</title>"
        f"<createdAt>{2031 if t % 495 == 0 else 2026}-{1 + t % 12:02}-{1 + t % 28:02}T08:00:00Z</createdAt></thread>\n"
        for t in range(THREADS))
    posts = "".join(
        f'<post dsq:id="{n}"><message><![CDATA[<p>{rng.choice(WORDS)}。{rng.choice(WORDS)}</p>]]></message>'
        f"<createdAt>2026-11-{1 + n % 28:02}T10:{n % 60:02}:00Z</createdAt><isDeleted>false</isDeleted>"
        f"<isSpam>false</isSpam><author><name>{rng.choice(AUTHORS)}</name><isAnonymous>true</isAnonymous></author>"
        f'<thread dsq:id="t{rng.randrange(0, THREADS, THREADS // COMMENTED)}"/></post>\n' for n in range(190))
    path = folder / "disqus-zh-large.xml"
    path.write_text('<?xml version="1.0"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-'
                    f'internals">\n{threads}{posts}</disqus>\n', encoding="utf-8")
    return path


def main(home: str, width: int, height: int, articles_png: str, all_png: str, search_png: str) -> None:
    app = QApplication(sys.argv)
    paths = resolve_paths(home)
    paths.ensure()
    database = open_database(resolve_db_url(paths), paths.backups)
    with database.sessions() as session:
        import_files(session, [export(Path(home))])
        session.commit()
    database.dispose()
    window = build_window(paths, resolve_db_url(paths))
    window.resize(width, height)
    window.show()

    def search_and_shoot():
        window.activateWindow()
        QTest.qWaitForWindowActive(window)
        QTest.keySequence(window, QKeySequence("5"))  # the All queue
        QTest.qWait(300)
        window.queue_pane.focus_search()
        typed = QInputMethodEvent()  # as a Chinese input method commits the word
        typed.setCommitString("天气")
        QApplication.sendEvent(window.queue_pane.search, typed)
        QTimer.singleShot(1500, lambda: (window.grab().save(search_png), app.quit()))

    def shoot_articles():
        window.grab().save(articles_png)
        window.articles_tab.with_pending.setChecked(False)
        window.articles_tab.with_comments.setChecked(True)
        QTimer.singleShot(500, lambda: (window.grab().save(all_png), search_and_shoot()))

    def ready():  # the demo and the import are in, and scored
        QTimer.singleShot(100, lambda: (window.refresh(), QTimer.singleShot(800, shoot_articles))
                          if window.writer.idle and not window.scoring.running else ready())

    ready()
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), *sys.argv[4:7])
