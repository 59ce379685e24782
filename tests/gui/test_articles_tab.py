"""The Articles tab at scale (issue 18, point 4): search by headline, "with comments" / "with
pending" (pending on by default), sorts by newest, most pending and highest score, and a
future-dated post marked as not yet published; in the real window, on its real database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from moderator.gui.article.listview import describe
from moderator.gui.common import look
from moderator.gui.models.listmodels import ROW_ROLE
from moderator.reading.articles import ArticleSort
from moderator.storage.models import Article, Comment, Score, Site
from moderator.vocabulary import Status
from tests.gui.helpers import press, wait_scored

NOW = datetime.now(UTC)
# headline: (published, statuses of its comments, the model's scores of them)
ARTICLES = {
    "Zq busy": (NOW - timedelta(days=3), [Status.PENDING] * 3, [0.2, 0.3, 0.1]),
    "Zq scheduled": (NOW + timedelta(days=400), [Status.PENDING], [0.5]),
    "Zq decided": (NOW - timedelta(days=1), [Status.APPROVED, Status.HIDDEN], [0.99, 0.4]),
    "Zq quiet": (NOW - timedelta(days=2), [], []),
    "Zq toxic": (NOW - timedelta(days=5), [Status.PENDING, Status.APPROVED], [0.95, 0.1]),
}


@pytest.fixture
def tab(window, qtbot):
    """The window with five articles whose headlines start with 'Zq', scored by the active model."""
    wait_scored(qtbot, window)  # the demo's: the active model is registered (its id known) by then
    model_id = window.active.model_id
    with window.context.db.sessions() as s:
        site = s.scalars(select(Site)).first()
        for n, (headline, (published, statuses, scores)) in enumerate(ARTICLES.items()):
            article = Article(site=site, external_id=f"zq-{n}", headline=headline, published_at=published)
            s.add(article)
            s.flush()
            for i, (status, score) in enumerate(zip(statuses, scores, strict=True)):
                comment = Comment(site_id=site.id, article_id=article.id, external_id=f"zq-{n}-{i}", author="x",
                                  body="text", created_at=published, status=status)
                s.add(comment)
                s.flush()
                if model_id is not None:
                    s.add(Score(comment_id=comment.id, model_id=model_id, main=score, status=status, label_scores={}))
        s.commit()
    tab = window.articles_tab
    window.tabs.setCurrentWidget(tab)
    return tab


def listed(tab) -> list[str]:
    model = tab.list.articles
    while model.canFetchMore():
        model.fetchMore()
    return [model.index(i).data(ROW_ROLE).headline for i in range(model.rowCount())]


def search(qtbot, tab, typed: str) -> list[str]:
    tab.search.clear()
    qtbot.keyClicks(tab.search, typed)
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)  # at once, and the list has the focus
    return listed(tab)


def test_search_by_headline_with_pending_on_by_default(qtbot, tab):
    assert tab.with_pending.isChecked()
    assert search(qtbot, tab, "zq") == ["Zq scheduled", "Zq busy", "Zq toxic"]  # newest first; pending only
    assert tab.list.hasFocus()
    assert search(qtbot, tab, "BUSY") == ["Zq busy"]  # any case, any part
    assert search(qtbot, tab, "nothing like it") == []
    assert tab.list.empty_text() == "No article’s headline holds “nothing like it” among those with pending comments."
    tab.with_pending.setChecked(False)
    assert search(qtbot, tab, "zq") == ["Zq scheduled", "Zq decided", "Zq quiet", "Zq busy", "Zq toxic"]
    tab.with_comments.setChecked(True)
    assert listed(tab) == ["Zq scheduled", "Zq decided", "Zq busy", "Zq toxic"]  # the quiet one has none


def test_sorts_most_pending_and_highest_score(qtbot, tab, window):
    search(qtbot, tab, "zq")
    tab.sort.setCurrentIndex(tab.sort.findData(ArticleSort.MOST_PENDING))
    assert listed(tab) == ["Zq busy", "Zq toxic", "Zq scheduled"]  # 3, then 1 and 1 (the newer article first)
    tab.sort.setCurrentIndex(tab.sort.findData(ArticleSort.HIGHEST))
    assert window.active.model_id is not None  # the demo's quick screen
    assert listed(tab) == ["Zq toxic", "Zq scheduled", "Zq busy"]  # 0.95, 0.5, 0.3
    tab.with_pending.setChecked(False)
    assert listed(tab) == ["Zq decided", "Zq toxic", "Zq scheduled", "Zq busy", "Zq quiet"]  # unscored last


def test_a_future_dated_post_is_marked_not_yet_published(qtbot, tab):
    search(qtbot, tab, "zq")
    rows = {row.headline: row for row in (tab.list.articles.index(i).data(ROW_ROLE)
                                          for i in range(tab.list.articles.rowCount()))}
    assert describe(rows["Zq scheduled"]).endswith("not yet published")
    assert "not yet published" not in describe(rows["Zq busy"])


def test_esc_leaves_the_search_box_for_the_list(qtbot, tab):
    tab.search.setFocus()
    qtbot.keyClicks(tab.search, "zq")
    qtbot.keyClick(tab.search, Qt.Key.Key_Escape)
    assert tab.list.hasFocus()
    assert listed(tab) == ["Zq scheduled", "Zq busy", "Zq toxic"]


def test_counts_say_1_comment_and_2_comments(qtbot, window):
    assert [look.counted(n, "comment") for n in (0, 1, 2, 12_000)] == [
        "0 comments", "1 comment", "2 comments", "12,000 comments"]
    with window.context.db.sessions() as s:
        assert s.scalar(select(func.count()).where(Comment.body.contains("recalibration"))) == 1
    press(qtbot, window, Qt.Key.Key_5)  # All
    window.queue_pane.search.setFocus()
    qtbot.keyClicks(window.queue_pane.search, "recalibration")
    qtbot.waitUntil(lambda: window.queue_pane.count_label.text() == "1 comment", timeout=10_000)
