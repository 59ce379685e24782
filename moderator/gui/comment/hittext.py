"""A comment's text with its rule hits highlighted (word lists, patterns: moderator/rules).

The text is set as plain text and the hits are marked with character formats, never HTML:
a comment is data. A banned word is marked red, every other hit amber; the words under
the text name each hit ("banned word 'vermin' · phone number").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QLabel, QTextEdit, QVBoxLayout, QWidget

from moderator.gui.common.reading import Read
from moderator.gui.common.translation import translate
from moderator.reading.rows import CommentRow
from moderator.rules.hits import TextHit
from moderator.rules.text import BANNED_WORDS, hits_in_article
from moderator.rules.wording import in_words

BANNED_HUE, OTHER_HUE = QColor("#dc2626"), QColor("#d97706")
TEXT_HEIGHT = 400  # pixels at most; a longer comment scrolls inside
HITS_KEPT = 5_000  # comments whose hits a thread remembers


def utf16(text: str, index: int) -> int:
    """A Python index (code points) as Qt counts positions (UTF-16 units: an emoji is two)."""
    return len(text[:index].encode("utf-16-le")) // 2


def hit_colour(hit: TextHit, palette: QPalette) -> QColor:
    """The hit's mark: strong enough to see on a dark background, faint enough to read through."""
    colour = QColor(BANNED_HUE if hit.rule == BANNED_WORDS else OTHER_HUE)
    colour.setAlphaF(0.55 if palette.color(QPalette.ColorRole.Base).lightness() < 128 else 0.35)
    return colour


def describe_hits(hits: Sequence[TextHit]) -> str:
    """Each distinct hit once, in text order: "Rule hits: banned word 'vermin' · phone number"."""
    named = list(dict.fromkeys(in_words(hit.what) for hit in hits))
    return translate("HitText", "Rule hits: {hits}").format(hits=" · ".join(named)) if named else ""


class HitText(QWidget):
    """The comment's text, read-only and as tall as it is (up to TEXT_HEIGHT), its hits marked."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.text = QTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAcceptRichText(False)
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        self.text.setAccessibleName(translate("HitText", "Comment text"))
        self.text.setObjectName("commentText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.viewport().setAutoFillBackground(False)
        self.text.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())
        self.words = QLabel(self)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.words.setWordWrap(True)
        self.words.setAccessibleName(translate("HitText", "What the rules found in the text"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.words)
        self.hits: tuple[TextHit, ...] = ()
        self.body = ""

    def show_text(self, body: str, hits: Sequence[TextHit] = ()) -> None:
        self.hits, self.body = tuple(hits), body
        self.text.setPlainText(body)
        cursor = QTextCursor(self.text.document())
        for hit in self.hits:
            mark = QTextCharFormat()  # no tooltip: Qt would read it as rich text
            mark.setBackground(hit_colour(hit, self.palette()))
            cursor.setPosition(utf16(body, hit.start))
            cursor.setPosition(utf16(body, hit.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(mark)
        said = describe_hits(self.hits)
        self.words.setText(said)
        self.words.setVisible(bool(said))
        self._fit()

    def marked(self) -> list[str]:
        """The text of each highlighted span (for tests and screen readers)."""
        return [self.body[hit.start:hit.end] for hit in self.hits]

    def _fit(self) -> None:
        self.text.document().setTextWidth(self.text.viewport().width())
        height = int(self.text.document().size().height()) + 2 * self.text.frameWidth() + 4
        self.text.setFixedHeight(min(TEXT_HEIGHT, height))

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - Qt's event
        super().resizeEvent(event)
        self._fit()


class ThreadHits:
    """The rule hits of the comments a thread paints, each comment's found once (per text)
    and kept until the lists change (`forget`): a card's marks for CommentDelegate."""

    def __init__(self, read: Read):
        self._read = read
        self._found: dict[tuple[int, int], list[TextHit]] = {}

    def hits(self, row: CommentRow) -> list[TextHit]:
        key = (row.id, hash(row.body))
        if key not in self._found:
            if len(self._found) > HITS_KEPT:
                self._found.clear()
            self._found[key] = self._read(lambda session: hits_in_article(session, row.article_id, row.body))
        return self._found[key]

    def marks(self, row: CommentRow, palette: QPalette) -> list[tuple[int, int, QColor]]:
        return [(hit.start, hit.end, hit_colour(hit, palette)) for hit in self.hits(row)]

    def forget(self) -> None:
        self._found.clear()
