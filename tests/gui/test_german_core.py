"""The core's words in the German window (issue 18, "Translatable", the rest): a malformed
import file is refused in German, also when the parser runs in its own process; a rule's
reason reads German in the audit log though English is stored; counts are written the German
way ("1.234"); Insight's date axis names German months."""

from __future__ import annotations

from datetime import UTC, datetime

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from moderator.errors import FileFormatError, ModeratorError
from moderator.formats.limits import MAX_COMMENT
from moderator.gui.audit.model import REASON
from moderator.gui.common import look
from moderator.gui.common.delegates import count_chip_text
from moderator.gui.models.listmodels import ROW_ROLE
from moderator.importing.ahead import Ahead
from moderator.rules.wording import in_words
from moderator.storage.models import Decision
from moderator.vocabulary import Source
from tests.gui.helpers import answer_modal
from tests.gui.test_german import german_window  # noqa: F401 - the fixture: German chosen, compiled
from tests.gui.test_german_windows import Catalogue, data_of

NOT_AN_OBJECT = '{"comment_id": "1", "body": "fine"}\n[1, 2]\n'


@pytest.fixture
def catalogue(german_window):  # noqa: F811 - the fixture imported above
    return Catalogue(data_of(german_window))


def test_a_malformed_import_is_refused_in_german(german_window, catalogue, qtbot, tmp_path):  # noqa: F811
    window = german_window
    bad = tmp_path / "comments.jsonl"
    bad.write_text(NOT_AN_OBJECT, encoding="utf-8")
    told: list[str] = []
    answer_modal(lambda box: told.extend([box.windowTitle(), box.text()]), QMessageBox)
    window.files.import_files([bad])
    qtbot.waitUntil(lambda: bool(told), timeout=60_000)
    assert told[0] == "Import abgebrochen"
    assert f"{bad}, Zeile 2: jede Zeile muss ein JSON-Objekt sein" in told[1], told
    assert catalogue.holds(told[1].rstrip(".")), told


def test_the_parser_process_refusal_is_translated_where_it_is_shown(german_window, tmp_path):  # noqa: F811
    """The child process has no translator: it sends the template and figures, and the sentence
    is made in German here (the same file, parsed in a second process as a big import is)."""
    bad = tmp_path / "comments.jsonl"
    bad.write_text('{"comment_id": "1", "body": "' + "x" * (MAX_COMMENT + 1) + '"}\n', encoding="utf-8")
    ahead = Ahead("jsonl", bad)
    try:
        with pytest.raises(FileFormatError) as refused:
            list(ahead)
    finally:
        ahead.close()
    assert str(refused.value) == f"{bad}, Zeile 1: 'body' ist länger als 1.048.576 Zeichen; abgelehnt"


def test_a_core_refusal_with_figures_reads_german(german_window, tmp_path):  # noqa: F811
    from moderator.scoring.packs import read_manifest
    from moderator.storage.backup import check_backup

    with pytest.raises(ModeratorError) as refused:
        read_manifest(tmp_path)
    assert str(refused.value) == f"{tmp_path} ist kein Modellpaket (es hat kein manifest.json)."
    with pytest.raises(ModeratorError) as refused:
        check_backup(tmp_path / "none.sqlite", german_window.context.db.engine)
    assert str(refused.value).endswith("none.sqlite: Datei gibt es nicht.")


def test_a_rules_reason_reads_german_in_the_audit_log_but_stays_english_in_the_database(german_window, qtbot):  # noqa: F811
    window = german_window
    with window.context.db.sessions() as session:
        notes = set(session.scalars(select(Decision.note).where(Decision.source == Source.RULE, Decision.note.is_not(None))))
    assert notes and all(in_words(note) != note for note in notes), notes  # the demo's rules flagged some
    window.show_audit_log()
    model = window.audit_window.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    shown = [model.index(i, REASON).data() for i in range(model.rowCount())
             if model.index(i, 0).data(ROW_ROLE).source == Source.RULE]
    assert shown and not any(note in text for text in shown for note in notes), shown
    assert any("Begriff" in text or "Wendung" in text or "Wort" in text for text in shown), shown
    assert in_words("banned word 'vermin' (and 2 more)") == "verbotenes Wort 'vermin' (und 2 weitere)"
    assert in_words("toxicity 0.10 < 0.20, insult 0.05 < 0.30") == "toxicity 0.10 < 0.20, insult 0.05 < 0.30"
    assert in_words("my own words") == "my own words"


def test_counts_are_written_the_german_way(german_window, catalogue):  # noqa: F811
    assert look.number(1234) == "1.234" and look.counted(12_000, "comment") == "12.000 Kommentare"
    assert count_chip_text("pending", 1234) == "1.234 offen"
    assert catalogue.holds("Warteschlange (1.234 offen)") and not catalogue.holds("Warteschlange (1,234 pending)")


def test_counts_stay_english_in_english(window):
    assert look.number(1234) == "1,234" and look.counted(1234, "comment") == "1,234 comments"


def test_insights_date_axis_names_german_months(german_window, qtbot):  # noqa: F811
    from tests.gui.test_german_windows import _insight

    window = german_window
    insight = _insight(window)
    with qtbot.waitSignal(insight.drawn, timeout=30_000):
        window.show_insight()
    axes = [plot.getAxis("bottom") for plot in insight.findChildren(pg.PlotWidget)]
    dated = [axis for axis in axes if isinstance(axis, pg.DateAxisItem)]
    assert dated
    axis = dated[0]
    start, end = (datetime(2026, month, 1, tzinfo=UTC).timestamp() for month in (1, 12))
    words = [text for spacing, values in axis.tickValues(start, end, 900) for text in axis.tickStrings(values, 1, spacing)]
    assert "März" in words and "Okt." in words, words
    assert not {"Mar", "Oct"} & set(words), words


def test_the_import_summary_gives_its_skip_reasons_in_german(german_window, catalogue, qtbot, tmp_path):  # noqa: F811
    window = german_window
    twice = tmp_path / "twice.jsonl"
    twice.write_text('{"comment_id": "d1", "body": "first"}\n{"comment_id": "d1", "body": "again"}\n', encoding="utf-8")
    told: list[str] = []
    answer_modal(lambda box: told.extend([box.windowTitle(), box.text()]), QMessageBox)
    window.files.import_files([twice])
    qtbot.waitUntil(lambda: bool(told), timeout=60_000)
    assert "1 übersprungen (1 Kommentar-ID, die mehrmals in der Datei vorkommt (die erste wurde übernommen))" in told[1], told
