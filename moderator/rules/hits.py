"""What the text screen found in one comment: the currency between the text side
(normalise, word lists, patterns) and the rule evaluation."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextHit:
    """One match in a comment's text. `rule` is the key of the rule that owns the match:
    "banned_words", "suspect_words", "personal_data", "links", "dehumanising", "threats".
    `what` names it for a reason in words ("banned word 'vermin'", "phone number");
    `start`/`end` are offsets into the ORIGINAL comment text (for highlighting)."""

    rule: str
    what: str
    start: int
    end: int
