"""Builders for the rules tests (issue 14): small generic CSV exports imported for real, and a
text screen that finds given words, standing in for moderator/rules/text.py where a test is
about the engine, not the text side."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from moderator.importing.run import import_file
from moderator.rules.hits import TextHit
from moderator.storage.models import Comment, Rule

HEADER = ("article_id", "article_title", "comment_id", "author", "author_email", "created_at", "body", "status")


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    """rows: comment_id, body, and optionally author, author_email, article_id, status, created_at."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for number, row in enumerate(rows, 1):
            writer.writerow((row.get("article_id", "a1"), "An article", row["comment_id"], row.get("author", f"reader{number}"),
                             row.get("author_email", ""), row.get("created_at", f"2026-01-01T10:{number % 60:02d}:00Z"),
                             row["body"], row.get("status", "pending")))
    return path


def import_rows(session: Session, tmp_path: Path, rows: list[dict[str, str]], name: str = "comments.csv") -> dict[str, int]:
    """Import rows as a generic CSV (the real import, rules included) → external id → comment id."""
    import_file(session, write_csv(tmp_path / name, rows), "csv")
    session.commit()
    return {external: cid for external, cid in session.execute(select(Comment.external_id, Comment.id))}


class WordScreen:
    """Finds whole words of given lists: {"banned_words": {"vermin"}, "links": {"http"}}; the
    TextHit's `what` is as the text side words it ("banned word 'vermin'")."""

    WHAT = {"banned_words": "banned word", "suspect_words": "suspect word", "dehumanising": "dehumanising term",
            "threats": "threatening phrase", "personal_data": "personal data", "links": "link"}

    def __init__(self, lists: dict[str, set[str]]):
        self.lists = lists

    def hits(self, text: str) -> list[TextHit]:
        found = []
        for match in re.finditer(r"\w+", text):
            for rule, words in self.lists.items():
                if match.group().lower() in words:
                    found.append(TextHit(rule, f"{self.WHAT[rule]} '{match.group().lower()}'", match.start(), match.end()))
        return found

    def __call__(self, connection: object, site_id: int) -> WordScreen:
        return self


def set_rules(session: Session, **enabled: bool) -> None:
    for key, on in enabled.items():
        session.execute(update(Rule).where(Rule.key == key).values(enabled=on))
    session.commit()
