"""Free-text search over comment bodies and author names.

THE ONE PLACE WITH SQLITE-ONLY SQL (FTS5; besides moderator/storage/fulltext.py, which
makes the indexes); PostgreSQL's own is moderator/reading/pgsearch.py, chosen by
`full_text` (FULL_TEXT: the database's name to its module). On SQLite, a search runs
against FTS5 indexes kept in step with comments by triggers:
- the word index `comments_fts`, ranked by bm25, for words written with spaces between them;
- the part index of bodies `comments_fts_grams` (trigrams) for the rest: a term with a
  character of a script written without spaces (Chinese, Japanese, Thai, …) makes the whole
  search one of parts (every term anywhere in the body), in time order;
- the part index of authors' names: a comment whose author's name holds every term ("Dave"
  in "DaveFromLeeds") matches too, after the others. (A search whose terms are split
  between the body's parts and the author's is not found.)
The part indexes only narrow: each candidate is checked against its comment.
Any other database gets the portable fallback: every term as a case-insensitive substring
(ILIKE), in time order.

What a moderator may type: words (all must match), "a phrase", prefix* (also
"a phras"*). Nothing typed can make a syntax error: every term is quoted for FTS5, and
OR / NOT / NEAR / parentheses are plain words.

Highlights are placed in Python for the rows on screen, on both backends: FTS5's own
snippet() re-runs the whole query per row (a prefix that expands to hundreds of words
costs milliseconds a row). Words are found as FTS5's unicode61 tokenizer finds them
(letters and digits, case and accents folded), parts (scripts without spaces, and every
term in author names) wherever they stand; MARK_START / MARK_END surround each match,
characters that never occur in imported text, for the GUI to paint.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    Select,
    String,
    Subquery,
    TableClause,
    and_,
    column,
    exists,
    func,
    literal,
    or_,
    select,
    table,
    union_all,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from moderator.storage.fulltext import SPACELESS_CLASS
from moderator.storage.models import Comment

MARK_START, MARK_END, ELLIPSIS = "\x02", "\x03", "…"
SNIPPET_WORDS = 24  # a long body is cut to about this many words around the first match

# A "quoted phrase" (the closing quote may be missing), with an optional * after it; or a word.
_TOKEN = re.compile(r'"([^"]*)"?(\*?)|([^\s"]+)')
WORD = re.compile(r"[^\W_]+")  # letters and digits: what unicode61 keeps; the rest separates words
_SPACELESS = re.compile(f"[{SPACELESS_CLASS}]")
GRAM = 3  # characters in a trigram: a shorter part is looked up by the trigrams it begins
NO_TRIGRAM = '"\x01\x01\x01"'  # a trigram no text holds: what a part no trigram begins stands for


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
        if WORD.search(phrase):
            found.append(Term(" ".join(phrase.split()), bool(star)))
    return found


def spaceless(term: Term) -> bool:
    """Is the term written in a script without spaces between words? Then it is a part, not a word."""
    return bool(_SPACELESS.search(term.text))


@dataclass(frozen=True)
class Match:
    """What a search looks up in the full-text indexes: its terms, every one of which must match."""
    found: tuple[Term, ...]

    @property
    def by_parts(self) -> bool:
        return any(spaceless(term) for term in self.found)

    def words(self) -> str:
        """The word index's MATCH expression."""
        return " ".join(term.fts() for term in self.found)


def fts_query(typed: str) -> Match | None:
    """What to look up (all terms must match), or None when nothing is searchable."""
    found = terms(typed)
    return Match(tuple(found)) if found else None


# Each database's own full-text search, in a module of its own with the same fts_matches;
# imported when used (PostgreSQL's costs nothing on SQLite). Any other database gets `like_condition`.
FULL_TEXT = {"sqlite": "moderator.reading.search", "postgresql": "moderator.reading.pgsearch"}


class FullText:
    """A database's full-text search: the matches (id, rank), their ids, a bounded count."""

    def __init__(self, module: str):
        loaded = importlib.import_module(module)
        self.fts_matches: Callable[[Match], Subquery] = loaded.fts_matches
        # The matches as a condition on each comment's row, where the database can say it so
        # (PostgreSQL: the row's own tsvector); None: `id IN (ids)` (SQLite: FTS5 is a table apart).
        self.row_condition: Callable[[Match], ColumnElement[bool]] | None = getattr(loaded, "row_condition", None)

    def ids(self, match: Match) -> Select[tuple[int]]:
        """The ids of every comment matching (for `id IN (...)`)."""
        return select(self.fts_matches(match).c.id)

    def count(self, session: Session, match: Match, bound: int) -> int:
        """How many comments match, counting no further than `bound` + 1 (cheap either way)."""
        return session.execute(select(func.count()).select_from(self.ids(match).limit(bound + 1).subquery())).scalar_one()


def full_text(session: Session) -> FullText | None:
    """The session's database's full-text search (None: it has none, `like_condition` serves)."""
    module = FULL_TEXT.get(session.get_bind().dialect.name)
    return FullText(module) if module else None


# --- SQLite: FTS5 ---------------------------------------------------------------------

_fts = table("comments_fts", column("rowid", Integer), column("rank", Float), column("comments_fts", String))
_grams = table("comments_fts_grams", column("rowid", Integer), column("comments_fts_grams", String))
_grams_terms = table("comments_fts_grams_terms", column("term", String))
_names = table("comments_fts_authors", column("id", Integer), column("name", String))
_name_grams = table("comments_fts_author_grams", column("rowid", Integer), column("comments_fts_author_grams", String))
_name_grams_terms = table("comments_fts_author_grams_terms", column("term", String))


def fts_matches(match: Match) -> Subquery:
    """(id, rank) of every comment matching; rank is bm25 (lower is better), 0 for a match by parts."""
    if match.by_parts:
        first = _by_body_parts(match)
        in_author = _by_author_parts(match).where(Comment.id.not_in(select(first.subquery().c.id)))  # not twice
        return union_all(first, in_author).subquery("fts")
    if any(term.prefix for term in match.found):
        return _by_words(match).subquery("fts")  # a prefix finds the beginning of a name already
    # Not twice: each of the author's comments looked up in the word index (a prefix would be
    # expanded again at each: why prefixes have no author parts; the set of all word matches
    # instead costs as much as the search again).
    in_author = _by_author_parts(match).where(~exists().where(
        _fts.c.comments_fts.op("MATCH")(match.words()), _fts.c.rowid == Comment.id))
    return union_all(_by_words(match), in_author).subquery("fts")


def _by_words(match: Match) -> Select[tuple[int, float]]:
    return select(_fts.c.rowid.label("id"), _fts.c.rank.label("rank")).where(
        _fts.c.comments_fts.op("MATCH")(match.words()))


def _by_body_parts(match: Match) -> Select[tuple[int, float]]:
    """Comments whose body holds every term as a part: the part index finds those with each
    term's trigrams, then each is checked against its comment."""
    expression = _parts_expression(match, _grams_terms)
    return (select(_grams.c.rowid.label("id"), literal(0.0, Float).label("rank"))
            .join(Comment, Comment.id == _grams.c.rowid)
            .where(_grams.c.comments_fts_grams.op("MATCH")(expression), *(_holds(Comment.body, t.text) for t in match.found)))


def _by_author_parts(match: Match) -> Select[tuple[int, float]]:
    """Comments whose author's name holds every term as a part: the names first (a fifth as
    many as comments), then their comments off the (author, …) index."""
    expression = _parts_expression(match, _name_grams_terms)
    names = (select(_names.c.name).join(_name_grams, _name_grams.c.rowid == _names.c.id)
             .where(_name_grams.c.comments_fts_author_grams.op("MATCH")(expression),
                    *(_holds(_names.c.name, t.text) for t in match.found)))
    return select(Comment.id.label("id"), literal(0.0, Float).label("rank")).where(Comment.author.in_(names))


def _parts_expression(match: Match, terms_table: TableClause) -> ColumnElement[str]:
    """An FTS5 MATCH expression: every term's trigrams (AND)."""
    expression: ColumnElement[str] = literal("(", String)
    for i, term in enumerate(match.found):
        expression = expression + (" AND " if i else "") + _part_expression(term.text, terms_table)
    return expression + ")"


def _part_expression(part: str, terms_table: TableClause) -> ColumnElement[str]:
    """A part as FTS5 trigrams: all of its own; one or two characters, any trigram they begin
    (texts are indexed with two spaces after them, so every part begins one)."""
    folded = part.lower()
    if len(folded) >= GRAM:
        grams = dict.fromkeys(folded[i:i + GRAM] for i in range(len(folded) - GRAM + 1))
        return literal("(" + " AND ".join(_quoted(gram) for gram in grams) + ")", String)
    term = terms_table.c.term
    quoted = literal('"', String) + func.replace(term, '"', '""') + '"'
    begun = (select(func.group_concat(quoted, " OR ")).select_from(terms_table)
             .where(term >= folded, term < folded + chr(0x10FFFF)).scalar_subquery())
    return literal("(", String) + func.coalesce(begun, NO_TRIGRAM) + ")"


def _quoted(gram: str) -> str:
    return '"' + gram.replace('"', '""') + '"'


def _holds(text_: ColumnElement[str] | InstrumentedAttribute[str], part: str) -> ColumnElement[bool]:
    return text_.like(pattern(part), escape="\\")


# --- Anything else: ILIKE ---------------------------------------------------------------

def like_condition(typed: str) -> ColumnElement[bool] | None:
    """Every term in the body or the author name, as a substring (prefix* is a substring too)."""
    found = terms(typed)
    if not found:
        return None
    return and_(*(or_(Comment.body.ilike(pattern(t.text), escape="\\"),
                      Comment.author.ilike(pattern(t.text), escape="\\")) for t in found))


def pattern(term: str) -> str:
    return "%" + re.sub(r"([\\%_])", r"\\\1", term) + "%"


# --- Both: highlights -------------------------------------------------------------------

def highlights(typed: str, rows: Sequence[tuple[int, str, str]]) -> dict[int, tuple[str, str]]:
    """Per (id, body, author) shown: (the body around the first match, the author), marked."""
    found = terms(typed)
    return {cid: (mark(body, found, SNIPPET_WORDS), mark(author, found, parts=True)) for cid, body, author in rows}


def mark(text_: str, found: Sequence[Term], limit: int | None = None, parts: bool = False) -> str:
    """`text_` with each match of the terms marked (as parts wherever they stand, if `parts`);
    cut to `limit` words around the first."""
    words = list(WORD.finditer(text_))
    folded = [_fold(w.group(0)) for w in words]
    spans = sorted({span for term in found for span in _char_spans(text_, words, folded, term, parts)})
    first, last = 0, len(words)
    if limit and len(words) > limit:
        at = next((i for i, w in enumerate(words) if spans and w.end() > spans[0][0]), 0)
        first = max(0, min(at, len(words) - limit) - limit // 4)
        last = first + limit
    start, stop = words[first].start() if first else 0, words[last - 1].end() if last < len(words) else len(text_)
    out, at = [ELLIPSIS] if first else [], start
    for begin, finish in spans:
        if begin >= at and finish <= stop:
            out += [text_[at:begin], MARK_START, text_[begin:finish], MARK_END]
            at = finish
    return "".join(out) + text_[at:stop] + (ELLIPSIS if last < len(words) else "")


def _char_spans(text_: str, words: list[re.Match[str]], folded: list[str], term: Term,
                parts: bool) -> list[tuple[int, int]]:
    if parts or spaceless(term):
        return _parts(text_, term.text)
    return [(words[start].start(), words[end - 1].end()) for start, end in _spans(folded, term)]


def _parts(text_: str, part: str) -> list[tuple[int, int]]:
    """Where `part` stands in `text_`, any case (none where lower case changes the text's length)."""
    lowered, wanted = text_.lower(), part.lower()
    if len(lowered) != len(text_) or not wanted:
        return []
    return [(found.start(), found.start() + len(wanted)) for found in re.finditer(re.escape(wanted), lowered)]


def _spans(folded: list[str], term: Term) -> list[tuple[int, int]]:
    """(first word, last word + 1) of each place the term's words stand in a row."""
    want = [_fold(w) for w in WORD.findall(term.text)]
    n = len(want)
    return [(i, i + n) for i in range(len(folded) - n + 1)
            if folded[i:i + n - 1] == want[:-1]
            and (folded[i + n - 1].startswith(want[-1]) if term.prefix else folded[i + n - 1] == want[-1])]


def _fold(word: str) -> str:
    """Case and accents folded, as unicode61 (remove_diacritics 2) does."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))
