"""scores carry their comment's status: Pending by priority reads only pending scores

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 20:10:00

The Pending queue by priority walked the scores index from the highest score down and
dropped every comment already decided. Moderators decide the highest-scoring comments
first, so those pile up at the top of the index: with 30,000 of them above the first
pending comment, a page took 1.1 s. scores.status is a copy of comments.status, kept in
step by triggers in the transaction that writes it, and (model_id, status, main) serves
each status's queue in priority order directly.

SQLite only, like the full-text triggers of 0004; another database would need the same
two triggers in its own dialect. A later batch_alter_table('comments') or ('scores') that
rebuilds a table drops these triggers with it and must create them again.
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

STATUS_TRIGGERS = (
    # A new score takes its comment's status (a re-score is an update: it keeps it).
    """CREATE TRIGGER scores_status_insert AFTER INSERT ON scores BEGIN
        UPDATE scores SET status = (SELECT status FROM comments WHERE id = new.comment_id)
        WHERE comment_id = new.comment_id AND model_id = new.model_id;
    END""",
    # A decision (or an import's update) moves the comment's scores, one per model, along.
    """CREATE TRIGGER comments_status_scores AFTER UPDATE OF status ON comments
        WHEN new.status IS NOT old.status BEGIN
        UPDATE scores SET status = new.status WHERE comment_id = new.id;
    END""",
)


def upgrade() -> None:
    with op.batch_alter_table('scores', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=20), server_default='pending', nullable=False))
    op.execute("UPDATE scores SET status = (SELECT status FROM comments WHERE comments.id = scores.comment_id)")
    op.create_index('ix_scores_model_status_main', 'scores', ['model_id', 'status', 'main', 'comment_id'], unique=False)
    if op.get_bind().dialect.name == 'sqlite':
        for statement in STATUS_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for trigger in ('scores_status_insert', 'comments_status_scores'):
            op.execute(f'DROP TRIGGER IF EXISTS {trigger}')
    op.drop_index('ix_scores_model_status_main', table_name='scores')
    with op.batch_alter_table('scores', schema=None) as batch_op:
        batch_op.drop_column('status')
