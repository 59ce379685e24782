"""Free-text search on PostgreSQL: its own text search over `comments.fts_words` (a tsvector
of body and author with a GIN index, moderator/storage/pgparts.py), ranked by ts_rank, as
SQLite's FTS5 is by bm25 (moderator/reading/search.py, which also places the highlights
for both).

The same terms as on SQLite: words (all must match), "a phrase" (its words in a row:
`<->`), prefix* (`:*`). A term in a script written without spaces (Chinese, Japanese,
Thai, …) is a part anywhere in the body, found by substring (a trigram index of the bodies
that hold such characters serves it, migration 0017); and as on SQLite, a comment
whose author's name holds every term as a part ("Dave" in "DaveFromLeeds") is found too,
after the others. The query is built from the words alone (letters and digits), so nothing
typed can be a syntax error.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Subquery,
    and_,
    column,
    func,
    literal,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import InstrumentedAttribute

from moderator.reading.search import WORD, Match, Term, pattern, spaceless
from moderator.storage.models import Comment
from moderator.storage.pgparts import SPACELESS_PATTERN, TEXT_SEARCH_CONFIG, WORDS_COLUMN

# ts_rank divided by 1 + the log of the number of distinct words: as bm25, a short comment
# that holds the words ranks above a long one that mentions them once.
RANK_NORMALIZATION = 16
_words = column(WORDS_COLUMN, TSVECTOR)  # comments.fts_words: not in the models (SQLite has none)


def tsquery(match: Match) -> str:
    """The terms as a tsquery: each term's words in a row, the last one a prefix if starred;
    the terms joined by AND. Words are letters and digits only, and quoted."""
    return " & ".join(f"({_phrase(term)})" for term in match.found if not spaceless(term))


def _phrase(term: Term) -> str:
    words = [word.lower() for word in WORD.findall(term.text)]
    quoted = [f"'{word}'" for word in words]
    if term.prefix:
        quoted[-1] += ":*"
    return " <-> ".join(quoted)


def fts_matches(match: Match) -> Subquery:
    """(id, rank) of every comment matching; rank is minus ts_rank (lower is better, as bm25),
    0 for a match by parts only."""
    query = _tsquery(match)
    if query is not None:
        rank = -func.ts_rank(_words, query, RANK_NORMALIZATION)
        in_body = select(Comment.id.label("id"), rank.cast(Float).label("rank")).where(_in_body(match, query))
    else:
        in_body = select(Comment.id.label("id"), literal(0.0, Float).label("rank")).where(_in_body(match, query))
    in_author = select(Comment.id.label("id"), literal(0.0, Float).label("rank")).where(
        _in_author(match), Comment.id.not_in(select(in_body.subquery().c.id)))
    return union_all(in_body, in_author).subquery("fts")


def row_condition(match: Match) -> ColumnElement[bool]:
    """The same matches as a condition on each comment's own row (its stored tsvector, its
    texts): what filters a queue read in its sort's order when many comments match (a set
    of 100,000 ids made first cost seconds; a page of the newest checks a few thousand rows)."""
    return or_(_in_body(match, _tsquery(match)), _in_author(match))


def _tsquery(match: Match) -> ColumnElement[Any] | None:
    if not any(not spaceless(term) for term in match.found):
        return None
    return func.to_tsquery(literal_column(f"'{TEXT_SEARCH_CONFIG}'::regconfig"), tsquery(match))


def _in_body(match: Match, query: ColumnElement[Any] | None) -> ColumnElement[bool]:
    """Every word in the tsvector, every part in the body."""
    parts = [term for term in match.found if spaceless(term)]
    held: list[ColumnElement[bool]] = [_words.op("@@")(query)] if query is not None else []
    if parts:  # the condition of the bodies' part index (0017), so that it serves
        held.append(Comment.body.op("~")(literal_column(SPACELESS_PATTERN)))
    return and_(*held, *(_holds(Comment.body, term.text) for term in parts))


def _in_author(match: Match) -> ColumnElement[bool]:
    """Every term a part of the author's name."""
    held = [_holds(Comment.author, term.text) for term in match.found]
    if match.by_parts:  # a name holding a part in a script without spaces: its own index (0017)
        held.append(Comment.author.op("~")(literal_column(SPACELESS_PATTERN)))
    return and_(*held)


def _holds(text_: InstrumentedAttribute[str], part: str) -> ColumnElement[bool]:
    """The part anywhere in the text, any case (trigram indexes serve it)."""
    return text_.ilike(pattern(part), escape="\\")
