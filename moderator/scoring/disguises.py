"""Disguised words do not slip past a model: a comment whose text changes when its
disguises are undone (look-alike letters, zero-width characters, digits and symbols for
letters, stretched letters: moderator/rules/normalise.py `for_model`) is scored both ways
and keeps the higher score per label. An ordinary comment is unchanged by it and is
scored once, so the cost is a second pass over the few disguised ones only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from moderator.rules.normalise import for_model
from moderator.scoring.base import LabelScores


def scored_undisguised(score: Callable[[Sequence[str]], list[LabelScores]], texts: Sequence[str]) -> list[LabelScores]:
    """`score(texts)`, each row raised to the undisguised text's score where that is higher."""
    rows = score(texts)
    plain = [for_model(text) for text in texts]
    changed = [index for index, (text, undone) in enumerate(zip(texts, plain, strict=True)) if text != undone]
    if changed:
        for index, row in zip(changed, score([plain[i] for i in changed]), strict=True):
            rows[index] = {label: max(value, row.get(label, value)) for label, value in rows[index].items()}
    return rows
