"""imports: the import under way, whose comments wait in a staging file until published

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 20:00:00

An import used to write a whole file in one transaction, holding the database's write
lock for as long as it ran: moderators' decisions failed with "database is locked"
(issue 19). Now it writes its comments to a staging file beside the database and moves
them into comments in short transactions; this table records where it is, so that an
import cut short is rolled back, or completed, at the next start (storage/staging.py).
"""

import sqlalchemy as sa
from alembic import op

import moderator.storage.models

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'imports',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('phase', sa.String(length=20), nullable=False),
        sa.Column('path', sa.Text(), nullable=False),
        sa.Column('started_at', moderator.storage.models.UtcDateTime(), nullable=False),
        sa.Column('site_id', sa.Integer(), nullable=True),
        sa.Column('first_site_id', sa.Integer(), nullable=False),
        sa.Column('first_article_id', sa.Integer(), nullable=False),
        sa.Column('first_comment_id', sa.Integer(), nullable=False),
        sa.Column('shift', sa.Integer(), nullable=False),
        sa.Column('published_to', sa.Integer(), nullable=False),
        sa.Column('updated_to', sa.Integer(), nullable=False),
        sa.Column('link_replies', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_imports')),
    )


def downgrade() -> None:
    op.drop_table('imports')
