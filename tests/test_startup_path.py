"""What a start of the window loads (issue 18: a first window in under a second): the app
path skips the command line's modules, every file format and alembic; a database at the
newest revision is recognised without alembic, and anything else still goes through it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import text

from moderator.cli.launch import app_arguments
from moderator.storage.database import open_database
from moderator.storage.engine import make_engine
from moderator.storage.migrate import at_head, head_revision, newest_revision_in_files, upgrade

NOT_AT_START = ("alembic", "sqlalchemy.dialects.postgresql", "moderator.cli.commands", "moderator.formats", "moderator.importing",
                "moderator.gui.audit.window", "moderator.gui.dialogs.models", "moderator.scoring.download")

PROBE = """
import json, sys
import moderator.cli.launch, moderator.gui.app
print(json.dumps(sorted(sys.modules)))
"""


def test_opening_the_app_loads_none_of_what_it_needs_later():
    loaded = json.loads(subprocess.run([sys.executable, "-c", PROBE], check=True, capture_output=True,
                                       text=True).stdout.strip().splitlines()[-1])
    early = [name for name in loaded if name.startswith(NOT_AT_START)]
    assert early == []


@pytest.mark.parametrize(("argv", "expected"), [
    ([], {"--home": None, "--db": None}),
    (["gui"], {"--home": None, "--db": None}),
    (["--home", "/tmp/h"], {"--home": "/tmp/h", "--db": None}),
    (["--home=/tmp/h", "--db", "sqlite:///x.sqlite", "gui"], {"--home": "/tmp/h", "--db": "sqlite:///x.sqlite"}),
])
def test_only_opening_the_app_takes_the_short_way(argv, expected):
    assert app_arguments(argv) == expected


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["--self-test"], ["demo"], ["--home"], ["--home", "x", "queue"],
                                  ["gui", "--home", "x"], ["--hom", "x"], ["--home="]])
def test_everything_else_goes_to_the_command_line(argv):
    assert app_arguments(argv) is None


def test_the_newest_revision_read_from_the_files_is_alembics():
    assert newest_revision_in_files() == head_revision(make_engine("sqlite://"))


def test_a_database_at_head_is_known_without_alembic_and_an_older_one_is_not(paths, tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite'}", paths.backups)
    assert at_head(db.engine)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0006'"))
    assert not at_head(db.engine)  # alembic decides, and migrates
    db.dispose()
    assert not at_head(make_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}"))  # no revision table yet
    older = make_engine(f"sqlite:///{tmp_path / 'older.sqlite'}")
    upgrade(older, "0005")
    assert not at_head(older)
    reopened = open_database(f"sqlite:///{tmp_path / 'older.sqlite'}", paths.backups)
    assert at_head(reopened.engine) and reopened.backup is not None  # migrated, after a copy
    reopened.dispose()
