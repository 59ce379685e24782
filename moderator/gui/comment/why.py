"""The comment panel's "Why?" section: the words that push the score up or down, highlighted
on the comment's own text with their weight, beside the rule hits.

The text is set as plain text and highlighted with character formats, never as HTML: a
comment is data. Red pushes the score up, blue pulls it down, the stronger the deeper.
Weights are on the log-odds scale (so a 0.9999 score still explains itself).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QTextEdit, QToolButton, QVBoxLayout, QWidget

from moderator.gui.common import look
from moderator.gui.common.names import label_words
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.reading.rows import CommentRow
from moderator.scoring.explain import Explanation

UP, DOWN = QColor("#dc2626"), QColor("#2563eb")
STRONGEST = 8  # words listed under the text
TEXT_HEIGHT = 220  # pixels at most; a longer comment scrolls
READ_AS = QT_TRANSLATE_NOOP("WhySection", "Scored on the text with its disguises undone (look-alike letters, hidden "
                                          "characters, digits for letters), which scored higher: shown below as the "
                                          "model read it.")
NO_RULES = QT_TRANSLATE_NOOP("WhySection", "Rule hits (word lists, patterns) are marked on the comment's text above, "
                                           "and named under it.")


def utf16(text: str, index: int) -> int:
    """A Python index (code points) as Qt counts positions (UTF-16 units: an emoji is two)."""
    return len(text[:index].encode("utf-16-le")) // 2


def describe_weight(weight: float) -> str:
    return f"{weight:+.2f}"


def summary(found: Explanation) -> str:
    how = translate("WhySection", "exact word contributions") if found.bias is not None else \
        translate("WhySection", "each word left out in turn (occlusion)")
    line = translate("WhySection", "{label} {score} · log-odds {log_odds} · {model}, {how}").format(
        label=label_words(found.label), score=f"{found.score:.3f}", log_odds=f"{found.log_odds:+.2f}", model=found.model,
        how=how)
    if found.bias is not None:
        line += "\n" + translate("WhySection", "An empty comment: {bias}; the words add {words}").format(
            bias=f"{found.bias:+.2f}", words=f"{found.log_odds - found.bias:+.2f}")
    if found.read_as is not None:
        line += "\n" + translate("WhySection", READ_AS)
    return line


class WhySection(QWidget):
    asked = Signal()  # the moderator pressed Explain
    cancel_asked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(translate("WhySection", "Why is this comment flagged"))
        self.title = self._plain_label(translate("WhySection", "Why?"))
        self.title.setWordWrap(False)
        self.title.setFont(look.bold(self.font()))
        self.explain_button = QToolButton(self)
        self.explain_button.setText(translate("WhySection", "Explain (W)"))
        self.explain_button.clicked.connect(self.asked)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.title)
        header.addStretch()
        header.addWidget(self.explain_button)
        self.state = self._plain_label()
        self.bar = QProgressBar(self)
        self.bar.setMaximumHeight(8)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText(translate("WhySection", "Cancel"))
        self.cancel_button.clicked.connect(self.cancel_asked)
        running = QHBoxLayout()
        running.setContentsMargins(0, 0, 0, 0)
        running.addWidget(self.bar, 1)
        running.addWidget(self.cancel_button)
        self.text = QTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAcceptRichText(False)
        self.text.setAccessibleName(translate("WhySection", "Comment text with the words that move its score highlighted"))
        self.text.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # As tall as its text (up to TEXT_HEIGHT), again whenever the panel's width re-wraps it.
        self.text.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit_text())
        self.words = self._plain_label()
        self.words.setAccessibleName(translate("WhySection", "The words that move the score most"))
        self.rules = self._plain_label(translate("WhySection", NO_RULES))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.addLayout(header)
        layout.addWidget(self.state)
        layout.addLayout(running)
        layout.addWidget(self.text)
        layout.addWidget(self.words)
        layout.addWidget(self.rules)
        self.comment_id: int | None = None
        self.explanation: Explanation | None = None
        self.show_waiting()

    def _plain_label(self, text: str = "") -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    def _running(self, on: bool) -> None:
        self.bar.setVisible(on)
        self.cancel_button.setVisible(on)

    def follow(self, row: CommentRow | None) -> None:
        """The panel shows another comment: nothing explained yet for it."""
        self.setVisible(row is not None)
        if row is None or row.id != self.comment_id:
            self.comment_id = row.id if row is not None else None
            self.show_waiting()

    def show_waiting(self) -> None:
        self.explanation = None
        self.state.setText(translate("WhySection", "Press W to see which words move this comment's score."))
        self._running(False)
        self.text.hide()
        self.words.hide()

    def show_running(self, done: int = 0, total: int = 0) -> None:
        self.state.setText(translate("WhySection", "Explaining… {done} of {total} variants scored").format(done=done, total=total)
                           if total else translate("WhySection", "Explaining… (loading the model)"))
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self._running(True)

    def show_failed(self, sentence: str) -> None:
        self.state.setText(sentence)
        self._running(False)

    def show_explanation(self, body: str, found: Explanation) -> None:
        self.explanation = found
        self._running(False)
        self.state.setText(summary(found))
        self._highlight(body if found.read_as is None else found.read_as, found)
        strongest = found.strongest(STRONGEST)
        listed = ", ".join(f"{s.text} {describe_weight(s.weight)}" for s in strongest)
        self.words.setText(translate("WhySection", "Red pushes the score up, blue pulls it down. Moves the score most: "
                                                   "{words}").format(words=listed)
                           if strongest else translate("WhySection", "No word of it moves the score."))
        hits = ", ".join(translate("WhySection", "{rule} on “{text}”").format(rule=h.rule, text=h.text) for h in found.rule_hits)
        self.rules.setText(translate("WhySection", "Rule hits: {hits}").format(hits=hits) if found.rule_hits
                           else translate("WhySection", NO_RULES))
        self.text.show()
        self.words.show()

    def _fit_text(self) -> None:
        height = int(self.text.document().size().height()) + 2 * self.text.frameWidth() + 4
        self.text.setFixedHeight(min(TEXT_HEIGHT, height))

    def _highlight(self, body: str, found: Explanation) -> None:
        self.text.setPlainText(body)
        strongest = max((abs(s.weight) for s in found.spans), default=0.0)
        if not strongest:
            return
        # On a dark background a faint tint disappears: the weakest words need more colour there.
        faintest = 0.35 if self.palette().color(QPalette.ColorRole.Base).lightness() < 128 else 0.15
        cursor = QTextCursor(self.text.document())
        for span in found.spans:
            if not span.weight:
                continue
            colour = QColor(UP if span.weight > 0 else DOWN)
            colour.setAlphaF(faintest + (0.8 - faintest) * abs(span.weight) / strongest)
            fmt = QTextCharFormat()  # no tooltip: Qt would read the word as rich text
            fmt.setBackground(colour)
            cursor.setPosition(utf16(body, span.start))
            cursor.setPosition(utf16(body, span.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)

    def highlighted(self) -> list[tuple[str, float]]:
        """(text, weight) of each highlighted span, for tests and screen readers."""
        if self.explanation is None:
            return []
        return [(s.text, s.weight) for s in self.explanation.spans if s.weight]
