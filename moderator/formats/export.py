"""Hand decisions back to the site: every decision as one JSON object per line (or CSV row).

Each record carries the ids the source site knows its comments by (site key and
external id), so the site can apply it, and so can `moderator import` on another
machine (moderator.importing.decisions).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from moderator.errors import ModeratorError
from moderator.filemodes import written_aside
from moderator.formats.csvsafe import csv_file
from moderator.storage.models import Article, Comment, Decision, Site
from moderator.vocabulary import Action

FORMATS = ("jsonl", "csv")
FIELDS = ("decision_id", "comment_id", "site", "external_id", "article_external_id", "parent_external_id",
          "action", "reason", "note", "moderator", "source", "time", "status_before", "status_after",
          "reverts_decision_id", "reply_text")


class ExportedDecision(TypedDict):
    """One decision as a decisions file holds it: the FIELDS."""

    decision_id: int
    comment_id: int
    site: str
    external_id: str | None
    article_external_id: str
    parent_external_id: str | None
    action: str
    reason: str | None
    note: str
    moderator: str
    source: str
    time: str  # ISO 8601
    status_before: str | None
    status_after: str
    reverts_decision_id: int | None
    reply_text: str | None


def staff_external_id(parent_external_id: str | None, author: str, created_at: datetime, body: str) -> str:
    """A stable id for a staff comment written in the app (it has none at the source),
    so another database that imports the reply knows it again the next time."""
    key = "\x1f".join((parent_external_id or "", author, created_at.isoformat(), body))
    return "staff-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def decision_records(session: Session, since: datetime | None = None) -> Iterator[ExportedDecision]:
    """Oldest first, with the external ids the source site knows its comments by."""
    parent = aliased(Comment)
    query = (
        select(Decision, Comment, Site.key, Article.external_id, parent.external_id)
        .join(Comment, Comment.id == Decision.comment_id)
        .join(Site, Site.id == Comment.site_id)
        .join(Article, Article.id == Comment.article_id)
        .outerjoin(parent, parent.id == Comment.parent_id)
        .where(Decision.action != Action.FLAG)  # a rule's flag changes nothing the site shows (issue 14)
        .order_by(Decision.id)
        .execution_options(yield_per=1000)
    )
    if since is not None:
        query = query.where(Decision.created_at >= since)
    for decision, comment, site_key, article_external_id, parent_external_id in session.execute(query):
        yield _record(decision, comment, site_key, article_external_id, parent_external_id)


def _record(decision: Decision, comment: Comment, site_key: str, article_external_id: str,
            parent_external_id: str | None) -> ExportedDecision:
    external_id = comment.external_id
    if external_id is None and comment.is_staff:
        external_id = staff_external_id(parent_external_id, comment.author, comment.created_at, comment.body)
    return {
        "decision_id": decision.id,
        "comment_id": comment.id,
        "site": site_key,
        "external_id": external_id,
        "article_external_id": article_external_id,
        "parent_external_id": parent_external_id,
        "action": decision.action,
        "reason": decision.reason,
        "note": decision.note,
        "moderator": decision.moderator,
        "source": decision.source,
        "time": decision.created_at.isoformat(),
        "status_before": decision.status_before,
        "status_after": decision.status_after,
        "reverts_decision_id": decision.reverts_id,
        "reply_text": comment.body if comment.is_staff else None,
    }


def export_decisions(session: Session, out: Path, since: datetime | None = None, file_format: str = "jsonl") -> int:
    """Written aside and renamed, readable by its owner only; the CSV through the one
    writer that neutralises formula cells (moderator.formats.csvsafe)."""
    if file_format not in FORMATS:
        raise ModeratorError(f"Unknown export format '{file_format}'; use one of: {', '.join(FORMATS)}.")
    records = decision_records(session, since)
    if file_format == "csv":
        with csv_file(out, FIELDS) as writer:
            return _each(records, writer.record)
    with written_aside(out, "w", encoding="utf-8", newline="") as stream:
        return _each(records, lambda record: stream.write(json.dumps(record, ensure_ascii=False) + "\n"))


def _each(records: Iterator[ExportedDecision], write: Callable[[ExportedDecision], object]) -> int:
    count = 0
    for record in records:
        write(record)
        count += 1
    return count
