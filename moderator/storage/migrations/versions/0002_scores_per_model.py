"""scores per model

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 14:32:37.454530
"""

import sqlalchemy as sa
from alembic import op

import moderator.storage.models

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('scoring_models',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('family', sa.String(length=40), nullable=False),
    sa.Column('checksum', sa.String(length=64), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('labels', sa.JSON(), nullable=False),
    sa.Column('main_label', sa.String(length=40), nullable=False),
    sa.Column('created_at', moderator.storage.models.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scoring_models')),
    sa.UniqueConstraint('name', 'checksum', name='uq_scoring_models_name_checksum')
    )
    op.create_table('scores',
    sa.Column('comment_id', sa.Integer(), nullable=False),
    sa.Column('model_id', sa.Integer(), nullable=False),
    sa.Column('main', sa.Double(), nullable=False),
    sa.Column('label_scores', sa.JSON(), nullable=False),
    sa.Column('scored_at', moderator.storage.models.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['comment_id'], ['comments.id'], name=op.f('fk_scores_comment_id_comments')),
    sa.ForeignKeyConstraint(['model_id'], ['scoring_models.id'], name=op.f('fk_scores_model_id_scoring_models')),
    sa.PrimaryKeyConstraint('comment_id', 'model_id', name=op.f('pk_scores'))
    )
    with op.batch_alter_table('scores', schema=None) as batch_op:
        batch_op.create_index('ix_scores_model_main', ['model_id', 'main', 'comment_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('scores', schema=None) as batch_op:
        batch_op.drop_index('ix_scores_model_main')

    op.drop_table('scores')
    op.drop_table('scoring_models')
