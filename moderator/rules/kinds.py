"""The kinds of rule, what each may do, and where each stands in the order of precedence.

A rule's key names it in decisions ("banned_words"); its kind says which function of
evaluate.py judges it. The built-in rules (migration 0016) have key == kind; a lead may add
more of a kind (a second links rule per site, say) under keys of their own.
"""

from __future__ import annotations

from enum import StrEnum

from moderator.errors import ModeratorError


class Kind(StrEnum):
    BANNED_COMMENTER = "banned_commenter"
    BANNED_WORDS = "banned_words"
    PERSONAL_DATA = "personal_data"
    LINKS = "links"
    DEHUMANISING = "dehumanising"
    THREATS = "threats"
    MODEL_HIDE = "model_hide"
    TRUSTED_COMMENTER = "trusted_commenter"
    SUSPECT_WORDS = "suspect_words"
    MODEL_FLAG = "model_flag"
    MODEL_APPROVE = "model_approve"
    FIRST_COMMENT = "first_comment"
    PREMODERATION = "premoderation"


class Mode(StrEnum):
    FLAG = "flag"  # stays pending, rises in the queue
    HIDE = "hide"
    APPROVE = "approve"


# Kinds whose hits come from the text screen (moderator/rules/text.py): the TextHit's rule is the kind.
TEXT_KINDS = (Kind.BANNED_WORDS, Kind.PERSONAL_DATA, Kind.LINKS, Kind.DEHUMANISING, Kind.THREATS, Kind.SUSPECT_WORDS)
# What a lead may set a kind to: text and first-comment rules flag or hide; the others do one thing.
MODES: dict[Kind, tuple[Mode, ...]] = {kind: (Mode.FLAG, Mode.HIDE) for kind in (*TEXT_KINDS, Kind.FIRST_COMMENT)} | {
    Kind.BANNED_COMMENTER: (Mode.HIDE,), Kind.MODEL_HIDE: (Mode.HIDE,), Kind.TRUSTED_COMMENTER: (Mode.APPROVE,),
    Kind.MODEL_FLAG: (Mode.FLAG,), Kind.MODEL_APPROVE: (Mode.APPROVE,), Kind.PREMODERATION: (Mode.APPROVE,)}

# The order of precedence (docs/rules.md): banned commenter → banned words / patterns that hide
# → thresholds to hide → trusted commenter → suspect words / patterns that flag / thresholds to
# flag → thresholds to approve → pre-moderation. The first stage with a verdict decides.
STAGE_BANNED, STAGE_TEXT_HIDE, STAGE_MODEL_HIDE, STAGE_TRUSTED, STAGE_FLAG, STAGE_APPROVE, STAGE_PREMODERATION = range(7)


def stage(kind: Kind, mode: Mode) -> int:
    fixed = {Kind.BANNED_COMMENTER: STAGE_BANNED, Kind.MODEL_HIDE: STAGE_MODEL_HIDE, Kind.TRUSTED_COMMENTER: STAGE_TRUSTED,
             Kind.MODEL_FLAG: STAGE_FLAG, Kind.MODEL_APPROVE: STAGE_APPROVE, Kind.PREMODERATION: STAGE_PREMODERATION}
    if kind in fixed:
        return fixed[kind]
    return STAGE_TEXT_HIDE if mode == Mode.HIDE else STAGE_FLAG


# The hide reason (vocabulary.HIDE_REASONS) a rule's hide records; its words go in the note.
HIDE_REASON: dict[Kind, str] = {Kind.BANNED_COMMENTER: "other", Kind.BANNED_WORDS: "abuse", Kind.PERSONAL_DATA: "personal_data",
                                Kind.LINKS: "spam", Kind.DEHUMANISING: "hate", Kind.THREATS: "threat",
                                Kind.MODEL_HIDE: "abuse", Kind.SUSPECT_WORDS: "abuse", Kind.FIRST_COMMENT: "other"}


def check_mode(kind: Kind, mode: str) -> Mode:
    """The mode, if the kind can have it; else one sentence naming both."""
    if mode not in MODES[kind]:
        raise ModeratorError(f"A {kind} rule can {' or '.join(MODES[kind])}, not '{mode}'.")
    return Mode(mode)


def kind_of(text: str) -> Kind:
    try:
        return Kind(text)
    except ValueError:
        raise ModeratorError(f"There is no kind of rule called '{text}'; known: {', '.join(Kind)}.") from None
