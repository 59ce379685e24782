"""A small queue with every shape the queue must handle, and a plain-Python reference
of what each query should return (filter and sort in Python, compare with SQL).

No tests here: the builder and reference are shared by tests/test_queue*.py,
test_decisions.py, test_audit.py and test_scores_status.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from moderator.reading import queue
from moderator.storage.database import Database, open_database
from moderator.storage.models import Article, Comment, Score, ScoringModel, Site
from moderator.vocabulary import QueueKind, Sort, Status

T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
AUTHORS = ("Ann Lee", "Bob Stone", "Cleo", "Dário Sá", "Eve")
WORDS = ("climate change is real", "the council lied again", "liars everywhere", "change the climate policy",
         "great reporting", "Zoë wrote this well", "you are an idiot", "idiotic take", "lovely photo", "taxes")
STATUSES = (Status.PENDING, Status.PENDING, Status.PENDING, Status.APPROVED, Status.HIDDEN)
N = 60


@dataclass(frozen=True)
class Ref:
    id: int
    site_id: int
    article_id: int
    author: str
    body: str
    created_at: datetime
    status: str
    main: float | None  # the active model's main label ("toxicity")
    insult: float | None


def built_database(folder, url: str | None = None) -> tuple[Database, int, list[Ref]]:
    """A new database (SQLite in `folder`, or at `url`) holding the queue below (for
    module-scoped, read-only fixtures)."""
    database = open_database(url or f"sqlite:///{folder / 'queue.sqlite'}", folder / "backups")
    with database.sessions() as session:
        model_id, refs = build(session)
    return database, model_id, refs


def build(session) -> tuple[int, list[Ref]]:
    """Two sites, three articles, N comments; the active model scores most (ties in the
    main score, some unscored); another model scores a few, to prove models never mix."""
    sites = [Site(key="s1", name="One"), Site(key="s2", name="Two")]
    session.add_all(sites)
    session.flush()
    articles = [Article(site_id=sites[i // 2].id, external_id=f"a{i}", headline=f"Headline {i}") for i in range(3)]
    session.add_all(articles)
    model = ScoringModel(name="tox", family="t", checksum="c1", labels=["toxicity", "insult"], main_label="toxicity")
    other = ScoringModel(name="other", family="t", checksum="c2", labels=["toxicity"], main_label="toxicity")
    session.add_all([model, other])
    session.flush()
    refs = [_comment(session, i, articles[i % 3], model.id) for i in range(N)]
    session.add_all(Score(comment_id=r.id, model_id=other.id, main=1.0, label_scores={"toxicity": 1.0}) for r in refs[:5])
    session.commit()
    return model.id, refs


def _comment(session, i: int, article: Article, model_id: int) -> Ref:
    # Times are not in id order, and comments 10 and 11 share a time (ties broken by id).
    created = T0 + timedelta(minutes=(i * 17) % N if i != 11 else (10 * 17) % N)
    body = f"{WORDS[i % len(WORDS)]} number{i}"
    comment = Comment(site_id=article.site_id, article_id=article.id, external_id=f"c{i}", author=AUTHORS[i % 5 if i % 7 else 2],
                      body=body, created_at=created, status=STATUSES[i % 5])
    session.add(comment)
    session.flush()
    main = insult = None
    if i % 6 != 5:  # every sixth unscored
        main, insult = ((i * 7) % 20) / 20, ((i * 13) % 10) / 10  # main repeats: ties
        session.add(Score(comment_id=comment.id, model_id=model_id, main=main, label_scores={"toxicity": main, "insult": insult}))
    return Ref(comment.id, article.site_id, article.id, comment.author, body, created, comment.status, main, insult)


def matches(r: Ref, q: queue.QueueQuery) -> bool:
    kind_status = {QueueKind.FLAGGED: Status.PENDING, QueueKind.ALL: None}.get(q.kind, q.kind)
    checks = [
        kind_status is None or r.status == kind_status,
        q.kind != QueueKind.FLAGGED or (r.main is not None and r.main >= q.flagged_from),
        q.status is None or r.status == q.status,
        q.article_id is None or r.article_id == q.article_id,
        q.author is None or r.author == q.author,
        q.site_id is None or r.site_id == q.site_id,
        q.since is None or r.created_at >= q.since,
        q.until is None or r.created_at < q.until,
    ]
    return all(checks) and all(_in_range(r, s) for s in q.scores) and _found(r, q.search)


def _found(r: Ref, typed: str) -> bool:
    """Plain words only (the search tests cover phrases and prefixes)."""
    words = set(re.findall(r"[^\W_]+", f"{r.body} {r.author}".lower()))
    return all(word in words for word in typed.lower().split())


def _in_range(r: Ref, s: queue.ScoreRange) -> bool:
    value = r.main if s.label is None else r.insult
    return value is not None and (s.low is None or value >= s.low) and (s.high is None or value < s.high)


def expected(refs: list[Ref], q: queue.QueueQuery) -> list[int]:
    """Ids in the order the queue must show them."""
    found = [r for r in refs if matches(r, q)]
    if q.sort == Sort.OLDEST:
        return [r.id for r in sorted(found, key=lambda r: (r.created_at, r.id))]
    newest = sorted(found, key=lambda r: (r.created_at, r.id), reverse=True)
    if q.sort != Sort.PRIORITY or q.model_id is None:
        return [r.id for r in newest]
    scored = sorted((r for r in found if r.main is not None), key=lambda r: (r.main, r.created_at, r.id), reverse=True)
    return [r.id for r in scored] + [r.id for r in newest if r.main is None]


def walk(session, q: queue.QueueQuery, limit: int = 7) -> list[int]:
    """Every row of the queue, page by page through the keyset cursor."""
    found, cursor = [], None
    while True:
        rows, cursor = queue.page(session, q, cursor, limit=limit)
        found += [row.id for row in rows]
        if len(rows) < limit:
            return found
