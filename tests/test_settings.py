"""Settings declared once in the core: the INI file the app writes with QSettings is read
without Qt exactly as Qt reads it; unusable values give way to defaults; older files are
upgraded at start, newer ones left alone."""

from __future__ import annotations

import itertools
import json
import logging
import math
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PySide6.QtCore import QByteArray, QSettings

from moderator import settings as core
from moderator.gui.settings import QtStore
from moderator.gui.settings import Settings as QtSettings
from moderator.inifile import IniFileStore, read_ini, read_settings
from moderator.scoring.priority import Thresholds, priority, thresholds_from
from moderator.scoring.registry import model_identity

EXAMPLES = hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
TEXT = st.text(st.characters(blacklist_categories=("Cs",)))  # any text a str can hold but lone surrogates
KEY = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\\"), min_size=1)
FLOAT = st.floats(allow_nan=False, allow_infinity=False)
_files = itertools.count()


def written_by_qt(folder: Path, values: dict[str, object]) -> Path:
    """A new INI file written by QSettings itself (a new name each time: QSettings caches files by name)."""
    path = folder / f"settings-{next(_files)}.ini"
    store = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in values.items():
        store.setValue(key, value)
    store.sync()
    return path


def read_by_qt(path: Path) -> dict[str, object]:
    """What Qt reads back from the file, through a copy (the original's values are cached)."""
    copy = path.with_name(f"copy-{next(_files)}.ini")
    shutil.copy(path, copy)
    store = QtStore(copy)
    return {key: store.value(key) for key in store.keys()}


@EXAMPLES
@given(text=TEXT, key=KEY)
def test_any_text_and_key_qt_writes_is_read_back_the_same_without_qt(tmp_path, text, key):
    path = written_by_qt(tmp_path, {f"group/{key}": text, key: text})
    assert read_ini(path) == read_by_qt(path) == {f"group/{key}": text, key: text}


@EXAMPLES
@given(number=FLOAT, data=st.binary(), texts=st.lists(TEXT, min_size=2, max_size=4))
def test_numbers_bytes_and_lists_qt_writes_are_read_back_the_same_without_qt(tmp_path, number, data, texts):
    path = written_by_qt(tmp_path, {"a/number": number, "a/data": QByteArray(data), "a/list": texts})
    read = read_ini(path)
    assert read == read_by_qt(path)
    assert float(read["a/number"]) == number and read["a/data"] == data and read["a/list"] == texts


PIECES = st.sampled_from([*'ab =;,"\\\n\r\t[]%@()xX0179fU/é🙂', "@ByteArray(", "@Invalid()", "[General]", "[%General]",
                          "\\x", "%U00e9", "%2F", "@@"])


def plain_key(key: str) -> bool:
    return bool(key) and not key.startswith("/") and not key.endswith("/") and "//" not in key  # as QSettings names keys


@hypothesis_settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.lists(PIECES, max_size=100).map("".join))
def test_a_hand_edited_file_reads_as_qt_reads_it(tmp_path, text):
    path = tmp_path / f"hand-{next(_files)}.ini"
    path.write_text(text, encoding="utf-8")
    qt = {key: value for key, value in read_by_qt(path).items() if plain_key(key)}
    assert {key: value for key, value in read_ini(path).items() if plain_key(key)} == qt


# QSettings' rules, one line each: a comment, spaces kept inside and dropped around, quotes
# joined, lists, escapes (unknown ones dropped, hex and octal, a line continued), typed values.
QUIRKS = ['k=a;b', 'k=a ; note', 'k=  a   b  ', 'k="a" b', 'k=a, b ,c', 'k=a,', 'k=,', 'k=\\x41\\x0042', 'k=\\101\\0',
          'k="a\\\n b"', 'k=\\q', 'k=@Invalid()', 'k=@@x', 'k=@x', 'k="x" , "y"', 'k=a"b"c', 'k=\\ a', 'k=a \\,b',
          "k='q'", 'k=\\xe9t\\xe9', 'k=a\\\nk2 = more ', 'k=1\nK=2', 'k=@ByteArray(abc\\0)', 'k="a""b"',
          'k=\\U0001', 'k=@ByteArray(\\x263a)', 'k=a\\t ', 'k="a\\" b"', '[%General]\nk=g', '[a\\b]\nk=1',
          '[s%2Fq%20r]\nk%3D=1', 'k=\\xd83d\\xde42', 'k=\\\\', 'k=a\\', 'k="open', 'k=x\r\nj=y', '; all a note\nk=1']


@pytest.mark.parametrize("line", QUIRKS)
def test_each_rule_of_qt_s_ini_format(tmp_path, line):
    path = tmp_path / "quirk.ini"
    path.write_bytes(f"[s]\n{line}\n".encode())
    assert read_ini(path) == read_by_qt(path)


@pytest.mark.parametrize("text", ["Ben Okoro", "Okoro, Ben", "Ñandú 🙂 ü", ' say "hi"; then = go ', "@home", "a\\b\nc\t",
                                  "\x00\x01 1", ""])
def test_what_the_app_stores_the_command_line_reads(tmp_path, text):
    app = QtSettings(tmp_path / "settings.ini")
    chosen = {core.MODERATOR_NAME: text, core.PRIORITY_MEDIUM: 0.35, core.PRIORITY_HIGH: 0.7000000000000001,
              core.WINDOW_GEOMETRY: QByteArray(b"\x01\xd9\xd0\xcb\x00\x03)\x00"), core.LEFT_TAB: 1,
              core.CURRENT_ARTICLE: 123456, core.QUEUE_SORT: "oldest", core.QUEUE_KIND: "flagged",
              core.SHORTCUTS: {"version": "1", "APPROVE": "Y", "REPLY": "Ctrl+,"}}
    for setting, value in chosen.items():
        app.set(setting, value)
    app.sync()
    cli = read_settings(tmp_path / "settings.ini")
    for setting in core.DECLARED:
        assert cli.get(setting) == app.get(setting), setting.key
    assert cli.get(core.MODERATOR_NAME) == text and cli.get(core.WINDOW_GEOMETRY) == b"\x01\xd9\xd0\xcb\x00\x03)\x00"
    assert cli.get(core.SHORTCUTS) == {"version": "1", "APPROVE": "Y", "REPLY": "Ctrl+,"}
    assert thresholds_from(cli) == Thresholds(0.35, 0.7000000000000001) == thresholds_from(app)


def test_without_a_file_every_setting_is_its_default_and_nothing_is_written(tmp_path):
    cli = read_settings(tmp_path / "absent" / "settings.ini")
    assert {s.key: cli.get(s) for s in core.DECLARED} == {s.key: s.default for s in core.DECLARED}
    assert thresholds_from(cli) == Thresholds() == Thresholds(0.5, 0.8)
    assert not (tmp_path / "absent").exists()


def test_the_thresholds_are_declared_once():
    assert Thresholds().values == (core.PRIORITY_MEDIUM.default, core.PRIORITY_HIGH.default)


BAD = {"moderation/moderator_name": "ana", "scoring/medium_from": "abc", "scoring/high_from": "7",
       "window/left_tab": "first", "window/geometry": "not bytes", "queue/sort": "newest"}


@pytest.fixture(params=["app", "command line"])
def open_settings(request):
    return QtSettings if request.param == "app" else read_settings


def test_a_value_a_setting_cannot_use_gives_way_to_its_default(tmp_path, open_settings, caplog):
    path = written_by_qt(tmp_path, {"version": core.SETTINGS_VERSION, **BAD})
    chosen = open_settings(path)
    assert chosen.get(core.PRIORITY_MEDIUM) == 0.5 and chosen.get(core.PRIORITY_HIGH) == 0.8
    assert chosen.get(core.LEFT_TAB) == 0 and chosen.get(core.WINDOW_GEOMETRY) == b""
    assert chosen.get(core.MODERATOR_NAME) == "ana" and chosen.get(core.QUEUE_SORT) == "newest"
    assert chosen.get(core.PRIORITY_MEDIUM) == 0.5  # read again, as every painted row does: logged once
    assert caplog.text.count("setting scoring/medium_from: 'abc' is not a number; using the default, 0.5") == 1
    assert "setting scoring/high_from: '7' is out of range" in caplog.text


@pytest.mark.parametrize("medium, high", [("0.9", "0.3"), ("nan", "0.8"), ("-0.1", "0.8"), ("0.5", "inf")])
def test_thresholds_out_of_order_or_range_are_the_defaults(tmp_path, open_settings, medium, high, caplog):
    path = written_by_qt(tmp_path, {"version": core.SETTINGS_VERSION, "scoring/medium_from": medium,
                                    "scoring/high_from": high})
    chosen = open_settings(path)
    assert thresholds_from(chosen) == thresholds_from(chosen) == Thresholds()
    assert len(caplog.records) == 1  # the one value, or the pair, that gives way


def test_a_version_1_file_is_upgraded_when_the_app_opens_it(tmp_path, caplog):
    # as the version 1 app left it, after a hand edit: values it could not use, a key it never had
    path = written_by_qt(tmp_path, {"version": 1, **BAD, "scoring/high_from": "0.9", "old/key": "x",
                                    "shortcuts/version": "1", "shortcuts/APPROVE": "Y"})
    caplog.set_level(logging.INFO, logger="moderator")
    opened = QtSettings(path)
    assert opened.found_version == 1
    kept = read_by_qt(path)  # the file itself, as written at start
    assert kept == {"version": "2", "moderation/moderator_name": "ana", "scoring/high_from": "0.9", "queue/sort": "newest",
                    "shortcuts/version": "1", "shortcuts/APPROVE": "Y"}
    assert "settings upgraded from version 1 to 2" in caplog.text
    assert "scoring/medium_from removed ('abc' is not a number)" in caplog.text
    assert thresholds_from(opened) == Thresholds(0.5, 0.9)


def test_the_command_line_reads_a_version_1_file_as_upgraded_but_leaves_it_to_the_app(tmp_path):
    path = written_by_qt(tmp_path, {"version": 1, **BAD, "old/key": "x"})
    before = path.read_bytes()
    cli = read_settings(path)
    assert cli.found_version == 1 and cli.get(core.PRIORITY_MEDIUM) == 0.5 and cli.get(core.MODERATOR_NAME) == "ana"
    assert path.read_bytes() == before


def test_a_file_without_a_version_is_from_version_1_and_a_new_file_gets_this_version(tmp_path):
    hand_written = tmp_path / "hand.ini"
    hand_written.write_text("[scoring]\nmedium_from=0.2\nhigh_from=high\n")
    assert QtSettings(hand_written).found_version == 1
    assert read_ini(hand_written) == {"version": "2", "scoring/medium_from": "0.2"}
    new = QtSettings(tmp_path / "new.ini")
    assert new.found_version == core.SETTINGS_VERSION
    assert read_ini(tmp_path / "new.ini") == {"version": str(core.SETTINGS_VERSION)}


def test_a_file_from_a_newer_version_is_left_alone_with_a_warning(tmp_path, caplog):
    values = {"version": 99, "scoring/medium_from": "0.25", "scoring/high_from": "0.9", "future/setting": "x",
              "window/left_tab": "a tab of the future"}
    path = written_by_qt(tmp_path, values)
    before = path.read_bytes()
    opened = QtSettings(path)
    opened.sync()
    assert opened.found_version == 99 and path.read_bytes() == before
    assert "settings file is from a newer version of the app (99, this is 2)" in caplog.text
    assert thresholds_from(opened) == Thresholds(0.25, 0.9) and opened.get(core.LEFT_TAB) == 0


def test_the_migration_steps_reach_this_version():
    assert sorted(core.MIGRATIONS) == list(range(1, core.SETTINGS_VERSION))


def test_the_command_line_priorities_follow_the_thresholds_the_app_stored(cli, paths):
    cli("demo")
    assert cli("score")[0] == 0
    main_label = model_identity(paths.models).main_label
    scores = sorted(r["scores"][main_label] for r in json.loads(cli("queue", "--json", "--limit", "0")[1]))
    medium, high = scores[len(scores) // 3], scores[2 * len(scores) // 3]
    app = QtSettings(paths.settings_file)  # as Preferences stores them
    app.set(core.PRIORITY_MEDIUM, medium)
    app.set(core.PRIORITY_HIGH, high)
    app.sync()
    rows = json.loads(cli("queue", "--json", "--limit", "0")[1])
    assert [r["priority"] for r in rows] == [priority(r["scores"][main_label], Thresholds(medium, high)) for r in rows]
    assert {r["priority"] for r in rows} == {"High", "Medium", "Low"}


def test_a_float_stored_by_the_app_is_read_to_the_last_bit(tmp_path):
    app = QtSettings(tmp_path / "settings.ini")
    for value in (0.1 + 0.2, 1e-7, 5e-324, math.nextafter(0.5, 1)):
        app.set(core.PRIORITY_MEDIUM, value)
        app.sync()
        assert IniFileStore(tmp_path / "settings.ini").value("scoring/medium_from") == repr(value)
