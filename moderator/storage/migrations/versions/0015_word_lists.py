"""word lists: each site's banned and suspect words, phrases and stems (issue 14)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 23:30:00

Two plain tables, portable to PostgreSQL: the lists (one row per site and list, with a
version a cached matcher compares) and their entries as typed (moderator/rules/wordlists.py).
"""

import sqlalchemy as sa
from alembic import op

import moderator.storage.models

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'word_lists',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('site_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=20), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('changed_at', moderator.storage.models.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_word_lists_site_id_sites')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_word_lists')),
        sa.UniqueConstraint('site_id', 'name', name=op.f('uq_word_lists_site_id')),
    )
    op.create_table(
        'word_list_entries',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('list_id', sa.Integer(), nullable=False),
        sa.Column('entry', sa.String(length=500), nullable=False),
        sa.Column('created_at', moderator.storage.models.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['list_id'], ['word_lists.id'],
                                name=op.f('fk_word_list_entries_list_id_word_lists')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_word_list_entries')),
        sa.UniqueConstraint('list_id', 'entry', name=op.f('uq_word_list_entries_list_id')),
    )


def downgrade() -> None:
    op.drop_table('word_list_entries')
    op.drop_table('word_lists')
