"""The one normaliser: word lists and comment text are folded the same way before matching,
with a map back to the original text's character offsets for highlighting.

Steps (docs/rules.md says why each is there):
1. per character, one translation table built once: default-ignorable characters removed
   (zero-width, soft hyphen, joiners, variation selectors), compatibility folding
   (NFKD: fullwidth and mathematical letters, ligatures), accents and other combining marks
   removed, look-alike letters mapped to Latin (Unicode's confusables, shipped by
   `confusable_homoglyphs`), case folding; letters of scripts written without spaces
   (Chinese, Japanese, Thai…) become one word each;
2. every run of characters that are neither letters, digits, `$` nor `@` becomes one space
   (so phrases match across punctuation, and words are bounded by spaces);
3. digit and symbol substitutions inside words (`0→o 1→i 3→e 4→a 5→s 7→t $→s @→a`), only
   in words that hold a letter and no other digit, and never in `10th`, `4pm`, `1990s`:
   `1` reads as `i` and, in a second pass made only when a word had a `1`, as `l`;
4. runs of one repeated letter squeezed to one letter; each letter remembers how long
   its run was, so "ass" matches "a$$" and "aaasss" but not "as" (matcher.py checks it).

`fold(text)` is the fast form (no map) used on every comment; `fold_with_map(text)` is the
slow form with the offsets, run only on a comment that has a hit; a test holds them equal.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Unicode's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt, stable since 4.0).
IGNORABLE_RANGES = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
# Scripts written without spaces between words: each letter is a word of its own, so a
# list entry of several such letters matches as a phrase of one-letter words.
UNSPACED_RANGES = (
    (0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x3040, 0x30FF), (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFF),
)
TABLE_LIMIT = 0x30000  # above: only the ignorable tag characters, added separately

UNSPACED = re.compile("([" + "".join(f"{chr(low)}-{chr(high)}" for low, high in UNSPACED_RANGES) + "])")
# A word holding a digit or symbol; the lookbehind keeps the scan linear on long words.
LEET_WORD = re.compile(r"(?<![^ ])(?=[^ ]*[013457$@])[^ ]+")
LETTER = re.compile(r"[^\W\d_]")
NUMBER_WITH_UNIT = re.compile(r"\d+(?:st|nd|rd|th|s|am|pm|k|m|g|kg|km|mm|cm|ml|x|h|min|p|mb|gb|bn)", re.IGNORECASE)
SQUEEZE = re.compile(r"([^\W\d_])\1+")
SQUEEZE_ASCII = re.compile(r"([A-Za-z])\1+")  # the same on ASCII text, without Unicode's class lookups
ASCII_DOUBLES = tuple(letter * 2 for letter in "abcdefghijklmnopqrstuvwxyz")
MAY_LEET = re.compile(r"[013457$@]")  # else no word has a digit or symbol to read as a letter
SPACES = re.compile(r"  +")
LEET_I = str.maketrans("013457$@", "oieast" + "sa")
LEET_L = str.maketrans("013457$@", "oleast" + "sa")


def _strip_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
                   and unicodedata.category(c) != "Mn")


@lru_cache(maxsize=1)
def _latin_lookalikes() -> dict[str, str]:
    """Letter → the Latin letter it looks like, from the confusables data file (read once;
    its per-character API would cost a lookup per character per comment)."""
    data = json.loads(resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8"))
    lookalikes = {}
    for char, entries in data.items():
        if len(char) != 1 or char.isascii() or not unicodedata.category(char).startswith("L"):
            continue
        latin = [e["c"] for e in entries if len(e["c"]) == 1 and e["c"].isascii() and e["c"].isalpha()]
        if latin:
            lookalikes[char] = latin[0]
    return lookalikes


def _fold_char(char: str, lookalikes: dict[str, str]) -> str:
    category = unicodedata.category(char)
    if category in ("Mn", "Me"):  # an accent written apart: gone, the word stays whole
        return ""
    if category == "Mc":  # a vowel sign of Devanagari, Tamil…: part of its word
        return char
    text = _strip_marks(char)
    text = _strip_marks("".join(lookalikes.get(c, c) for c in text).casefold())
    return "".join(c if c.isalnum() or c in "$@" else " " for c in text)


def _may_change(char: str, lookalikes: dict[str, str]) -> bool:
    """A cheap first look, so the table's build folds only the characters that change."""
    return (not char.isalnum() or unicodedata.decomposition(char) != "" or char.casefold() != char
            or char in lookalikes or unicodedata.category(char) == "Mn")


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    """Step 1, and step 2's separators made spaces, as one table for str.translate: every
    character that changes (built once, about a second)."""
    table = _changes(range(TABLE_LIMIT), _latin_lookalikes())
    for low, high in IGNORABLE_RANGES:
        table.update((code, "") for code in range(low, high + 1))
    return table


@lru_cache(maxsize=1)
def ascii_table() -> dict[int, str]:
    """fold_table()'s ASCII part, built on its own (a comment in ASCII, most of them, then
    never waits for the whole table): no look-alike is ASCII, no ASCII character ignorable."""
    return _changes(range(0x80), {})


def _changes(codes: range, lookalikes: dict[str, str]) -> dict[int, str]:
    table: dict[int, str] = {}
    for code in codes:
        char = chr(code)
        if 0xD800 <= code < 0xE000 or code == 0x20 or not _may_change(char, lookalikes):
            continue
        folded = _fold_char(char, lookalikes)
        if folded != char:
            table[code] = folded
    return table


def _leet(word: str, table: dict[int, int]) -> str:
    """A word's digits and symbols read as letters, when it reads as a word (see step 3)."""
    if not LETTER.search(word) or NUMBER_WITH_UNIT.fullmatch(word) or _has_other_digit(word):
        return word
    return word.translate(table)


def _has_other_digit(word: str) -> bool:
    return any(c.isdigit() and c not in "013457" for c in word)


def leet_has_one(text: str) -> bool:
    """Whether a word of the spaced text reads a `1` as a letter (then `l` is tried too)."""
    return any("1" in word and _leet(word, LEET_I) != word for word in LEET_WORD.findall(text))


def _base(text: str) -> str:
    """Steps 1 and 2: folded, each word between single spaces, one space at either end."""
    if text.isascii():  # most comments: a byte table, ten times quicker than str.translate's dict
        folded = text.encode("ascii").translate(ascii_bytes()).decode("ascii")
    else:
        folded = UNSPACED.sub(r" \1 ", text.translate(fold_table()))
    return " " + " ".join(folded.split()) + " "


@lru_cache(maxsize=1)
def ascii_bytes() -> bytes:
    """`ascii_table()` as a bytes.translate table (every ASCII character folds to one ASCII character)."""
    table = bytearray(range(256))
    for code, folded in ascii_table().items():
        table[code] = ord(folded)
    return bytes(table)


def fold(text: str, one: str = "i") -> str:
    """The matching form of `text`: steps 1 to 4, reading a `1` inside a word as `one`."""
    return _finish(_base(text), LEET_I if one == "i" else LEET_L)


def fold_variants(text: str) -> list[str]:
    """The matching forms to search: one, or two when a word has a `1` read as a letter."""
    spaced = _base(text)
    forms = [_finish(spaced, LEET_I)]
    if "1" in spaced and leet_has_one(spaced):
        forms.append(_finish(spaced, LEET_L))
    return forms


def _finish(spaced: str, table: dict[int, int]) -> str:
    if MAY_LEET.search(spaced):
        spaced = LEET_WORD.sub(lambda m: _leet(m.group(), table), spaced)
    if spaced.isascii() and spaced.islower():  # every ASCII comment, folded
        return _squeezed_ascii(spaced)
    return (SQUEEZE_ASCII if spaced.isascii() else SQUEEZE).sub(r"\1", spaced)


def _squeezed_ascii(text: str) -> str:
    """Step 4 on lower-case ASCII: each doubled letter replaced until none is left (twice as
    quick as the pattern: a letter's runs never make another letter's)."""
    for double in ASCII_DOUBLES:
        if double in text:
            while double in text:
                text = text.replace(double, double[0])
    return text


# A coarser fold, for ASCII text only: separators made spaces, case folded, every digit and
# symbol read as its letter wherever it stands, `l` and `1` read as `i`, every run of a
# character squeezed. Each step only merges what fold() keeps apart or leaves as fold() has
# it, so coarse(fold(t)) == coarse(t): a comment whose coarse form holds no list entry's
# coarse form has no hit (matcher.py asks this first, in a third of fold()'s time).
COARSE_SUBSTITUTES = {"0": "o", "1": "i", "l": "i", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s", "@": "a"}


@lru_cache(maxsize=1)
def _coarse_bytes() -> bytes:
    table = bytearray(range(256))
    for code in range(0x80):
        char = chr(code)
        char = char.lower() if char.isalnum() or char in "$@" else " "
        table[code] = ord(COARSE_SUBSTITUTES.get(char, char))
    return bytes(table)


@lru_cache(maxsize=1)
def _coarse_doubles() -> tuple[str, ...]:
    return tuple(char * 2 for char in sorted(set(_coarse_bytes()[:0x80].decode("ascii"))))


def coarse(text: str) -> str:
    """The coarse form of an ASCII text (see COARSE_SUBSTITUTES), a space at either end."""
    folded = " " + text.encode("ascii").translate(_coarse_bytes()).decode("ascii") + " "
    for double in _coarse_doubles():
        if double in folded:
            while double in folded:
                folded = folded.replace(double, double[0])
    return folded


@dataclass(frozen=True, slots=True)
class Folded:
    """A matching form with, per character, where it came from in the original text
    (`starts[i]` to `ends[i]`) and how long the run of its letter was before squeezing."""

    text: str
    starts: list[int]
    ends: list[int]
    runs: list[int]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's span for the folded text's [start, end)."""
        return self.starts[start], self.ends[end - 1]


def fold_with_map(text: str, one: str = "i") -> Folded:
    """`fold(text, one)` with the map back to `text` (slow: used only on a comment with a hit)."""
    spaced, starts, ends = _base_with_map(text)
    leet = LEET_WORD.sub(lambda m: _leet(m.group(), LEET_I if one == "i" else LEET_L), spaced)
    return _squeezed_with_map(leet, starts, ends)


def _base_with_map(text: str) -> tuple[str, list[int], list[int]]:
    """`_base(text)`, each output character with its origin."""
    if text.isascii():  # one character for one: only the spaces to collapse
        folded = " " + text.translate(ascii_table()) + " "
        starts = [0, *range(len(text)), len(text)]
        return _collapsed(folded, starts, [0, *range(1, len(text) + 1), len(text)])
    table = fold_table()
    chars, starts, ends = [" "], [0], [0]
    for index, char in enumerate(text):
        for folded in table.get(ord(char), char):
            pieces = f" {folded} " if UNSPACED.match(folded) else folded
            for piece in pieces:
                if piece == " " and chars[-1] == " ":
                    ends[-1] = index + 1 if len(chars) > 1 else 0
                    continue
                chars.append(piece)
                starts.append(index)
                ends.append(index + 1)
    if chars[-1] != " " or len(chars) == 1:
        chars.append(" ")
        starts.append(len(text))
        ends.append(len(text))
    return "".join(chars), starts, ends


def _collapsed(text: str, starts: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    """Each run of spaces made one space (the first of the run stands for it)."""
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    position = 0
    for match in SPACES.finditer(text):
        out.append(text[position:match.start() + 1])
        new_starts += starts[position:match.start() + 1]
        new_ends += ends[position:match.start() + 1]
        position = match.end()
    out.append(text[position:])
    new_starts += starts[position:]
    new_ends += ends[position:]
    joined = "".join(out)
    if joined == " ":  # nothing but separators: two spaces, as _base gives
        return "  ", [0, len(text) - 2], [0, len(text) - 2]
    return joined, new_starts, new_ends


def _squeezed_with_map(text: str, starts: list[int], ends: list[int]) -> Folded:
    """Step 4 with the map: each run of a letter kept as its first, with the run's length."""
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    runs: list[int] = []
    position = 0
    for match in SQUEEZE.finditer(text):
        first, end = match.start(), match.end()
        out.append(text[position:first + 1])
        new_starts += starts[position:first + 1]
        new_ends += ends[position:first]
        new_ends.append(ends[end - 1])
        runs += [1] * (first - position)
        runs.append(end - first)
        position = end
    out.append(text[position:])
    new_starts += starts[position:]
    new_ends += ends[position:]
    runs += [1] * (len(text) - position)
    return Folded("".join(out), new_starts, new_ends, runs)


def runs_of(text: str, one: str = "i") -> list[int]:
    """Per character of `fold(text, one)`: how long its letter's run was (for list entries)."""
    return fold_with_map(text, one).runs


# What a model reads: the disguises undone, nothing else changed (no case folding, accents
# kept), so an ordinary comment is left exactly as it was and is scored once.
# A word holding a digit or symbol that may stand for a letter (anchored at the word's start).
MODEL_WORD = re.compile(r"(?<![\w$@])(?=[\w$@]*[013457$@])[\w$@]+")
MIXED_WORD = re.compile(r"\S+")
LONG_RUN = re.compile(r"([^\W\d_])\1{2,}")
# Four or more single letters spaced out, as in "f u c k" or "s.h.i.t": one word to a model.
SPACED_LETTERS = re.compile(r"(?<![^\W\d_])(?:[^\W\d_][ .*_-]){3,}[^\W\d_](?![^\W\d_])")
SPACERS = re.compile(r"[ .*_-]")


def for_model(text: str) -> str:
    """The comment with zero-width characters removed, fullwidth and mathematical letters
    made plain, look-alike letters made Latin in words that also hold Latin letters,
    digits and symbols inside words read as letters (`1` as `i`), and runs of three or more
    of one letter squeezed, four or more single letters spaced out joined: "іdі0t" → "idiot",
    "fuuuun" → "fun", "s h i t" → "shit". Unchanged when no disguise."""
    if text.isascii():
        cleaned = text
    else:
        cleaned = unicodedata.normalize("NFKC", text.translate(_ignorables()))
        cleaned = MIXED_WORD.sub(_latin_if_mixed, cleaned)
    cleaned = MODEL_WORD.sub(lambda m: _leet(m.group(), LEET_I), cleaned)
    cleaned = SPACED_LETTERS.sub(lambda m: SPACERS.sub("", m.group()), cleaned)
    return LONG_RUN.sub(r"\1", cleaned)


@lru_cache(maxsize=1)
def _ignorables() -> dict[int, None]:
    return {code: None for low, high in IGNORABLE_RANGES for code in range(low, high + 1)}


def _latin_if_mixed(match: re.Match[str]) -> str:
    word = match.group()
    if word.isascii() or not any("a" <= c.lower() <= "z" for c in word):
        return word
    lookalikes = _latin_lookalikes()
    return "".join(lookalikes.get(c, c) for c in word)

