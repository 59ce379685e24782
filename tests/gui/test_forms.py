"""Designer forms found by widget name, and the date filter's words and days (what mypy's
Optional narrowing changed: a missing widget is named at once, a QDate read field by field)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel, QListWidget

from moderator.gui.common.designer import child
from moderator.gui.dialogs.forms import load_form
from moderator.gui.queue.filters import _start_of, describe_dates


def test_a_form_widget_is_found_by_name_and_a_missing_one_is_named(qtbot):
    dialog = load_form("hide_dialog", None)
    qtbot.addWidget(dialog)
    assert child(dialog, QListWidget, "reasonList").objectName() == "reasonList"
    with pytest.raises(LookupError, match="has no QLabel named 'reasonList'"):
        child(dialog, QLabel, "reasonList")  # the right name, the wrong kind
    with pytest.raises(LookupError, match="has no QListWidget named 'noSuchList'"):
        child(dialog, QListWidget, "noSuchList")


def test_date_filter_words_for_either_end_or_none():
    since, until = datetime(2025, 3, 1, 12, tzinfo=UTC), datetime(2025, 3, 9, 12, tzinfo=UTC)
    assert describe_dates(since, until) == "Written 1 Mar 2025 – 8 Mar 2025"
    assert describe_dates(since, None) == "Written from 1 Mar 2025"
    assert describe_dates(None, until) == "Written up to 8 Mar 2025"
    assert describe_dates(None, None) == "Written any time"


def test_a_day_starts_at_local_midnight_stored_in_utc():
    start = _start_of(QDate(2025, 3, 1))
    assert start.tzinfo == UTC
    local = start.astimezone()
    assert (local.year, local.month, local.day, local.hour, local.minute) == (2025, 3, 1, 0, 0)
