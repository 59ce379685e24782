"""Rules, text side, in the window: the word lists dialog (add, remove, search, import,
export, refusals) and the rule hits highlighted in the comment panel with character formats."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter, QTextCursor
from PySide6.QtWidgets import QStyleOptionViewItem
from sqlalchemy import select

from moderator.gui.actions import ActionId
from moderator.gui.comment.hittext import BANNED_HUE, OTHER_HUE, utf16
from moderator.gui.dialogs.wordlists import WordListsDialog
from moderator.gui.models.listmodels import ROW_ROLE
from moderator.rules import wordlists
from moderator.rules.wordlists import BANNED, SUSPECT
from moderator.storage.models import Comment
from tests.gui.helpers import wait_writes


def open_dialog(qtbot, window) -> WordListsDialog:
    window.actions_by_id[ActionId.WORD_LISTS].trigger()
    dialog = window.findChild(WordListsDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    return dialog


def stored(window, name: str = BANNED) -> list[str]:
    with window.context.db.sessions() as session:
        return wordlists.entries(session, wordlists.site_for_lists(session, None).id, name)


def shown(dialog: WordListsDialog) -> list[str]:
    return [dialog.entries.item(row).text() for row in range(dialog.entries.count())]


def add(qtbot, window, dialog: WordListsDialog, entry: str) -> None:
    dialog.new_entry.setText(entry)
    dialog.add_button.click()
    wait_writes(qtbot, window)


def test_the_dialog_adds_searches_removes_and_refuses_in_one_sentence(qtbot, window):
    dialog = open_dialog(qtbot, window)
    assert not dialog.sites.isVisible()  # one site: nothing to choose
    add(qtbot, window, dialog, "vermin")
    add(qtbot, window, dialog, "kill*")
    assert stored(window) == shown(dialog) == ["kill*", "vermin"] and dialog.new_entry.text() == ""
    assert "1 added" in dialog.message.text()
    add(qtbot, window, dialog, "\u200b!!")
    assert dialog.message.text() == "Not added: '\u200b!!' has no letters or digits to match."
    assert stored(window) == ["kill*", "vermin"] and dialog.new_entry.text() == "\u200b!!"
    dialog.search.setText("VER")
    assert shown(dialog) == ["vermin"] and dialog.count.text() == "1 entry matching"
    dialog.search.clear()
    dialog.entries.item(0).setSelected(True)
    dialog.remove_button.click()
    wait_writes(qtbot, window)
    assert stored(window) == ["vermin"]
    dialog.lists.setCurrentIndex(dialog.lists.findData(SUSPECT))
    assert shown(dialog) == []
    add(qtbot, window, dialog, "clown*")
    assert stored(window, SUSPECT) == ["clown*"] and stored(window) == ["vermin"]


def test_the_dialog_imports_and_exports_a_file_and_a_bad_file_saves_nothing(qtbot, window, tmp_path):
    dialog = open_dialog(qtbot, window)
    source = tmp_path / "list.txt"
    source.write_text("# ours\nvermin\nsub-human\n", "utf-8")
    dialog.import_file(source)
    wait_writes(qtbot, window)
    assert shown(dialog) == ["sub-human", "vermin"]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"fine\n" + b"x" * 100_000 + b"\n")
    dialog.import_file(bad)
    wait_writes(qtbot, window)
    assert dialog.message.text().startswith(f"{bad}, line 2: the line is longer than 500 characters")
    assert stored(window) == ["sub-human", "vermin"]
    out = tmp_path / "out.txt"
    dialog.export_file(out)
    assert out.read_text("utf-8").splitlines()[1:] == ["sub-human", "vermin"]
    assert dialog.message.text() == f"2 entries written to {out}."


def _background(window, start: int):
    body = window.panel.comment_text.body
    cursor = QTextCursor(window.panel.text.document())
    cursor.setPosition(utf16(body, start) + 1)
    return cursor.charFormat().background().color()


def _demo_comment(window, external_id: str) -> int:
    with window.context.db.sessions() as session:
        return session.scalar(select(Comment.id).where(Comment.external_id == external_id))


def test_the_panel_highlights_rule_hits_with_character_formats_and_names_them(qtbot, window):
    doxxing = _demo_comment(window, "demo-32")
    window.open_comment(doxxing)
    text = window.panel.comment_text
    assert text.marked() == ["07700 900461", "27 Larkspur Close"]
    assert text.words.text() == "Rule hits: phone number · street address" and text.words.isVisible()
    assert _background(window, text.hits[0].start).rgb() == OTHER_HUE.rgb()
    assert window.panel.text.toPlainText() == window.panel.row.body  # plain text, marked in place
    dialog = open_dialog(qtbot, window)
    add(qtbot, window, dialog, "Le3ds")  # the list's entry folds as the text does
    leeds = [hit for hit in window.panel.comment_text.hits if hit.rule == "banned_words"]
    assert [window.panel.row.body[hit.start:hit.end] for hit in leeds] == ["Leeds", "Leeds"]
    assert _background(window, leeds[0].start).rgb() == BANNED_HUE.rgb()
    calm = _demo_comment(window, "demo-4")
    window.open_comment(calm)
    assert window.panel.comment_text.marked() == [] and not window.panel.comment_text.words.isVisible()


def _card(window, comment_id: int, marks_on: bool) -> QImage:
    """The thread's card of this comment, painted by its delegate (with or without the marks)."""
    tree = window.article_view.tree
    delegate = tree.itemDelegate()
    index = window.article_view.model.index_of(comment_id)
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.rect = QRect(0, 0, 500, delegate.sizeHint(option, index).height())
    marks, delegate._marks_of = delegate._marks_of, delegate._marks_of if marks_on else None
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    delegate._marks_of = marks
    return image


def test_the_thread_marks_the_hits_on_each_card(qtbot, window):
    doxxing, calm = _demo_comment(window, "demo-32"), _demo_comment(window, "demo-4")
    window.open_comment(doxxing)
    hits = window.article_view.hits.hits(window.article_view.model.index_of(doxxing).data(ROW_ROLE))
    assert [h.what for h in hits] == ["phone number", "street address"]
    assert _card(window, doxxing, marks_on=True) != _card(window, doxxing, marks_on=False)
    window.open_comment(calm)
    assert _card(window, calm, marks_on=True) == _card(window, calm, marks_on=False)  # no hit, nothing marked
