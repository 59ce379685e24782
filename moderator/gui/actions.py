"""Every QAction, declared once: text, default shortcuts, status tip and icon; the keys in force
are the defaults with the moderator's own on top (gui/shortcuts.py)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from moderator.gui import settings as S
from moderator.gui.common.icons import icon
from moderator.gui.common.translation import QT_TRANSLATE_NOOP, translate
from moderator.gui.shortcuts import Keys, expand, from_stored, keys_text, resolve


class ActionId(Enum):
    NEXT = auto()
    PREVIOUS = auto()
    APPROVE = auto()
    HIDE = auto()
    RESTORE = auto()
    FEATURE = auto()
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
    # the queue (issue 5)
    QUEUE_PENDING = auto()
    QUEUE_FLAGGED = auto()
    QUEUE_HIDDEN = auto()
    QUEUE_APPROVED = auto()
    QUEUE_ALL = auto()
    CYCLE_SORT = auto()
    SEARCH = auto()
    FILTER_ARTICLE = auto()
    FILTER_COMMENTER = auto()
    FILTER_SCORE = auto()
    FILTER_DATE = auto()
    CLEAR_FILTERS = auto()
    TOGGLE_SELECTED = auto()
    EXTEND_DOWN = auto()
    EXTEND_UP = auto()
    SELECT_ALL = auto()
    CLEAR_SELECTION = auto()
    BULK_APPROVE = auto()
    BULK_HIDE = auto()
    COMMENTER = auto()
    HIDE_ALL_FROM_COMMENTER = auto()
    AUDIT_LOG = auto()
    # connected sites (issue 16)
    CONNECTIONS = auto()
    SYNC_NOW = auto()
    SYNC_LOG = auto()
    WHY = auto()
    INSIGHT = auto()
    GUIDE = auto()
    WORD_LISTS = auto()  # rules (issue 14)
    RULES = auto()


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcuts: tuple[QKeySequence | QKeySequence.StandardKey | str, ...]  # as shortcuts.expand takes them
    tip: str
    icon: str | None = None  # resources/icons/actions/<icon>.svg, in the palette's colours
    group: str = "Moderate"


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.NEXT: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Next comment"), ("J",),
        QT_TRANSLATE_NOOP("actions", "Go to the next comment"), "next", "Move"),
    ActionId.PREVIOUS: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Previous comment"), ("K",),
        QT_TRANSLATE_NOOP("actions", "Go to the previous comment"), "previous", "Move"),
    ActionId.APPROVE: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Approve"), ("A",),
        QT_TRANSLATE_NOOP("actions", "Publish this comment and go to the next"), "approve"),
    ActionId.HIDE: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Hide…"), ("H",),
        QT_TRANSLATE_NOOP("actions", "Hide this comment, with a reason, and go to the next"), "hide"),
    ActionId.RESTORE: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Re&store"), ("U",),
        QT_TRANSLATE_NOOP("actions", "Send a hidden or approved comment back to review"), "restore"),
    ActionId.FEATURE: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Feature / unfeature"), ("F",),
        QT_TRANSLATE_NOOP("actions", "Feature this comment (the site shows it as an editor's pick); "
                                     "on a featured comment, unfeature it"), None),
    ActionId.REPLY: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Reply as staff…"), ("R",),
        QT_TRANSLATE_NOOP("actions", "Post a staff reply under this comment"), "reply"),
    ActionId.UNDO: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Undo"), (QKeySequence.StandardKey.Undo,),
        QT_TRANSLATE_NOOP("actions", "Undo the last decision"), "undo", "Edit"),
    ActionId.REDO: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Redo"), ("Ctrl+Shift+Z", QKeySequence.StandardKey.Redo),
        QT_TRANSLATE_NOOP("actions", "Redo the decision undone last"), "redo", "Edit"),
    ActionId.SHOW_ARTICLES: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Articles"), ("Ctrl+1",),
        QT_TRANSLATE_NOOP("actions", "Show the article list"), None, "View"),
    ActionId.SHOW_QUEUE: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Pending &queue"), ("Ctrl+2",),
        QT_TRANSLATE_NOOP("actions", "Show pending comments across all articles"), None, "View"),
    ActionId.REFRESH: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Re&fresh"), (QKeySequence.StandardKey.Refresh, "F5"),
        QT_TRANSLATE_NOOP("actions", "Reload lists from the database"), None, "View"),
    ActionId.IMPORT: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Import…"), (QKeySequence.StandardKey.Open, "Ctrl+O"),
        QT_TRANSLATE_NOOP("actions",
                          "Import comment exports (WordPress, Disqus, Isso, Commento, Remark42, CSV, JSON Lines) "
                          "or an article page"),
        "import", "File"),
    ActionId.EXPORT_DECISIONS: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Export decisions…"), ("Ctrl+E",),
        QT_TRANSLATE_NOOP("actions", "Write every decision to a file the site can apply"), "export", "File"),
    ActionId.BACK_UP: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Back up…"), (),
        QT_TRANSLATE_NOOP("actions", "Copy the database to a file (safe while you work)"), None, "File"),
    ActionId.MODELS: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Scoring &models…"), (),
        QT_TRANSLATE_NOOP("actions", "Install, choose or download the model that scores comments"), None, "File"),
    ActionId.PREFERENCES: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Preferences…"), (QKeySequence.StandardKey.Preferences, "Ctrl+,"),
        QT_TRANSLATE_NOOP("actions", "Your name and other settings"), None, "File"),
    ActionId.GUIDE: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Guide"), (QKeySequence.StandardKey.HelpContents, "F1"),
        QT_TRANSLATE_NOOP("actions", "The moderator's guide: your day, priority and Flagged, every key"), None, "Help"),
    ActionId.SHORTCUTS: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Keyboard shortcuts"), ("?",),
        QT_TRANSLATE_NOOP("actions", "List every keyboard shortcut"), None, "Help"),
    ActionId.ABOUT: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&About Comment Moderator"), (),
        QT_TRANSLATE_NOOP("actions", "Version and data folder"), None, "Help"),
    ActionId.QUEUE_PENDING: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Pending"), ("1",),
        QT_TRANSLATE_NOOP("actions", "Show the pending queue"), None, "Queue"),
    ActionId.QUEUE_FLAGGED: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Flagged"), ("2",),
        QT_TRANSLATE_NOOP("actions", "Show pending comments the model flags (Medium priority or higher)"), None, "Queue"),
    ActionId.QUEUE_HIDDEN: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Hidden"), ("3",),
        QT_TRANSLATE_NOOP("actions", "Show hidden comments"), None, "Queue"),
    ActionId.QUEUE_APPROVED: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Approved"), ("4",),
        QT_TRANSLATE_NOOP("actions", "Show approved comments"), None, "Queue"),
    ActionId.QUEUE_ALL: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "A&ll"), ("5",),
        QT_TRANSLATE_NOOP("actions", "Show every comment, whatever its status"), None, "Queue"),
    ActionId.CYCLE_SORT: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Change &order"), ("S",),
        QT_TRANSLATE_NOOP("actions", "Priority, newest, oldest (and best match while searching)"), None, "Queue"),
    ActionId.SEARCH: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Search…"), ("/",),
        QT_TRANSLATE_NOOP("actions", "Search comment text and author names (words, \"a phrase\", prefix*)"), None, "Queue"),
    ActionId.FILTER_ARTICLE: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Only this &article"), ("Alt+A",),
        QT_TRANSLATE_NOOP("actions", "Filter the queue to the open article"), None, "Queue"),
    ActionId.FILTER_COMMENTER: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Only this &commenter"), ("Alt+C",),
        QT_TRANSLATE_NOOP("actions", "Filter the queue to the selected comment's author"), None, "Queue"),
    ActionId.FILTER_SCORE: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Score &range…"), ("Alt+S",),
        QT_TRANSLATE_NOOP("actions", "Filter the queue by a label's score"), None, "Queue"),
    ActionId.FILTER_DATE: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Date range…"), ("Alt+D",),
        QT_TRANSLATE_NOOP("actions", "Filter the queue by when comments were written"), None, "Queue"),
    ActionId.CLEAR_FILTERS: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Remove all filters"), ("Alt+Backspace",),
        QT_TRANSLATE_NOOP("actions", "Remove every filter and the search"), None, "Queue"),
    ActionId.TOGGLE_SELECTED: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Select / &unselect"), ("X",),
        QT_TRANSLATE_NOOP("actions", "Add the current comment to the selection, or take it out"), None, "Select"),
    ActionId.EXTEND_DOWN: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Extend selection &down"), ("Shift+J",),
        QT_TRANSLATE_NOOP("actions", "Select this comment and the next"), None, "Select"),
    ActionId.EXTEND_UP: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Extend selection &up"), ("Shift+K",),
        QT_TRANSLATE_NOOP("actions", "Select this comment and the previous"), None, "Select"),
    ActionId.SELECT_ALL: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Select &all matching"), (QKeySequence.StandardKey.SelectAll, "Ctrl+A"),
        QT_TRANSLATE_NOOP("actions", "Select every comment matching the queue and its filters, not just those on screen"),
        None, "Select"),
    ActionId.CLEAR_SELECTION: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Clear selection"), ("Esc",),
        QT_TRANSLATE_NOOP("actions", "Unselect everything"), None, "Select"),
    ActionId.BULK_APPROVE: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Approve &selection"), ("Shift+A",),
        QT_TRANSLATE_NOOP("actions", "Approve every selected comment (one undo step)"), None, "Select"),
    ActionId.BULK_HIDE: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Hide s&election…"), ("Shift+H",),
        QT_TRANSLATE_NOOP("actions", "Hide every selected comment, with a reason (one undo step)"), None, "Select"),
    ActionId.COMMENTER: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Commenter history"), ("C",),
        QT_TRANSLATE_NOOP("actions", "Show every comment of this comment's author"), None, "View"),
    ActionId.HIDE_ALL_FROM_COMMENTER: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Hide all &pending from this commenter…"), (),
        QT_TRANSLATE_NOOP("actions", "Hide every pending comment of this comment's author (one undo step)"), None, "Moderate"),
    ActionId.AUDIT_LOG: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Audit &log"), ("Ctrl+L",),
        QT_TRANSLATE_NOOP("actions", "Every decision: who, when, what, why"), None, "View"),
    ActionId.CONNECTIONS: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Connections…"), (),
        QT_TRANSLATE_NOOP("actions", "Connect the site's own comment system (WordPress, Isso)"), None, "File"),
    ActionId.SYNC_NOW: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Sync now"), ("F9",),
        QT_TRANSLATE_NOOP("actions", "Send waiting decisions to the sites and pull new comments"), None, "File"),
    ActionId.SYNC_LOG: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Sync &log"), (),
        QT_TRANSLATE_NOOP("actions", "What each sync with the sites did"), None, "View"),
    ActionId.WHY: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Why this score?"), ("W",),
        QT_TRANSLATE_NOOP("actions", "Show which words of this comment move its score up or down"), None, "View"),
    ActionId.INSIGHT: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Insight…"), ("Ctrl+I",),
        QT_TRANSLATE_NOOP("actions", "Charts of scores and decisions, and which threshold the team's decisions support"),
        None, "View"),
    ActionId.WORD_LISTS: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Word lists…"), (),
        QT_TRANSLATE_NOOP("actions", "The site's banned and suspect words: add, remove, search, import and export"),
        None, "File"),
    ActionId.RULES: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Rules…"), (),
        QT_TRANSLATE_NOOP("actions", "Which rules act on arriving comments: on or off, flag or hide, thresholds, "
                                     "dry run, revert"),
        None, "File"),
    ActionId.QUIT: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Quit"), (QKeySequence.StandardKey.Quit, "Ctrl+Q"),
        QT_TRANSLATE_NOOP("actions", "Close the app; every decision is already saved"), None, "File"),
}


# The menu bar and the toolbar: action ids in order, None a separator.
MENUS: dict[str, tuple[ActionId | None, ...]] = {
    QT_TRANSLATE_NOOP("actions", "&File"): (
        ActionId.IMPORT, ActionId.EXPORT_DECISIONS, ActionId.BACK_UP, None, ActionId.MODELS, ActionId.REFRESH,
        ActionId.PREFERENCES, None, ActionId.QUIT),
    QT_TRANSLATE_NOOP("actions", "&Edit"): (ActionId.UNDO, ActionId.REDO),
    QT_TRANSLATE_NOOP("actions", "&Moderate"): (
        ActionId.APPROVE, ActionId.HIDE, ActionId.RESTORE, ActionId.FEATURE, ActionId.REPLY, None, ActionId.TOGGLE_SELECTED,
        ActionId.EXTEND_DOWN, ActionId.EXTEND_UP, ActionId.SELECT_ALL, ActionId.CLEAR_SELECTION, None,
        ActionId.BULK_APPROVE, ActionId.BULK_HIDE, ActionId.HIDE_ALL_FROM_COMMENTER),
    QT_TRANSLATE_NOOP("actions", "&Queue"): (
        ActionId.QUEUE_PENDING, ActionId.QUEUE_FLAGGED, ActionId.QUEUE_HIDDEN, ActionId.QUEUE_APPROVED,
        ActionId.QUEUE_ALL, None, ActionId.CYCLE_SORT, ActionId.SEARCH, None, ActionId.FILTER_ARTICLE,
        ActionId.FILTER_COMMENTER, ActionId.FILTER_SCORE, ActionId.FILTER_DATE, ActionId.CLEAR_FILTERS),
    QT_TRANSLATE_NOOP("actions", "&Go"): (
        ActionId.NEXT, ActionId.PREVIOUS, None, ActionId.SHOW_ARTICLES, ActionId.SHOW_QUEUE, None,
        ActionId.COMMENTER, ActionId.WHY, ActionId.AUDIT_LOG, ActionId.INSIGHT),
    QT_TRANSLATE_NOOP("actions", "Si&te"): (ActionId.CONNECTIONS, ActionId.SYNC_NOW, ActionId.SYNC_LOG, None,
                                          ActionId.WORD_LISTS, ActionId.RULES),
    QT_TRANSLATE_NOOP("actions", "&Help"): (ActionId.GUIDE, ActionId.SHORTCUTS, None, ActionId.ABOUT),
}
TOOLBAR: tuple[ActionId | None, ...] = (ActionId.APPROVE, ActionId.HIDE, ActionId.RESTORE, ActionId.REPLY, None,
                                        ActionId.UNDO, ActionId.REDO, None, ActionId.PREVIOUS, ActionId.NEXT)
FILTER_MENU = (ActionId.FILTER_ARTICLE, ActionId.FILTER_COMMENTER, ActionId.FILTER_SCORE, ActionId.FILTER_DATE)


def fill(menu: QMenu | QToolBar, actions: Mapping[ActionId, QAction], ids: Iterable[ActionId | None]) -> None:
    for action_id in ids:
        menu.addSeparator() if action_id is None else menu.addAction(actions[action_id])


# the order in which `?` and Preferences → Keyboard list the groups
GROUPS = (
    QT_TRANSLATE_NOOP("actions", "Move"),
    QT_TRANSLATE_NOOP("actions", "Moderate"),
    QT_TRANSLATE_NOOP("actions", "Select"),
    QT_TRANSLATE_NOOP("actions", "Queue"),
    QT_TRANSLATE_NOOP("actions", "Edit"),
    QT_TRANSLATE_NOOP("actions", "View"),
    QT_TRANSLATE_NOOP("actions", "File"),
    QT_TRANSLATE_NOOP("actions", "Help"),
)


def plain_name(text: str) -> str:
    """An action's text as a sentence names it: "&Hide…" → "Hide"."""
    return text.replace("&", "").rstrip("…")


def action_names() -> dict[ActionId, str]:
    return {action_id: plain_name(translate("actions", spec.text)) for action_id, spec in SPECS.items()}


def grouped(action_ids: Iterable[ActionId]) -> list[tuple[str, list[ActionId]]]:
    """The ids under their group's name, groups in GROUPS order, ids in declaration order."""
    ids = list(action_ids)
    return [(group, members) for group in GROUPS if (members := [i for i in ids if SPECS[i].group == group])]


def default_keys() -> dict[ActionId, Keys]:
    """Every action's declared keys on this platform (call with a QGuiApplication: standard keys vary)."""
    return {action_id: expand(spec.shortcuts) for action_id, spec in SPECS.items()}


def current_keys(settings: S.Settings | None) -> dict[ActionId, Keys]:
    """The keys in force: the defaults with the moderator's own (Preferences → Keyboard) on top."""
    overrides = from_stored(settings.get(S.SHORTCUTS), ActionId) if settings is not None else {}
    return resolve(default_keys(), overrides)


def create_actions(owner: QWidget, settings: S.Settings | None = None) -> dict[ActionId, QAction]:
    actions = {}
    for action_id, spec in SPECS.items():
        action = QAction(translate("actions", spec.text), owner)
        action.setStatusTip(translate("actions", spec.tip))
        if spec.icon is not None:
            action.setIcon(icon(spec.icon))
        owner.addAction(action)  # shortcuts work wherever the window has focus
        actions[action_id] = action
    apply_shortcuts(actions, settings)
    return actions


def apply_shortcuts(actions: Mapping[ActionId, QAction], settings: S.Settings | None) -> None:
    """Give every action its keys now; the main window calls it again when Preferences change them."""
    for action_id, keys in current_keys(settings).items():
        action, tip = actions[action_id], translate("actions", SPECS[action_id].tip)
        action.setShortcuts(list(keys))
        action.setToolTip(f"{tip} ({shortcut_text(action)})" if keys else tip)


def shortcut_text(action: QAction) -> str:
    return keys_text(action.shortcuts())
