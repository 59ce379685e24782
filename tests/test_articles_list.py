"""The Articles tab's list in the core (moderator/reading/articles.py): every filter and sort,
read in small keyset pages, gives exactly the articles a plain count in Python picks, in
its order (ties included: the highest-score walk must neither skip nor repeat one)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from moderator.reading.articles import ArticleFilter, ArticleSort, article_page, date_note
from moderator.storage.database import open_database
from moderator.storage.models import Article, Comment, Score, ScoringModel, Site
from moderator.vocabulary import VISIBLE_TO_MODERATORS, Status

pytestmark = pytest.mark.both_databases

T0 = datetime(2025, 1, 1, tzinfo=UTC)
STATUSES = (Status.PENDING, Status.PENDING, Status.APPROVED, Status.HIDDEN, Status.REMOVED)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """60 articles: dates shared, missing and in the future; 0-6 comments each in every status;
    scores rounded to a tenth (many ties), some comments unscored."""
    folder = tmp_path_factory.mktemp("articles")
    database = open_database(f"sqlite:///{folder / 'a.sqlite'}", folder / "backups")
    rng = random.Random(18)
    with database.sessions() as s:
        site, model = Site(key="s", name="S"), ScoringModel(name="m", family="t", checksum="c", labels=["toxicity"],
                                                            main_label="toxicity")
        s.add_all([site, model])
        s.flush()
        for a in range(60):
            published = rng.choice([None, T0, T0 + timedelta(days=rng.randint(-30, 30)), T0 + timedelta(days=3000)])
            article = Article(site_id=site.id, external_id=f"a{a}", headline=rng.choice(["Alpha", "beta", "Gamma"]) + f" {a}",
                              published_at=published)
            s.add(article)
            s.flush()
            for c in range(rng.randint(0, 6)):
                status = rng.choice(STATUSES)
                comment = Comment(site_id=site.id, article_id=article.id, external_id=f"a{a}c{c}", author="x", body="b",
                                  created_at=T0, status=status)
                s.add(comment)
                s.flush()
                if rng.random() < 0.8:
                    s.add(Score(comment_id=comment.id, model_id=model.id, main=round(rng.random(), 1), status=status,
                                label_scores={}))
        s.commit()
        model_id = model.id
    yield database, model_id
    database.dispose()


def expected(session, wanted: ArticleFilter, model_id: int) -> list[int]:
    """The order worked out in Python from every comment and score."""
    counts: dict[int, dict[str, int]] = {}
    highest: dict[int, float] = {}
    for article_id, status, score in session.execute(
            select(Comment.article_id, Comment.status, Score.main)
            .outerjoin(Score, (Score.comment_id == Comment.id) & (Score.model_id == model_id))):
        counts.setdefault(article_id, {}).setdefault(status, 0)
        counts[article_id][status] += 1
        if score is not None and status in VISIBLE_TO_MODERATORS:
            highest[article_id] = max(highest.get(article_id, 0.0), score)
    articles = session.execute(select(Article.id, Article.headline, Article.published_at)).all()

    def keep(a) -> bool:
        mine = counts.get(a.id, {})
        if wanted.with_pending and not mine.get(Status.PENDING):
            return False
        if wanted.with_comments and not any(mine.get(s) for s in VISIBLE_TO_MODERATORS):
            return False
        return wanted.headline.casefold() in a.headline.casefold()

    kept = [a for a in articles if keep(a)]
    if wanted.sort == ArticleSort.MOST_PENDING:
        kept.sort(key=lambda a: (-counts.get(a.id, {}).get(Status.PENDING, 0), a.id))
    elif wanted.sort == ArticleSort.HIGHEST:
        kept.sort(key=lambda a: (a.id not in highest, -highest.get(a.id, 0.0), a.id))
    else:
        kept.sort(key=lambda a: (a.published_at is None, -(a.published_at.timestamp() if a.published_at else 0), a.id))
    return [a.id for a in kept]


def paged(session, wanted: ArticleFilter, model_id: int, limit: int) -> list[int]:
    ids, cursor = [], None
    while True:
        rows, cursor = article_page(session, wanted, cursor, limit, model_id)
        ids += [row.id for row in rows]
        if len(rows) < limit:
            return ids


@pytest.mark.parametrize("sort", list(ArticleSort))
@pytest.mark.parametrize("pending, comments, headline", [(True, False, ""), (False, False, ""), (False, True, ""),
                                                         (False, False, "a")])
def test_every_filter_and_sort_pages_through_exactly_the_right_articles(data, sort, pending, comments, headline):
    db, model_id = data
    wanted = ArticleFilter(headline=headline, with_comments=comments, with_pending=pending, sort=sort)
    with db.sessions() as s:
        want = expected(s, wanted, model_id)
        assert want
        assert paged(s, wanted, model_id, 3) == want
        assert paged(s, wanted, model_id, 1000) == want


def test_ties_on_the_highest_score_are_neither_skipped_nor_repeated(data):
    db, model_id = data
    with db.sessions() as s:
        s.execute(Score.__table__.update().where(Score.model_id == model_id).values(main=0.5))  # every one a tie
        wanted = ArticleFilter(sort=ArticleSort.HIGHEST, with_pending=False)
        assert paged(s, wanted, model_id, 2) == expected(s, wanted, model_id)
        s.rollback()


def test_a_date_in_the_future_means_not_yet_published():
    now = datetime(2026, 12, 5, tzinfo=UTC)
    assert date_note(now + timedelta(days=1), now) == "not yet published"
    assert date_note(now - timedelta(days=1), now) == ""
    assert date_note(None, now) == ""
