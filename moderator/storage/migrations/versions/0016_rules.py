"""rules: the rules a lead sets, thresholds per model and label, commenters as people,
featured comments, what a rule found in a comment, and which rule made a decision (issue 14)

Revision ID: 0016
Revises: 0015 (the word lists)
Create Date: 2026-12-05 23:40:00

At a million comments the migration stays instant: the columns added to comments,
decisions, articles and sites are plain ALTER TABLE ... ADD COLUMN (nullable, or with a
constant default: SQLite and PostgreSQL write no row for it), never a batch (rebuilding
comments would drop its triggers, and copy every row). The two indexes on the new columns
are partial (flag / rule IS NOT NULL): creating them reads the table once and stores
nothing, and an import's inserts (flag NULL) never touch them. Portable: no SQLite-only SQL.

The built-in rules are seeded as a fresh install has them (docs/rules.md): the patterns
and the starter lists on, flag-only; the banned list hides; the first-comment rule off.
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import moderator.storage.models

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

# key, kind, enabled, mode, parameters: the order of precedence is the kinds' (moderator/rules/evaluate.py).
BUILT_IN = (
    ("banned_commenter", "banned_commenter", True, "hide", {}),
    ("banned_words", "banned_words", True, "hide", {}),
    ("personal_data", "personal_data", True, "flag", {}),
    ("links", "links", True, "flag", {"most": 1}),
    ("dehumanising", "dehumanising", True, "flag", {}),
    ("threats", "threats", True, "flag", {}),
    ("model_hide", "model_hide", True, "hide", {}),
    ("trusted_commenter", "trusted_commenter", True, "approve", {}),
    ("suspect_words", "suspect_words", True, "flag", {}),
    ("model_flag", "model_flag", True, "flag", {}),
    ("model_approve", "model_approve", True, "approve", {}),
    ("first_comment", "first_comment", False, "flag", {}),
    ("premoderation", "premoderation", True, "approve", {}),
)


def upgrade() -> None:
    _create_tables()
    # Never batch_alter_table('comments'): rebuilding the table would drop its triggers (0006, 0011).
    op.add_column('comments', sa.Column('flag', sa.String(length=40), nullable=True))
    op.create_index('ix_comments_flagged', 'comments', ['status', 'created_at', 'id'], unique=False,
                    sqlite_where=sa.text('flag IS NOT NULL'), postgresql_where=sa.text('flag IS NOT NULL'))
    op.add_column('decisions', sa.Column('rule', sa.String(length=40), nullable=True))
    op.create_index('ix_decisions_rule_created', 'decisions', ['rule', 'created_at', 'id'], unique=False,
                    sqlite_where=sa.text('rule IS NOT NULL'), postgresql_where=sa.text('rule IS NOT NULL'))
    op.add_column('articles', sa.Column('premoderated', sa.Boolean(), nullable=True))
    op.add_column('sites', sa.Column('premoderated', sa.Boolean(), server_default=sa.true(), nullable=False))
    _seed_rules()


def _create_tables() -> None:
    op.create_table(
        'rules',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=40), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('site_id', sa.Integer(), nullable=True),
        sa.Column('enabled', sa.Boolean(), nullable=False),
        sa.Column('mode', sa.String(length=20), nullable=False),
        sa.Column('parameters', sa.JSON(), nullable=False),
        sa.Column('changed_at', moderator.storage.models.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_rules_site_id_sites')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_rules')),
        sa.UniqueConstraint('key', 'site_id', name='uq_rules_key_site'),
    )
    op.create_table(
        'thresholds',
        sa.Column('model', sa.String(length=100), nullable=False),
        sa.Column('label', sa.String(length=40), nullable=False),
        sa.Column('hide', sa.Double(), nullable=True),
        sa.Column('flag', sa.Double(), nullable=True),
        sa.Column('approve', sa.Double(), nullable=True),
        sa.PrimaryKeyConstraint('model', 'label', name=op.f('pk_thresholds')),
    )
    op.create_table(
        'commenters',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('site_id', sa.Integer(), nullable=False),
        sa.Column('identity', sa.String(length=330), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('notes', sa.Text(), nullable=False),
        sa.Column('standing', sa.String(length=20), nullable=False),
        sa.Column('changed_at', moderator.storage.models.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_commenters_site_id_sites')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_commenters')),
        sa.UniqueConstraint('site_id', 'identity', name='uq_commenters_site_identity'),
    )
    op.create_table(
        'standing_changes',
        sa.Column('decision_id', sa.Integer(), nullable=False),
        sa.Column('commenter_id', sa.Integer(), nullable=False),
        sa.Column('standing_before', sa.String(length=20), nullable=False),
        sa.Column('standing_after', sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(['commenter_id'], ['commenters.id'],
                                name=op.f('fk_standing_changes_commenter_id_commenters')),
        sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'],
                                name=op.f('fk_standing_changes_decision_id_decisions')),
        sa.PrimaryKeyConstraint('decision_id', name=op.f('pk_standing_changes')),
    )
    op.create_index(op.f('ix_standing_changes_commenter_id'), 'standing_changes', ['commenter_id'], unique=False)
    op.create_table(
        'featured',
        sa.Column('comment_id', sa.Integer(), nullable=False),
        sa.Column('decision_id', sa.Integer(), nullable=False),
        sa.Column('featured_at', moderator.storage.models.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['comment_id'], ['comments.id'], name=op.f('fk_featured_comment_id_comments')),
        sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_featured_decision_id_decisions')),
        sa.PrimaryKeyConstraint('comment_id', name=op.f('pk_featured')),
    )
    op.create_table(
        'rule_hits',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('comment_id', sa.Integer(), nullable=False),
        sa.Column('rule', sa.String(length=40), nullable=False),
        sa.Column('what', sa.String(length=200), nullable=False),
        sa.Column('start', sa.Integer(), nullable=True),
        sa.Column('end', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['comment_id'], ['comments.id'], name=op.f('fk_rule_hits_comment_id_comments')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_rule_hits')),
    )
    op.create_index('ix_rule_hits_comment', 'rule_hits', ['comment_id', 'rule'], unique=False)
    op.create_index('ix_rule_hits_rule', 'rule_hits', ['rule', 'comment_id'], unique=False)


def _seed_rules() -> None:
    rules = sa.table('rules', sa.column('key', sa.String), sa.column('kind', sa.String),
                     sa.column('site_id', sa.Integer), sa.column('enabled', sa.Boolean),
                     sa.column('mode', sa.String), sa.column('parameters', sa.JSON),
                     sa.column('changed_at', moderator.storage.models.UtcDateTime()))
    now = datetime.now(UTC)
    op.bulk_insert(rules, [{"key": key, "kind": kind, "site_id": None, "enabled": enabled, "mode": mode,
                            "parameters": parameters, "changed_at": now}
                           for key, kind, enabled, mode, parameters in BUILT_IN])


def downgrade() -> None:
    op.drop_column('sites', 'premoderated')  # SQLite 3.35+: a plain DROP COLUMN, no rebuild
    op.drop_column('articles', 'premoderated')
    op.drop_index('ix_decisions_rule_created', table_name='decisions')
    op.drop_column('decisions', 'rule')
    op.drop_index('ix_comments_flagged', table_name='comments')
    op.drop_column('comments', 'flag')
    for index, table in (('ix_rule_hits_rule', 'rule_hits'), ('ix_rule_hits_comment', 'rule_hits'),
                         ('ix_standing_changes_commenter_id', 'standing_changes')):
        op.drop_index(index, table_name=table)
    for table in ('rule_hits', 'featured', 'standing_changes', 'commenters', 'thresholds', 'rules'):
        op.drop_table(table)
