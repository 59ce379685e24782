"""Data is shown as plain text everywhere: a comment, its author's name, its article's
headline and a decision's note made of HTML (bold, an image on local disk, a link)
are walked through every label, text box and list of the main window, the comment and
commenter panels, the reply and hide dialogs and the audit window. Nothing may render
as rich text, and the image (a solid magenta square on disk) must never be painted."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLabel, QTextEdit, QWidget
from sqlalchemy import select, update

from moderator.config import resolve_db_url
from moderator.gui import settings as S
from moderator.gui.actions import ActionId
from moderator.gui.app import build_window
from moderator.importing.demo import load_demo
from moderator.moderation.decisions import decide
from moderator.storage.database import open_database
from moderator.storage.models import Article, Comment
from tests.gui.helpers import answer_modal, wait_writes

MAGENTA = (255, 0, 255)
MARKERS = ("<b>", "<img", "<a href")


def hostile(image_uri: str, what: str) -> str:
    return f'<b>{what}</b> <img src="{image_uri}" width="48" height="48"> <a href="https://evil.example/">more</a>'


@pytest.fixture
def hostile_data(paths, tmp_path):
    """The demo, with the newest pending comment, its author, its headline and a note made of HTML."""
    image = QImage(48, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(*MAGENTA))
    image.save(str(tmp_path / "x.png"))
    uri = (tmp_path / "x.png").as_uri()
    database = open_database(resolve_db_url(paths), paths.backups)
    with database.sessions() as session:
        load_demo(session)
        comment = session.scalars(select(Comment).where(Comment.status == "pending")
                                  .order_by(Comment.created_at.desc())).first()
        texts = {"body": hostile(uri, "body"), "author": hostile(uri, "name"), "headline": hostile(uri, "headline")}
        session.execute(update(Comment).where(Comment.id == comment.id)
                        .values(body=texts["body"], author=texts["author"]))
        session.execute(update(Article).where(Article.id == comment.article_id).values(headline=texts["headline"]))
        session.commit()
        decide(session, [comment.id], "approve", hostile(uri, "moderator"), note=hostile(uri, "note"))
        decide(session, [comment.id], "restore", "ana")
        session.commit()
        comment_id = comment.id
    database.dispose()
    return comment_id, texts


@pytest.fixture
def window(qtbot, paths, hostile_data):
    win = build_window(paths, resolve_db_url(paths))
    win.context.settings.set(S.MODERATOR_NAME, "ana")
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    wait_writes(qtbot, win)
    yield win
    win.scoring.close()
    win.writer.close()


def shown_texts(root: QWidget) -> list[str]:
    """Every text a label, text box or item view of `root` holds (views: display and tool tips)."""
    texts = [label.text() for label in _all(root, QLabel)]
    texts += [edit.toPlainText() for edit in _all(root, QTextEdit)]
    for view in _all(root, QAbstractItemView):
        texts += [str(v) for index in _indexes(view.model()) for v in _item_texts(index)]
    return texts


def assert_plain(root: QWidget) -> None:
    for label in _all(root, QLabel):
        if any(m in label.text() for m in MARKERS):
            assert label.textFormat() == Qt.TextFormat.PlainText, f"{label.objectName() or label} renders {label.text()!r}"
        assert not any(m in label.toolTip() for m in MARKERS), label
    for edit in _all(root, QTextEdit):
        formats = _char_formats(edit.document())
        assert not any(f.isImageFormat() or f.isAnchor() for f in formats), f"{edit} holds an image or a link"
    for view in _all(root, QAbstractItemView):
        for index in _indexes(view.model()):
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            assert not (isinstance(tip, str) and any(m in tip for m in MARKERS)), f"{view}: tool tip {tip!r}"
    assert not _painted_magenta(root), f"{root} painted the image from disk"


def test_every_window_and_dialog_shows_the_data_as_plain_text(qtbot, window, hostile_data):
    comment_id, texts = hostile_data
    window.open_comment(comment_id)
    qtbot.waitUntil(lambda: window.current_comment_id == comment_id)
    main = shown_texts(window)
    assert texts["body"] in main and texts["author"] in " ".join(main) and texts["headline"] in " ".join(main)
    assert_plain(window)

    window.commenter.show()
    qtbot.waitUntil(lambda: any(texts["author"] in t for t in shown_texts(window.commenter_panel)))
    assert_plain(window)

    window.tabs.setCurrentIndex(1)  # the queue: the hostile comment is the newest pending one
    qtbot.waitUntil(lambda: any(texts["body"] in t for t in shown_texts(window.tabs.currentWidget())))
    assert_plain(window)

    seen = []
    answer_modal(lambda dialog: seen.append((shown_texts(dialog), _failure(assert_plain, dialog))), QDialog)
    window.open_comment(comment_id)
    window.reply()
    assert seen and any(texts["author"] in t for t in seen[0][0]) and texts["body"] in seen[0][0]
    assert seen[0][1] is None, seen[0][1]

    answer_modal(lambda dialog: seen.append((shown_texts(dialog), _failure(assert_plain, dialog))), QDialog)
    window.actions_by_id[ActionId.HIDE].trigger()
    assert len(seen) == 2 and seen[1][1] is None, seen[1][1]

    window.show_audit_log()
    audit = window.audit_window
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0)
    audit.table.selectRow(0)
    audit.table.setFocus()
    qtbot.waitUntil(lambda: any("note" in t and "<b>" in t for t in shown_texts(audit)))
    assert_plain(audit)


def test_the_walk_notices_a_label_that_renders_rich_text(qtbot, window, hostile_data, tmp_path):
    """The walk can fail: a rich-text label with the same data is caught, by format and by pixels."""
    _comment_id, texts = hostile_data
    label = QLabel(texts["body"], window.panel)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.resize(300, 120)
    label.show()
    with pytest.raises(AssertionError, match="renders"):
        assert_plain(window.panel)
    assert _painted_magenta(window.panel)


def _failure(check, *args) -> AssertionError | None:
    """The check's failure, kept to be raised outside the dialog's event loop."""
    try:
        check(*args)
    except AssertionError as failure:
        return failure
    return None


def _all(root: QWidget, kind: type) -> list:
    found = [root] if isinstance(root, kind) else []
    return found + [w for w in root.findChildren(kind) if w.isVisible()]


def _indexes(model, parent: QModelIndex = QModelIndex(), limit: int = 500) -> list[QModelIndex]:
    if model is None:
        return []
    found = []
    for row in range(min(model.rowCount(parent), limit)):
        index = model.index(row, 0, parent)
        found += [model.index(row, column, parent) for column in range(_columns(model, parent))]
        if model.rowCount(index) if _columns(model, parent) != 1 or _is_tree(model) else False:
            found += _indexes(model, index, limit)
    return found


def _char_formats(document) -> list:
    formats, block = [], document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            formats.append(fragments.fragment().charFormat())
            fragments += 1
        block = block.next()
    return formats


def _is_tree(model) -> bool:
    try:
        model.hasChildren(QModelIndex())
        return True
    except TypeError:  # a list model: no children
        return False


def _columns(model, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model, whose columnCount PySide keeps private
        return 1


def _item_texts(index: QModelIndex) -> list:
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    return [v for v in (index.data(role) for role in roles) if isinstance(v, str)]


def _painted_magenta(widget: QWidget) -> bool:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    width, height, line = image.width(), image.height(), image.bytesPerLine()
    pixels = np.frombuffer(image.constBits(), np.uint8, count=line * height).reshape(height, line)[:, :width * 3]
    pixels = pixels.reshape(height, width, 3)
    return bool(np.all(pixels == MAGENTA, axis=-1).sum() >= 100)
