"""Delegates that paint comments and articles as cards. All text is drawn as plain text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from moderator.gui.common import look, marks
from moderator.gui.common.reading import PriorityOf
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.models.listmodels import CHECKED_ROLE, ROW_ROLE
from moderator.reading.articles import date_note
from moderator.reading.rows import ArticleRow, CommentRow
from moderator.reading.search import MARK_START
from moderator.rules.wording import in_words
from moderator.vocabulary import Status

PAD = 8
COUNT_CHIPS = {"pending": QT_TRANSLATE_NOOP("look", "{count} pending"), "approved": QT_TRANSLATE_NOOP("look", "{count} approved"),
               "hidden": QT_TRANSLATE_NOOP("look", "{count} hidden")}
Index = QModelIndex | QPersistentModelIndex  # what Qt passes a delegate
WRAPPED_KEPT = 2_000  # cards whose lines are remembered (a few screens' worth, at a few widths)
REASON_SHARE = 0.45  # of a thread card's width, the reason chip's at most (beside the author and the time)
QUEUE_REASON_SHARE = 0.7  # of a queue card's, on the headline's line
REASON_LEAST = 60  # pixels: a thread card with less room left beside its chips shows no reason chip (the panel lists it)
AUTHOR_CHARS = 16  # a usual author's name, in average characters: a card's header line holds it whole
SAMPLE_TIME = datetime(2000, 12, 30, 23, 59, tzinfo=UTC)  # a date as wide as most, measured with its year


class CardDelegate(QStyledItemDelegate):
    """Shared geometry: the width a card gets, its background and selection."""

    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self._view = view

    def _width(self, index: Index) -> int:
        width = self._view.viewport().width()
        if isinstance(self._view, QTreeView):
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self._view.indentation() * (depth + (1 if self._view.rootIsDecorated() else 0))
        return max(width - 2 * PAD, 120)

    def _background(self, painter: QPainter, option: QStyleOptionViewItem) -> None:
        style = self._view.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, self._view)
        painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Background and selection, then the card's content inside its padding."""
        self.initStyleOption(option, index)
        painter.save()
        self._background(painter, option)
        if index.data(CHECKED_ROLE):
            self._selection_mark(painter, option)
        rect = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        row = index.data(ROW_ROLE)
        if row is not None:  # None: the row could not be read (gone since its id was listed)
            self._paint_card(painter, option, row, rect, self._text_colour(option))
        painter.restore()

    @staticmethod
    def _selection_mark(painter: QPainter, option: QStyleOptionViewItem) -> None:
        """In the moderator's selection (x, Ctrl+A): a tinted card with a bar down its left edge."""
        accent = option.palette.color(QPalette.ColorRole.Highlight)
        tint = QColor(accent)
        tint.setAlpha(38)
        painter.fillRect(option.rect, tint)
        painter.fillRect(QRect(option.rect.left(), option.rect.top(), 4, option.rect.height()), accent)

    def _paint_card(self, painter: QPainter, option: QStyleOptionViewItem, row: Any, rect: QRect, colour: QColor) -> None:
        raise NotImplementedError

    @staticmethod
    def _text_colour(option: QStyleOptionViewItem) -> QColor:
        selected = option.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        return option.palette.color(role)


# A comment's spans to highlight: (start, end, colour), offsets into its body.
MarksOf = Callable[[CommentRow, QPalette], Sequence[tuple[int, int, QColor]]]


class CommentDelegate(CardDelegate):
    """(Author ·) time, status and priority chips, (article headline,) then the body, wrapped.

    One author's list (the commenter panel) leaves the author out and puts the score in the chip."""

    def __init__(self, view: QAbstractItemView, max_body_lines: int | None, show_article: bool,
                 priority_of: PriorityOf, show_author: bool = True,
                 show_score: bool = False, uniform: bool = False,
                 holder_of: Callable[[int], str | None] = lambda _comment_id: None, marks_of: MarksOf | None = None):
        super().__init__(view)
        self.holder_of = holder_of  # team mode: which colleague has the comment open (gui/team/)
        self._marks_of = marks_of  # spans of the body to highlight (rule hits), with their colours
        self._max_lines, self._show_article, self._priority_of = max_body_lines, show_article, priority_of
        self._show_author, self._show_score = show_author, show_score
        self._uniform = uniform  # every card max_body_lines high: a lazy view sizes one row, not all
        self._wrapped: dict[tuple[int, int, int, str], list[str]] = {}  # laying text out costs more than drawing it
        self._marked: dict[tuple[int, int, int, str], list[marks.MarkedLine]] = {}
        self._one_line_from: dict[tuple[str, bool, bool], int] = {}  # card widths whose header holds all on one line

    def _body_lines(self, row: CommentRow, option: QStyleOptionViewItem, width: int) -> list[str]:
        key = (row.id, hash(row.body), width, option.font.key())
        if key not in self._wrapped:
            if len(self._wrapped) > WRAPPED_KEPT:
                self._wrapped.clear()
            self._wrapped[key] = look.wrapped_lines(row.body, option.font, width, self._max_lines)
        return self._wrapped[key]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        row: CommentRow | None = None if self._uniform else index.data(ROW_ROLE)
        if row is None:  # uniform, or a row that could not be read: as high as the most lines a card shows
            body = self._max_lines or 1
        else:
            body = len(self._body_lines(row, option, self._width(index)))
        chip_line = self.chip_line(option, self._width(index))
        lines = 1 + (1 if chip_line else 0) + (1 if self._show_article else 0) + body
        return QSize(self._width(index), 2 * PAD + lines * metrics.lineSpacing() + 4 + (2 if chip_line else 0))

    def chip_line(self, option: QStyleOptionViewItem, width: int) -> bool:
        """Whether a card with a headline (the queue's, a commenter's) puts its chips on a line of
        their own, under the author and the time: when a usual name, the full date and the usual
        chips do not fit on one line. Decided by the width alone, so every card is as high
        (the queue sizes one row); the author and the time are what a moderator reads first."""
        if not self._show_article:
            return False
        key = (option.font.key(), self._show_author, self._show_score)
        if key not in self._one_line_from:
            self._one_line_from[key] = one_line_header_width(option.font, self._show_author, self._show_score)
        return width < self._one_line_from[key]

    def _paint_card(self, painter: QPainter, option: QStyleOptionViewItem, row: CommentRow, rect: QRect, colour: QColor) -> None:
        if row.status != Status.PENDING and not option.state & QStyle.StateFlag.State_Selected:
            colour = look.muted(colour)  # decided: still readable, visibly done
        chip_line = self.chip_line(option, rect.width())
        top = self._header(painter, option, row, rect, colour, chips=not chip_line)
        small, solid = look.scaled(option.font, 0.85), bool(option.state & QStyle.StateFlag.State_Selected)
        if chip_line:  # right-aligned as on the header's line; the reason chip gets the rest of the line
            chip_left = self._draw_chips(painter, self._chips(row, colour), small, rect.right(), top, option.palette, solid)
            self._reason_chip(painter, row, small, chip_left - 6, top, chip_left - 6 - rect.left(), option.palette, solid)
            top += QFontMetrics(option.font).lineSpacing() + 2
        if self._show_article:
            chip_left = rect.right() if chip_line else self._reason_chip(
                painter, row, small, rect.right(), top, int(rect.width() * QUEUE_REASON_SHARE), option.palette, solid)
            room = chip_left - rect.left() - (8 if chip_left < rect.right() else 0)
            painter.setPen(look.muted(colour))
            headline = QFontMetrics(option.font).elidedText(row.article_headline, Qt.TextElideMode.ElideRight, room)
            top = look.draw_lines(painter, [headline], option.font, rect.left(), top, room)
        painter.setPen(colour)
        if marked := self.marked_body(row, option, rect.width()):  # while searching: the matches stand out
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            marks.draw_marked(painter, marked, option.font, rect.left(), top + 2, rect.width(),
                              marks.mark_colour(option.palette, selected))
            return
        lines = self._body_lines(row, option, rect.width())
        if self._marks_of is not None:
            self._mark(painter, option, row, lines, rect.left(), top + 2)
        look.draw_lines(painter, lines, option.font, rect.left(), top + 2, rect.width())

    def _mark(self, painter: QPainter, option: QStyleOptionViewItem, row: CommentRow, lines: list[str], left: int,
              top: int) -> None:
        """Each marked span's background, behind the wrapped line(s) it is on (plain text, no markup)."""
        assert self._marks_of is not None
        spans = self._marks_of(row, option.palette)
        metrics, position = QFontMetrics(option.font), 0
        for number, line in enumerate(lines if spans else ()):
            shown = line.removesuffix("…").rstrip()  # an elided last line: its text before the ellipsis
            start = row.body.find(shown, position) if shown else -1
            if start < 0:
                continue
            position = start + len(shown)
            for first, end, colour in spans:
                low, high = max(first, start) - start, min(end, position) - start
                if low < high:
                    x = left + metrics.horizontalAdvance(shown[:low])
                    painter.fillRect(QRect(x, top + number * metrics.lineSpacing(), metrics.horizontalAdvance(
                        shown[low:high]), metrics.height()), colour)

    def marked_body(self, row: CommentRow, option: QStyleOptionViewItem, width: int) -> list[marks.MarkedLine]:
        """A search result's snippet laid out in lines with its matches (none when not searching)."""
        snippet = getattr(row, "snippet", "")
        if not snippet:
            return []
        key = (row.id, hash(snippet), width, option.font.key())
        if key not in self._marked:
            if len(self._marked) > WRAPPED_KEPT:
                self._marked.clear()
            self._marked[key] = marks.marked_lines(snippet, option.font, width, self._max_lines)
        return self._marked[key]

    def body_top(self, option: QStyleOptionViewItem, rect: QRect) -> int:
        """Where the body's first line is drawn in a card's content `rect`."""
        spacing = QFontMetrics(option.font).lineSpacing()
        chip_line = spacing + 2 if self.chip_line(option, rect.width()) else 0
        return rect.top() + spacing + 2 + chip_line + (spacing if self._show_article else 0) + 2

    def _chips(self, row: CommentRow, colour: QColor) -> list[tuple[str, QColor]]:
        """The header's chips, right to left: status, the colleague who has it open, staff or
        priority, featured (the reason chip is placed apart: it gives way first)."""
        chips = [(look.status_word(row.status), look.STATUS_COLOURS.get(row.status, colour))]
        if (holder := self.holder_of(row.id)) is not None:
            chips.append((translate("look", "handled by {moderator}").format(moderator=holder), look.CLAIM_COLOUR))
        if row.is_staff:
            chips.append((translate("look", "Staff"), look.STAFF_COLOUR))
        elif (priority := self._priority_of(row.score)) is not None:
            text = look.priority_chip_text(priority) + (f" · {row.score:.2f}" if self._show_score else "")
            chips.append((text, look.PRIORITY_COLOURS[priority]))
        if row.featured:
            chips.append((look.featured_chip_text(), look.FEATURED_COLOUR))
        return chips

    @staticmethod
    def _draw_chips(painter: QPainter, chips: list[tuple[str, QColor]], font: QFont, right: int, top: int,
                    palette: QPalette, solid: bool) -> int:
        """The chips from `right` leftwards, 6 pixels apart; returns the last one's left edge."""
        for text, hue in chips:
            right = look.draw_chip(painter, text, hue, font, right, top, palette, solid) - 6
        return right + 6

    def _header_room(self, row: CommentRow, option: QStyleOptionViewItem, width: int) -> int:
        """Pixels the header's line leaves the author and the time, after the chips drawn on it."""
        if self.chip_line(option, width):
            return width
        small = look.scaled(option.font, 0.85)
        used = sum(look.chip_width(text, small) + 6 for text, _hue in self._chips(row, QColor()))
        if not self._show_article and (reason := self._thread_reason(row, small, width)):
            used += look.chip_width(reason, small) + 6
        return width - used - 2

    def _thread_reason(self, row: CommentRow, small: QFont, width: int) -> str | None:
        """A thread card's reason chip, beside its other chips: its share of the line at most, and
        never into the third kept for the author and the time (none when that leaves too little)."""
        chips = sum(look.chip_width(text, small) + 6 for text, _hue in self._chips(row, QColor()))
        most = min(int(width * REASON_SHARE), width - chips - width // 3)
        return self._reason_text(row, small, most) if most >= REASON_LEAST else None

    def author_and_time(self, row: CommentRow, option: QStyleOptionViewItem, width: int) -> tuple[str, str]:
        """The author's name and the time as a card `width` wide shows them: the author gives way
        to the time, down to half the room; the time is cut last ("" when nothing of it fits)."""
        room, plain = self._header_room(row, option, width), QFontMetrics(option.font)
        when, author = look.when(row.created_at), ""
        if self._show_author:
            author_room = max(room - plain.horizontalAdvance(when) - 8, room // 2)
            author = QFontMetrics(look.bold(option.font)).elidedText(row.author, Qt.TextElideMode.ElideRight, author_room)
            room -= QFontMetrics(look.bold(option.font)).horizontalAdvance(author) + 8
        return author, plain.elidedText(when, Qt.TextElideMode.ElideRight, room) if room > 0 else ""

    def _header(self, painter: QPainter, option: QStyleOptionViewItem, row: CommentRow, rect: QRect, colour: QColor,
                chips: bool = True) -> int:
        """The header's line: the author and the time at the left, the chips (unless they have a line
        of their own) at the right. Returns where the next line starts."""
        small, palette = look.scaled(option.font, 0.85), option.palette
        solid = bool(option.state & QStyle.StateFlag.State_Selected)
        if chips:
            chip_left = self._draw_chips(painter, self._chips(row, colour), small, rect.right(), rect.top(), palette, solid)
            if not self._show_article and (reason := self._thread_reason(row, small, rect.width())):
                look.draw_chip(painter, reason, look.REASON_COLOUR, small, chip_left - 6, rect.top(), palette, solid)
        author_font, plain = look.bold(option.font), QFontMetrics(option.font)
        author, when = self.author_and_time(row, option, rect.width())
        after_author = rect.left()
        if self._show_author:
            painter.setPen(colour)
            if MARK_START in (marked_author := getattr(row, "author_marked", "")):  # a search matched the name
                author_room = QFontMetrics(author_font).horizontalAdvance(author)
                line = marks.marked_lines(marked_author, author_font, author_room, 1)
                marks.draw_marked(painter, line, author_font, rect.left(), rect.top(), author_room,
                                  marks.mark_colour(palette, solid))
            else:
                look.draw_lines(painter, [author], author_font, rect.left(), rect.top(), rect.width())
            after_author += QFontMetrics(author_font).horizontalAdvance(author) + 8
        if when:  # never under the chips
            painter.setPen(look.muted(colour))
            look.draw_lines(painter, [when], option.font, after_author, rect.top(), rect.right() - after_author)
        return rect.top() + plain.lineSpacing() + 2

    @staticmethod
    def _reason_text(row: CommentRow, font: QFont, most: int) -> str | None:
        """The reason chip's text at most `most` wide: the hit's words elided at their end, "+2"
        (how many more) always whole; None when the rules found nothing."""
        if not row.reason:
            return None
        more = look.reason_chip_text("", row.reasons) or ""  # " +2", or ""
        metrics = QFontMetrics(font)
        room = max(most - 12 - metrics.horizontalAdvance(more), 24)
        words = metrics.elidedText(in_words(row.reason), Qt.TextElideMode.ElideRight, room)
        return look.reason_chip_text(words, row.reasons) or words

    @classmethod
    def _reason_chip(cls, painter: QPainter, row: CommentRow, font: QFont, right: int, top: int, most: int,
                     palette: QPalette, solid: bool) -> int:
        """The chip naming what the rules found, ending at `right`. Returns its left edge."""
        if (text := cls._reason_text(row, font, most)) is None:
            return right
        return look.draw_chip(painter, text, look.REASON_COLOUR, font, right, top, palette, solid)


def one_line_header_width(font: QFont, show_author: bool, show_score: bool) -> int:
    """The card width from which a usual author's name (AUTHOR_CHARS), the date with its year
    and the widest priority and status chips fit on the header's one line."""
    small, plain = look.scaled(font, 0.85), QFontMetrics(font)
    author = QFontMetrics(look.bold(font)).averageCharWidth() * AUTHOR_CHARS + 8 if show_author else 0
    when = plain.horizontalAdvance(look.when(SAMPLE_TIME, with_year=True)) + 8
    score = " · 0.00" if show_score else ""
    priority = max(look.chip_width(look.priority_chip_text(p) + score, small) for p in look.PRIORITIES)
    status = max(look.chip_width(look.status_word(s), small) for s in (Status.PENDING, Status.APPROVED, Status.HIDDEN))
    return author + when + priority + 6 + status


class ArticleDelegate(CardDelegate):
    """Headline (two lines at most), section · time, and the counts by status."""

    def _headline_lines(self, row: ArticleRow, option: QStyleOptionViewItem, width: int) -> list[str]:
        return look.wrapped_lines(row.headline, look.bold(option.font), width, 2)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Every card two headline lines high: the list measures one row, not every article."""
        spacing = QFontMetrics(option.font).lineSpacing()
        return QSize(self._width(index), 2 * PAD + (2 + 2) * spacing + 4)

    def _paint_card(self, painter: QPainter, option: QStyleOptionViewItem, row: ArticleRow, rect: QRect, colour: QColor) -> None:
        painter.setPen(colour)
        lines = self._headline_lines(row, option, rect.width())
        top = look.draw_lines(painter, lines, look.bold(option.font), rect.left(), rect.top(), rect.width())
        painter.setPen(look.muted(colour))
        meta = " · ".join(part for part in (row.section, look.when(row.published_at) or translate("look", "undated")) if part)
        meta_top, note = top, date_note(row.published_at)
        top = look.draw_lines(painter, [meta + (" · " if note else "")], option.font, rect.left(), top, rect.width())
        if note:  # a future-dated post is not published yet: say so beside its date, in a warning colour
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            painter.setPen(colour if selected else look.text_colour(look.PRIORITY_COLOURS["Medium"], option.palette,
                                                                    QPalette.ColorRole.Base))
            at = rect.left() + QFontMetrics(option.font).horizontalAdvance(meta + " · ")
            look.draw_lines(painter, [note], look.bold(option.font), at, meta_top, rect.right() - at)
        self._counts(painter, option, row, rect.left(), top + 2, bool(option.state & QStyle.StateFlag.State_Selected))

    def _counts(self, painter: QPainter, option: QStyleOptionViewItem, row: ArticleRow, left: int, top: int, solid: bool) -> None:
        counts = {"pending": row.pending, "approved": row.approved, "hidden": row.hidden}
        font = look.scaled(option.font, 0.85)
        right = paint_counts(painter, counts, font, left, top, option.palette, solid)
        chips = score_chips(row)
        for text in chips:  # PRODUCT A: the highest score, and what is still unscored
            right += 6 + look.chip_width(text, font)
            look.draw_chip(painter, text, look.ZERO_COLOUR if text != chips[0] or row.highest is None
                           else look.PRIORITY_COLOURS["Low"],
                           font, right, top, option.palette, solid)


def score_chips(row: ArticleRow) -> list[str]:
    """'top 0.93', '12 unscored': what the article list shows of the active model's scores."""
    chips = [translate("look", "top {score}").format(score=f"{row.highest:.2f}")] if row.highest is not None else []
    return chips + ([translate("look", "{count} unscored").format(count=look.number(row.unscored))] if row.unscored else [])


def count_chip_text(status: str, count: int) -> str:
    """'3 pending', in the language in force."""
    if status in COUNT_CHIPS:
        return translate("look", COUNT_CHIPS[status]).format(count=look.number(count))
    return f"{look.number(count)} {status}"


def paint_counts(painter: QPainter, counts: dict[str, int], font: QFont, left: int, top: int, palette: QPalette,
                 solid: bool = False) -> int:
    """'3 pending' '12 approved' '0 hidden' chips from `left`, in the status colours; returns their right edge."""
    right = left
    for status, count in counts.items():
        text = count_chip_text(status, count)
        right += look.chip_width(text, font)
        hue = look.STATUS_COLOURS[status] if count else look.ZERO_COLOUR
        look.draw_chip(painter, text, hue, font, right, top, palette, solid)
        right += 6
    return right - 6
