"""Opening Preferences printed "libpyside: addMetaMethod: Cannot add dynamic method
setMinimum(double)" (issue 18, point 11): a signal connected straight to a C++ setter that
is no slot. Every dialog with such a link opens here without that warning."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from moderator.gui.dialogs.firstrun import FirstRunDialog
from moderator.gui.dialogs.forms import Preferences, PreferencesDialog
from moderator.gui.queue.filters import DateFilterDialog, ScoreFilterDialog


def libpyside_said(qtlog) -> list[str]:
    return [record.message for record in qtlog.records if "addMetaMethod" in record.message]


def test_dialogs_open_without_libpyside_warnings(qtbot, qtlog):
    parent = QWidget()
    qtbot.addWidget(parent)
    ScoreFilterDialog(parent, ("toxicity", "insult"), "toxicity")
    DateFilterDialog(parent, None, None)
    PreferencesDialog(parent, Preferences("ana", 0.5, 0.8), "/tmp/data")
    FirstRunDialog(parent, "ana", 0.5, 0.8)
    assert libpyside_said(qtlog) == []

