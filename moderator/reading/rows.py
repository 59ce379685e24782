"""The frozen rows the read side returns: plain values, safe to hand across threads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ArticleRow:
    id: int
    headline: str
    section: str | None
    published_at: datetime | None
    pending: int
    approved: int
    hidden: int
    highest: float | None = None  # the active model's highest main score among its comments
    unscored: int = 0  # its comments the active model has not scored yet


@dataclass(frozen=True)
class ArticleDetail:
    id: int
    external_id: str
    headline: str
    standfirst: str
    body: str
    section: str | None
    published_at: datetime | None
    comment_prompt: str
    comment_call: str

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p.strip()]


@dataclass(frozen=True)
class CommentRow:
    id: int
    article_id: int
    parent_id: int | None
    external_id: str | None
    author: str
    is_staff: bool
    body: str
    created_at: datetime
    status: str
    version: int
    article_headline: str = ""
    score: float | None = None  # the active model's main label; None until it has scored this
    # What the card shows beside the text (reading/cardmarks.py): the rule that flagged it, featured,
    # the first thing the rules found in it ("banned word 'vermin'") and how many different things.
    flag: str | None = None
    featured: bool = False
    reason: str | None = None
    reasons: int = 0

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "external_id": self.external_id,
            "article_id": self.article_id,
            "article": self.article_headline,
            "parent_id": self.parent_id,
            "author": self.author,
            "is_staff": self.is_staff,
            "created_at": self.created_at.isoformat(),
            "status": self.status,
            "version": self.version,  # what `moderator decide --if-version` takes
            "body": self.body,
        }


@dataclass(frozen=True)
class DecisionRow:
    id: int
    comment_id: int
    action: str
    reason: str | None
    note: str
    moderator: str
    source: str
    created_at: datetime
    status_before: str | None
    status_after: str
    reverts_id: int | None
