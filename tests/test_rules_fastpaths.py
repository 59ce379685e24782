"""The text screen's quick paths (an import screens every comment) give exactly what the
plain steps give: the ASCII byte table and squeeze, the skipped digit pass, and the signs
checked before each pattern (moderator/rules/normalise.py, patterns.py)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from moderator.rules import normalise, patterns
from moderator.rules.hits import TextHit
from moderator.rules.matcher import Matcher

# Text made of what the patterns and the folding look at, so that hits are common.
PIECES = st.sampled_from([
    " ", "  ", "\n", ".", ",", "-", "/", "(", ")", "[", "]", "+", "@", "$", ":", "0", "1", "3", "4", "5", "7", "9",
    "12", "221b", "0049 30 1234567", "4111 1111 1111 1111", "555.123.4567", "Elm", "Street", "St", "Close", "Hill",
    "rue", "Rivoli", "Via", "Roma", "Hauptstraße", "str.", "www.", "https://", "example", ".com", "org", "at", "dot",
    "Jane", "doe", "sss", "aa", "Lll", "zZz", "i", "d", "o", "t", "ass", "vermin", "Ö", "é", "а", "ο", "\u200b", "天气",
    "14 Elm Street", "221B Upper Mill Lane", "Bahnhofstr. 12a", "5 bis avenue Foch", "Via Roma 10", "ul. Długa 5",
    "jane (at) example (dot) com", "call 07700 900461", "+33 (0)1 42 68 53 00", "4539-1488-0343-6467",
    "10 Downing Street", "cheap-pills.biz/buy", "e.g.", "3-1", "1990s", "4pm",
])
TEXT = st.lists(PIECES, max_size=25).map("".join)
ASCII_TEXT = st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=60)


def plain_base(text: str) -> str:
    folded = text.translate(normalise.fold_table())
    if not text.isascii():
        folded = normalise.UNSPACED.sub(r" \1 ", folded)
    return " " + " ".join(folded.split()) + " "


def plain_finish(spaced: str, table: dict[int, int]) -> str:
    leet = normalise.LEET_WORD.sub(lambda m: normalise._leet(m.group(), table), spaced)
    return normalise.SQUEEZE.sub(r"\1", leet)


def plain_pattern_hits(text: str) -> list[TextHit]:
    hits = [TextHit(patterns.PERSONAL_DATA, patterns.EMAIL, m.start(), m.end()) for m in patterns.EMAIL_RE.finditer(text)]
    hits += [TextHit(patterns.PERSONAL_DATA, patterns.EMAIL, m.start(), m.end())
             for m in patterns.SPELT_EMAIL_RE.finditer(text) if patterns.SPELT_AT.search(text)]
    taken = [(hit.start, hit.end) for hit in hits]
    links = []
    if re.search(r"[^\W_]\.[^\W\d_]|://", text):
        for match in patterns.LINK_RE.finditer(text):
            end = match.end()
            while end > match.start() and text[end - 1] in patterns.LINK_TRAILING:
                end -= 1
            links.append(TextHit(patterns.LINKS, patterns.LINK, match.start(), end))
    hits += [hit for hit in links if not patterns._overlaps(hit, taken)]
    if patterns.DIGIT.search(text):
        hits += patterns._numbers(text)
        famous = [(m.start(), m.end()) for m in patterns.FAMOUS_ADDRESSES.finditer(text)]
        hits += [hit for pattern in patterns.ADDRESS_RES for m in pattern.finditer(text)
                 if not patterns._overlaps(hit := TextHit(patterns.PERSONAL_DATA, patterns.ADDRESS, m.start(), m.end()), famous)]
    return sorted(hits, key=lambda hit: (hit.start, hit.end))


@settings(max_examples=400, deadline=None)
@given(st.one_of(TEXT, ASCII_TEXT))
def test_folding_takes_the_quick_path_to_the_same_form(text):
    spaced = normalise._base(text)
    assert spaced == plain_base(text)
    for table in (normalise.LEET_I, normalise.LEET_L):
        assert normalise._finish(spaced, table) == plain_finish(spaced, table)


@settings(max_examples=400, deadline=None)
@given(st.one_of(TEXT, ASCII_TEXT))
def test_patterns_checked_for_their_signs_first_find_the_same(text):
    assert patterns.pattern_hits(text) == plain_pattern_hits(text)


def test_the_ascii_table_is_the_whole_tables_ascii_part():
    assert normalise.ascii_table() == {code: folded for code, folded in normalise.fold_table().items() if code < 0x80}


def test_the_quick_paths_do_find_what_is_there():
    """The generated texts above would pass with both sides empty: the pieces do hit."""
    text = "Jane doe@example.com lives at 12 Elm Street, call 0049 30 1234567, see www.example.org"
    assert {hit.what for hit in patterns.pattern_hits(text)} == {
        patterns.EMAIL, patterns.ADDRESS, patterns.PHONE, patterns.LINK}
    assert normalise.fold("Th1s  A$$!!") == " this as "


# Entries as leads write them: words, phrases, stems, with doubled letters, digits and an `l`.
ENTRY_PIECES = st.sampled_from(["ass", "vermin", "kill", "ill", "lol", "a$$", "id1ot", "all", "sss", "b00b", "l1l",
                                "you will", "watch your back", "know where you live", "o", "t", "zz", "4am", "7"])
ENTRIES = st.lists(st.tuples(st.lists(ENTRY_PIECES, min_size=1, max_size=3).map(" ".join), st.booleans())
                   .map(lambda entry: entry[0] + ("*" if entry[1] else "")), min_size=1, max_size=6)
# Comments made of the same pieces, written every way folding undoes (case, runs, digits, punctuation).
ASCII_PIECES = st.sampled_from([" ", "  ", ".", ",", "'", "-", "!", "0", "1", "3", "4", "5", "7", "$", "@", "l", "L",
                                "i", "I", "Ass", "AASS", "a$$", "@ss", "verm1n", "VERMIN", "v3rmin", "ki11", "kil",
                                "killer", "skill", "1ll", "lo1", "you'll", "wi11", "watch", "y0ur", "bak", "back",
                                "where", "live", "l1ve", "zZz", "4am", "10th", "b0obs", "oil", "t", "o"])
ASCII_COMMENTS = st.lists(ASCII_PIECES, max_size=20).map("".join)


@settings(max_examples=400, deadline=None)
@given(ASCII_COMMENTS | ASCII_TEXT)
def test_the_coarse_form_of_the_folded_text_is_the_texts_own(text):
    """What the first look relies on: fold() only keeps apart what coarse() merges."""
    for one in "il":
        assert normalise.coarse(normalise.fold(text, one)) == normalise.coarse(text)


@settings(max_examples=400, deadline=None)
@given(ENTRIES, ASCII_COMMENTS | ASCII_TEXT)
def test_the_coarse_first_look_never_turns_a_hit_away(entries, text):
    matcher = Matcher(("suspect", entry, entry) for entry in entries)
    assert matcher.hits(text) == matcher.folded_hits(text)


def test_the_coarse_first_look_turns_most_comments_away():
    """The first look does its job: a plain comment is not folded; a disguised hit is found."""
    matcher = Matcher([("dehumanising", "vermin", "vermin"), ("threat", "live", "know where you live"),
                       ("banned", "kill", "kill*")])
    assert not matcher.may_hit_ascii("I think the article misses the point about 1234. Well said!")
    assert matcher.may_hit_ascii("They are V3RM1N!!")
    assert [hit.what for hit in matcher.hits("We KNOW where you l1ve. Ki11ers.")] == ["live", "kill"]
