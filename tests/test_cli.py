import json
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text

from moderator.config import SEEDS_DIR

pytestmark = pytest.mark.both_databases


def test_demo_is_idempotent(cli):
    code, out, _ = cli("demo")
    assert code == 0 and "6 articles and 54 comments added" in out
    code, out, _ = cli("demo")
    assert code == 0 and "0 articles and 0 comments added" in out
    _, out, _ = cli("stats", "--json")
    stats = json.loads(out)
    assert stats["articles"] == 6 and stats["comments"]["total"] == 54
    assert set(stats["decisions"]) <= {"total", "flag"}  # only the rules' flags on the demo's suspect comments


def test_import_json_counts_contract(cli):
    code, out, _ = cli("import", str(SEEDS_DIR / "000_64f03f9426af64fa.txt"), "--json")
    assert code == 0
    counts = json.loads(out)
    assert counts["format"] == "page"
    assert counts["articles"] == {"added": 6, "updated": 0, "unchanged": 0}
    assert counts["comments"] == {"added": 0, "updated": 0, "unchanged": 0}
    code, out, _ = cli("import", str(SEEDS_DIR / "demo_comments.jsonl"), "--json")
    assert json.loads(out)["comments"] == {"added": 54, "updated": 0, "unchanged": 0}
    _, out, _ = cli("import", str(SEEDS_DIR / "demo_comments.jsonl"), "--json")
    assert json.loads(out)["comments"] == {"added": 0, "updated": 0, "unchanged": 54}


def test_a_text_postgresql_cannot_store_is_one_sentence_and_changes_nothing(cli, backend, tmp_path):
    export = tmp_path / "nul.jsonl"
    lines = [{"comment_id": f"c{n}", "article_id": "a1", "author": "Ann", "body": f"comment {n}"} for n in range(3)]
    lines[2]["body"] = "a NUL \u0000 in the middle"
    export.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    code, out, err = cli("import", str(export))
    _, stats, _ = cli("stats", "--json")
    if backend == "sqlite":  # SQLite keeps any character
        assert code == 0 and json.loads(stats)["comments"]["total"] == 3
        return
    assert code == 1 and out == ""
    assert err.startswith("moderator: The team database cannot store a value given to it (") and "NUL" in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert json.loads(stats)["comments"]["total"] == 0 and json.loads(stats)["articles"] == 0


def test_queue_json_lists_pending_newest_or_oldest_first(cli):
    cli("demo")
    _, out, _ = cli("queue", "--json", "--limit", "0")
    rows = json.loads(out)
    assert len(rows) == 43 and {r["status"] for r in rows} == {"pending"}
    for key in ("id", "article_id", "parent_id", "author", "created_at", "status", "body"):
        assert key in rows[0]
    times = [r["created_at"] for r in rows]
    assert times == sorted(times, reverse=True)
    _, out, _ = cli("queue", "--json", "--sort", "oldest", "--limit", "3", "--status", "all")
    oldest = json.loads(out)
    assert len(oldest) == 3 and [r["created_at"] for r in oldest] == sorted(r["created_at"] for r in oldest)


def test_decide_reply_undo_and_export(cli, tmp_path):
    cli("demo")
    target = json.loads(cli("queue", "--json", "--limit", "1")[1])[0]["id"]
    assert cli("decide", str(target), "hide", "--reason", "abuse", "--note", "slur", "--moderator", "ana")[0] == 0
    assert cli("reply", str(target), "Removed: please stay civil.", "--moderator", "ana")[0] == 0
    code, out, _ = cli("undo", "--moderator", "ana")
    assert code == 0 and "removed" in out  # the reply, the latest decision, is withdrawn first
    out_file = tmp_path / "decisions.jsonl"
    assert cli("export", "decisions", str(out_file))[0] == 0
    records = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert [r["action"] for r in records] == ["hide", "reply", "undo"]
    hide = records[0]
    assert (hide["comment_id"], hide["reason"], hide["note"], hide["moderator"]) == (target, "abuse", "slur", "ana")
    assert hide["external_id"].startswith("demo-") and hide["time"]
    assert records[1]["reply_text"] == "Removed: please stay civil." and records[1]["parent_external_id"] == hide["external_id"]


def test_errors_are_one_sentence_without_traceback(cli, tmp_path):
    cli("demo")
    code, _, err = cli("decide", "99999", "approve")
    assert code == 1 and err == "moderator: There is no comment with id 99999.\n"
    code, _, err = cli("decide", "1", "hide")
    assert code == 1 and "needs a reason" in err and "Traceback" not in err
    code, _, err = cli("import", str(tmp_path / "missing.txt"))
    assert code == 1 and "missing.txt: no such file" in err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"article_id": "a", "comment_id": "1", "author": "x", "created_at": "2025-01-01T00:00:00Z", "body": "ok"}\n'
                   '{oops\n')
    code, _, err = cli("import", str(bad))
    assert code == 1 and "bad.jsonl, line 2" in err and "not valid JSON" in err
    assert json.loads(cli("stats", "--json")[1])["comments"]["total"] == 54  # nothing of bad.jsonl kept


def test_python_dash_m_runs_the_same_command(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "moderator", "--home", str(tmp_path), "stats", "--json"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["articles"] == 0


def test_bad_option_exits_non_zero_with_usage(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "moderator", "--home", str(tmp_path), "queue", "--sort", "sideways"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2 and "invalid choice" in result.stderr and "Traceback" not in result.stderr


def test_queue_json_carries_priority_and_scores_of_the_active_model(cli, paths, db_url):
    cli("demo")
    _, out, _ = cli("queue", "--json", "--limit", "1")
    assert json.loads(out)[0]["priority"] is None and json.loads(out)[0]["scores"] is None  # nothing scored yet
    assert cli("score")[0] == 0
    rows = json.loads(cli("queue", "--json", "--sort", "priority", "--limit", "0")[1])
    engine = create_engine(db_url)  # a rule's flag raises a comment above the scores (issue 14)
    with engine.connect() as connection:
        raised = {cid for (cid,) in connection.execute(
            text("SELECT id FROM comments WHERE flag IS NOT NULL AND status = 'pending'"))}
    engine.dispose()
    assert raised and {r["id"] for r in rows[:len(raised)]} == raised
    rows = rows[len(raised):]
    offensive = [r["scores"]["offensive"] for r in rows]
    assert offensive == sorted(offensive, reverse=True)
    assert rows[0]["priority"] == "High" and rows[-1]["priority"] == "Low"
    paths.settings_file.write_text("[scoring]\nmedium_from=0.0\nhigh_from=1.0\n")  # as Preferences writes it
    rows = json.loads(cli("queue", "--json", "--sort", "priority", "--limit", "0")[1])
    assert {r["priority"] for r in rows} == {"Medium"}


def test_a_bug_is_logged_with_its_traceback_and_told_in_one_line(cli, paths, tmp_path):
    from moderator.scoring.packs import install_pack
    from tests.tinymodels import break_loading, build_tiny_model

    tiny = build_tiny_model(tmp_path / "tiny", "bert")
    install_pack(paths.models, tiny.checkpoint, tiny.config, name="broken")
    break_loading(paths.models / "broken")
    code, out, err = cli("score", "--model", "broken")
    assert code == 1 and out == ""
    assert err == f"moderator: unexpected error; details are in {paths.logs / 'moderator.log'}\n"
    logged = (paths.logs / "moderator.log").read_text()
    assert "ERROR moderator: unexpected error in `moderator score`" in logged
    assert "Traceback (most recent call last)" in logged and "TypeError: 'int' object is not iterable" in logged
    code, _, err = cli("score", "--model", "broken")  # a second bug is added to the log, not written over it
    assert code == 1 and (paths.logs / "moderator.log").read_text().count("Traceback") == 2


def test_a_database_file_that_is_not_one_is_one_sentence(cli, tmp_path):
    garbage = tmp_path / "notes.txt"
    garbage.write_text("shopping list\n" * 200)
    code, _, err = cli("--db", f"sqlite:///{garbage}", "stats")
    assert code == 1 and err.startswith("moderator: The database file is not a Comment Moderator database")
    assert err.count("\n") == 1 and "Traceback" not in err
