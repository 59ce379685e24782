"""PostgreSQL's own parts of the schema, what SQLite does with its triggers and FTS5
(migrations 0004, 0006, 0011; moderator/storage/fulltext.py). Migration 0013 creates them;
a change here is a new migration.

- The upkeep of `scores.status` (the copy of its comment's status that lets each queue walk
  its own scores in priority order, migration 0006): a new score takes its comment's status,
  and a comment's new status moves its scores along, in the transaction that writes it.
- Full-text search: `comments.fts_words`, a tsvector the database computes from the body
  and the author's name, with a GIN index. Its configuration `moderator_words` finds words
  as SQLite's unicode61 tokenizer does: as written, case and accents folded (the unaccent
  extension), no stemming. The body's and the name's
  words are joined as two texts (positions apart), so a phrase never spans them.
  The column is not in the models (SQLite has none): alembic's env.py leaves it out.
  Parts of authors' names ("Dave" in "DaveFromLeeds") are found through a trigram index
  (the pg_trgm extension). Both extensions come with PostgreSQL and are trusted: any role
  that may create in the database may add them.
- Parts in scripts written without spaces (Chinese, Japanese, Thai, …; migration 0017): a
  trigram index of the bodies, and one of the authors' names, that hold a character of such
  a script (SPACELESS_BODY / SPACELESS_AUTHOR, the indexes' conditions, which a search for
  such a part repeats word for word so that the planner may use them), as SQLite's part
  index holds only those bodies. A part shorter than a trigram reads every such row.
"""

from __future__ import annotations

from moderator.storage.fulltext import SPACELESS_CLASS

WORDS_COLUMN = "fts_words"
WORDS_INDEX = "comments_fts_words"
AUTHOR_PARTS_INDEX = "comments_fts_author_parts"
TEXT_SEARCH_CONFIG = "moderator_words"
WORDS = (f"to_tsvector('{TEXT_SEARCH_CONFIG}'::regconfig, coalesce(body, '')) || "
         f"to_tsvector('{TEXT_SEARCH_CONFIG}'::regconfig, coalesce(author, ''))")

SCORE_STATUS = (
    # A new score takes its comment's status (a re-score is an update: it keeps it).
    """CREATE FUNCTION scores_status_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.status := (SELECT status FROM comments WHERE id = NEW.comment_id);
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER scores_status_insert BEFORE INSERT ON scores
        FOR EACH ROW EXECUTE FUNCTION scores_status_insert()""",
    # A decision (or an import's update) moves the comment's scores, one per model, along.
    """CREATE FUNCTION comments_status_scores() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE scores SET status = NEW.status WHERE comment_id = NEW.id;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER comments_status_scores AFTER UPDATE OF status ON comments
        FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status) EXECUTE FUNCTION comments_status_scores()""",
    # What a database that ran without the triggers got wrong, put right.
    """UPDATE scores SET status = comments.status FROM comments
        WHERE comments.id = scores.comment_id AND scores.status <> comments.status""",
)
DROP_SCORE_STATUS = (
    "DROP TRIGGER IF EXISTS comments_status_scores ON comments",
    "DROP TRIGGER IF EXISTS scores_status_insert ON scores",
    "DROP FUNCTION IF EXISTS comments_status_scores()",
    "DROP FUNCTION IF EXISTS scores_status_insert()",
)

FULL_TEXT = (
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"CREATE TEXT SEARCH CONFIGURATION {TEXT_SEARCH_CONFIG} (COPY = simple)",
    f"ALTER TEXT SEARCH CONFIGURATION {TEXT_SEARCH_CONFIG} ALTER MAPPING FOR word, hword, hword_part WITH unaccent, simple",
    f"ALTER TABLE comments ADD COLUMN {WORDS_COLUMN} tsvector GENERATED ALWAYS AS ({WORDS}) STORED",
    f"CREATE INDEX {WORDS_INDEX} ON comments USING gin ({WORDS_COLUMN})",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX {AUTHOR_PARTS_INDEX} ON comments USING gin (author gin_trgm_ops)",
)
DROP_FULL_TEXT = (
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"CREATE TEXT SEARCH CONFIGURATION {TEXT_SEARCH_CONFIG} (COPY = simple)",
    f"ALTER TEXT SEARCH CONFIGURATION {TEXT_SEARCH_CONFIG} ALTER MAPPING FOR word, hword, hword_part WITH unaccent, simple",
    f"DROP INDEX IF EXISTS {AUTHOR_PARTS_INDEX}",
    f"DROP INDEX IF EXISTS {WORDS_INDEX}",
    f"ALTER TABLE comments DROP COLUMN IF EXISTS {WORDS_COLUMN}",
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {TEXT_SEARCH_CONFIG}",
)

# What a text in a script without spaces holds (the same characters as SQLite's part index).
SPACELESS_PATTERN = f"'[{SPACELESS_CLASS}]'"
SPACELESS_BODY, SPACELESS_AUTHOR = f"body ~ {SPACELESS_PATTERN}", f"author ~ {SPACELESS_PATTERN}"
BODY_PARTS_INDEX, SPACELESS_AUTHOR_INDEX = "comments_fts_body_parts", "comments_fts_spaceless_author_parts"
SPACELESS_PARTS = (
    f"CREATE INDEX {BODY_PARTS_INDEX} ON comments USING gin (body gin_trgm_ops) WHERE {SPACELESS_BODY}",
    f"CREATE INDEX {SPACELESS_AUTHOR_INDEX} ON comments USING gin (author gin_trgm_ops) WHERE {SPACELESS_AUTHOR}",
)
DROP_SPACELESS_PARTS = (
    f"DROP INDEX IF EXISTS {SPACELESS_AUTHOR_INDEX}",
    f"DROP INDEX IF EXISTS {BODY_PARTS_INDEX}",
)

# (0017) A decision of many comments moved their scores one comment at a time: one UPDATE per
# row. Per statement instead, from its transition tables (which allow no column list: it runs
# after any update of comments, and finds no status moved in most).
SCORE_STATUS_BY_STATEMENT = (
    "DROP TRIGGER IF EXISTS comments_status_scores ON comments",
    "DROP FUNCTION IF EXISTS comments_status_scores()",
    """CREATE FUNCTION comments_status_scores_moves() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE scores SET status = n.status FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE scores.comment_id = n.id AND n.status IS DISTINCT FROM o.status;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER comments_status_scores_moves AFTER UPDATE ON comments REFERENCING OLD TABLE AS old_rows "
    "NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comments_status_scores_moves()",
)
SCORE_STATUS_BY_ROW = (  # back to 0013's
    "DROP TRIGGER IF EXISTS comments_status_scores_moves ON comments",
    "DROP FUNCTION IF EXISTS comments_status_scores_moves()",
    *SCORE_STATUS[2:4],
)
