"""Rule evaluation as plain values (moderator/rules/evaluate.py): each kind's judge, and the
order of precedence on a table of comments where several rules fire at once."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderator.rules.evaluate import Limits, RuleSpec, Subject, decide, fired_by_hits, found, judge
from moderator.rules.hits import TextHit
from moderator.rules.kinds import TEXT_KINDS, Kind, Mode

BUILT_IN = [RuleSpec("banned_commenter", Kind.BANNED_COMMENTER, Mode.HIDE),
            RuleSpec("banned_words", Kind.BANNED_WORDS, Mode.HIDE),
            RuleSpec("personal_data", Kind.PERSONAL_DATA, Mode.FLAG),
            RuleSpec("links", Kind.LINKS, Mode.FLAG, {"most": 2}),
            RuleSpec("dehumanising", Kind.DEHUMANISING, Mode.FLAG),
            RuleSpec("threats", Kind.THREATS, Mode.FLAG),
            RuleSpec("model_hide", Kind.MODEL_HIDE, Mode.HIDE),
            RuleSpec("trusted_commenter", Kind.TRUSTED_COMMENTER, Mode.APPROVE),
            RuleSpec("suspect_words", Kind.SUSPECT_WORDS, Mode.FLAG),
            RuleSpec("model_flag", Kind.MODEL_FLAG, Mode.FLAG),
            RuleSpec("model_approve", Kind.MODEL_APPROVE, Mode.APPROVE),
            RuleSpec("first_comment", Kind.FIRST_COMMENT, Mode.FLAG),
            RuleSpec("premoderation", Kind.PREMODERATION, Mode.APPROVE)]
LIMITS = {"toxicity": Limits(hide=0.9, flag=0.6, approve=0.1), "insult": Limits(hide=None, flag=0.7, approve=0.2)}
BANNED = TextHit("banned_words", "banned word 'vermin'", 10, 16)
SUSPECT = TextHit("suspect_words", "suspect word 'rats'", 0, 4)
PHONE = TextHit("personal_data", "phone number", 3, 15)
LINK = TextHit("links", "link", 0, 10)


def only(kind: Kind, mode: Mode | None = None) -> list[RuleSpec]:
    rule = next(r for r in BUILT_IN if r.kind == kind)
    return [RuleSpec(rule.key, rule.kind, mode or rule.mode, rule.parameters)]


def test_a_word_list_fires_on_its_own_hits_and_says_which_word():
    verdict = decide(Subject(hits=[BANNED]), only(Kind.BANNED_WORDS))
    assert verdict is not None and (verdict.rule, verdict.mode, verdict.what) == ("banned_words", Mode.HIDE,
                                                                                  "banned word 'vermin'")
    assert decide(Subject(hits=[SUSPECT]), only(Kind.BANNED_WORDS)) is None


def test_several_hits_of_one_list_are_counted_in_the_reason():
    second = TextHit("banned_words", "banned word 'scum'", 20, 24)
    assert decide(Subject(hits=[BANNED, second]), only(Kind.BANNED_WORDS)).what == "banned word 'vermin' (and 1 more)"


def test_links_fire_only_above_their_number():
    assert decide(Subject(hits=[LINK, LINK]), only(Kind.LINKS)) is None
    assert decide(Subject(hits=[LINK, LINK, LINK]), only(Kind.LINKS)).what == "3 links (more than 2)"
    none_allowed = [RuleSpec("links", Kind.LINKS, Mode.HIDE, {"most": 0})]
    assert decide(Subject(hits=[LINK]), none_allowed).mode == Mode.HIDE


def test_commenter_standing_rules():
    assert decide(Subject(standing="banned"), only(Kind.BANNED_COMMENTER)).what == "banned commenter"
    assert decide(Subject(standing="normal"), only(Kind.BANNED_COMMENTER)) is None
    assert decide(Subject(standing="trusted"), only(Kind.TRUSTED_COMMENTER)).mode == Mode.APPROVE
    # Trusted, unless a banned word or personal data hits (even when those rules only flag).
    assert decide(Subject(standing="trusted", hits=[PHONE]), only(Kind.TRUSTED_COMMENTER)) is None
    assert decide(Subject(standing="trusted", hits=[BANNED]), only(Kind.TRUSTED_COMMENTER)) is None
    assert decide(Subject(standing="trusted", hits=[SUSPECT]), only(Kind.TRUSTED_COMMENTER)) is not None


def test_thresholds_name_the_label_and_the_figures():
    hot = Subject(scores={"toxicity": 0.93, "insult": 0.5}, limits=LIMITS)
    assert decide(hot, only(Kind.MODEL_HIDE)).what == "toxicity 0.93 ≥ 0.90"
    warm = Subject(scores={"toxicity": 0.65, "insult": 0.8}, limits=LIMITS)
    assert decide(warm, only(Kind.MODEL_HIDE)) is None
    assert decide(warm, only(Kind.MODEL_FLAG)).what == "insult 0.80 ≥ 0.70"  # the label furthest over first
    assert [f.what for f in found(warm, only(Kind.MODEL_FLAG))] == ["insult 0.80 ≥ 0.70", "toxicity 0.65 ≥ 0.60"]


def test_approve_needs_every_label_with_a_threshold_below_it():
    calm = Subject(scores={"toxicity": 0.02, "insult": 0.1}, limits=LIMITS)
    assert decide(calm, only(Kind.MODEL_APPROVE)).what == "insult 0.10 < 0.20, toxicity 0.02 < 0.10"
    assert decide(Subject(scores={"toxicity": 0.02, "insult": 0.3}, limits=LIMITS), only(Kind.MODEL_APPROVE)) is None
    assert decide(Subject(scores=None, limits=LIMITS), only(Kind.MODEL_APPROVE)) is None  # not scored yet
    assert decide(Subject(scores={"toxicity": 0.0}, limits={}), only(Kind.MODEL_APPROVE)) is None  # no threshold set


def test_first_comment_and_premoderation():
    assert decide(Subject(first=True), only(Kind.FIRST_COMMENT)).what.startswith("first comment")
    assert decide(Subject(first=False), only(Kind.FIRST_COMMENT)) is None
    assert decide(Subject(premoderated=True), only(Kind.PREMODERATION)) is None
    assert decide(Subject(premoderated=False), only(Kind.PREMODERATION)).mode == Mode.APPROVE


HOT, WARM, CALM = {"toxicity": 0.95, "insult": 0.1}, {"toxicity": 0.7, "insult": 0.1}, {"toxicity": 0.01, "insult": 0.0}


@pytest.mark.parametrize(("subject", "rule", "mode"), [
    # banned commenter before everything
    (Subject(standing="banned", hits=[SUSPECT], scores=CALM, limits=LIMITS, premoderated=False), "banned_commenter", "hide"),
    # banned words before thresholds, trust and flags
    (Subject(standing="trusted", hits=[SUSPECT, BANNED], scores=HOT, limits=LIMITS), "banned_words", "hide"),
    # thresholds to hide before trust
    (Subject(standing="trusted", scores=HOT, limits=LIMITS), "model_hide", "hide"),
    # trust before suspect words, flag thresholds and approve thresholds
    (Subject(standing="trusted", hits=[SUSPECT], scores=WARM, limits=LIMITS), "trusted_commenter", "approve"),
    # ... but a trusted commenter publishing personal data is flagged, not approved
    (Subject(standing="trusted", hits=[PHONE], scores=CALM, limits=LIMITS), "personal_data", "flag"),
    # flags before approve thresholds and pre-moderation
    (Subject(hits=[SUSPECT], scores=CALM, limits=LIMITS, premoderated=False), "suspect_words", "flag"),
    (Subject(scores=WARM, limits=LIMITS, premoderated=False), "model_flag", "flag"),
    # approve thresholds before pre-moderation (both approve: the threshold is named)
    (Subject(scores=CALM, limits=LIMITS, premoderated=False), "model_approve", "approve"),
    (Subject(premoderated=False), "premoderation", "approve"),
    # a pattern switched to hide acts at the banned words' stage, before thresholds and trust
    (Subject(standing="trusted", hits=[LINK, LINK, LINK], scores=HOT, limits=LIMITS), "links", "hide"),
])
def test_the_order_of_precedence(subject, rule, mode):
    rules = [RuleSpec(r.key, r.kind, Mode.HIDE if r.kind == Kind.LINKS and rule == "links" else r.mode, r.parameters)
             for r in BUILT_IN]
    verdict = decide(subject, rules)
    assert verdict is not None and (verdict.rule, verdict.mode) == (rule, mode)


def test_a_plain_comment_on_a_premoderated_article_is_left_alone():
    assert decide(Subject(scores={"toxicity": 0.3, "insult": 0.3}, limits=LIMITS), BUILT_IN) is None


def test_every_rule_that_fires_is_listed_in_order():
    subject = Subject(standing="banned", hits=[BANNED, SUSPECT], scores=HOT, limits=LIMITS)
    assert [v.rule for v in judge(subject, BUILT_IN)] == ["banned_commenter", "banned_words", "model_hide",
                                                          "suspect_words", "model_flag"]


HITS = [BANNED, SUSPECT, PHONE, LINK, TextHit("links", "link", 20, 30), TextHit("links", "link", 40, 50),
        TextHit("dehumanising", "dehumanising term 'vermin'", 10, 16), TextHit("threats", "threatening phrase", 0, 9)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HITS), max_size=6), st.lists(st.sampled_from(BUILT_IN), unique_by=lambda rule: rule.key),
       st.sampled_from([Mode.FLAG, Mode.HIDE]))
def test_a_comment_with_only_text_hits_gets_the_same_verdict_from_the_rules_that_read_hits(hits, rules, mode):
    """An import's comment with a hit and nothing else to look at (no score, a normal
    commenter, not their first, pre-moderated) is judged by `fired_by_hits(rules)` alone."""
    rules = [RuleSpec(rule.key, rule.kind, mode if rule.kind in TEXT_KINDS else rule.mode, rule.parameters)
             for rule in rules]
    subject = Subject(hits=hits, limits=LIMITS)
    fewer = fired_by_hits(rules)
    assert decide(subject, fewer) == decide(subject, rules)
    assert found(subject, fewer) == found(subject, rules)


def test_the_rules_that_read_hits_are_fewer_and_none_else_fires_on_hits_alone():
    assert {rule.kind for rule in fired_by_hits(BUILT_IN)} == set(TEXT_KINDS) < {rule.kind for rule in BUILT_IN}
    # and a comment with more than hits (a score) is judged by every rule: the model fires here
    scored = Subject(hits=[SUSPECT], scores={"toxicity": 0.95, "insult": 0.1}, limits=LIMITS)
    assert decide(scored, BUILT_IN).rule == "model_hide" and decide(scored, fired_by_hits(BUILT_IN)).rule != "model_hide"
