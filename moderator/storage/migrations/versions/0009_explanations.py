"""explanations: the "Why?" of a comment, kept per comment, model and label

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 19:30:00

Occlusion on a detoxify model takes seconds a comment, so each explanation is computed
once, on demand, and kept (moderator/scoring/explanations.py). Plain portable types: the
same table on PostgreSQL.
"""

import sqlalchemy as sa
from alembic import op

import moderator.storage.models

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'explanations',
        sa.Column('comment_id', sa.Integer(), nullable=False),
        sa.Column('model_id', sa.Integer(), nullable=False),
        sa.Column('label', sa.String(length=40), nullable=False),
        sa.Column('text_sha', sa.String(length=64), nullable=False),
        sa.Column('explanation', sa.JSON(), nullable=False),
        sa.Column('created_at', moderator.storage.models.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['comment_id'], ['comments.id'], name=op.f('fk_explanations_comment_id_comments')),
        sa.ForeignKeyConstraint(['model_id'], ['scoring_models.id'], name=op.f('fk_explanations_model_id_scoring_models')),
        sa.PrimaryKeyConstraint('comment_id', 'model_id', 'label', name=op.f('pk_explanations')),
    )


def downgrade() -> None:
    op.drop_table('explanations')
