"""Every QAction, declared once: text, shortcut, status tip and icon."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget


class ActionId(Enum):
    NEXT = auto()
    PREVIOUS = auto()
    APPROVE = auto()
    HIDE = auto()
    RESTORE = auto()
    REPLY = auto()
    UNDO = auto()
    REDO = auto()
    SHOW_ARTICLES = auto()
    SHOW_QUEUE = auto()
    REFRESH = auto()
    IMPORT = auto()
    EXPORT_DECISIONS = auto()
    BACK_UP = auto()
    MODELS = auto()
    PREFERENCES = auto()
    SHORTCUTS = auto()
    ABOUT = auto()
    QUIT = auto()


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcuts: tuple[QKeySequence | str, ...]
    tip: str
    icon: QStyle.StandardPixmap | None = None
    group: str = "Moderate"


SP = QStyle.StandardPixmap
SPECS: dict[ActionId, ActionSpec] = {
    ActionId.NEXT: ActionSpec("&Next comment", ("J",), "Go to the next comment", SP.SP_ArrowDown, "Move"),
    ActionId.PREVIOUS: ActionSpec("&Previous comment", ("K",), "Go to the previous comment", SP.SP_ArrowUp, "Move"),
    ActionId.APPROVE: ActionSpec("&Approve", ("A",), "Publish this comment and go to the next", SP.SP_DialogApplyButton),
    ActionId.HIDE: ActionSpec("&Hide…", ("H",), "Hide this comment, with a reason, and go to the next", SP.SP_DialogCancelButton),
    ActionId.RESTORE: ActionSpec("Re&store", ("U",), "Send a hidden or approved comment back to review", SP.SP_BrowserReload),
    ActionId.REPLY: ActionSpec("&Reply as staff…", ("R",), "Post a staff reply under this comment", SP.SP_FileDialogDetailedView),
    ActionId.UNDO: ActionSpec("&Undo", (QKeySequence.StandardKey.Undo,), "Undo the last decision", SP.SP_ArrowBack, "Edit"),
    ActionId.REDO: ActionSpec("&Redo", ("Ctrl+Shift+Z", QKeySequence.StandardKey.Redo), "Redo the decision undone last", SP.SP_ArrowForward, "Edit"),
    ActionId.SHOW_ARTICLES: ActionSpec("&Articles", ("Ctrl+1",), "Show the article list", None, "View"),
    ActionId.SHOW_QUEUE: ActionSpec("Pending &queue", ("Ctrl+2",), "Show pending comments across all articles", None, "View"),
    ActionId.REFRESH: ActionSpec("Re&fresh", (QKeySequence.StandardKey.Refresh, "F5"), "Reload lists from the database", None, "View"),
    ActionId.IMPORT: ActionSpec("&Import…", (QKeySequence.StandardKey.Open, "Ctrl+O"), "Import comment exports (WordPress, Disqus, Isso, Commento, Remark42, CSV, JSON Lines) or an article page", SP.SP_DialogOpenButton, "File"),
    ActionId.EXPORT_DECISIONS: ActionSpec("&Export decisions…", ("Ctrl+E",), "Write every decision to a file the site can apply", SP.SP_DialogSaveButton, "File"),
    ActionId.BACK_UP: ActionSpec("&Back up…", (), "Copy the database to a file (safe while you work)", None, "File"),
    ActionId.MODELS: ActionSpec("Scoring &models…", (), "Install, choose or download the model that scores comments", None, "File"),
    ActionId.PREFERENCES: ActionSpec("&Preferences…", (QKeySequence.StandardKey.Preferences, "Ctrl+,"), "Your name and other settings", None, "File"),
    ActionId.SHORTCUTS: ActionSpec("&Keyboard shortcuts", ("?",), "List every keyboard shortcut", None, "Help"),
    ActionId.ABOUT: ActionSpec("&About Comment Moderator", (), "Version and data folder", None, "Help"),
    ActionId.QUIT: ActionSpec("&Quit", (QKeySequence.StandardKey.Quit, "Ctrl+Q"), "Close the app; every decision is already saved", None, "File"),
}


def _key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    sequences: list[QKeySequence] = []
    for shortcut in spec.shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            sequences.extend(QKeySequence.keyBindings(shortcut))
        else:
            sequences.append(QKeySequence(shortcut))
    unique = []
    for sequence in sequences:
        if not sequence.isEmpty() and sequence not in unique:
            unique.append(sequence)
    return unique


def create_actions(owner: QWidget) -> dict[ActionId, QAction]:
    actions = {}
    for action_id, spec in SPECS.items():
        action = QAction(spec.text, owner)
        action.setShortcuts(_key_sequences(spec))
        action.setStatusTip(spec.tip)
        action.setToolTip(f"{spec.tip} ({shortcut_text(action)})" if action.shortcuts() else spec.tip)
        if spec.icon is not None:
            action.setIcon(owner.style().standardIcon(spec.icon))
        owner.addAction(action)  # shortcuts work wherever the window has focus
        actions[action_id] = action
    return actions


def shortcut_text(action: QAction) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
