"""Local toxicity scoring: scorers, model packs, score storage and the scoring loop.

Importing this package is cheap: torch, transformers and detoxify are imported only
when a detoxify model is loaded (on a worker), and scikit-learn only when the quick
screen is. No Qt here: the GUI calls these functions from its own workers.
"""

from moderator.scoring.base import ModelIdentity, Scorer
from moderator.scoring.priority import HIGH, LOW, MEDIUM, Thresholds, priority

__all__ = ["HIGH", "LOW", "MEDIUM", "ModelIdentity", "Scorer", "Thresholds", "priority"]
