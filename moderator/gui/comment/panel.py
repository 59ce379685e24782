"""The selected comment in full: who, when, status, what it answers, and its history."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QToolButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from moderator.changes import Changes
from moderator.gui.comment.hittext import HitText
from moderator.gui.comment.scorebars import ScoreBars
from moderator.gui.common import look
from moderator.gui.common.columnslayout import ColumnsLayout
from moderator.gui.common.reading import ActiveModel, Read
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.reading import queries
from moderator.reading.rows import CommentRow, DecisionRow
from moderator.rules.hits import TextHit
from moderator.rules.text import hits_in_article
from moderator.rules.wording import shown_note
from moderator.scoring.base import LabelScores
from moderator.scoring.store import scores_for
from moderator.vocabulary import HIDE_REASONS, Status

# The comment, what it answers, its history, scores, status as imported, rule hits: one read
Details = tuple[CommentRow, CommentRow | None, list[DecisionRow], LabelScores | None, tuple[str | None, str | None],
                list[TextHit]]

ACTION_WORDS = {  # marked for pyside6-lupdate, translated where shown
    "approve": QT_TRANSLATE_NOOP("CommentPanel", "approved it"), "hide": QT_TRANSLATE_NOOP("CommentPanel", "hid it"),
    "restore": QT_TRANSLATE_NOOP("CommentPanel", "sent it back to review"),
    "reply": QT_TRANSLATE_NOOP("CommentPanel", "replied"), "post": QT_TRANSLATE_NOOP("CommentPanel", "posted it"),
    "undo": QT_TRANSLATE_NOOP("CommentPanel", "undid a decision"), "redo": QT_TRANSLATE_NOOP("CommentPanel", "redid a decision"),
    # issue 14: decisions that keep the status
    "flag": QT_TRANSLATE_NOOP("CommentPanel", "flagged it for review"),
    "feature": QT_TRANSLATE_NOOP("CommentPanel", "featured it"), "unfeature": QT_TRANSLATE_NOOP("CommentPanel", "unfeatured it"),
    "trust": QT_TRANSLATE_NOOP("CommentPanel", "trusted its author"),
    "ban": QT_TRANSLATE_NOOP("CommentPanel", "banned its author"),
    "unban": QT_TRANSLATE_NOOP("CommentPanel", "unbanned its author"),
    "untrust": QT_TRANSLATE_NOOP("CommentPanel", "stopped trusting its author"),
}


def plain_label(parent: QWidget, text: str = "", selectable: bool = False) -> QLabel:
    """A label that always shows its text literally: comment text is data, never markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    if selectable:
        flag = Qt.TextInteractionFlag
        label.setTextInteractionFlags(flag.TextSelectableByMouse | flag.TextSelectableByKeyboard)
    return label


def imported_words(status: str | None, flag: str | None) -> str:
    """Why the site held or hid a comment before it came here ("" for one it published, or
    one made here): a comment that arrives hidden with no decision says why."""
    if flag == "deleted":
        return translate("CommentPanel", "Deleted by its author on the site; imported hidden. Approving it publishes it "
                                          "again; restoring it sends it back to review.")
    known = {"spam": QT_TRANSLATE_NOOP("CommentPanel", "Marked as spam on the site; imported hidden."),
             "trash": QT_TRANSLATE_NOOP("CommentPanel", "In the site's bin; imported hidden."),
             "flagged": QT_TRANSLATE_NOOP("CommentPanel", "Flagged by readers on the site; imported pending.")}
    if flag in known:
        return translate("CommentPanel", known[flag])
    said = translate("CommentPanel", " (the site said “{flag}”)").format(flag=flag) if flag else ""
    if status == Status.PENDING:
        return translate("CommentPanel", "Held for moderation on the site{said}; imported pending.").format(said=said)
    if status == Status.HIDDEN:
        return translate("CommentPanel", "Hidden on the site{said}; imported hidden.").format(said=said)
    return ""


def describe_decision(decision: DecisionRow) -> str:
    words = translate("CommentPanel", ACTION_WORDS[decision.action]) if decision.action in ACTION_WORDS else decision.action
    line = f"{look.when(decision.created_at)} · {decision.moderator} {words}"
    if decision.reason:
        reason = HIDE_REASONS.get(decision.reason)
        line += f" ({translate('vocabulary', reason) if reason else decision.reason})"
    if decision.status_before and decision.status_after != decision.status_before:
        line += f": {look.status_word(decision.status_before).lower()} → {look.status_word(decision.status_after).lower()}"
    if decision.note:
        line += f"\n“{shown_note(decision.note, decision.source)}”"
    return line


class CommentPanel(QScrollArea):
    def __init__(self, read: Read, active: ActiveModel, actions: list[QAction], parent: QWidget | None = None):
        super().__init__(parent)
        self._read, self._active = read, active
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(translate("CommentPanel", "Selected comment"))
        body = QWidget(self)
        self.layout_ = QVBoxLayout(body)
        self.placeholder = plain_label(body, translate("CommentPanel", "Select a comment to read it in full and decide."))
        self.placeholder.setObjectName("panelPlaceholder")
        self.author = plain_label(body)
        self.author.setFont(look.scaled(look.bold(self.font()), 1.1))
        self.meta = plain_label(body)
        self.status = plain_label(body)
        self.imported = plain_label(body)
        self.imported.setObjectName("importedStatus")
        self.imported.setAccessibleName(translate("CommentPanel", "Status on the site when imported"))
        self.article = plain_label(body)
        self.parent_box, self.parent_title, self.parent_text = self._quote_box(body)
        self.comment_text = HitText(body)  # the text, its rule hits highlighted
        self.text = self.comment_text.text
        self.text.setAccessibleName(translate("CommentPanel", "Comment text"))
        self.buttons = self._buttons(body, actions)
        self.scores = ScoreBars(body)
        self.history_title = plain_label(body, translate("CommentPanel", "History"))
        self.history_title.setFont(look.bold(self.font()))
        self.history = plain_label(body, selectable=True)
        for widget in (self.placeholder, self.author, self.meta, self.status, self.imported, self.article, self.parent_box,
                       self.comment_text, self.buttons, self.scores, self.history_title, self.history):
            self.layout_.addWidget(widget)
        self.layout_.addStretch()
        self.setWidget(body)
        self.row: CommentRow | None = None  # the comment shown: what every action acts on
        self.site_status: tuple[str | None, str | None] = (None, None)  # as imported: status, and why
        self._parent_id: int | None = None
        self.show_comment(None)

    def minimumSizeHint(self) -> QSize:
        """As wide as its content at its narrowest (the widest button whole) plus the scroll bar:
        the splitter then never squeezes the panel until its words are cut."""
        content = self.widget()
        body = content.minimumSizeHint() if content is not None else QSize()
        frame = 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        return QSize(body.width() + frame, super().minimumSizeHint().height())

    def add_section(self, widget: QWidget) -> None:
        """A section of another part (the Why? section), placed above the history."""
        self.layout_.insertWidget(self.layout_.indexOf(self.history_title), widget)

    @property
    def comment_id(self) -> int | None:
        return self.row.id if self.row else None

    def load(self, comment_id: int | None) -> None:
        """Read the comment, what it answers, its history and scores, in one read (it runs
        on every j / k), and show them."""
        if comment_id is None:
            self.show_comment(None)
            return
        self._show_details(self._read(self._details_of(comment_id)))

    def _details_of(self, comment_id: int) -> Callable[[Session], Details]:
        model_id = self._active.model_id

        def details(session: Session) -> Details:
            row = queries.comment(session, comment_id, model_id)
            parent = queries.comment(session, row.parent_id) if row.parent_id else None
            scores = scores_for(session, model_id, [comment_id]).get(comment_id)
            return (row, parent, queries.history(session, comment_id), scores, queries.imported_as(session, comment_id),
                    hits_in_article(session, row.article_id, row.body))

        return details

    def _show_details(self, details: Details) -> None:
        row, parent, history, scores, self.site_status, hits = details
        self.show_comment(row, parent, history, hits)
        identity = self._active.identity
        self.scores.show_scores(identity.name, identity.main_label, scores, self._active.priority_of(row.score))

    @property
    def deleted_by_author(self) -> bool:
        """The comment's author deleted it on the site before it was imported."""
        return self.row is not None and self.site_status[1] == "deleted"

    def to_read(self, changes: Changes) -> Callable[[Session], Details] | None:
        """Read again when its comment, the comment it answers, or a staff reply under it changed."""
        if self.row is None:
            return None
        replied = any(row.parent_id == self.row.id for row in changes.rows.values())
        if changes.touches(self.row.id) or changes.touches(self._parent_id) or replied or changes.decided \
                and not changes.rows_complete:
            return self._details_of(self.row.id)
        return None

    def on_read(self, _changes: Changes, answer: Details | None) -> None:
        """Shown again, unless the moderator moved to another comment meanwhile."""
        if answer is not None and answer[0].id == self.comment_id:
            self._show_details(answer)

    def _quote_box(self, parent: QWidget) -> tuple[QFrame, QLabel, QLabel]:
        box = QFrame(parent)
        box.setObjectName("quoteBox")  # styled in resources/styles/moderator.qss
        title, text = plain_label(box), plain_label(box, selectable=True)
        title.setFont(look.bold(self.font()))
        text.setAccessibleName(translate("CommentPanel", "Text of the comment it answers"))
        layout = QVBoxLayout(box)
        layout.addWidget(title)
        layout.addWidget(text)
        return box, title, text

    def _buttons(self, parent: QWidget, actions: list[QAction]) -> QWidget:
        row = QWidget(parent)
        layout = ColumnsLayout(row, columns=2)  # two by two, or one under the other where the words need it
        layout.setContentsMargins(0, 6, 0, 6)
        for action in actions:
            button = QToolButton(row)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            layout.addWidget(button)
        return row

    def show_comment(self, row: CommentRow | None, parent: CommentRow | None = None,
                     history: Sequence[DecisionRow] = (), hits: Sequence[TextHit] = ()) -> None:
        self.row, self._parent_id = row, parent.id if parent else None
        if row is None:
            self.site_status = (None, None)
        for widget in (self.author, self.meta, self.status, self.article, self.comment_text, self.buttons,
                       self.scores, self.history_title, self.history):
            widget.setVisible(row is not None)
        said = imported_words(*self.site_status)
        self.imported.setText(said)
        self.imported.setVisible(bool(said))
        self.placeholder.setVisible(row is None)
        self.parent_box.setVisible(parent is not None)
        if row is None:
            return
        self.author.setText(row.author + ("  · " + translate("CommentPanel", "Staff") if row.is_staff else ""))
        self.meta.setText(translate("CommentPanel", "{when} · comment {id}").format(
            when=look.when(row.created_at, with_year=True), id=row.id))
        self.status.setText(look.status_word(row.status) + ("  · " + look.featured_chip_text() if row.featured else ""))
        hue = look.STATUS_COLOURS.get(row.status)
        sheet = f"color: {look.text_colour(hue, self.palette()).name()}; font-weight: bold;" if hue else ""
        if sheet != self.status.styleSheet():  # setting it re-polishes the label: not on every j / k
            self.status.setStyleSheet(sheet)
        self.article.setText(translate("CommentPanel", "On: {headline}").format(headline=row.article_headline))
        self.comment_text.show_text(row.body, hits)
        if parent is not None:
            self.parent_title.setText(translate("CommentPanel", "In reply to {author}:").format(author=parent.author))
            self.parent_text.setText(parent.body)
        self.history.setText("\n\n".join(describe_decision(d) for d in history)
                             or translate("CommentPanel", "No decisions yet."))
