"""The defaults generalise (issue 14): on a labelled set of sentences written for this test
(tests/data/rules_cases.csv, not the demo's), the starter lists and the patterns with the
quick screen reading the undisguised text catch at least 85 % of the dangerous ones and at
most 15 % of the benign ones, at the text level.

"Caught" is what a fresh install flags: any hit of the starter lists or of the personal-data
patterns, more than LINKS_ALLOWED links, or a quick-screen score at Medium priority or
above. (Which of these flag or hide, and the links rule's N, is the rules engine's
setting; the e-mail of an editor is reported like any other and counts against us here.)
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from moderator.config import SEEDS_DIR
from moderator.rules.patterns import LINKS
from moderator.rules.text import TextScreen
from moderator.scoring.quick import QuickScreen
from moderator.settings import PRIORITY_MEDIUM

CASES = Path(__file__).parent / "data" / "rules_cases.csv"
LINKS_ALLOWED = 1


def _cases() -> list[dict[str, str]]:
    with open(CASES, encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _caught(screen: TextScreen, score: float, text: str) -> bool:
    hits = screen.hits(text)
    links = sum(1 for hit in hits if hit.rule == LINKS)
    return any(hit.rule != LINKS for hit in hits) or links > LINKS_ALLOWED or score >= PRIORITY_MEDIUM.default


@pytest.fixture(scope="module")
def verdicts() -> list[tuple[dict[str, str], bool]]:
    cases = _cases()
    screen = TextScreen()
    scores = [row["offensive"] for row in QuickScreen().score([case["text"] for case in cases])]
    return [(case, _caught(screen, score, case["text"])) for case, score in zip(cases, scores, strict=True)]


def test_the_set_is_big_enough_and_covers_every_kind():
    cases = _cases()
    dangerous = {c["kind"] for c in cases if c["expected"] == "dangerous"}
    assert sum(c["expected"] == "dangerous" for c in cases) >= 60 and sum(c["expected"] == "benign" for c in cases) >= 60
    assert dangerous >= {"personal_data", "dehumanising", "threat", "leetspeak", "lookalike", "zero_width", "link_spam"}


def test_the_defaults_catch_the_dangerous_and_leave_the_benign(verdicts):
    dangerous = [caught for case, caught in verdicts if case["expected"] == "dangerous"]
    benign = [caught for case, caught in verdicts if case["expected"] == "benign"]
    missed = [case["text"] for case, caught in verdicts if case["expected"] == "dangerous" and not caught]
    wrongly = [case["text"] for case, caught in verdicts if case["expected"] == "benign" and caught]
    assert sum(dangerous) / len(dangerous) >= 0.85, missed
    assert sum(benign) / len(benign) <= 0.15, wrongly


def test_on_the_demo_threads_the_defaults_hit_what_needs_a_moderator():
    """Reviewed by hand, comment by comment: threats, dehumanising language, doxxing, spam."""
    screen = TextScreen()
    found = {}
    for line in (SEEDS_DIR / "demo_comments.jsonl").read_text("utf-8").splitlines():
        comment = json.loads(line)
        rules = sorted({hit.rule for hit in screen.hits(comment["body"])})
        if rules:
            found[comment["comment_id"]] = rules
    assert found == {
        "demo-14": ["threats"], "demo-17": ["dehumanising"], "demo-28": ["links"], "demo-29": ["links"],
        "demo-32": ["personal_data"], "demo-37": ["dehumanising"], "demo-43": ["dehumanising"],
        "demo-46": ["dehumanising"], "demo-52": ["dehumanising"]}
