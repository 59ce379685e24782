"""claims: the comment each moderator has open, with an expiry (team mode)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 23:40:00

When several moderators share a database, the comment one has open is claimed so the
others skip it (moderator/moderation/claims.py). A claim outlives no one: it expires
unless the app that holds it renews it, so an app that died frees its comment.
"""

import sqlalchemy as sa
from alembic import op

import moderator.storage.models

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'claims',
        sa.Column('comment_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('moderator', sa.String(length=200), nullable=False),
        sa.Column('claimed_at', moderator.storage.models.UtcDateTime(), nullable=False),
        sa.Column('expires_at', moderator.storage.models.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['comment_id'], ['comments.id'], name=op.f('fk_claims_comment_id_comments')),
        sa.PrimaryKeyConstraint('comment_id', name=op.f('pk_claims')),
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index('ix_claims_moderator', ['moderator'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_expires_at'), ['expires_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_expires_at'))
        batch_op.drop_index('ix_claims_moderator')
    op.drop_table('claims')
