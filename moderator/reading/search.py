"""Free-text search over comment bodies and author names.

THE ONE PLACE WITH SQLITE-ONLY SQL (FTS5; besides migration 0004, which makes the index).
On SQLite, a search runs against `comments_fts`, an FTS5 index kept in step with comments
by triggers, ranked by bm25. Any other database (PostgreSQL in team mode) gets the
portable fallback: every term as a case-insensitive substring (ILIKE), in time order.

What a moderator may type: words (all must match), "a phrase", prefix* (also
"a phras"*). Nothing typed can make a syntax error: every term is quoted for FTS5, and
OR / NOT / NEAR / parentheses are plain words.

Highlights are placed in Python for the rows on screen, on both backends: FTS5's own
snippet() re-runs the whole query per row (a prefix that expands to hundreds of words
costs milliseconds a row). Words are found as FTS5's unicode61 tokenizer finds them
(letters and digits, case and accents folded); MARK_START / MARK_END surround each
match, characters that never occur in imported text, for the GUI to paint.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Float, Integer, Select, Subquery, TextClause, and_, column, func, or_, select, table, text
from sqlalchemy.orm import Session

from moderator.storage.models import Comment

MARK_START, MARK_END, ELLIPSIS = "\x02", "\x03", "…"
SNIPPET_WORDS = 24  # a long body is cut to about this many words around the first match

# A "quoted phrase" (the closing quote may be missing), with an optional * after it; or a word.
_TOKEN = re.compile(r'"([^"]*)"?(\*?)|([^\s"]+)')
_WORD = re.compile(r"[^\W_]+")  # letters and digits: what unicode61 keeps; the rest separates words


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
        if _WORD.search(phrase):
            found.append(Term(" ".join(phrase.split()), bool(star)))
    return found


def fts_query(typed: str) -> str | None:
    """An FTS5 MATCH expression (all terms must match), or None when nothing is searchable."""
    found = terms(typed)
    return " ".join(term.fts() for term in found) if found else None


def uses_fts(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


# --- SQLite: FTS5 ---------------------------------------------------------------------

_fts = table("comments_fts", column("rowid", Integer), column("rank", Float))


def _matching(query: str) -> TextClause:
    return text("comments_fts MATCH :fts_query").bindparams(fts_query=query)


def fts_matches(query: str) -> Subquery:
    """(id, rank) of every comment matching; rank is bm25, lower is better."""
    return select(_fts.c.rowid.label("id"), _fts.c.rank.label("rank")).where(_matching(query)).subquery("fts")


def fts_ids(query: str) -> Select[int]:
    """The ids of every comment matching (for `id IN (...)`)."""
    return select(_fts.c.rowid).where(_matching(query))


def fts_count(session: Session, query: str, bound: int) -> int:
    """How many comments match, counting no further than `bound` + 1 (cheap either way)."""
    return session.execute(select(func.count()).select_from(fts_ids(query).limit(bound + 1).subquery())).scalar_one()


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


# --- Both: highlights -------------------------------------------------------------------

def highlights(typed: str, rows: Sequence[tuple[int, str, str]]) -> dict[int, tuple[str, str]]:
    """Per (id, body, author) shown: (the body around the first match, the author), marked."""
    found = terms(typed)
    return {cid: (mark(body, found, SNIPPET_WORDS), mark(author, found)) for cid, body, author in rows}


def mark(text_: str, found: Sequence[Term], limit: int | None = None) -> str:
    """`text_` with each match of the terms marked; cut to `limit` words around the first."""
    words = list(_WORD.finditer(text_))
    folded = [_fold(w.group(0)) for w in words]
    spans = sorted(span for term in found for span in _spans(folded, term))
    first, last = 0, len(words)
    if limit and len(words) > limit:
        first = max(0, min(spans[0][0] if spans else 0, len(words) - limit) - limit // 4)
        last = first + limit
    out, at = [ELLIPSIS] if first else [], words[first].start() if first else 0
    for start, end in (s for s in spans if first <= s[0] and s[1] <= last):
        begin, finish = words[start].start(), words[end - 1].end()
        if begin >= at:
            out += [text_[at:begin], MARK_START, text_[begin:finish], MARK_END]
            at = finish
    stop = words[last - 1].end() if last < len(words) else len(text_)
    return "".join(out) + text_[at:stop] + (ELLIPSIS if last < len(words) else "")


def _spans(folded: list[str], term: Term) -> list[tuple[int, int]]:
    """(first word, last word + 1) of each place the term's words stand in a row."""
    want = [_fold(w) for w in _WORD.findall(term.text)]
    n = len(want)
    return [(i, i + n) for i in range(len(folded) - n + 1)
            if folded[i:i + n - 1] == want[:-1]
            and (folded[i + n - 1].startswith(want[-1]) if term.prefix else folded[i + n - 1] == want[-1])]


def _fold(word: str) -> str:
    """Case and accents folded, as unicode61 (remove_diacritics 2) does."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))
