"""Word-list matching: one Aho-Corasick automaton over the folded entries of every list,
run on the folded comment; hits mapped back to the original text.

Keys carry their spaces (" vermin " for a word or phrase, " kill" for the stem `kill*`), and
the folded text has a space at either end and between words, so every match starts and
ends on a word boundary: "Scunthorpe" and "classic" never hit for what is inside them.
A key holds squeezed letters ("as" for "ass"); a match counts only where each letter's run
in the comment is at least as long as in the entry, so "as" is no hit for "ass".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from moderator.rules.hits import TextHit
from moderator.rules.normalise import Folded, coarse, fold_variants, fold_with_map


class EmptyEntry(ValueError):
    """A list entry that folds to nothing (only punctuation, symbols or invisible characters)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One list entry as the automaton holds it."""

    rule: str
    what: str
    runs: tuple[int, ...]  # each key letter's run length in the entry
    stem: bool


@dataclass(frozen=True, slots=True)
class EntryKeys:
    """The automaton keys of one entry: one, or two when a `1` in it reads as i or l."""

    keys: tuple[tuple[str, tuple[int, ...]], ...]
    stem: bool


# English contractions: a phrase matches written either way ("you are dead" / "you're dead").
LONG_FORMS = {"re": "are", "ll": "will", "ve": "have", "m": "am", "s": "is"}
SHORT_FORMS = {long: short for short, long in LONG_FORMS.items()}
CONTRACTED = re.compile(r"['’](re|ll|ve|m|s)\b", re.IGNORECASE)
UNCONTRACTED = re.compile(r"\b(are|will|have|am|is)\b", re.IGNORECASE)


def written_both_ways(phrase: str) -> list[str]:
    """The phrase, with its contractions spelt out, and contracted (only if it changes)."""
    if " " not in phrase.strip() and not CONTRACTED.search(phrase):
        return [phrase]
    spelt = CONTRACTED.sub(lambda m: " " + LONG_FORMS[m.group(1).lower()], phrase)
    contracted = UNCONTRACTED.sub(lambda m: "'" + SHORT_FORMS[m.group(1).lower()], spelt)
    return list(dict.fromkeys((phrase, spelt, contracted)))


def entry_keys(entry: str) -> EntryKeys:
    """The keys of a list entry; raises EmptyEntry if it folds to nothing."""
    text = entry.strip()
    stem = text.endswith("*")
    body = text.rstrip("*") if stem else text
    keys: dict[str, tuple[int, ...]] = {}
    for way in written_both_ways(body):
        for one, form in zip("il", fold_variants(way), strict=False):
            core = form.strip(" ")
            if not core:
                raise EmptyEntry(entry)
            runs = tuple(fold_with_map(way, one).runs[1:1 + len(core)])
            keys.setdefault(" " + core + ("" if stem else " "), runs)
    return EntryKeys(tuple(keys.items()), stem)


class Matcher:
    """Finds list entries in comments. Built once per set of lists (tens of milliseconds
    for ten thousand entries), then shared read-only."""

    def __init__(self, entries: Iterable[tuple[str, str, str]]) -> None:
        """`entries`: (rule, what, entry) triples; an entry that folds to nothing raises EmptyEntry."""
        self._automaton = ahocorasick.Automaton()
        found: dict[str, list[Entry]] = {}
        for rule, what, entry in entries:
            keys = entry_keys(entry)
            for key, runs in keys.keys:
                found.setdefault(key, []).append(Entry(rule, what, runs, keys.stem))
        # An ASCII comment is first looked at in its coarse form (normalise.coarse): most
        # have no hit, and this says so without folding them. A key outside ASCII cannot
        # match an ASCII comment's folded form.
        self._coarse = ahocorasick.Automaton()
        for key, owners in found.items():
            self._automaton.add_word(key, (len(key), tuple(owners)))
            if key.isascii():
                first_look = coarse(key.strip(" "))
                self._coarse.add_word(first_look.rstrip(" ") if is_stem_key(key) else first_look, True)
        self._empty = not found
        if found:
            self._automaton.make_automaton()
        self._coarse_empty = len(self._coarse) == 0
        if not self._coarse_empty:
            self._coarse.make_automaton()

    def hits(self, text: str) -> list[TextHit]:
        if self._empty or (text.isascii() and not self.may_hit_ascii(text)):
            return []
        return self.folded_hits(text)

    def may_hit_ascii(self, text: str) -> bool:
        """False when an ASCII text surely holds no entry (its coarse form holds no key's)."""
        return not self._coarse_empty and next(self._coarse.iter(coarse(text)), None) is not None

    def folded_hits(self, text: str) -> list[TextHit]:
        """The hits, found on the folded text (no first look)."""
        hits: set[TextHit] = set()
        for one, form in zip("il", fold_variants(text), strict=False):
            matches = list(self._automaton.iter(form))
            if matches:
                hits.update(self._confirmed(fold_with_map(text, one), matches))
        return sorted(hits, key=lambda hit: (hit.start, hit.end, hit.rule, hit.what))

    @staticmethod
    def _confirmed(folded: Folded, matches: list[tuple[int, tuple[int, tuple[Entry, ...]]]]) -> Iterable[TextHit]:
        for end, (length, owners) in matches:
            first = end - length + 2  # the key's first letter, after its leading space
            for owner in owners:
                if not _runs_fit(folded.runs, first, owner.runs):
                    continue
                last = _word_end(folded.text, first + len(owner.runs)) if owner.stem else first + len(owner.runs)
                start, stop = folded.original_span(first, last)
                yield TextHit(owner.rule, owner.what, start, stop)


def is_stem_key(key: str) -> bool:
    """Whether an automaton key is a stem's (`kill*` is " kill": no space after it)."""
    return not key.endswith(" ")


def _runs_fit(runs: list[int], first: int, wanted: tuple[int, ...]) -> bool:
    return all(runs[first + index] >= run for index, run in enumerate(wanted))


def _word_end(text: str, position: int) -> int:
    """Where the word that a stem matched the start of ends (the whole word is highlighted)."""
    return text.index(" ", position)
