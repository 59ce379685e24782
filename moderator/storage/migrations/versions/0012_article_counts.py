"""article counts: each article's comments by status and each model's highest score on it
and scored count, kept by triggers, for the Articles tab's cards and its two sorts

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 23:40:00

Counted at each open, "most pending" read every pending comment (0.2 s at a million) and
"highest score" walked the scores down (0.8 s for the first page with pending, seconds
deep down), and a page of busy articles looked a score up for each of their comments.
article_counts and article_scores hold the figures; the triggers of
moderator/storage/articlecounts.py keep them in the transaction that changes a comment's
status or a score. The tables and the filling SQL are portable; the triggers come from
that module in the connection's dialect (SQLite or PostgreSQL).
"""

import sqlalchemy as sa
from alembic import op

from moderator.storage import articlecounts

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'article_counts',
        sa.Column('article_id', sa.Integer(), nullable=False),
        sa.Column('pending', sa.Integer(), nullable=False),
        sa.Column('approved', sa.Integer(), nullable=False),
        sa.Column('hidden', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_article_counts_article_id_articles')),
        sa.PrimaryKeyConstraint('article_id', name=op.f('pk_article_counts')),
    )
    op.create_index('ix_article_counts_pending', 'article_counts', ['pending', 'article_id'], unique=False)
    op.create_table(
        'article_scores',
        sa.Column('article_id', sa.Integer(), nullable=False),
        sa.Column('model_id', sa.Integer(), nullable=False),
        sa.Column('top', sa.Double(), nullable=True),
        sa.Column('scored', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_article_scores_article_id_articles')),
        sa.ForeignKeyConstraint(['model_id'], ['scoring_models.id'], name=op.f('fk_article_scores_model_id_scoring_models')),
        sa.PrimaryKeyConstraint('article_id', 'model_id', name=op.f('pk_article_scores')),
    )
    op.create_index('ix_article_scores_model_top', 'article_scores', ['model_id', 'top', 'article_id'], unique=False)
    for statement in articlecounts.FILL:
        op.execute(statement)
    for statement in articlecounts.trigger_statements(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for statement in articlecounts.drop_statements(op.get_bind().dialect.name):
        op.execute(statement)
    op.drop_index('ix_article_scores_model_top', table_name='article_scores')
    op.drop_table('article_scores')
    op.drop_index('ix_article_counts_pending', table_name='article_counts')
    op.drop_table('article_counts')
