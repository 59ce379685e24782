"""Colours, text helpers and the status chip shared by every view.

Colours are hues, not finished colours: each is made readable against the palette it is
painted on (`readable`), so chips, labels and bars keep WCAG AA contrast (4.5:1 for text,
3:1 for bars) on a light desktop and a dark one alike (tests/gui/test_look.py).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption

from moderator.gui.common import translation
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.vocabulary import Status

# Keyed by str: rows carry their status as the plain string a Status equals.
STATUS_COLOURS: dict[str, QColor] = {
    Status.PENDING: QColor("#b45309"),
    Status.APPROVED: QColor("#15803d"),
    Status.HIDDEN: QColor("#b91c1c"),
    Status.REMOVED: QColor("#6b7280"),
}
STAFF_COLOUR = QColor("#1d4ed8")
CLAIM_COLOUR = QColor("#a16207")  # a colleague has the comment open (team mode): amber, like the panel's bar
PRIORITY_COLOURS = {"High": QColor("#b91c1c"), "Medium": QColor("#c2410c"), "Low": QColor("#4b5563")}
REASON_COLOUR = QColor("#7c3aed")  # what a rule found (violet: neither a status nor a priority)
FEATURED_COLOUR = QColor("#0f766e")  # an editor's pick
ZERO_COLOUR = QColor("#6b7280")  # a count of nothing: grey, so it does not draw the eye (still readable)
TEXT_CONTRAST = 4.5  # WCAG AA for text
GRAPHIC_CONTRAST = 3.0  # WCAG AA for the parts of a graphic (the band's bars)
CHIP_TINT = 0.16  # how much of its hue a chip's fill has, over the list's background
_readable: dict[tuple[int, int, float], QColor] = {}  # painting asks for the same few pairs over and over
STATUS_LABELS: dict[str, str] = {  # marked for pyside6-lupdate: status_word translates them
    Status.PENDING: QT_TRANSLATE_NOOP("look", "Pending"), Status.APPROVED: QT_TRANSLATE_NOOP("look", "Approved"),
    Status.HIDDEN: QT_TRANSLATE_NOOP("look", "Hidden"), Status.REMOVED: QT_TRANSLATE_NOOP("look", "Removed")}
PRIORITIES = ("High", "Medium", "Low")
PRIORITY_WORDS = (QT_TRANSLATE_NOOP("look", "High priority"), QT_TRANSLATE_NOOP("look", "Medium priority"),
                  QT_TRANSLATE_NOOP("look", "Low priority"))


def status_word(status: str) -> str:
    """A status as the moderator reads it, in the app's language."""
    return translate("look", STATUS_LABELS[status]) if status in STATUS_LABELS else status


def when(moment: datetime | None, with_year: bool = False, now: datetime | None = None) -> str:
    """Local time, short: '29 Apr 22:41' this year, '29 Sep 2014, 09:52' any other year
    (an oldest-first queue must not look unsorted); `with_year`: always with the year."""
    if moment is None:
        return ""
    local = moment.astimezone()
    this_year = (now or datetime.now()).astimezone().year
    # A language may write the month as a name or a number ({dd}.{mm}. in German: shorter on a card).
    parts = {"day": local.day, "month": translate("look", MONTHS[local.month - 1]), "year": local.year,
             "time": f"{local:%H:%M}", "dd": f"{local.day:02d}", "mm": f"{local.month:02d}"}
    if with_year or local.year != this_year:
        return translate("look", "{day} {month} {year}, {time}").format(**parts)
    return translate("look", "{day} {month} {time}").format(**parts)


MONTHS = (QT_TRANSLATE_NOOP("look", "Jan"), QT_TRANSLATE_NOOP("look", "Feb"), QT_TRANSLATE_NOOP("look", "Mar"),
          QT_TRANSLATE_NOOP("look", "Apr"), QT_TRANSLATE_NOOP("look", "May"), QT_TRANSLATE_NOOP("look", "Jun"),
          QT_TRANSLATE_NOOP("look", "Jul"), QT_TRANSLATE_NOOP("look", "Aug"), QT_TRANSLATE_NOOP("look", "Sep"),
          QT_TRANSLATE_NOOP("look", "Oct"), QT_TRANSLATE_NOOP("look", "Nov"), QT_TRANSLATE_NOOP("look", "Dec"))


def number(value: int) -> str:
    """A count as the language in force writes it ("1,234"; German "1.234"): every count the
    window shows is written here."""
    return locale().toString(value)


def locale() -> QLocale:
    """How the language in force writes numbers and dates (Qt's default, set with the
    language); English in English whatever the system's locale, as the words around it are."""
    if translation.in_force() == translation.SOURCE_LANGUAGE:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale()


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """'1 comment', '2 comments', '12,000 comments': the noun agrees with the count (in the
    app's language for the nouns in COUNTED_NOUNS: one form for one, one for more, as
    English and German have)."""
    word = noun if count == 1 else plural or noun + "s"
    if word in COUNTED_NOUNS:
        return translate("look", "{count} " + word).format(count=number(count))
    return f"{number(count)} {word}"


COUNTED_NOUNS = {"comment", "comments", "entry", "entries"}
_COUNTED = (QT_TRANSLATE_NOOP("look", "{count} comment"), QT_TRANSLATE_NOOP("look", "{count} comments"),
            QT_TRANSLATE_NOOP("look", "{count} entry"), QT_TRANSLATE_NOOP("look", "{count} entries"))


def bold(font: QFont) -> QFont:
    heavier = QFont(font)
    heavier.setBold(True)
    return heavier


def scaled(font: QFont, factor: float) -> QFont:
    sized = QFont(font)
    sized.setPointSizeF(font.pointSizeF() * factor)
    return sized


def wrapped_lines(text: str, font: QFont, width: int, max_lines: int | None = None) -> list[str]:
    """Lay plain text out in lines of `width` pixels; the last kept line is elided."""
    return [line for _start, line in placed_lines(text, font, width, max_lines)]


def placed_lines(text: str, font: QFont, width: int, max_lines: int | None = None) -> list[tuple[int, str]]:
    """The lines of `wrapped_lines`, each with where it starts in `text` (the search marks map
    their spans onto them)."""
    placed: list[tuple[int, str]] = []
    offset = 0
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        while (max_lines is None or len(placed) <= max_lines) and (line := layout.createLine()).isValid():
            line.setLineWidth(width)  # (a card shows a few lines: a long comment is not laid out to its end)
            start = line.textStart()
            placed.append((offset + start, paragraph[start:start + line.textLength()].rstrip()))
        layout.endLayout()
        offset += len(paragraph) + 1
        if max_lines is not None and len(placed) > max_lines:
            break
    if max_lines is not None and len(placed) > max_lines:
        placed = placed[:max_lines]
        start, last = placed[-1]
        placed[-1] = (start, QFontMetrics(font).elidedText(last + " …", Qt.TextElideMode.ElideRight, width))
    return placed


def draw_lines(painter: QPainter, lines: list[str], font: QFont, left: int, top: int, width: int) -> int:
    """Draw plain text lines (never interpreted as markup); returns the y below them."""
    metrics = QFontMetrics(font)
    painter.setFont(font)
    for line in lines:
        painter.drawText(QRect(left, top, width, metrics.height()), Qt.TextFlag.TextSingleLine, line)
        top += metrics.lineSpacing()
    return top


def chip_width(text: str, font: QFont) -> int:
    return QFontMetrics(font).horizontalAdvance(text) + 12


# ---- contrast --------------------------------------------------------------------------------


def luminance(colour: QColor) -> float:
    """WCAG's relative luminance of an opaque colour."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(one: QColor, other: QColor) -> float:
    """WCAG's contrast ratio, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def blend(colour: QColor, background: QColor, amount: float) -> QColor:
    """`amount` of `colour` laid over `background`: the opaque colour the eye sees."""
    return QColor.fromRgbF(*(amount * c + (1 - amount) * b for c, b in zip(
        (colour.redF(), colour.greenF(), colour.blueF()), (background.redF(), background.greenF(), background.blueF()))))


def readable(hue: QColor, background: QColor, ratio: float = TEXT_CONTRAST) -> QColor:
    """The hue, darkened on a light background or lightened on a dark one just enough to
    reach `ratio` against it (a hair over, so rounding never drops it under)."""
    key = (hue.rgb(), background.rgb(), ratio)
    if key not in _readable:
        towards_light = luminance(background) < 0.18
        h, s, lightness = hue.hslHueF(), hue.hslSaturationF(), hue.lightnessF()  # getHslF is typed as object
        colour = QColor(hue)
        while contrast(colour, background) < ratio + 0.05 and 0.0 < lightness < 1.0:
            lightness = min(1.0, lightness + 0.02) if towards_light else max(0.0, lightness - 0.02)
            colour = QColor.fromHslF(max(h, 0.0), s, lightness)
        _readable[key] = colour
    return _readable[key]


def background_of(palette: QPalette) -> QColor:
    """What lists and text are painted on."""
    return palette.color(QPalette.ColorRole.Base)


def text_colour(hue: QColor, palette: QPalette, role: QPalette.ColorRole = QPalette.ColorRole.Window) -> QColor:
    """A coloured word (a status) readable on the palette's window (or `role`)."""
    return readable(hue, palette.color(role))


def chip_colours(hue: QColor, palette: QPalette, solid: bool = False) -> tuple[QColor, QColor]:
    """A chip's text and (opaque) fill: a tint of its hue over the list's background, or
    on a selected row (solid) the background itself, so it reads on the highlight."""
    background = background_of(palette)
    fill = QColor(background) if solid else blend(hue, background, CHIP_TINT)
    return readable(hue, fill), fill


def draw_chip(painter: QPainter, text: str, hue: QColor, font: QFont, right: int, top: int, palette: QPalette,
              solid: bool = False) -> int:
    """A small rounded label ending at `right`; returns its left edge. Solid reads on a selection."""
    metrics = QFontMetrics(font)
    width, height = chip_width(text, font), metrics.height() + 2
    rect = QRectF(right - width, top, width, height)
    ink, fill = chip_colours(hue, palette, solid)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(ink)
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, height / 2, height / 2)
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
    return int(rect.left())


def muted(colour: QColor) -> QColor:
    faded = QColor(colour)
    faded.setAlphaF(0.62)
    return faded




def priority_chip_text(priority: str | None) -> str:
    """'High priority' (priority: High, Medium or Low), 'Unscored' for None."""
    return translate("look", PRIORITY_WORDS[PRIORITIES.index(priority)]) if priority else translate("look", "Unscored")


def featured_chip_text() -> str:
    return translate("look", "★ Featured")


def reason_chip_text(reason: str | None, reasons: int) -> str | None:
    """The reason chip: what the rules found first ("banned word 'vermin'"), "+2" when they found more."""
    if reason is None:
        return None
    return reason if reasons <= 1 else translate("look", "{reason} +{more}").format(reason=reason, more=reasons - 1)
