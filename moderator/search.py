"""Free-text search over comment bodies and author names.

THE ONE PLACE WITH SQLITE-ONLY SQL (FTS5). On SQLite, a search runs against the
`comments_fts` index (made and kept in step by migration 0004): ranked by bm25 and
highlighted by FTS5. Any other database (PostgreSQL in team mode) gets the portable
fallback: every term as a case-insensitive substring (ILIKE), in time order, and marks
placed in Python.

What a moderator may type: words (all must match), "a phrase", prefix* (also
"a phras"*). Nothing typed can make a syntax error: every term is quoted for FTS5, and
OR / NOT / NEAR / parentheses are plain words. Marks around matches are MARK_START and
MARK_END, characters that never occur in imported text, for the GUI to paint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import ColumnElement, Subquery, and_, bindparam, column, literal_column, or_, select, table, text
from sqlalchemy.orm import Session

from moderator.storage.models import Comment

MARK_START, MARK_END, ELLIPSIS = "\x02", "\x03", "…"
SNIPPET_TOKENS = 16  # words around the match in a snippet

# A "quoted phrase" (the closing quote may be missing), with an optional * after it; or a word.
_TOKEN = re.compile(r'"([^"]*)"?(\*?)|([^\s"]+)')


@dataclass(frozen=True)
class Term:
    text: str
    prefix: bool = False

    def fts(self) -> str:
        """Quoted for FTS5 (a quote inside is doubled): its tokenizer splits it into a phrase."""
        return '"' + self.text.replace('"', '""') + '"' + ("*" if self.prefix else "")


def terms(typed: str) -> list[Term]:
    """What the moderator typed, as terms; those with nothing searchable (only punctuation) are dropped."""
    found = []
    for phrase, star, word in _TOKEN.findall(typed):
        if word:
            phrase, star = word.rstrip("*"), "*" if word.endswith("*") else ""
        if any(ch.isalnum() for ch in phrase):
            found.append(Term(" ".join(phrase.split()), bool(star)))
    return found


def fts_query(typed: str) -> str | None:
    """An FTS5 MATCH expression (all terms must match), or None when nothing is searchable."""
    found = terms(typed)
    return " ".join(term.fts() for term in found) if found else None


def uses_fts(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


# --- SQLite: FTS5 ---------------------------------------------------------------------

_fts = table("comments_fts", column("rowid"), column("rank"))


def fts_matches(query: str) -> Subquery:
    """(id, rank) of every comment matching; rank is bm25, lower is better."""
    return (select(_fts.c.rowid.label("id"), _fts.c.rank.label("rank"))
            .where(text("comments_fts MATCH :fts_query").bindparams(fts_query=query))
            .subquery("fts"))


def _fts_marks(session: Session, query: str, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    marks = (f"'{MARK_START}'", f"'{MARK_END}'")
    rows = session.execute(
        select(_fts.c.rowid,
               literal_column(f"snippet(comments_fts, 0, {marks[0]}, {marks[1]}, '{ELLIPSIS}', {SNIPPET_TOKENS})"),
               literal_column(f"highlight(comments_fts, 1, {marks[0]}, {marks[1]})"))
        .where(text("comments_fts MATCH :fts_query").bindparams(fts_query=query),
               _fts.c.rowid.in_(bindparam("ids", expanding=True)))
        , {"ids": list(ids)})
    return {row[0]: (row[1], row[2]) for row in rows}


# --- Anything else: ILIKE ---------------------------------------------------------------

def like_condition(typed: str) -> ColumnElement[bool] | None:
    """Every term in the body or the author name, as a substring (prefix* is a substring too)."""
    found = terms(typed)
    if not found:
        return None
    return and_(*(or_(Comment.body.ilike(_pattern(t.text), escape="\\"),
                      Comment.author.ilike(_pattern(t.text), escape="\\")) for t in found))


def _pattern(term: str) -> str:
    return "%" + re.sub(r"([\\%_])", r"\\\1", term) + "%"


def mark(text_: str, found: Sequence[Term], limit: int | None = None) -> str:
    """`text_` with every term marked (the fallback's highlight), cut to about `limit` characters."""
    pattern = re.compile("|".join(re.escape(t.text) for t in found), re.IGNORECASE) if found else None
    if pattern is None:
        return text_[:limit] if limit else text_
    if limit and len(text_) > limit:
        first = pattern.search(text_)
        start = max(0, first.start() - limit // 3) if first else 0
        text_ = (ELLIPSIS if start else "") + text_[start:start + limit] + ELLIPSIS
    return pattern.sub(lambda m: MARK_START + m.group(0) + MARK_END, text_)


# --- Both -----------------------------------------------------------------------------

def highlights(session: Session, typed: str, rows: Sequence[tuple[int, str, str]]) -> dict[int, tuple[str, str]]:
    """(snippet of the body, author name) with matches marked, per (id, body, author) shown."""
    if uses_fts(session):
        query = fts_query(typed)
        return _fts_marks(session, query, [row[0] for row in rows]) if query and rows else {}
    found = terms(typed)
    return {cid: (mark(body, found, limit=SNIPPET_TOKENS * 8), mark(author, found)) for cid, body, author in rows}
