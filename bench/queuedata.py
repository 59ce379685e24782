"""A large moderation database, fast: plain SQL through the real schema (no ORM).

open_database() migrates a new file to head (indexes, FTS5 table and triggers); then
articles and word pools go in with executemany and the comments, scores and decisions
with INSERT ... SELECT over a recursive counter, so SQLite does the looping. The FTS
triggers are dropped during the load and the index rebuilt once at the end (what the
migration does for an existing database), then the triggers are put back as they were.

Shape: a year of comments, time order roughly following id; the newest quarter pending,
older ones decided (hidden more often the higher their score); one model's scores for
every comment (one label, "offensive", skewed low like the quick screen's); authors and
articles Zipf-like, so a few commenters have thousands of comments and a few articles
tens of thousands.
"""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

from moderator.storage import fulltext
from moderator.storage.database import open_database

MODEL_NAME, LABEL = "quick-screen-bench", "offensive"
MODERATORS = 12
YEAR_START = 1_704_067_200  # 2024-01-01 UTC, seconds
SYLLABLES = [c + v for c in "bcdfghklmnprstvwz" for v in "aeiou"] + [c + v + "n" for c in "bdklmrst" for v in "aeio"]
FUNCTION_WORDS = ("the of and to a in is that it for you was on are with as this be at have not but they by "
                  "from or his her we an all their there what so if about which when one would can no more").split()


def build(path: Path, comments: int, articles: int, commenters: int, seed: int = 7) -> dict[str, float]:
    """Create the database at `path`; returns seconds per step."""
    database = open_database(f"sqlite:///{path}", path.parent / "backups")
    database.dispose()
    rng, steps = random.Random(seed), {}
    with sqlite3.connect(path, isolation_level=None) as db:
        db.execute("PRAGMA synchronous=OFF")
        db.execute("PRAGMA cache_size=-400000")  # 400 MB while loading; the app's own setting applies after
        db.execute("BEGIN")
        triggers = _drop_fts_triggers(db)
        _step(steps, "pools", lambda: _pools(db, rng, articles, commenters))
        _step(steps, "comments", lambda: _comments(db, comments, articles, commenters))
        _step(steps, "scores", lambda: _scores(db))
        _step(steps, "decisions", lambda: _decisions(db))
        _step(steps, "fts", lambda: _rebuild_fts(db, triggers))
        db.execute("DROP TABLE pool_sentences")
        db.execute("DROP TABLE pool_names")
        db.execute("COMMIT")
    return steps


def _step(steps: dict, name: str, work) -> None:
    start = time.perf_counter()
    work()
    steps[name] = round(time.perf_counter() - start, 2)


def _drop_fts_triggers(db: sqlite3.Connection) -> list[str]:
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'comments_fts%'").fetchall()
    for name, _sql in rows:
        db.execute(f"DROP TRIGGER {name}")
    return [sql for _name, sql in rows]


def _rebuild_fts(db: sqlite3.Connection, triggers: list[str]) -> None:
    db.execute("INSERT INTO comments_fts(comments_fts) VALUES ('rebuild')")
    for sql in triggers:
        db.execute(sql)
    for statement in fulltext.INDEX_RANGE[1:]:  # the part indexes (contentless: no 'rebuild')
        db.execute(statement, (0, 1 << 62))


def _pools(db: sqlite3.Connection, rng: random.Random, articles: int, commenters: int) -> None:
    lexicon = sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))) for _ in range(20000)})
    word = lambda: rng.choice(FUNCTION_WORDS) if rng.random() < 0.45 else rng.choice(lexicon)  # noqa: E731
    sentences = [" ".join(word() for _ in range(rng.randint(5, 16))).capitalize() + "." for _ in range(40000)]
    names = sorted({rng.choice(lexicon).capitalize() + " " + rng.choice(lexicon).capitalize() for _ in range(commenters * 2)})
    rng.shuffle(names)
    db.execute("CREATE TEMP TABLE pool_sentences (i INTEGER PRIMARY KEY, s TEXT)")
    db.execute("CREATE TEMP TABLE pool_names (i INTEGER PRIMARY KEY, name TEXT)")
    db.executemany("INSERT INTO pool_sentences VALUES (?, ?)", enumerate(sentences))
    db.executemany("INSERT INTO pool_names VALUES (?, ?)", enumerate(names[:commenters]))
    db.execute("INSERT INTO sites (id, key, name, comment_prompt, comment_call) VALUES (1, 'bench', 'Bench', '?', '!')")
    step = 365 * 86400 / articles
    db.executemany(
        "INSERT INTO articles (id, site_id, external_id, headline, standfirst, body, section, published_at, imported_at)"
        " VALUES (?, 1, ?, ?, '', '', 'News', ?, ?)",
        ((a, f"a{a}", sentences[a % len(sentences)], _stamp(YEAR_START + a * step), _stamp(YEAR_START))
         for a in range(1, articles + 1)))
    db.execute("INSERT INTO scoring_models (id, name, family, checksum, source, labels, main_label, created_at)"
               " VALUES (1, ?, 'linear', 'bench', 'bench', ?, ?, ?)", (MODEL_NAME, f'["{LABEL}"]', LABEL, _stamp(YEAR_START)))


def _stamp(seconds: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S.000000", time.gmtime(seconds))


# Per comment n: u in [0, 1) from a multiplicative hash (the same in every statement), the score u^3.
_U = "((:n * 2654435761) % 1000003) / 1000003.0"
_COMMENTS = f"""
WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter WHERE n < :total),
drawn AS MATERIALIZED (SELECT n, {_U.replace(':n', 'n')} AS u, (abs(random()) % 1000000) / 1e6 AS a,
                 (abs(random()) % 1000000) / 1e6 AS w, abs(random()) AS r FROM counter)
INSERT INTO comments (id, site_id, article_id, external_id, author, is_staff, body, created_at, status, kind, version, updated_at)
SELECT n, 1,
       CASE WHEN a < 0.05 THEN :hot
            ELSE max(1, min(:articles, CAST(n * 1.0 * :articles / :total AS INTEGER) - CAST(a * 40 AS INTEGER))) END,
       'c' || n,
       (SELECT name FROM pool_names WHERE i = CAST(w * w * w * :commenters AS INTEGER)),
       0,
       (SELECT s FROM pool_sentences WHERE i = r % 40000)
         || CASE WHEN r % 3 > 0 THEN ' ' || (SELECT s FROM pool_sentences WHERE i = (r / 7) % 40000) ELSE '' END
         || CASE WHEN r % 3 = 2 THEN ' ' || (SELECT s FROM pool_sentences WHERE i = (r / 49) % 40000) ELSE '' END,
       strftime('%Y-%m-%d %H:%M:%S', :start + n * 31536000.0 / :total + (r % 600), 'unixepoch') || '.000000',
       CASE WHEN n > :total * 3 / 4 THEN 'pending' WHEN u * u * u > 0.6 AND r % 10 < 8 THEN 'hidden'
            WHEN r % 50 = 0 THEN 'hidden' ELSE 'approved' END,
       'comment', 1, strftime('%Y-%m-%d %H:%M:%S', :start, 'unixepoch') || '.000000'
FROM drawn
"""


def _comments(db: sqlite3.Connection, comments: int, articles: int, commenters: int) -> None:
    hot = max(1, articles * 19 // 20)  # a recent article that draws 5% of all comments
    db.execute(_COMMENTS, {"total": comments, "articles": articles, "commenters": commenters - 1, "hot": hot,
                           "start": YEAR_START})


def _scores(db: sqlite3.Connection) -> None:
    score = f"({_U.replace(':n', 'id')} * {_U.replace(':n', 'id')} * {_U.replace(':n', 'id')})"
    db.execute(f"INSERT INTO scores (comment_id, model_id, main, label_scores, scored_at, status) "
               f"SELECT id, 1, {score}, json_object('{LABEL}', {score}), updated_at, status FROM comments")


def _decisions(db: sqlite3.Connection) -> None:
    db.execute(f"""
        INSERT INTO decisions (comment_id, action, reason, note, moderator, source, created_at, status_before, status_after)
        SELECT id, CASE status WHEN 'hidden' THEN 'hide' ELSE 'approve' END,
               CASE status WHEN 'hidden' THEN 'abuse' END, '', 'moderator' || (id % {MODERATORS}), 'manual',
               strftime('%Y-%m-%d %H:%M:%S', created_at, '+' || (id % 7200) || ' seconds') || '.000000', 'pending', status
        FROM comments WHERE status <> 'pending' ORDER BY id""")
