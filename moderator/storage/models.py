"""The schema, as typed SQLAlchemy 2.x models.

Portable to PostgreSQL: no SQLite-only types or SQL. Decisions are append-only:
nothing in this module or elsewhere updates or deletes a Decision row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
    true,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from moderator.vocabulary import Source, Status

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


NAIVE_TIME = "naive datetime given; the app stores aware UTC times only"


class UtcDateTime(TypeDecorator[datetime]):
    """Stores UTC, returns aware UTC datetimes on every backend (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(NAIVE_TIME)
        return value.astimezone(UTC).replace(tzinfo=None)

    def bind_processor(self, dialect: Dialect) -> Callable[[datetime | None], str | None] | None:
        """On SQLite, the text SQLAlchemy's DATETIME would store ('2024-05-01 11:00:00.000000',
        every digit always there, so that text order and equality are time order and
        equality), written in one step: a third of the cost, which counts at a million
        imported rows. tests/test_stored_times.py holds it to SQLAlchemy's own."""
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)
        utc = UTC

        def process(value: datetime | None) -> str | None:
            if value is None:
                return None
            if value.tzinfo is None:
                raise ValueError(NAIVE_TIME)
            return value.astimezone(utc).isoformat(" ", "microseconds")[:26]  # without the "+00:00"

        return process

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


intpk = Annotated[int, mapped_column(primary_key=True)]
timestamp = Annotated[datetime, mapped_column(UtcDateTime(), default=utcnow)]
short_text = Annotated[str, mapped_column(String(200))]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def core_table(model: type[Base]) -> Table:
    """The model's Core table, for statements that skip the ORM's per-row work (bulk writes,
    set-based updates); typed as the Table it is, where `model.__table__` is any FromClause."""
    return Base.metadata.tables[model.__tablename__]


class Site(Base):
    __tablename__ = "sites"

    id: Mapped[intpk]
    key: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[short_text]
    # The site's own words under an article with no comments yet.
    comment_prompt: Mapped[str] = mapped_column(Text, default="What is your opinion on this topic?")
    comment_call: Mapped[str] = mapped_column(Text, default="Leave the first comment")
    # Issue 14: pre-moderated (nothing published until approved) or post-moderated (a comment
    # no rule stopped is published); an article may override it (Article.premoderated).
    premoderated: Mapped[bool] = mapped_column(default=True, server_default=true())


class WordList(Base):
    """A site's banned or suspect word list (moderator/rules/wordlists.py). `version` grows
    with every change, so a cached matcher knows with one small read that it is stale."""

    __tablename__ = "word_lists"
    __table_args__ = (UniqueConstraint("site_id", "name"),)

    id: Mapped[intpk]
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    name: Mapped[str] = mapped_column(String(20))  # banned, suspect
    version: Mapped[int] = mapped_column(default=0)
    changed_at: Mapped[timestamp]


class WordListEntry(Base):
    """One entry as the lead typed it: a word, a phrase or a `prefix*` stem."""

    __tablename__ = "word_list_entries"
    __table_args__ = (UniqueConstraint("list_id", "entry"),)

    id: Mapped[intpk]
    list_id: Mapped[int] = mapped_column(ForeignKey("word_lists.id"))
    entry: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[timestamp]


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("site_id", "external_id", name="uq_articles_site_external"),
        Index("ix_articles_published", "published_at", "id"),
        # Whether any article is post-moderated, asked by the rules at each batch an import
        # publishes (rules/apply.py): partial, so nearly empty, where a scan took milliseconds.
        # (Its PostgreSQL WHERE is in migration 0018 only, as for ix_comments_flagged.)
        Index("ix_articles_postmoderated", "id", sqlite_where=text("premoderated IS 0")),
    )

    id: Mapped[intpk]
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    external_id: Mapped[short_text]
    headline: Mapped[str] = mapped_column(Text)
    standfirst: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")  # paragraphs separated by blank lines
    section: Mapped[str | None] = mapped_column(String(100))
    url: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    imported_at: Mapped[timestamp]
    premoderated: Mapped[bool | None] = mapped_column(Boolean)  # None: as its site says (issue 14)

    site: Mapped[Site] = relationship()


class Comment(Base):
    __tablename__ = "comments"
    __table_args__ = (
        UniqueConstraint("site_id", "external_id", name="uq_comments_site_external"),
        Index("ix_comments_article_created", "article_id", "created_at"),
        Index("ix_comments_status_created", "status", "created_at", "id"),
        # The queue (moderator/reading/queue.py): the All queue by time, and the article and
        # commenter filters with each status, already in time order.
        Index("ix_comments_created", "created_at", "id"),
        Index("ix_comments_article_status", "article_id", "status", "created_at", "id"),
        Index("ix_comments_author_status", "author", "status", "created_at", "id"),
        # The Articles tab's "most pending" sort: pending comments counted per article in one pass.
        Index("ix_comments_status_article", "status", "article_id"),
        # The Flagged queue's rule-flagged comments (issue 14), in time order. Partial: the
        # comments no rule flagged (nearly all, and every one an import inserts) are not in it.
        # (Its PostgreSQL WHERE is in migration 0016 only: a postgresql_where here would load
        # PostgreSQL's dialect at every start, tests/test_startup_path.py; tests/test_partial_indexes.py
        # holds both backends to the same condition, which alembic check does not compare.)
        Index("ix_comments_flagged", "status", "created_at", "id", sqlite_where=text("flag IS NOT NULL")),
    )

    id: Mapped[intpk]
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id"), index=True)
    # The id the comment had at its source; None for comments written in this app.
    external_id: Mapped[str | None] = mapped_column(String(200))
    author: Mapped[short_text]
    author_email: Mapped[str | None] = mapped_column(String(320))
    author_url: Mapped[str | None] = mapped_column(Text)
    author_ip: Mapped[str | None] = mapped_column(String(64))
    is_staff: Mapped[bool] = mapped_column(default=False)
    body: Mapped[str] = mapped_column(Text)  # plain text, never HTML
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    status: Mapped[str] = mapped_column(String(20), default=Status.PENDING)
    # The status the source site gave it, kept apart from local decisions.
    source_status: Mapped[str | None] = mapped_column(String(20))
    # Why the source held or hid it (spam, trash, deleted), beside source_status.
    source_flag: Mapped[str | None] = mapped_column(String(20))
    # comment, pingback or trackback (WordPress's comment types).
    kind: Mapped[str] = mapped_column(String(20), default="comment", server_default="comment")
    # The parent's id at the source, kept while that parent is not (yet) in the database.
    parent_external_id: Mapped[str | None] = mapped_column(String(200))
    # Bumped on every change, for conflict checks when several moderators share a database.
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[timestamp]
    # The key of the rule that flagged it for review (it stays pending and rises in the queue);
    # every rule that hit is in rule_hits. None for nearly every comment (moderator/rules).
    flag: Mapped[str | None] = mapped_column(String(40))


class Decision(Base):
    """One moderator (or rule) action that changed one comment's status. Append-only."""

    __tablename__ = "decisions"
    __table_args__ = (
        Index("ix_decisions_comment", "comment_id", "id"),
        Index("ix_decisions_moderator", "moderator", "id"),
        # The audit log (moderator/reading/audit.py) pages newest first, whole or by moderator or action.
        Index("ix_decisions_created", "created_at", "id"),
        Index("ix_decisions_moderator_created", "moderator", "created_at", "id"),
        Index("ix_decisions_action_created", "action", "created_at", "id"),
        Index("ix_decisions_source_created", "source", "created_at", "id"),  # the audit log by source (rule, bulk)
        # "Revert everything this rule did since T" (moderator/rules/revert.py); partial: only rules' decisions.
        Index("ix_decisions_rule_created", "rule", "created_at", "id", sqlite_where=text("rule IS NOT NULL")),
    )

    id: Mapped[intpk]
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id"))
    action: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")
    moderator: Mapped[short_text]
    source: Mapped[str] = mapped_column(String(20), default=Source.MANUAL)
    created_at: Mapped[timestamp]
    # None before means the action created the comment (a staff reply).
    status_before: Mapped[str | None] = mapped_column(String(20))
    status_after: Mapped[str] = mapped_column(String(20))
    # For undo: the decision undone; for redo: the undo reversed.
    reverts_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"), index=True)
    # Shared by the decisions of one bulk action (moderator/moderation/bulk.py), undone as one step.
    batch_id: Mapped[str | None] = mapped_column(String(32), index=True)
    # With source "rule": the key of the rule that made it (rules.key), for "revert this rule".
    rule: Mapped[str | None] = mapped_column(String(40))


# Issue 14: rules a moderation lead sets, and commenters as people (moderator/rules, docs/rules.md).

class Rule(Base):
    """One rule: a built-in kind (word lists, patterns, thresholds, commenters' standing,
    pre-moderation) switched on or off, flagging or hiding, with its parameters. A rule for
    every site has site_id None; a site's own has the site's (keys are unique per site)."""

    __tablename__ = "rules"
    __table_args__ = (UniqueConstraint("key", "site_id", name="uq_rules_key_site"),)

    id: Mapped[intpk]
    key: Mapped[str] = mapped_column(String(40))  # what decisions name: "banned_words", "links"
    kind: Mapped[str] = mapped_column(String(40))  # moderator.rules.kinds.Kind
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"))
    enabled: Mapped[bool] = mapped_column(default=True)
    mode: Mapped[str] = mapped_column(String(20))  # flag, hide or approve
    parameters: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)  # {"most": 2} for links
    changed_at: Mapped[timestamp]


class Threshold(Base):
    """Per model (by name: its labels and scale) and label: at or above `hide` → hide, at or
    above `flag` → flag; below `approve` on every label with one → approve. None: unused."""

    __tablename__ = "thresholds"

    model: Mapped[str] = mapped_column(String(100), primary_key=True)  # scoring_models.name
    label: Mapped[str] = mapped_column(String(40), primary_key=True)
    hide: Mapped[float | None]
    flag: Mapped[float | None]
    approve: Mapped[float | None]


class Commenter(Base):
    """A commenter as a person, per site: a row only once someone gives them notes or a
    standing. `identity` is "email:<address>" where the source gave an e-mail, else
    "name:<name>" (moderator/rules/commenters.py)."""

    __tablename__ = "commenters"
    __table_args__ = (UniqueConstraint("site_id", "identity", name="uq_commenters_site_identity"),)

    id: Mapped[intpk]
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    identity: Mapped[str] = mapped_column(String(330))
    name: Mapped[short_text]  # the name last seen, as moderators know them
    notes: Mapped[str] = mapped_column(Text, default="")
    standing: Mapped[str] = mapped_column(String(20), default="normal")  # trusted, normal, banned
    changed_at: Mapped[timestamp]


class StandingChange(Base):
    """What a trust / ban / unban decision (a Decision on the commenter's comment the
    moderator acted from) changed: undo puts `standing_before` back."""

    __tablename__ = "standing_changes"

    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"), primary_key=True)
    commenter_id: Mapped[int] = mapped_column(ForeignKey("commenters.id"), index=True)
    standing_before: Mapped[str] = mapped_column(String(20))
    standing_after: Mapped[str] = mapped_column(String(20))


class Featured(Base):
    """A comment an editor picked (the site shows it as such); the row goes with unfeature."""

    __tablename__ = "featured"

    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id"), primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"))
    featured_at: Mapped[timestamp]


class RuleHit(Base):
    """What a rule found in one comment when it was last evaluated: a word, a pattern (with
    its span in the comment's text, for highlighting), a score over a threshold. The
    Flagged queue's filter by rule and a card's chips read it."""

    __tablename__ = "rule_hits"
    __table_args__ = (
        Index("ix_rule_hits_comment", "comment_id", "rule"),
        Index("ix_rule_hits_rule", "rule", "comment_id"),
    )

    id: Mapped[intpk]
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id"))
    rule: Mapped[str] = mapped_column(String(40))
    what: Mapped[str] = mapped_column(String(200))  # "banned word 'vermin'", "toxicity 0.93 ≥ 0.90"
    start: Mapped[int | None]  # offsets into the comment's text; None for a score
    end: Mapped[int | None]


class ScoringModel(Base):
    """A scoring model's identity. A new checksum is a new model, so scores never mix."""

    __tablename__ = "scoring_models"
    __table_args__ = (UniqueConstraint("name", "checksum", name="uq_scoring_models_name_checksum"),)

    id: Mapped[intpk]
    name: Mapped[str] = mapped_column(String(100))
    family: Mapped[str] = mapped_column(String(40))
    checksum: Mapped[str] = mapped_column(String(64))  # sha256 (hex) of the weights
    source: Mapped[str] = mapped_column(Text, default="")  # where it came from, with its version
    labels: Mapped[list[str]] = mapped_column(JSON)
    main_label: Mapped[str] = mapped_column(String(40))  # the label the queue sorts by
    created_at: Mapped[timestamp]


class Score(Base):
    """One comment's label scores from one model; re-scoring replaces the row."""

    __tablename__ = "scores"
    # The queue sorts by the active model's main label: (model_id, main) serves it from the index,
    # and (model_id, status, main) serves one status's queue (Pending by priority) without
    # stepping over the decided comments that score higher, however many they become.
    __table_args__ = (
        Index("ix_scores_model_main", "model_id", "main", "comment_id"),
        Index("ix_scores_model_status_main", "model_id", "status", "main", "comment_id"),
    )

    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id"), primary_key=True)
    model_id: Mapped[int] = mapped_column(ForeignKey("scoring_models.id"), primary_key=True)
    main: Mapped[float]  # the model's main label, copied out of label_scores for sorting
    # The comment's status, copied by triggers (migration 0006) in the transaction that sets it.
    status: Mapped[str] = mapped_column(String(20), default=Status.PENDING, server_default=Status.PENDING)
    label_scores: Mapped[dict[str, float]] = mapped_column(JSON)
    scored_at: Mapped[timestamp]


class ArticleCount(Base):
    """An article's comments by status, counted by triggers (storage/articlecounts.py) in the
    transaction that changes them: the Articles tab's cards and its "most pending" sort."""

    __tablename__ = "article_counts"
    __table_args__ = (Index("ix_article_counts_pending", "pending", "article_id"),)

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    pending: Mapped[int] = mapped_column(default=0)
    approved: Mapped[int] = mapped_column(default=0)
    hidden: Mapped[int] = mapped_column(default=0)


class ArticleScore(Base):
    """A model's highest main score among an article's visible comments (NULL once none is
    left) and how many of them it scored, kept by the same triggers: "highest score" and the
    cards' "top 0.93" and "12 unscored"."""

    __tablename__ = "article_scores"
    __table_args__ = (Index("ix_article_scores_model_top", "model_id", "top", "article_id"),)

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    model_id: Mapped[int] = mapped_column(ForeignKey("scoring_models.id"), primary_key=True)
    top: Mapped[float | None]
    scored: Mapped[int] = mapped_column(default=0)


class Connection(Base):
    """A live connection to a site's own comment system (moderator/connectors). The secret
    (an Application Password, an admin password) is never here: `secret_kept` says where it is."""

    __tablename__ = "connections"

    id: Mapped[intpk]
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # wordpress, isso
    url: Mapped[str] = mapped_column(Text)
    username: Mapped[str] = mapped_column(String(200), default="")
    enabled: Mapped[bool] = mapped_column(default=True)  # "on": pulls and pushes while online
    secret_kept: Mapped[str] = mapped_column(String(20), default="keyring")  # keyring, file, session
    # Hide reason → the site's status for it, over the connector's documented defaults.
    hide_statuses: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    pull_every: Mapped[int] = mapped_column(default=300)  # seconds between pulls while on
    pull_cursor: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)  # where the next pull starts
    last_pull_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_push_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)  # in plain words; None after a good sync
    last_error_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    created_at: Mapped[timestamp]

    site: Mapped[Site] = relationship()


class OutboxItem(Base):
    """One decision on its way to the site, written in the decision's own transaction and
    delivered oldest first (moderator/moderation/outbox.py, moderator/connectors/sync.py).

    state: waiting → sending (marked before the request) → sent; held (the site changed the
    comment meanwhile: the moderator chooses); local (the site has no such action); dropped
    (the moderator took the site's state). A row is never deleted."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_state", "state", "id"),  # the drain: waiting rows, oldest first; the counts
        Index("ix_outbox_comment", "comment_id", "id"),
    )

    id: Mapped[intpk]
    connection_id: Mapped[int] = mapped_column(ForeignKey("connections.id"))
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id"))
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    operation: Mapped[str] = mapped_column(String(20))  # status, post, remove, repost
    status_after: Mapped[str] = mapped_column(String(20))  # the app's status the decision set
    reason: Mapped[str | None] = mapped_column(String(40))  # a hide's reason: which site status it maps to
    state: Mapped[str] = mapped_column(String(20), default="waiting")
    attempts: Mapped[int] = mapped_column(default=0)
    # What the site said when the row was held: its status and flag, in the app's words.
    site_status: Mapped[str | None] = mapped_column(String(20))
    site_flag: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")  # the last error, or why it stays local
    created_at: Mapped[timestamp]
    changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
class ExplanationCache(Base):
    """A comment's "Why?" for one model and label, kept so it is computed once (occlusion on a
    detoxify model takes seconds). `text_sha` is the sha256 of the text explained: a comment
    whose text changed (a redaction) is explained again."""

    __tablename__ = "explanations"

    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id"), primary_key=True)
    model_id: Mapped[int] = mapped_column(ForeignKey("scoring_models.id"), primary_key=True)
    label: Mapped[str] = mapped_column(String(40), primary_key=True)
    text_sha: Mapped[str] = mapped_column(String(64))
    explanation: Mapped[dict[str, object]] = mapped_column(JSON)  # moderator.scoring.explain.Explanation.as_json()
    created_at: Mapped[timestamp]


class ImportRun(Base):
    """An import under way (a row only while one runs, or was cut short by a crash).

    Its new comments wait in a staging file beside the database (storage/staging.py) while
    the file is read: `writing`. Once the whole file is in, they are moved into `comments`
    in short transactions: `publishing`. At the next start an import found `writing` is
    rolled back and one found `publishing` is completed. Ids are plain integers, not
    foreign keys: rolling back removes the sites and articles they point to."""

    __tablename__ = "imports"

    id: Mapped[intpk]
    phase: Mapped[str] = mapped_column(String(20))  # storage.staging.Phase
    path: Mapped[str] = mapped_column(Text)  # the file, as named to the import
    started_at: Mapped[timestamp]  # also the new comments' updated_at
    site_id: Mapped[int | None]  # the site its comments belong to, once known
    # Rows from these ids up were added by this import: removed if it is rolled back.
    first_site_id: Mapped[int]
    first_article_id: Mapped[int]
    # Staged comments are numbered from here; published, each takes its number + shift.
    first_comment_id: Mapped[int]
    shift: Mapped[int] = mapped_column(default=0)
    # Publishing: staged comments up to this number are in comments; staged changes to
    # comments up to this comment id are applied.
    published_to: Mapped[int] = mapped_column(default=0)
    updated_to: Mapped[int] = mapped_column(default=0)
    # Some replies could not be linked as they were written: link them once all are in.
    link_replies: Mapped[bool] = mapped_column(default=False)


class Claim(Base):
    """A comment a moderator has open, so that others leave it (moderation/claims.py): one
    holder per comment, until it is released or its time runs out (an app that died)."""

    __tablename__ = "claims"
    __table_args__ = (Index("ix_claims_moderator", "moderator"),)

    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id"), primary_key=True, autoincrement=False)
    moderator: Mapped[short_text]
    claimed_at: Mapped[timestamp]
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
