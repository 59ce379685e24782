"""Rule evaluation: what the rules say of one comment, as plain values (no database, no Qt).

One small function per kind of rule says whether it fires and why, in words ("banned word
'vermin'", "toxicity 0.93 ≥ 0.90"). `judge` lists every rule that fires, and `decide`
picks the one that acts, by the order of precedence (kinds.stage):

    banned commenter → banned words / patterns that hide → thresholds to hide → trusted
    commenter → suspect words / patterns that flag / thresholds to flag → thresholds to
    approve → pre-moderation

A trusted commenter's comment is not approved when a banned word or personal data hits
(whatever those rules' modes). What the verdict does to the comment, and that a comment a
moderator decided is never overruled, is moderator/rules/apply.py's part.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from moderator.rules.hits import TextHit
from moderator.rules.kinds import TEXT_KINDS, Kind, Mode, stage

WHAT = 200  # characters of a reason kept (rule_hits.what)


class Limits(NamedTuple):
    """One label's thresholds for one model (None: not used)."""

    hide: float | None = None
    flag: float | None = None
    approve: float | None = None


@dataclass(frozen=True)
class RuleSpec:
    """An enabled rule as evaluation needs it."""

    key: str
    kind: Kind
    mode: Mode
    parameters: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Subject:
    """What the rules look at in one comment."""

    hits: Sequence[TextHit] = ()  # the text screen's, in text order
    scores: Mapping[str, float] | None = None  # the model's label scores, if it has scored the comment
    limits: Mapping[str, Limits] = field(default_factory=dict)  # label → that model's thresholds
    standing: str = "normal"  # the commenter's: trusted, normal, banned
    first: bool = False  # the commenter's first comment on the site
    premoderated: bool = True  # the article's (or its site's) setting


@dataclass(frozen=True)
class Verdict:
    rule: str  # the rule's key
    kind: Kind
    mode: Mode
    what: str  # the reason in words
    stage: int  # its place in the order of precedence


@dataclass(frozen=True)
class Found:
    """One thing a rule found (what rule_hits keeps for the chips and highlighting)."""

    rule: str
    what: str
    start: int | None = None
    end: int | None = None


Judge = Callable[[Subject, RuleSpec], str | None]  # the reason in words, or None when the rule does not fire


def text_rule(subject: Subject, rule: RuleSpec) -> str | None:
    """A word list or a pattern: its first hit, and how many more."""
    mine = [hit for hit in subject.hits if hit.rule == rule.kind]
    if not mine:
        return None
    more = f" (and {len(mine) - 1} more)" if len(mine) > 1 else ""
    return (mine[0].what + more)[:WHAT]


def links(subject: Subject, rule: RuleSpec) -> str | None:
    """More than N links (most_links)."""
    most = most_links(rule)
    count = sum(1 for hit in subject.hits if hit.rule == Kind.LINKS)
    return f"{count} links (more than {most})" if count > most else None


def most_links(rule: RuleSpec) -> int:
    """The links rule's `most`: 1 unless set."""
    return _int(rule.parameters.get("most"), 1)


def banned_commenter(subject: Subject, rule: RuleSpec) -> str | None:
    return "banned commenter" if subject.standing == "banned" else None


def trusted_commenter(subject: Subject, rule: RuleSpec) -> str | None:
    blocked = any(hit.rule in (Kind.BANNED_WORDS, Kind.PERSONAL_DATA) for hit in subject.hits)
    return "trusted commenter" if subject.standing == "trusted" and not blocked else None


def first_comment(subject: Subject, rule: RuleSpec) -> str | None:
    return "first comment from a commenter never seen before" if subject.first else None


def model_hide(subject: Subject, rule: RuleSpec) -> str | None:
    return _over(subject, lambda limits: limits.hide)


def model_flag(subject: Subject, rule: RuleSpec) -> str | None:
    return _over(subject, lambda limits: limits.flag)


def model_approve(subject: Subject, rule: RuleSpec) -> str | None:
    """Below its approve threshold on every label that has one (and at least one has)."""
    if subject.scores is None:
        return None
    checked = [(label, subject.scores[label], limits.approve) for label, limits in sorted(subject.limits.items())
               if limits.approve is not None and label in subject.scores]
    if not checked or any(score >= limit for _label, score, limit in checked):
        return None
    return ", ".join(f"{label} {score:.2f} < {limit:.2f}" for label, score, limit in checked)[:WHAT]


def premoderation(subject: Subject, rule: RuleSpec) -> str | None:
    return None if subject.premoderated else "post-moderated: published unless hidden"


_TEXT: dict[Kind, Judge] = {kind: text_rule for kind in TEXT_KINDS}
JUDGES: dict[Kind, Judge] = _TEXT | {
    Kind.LINKS: links, Kind.BANNED_COMMENTER: banned_commenter, Kind.TRUSTED_COMMENTER: trusted_commenter,
    Kind.FIRST_COMMENT: first_comment, Kind.MODEL_HIDE: model_hide, Kind.MODEL_FLAG: model_flag,
    Kind.MODEL_APPROVE: model_approve, Kind.PREMODERATION: premoderation}


def fired_by_hits(rules: Sequence[RuleSpec]) -> list[RuleSpec]:
    """Of these rules, those a comment's text hits alone can make fire: for a comment with no
    score, of a normal commenter, not their first, under pre-moderation (most that an import
    brings), every other rule's judge says no, so these alone give the same verdict and finds."""
    return [rule for rule in rules if rule.kind in TEXT_KINDS]  # (they look at nothing else)


def judge(subject: Subject, rules: Sequence[RuleSpec]) -> list[Verdict]:
    """Every enabled rule that fires, in the order of precedence (ties: the rules' order)."""
    fired = []
    for rule in rules:
        what = JUDGES[rule.kind](subject, rule)
        if what is not None:
            fired.append(Verdict(rule.key, rule.kind, rule.mode, what, stage(rule.kind, rule.mode)))
    return sorted(fired, key=lambda verdict: verdict.stage)


def decide(subject: Subject, rules: Sequence[RuleSpec]) -> Verdict | None:
    """The verdict that acts: the first in the order of precedence, None when no rule fires."""
    fired = judge(subject, rules)
    return fired[0] if fired else None


def found(subject: Subject, rules: Sequence[RuleSpec]) -> list[Found]:
    """What the enabled rules found, to keep: each text hit of an enabled text rule (with its
    span), each score at or over a hide or flag threshold."""
    kept: list[Found] = []
    keys = {rule.kind: rule.key for rule in rules}
    for hit in subject.hits:
        if hit.rule in keys and hit.rule in TEXT_KINDS:
            kept.append(Found(keys[Kind(hit.rule)], hit.what[:WHAT], hit.start, hit.end))
    for kind, pick in ((Kind.MODEL_HIDE, _hide_limit), (Kind.MODEL_FLAG, _flag_limit)):
        if kind in keys:
            kept += [Found(keys[kind], what) for what in _all_over(subject, pick)]
    return kept


def _hide_limit(limits: Limits) -> float | None:
    return limits.hide


def _flag_limit(limits: Limits) -> float | None:
    return limits.flag


def _over(subject: Subject, pick: Callable[[Limits], float | None]) -> str | None:
    """The label furthest over its threshold, in words."""
    over = _all_over(subject, pick)
    return over[0] if over else None


def _all_over(subject: Subject, pick: Callable[[Limits], float | None]) -> list[str]:
    if subject.scores is None:
        return []
    over = [(score - limit, f"{label} {score:.2f} ≥ {limit:.2f}") for label, limits in sorted(subject.limits.items())
            if (limit := pick(limits)) is not None and (score := subject.scores.get(label)) is not None and score >= limit]
    return [what for _margin, what in sorted(over, key=lambda pair: -pair[0])]


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default
