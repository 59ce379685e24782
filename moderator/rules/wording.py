"""The rules' reasons in the moderator's language, where they are shown.

A rule's decision keeps its reason in English in `decisions.note` ("banned word 'vermin'",
"toxicity 0.93 ≥ 0.90"), and so does `rule_hits.what`: the command line, the audit export
and every database made before read it so. The window translates a stored reason here, by
matching it against the templates the rules write it from (evaluate.py, text.py,
patterns.py): the English sentence is the key, so old notes show in the moderator's language
too, and a note a template does not match (a moderator's own) is shown as written.
"""

from __future__ import annotations

import re
from functools import cache

from moderator.i18n import QT_TRANSLATE_NOOP, translate
from moderator.vocabulary import Source

CONTEXT = "rules"
# Each reason a rule writes, as evaluate.py, text.py and patterns.py spell it.
TEMPLATES = (
    QT_TRANSLATE_NOOP("rules", "banned word '{entry}'"),
    QT_TRANSLATE_NOOP("rules", "suspect word '{entry}'"),
    QT_TRANSLATE_NOOP("rules", "dehumanising term '{entry}'"),
    QT_TRANSLATE_NOOP("rules", "threatening phrase '{entry}'"),
    QT_TRANSLATE_NOOP("rules", "phone number"),
    QT_TRANSLATE_NOOP("rules", "e-mail address"),
    QT_TRANSLATE_NOOP("rules", "street address"),
    QT_TRANSLATE_NOOP("rules", "card number"),
    QT_TRANSLATE_NOOP("rules", "link"),
    QT_TRANSLATE_NOOP("rules", "{count} links (more than {most})"),
    QT_TRANSLATE_NOOP("rules", "banned commenter"),
    QT_TRANSLATE_NOOP("rules", "trusted commenter"),
    QT_TRANSLATE_NOOP("rules", "first comment from a commenter never seen before"),
    QT_TRANSLATE_NOOP("rules", "post-moderated: published unless hidden"),
    QT_TRANSLATE_NOOP("rules", "{label} {score} ≥ {limit}"),
    QT_TRANSLATE_NOOP("rules", "{label} {score} < {limit}"),
)
MORE = QT_TRANSLATE_NOOP("rules", "{reason} (and {count} more)")
_FIGURES = {"count", "most", "score", "limit"}


@cache
def _pattern(template: str) -> re.Pattern[str]:
    pieces = re.split(r"\{(\w+)\}", template)
    return re.compile("".join(
        (rf"(?P<{piece}>\d+(?:\.\d+)?)" if piece in _FIGURES else rf"(?P<{piece}>.+)") if index % 2 else re.escape(piece)
        for index, piece in enumerate(pieces)))


def _one(reason: str) -> str | None:
    """One reason in the language in force, or None when no template wrote it."""
    for template in TEMPLATES:
        match = _pattern(template).fullmatch(reason)
        if match:
            return translate(CONTEXT, template).format(**match.groupdict())
    return None


def in_words(reason: str) -> str:
    """A rule's stored reason in the language in force; any other text as it is."""
    more = _pattern(MORE).fullmatch(reason)
    if more and (first := _one(more["reason"])) is not None:
        return translate(CONTEXT, MORE).format(reason=first, count=more["count"])
    if (whole := _one(reason)) is not None:
        return whole
    parts = [_one(part) for part in reason.split(", ")]  # the approve rule's labels, each under its threshold
    return ", ".join(parts) if len(parts) > 1 and all(part is not None for part in parts) else reason  # type: ignore[arg-type]


def shown_note(note: str, source: str) -> str:
    """A decision's note as the window shows it: a rule's reason translated, a moderator's as written."""
    return in_words(note) if source == Source.RULE else note
