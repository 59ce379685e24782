"""postgresql speed: trigram indexes of the texts written without spaces, article counts per statement (nothing on SQLite)

Revision ID: 0017
Revises: 0016 (the rules)
Create Date: 2026-12-06 02:50:00

A search for a part in a script without spaces (Chinese, Japanese, Thai, …) read every body
on PostgreSQL (2 to 18 s at a million comments); SQLite has its part index of those bodies
(0010). PostgreSQL gets the same (moderator/storage/pgparts.py): trigram indexes of the bodies
and names that hold such a character, partial, so a newsroom writing in English stores
next to nothing. Creating them reads the comments once.

The article counts (0012) follow a statement's status changes per article at once on
PostgreSQL (moderator/storage/articlecounts.py, POSTGRESQL_BY_STATEMENT): one comment at a
time, a bulk decision of 10,000 and its undo took 50 s; so does the scores' copy of the
status (0013, moderator/storage/pgparts.py, SCORE_STATUS_BY_STATEMENT).
"""

from alembic import op

from moderator.storage import articlecounts, pgparts

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for statement in (*pgparts.SPACELESS_PARTS, *articlecounts.POSTGRESQL_BY_STATEMENT,
                          *pgparts.SCORE_STATUS_BY_STATEMENT):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for statement in (*pgparts.SCORE_STATUS_BY_ROW, *articlecounts.POSTGRESQL_BY_ROW,
                          *pgparts.DROP_SPACELESS_PARTS):
            op.execute(statement)
