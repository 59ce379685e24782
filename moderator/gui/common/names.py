"""The core's names as the moderator reads them, in the language in force: a model's score
labels ('severe_toxicity' → 'Severe toxicity') and where a decision came from (manual, bulk,
a rule). Marked for pyside6-lupdate here, translated where shown; shared by the comment panel,
the queue's filters, the audit log and Insight."""

from __future__ import annotations

from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate

# Detoxify's and the quick screen's labels; another model's are shown as it names them.
LABEL_WORDS = {
    "toxicity": QT_TRANSLATE_NOOP("ScoreBars", "Toxicity"),
    "severe_toxicity": QT_TRANSLATE_NOOP("ScoreBars", "Severe toxicity"),
    "obscene": QT_TRANSLATE_NOOP("ScoreBars", "Obscene"),
    "threat": QT_TRANSLATE_NOOP("ScoreBars", "Threat"),
    "insult": QT_TRANSLATE_NOOP("ScoreBars", "Insult"),
    "identity_attack": QT_TRANSLATE_NOOP("ScoreBars", "Identity attack"),
    "identity_hate": QT_TRANSLATE_NOOP("ScoreBars", "Identity hate"),
    "sexual_explicit": QT_TRANSLATE_NOOP("ScoreBars", "Sexual explicit"),
    "offensive": QT_TRANSLATE_NOOP("ScoreBars", "Offensive"),  # the quick screen's one label
}
SOURCE_LABELS: dict[str, str] = {"manual": QT_TRANSLATE_NOOP("AuditLog", "Manual"), "bulk": QT_TRANSLATE_NOOP("AuditLog", "Bulk"),
                                 "rule": QT_TRANSLATE_NOOP("AuditLog", "Rule")}


def label_words(label: str) -> str:
    """'severe_toxicity' → 'Severe toxicity', in the language in force."""
    known = LABEL_WORDS.get(label)
    return translate("ScoreBars", known) if known else label.replace("_", " ").capitalize()


def source_word(source: str) -> str:
    """'bulk' → 'Bulk', in the language in force."""
    return translate("AuditLog", SOURCE_LABELS[source]) if source in SOURCE_LABELS else source
