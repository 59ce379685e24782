"""connections to sites and the outbox

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 19:31:50.862712

A connection to a site's own comment system (WordPress, Isso: moderator/connectors), with
no secret in it, and the outbox: each decision on a connected site's comment, written in
the decision's own transaction, delivered to the site oldest first and exactly once.
Plain tables, portable to PostgreSQL.
"""

import sqlalchemy as sa
from alembic import op

import moderator.storage.models

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('connections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('username', sa.String(length=200), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('secret_kept', sa.String(length=20), nullable=False),
    sa.Column('hide_statuses', sa.JSON(), nullable=False),
    sa.Column('pull_every', sa.Integer(), nullable=False),
    sa.Column('pull_cursor', sa.JSON(), nullable=False),
    sa.Column('last_pull_at', moderator.storage.models.UtcDateTime(timezone=True), nullable=True),
    sa.Column('last_push_at', moderator.storage.models.UtcDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_error_at', moderator.storage.models.UtcDateTime(timezone=True), nullable=True),
    sa.Column('created_at', moderator.storage.models.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_connections_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_connections')),
    sa.UniqueConstraint('site_id', name=op.f('uq_connections_site_id'))
    )
    op.create_table('outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('connection_id', sa.Integer(), nullable=False),
    sa.Column('comment_id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.Column('operation', sa.String(length=20), nullable=False),
    sa.Column('status_after', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=True),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('site_status', sa.String(length=20), nullable=True),
    sa.Column('site_flag', sa.String(length=20), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', moderator.storage.models.UtcDateTime(timezone=True), nullable=False),
    sa.Column('changed_at', moderator.storage.models.UtcDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['comment_id'], ['comments.id'], name=op.f('fk_outbox_comment_id_comments')),
    sa.ForeignKeyConstraint(['connection_id'], ['connections.id'], name=op.f('fk_outbox_connection_id_connections')),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_outbox_decision_id_decisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_comment', ['comment_id', 'id'], unique=False)
        batch_op.create_index('ix_outbox_state', ['state', 'id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_state')
        batch_op.drop_index('ix_outbox_comment')

    op.drop_table('outbox')
    op.drop_table('connections')
