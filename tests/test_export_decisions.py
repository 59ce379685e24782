"""Decisions out (JSON Lines, CSV, --since) and back in on another machine."""

import csv
import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from moderator.errors import FileFormatError
from moderator.formats.export import export_decisions
from moderator.importing import import_files
from moderator.moderation.decisions import decide, reply, set_standing, undo
from moderator.storage.database import open_database
from moderator.storage.models import Comment, Commenter, Decision, Featured
from moderator.vocabulary import Action
from tests.samples import TESTDATA

pytestmark = pytest.mark.both_databases

SAMPLE = TESTDATA / "wxr_remark42-wordpress_test-inline.xml"


@pytest.fixture
def office(tmp_path):
    """A second database, as on the office machine, with the same export imported."""
    database = open_database(f"sqlite:///{tmp_path / 'office.sqlite'}", tmp_path / "office-backups")
    with database.sessions() as s:
        import_files(s, [SAMPLE])
        yield s
    database.dispose()


def ids(session) -> dict[str, Comment]:
    session.expire_all()
    return {c.external_id: c for c in session.scalars(select(Comment))}


def laptop_work(session) -> dict[str, Comment]:
    """An offline moderator's session: hide, approve, a staff reply, an undo."""
    import_files(session, [SAMPLE])
    comments = ids(session)
    decide(session, [comments["8"].id], "hide", "ana", reason="abuse", note="rude")
    decide(session, [comments["9"].id], "approve", "ana")
    reply(session, comments["14"].id, "Thanks, fixed.", "ana")
    change = decide(session, [comments["13"].id], "hide", "ana", reason="spam")
    undo(session, change.decision_ids, "ana")
    session.commit()
    return ids(session)


@pytest.mark.parametrize("suffix", ["jsonl", "csv"])
def test_decisions_hand_over_to_another_database(session, office, tmp_path, suffix):
    laptop = laptop_work(session)
    out = tmp_path / f"decisions.{suffix}"
    assert export_decisions(session, out, file_format=suffix) == 5
    report = import_files(office, [out])[0]
    assert report.format == "decisions"
    assert vars(report.comments) == {"added": 1, "updated": 2, "unchanged": 1}  # 13 was hidden, then restored
    here = ids(office)
    assert {k: c.status for k, c in here.items() if not c.is_staff} == {k: c.status for k, c in laptop.items() if not c.is_staff}
    staff = [c for c in here.values() if c.is_staff]
    assert [(c.body, c.author, c.parent_id, c.status) for c in staff] == [("Thanks, fixed.", "ana", here["14"].id, "approved")]
    hide = office.scalars(select(Decision).where(Decision.comment_id == here["8"].id)).one()
    assert (hide.action, hide.reason, hide.note, hide.moderator, hide.source) == ("hide", "abuse", "rude", "ana", "import")
    again = import_files(office, [out])[0]
    assert (again.comments.added, again.comments.updated) == (0, 0)  # importing twice adds nothing


def test_a_newer_local_decision_stands(session, office, tmp_path):
    laptop_work(session)
    out = tmp_path / "decisions.jsonl"
    export_decisions(session, out)
    here = ids(office)
    decide(office, [here["8"].id], "hide", "ben", reason="spam")  # both made after the laptop's hide
    decide(office, [here["8"].id], "approve", "ben")
    office.commit()
    report = import_files(office, [out])[0]
    assert ids(office)["8"].status == "approved"
    assert report.skipped == {"decision older than one made here (the newer local decision stands)": 1}


def test_decisions_on_comments_that_are_not_here_are_skipped(session, tmp_path, db):
    laptop_work(session)
    out = tmp_path / "decisions.jsonl"
    export_decisions(session, out)
    other = open_database(f"sqlite:///{tmp_path / 'empty.sqlite'}", tmp_path / "b")
    with other.sessions() as s:
        report = import_files(s, [out])[0]
    other.dispose()
    assert report.skipped["decision on a comment that is not in this database"] == 3
    assert report.skipped["staff reply on an article that is not in this database"] == 1


def test_export_formats_fields_and_since(session, tmp_path):
    laptop_work(session)
    records = [json.loads(line) for line in _export(session, tmp_path / "all.jsonl").read_text().splitlines()]
    assert [r["action"] for r in records] == ["hide", "approve", "reply", "hide", "undo"]
    first = records[0]
    assert (first["site"], first["external_id"], first["article_external_id"]) == ("wordpress:realmenweardress.es", "8", "100")
    staff = records[2]
    assert staff["external_id"].startswith("staff-") and staff["parent_external_id"] == "14"
    with (_export(session, tmp_path / "all.csv", file_format="csv")).open(newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["external_id"] for r in rows] == [r["external_id"] for r in records]
    assert rows[1]["reason"] == "" and rows[0]["note"] == "rude"
    future = datetime.now(UTC) + timedelta(hours=1)
    assert export_decisions(session, tmp_path / "none.jsonl", since=future) == 0


def _export(session, path, **options):
    export_decisions(session, path, **options)
    return path


def test_cli_export_since_and_format(cli, tmp_path, capsys):
    cli("demo")
    cli("decide", "49", "approve", "--moderator", "ana")  # a pending comment of the demo
    out = tmp_path / "d.csv"
    code, stdout, _ = cli("export", "decisions", str(out), "--since", "2000-01-01")
    assert code == 0 and "1 decisions written" in stdout and out.read_text().startswith("decision_id,")
    with pytest.raises(SystemExit) as caught:  # argparse's own exit: usage and status 2
        cli("export", "decisions", str(out), "--since", "yesterday")
    assert caught.value.code == 2 and "not an ISO 8601 time" in capsys.readouterr().err


def marks_work(session) -> dict[str, Comment]:
    """An offline lead's marks: features (one undone, one unfeatured), a ban, a trust undone."""
    comments = laptop_work(session)
    decide(session, [comments["9"].id], Action.FEATURE, "ana")
    decide(session, [comments["14"].id], Action.FEATURE, "ana")
    decide(session, [comments["14"].id], Action.UNFEATURE, "ana")
    featured_then_undone = decide(session, [comments["13"].id], Action.FEATURE, "ana")
    undo(session, featured_then_undone.decision_ids, "ana")
    set_standing(session, comments["8"].id, Action.BAN, "ana", note="troll")
    trusted = set_standing(session, comments["9"].id, Action.TRUST, "ana")
    undo(session, trusted.decision_ids, "ana")
    session.commit()
    return comments


def featured_ids(session) -> set[str]:
    return set(session.scalars(select(Comment.external_id).join(Featured, Featured.comment_id == Comment.id)))


def standings(session) -> dict[str, str]:
    return {person.name: person.standing for person in session.scalars(select(Commenter))}


@pytest.mark.parametrize("suffix", ["jsonl", "csv"])
def test_features_and_standings_hand_over_to_a_fresh_database(session, office, tmp_path, suffix):
    laptop = marks_work(session)
    out = tmp_path / f"decisions.{suffix}"
    export_decisions(session, out, file_format=suffix)
    report = import_files(office, [out])[0]
    assert featured_ids(office) == featured_ids(session) == {"9"}
    assert {k: v for k, v in standings(office).items() if v != "normal"} == {laptop["8"].author: "banned"}
    assert standings(session) == {**standings(office), **{k: v for k, v in standings(session).items() if v == "normal"}}
    ban = office.scalars(select(Decision).where(Decision.action == Action.BAN)).one()
    assert (ban.moderator, ban.source, ban.note, ban.status_before == ban.status_after) == ("ana", "import", "troll", True)
    assert report.comments.updated == 2 + 2  # 8 hidden and 9 approved (statuses), 9 featured and 8's author banned
    again = import_files(office, [out])[0]
    assert again.comments.updated == 0 and featured_ids(office) == {"9"}  # importing twice adds nothing


def test_a_newer_local_standing_stands(session, office, tmp_path):
    marks_work(session)
    out = tmp_path / "decisions.jsonl"
    export_decisions(session, out)
    here = ids(office)
    set_standing(office, here["8"].id, Action.TRUST, "ben")  # after the laptop's ban
    office.commit()
    report = import_files(office, [out])[0]
    assert standings(office)[here["8"].author] == "trusted"
    # the ban, and the hide on the comment the trust was recorded on (any later decision on a comment stands)
    assert report.skipped == {"decision older than one made here (the newer local decision stands)": 2}


@pytest.mark.parametrize("action", ["feature", "ban"])
def test_a_mark_that_would_remove_a_comment_is_refused(session, office, tmp_path, action):
    laptop_work(session)
    line = {"decision_id": 1, "site": "default", "external_id": "9", "action": action, "status_after": "removed",
            "moderator": "mallory", "time": "2030-01-01T00:00:00Z"}
    out = tmp_path / "decisions.jsonl"
    out.write_text(json.dumps(line) + "\n")
    with pytest.raises(FileFormatError, match=f"status_after 'removed' is not what '{action}' leaves a comment in"):
        import_files(office, [out])
