"""Priority as moderators read it: High / Medium / Low from the main label's score."""

from __future__ import annotations

from dataclasses import dataclass

from moderator.settings import PRIORITY_HIGH, PRIORITY_MEDIUM, Settings

HIGH, MEDIUM, LOW = "High", "Medium", "Low"


@dataclass(frozen=True)
class Thresholds:
    """Scores at or above `high` are High, at or above `medium` Medium, the rest Low."""

    medium: float = PRIORITY_MEDIUM.default
    high: float = PRIORITY_HIGH.default

    def __post_init__(self) -> None:
        if not 0.0 <= self.medium <= self.high <= 1.0:
            raise ValueError("thresholds must satisfy 0 <= medium <= high <= 1")

    @property
    def values(self) -> tuple[float, float]:
        return (self.medium, self.high)


def priority(score: float | None, thresholds: Thresholds = Thresholds()) -> str | None:
    """None when the comment has no score from the active model yet."""
    if score is None:
        return None
    if score >= thresholds.high:
        return HIGH
    return MEDIUM if score >= thresholds.medium else LOW


def thresholds_from(settings: Settings) -> Thresholds:
    """The thresholds set in Preferences, read from the app's store or the command line's.
    A pair out of order (medium above high, written by hand) gives way to the defaults."""
    medium, high = settings.get(PRIORITY_MEDIUM), settings.get(PRIORITY_HIGH)
    try:
        return Thresholds(medium, high)
    except ValueError:
        settings.warn_once(f"priority thresholds: medium {medium} is above high {high}; using the defaults")
        return Thresholds()
