"""postgresql parity: the score-status upkeep and full-text search on PostgreSQL (nothing on SQLite)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 23:30:00

On SQLite, migration 0006's triggers keep scores.status in step with comments.status and
migrations 0004 / 0011 made the FTS5 indexes. PostgreSQL had neither: its Pending and
Flagged queues by priority listed decided comments, and its search was an unranked
substring match. Here PostgreSQL gets its own (moderator/storage/pgparts.py): trigger
functions for the status copy (and the copies that went wrong before, repaired), and a
tsvector of body and author with a GIN index. On SQLite this migration does nothing.
"""

from alembic import op

from moderator.storage import pgparts

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for statement in (*pgparts.SCORE_STATUS, *pgparts.FULL_TEXT):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for statement in (*pgparts.DROP_FULL_TEXT, *pgparts.DROP_SCORE_STATUS):
            op.execute(statement)
