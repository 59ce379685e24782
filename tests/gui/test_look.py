"""Dark and light (issue 18, point 10): every chip's text on its background, every coloured
word and the band's bars, measured with WCAG's contrast ratio in a light and a dark palette;
the toolbar's icons drawn in the palette's own text colour."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from moderator.gui.common import look
from moderator.gui.common.icons import ICONS_DIR, icon
from tests.gui.helpers import dark_palette, light_palette

PALETTES = {"light": light_palette, "dark": dark_palette}
CHIPS = {**{f"status {name}": hue for name, hue in look.STATUS_COLOURS.items()},
         **{f"priority {name}": hue for name, hue in look.PRIORITY_COLOURS.items()},
         "staff": look.STAFF_COLOUR, "a count of nothing": look.ZERO_COLOUR}


@pytest.fixture(params=sorted(PALETTES))
def palette(request, qapp) -> QPalette:
    return PALETTES[request.param]()


@pytest.mark.parametrize("solid", [False, True], ids=["in a list", "on a selected row"])
def test_every_chip_reads_at_aa_contrast(palette, solid):
    low = {name: round(look.contrast(*look.chip_colours(hue, palette, solid)), 2) for name, hue in CHIPS.items()}
    assert all(ratio >= 4.5 for ratio in low.values()), low


def test_coloured_words_and_the_bands_bars_read(palette):
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        for hue in look.STATUS_COLOURS.values():
            assert look.contrast(look.text_colour(hue, palette, role), palette.color(role)) >= 4.5
    window = palette.color(QPalette.ColorRole.Window)
    for hue in look.PRIORITY_COLOURS.values():
        assert look.contrast(look.readable(hue, window, look.GRAPHIC_CONTRAST), window) >= 3.0


def test_the_old_colours_failed_in_the_dark():
    """The measure can fail: the chips as they were (the hue itself on a faint tint of it) in the dark."""
    base = dark_palette().color(QPalette.ColorRole.Base)
    hidden = look.STATUS_COLOURS["hidden"]
    assert look.contrast(hidden, look.blend(hidden, base, 28 / 255)) < 4.5
    assert look.contrast(QColor("#9ca3af"), QColor("#ffffff")) < 4.5  # the old grey of a zero count, in the light


def test_contrast_is_wcags():
    assert round(look.contrast(QColor("#000000"), QColor("#ffffff")), 1) == 21.0
    assert round(look.contrast(QColor("#777777"), QColor("#ffffff")), 2) == 4.48


@pytest.mark.parametrize("name", sorted(path.stem for path in ICONS_DIR.glob("*.svg")))
def test_icons_are_drawn_in_the_palettes_text_colour(qapp, name, palette):
    before = QApplication.palette()
    QApplication.setPalette(palette)
    try:
        image = icon(name).pixmap(QSize(32, 32)).toImage()
    finally:
        QApplication.setPalette(before)
    drawn = [image.pixelColor(x, y) for x in range(32) for y in range(32) if image.pixelColor(x, y).alpha() > 200]
    assert drawn, f"{name}.svg drew nothing"
    text, background = palette.color(QPalette.ColorRole.ButtonText), palette.color(QPalette.ColorRole.Button)
    assert all(look.contrast(colour, background) >= 4.5 for colour in drawn)
    assert all(max(abs(a - b) for a, b in zip(colour.getRgb()[:3], text.getRgb()[:3])) <= 4 for colour in drawn)
