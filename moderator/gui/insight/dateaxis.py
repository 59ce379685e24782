"""The charts' date axis in the window's language: pyqtgraph writes its ticks with
strftime, whose month and day names are the C locale's English ("Sep", "Mon"); here they
come from QLocale, as every other date the window shows."""

from __future__ import annotations

from datetime import UTC, datetime

import pyqtgraph as pg
from PySide6.QtCore import QLocale

from moderator.gui.common import look


class LocalDateAxis(pg.DateAxisItem):  # type: ignore[misc]  # pyqtgraph has no types
    """pyqtgraph's DateAxisItem (UTC) with its month and weekday names from QLocale."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802 - pyqtgraph's name
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        if spec is None or ("%b" not in spec.format and "%a" not in spec.format):
            return super().tickStrings(values, scale, spacing)
        return [named(spec.format, value) for value in values]


def named(form: str, value: float) -> str:
    """`value` (seconds since 1970, UTC) in strftime's `form`, names in the language in force."""
    try:
        moment = datetime.fromtimestamp(value, UTC)
    except (OverflowError, ValueError, OSError):
        return ""
    locale, short = look.locale(), QLocale.FormatType.ShortFormat
    form = form.replace("%b", locale.monthName(moment.month, short).replace("%", "%%"))
    form = form.replace("%a", locale.dayName(moment.isoweekday(), short).replace("%", "%%"))
    return moment.strftime(form)
