"""times written by imports get SQLite's one text format, so they compare as times

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 22:40:00

SQLite keeps times as text, and comparing them compares text. Every statement writes
'2024-05-01 11:00:00.000000', but an import's rows (importing/sqlfast.py, before this
revision) went in as '2024-05-01 11:00:00' whenever the microseconds were zero, as the
export's times are. The same instant then compared as two different texts, and the
queue's pages, which continue after the last row's (created_at, id), skipped the rest
of a second's comments (oldest first) or showed the same page again (newest first).
The short texts are completed here. Other databases store real timestamps: nothing to do.
"""

from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

# The columns imports wrote; the length of '2024-05-01 11:00:00' is 19.
COLUMNS = {'comments': ('created_at', 'updated_at'), 'articles': ('published_at', 'imported_at')}


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != 'sqlite':
        return
    for table, columns in COLUMNS.items():
        # Indexes on these columns are built again afterwards: rewriting a million rows'
        # entries one by one made the migration of a million comments (its backup included)
        # take 26 s; dropping them and sorting once, 12 s.
        indexes = [(name, sql) for name, sql in connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", (table,))
            if any(column in sql for column in columns)]
        for name, _ in indexes:
            op.execute(f'DROP INDEX "{name}"')
        completed = ', '.join(f"{c} = CASE WHEN length({c}) = 19 THEN {c} || '.000000' ELSE {c} END" for c in columns)
        short = ' OR '.join(f'length({c}) = 19' for c in columns)
        op.execute(f'UPDATE {table} SET {completed} WHERE {short}')
        for _, sql in indexes:
            op.execute(sql)


def downgrade() -> None:
    pass  # the completed texts are what every other statement writes; nothing to undo
