"""SQLite's full-text indexes of comments (FTS5), their triggers, and what a bulk import runs
instead of the insert trigger. Migrations 0004 (the word index) and 0010 (the part indexes)
create them; a change here is a new migration.

- `comments_fts`, the word index (unicode61: words, case and accents folded), external
  content over comments (body, author), ranked by bm25.
- `comments_fts_grams`, the part index of bodies (trigram: every three characters, case
  folded), for scripts written without spaces (Chinese, Japanese, Thai, …), where a word
  is any run of characters. Only bodies with a character of such a script (SPACELESS) are
  in it: an English body costs one cheap test (has it any byte above ASCII?).
- `comments_fts_authors`, every author's name once, and `comments_fts_author_grams`, its
  part index, for any part of a name ("Dave" in "DaveFromLeeds"): a million comments
  have a fifth as many names, and a name is indexed the first time it comes.
Both part indexes are contentless and keep no positions (detail=none): a search checks each
candidate against the comment itself. Every text is indexed with two spaces after it (PAD),
so that a part of one or two characters, shorter than a trigram, still begins one: its
trigrams are found in the index's fts5vocab table (`…_terms`) by their first characters.
"""

from __future__ import annotations

# Scripts whose words are not separated by spaces, or whose words carry their endings
# (Korean): (first, last) code points.
SPACELESS = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x0F00, 0x0FFF),  # Tibetan
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF66, 0xFF9F),  # half-width Katakana
    (0x20000, 0x2FA1F),  # CJK extensions B–F, compatibility supplement
)
SPACELESS_CLASS = "".join(f"{chr(first)}-{chr(last)}" for first, last in SPACELESS)  # for GLOB and re
PAD = "  "



def _spaceless(text: str) -> str:
    """SQL: has the text a character of a script without spaces? Bytes beyond its characters
    (anything not ASCII) first: cheap, and enough to pass over most English."""
    return f"(length(CAST({text} AS BLOB)) <> length({text}) AND {text} GLOB '*[{SPACELESS_CLASS}]*')"


WORDS_TABLE = """
CREATE VIRTUAL TABLE comments_fts USING fts5(
    body, author, content='comments', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
)
"""
GRAMS_TABLE = "CREATE VIRTUAL TABLE comments_fts_grams USING fts5(body, content='', tokenize='trigram', detail='none')"
GRAMS_TERMS = "CREATE VIRTUAL TABLE comments_fts_grams_terms USING fts5vocab(comments_fts_grams, row)"
AUTHORS_TABLE = "CREATE TABLE comments_fts_authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"
AUTHOR_GRAMS_TABLE = ("CREATE VIRTUAL TABLE comments_fts_author_grams USING fts5(name, content='', tokenize='trigram', "
                      "detail='none')")
AUTHOR_GRAMS_TERMS = "CREATE VIRTUAL TABLE comments_fts_author_grams_terms USING fts5vocab(comments_fts_author_grams, row)"
AUTHORS_TRIGGER = f"""CREATE TRIGGER comments_fts_authors_insert AFTER INSERT ON comments_fts_authors BEGIN
        INSERT INTO comments_fts_author_grams(rowid, name) VALUES (new.id, new.name || '{PAD}');
    END"""

_GRAMS_INSERT = (f"INSERT INTO comments_fts_grams(rowid, body) SELECT new.id, new.body || '{PAD}' "
                 f"WHERE {_spaceless('new.body')};")
_GRAMS_DELETE = (f"INSERT INTO comments_fts_grams(comments_fts_grams, rowid, body) SELECT 'delete', old.id, "
                 f"old.body || '{PAD}' WHERE {_spaceless('old.body')};")
_NAME_INSERT = "INSERT OR IGNORE INTO comments_fts_authors(name) VALUES (new.author);"  # names are never removed
# All indexes in one trigger each: a bulk import sets the insert trigger aside (importing/setaside.py).
# Only a change to body or author touches them: a decision (status, version) does not.
TRIGGERS = (
    f"""CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments BEGIN
        INSERT INTO comments_fts(rowid, body, author) VALUES (new.id, new.body, new.author);
        {_GRAMS_INSERT}
        {_NAME_INSERT}
    END""",
    f"""CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN
        INSERT INTO comments_fts(comments_fts, rowid, body, author) VALUES ('delete', old.id, old.body, old.author);
        {_GRAMS_DELETE}
    END""",
    f"""CREATE TRIGGER comments_fts_update AFTER UPDATE OF body, author ON comments BEGIN
        INSERT INTO comments_fts(comments_fts, rowid, body, author) VALUES ('delete', old.id, old.body, old.author);
        INSERT INTO comments_fts(rowid, body, author) VALUES (new.id, new.body, new.author);
        {_GRAMS_DELETE}
        {_GRAMS_INSERT}
        {_NAME_INSERT}
    END""",
)
TRIGGER_NAMES = ("comments_fts_insert", "comments_fts_delete", "comments_fts_update")
INDEXES = ("comments_fts", "comments_fts_grams", "comments_fts_author_grams")

# What the insert trigger does for one row, for the comments with ids in (?, ?].
INDEX_RANGE = (
    "INSERT INTO comments_fts(rowid, body, author) SELECT id, body, author FROM comments WHERE id > ? AND id <= ?",
    f"INSERT INTO comments_fts_grams(rowid, body) SELECT id, body || '{PAD}' FROM comments "
    f"WHERE id > ? AND id <= ? AND {_spaceless('body')}",
    "INSERT OR IGNORE INTO comments_fts_authors(name) SELECT author FROM comments WHERE id > ? AND id <= ?",
)
