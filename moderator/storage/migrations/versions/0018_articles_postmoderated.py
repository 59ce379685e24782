"""articles_postmoderated: a partial index of the post-moderated articles (issue 14's rules
ask at each batch an import publishes whether there is any: a scan of every article before)

Revision ID: 0018
Revises: 0017 (PostgreSQL speed)
Create Date: 2026-12-06 03:35:00

Partial (premoderated IS false, which hardly any article is): creating it reads the table once
and stores next to nothing; portable (no SQLite-only SQL).
"""

import sqlalchemy as sa
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_articles_postmoderated', 'articles', ['id'], unique=False,
                    sqlite_where=sa.text('premoderated IS 0'), postgresql_where=sa.text('premoderated IS false'))


def downgrade() -> None:
    op.drop_index('ix_articles_postmoderated', table_name='articles')
