"""articles and search parts: the Articles tab's "most pending" index, and (SQLite only) the
full-text part index beside the word index, for scripts without spaces and parts of names

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 20:30:00

ix_comments_status_article counts each article's pending comments in one pass over the
pending ones (portable: PostgreSQL gets it too). On SQLite, comments_fts_grams (FTS5's
trigram tokenizer, moderator/storage/fulltext.py) is created and filled, and the three
triggers of migration 0004 are made again to keep both indexes in step. Alembic does not
see the FTS tables (env.py skips every comments_fts* table).
"""

from alembic import op

from moderator.storage import fulltext

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

# Migration 0004's triggers, the word index alone: what a downgrade puts back.
WORDS_ONLY_TRIGGERS = (
    """CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments BEGIN
        INSERT INTO comments_fts(rowid, body, author) VALUES (new.id, new.body, new.author);
    END""",
    """CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN
        INSERT INTO comments_fts(comments_fts, rowid, body, author) VALUES ('delete', old.id, old.body, old.author);
    END""",
    """CREATE TRIGGER comments_fts_update AFTER UPDATE OF body, author ON comments BEGIN
        INSERT INTO comments_fts(comments_fts, rowid, body, author) VALUES ('delete', old.id, old.body, old.author);
        INSERT INTO comments_fts(rowid, body, author) VALUES (new.id, new.body, new.author);
    END""",
)
FILL_GRAMS = fulltext.INDEX_RANGE[1].replace("WHERE id > ? AND id <= ?", "")


def upgrade() -> None:
    # Never batch_alter_table('comments'): rebuilding the table would drop the triggers.
    op.create_index('ix_comments_status_article', 'comments', ['status', 'article_id'], unique=False)
    if op.get_bind().dialect.name == 'sqlite':
        _drop_triggers()
        for statement in (fulltext.GRAMS_TABLE, fulltext.GRAMS_TERMS, *fulltext.TRIGGERS, FILL_GRAMS):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        _drop_triggers()
        op.execute('DROP TABLE IF EXISTS comments_fts_grams_terms')
        op.execute('DROP TABLE IF EXISTS comments_fts_grams')
        for statement in WORDS_ONLY_TRIGGERS:
            op.execute(statement)
    op.drop_index('ix_comments_status_article', table_name='comments')  # never a batch: it would drop the triggers


def _drop_triggers() -> None:
    for trigger in fulltext.TRIGGER_NAMES:
        op.execute(f'DROP TRIGGER IF EXISTS {trigger}')
