"""Built-in detectors for what a profanity model cannot see: personal data (phone numbers,
e-mail addresses, street addresses, card numbers) and links. Each finds spans in the
ORIGINAL text; each pattern is anchored on something specific (an `@`, a `+`, a street
word, a leading 0) and has no nested repetition, so none can backtrack badly.

Numbers that are not personal data are left alone: prices, years, dates, times, scores
("3-1"), thousands ("1,234,567"), article and order numbers (a long number with no phone
shape and no "call me" before it), and digit runs that fail the card check (Luhn).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from moderator.rules.hits import TextHit

PERSONAL_DATA, LINKS = "personal_data", "links"
PHONE, EMAIL, ADDRESS, CARD, LINK = "phone number", "e-mail address", "street address", "card number", "link"

EMAIL_RE = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}@[^\W_](?:[\w-]{0,62}[^\W_])?(?:\.[^\W_](?:[\w-]{0,62}[^\W_])?)*\.[^\W\d_]{2,24}\b")
SPELT_AT = re.compile(r"[\[(]\s?at\s?[\])]", re.IGNORECASE)  # "jane (at) example (dot) com"
SPELT_EMAIL_RE = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}\s?[\[(]\s?at\s?[\])]\s?[\w-]{1,63}(?:\s?[\[(]\s?dot\s?[\])]\s?[\w-]{1,63}){1,4}",
    re.IGNORECASE)
TLDS = ("com|net|org|info|biz|io|co|uk|de|fr|nl|be|ch|at|it|es|pt|pl|se|no|dk|fi|ie|eu|ru|ua|cz|"
        "xyz|top|shop|online|site|club|live|ly|me|tv|us|ca|au|in|cn|jp|app|dev|link|click|gg|to")
LINK_RE = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"]{2,2000}"
    r"|(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.){1,4}(?:" + TLDS + r")\b(?:/[^\s<>\"]{0,2000})?",
    re.IGNORECASE)
LINK_TRAILING = ".,;:!?)]}'\"’”"
DIGIT = re.compile(r"\d")
# A dot inside a word, or a scheme: else no link to look for. Written dot first (the word's
# letter before it looked behind for from there): a pattern that starts with a literal is
# scanned for it at C speed, ten times quicker than a lookbehind tried at every character.
DOT_IN_WORD = re.compile(r"\.(?<=[^\W_]\.)[^\W\d_]")

# A run of digits with the separators phone numbers are written with; + or 00 or 0 in front.
NUMBER_RUN = re.compile(r"(?<![\w+.,/-])(?:\+|\(\+?)?\d[\d \-./()]{5,22}\d(?![\w]|[.,]\d)")
DATE_OR_TIME = re.compile(
    r"\d{1,4}[-./]\d{1,2}[-./]\d{1,4}(?:\s+\d{1,2}[:.]\d{2})?|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?")
NORTH_AMERICAN = re.compile(r"\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}")
PHONE_WORDS = re.compile(r"(?:phone|tel|telephone|mobile|cell|call|ring|text|whatsapp|number|fax|handy|tél|"
                         r"numéro|telefon|nummer)\b[^\d\n]{0,20}$", re.IGNORECASE)
NOT_PHONE_BEFORE = re.compile(r"(?:isbn|issn|art|article|item|order|ref|reference|invoice|case|no|nr|id|"
                              r"sku|serial|model|page|pages|pp|§|[$€£¥]|usd|eur|gbp|chf)\W{0,3}$", re.IGNORECASE)
CARD_RUN = re.compile(r"(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])")
# Found in every phone-number run and card run: else neither is looked for (most texts with a digit).
MAY_NUMBER = re.compile(r"\d[\d \-./()]{5,22}\d")

STREET_WORDS = ("Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Crescent|Cres|Place|Pl|Court|Ct|"
                "Terrace|Gardens|Boulevard|Blvd|Grove|Row|Square|Sq|Hill|Mews|Walk|Parade|Park")
ADDRESS_RES = (
    # 14 Elm Street, 221B Baker St, 3 Upper Mill Lane
    re.compile(r"\b\d{1,4}[A-Za-z]?,?\s(?:[A-Z][\w'’-]{1,30}\s){1,3}(?:" + STREET_WORDS + r")\b\.?"),
    # Hauptstraße 5, Bahnhofstr. 12a, Kerkstraat 12, Storgatan 3
    re.compile(r"\b[A-ZÄÖÜÅÆØ][\w-]{0,30}(?:straße|strasse|str\.|gasse|weg|allee|platz|ring|damm|straat|laan|"
               r"gracht|plein|kade|vej|gade|gatan|vägen|veien)\s\d{1,4}\s?[a-z]?\b"),
    # 12 rue de Rivoli, 5 bis avenue Foch, 3 place du Marché
    re.compile(r"\b\d{1,4}(?:\s?bis|\s?ter)?,?\s(?:rue|avenue|av\.|boulevard|bd|chemin|allée|impasse|place|quai|"
               r"cours)\s(?:[\w'’-]{1,30}\s){0,3}[\w'’-]{2,30}", re.IGNORECASE),
    # Via Roma 10, Calle Mayor 3, ul. Długa 5, Rua Augusta 20
    re.compile(r"\b(?:Via|Viale|Piazza|Corso|Calle|Avenida|Plaza|Paseo|Rua|Travessa|ul\.|ulica|Carrer)\s"
               r"(?:[\w'’-]{1,30}\s){1,3}\d{1,4}[a-z]?\b"),
)
# What each of ADDRESS_RES cannot match without (quick scans): most texts have none.
ADDRESS_SIGNS = (
    re.compile(r"\d[A-Za-z]?,?\s[A-Z]"),
    re.compile(r"(?:straße|strasse|str\.|gasse|weg|allee|platz|ring|damm|straat|laan|gracht|plein|kade|vej|gade|"
               r"gatan|vägen|veien)\s\d"),
    re.compile(r"\s(?:rue|avenue|av\.|boulevard|bd|chemin|allée|impasse|place|quai|cours)\s", re.IGNORECASE),
    re.compile(r"(?:Via|Viale|Piazza|Corso|Calle|Avenida|Plaza|Paseo|Rua|Travessa|ul\.|ulica|Carrer)\s"),
)
FAMOUS_ADDRESSES = re.compile(r"10 Downing Street|1600 Pennsylvania Avenue|221B Baker Street", re.IGNORECASE)


def pattern_hits(text: str) -> list[TextHit]:
    """Every personal-data and link hit in `text`, in text order."""
    hits = list(_emails(text))
    taken = [(hit.start, hit.end) for hit in hits]
    hits += [hit for hit in _links(text) if not _overlaps(hit, taken)]
    if DIGIT.search(text):
        if MAY_NUMBER.search(text):
            hits += _numbers(text)
        hits += _addresses(text)
    return sorted(hits, key=lambda hit: (hit.start, hit.end))


def _overlaps(hit: TextHit, spans: list[tuple[int, int]]) -> bool:
    return any(hit.start < end and start < hit.end for start, end in spans)


def _emails(text: str) -> Iterator[TextHit]:
    """Each pattern only where its sign is: most comments have neither."""
    if "@" in text:
        yield from (TextHit(PERSONAL_DATA, EMAIL, m.start(), m.end()) for m in EMAIL_RE.finditer(text))
    if ("(" in text or "[" in text) and SPELT_AT.search(text):
        yield from (TextHit(PERSONAL_DATA, EMAIL, m.start(), m.end()) for m in SPELT_EMAIL_RE.finditer(text))


def _links(text: str) -> Iterator[TextHit]:
    if "://" not in text and not DOT_IN_WORD.search(text):
        return
    for match in LINK_RE.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in LINK_TRAILING:
            end -= 1
        yield TextHit(LINKS, LINK, match.start(), end)


def _numbers(text: str) -> list[TextHit]:
    """Card numbers first (a Luhn-valid 13–19 digits); then phone numbers among the rest."""
    hits = [TextHit(PERSONAL_DATA, CARD, m.start(), m.end()) for m in CARD_RUN.finditer(text)
            if _luhn(re.sub(r"\D", "", m.group()))]
    cards = [(hit.start, hit.end) for hit in hits]
    for match in NUMBER_RUN.finditer(text):
        start, end = _trimmed(text, match.start(), match.end())
        hit = TextHit(PERSONAL_DATA, PHONE, start, end)
        if not _overlaps(hit, cards) and _is_phone(text, start, end):
            hits.append(hit)
    return hits


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Without an opening bracket that has no closing one in the run."""
    run = text[start:end]
    if run.startswith("(") and ")" not in run:
        start += 1
    return start, end


def _is_phone(text: str, start: int, end: int) -> bool:
    run = text[start:end]
    digits = re.sub(r"\D", "", run)
    before = text[max(0, start - 30):start]
    if DATE_OR_TIME.fullmatch(run) or NOT_PHONE_BEFORE.search(before) or _is_score_or_range(run):
        return False
    if run.startswith(("+", "(+")) or run.startswith("00"):
        return 9 <= len(digits) <= 15
    if NORTH_AMERICAN.fullmatch(run):
        return True
    if run.startswith(("0", "(0")):
        return 9 <= len(digits) <= 12 and not _is_decimal(run)
    return bool(PHONE_WORDS.search(before)) and 7 <= len(digits) <= 15


def _is_score_or_range(run: str) -> bool:
    """1990-2000, 3-1, 2 - 0: two groups of digits joined by one dash."""
    return bool(re.fullmatch(r"\d{1,4}\s?-\s?\d{1,4}", run))


def _is_decimal(run: str) -> bool:
    return bool(re.fullmatch(r"\d+[.,]\d+", run))


def _luhn(digits: str) -> bool:
    if not 13 <= len(digits) <= 19 or len(set(digits)) == 1:
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _addresses(text: str) -> list[TextHit]:
    hits = [TextHit(PERSONAL_DATA, ADDRESS, match.start(), match.end())
            for sign, pattern in zip(ADDRESS_SIGNS, ADDRESS_RES, strict=True) if sign.search(text)
            for match in pattern.finditer(text)]
    if not hits:
        return hits
    famous = [(m.start(), m.end()) for m in FAMOUS_ADDRESSES.finditer(text)]
    return [hit for hit in hits if not _overlaps(hit, famous)]
