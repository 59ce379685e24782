"""queue, search and bulk: indexes for every queue sort and filter, the audit log's
indexes, decisions.batch_id, and (SQLite only) the full-text index of comments

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 15:48:35.755170

The full-text index is SQLite's FTS5, an external-content table over comments (body,
author) kept in step by triggers, so every write to comments updates it in the same
transaction. PostgreSQL gets no FTS table: moderator/reading/search.py falls back to ILIKE there.
Alembic does not see the FTS table (env.py skips it), so `alembic check` stays clean.

Careful: a later batch_alter_table('comments') that rebuilds the table drops these
triggers with it; such a migration must run FTS_TRIGGERS again and 'rebuild' the index.
"""

import sqlalchemy as sa
from alembic import op

import moderator.storage.models

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# unicode61 folds case and (with remove_diacritics 2) accents, so "Zoe" finds "Zoë".
FTS_TABLE = """
CREATE VIRTUAL TABLE comments_fts USING fts5(
    body, author, content='comments', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
)
"""
# Only a change to body or author touches the index: a decision (status, version) does not.
FTS_TRIGGERS = (
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
FTS_REBUILD = "INSERT INTO comments_fts(comments_fts) VALUES ('rebuild')"


def upgrade() -> None:
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.create_index('ix_comments_article_status', ['article_id', 'status', 'created_at', 'id'], unique=False)
        batch_op.create_index('ix_comments_author_status', ['author', 'status', 'created_at', 'id'], unique=False)
        batch_op.create_index('ix_comments_created', ['created_at', 'id'], unique=False)

    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('batch_id', sa.String(length=32), nullable=True))
        batch_op.create_index('ix_decisions_action_created', ['action', 'created_at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decisions_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index('ix_decisions_created', ['created_at', 'id'], unique=False)
        batch_op.create_index('ix_decisions_moderator_created', ['moderator', 'created_at', 'id'], unique=False)

    if op.get_bind().dialect.name == 'sqlite':
        for statement in (FTS_TABLE, *FTS_TRIGGERS, FTS_REBUILD):  # rebuild: index the comments already here
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for trigger in ('comments_fts_insert', 'comments_fts_delete', 'comments_fts_update'):
            op.execute(f'DROP TRIGGER IF EXISTS {trigger}')
        op.execute('DROP TABLE IF EXISTS comments_fts')

    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.drop_index('ix_decisions_moderator_created')
        batch_op.drop_index('ix_decisions_created')
        batch_op.drop_index(batch_op.f('ix_decisions_batch_id'))
        batch_op.drop_index('ix_decisions_action_created')
        batch_op.drop_column('batch_id')

    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_index('ix_comments_created')
        batch_op.drop_index('ix_comments_author_status')
        batch_op.drop_index('ix_comments_article_status')
