"""import fields

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 14:37:43.153733
"""

import sqlalchemy as sa
from alembic import op

import moderator.storage.models

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('author_url', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('author_ip', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('source_flag', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('kind', sa.String(length=20), server_default='comment', nullable=False))
        batch_op.add_column(sa.Column('parent_external_id', sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_column('parent_external_id')
        batch_op.drop_column('kind')
        batch_op.drop_column('source_flag')
        batch_op.drop_column('author_ip')
        batch_op.drop_column('author_url')

