"""Priority as moderators read it: High / Medium / Low from the main label's score."""

from __future__ import annotations

from dataclasses import dataclass

HIGH, MEDIUM, LOW = "High", "Medium", "Low"


@dataclass(frozen=True)
class Thresholds:
    """Scores at or above `high` are High, at or above `medium` Medium, the rest Low."""

    medium: float = 0.5
    high: float = 0.8

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


def thresholds_from_settings(settings_file) -> Thresholds:
    """The thresholds a moderator set in Preferences (the GUI's INI file), else the defaults.

    Read without Qt so the command line orders and labels the queue as the app does."""
    import configparser

    parser = configparser.ConfigParser()
    try:
        parser.read(settings_file, encoding="utf-8")
        return Thresholds(parser.getfloat("scoring", "medium_from", fallback=Thresholds.medium),
                          parser.getfloat("scoring", "high_from", fallback=Thresholds.high))
    except (configparser.Error, ValueError):
        return Thresholds()
