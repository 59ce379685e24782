"""Carrying a chosen threshold into a rule: the extension point for "Rules a moderation lead
can trust" (issue 14), which does not exist yet.

The Insight window proposes a threshold with its dry run on the comments already decided
(what it would have caught and wrongly hidden: the calibration's counts at that
threshold) and hands it to a `RuleSink`. Until rules exist the sink is `NoRules`: the
window shows the button disabled and says why. Issue 14 implements `RuleSink` (create a
per-label threshold rule from the proposal, after its own dry run) and passes it to the
window; nothing else changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from moderator.errors import ModeratorError
from moderator.i18n import QT_TRANSLATE_NOOP, translate
from moderator.insight.calibration import Confusion


@dataclass(frozen=True)
class ThresholdProposal:
    model: str
    label: str
    threshold: float  # hide (or raise priority) at score >= threshold
    dry_run: Confusion  # what it would have done to the comments the team has decided

    def sentence(self) -> str:
        return f"{self.model}, {self.label}: {self.dry_run.sentence()}."


class RuleSink(Protocol):
    @property
    def available(self) -> bool: ...

    @property
    def why_not(self) -> str:
        """When not available: one sentence saying why."""
        ...

    def carry(self, proposal: ThresholdProposal) -> str:
        """Make (or update) the rule; returns the sentence that says what was done."""
        ...


class NoRules:
    available = False
    why_not = QT_TRANSLATE_NOOP("insight", "Rules do not exist yet: a chosen threshold can be carried into a rule once they do.")

    def carry(self, proposal: ThresholdProposal) -> str:
        raise ModeratorError(translate("insight", self.why_not))
