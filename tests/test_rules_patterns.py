"""The built-in patterns (moderator/rules/patterns.py): personal data and links found, and
the numbers that are not personal data left alone."""

from __future__ import annotations

import json
import time

import pytest

from moderator.config import SEEDS_DIR
from moderator.rules.patterns import ADDRESS, CARD, EMAIL, LINK, PHONE, pattern_hits

FOUND = [
    ("Call me on +44 20 7946 0958 tonight", PHONE, "+44 20 7946 0958"),
    ("ring 020 7946 0958", PHONE, "020 7946 0958"),
    ("his mobile: 07700 900461", PHONE, "07700 900461"),
    ("Handy 0171/1234567", PHONE, "0171/1234567"),
    ("appelle le 06 12 34 56 78", PHONE, "06 12 34 56 78"),
    ("bel 06-12345678", PHONE, "06-12345678"),
    ("0049 30 1234567 in Berlin", PHONE, "0049 30 1234567"),
    ("+33 (0)1 42 68 53 00", PHONE, "+33 (0)1 42 68 53 00"),
    ("call (555) 123-4567", PHONE, "(555) 123-4567"),
    ("text 555.123.4567", PHONE, "555.123.4567"),
    ("my number is 7654321", PHONE, "7654321"),
    ("write jane.doe@example.com", EMAIL, "jane.doe@example.com"),
    ("jane (at) example (dot) com", EMAIL, "jane (at) example (dot) com"),
    ("jane[at]example[dot]co[dot]uk", EMAIL, "jane[at]example[dot]co[dot]uk"),
    ("lives at 14 Elm Street, Leeds", ADDRESS, "14 Elm Street"),
    ("27 Larkspur Close", ADDRESS, "27 Larkspur Close"),
    ("221b Upper Mill Lane", ADDRESS, "221b Upper Mill Lane"),
    ("wohnt in der Hauptstraße 5", ADDRESS, "Hauptstraße 5"),
    ("Bahnhofstr. 12a", ADDRESS, "Bahnhofstr. 12a"),
    ("Kerkstraat 12", ADDRESS, "Kerkstraat 12"),
    ("12 rue de Rivoli", ADDRESS, "12 rue de Rivoli"),
    ("Via Roma 10", ADDRESS, "Via Roma 10"),
    ("card 4111 1111 1111 1111", CARD, "4111 1111 1111 1111"),
    ("4539-1488-0343-6467 exp 12/27", CARD, "4539-1488-0343-6467"),
    ("see https://cheap-pills.biz/buy?x=1, now", LINK, "https://cheap-pills.biz/buy?x=1"),
    ("visit www.spam.com.", LINK, "www.spam.com"),
    ("go to evil-deals.ru today", LINK, "evil-deals.ru"),
]


@pytest.mark.parametrize(("text", "what", "span"), FOUND, ids=[c[0] for c in FOUND])
def test_personal_data_and_links_are_found(text, what, span):
    assert [(h.what, text[h.start:h.end]) for h in pattern_hits(text)] == [(what, span)]


LEFT_ALONE = [
    "It cost £1,299.99, or $5 and €4,50.",
    "In 2024, on 01.05.2024 and 2024-05-01 at 10:30 or 9.45.",
    "The score was 3-1, then 2 - 0, and 1990-2000 was a decade.",
    "Article 123456789, ISBN 978-3-16-148410-0, order no. 0012345678.",
    "A population of 1,234,567 and 12 345 678 people; 0.5% inflation in Q3 2023.",
    "10 Downing Street said so. 5th Avenue. We have 2 Ring roads.",
    "The card 4111 1111 1111 1112 fails its check; 1234 5678 9012 3456 too.",
    "He wrote 3 books in 12 years, aged 45, with 1000000 readers.",
    "Dates like 12/05/2023 and times like 23:59:59.",
    "Version 3.11.4 and e.g. and U.S. and i.e. and Node.js.",
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_numbers_that_are_not_personal_data_are_left_alone(text):
    assert [text[h.start:h.end] for h in pattern_hits(text)] == []


def test_one_hit_per_link():
    text = "a.com b.org https://c.net/x and http://d.io"
    assert [text[h.start:h.end] for h in pattern_hits(text)] == ["a.com", "b.org", "https://c.net/x", "http://d.io"]


def test_an_email_is_not_also_a_link():
    assert [h.what for h in pattern_hits("mail editor@thepaper.co.uk")] == [EMAIL]


@pytest.mark.parametrize("hostile", ["1" * 100_000, "a@" * 50_000, "1 " * 50_000, "x." * 50_000, "9-" * 50_000,
                                     ("A" * 30 + " ") * 3000 + "Street"])
def test_hostile_texts_take_linear_time(hostile):
    started = time.perf_counter()
    pattern_hits(hostile)
    assert time.perf_counter() - started < 2.0


def test_the_demo_threads_hit_only_where_they_should():
    """Reviewed by hand: the demo's doxxing comment, its spam and its HTML-injection attempt."""
    lines = (SEEDS_DIR / "demo_comments.jsonl").read_text("utf-8").splitlines()
    found = {}
    for line in lines:
        comment = json.loads(line)
        hits = pattern_hits(comment["body"])
        if hits:
            found[comment["comment_id"]] = sorted({h.what for h in hits})
    assert found == {"demo-28": [LINK], "demo-29": [LINK], "demo-32": [PHONE, ADDRESS]}
