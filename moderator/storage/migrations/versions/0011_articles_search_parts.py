"""articles and search parts: the Articles tab's "most pending" index, and (SQLite only) the
full-text part index beside the word index, for scripts without spaces and parts of names

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 20:30:00

ix_comments_status_article counts each article's pending comments in one pass over the
pending ones (portable: PostgreSQL gets it too). On SQLite, the part indexes of bodies and
of authors' names (FTS5's trigram tokenizer, moderator/storage/fulltext.py) are created and
filled, and the three triggers of migration 0004 are made again to keep every index in
step. Alembic does not see these tables (env.py skips every comments_fts* table).
"""

from alembic import op

from moderator.storage import fulltext

revision = '0011'
down_revision = '0010'
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
# Every comment so far, as the import fills a range of them.
FILL = [statement.replace("id > ? AND id <= ?", "1").replace("WHERE 1 AND", "WHERE")
        for statement in fulltext.INDEX_RANGE[1:]]
CREATE = (fulltext.GRAMS_TABLE, fulltext.GRAMS_TERMS, fulltext.AUTHORS_TABLE, fulltext.AUTHOR_GRAMS_TABLE,
          fulltext.AUTHOR_GRAMS_TERMS, fulltext.AUTHORS_TRIGGER, *fulltext.TRIGGERS)
DROP = ('comments_fts_grams_terms', 'comments_fts_grams', 'comments_fts_author_grams_terms', 'comments_fts_author_grams',
        'comments_fts_authors')


def upgrade() -> None:
    # Never batch_alter_table('comments'): rebuilding the table would drop the triggers.
    op.create_index('ix_comments_status_article', 'comments', ['status', 'article_id'], unique=False)
    if op.get_bind().dialect.name == 'sqlite':
        _drop_triggers()
        for statement in (*CREATE, *FILL):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        _drop_triggers()
        op.execute('DROP TRIGGER IF EXISTS comments_fts_authors_insert')
        for table in DROP:
            op.execute(f'DROP TABLE IF EXISTS {table}')
        for statement in WORDS_ONLY_TRIGGERS:
            op.execute(statement)
    op.drop_index('ix_comments_status_article', table_name='comments')  # never a batch: it would drop the triggers


def _drop_triggers() -> None:
    for trigger in fulltext.TRIGGER_NAMES:
        op.execute(f'DROP TRIGGER IF EXISTS {trigger}')
