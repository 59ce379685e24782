"""Each article's comment counts by status and, per model, its highest score and how many of
its comments that model scored: kept in step with comments and scores by triggers, in the
transaction that changes them (migration 0012).

The Articles tab sorts by them ("most pending", "highest score") and shows them on every
card. Worked out at each read, the sorts read every pending comment or walked every score
(0.2–0.8 s at a million comments) and a page of busy articles looked up a score for each of
their comments (50,000 on the first page of "most pending"); kept here, a page reads a
hundred rows off an index. Triggers rather than calls in the write paths: a comment's status
changes through decisions, undo, imports (new comments, the source's new status), decisions
files and site pulls, a score through scoring; a trigger misses none of them, nor one added
later.

- article_counts: pending, approved, hidden (a row appears with the article's first comment).
- article_scores.top: the model's highest main score among the article's comments a
  moderator can see (pending, approved, hidden), NULL once none is left; .scored: how many of
  those the model has scored. Decisions between the three statuses leave both alone; a
  comment removed (or back), a score written, re-written or deleted moves them. The top is
  worked out again over the article's comments only when the one leaving held it.

This module is the one dialect-chosen place: the statements inside the triggers are the same
SQL on SQLite and PostgreSQL; `trigger_statements(dialect)` wraps them in each one's trigger
syntax (SQLite's CREATE TRIGGER … BEGIN … END; PostgreSQL's plpgsql function and trigger).
"""

from __future__ import annotations

from dataclasses import dataclass

from moderator.vocabulary import VISIBLE_TO_MODERATORS, Status

COUNTED = (Status.PENDING, Status.APPROVED, Status.HIDDEN)  # a column of article_counts each
assert set(COUNTED) == set(VISIBLE_TO_MODERATORS)
_VISIBLE = "(" + ", ".join(f"'{status}'" for status in COUNTED) + ")"

# The model's highest score on the article among the comments a moderator can see, worked
# out again: its comments off ix_comments_article_status, one score lookup each.
_RECOMPUTED = f"""(SELECT max(s.main) FROM comments c JOIN scores s ON s.comment_id = c.id
        WHERE c.article_id = article_scores.article_id AND c.status IN {_VISIBLE}
        AND s.model_id = article_scores.model_id)"""
# The higher of the kept top and the new score (SQLite's two-argument max is no function on
# PostgreSQL, and its NULL would win).
_RAISED = ("CASE WHEN article_scores.top IS NULL OR excluded.top > article_scores.top THEN excluded.top "
           "ELSE article_scores.top END")


def _is(row: str, status: str) -> str:
    return f"CASE WHEN {row}.status = '{status}' THEN 1 ELSE 0 END"


def _gains(row: str) -> str:
    """The comment `row` joins the counts (a new comment, or one the triggers see arrive)."""
    columns = ", ".join(COUNTED)
    values = ", ".join(_is(row, status) for status in COUNTED)
    added = ", ".join(f"{status} = article_counts.{status} + excluded.{status}" for status in COUNTED)
    return (f"INSERT INTO article_counts (article_id, {columns}) VALUES ({row}.article_id, {values}) "
            f"ON CONFLICT (article_id) DO UPDATE SET {added}")


def _loses(row: str) -> str:
    taken = ", ".join(f"{status} = {status} - {_is(row, status)}" for status in COUNTED)
    return f"UPDATE article_counts SET {taken} WHERE article_id = {row}.article_id"


def _scores_leave(row: str, condition: str) -> str:
    """The comment `row` is no longer visible: its scores stop counting."""
    return (f"UPDATE article_scores SET scored = scored - 1, top = CASE WHEN top <= (SELECT main FROM scores WHERE "
            f"comment_id = {row}.id AND model_id = article_scores.model_id) THEN {_RECOMPUTED} ELSE top END "
            f"WHERE article_id = {row}.article_id AND {condition} AND model_id IN "
            f"(SELECT model_id FROM scores WHERE comment_id = {row}.id)")


@dataclass(frozen=True)
class Trigger:
    name: str
    event: str  # INSERT, UPDATE OF …, DELETE
    table: str
    when: str | None  # a condition on new / old, or None
    body: tuple[str, ...]  # statements, the same on every dialect


_VISIBLE_ARTICLE = "(SELECT article_id FROM comments WHERE id = {row}.comment_id AND status IN " + _VISIBLE + ")"

TRIGGERS = (
    Trigger("article_counts_comment_insert", "INSERT", "comments", None, (_gains("new"),)),
    Trigger("article_counts_comment_status", "UPDATE OF status", "comments", "new.status IS DISTINCT FROM old.status", (
        _loses("old"),
        _gains("new"),
        _scores_leave("old", f"old.status IN {_VISIBLE} AND new.status NOT IN {_VISIBLE}"),
        # Back among the visible (restored after a removal): its scores count again.
        f"INSERT INTO article_scores (article_id, model_id, top, scored) SELECT new.article_id, model_id, main, 1 "
        f"FROM scores WHERE comment_id = new.id AND new.status IN {_VISIBLE} AND old.status NOT IN {_VISIBLE} "
        f"ON CONFLICT (article_id, model_id) DO UPDATE SET top = {_RAISED}, scored = article_scores.scored + 1",
    )),
    Trigger("article_counts_comment_delete", "DELETE", "comments", None, (
        _loses("old"),
        _scores_leave("old", f"old.status IN {_VISIBLE}"),  # its scores went first (their key): usually none
    )),
    Trigger("article_scores_score_insert", "INSERT", "scores", None, (
        f"INSERT INTO article_scores (article_id, model_id, top, scored) SELECT article_id, new.model_id, new.main, 1 "
        f"FROM comments WHERE id = new.comment_id AND status IN {_VISIBLE} "
        f"ON CONFLICT (article_id, model_id) DO UPDATE SET top = {_RAISED}, scored = article_scores.scored + 1",
    )),
    Trigger("article_scores_score_update", "UPDATE OF main", "scores", "new.main IS DISTINCT FROM old.main", (
        f"UPDATE article_scores SET top = CASE WHEN top IS NULL OR new.main > top THEN new.main ELSE {_RECOMPUTED} END "
        f"WHERE model_id = new.model_id AND (top IS NULL OR new.main > top OR top = old.main) "
        f"AND article_id = {_VISIBLE_ARTICLE.format(row='new')}",
    )),
    Trigger("article_scores_score_delete", "DELETE", "scores", None, (
        f"UPDATE article_scores SET scored = scored - 1, top = CASE WHEN top = old.main THEN {_RECOMPUTED} ELSE top END "
        f"WHERE model_id = old.model_id AND article_id = {_VISIBLE_ARTICLE.format(row='old')}",
    )),
)
TRIGGER_NAMES = tuple(trigger.name for trigger in TRIGGERS)

def _counted(where: str = "") -> str:
    """Each article's counts of the comments `where` picks, as rows of article_counts."""
    sums = ", ".join(f"sum({_is('comments', status)})" for status in COUNTED)
    return f"SELECT article_id, {sums} FROM comments {where}GROUP BY article_id"


# Every article's figures from scratch (the migration; the tests compare the kept ones to it).
FILL = (
    f"INSERT INTO article_counts (article_id, {', '.join(COUNTED)}) {_counted()}",
    f"INSERT INTO article_scores (article_id, model_id, top, scored) SELECT c.article_id, s.model_id, max(s.main), "
    f"count(*) FROM scores s JOIN comments c ON c.id = s.comment_id WHERE c.status IN {_VISIBLE} "
    "GROUP BY c.article_id, s.model_id",
)


def trigger_statements(dialect: str) -> list[str]:
    """The statements that create every trigger on this dialect (sqlite or postgresql)."""
    if dialect == "sqlite":
        return [_sqlite(trigger) for trigger in TRIGGERS]
    if dialect == "postgresql":
        return [statement for trigger in TRIGGERS for statement in _postgresql(trigger)]
    raise ValueError(f"The article counts have no triggers for the database '{dialect}'.")


def drop_statements(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGER_NAMES]
    return ([f"DROP TRIGGER IF EXISTS {t.name} ON {t.table}" for t in TRIGGERS]
            + [f"DROP FUNCTION IF EXISTS {name}()" for name in TRIGGER_NAMES])


def _sqlite(trigger: Trigger) -> str:
    when = f" WHEN {trigger.when}" if trigger.when else ""
    body = "".join(f"\n    {statement};" for statement in trigger.body)
    return f"CREATE TRIGGER {trigger.name} AFTER {trigger.event} ON {trigger.table}{when} BEGIN{body}\nEND"


def _postgresql(trigger: Trigger) -> tuple[str, str]:
    body = "".join(f"\n    {statement};" for statement in trigger.body)
    function = (f"CREATE FUNCTION {trigger.name}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN{body}\n"
                "    RETURN NULL;\nEND\n$$")
    when = f" WHEN ({trigger.when})" if trigger.when else ""
    return function, (f"CREATE TRIGGER {trigger.name} AFTER {trigger.event} ON {trigger.table} FOR EACH ROW{when} "
                      f"EXECUTE FUNCTION {trigger.name}()")


# PostgreSQL (migration 0017): a bulk decision moved an article's counts one comment at a
# time, each a new version of the same row in one transaction, which every next update walks
# (10,000 decisions and their undo: 50 s at a million comments). There the counts follow a
# statement's status changes per article at once, from its transition tables; a comment's
# scores still leave (or come back) one row at a time, only when it leaves the visible
# statuses (a removal), which decisions between them never do.
_STATUS_MOVES = f"""WITH moved AS (
            SELECT o.article_id, -1 AS sign, o.status FROM old_rows o JOIN new_rows n ON n.id = o.id
                WHERE n.status IS DISTINCT FROM o.status
            UNION ALL
            SELECT n.article_id, 1, n.status FROM old_rows o JOIN new_rows n ON n.id = o.id
                WHERE n.status IS DISTINCT FROM o.status)
        INSERT INTO article_counts (article_id, {', '.join(COUNTED)})
        SELECT article_id, {', '.join(f"sum(sign * {_is('moved', status)})" for status in COUNTED)}
        FROM moved GROUP BY article_id
        ON CONFLICT (article_id) DO UPDATE SET {', '.join(
            f"{status} = article_counts.{status} + excluded.{status}" for status in COUNTED)}"""
_VISIBILITY_CHANGES = f"(old.status IN {_VISIBLE}) IS DISTINCT FROM (new.status IN {_VISIBLE})"
_STATUS_ROW = next(trigger for trigger in TRIGGERS if trigger.name == "article_counts_comment_status")
_VISIBILITY = Trigger("article_scores_comment_visibility", "UPDATE OF status", "comments", _VISIBILITY_CHANGES,
                      _STATUS_ROW.body[2:])  # its scores leave, or come back
POSTGRESQL_BY_STATEMENT = (
    f"DROP TRIGGER IF EXISTS {_STATUS_ROW.name} ON comments",
    f"DROP FUNCTION IF EXISTS {_STATUS_ROW.name}()",
    f"""CREATE FUNCTION article_counts_status_moves() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        {_STATUS_MOVES};
        RETURN NULL;
    END
    $$""",
    # (A trigger with transition tables may name no columns: it runs after any update of
    # comments, and finds no status moved in most.)
    "CREATE TRIGGER article_counts_status_moves AFTER UPDATE ON comments REFERENCING OLD TABLE AS old_rows "
    "NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION article_counts_status_moves()",
    *_postgresql(_VISIBILITY),
)
POSTGRESQL_BY_ROW = (  # back to 0012's
    f"DROP TRIGGER IF EXISTS {_VISIBILITY.name} ON comments",
    f"DROP FUNCTION IF EXISTS {_VISIBILITY.name}()",
    "DROP TRIGGER IF EXISTS article_counts_status_moves ON comments",
    "DROP FUNCTION IF EXISTS article_counts_status_moves()",
    *_postgresql(_STATUS_ROW),
)


# PostgreSQL (migration 0019): an import writes in one transaction beside the team's decisions
# (storage/engine.IMPORTING). Had it moved each article's counts as it went, it would hold those
# rows locked until it commits, and every decision on one of those articles would wait for it.
# It sets COUNTS_LATER for its transaction: the two triggers that count new comments and status
# moves leave the counts alone, and the import adds its new comments as they stand at its end
# (ADD_COUNTS_OF), locking each article's row only from then to its commit.
COUNTS_LATER = "moderator.counts_later"
_LATER = f"IF current_setting('{COUNTS_LATER}', true) = 'on' THEN RETURN NULL; END IF;"
ADD_COUNTS_OF = (f"INSERT INTO article_counts (article_id, {', '.join(COUNTED)}) {_counted('WHERE id = ANY(:ids) ')} "
                 f"ON CONFLICT (article_id) DO UPDATE SET "
                 + ", ".join(f"{status} = article_counts.{status} + excluded.{status}" for status in COUNTED))
_INSERT_ROW = next(trigger for trigger in TRIGGERS if trigger.name == "article_counts_comment_insert")


def _function(name: str, statements: tuple[str, ...], guard: str = "") -> str:
    body = "".join(f"\n    {statement};" for statement in statements)
    return (f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n    {guard}{body}\n"
            "    RETURN NULL;\nEND\n$$")


POSTGRESQL_COUNTS_LATER = (_function(_INSERT_ROW.name, _INSERT_ROW.body, _LATER),
                           _function("article_counts_status_moves", (_STATUS_MOVES,), _LATER))
POSTGRESQL_COUNTS_NOW = (_function(_INSERT_ROW.name, _INSERT_ROW.body),  # back to 0017's
                         _function("article_counts_status_moves", (_STATUS_MOVES,)))
