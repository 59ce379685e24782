"""The audit log as a lazy table model: decisions matching an `AuditFilter`, newest first,
a keyset page (`moderator.reading.audit.audit_page`) at a time as the view scrolls; each row's
cells made once; the rows of one bulk batch marked so the view can tint them as a block.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem
from sqlalchemy.orm import Session

from moderator.gui.common import look
from moderator.gui.common.names import source_word
from moderator.gui.common.reading import Read
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.models.listmodels import ID_ROLE, ROW_ROLE
from moderator.reading import audit
from moderator.reading.audit import AuditFilter, AuditRow
from moderator.rules.wording import shown_note
from moderator.vocabulary import HIDE_REASONS

COMMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 3  # the decided comment's id
BATCH_ROLE = Qt.ItemDataRole.UserRole + 4  # the bulk batch id, or None
BATCH_RUN_ROLE = Qt.ItemDataRole.UserRole + 5  # 0 / 1 alternating per run of one batch's rows; None outside

# Marked for pyside6-lupdate; `action_word`, `source_word` and `header` translate them where shown.
ACTION_LABELS: dict[str, str] = {
    "approve": QT_TRANSLATE_NOOP("AuditLog", "Approve"), "hide": QT_TRANSLATE_NOOP("AuditLog", "Hide"),
    "restore": QT_TRANSLATE_NOOP("AuditLog", "Restore"), "reply": QT_TRANSLATE_NOOP("AuditLog", "Staff reply"),
    "post": QT_TRANSLATE_NOOP("AuditLog", "Staff post"), "undo": QT_TRANSLATE_NOOP("AuditLog", "Undo"),
    "redo": QT_TRANSLATE_NOOP("AuditLog", "Redo"), "flag": QT_TRANSLATE_NOOP("AuditLog", "Flag"),
    "feature": QT_TRANSLATE_NOOP("AuditLog", "Feature"), "unfeature": QT_TRANSLATE_NOOP("AuditLog", "Unfeature"),
    "trust": QT_TRANSLATE_NOOP("AuditLog", "Trust"), "untrust": QT_TRANSLATE_NOOP("AuditLog", "Untrust"),
    "ban": QT_TRANSLATE_NOOP("AuditLog", "Ban"), "unban": QT_TRANSLATE_NOOP("AuditLog", "Unban")}
TIME, MODERATOR, ACTION, SOURCE, REASON, STATUS, COMMENTER, COMMENT, BATCH = range(9)
HEADERS = (QT_TRANSLATE_NOOP("AuditLog", "Time"), QT_TRANSLATE_NOOP("AuditLog", "Moderator"),
           QT_TRANSLATE_NOOP("AuditLog", "Action"), QT_TRANSLATE_NOOP("AuditLog", "Source"),
           QT_TRANSLATE_NOOP("AuditLog", "Reason and note"), QT_TRANSLATE_NOOP("AuditLog", "Status"),
           QT_TRANSLATE_NOOP("AuditLog", "Commenter"), QT_TRANSLATE_NOOP("AuditLog", "Comment"),
           QT_TRANSLATE_NOOP("AuditLog", "Bulk batch"))


def action_word(action: str) -> str:
    return translate("AuditLog", ACTION_LABELS[action]) if action in ACTION_LABELS else action


def header(column: int) -> str:
    return translate("AuditLog", HEADERS[column])


def reason_word(reason: str) -> str:
    words = HIDE_REASONS.get(reason)
    return translate("vocabulary", words) if words else reason
# Widths in characters: the columns hold short, known words; the reason takes the rest.
WIDTHS = {TIME: 19, MODERATOR: 14, ACTION: 11, SOURCE: 8, STATUS: 20, COMMENTER: 18, COMMENT: 9, BATCH: 21}


def status_text(row: AuditRow) -> str:
    before = look.status_word(row.status_before) if row.status_before else translate("AuditLog", "New")
    return f"{before} → {look.status_word(row.status_after)}"


def reason_text(row: AuditRow) -> str:
    parts = [reason_word(row.reason)] if row.reason else []
    if row.reverts_id is not None:
        parts.append(translate("AuditLog", "reverses decision {id}").format(id=row.reverts_id))
    if row.note:
        parts.append(f"“{' '.join(shown_note(row.note, row.source).split())}”")  # one line in the table; in full below it
    return " · ".join(parts)


def batch_text(row: AuditRow, size: int | None) -> str:
    if row.batch_id is None:
        return ""
    return translate("AuditLog", "{count} comments · {batch}").format(count=size, batch=row.batch_id[:6]) if size \
        else row.batch_id[:6]


def describe(row: AuditRow, size: int | None = None) -> str:
    """The whole decision in one plain sentence or two: the details line and screen readers."""
    local = row.created_at.astimezone()
    moment = translate("AuditLog", "{day} {month} {year} at {time}").format(
        day=local.day, month=translate("look", look.MONTHS[local.month - 1]), year=local.year, time=f"{local:%H:%M:%S}")
    text = translate("AuditLog", "Decision {id}, {moment}: {moderator}, {action} ({source}) on comment {comment} by "
                                 "{author}. Status {status}.").format(
        id=row.id, moment=moment, moderator=row.moderator, action=action_word(row.action).lower(),
        source=source_word(row.source).lower(), comment=row.comment_id, author=row.author,
        status=status_text(row).replace("→", translate("AuditLog", "to")))
    if row.reason:
        text += " " + translate("AuditLog", "Reason: {reason}.").format(reason=reason_word(row.reason))
    if row.reverts_id is not None:
        text += " " + translate("AuditLog", "Reverses decision {id}.").format(id=row.reverts_id)
    if row.batch_id:
        text += " " + (translate("AuditLog", "Bulk batch {batch} of {count} comments.").format(batch=row.batch_id[:6], count=size)
                       if size else translate("AuditLog", "Bulk batch {batch}.").format(batch=row.batch_id[:6]))
    return text + ("\n" + translate("AuditLog", "Note: {note}").format(note=shown_note(row.note, row.source)) if row.note else "")


def cells(row: AuditRow, batch_size: int | None) -> tuple[str, ...]:
    """The row's text in each column (made once per row: a paint asks for each cell often)."""
    return (look.when(row.created_at, with_year=True), row.moderator, action_word(row.action),
            source_word(row.source), reason_text(row), status_text(row), row.author,
            f"#{row.comment_id}", batch_text(row, batch_size))


_FIELDS: dict[int, Callable[[AuditRow], Any]] = {
    ROW_ROLE: lambda row: row, ID_ROLE: attrgetter("id"), COMMENT_ID_ROLE: attrgetter("comment_id"),
    BATCH_ROLE: attrgetter("batch_id"),
}


class AuditModel(QAbstractTableModel):
    """Decisions matching the filters, newest first, fetched a keyset page at a time."""

    def __init__(self, read: Read, parent: QObject | None = None):
        super().__init__(parent)
        self._read, self._filters = read, AuditFilter()
        self._rows: list[AuditRow] = []
        self._texts: list[tuple[str, ...]] = []  # each row's cells
        self._runs: list[int | None] = []  # BATCH_RUN_ROLE of each row
        self._sizes: dict[str, int] = {}
        self._cursor: audit.AuditCursor | None = None
        self._exhausted, self._run = False, 1

    @property
    def filters(self) -> AuditFilter:
        return self._filters

    def set_filters(self, filters: AuditFilter) -> None:
        """Start again from the newest matching decision."""
        self.beginResetModel()
        self._filters, self._rows, self._texts, self._runs, self._sizes = filters, [], [], [], {}
        self._cursor, self._exhausted = None, False
        self.endResetModel()
        self.fetchMore()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return header(section)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        i, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[i][column]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{header(column)}: {self._texts[i][column].replace('→', translate('AuditLog', 'to'))}"
        if role == Qt.ItemDataRole.ForegroundRole:
            hue = look.STATUS_COLOURS.get(self._rows[i].status_after) if column == STATUS else None
            return look.text_colour(hue, QGuiApplication.palette(), QPalette.ColorRole.Base) if hue else None
        if role == BATCH_RUN_ROLE:
            return self._runs[i]
        field = _FIELDS.get(role)
        return field(self._rows[i]) if field else None

    def batch_size(self, row: AuditRow) -> int | None:
        return self._sizes.get(row.batch_id) if row.batch_id else None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        filters, after, known = self._filters, self._cursor, set(self._sizes)

        def page_and_batches(session: Session) -> tuple[list[AuditRow], audit.AuditCursor | None, dict[str, int]]:
            page, cursor = audit.audit_page(session, filters, after)
            batches = {r.batch_id for r in page if r.batch_id and r.batch_id not in known}
            return page, cursor, audit.batch_sizes(session, batches)

        page, self._cursor, sizes = self._read(page_and_batches)
        self._sizes.update(sizes)
        self._exhausted = len(page) < audit.PAGE
        if page:
            runs = self._runs_of(page)
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self._texts.extend(cells(row, self.batch_size(row)) for row in page)
            self._runs.extend(runs)
            self.endInsertRows()

    def _runs_of(self, page: list[AuditRow]) -> list[int | None]:
        """Rows of one batch lie together (one transaction, one time); neighbouring runs alternate."""
        runs, previous = [], self._rows[-1].batch_id if self._rows else None
        for row in page:
            if row.batch_id is not None and row.batch_id != previous:
                self._run = 1 - self._run
            runs.append(None if row.batch_id is None else self._run)
            previous = row.batch_id
        return runs


class BatchTint(QStyledItemDelegate):
    """A batch's rows share a light tint of the highlight colour, alternating between runs,
    so one bulk action reads as one block (in light and dark palettes alike)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        run = index.data(BATCH_RUN_ROLE)
        if run is not None:
            tint = QColor(option.palette.color(QPalette.ColorRole.Highlight))
            tint.setAlpha(24 if run else 48)
            option.backgroundBrush = QBrush(tint)
