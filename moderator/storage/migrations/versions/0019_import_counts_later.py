"""import_counts_later: on PostgreSQL, the article counts' triggers leave the counts to an
import's end when it says so (moderator.counts_later), so that decisions go on beside it

Revision ID: 0019
Revises: 0018 (articles_postmoderated)
Create Date: 2026-12-06 09:30:00

An import into a team database writes in one transaction, holding the write lock shared
(storage/engine.IMPORTING). Counting each new comment as it went in locked its article's
counts row until the import committed: a moderator's decision on that article waited for the
whole import. The two trigger functions (a new comment; status moves) now return at once
while the transaction's setting `moderator.counts_later` is 'on'; the import adds its new
comments' counts at its end (storage/articlecounts.py, ADD_COUNTS_OF). SQLite: nothing (its
imports are staged and published in short transactions).
"""

from alembic import op

from moderator.storage import articlecounts

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for statement in articlecounts.POSTGRESQL_COUNTS_LATER:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for statement in articlecounts.POSTGRESQL_COUNTS_NOW:
            op.execute(statement)
