"""The one normaliser (moderator/rules/normalise.py): each step, the map back to the
original offsets, and the words that must not match, as a table of cases."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderator.config import SEEDS_DIR
from moderator.rules.matcher import Matcher
from moderator.rules.normalise import fold, fold_variants, fold_with_map, for_model

# (what the case is about, text, its matching form)
FOLDING = [
    ("case", "IDIOT Idiot", " idiot idiot "),
    ("accents", "Tür café naïve", " tur cafe naive "),
    ("accents written apart", "nai\u0308ve cafe\u0301s", " naive cafes "),
    ("a vowel sign stays in its word", "नमस्ते दुनिया", " नमसत दनिया "),
    ("fullwidth symbols", "＄hit", " shit "),
    ("NFKC fullwidth", "ＩＤＩＯＴ", " idiot "),
    ("NFKC mathematical bold", "𝐢𝐝𝐢𝐨𝐭", " idiot "),
    ("ligature", "ﬁlth", " filth "),
    ("Cyrillic look-alikes", "іdіоt", " idiot "),
    ("Greek look-alikes", "ιdιοt", " idiot "),
    ("mixed scripts in one word", "vеrmіn", " vermin "),
    ("zero-width space inside a word", "ver\u200bmin", " vermin "),
    ("zero-width joiner inside a word", "ver\u200dmin", " vermin "),
    ("soft hyphen inside a word", "ver\u00admin", " vermin "),
    ("word joiner and BOM", "\ufeffver\u2060min", " vermin "),
    ("leetspeak digits", "v3rm1n", " vermin "),
    ("leetspeak symbols", "$cum", " scum "),
    ("at sign as a", "r@ts", " rats "),
    ("repeated letters squeezed", "verrrmiiiinnn", " vermin "),
    ("punctuation between words", "know, where... you live!", " know where you live "),
    ("underscore separates", "snake_case", " snake case "),
    ("scripts without spaces: one letter a word", "今天的天气", " 今 天 的 天 气 "),
    ("nothing to match", "!!! ...", "  "),
    ("empty", "", "  "),
]

# Numbers and symbols that are not disguised letters stay as they are.
NOT_LEET = [
    ("a year", "in 1990", " in 1990 "),
    ("a price", "$5.99", " $5 99 "),
    ("a score", "3-1", " 3 1 "),
    ("an ordinal", "the 10th of May", " the 10th of may "),
    ("a time", "at 4pm", " at 4pm "),
    ("a decade", "the 1990s", " the 1990s "),
    ("a number with another digit", "b2b", " b2b "),
]


@pytest.mark.parametrize(("about", "text", "folded"), FOLDING + NOT_LEET, ids=[c[0] for c in FOLDING + NOT_LEET])
def test_each_step_folds_as_documented(about, text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("text", ["k1ll", "1oser", "id1ot"])
def test_a_one_inside_a_word_is_read_as_i_and_as_l(text):
    forms = fold_variants(text)
    assert len(forms) == 2 and forms[0] == fold(text, "i") and forms[1] == fold(text, "l")


def test_a_text_without_a_one_in_a_word_is_folded_once():
    assert fold_variants("score 1-0 in 2011") == [fold("score 1-0 in 2011")]


# (entry, text that must hit, text that must not)
MATCHING = [
    ("idiot", "what an іd\u200bі0t", "idiotic"),
    ("vermin", "VERMIIIN", "verminous"),
    ("ass", "a$$", "as far as I know"),
    ("ass", "you aaasss", "assess Essex"),
    ("ass", "what an @ss", "classic"),
    ("cunt", "c u n t? no: cunt", "Scunthorpe"),
    ("loser", "1oser", "closer"),
    ("kill", "k1ll", "skill"),
    ("kill*", "killers", "skilled"),
    ("kill*", "k1ll3rs", "kiln"),
    ("know where you live", "I kn0w where  you...live", "you live where I know"),
    ("scum", "$cum", "scrum"),
    ("tit", "t1t", "title"),
    ("rats", "r@ts", "pirates"),
    ("天气", "今天的天气真好", "天真"),
]


@pytest.mark.parametrize(("entry", "hit", "miss"), MATCHING, ids=[f"{c[0]}:{c[1]}" for c in MATCHING])
def test_entries_match_whole_words_after_folding_and_nothing_inside_words(entry, hit, miss):
    matcher = Matcher([("banned_words", entry, entry)])
    assert matcher.hits(hit), (entry, hit)
    assert matcher.hits(miss) == [], (entry, miss)


WORDS_THAT_MUST_NOT_MATCH = [
    "Scunthorpe United won at home", "a classic of the genre", "we must assess the damage",
    "a village in Essex", "the cocktail bar in Penistone", "Middlesex and Sussex",
    "It cost $5 and 3 for £10", "the score was 3-1 in 2024", "write to jo@example.com",
    "the mass of the glass", "passion and compassion", "an assassin's creed", "Dickens' Bleak House",
]


def test_the_usual_false_friends_hit_nothing():
    matcher = Matcher([("banned_words", e, e) for e in ("ass", "cunt", "cock", "penis", "sex", "dick", "tit", "s3x")])
    for text in WORDS_THAT_MUST_NOT_MATCH:
        assert matcher.hits(text) == [], text


@pytest.mark.parametrize(("text", "span"), [
    ("You are an іd\u200bі0t!", "іd\u200bі0t"),
    ("ＩＤＩＯＴ.", "ＩＤＩＯＴ"),
    ("e\u0301 then idiooot, ok", "idiooot"),
    ("ß idiot ß", "idiot"),
])
def test_hits_are_mapped_back_to_the_original_text(text, span):
    hit, = Matcher([("banned_words", "idiot", "idiot")]).hits(text)
    assert text[hit.start:hit.end] == span


def _seed_texts() -> list[str]:
    lines = (SEEDS_DIR / "demo_comments.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line)["body"] for line in lines if line.strip()]


def test_the_fast_and_the_mapped_forms_agree_on_every_case_and_seed():
    texts = [c[1] for c in FOLDING + NOT_LEET + MATCHING] + [c[2] for c in MATCHING] + _seed_texts()
    for text in texts:
        for one in "il":
            mapped = fold_with_map(text, one)
            assert mapped.text == fold(text, one), text
            assert len(mapped.starts) == len(mapped.ends) == len(mapped.runs) == len(mapped.text)


@pytest.mark.parametrize(("text", "for_the_model"), [
    ("You іdіоt", "You idiot"),
    ("id1ot", "idiot"),
    ("ver\u200bmin", "vermin"),
    ("fuuuuun", "fun"),
    ("ＩＤＩＯＴ", "IDIOT"),
    ("Привет, как дела?", "Привет, как дела?"),
    ("Tür café", "Tür café"),
    ("It cost $5 in 2024, score 3-1.", "It cost $5 in 2024, score 3-1."),
])
def test_the_model_reads_the_disguise_undone_and_an_ordinary_comment_unchanged(text, for_the_model):
    assert for_model(text) == for_the_model


def test_ordinary_comments_reach_the_model_unchanged():
    unchanged = [text for text in _seed_texts() if for_model(text) == text]
    assert len(unchanged) >= 0.9 * len(_seed_texts())


@given(st.text(alphabet=st.sampled_from("aAsS1l0$@ .-_'\u200b\u00adіоаßﬁ１ＳX天9\n") | st.characters(), max_size=40))
@settings(max_examples=300, deadline=None)
def test_any_text_folds_the_same_both_ways_and_maps_inside_itself(text):
    for one in "il":
        mapped = fold_with_map(text, one)
        assert mapped.text == fold(text, one)
        assert all(0 <= start <= end <= len(text) for start, end in zip(mapped.starts, mapped.ends, strict=True))
