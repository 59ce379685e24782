"""Word lists in a real database (moderator/rules/wordlists.py), their files, the
`moderator words` commands, and the text screen built from them and cached by version."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from moderator.errors import FileFormatError, ModeratorError
from moderator.rules import wordlists
from moderator.rules.text import TextScreen, load_text_screen
from moderator.rules.wordlists import BANNED, MAX_ENTRIES, SUSPECT, EntryError
from moderator.storage.models import WordListEntry


@pytest.fixture
def site_id(demo_db) -> int:
    with demo_db.sessions() as session:
        return wordlists.site_for_lists(session, None).id


def _entries(db, site_id, name=BANNED):
    with db.sessions() as session:
        return wordlists.entries(session, site_id, name)


def _count(db) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(WordListEntry))


def test_add_remove_search_and_version(demo_db, site_id):
    with demo_db.write_sessions() as session:
        change = wordlists.add_entries(session, site_id, BANNED, ["vermin", " kill* ", "vermin", "Know where you live"])
        session.commit()
    assert (change.added, change.removed) == (3, 0)
    assert _entries(demo_db, site_id) == ["kill*", "Know where you live", "vermin"]
    with demo_db.sessions() as session:
        assert wordlists.entries(session, site_id, BANNED, "KNOW") == ["Know where you live"]
        assert wordlists.entries(session, site_id, BANNED, "%") == []
        assert [(name, version) for name, version, _ in wordlists.versions(session, site_id)] == [("banned", 1)]
    with demo_db.write_sessions() as session:
        wordlists.remove_entries(session, site_id, BANNED, ["vermin"])
        session.commit()
    assert _entries(demo_db, site_id) == ["kill*", "Know where you live"]
    assert _entries(demo_db, site_id, SUSPECT) == []


@pytest.mark.parametrize(("entry", "says"), [
    ("!!!", "no letters or digits"),
    ("\u200b\u200d", "no letters or digits"),
    ("*", "no letters or digits"),
    ("ki*ll", "'*'"),
    ("kill**", "'*'"),
    ("x" * 501, "at most 500"),
])
def test_a_bad_entry_adds_nothing(demo_db, site_id, entry, says):
    with demo_db.write_sessions() as session, pytest.raises(EntryError, match=says):
        wordlists.add_entries(session, site_id, BANNED, ["fine", entry])
    assert _count(demo_db) == 0


def test_removing_an_entry_not_on_the_list_removes_nothing(demo_db, site_id):
    with demo_db.write_sessions() as session:
        wordlists.add_entries(session, site_id, BANNED, ["a", "b"])
        session.commit()
    with demo_db.write_sessions() as session, pytest.raises(ModeratorError, match="'c' is not on the banned list"):
        wordlists.remove_entries(session, site_id, BANNED, ["a", "c"])
    assert _entries(demo_db, site_id) == ["a", "b"]


def test_a_file_round_trips_and_replace_makes_the_list_the_files(demo_db, site_id, tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("\ufeff# my list\nvermin\n\n  kill*  \nsub-human\nvermin\n", "utf-8")
    with demo_db.write_sessions() as session:
        wordlists.add_entries(session, site_id, BANNED, ["old"])
        assert wordlists.import_file(session, site_id, BANNED, source).added == 3
        session.commit()
    out = tmp_path / "out.txt"
    with demo_db.sessions() as session:
        assert wordlists.export_file(session, site_id, BANNED, out) == 4
    assert out.read_text("utf-8").splitlines()[1:] == ["kill*", "old", "sub-human", "vermin"]
    with demo_db.write_sessions() as session:
        change = wordlists.import_file(session, site_id, BANNED, source, replace=True)
        session.commit()
    assert (change.added, change.removed) == (0, 1)
    assert _entries(demo_db, site_id) == ["kill*", "sub-human", "vermin"]


def _bad_files():
    many = "".join(f"word{n}\n" for n in range(200_000)).encode()
    return [
        ("invalid UTF-8", b"fine\nalso fine\ncaf\xe9\n", "line 3: not UTF-8 text"),
        ("a line of 100 KB", b"fine\n" + b"x" * 100_000 + b"\n", "line 2: the line is longer than 500"),
        ("200,000 entries", many, f"line {MAX_ENTRIES + 1}: more than 100,000 entries"),
        ("an entry that normalises to nothing", b"fine\n\xe2\x80\x8b\xe2\x80\x8b\n", "line 2: '"),
        ("a misplaced star", b"fine\n*kill\n", "line 2: '\\*kill' has a '\\*'"),
    ]


@pytest.mark.parametrize(("about", "content", "says"), _bad_files(), ids=[c[0] for c in _bad_files()])
def test_a_bad_file_is_refused_naming_the_line_and_nothing_is_saved(demo_db, site_id, tmp_path, about, content, says):
    path = tmp_path / "list.txt"
    path.write_bytes(content)
    with demo_db.write_sessions() as session:
        wordlists.add_entries(session, site_id, BANNED, ["kept"])
        session.commit()
    with demo_db.write_sessions() as session, pytest.raises(FileFormatError, match=says) as refused:
        wordlists.import_file(session, site_id, BANNED, path)
    assert str(refused.value).count(".") <= 3 and "\n" not in str(refused.value)
    assert _entries(demo_db, site_id) == ["kept"]


def test_the_words_commands(cli, tmp_path):
    cli("demo")
    source = tmp_path / "list.txt"
    source.write_text("vermin\nkill*\n", "utf-8")
    code, out, _ = cli("words", "import", str(source), "--list", "banned")
    assert code == 0 and "2 added" in out
    code, out, _ = cli("words", "add", "cockroach*", "--list", "suspect", "--site", "default")
    assert code == 0 and "1 added" in out
    _, out, _ = cli("words", "list", "--list", "banned", "--json")
    assert json.loads(out) == ["kill*", "vermin"]
    code, _, err = cli("words", "add", "?!", "--list", "banned")
    assert code == 1 and err.count("\n") == 1 and "'?!' has no letters or digits" in err
    code, _, err = cli("words", "remove", "vermin", "nope", "--list", "banned")
    assert code == 1 and "'nope' is not on the banned list" in err
    code, _, err = cli("words", "list", "--list", "banned", "--site", "elsewhere")
    assert code == 1 and "no site 'elsewhere'" in err
    out_file = tmp_path / "out.txt"
    code, out, _ = cli("words", "export", str(out_file), "--list", "banned")
    assert code == 0 and out_file.read_text("utf-8").splitlines()[1:] == ["kill*", "vermin"]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\n\xff\n")
    code, _, err = cli("words", "import", str(bad), "--list", "banned")
    assert code == 1 and "line 2: not UTF-8" in err


def test_several_sites_need_a_site_named(cli, tmp_path):
    cli("demo")
    with_two = tmp_path / "two.jsonl"
    with_two.write_text(json.dumps({"article_id": "a", "comment_id": "c", "author": "x", "body": "hello",
                                    "created_at": "2024-01-01T00:00:00Z"}) + "\n", "utf-8")
    code, _, err = cli("import", str(with_two), "--site", "other")
    assert code == 0, err
    code, _, err = cli("words", "list", "--list", "banned")
    assert code == 1 and "several sites; name one with --site (default, other)" in err
    code, _, _ = cli("words", "add", "x", "--list", "banned", "--site", "other")
    assert code == 0


def test_the_screen_is_rebuilt_only_when_a_list_changed(demo_db, site_id):
    with demo_db.sessions() as session:
        first = load_text_screen(session, site_id)
        assert load_text_screen(session, site_id) is first
        assert [h.rule for h in first.hits("they are vermin")] == ["dehumanising"]
    with demo_db.write_sessions() as session:
        wordlists.add_entries(session, site_id, BANNED, ["vermin"])
        session.commit()
    with demo_db.sessions() as session:
        second = load_text_screen(session, site_id)
        assert second is not first
        assert sorted(h.rule for h in second.hits("they are vermin")) == ["banned_words", "dehumanising"]


def test_hits_come_in_text_order_with_original_offsets():
    screen = TextScreen({BANNED: ["idiot"], SUSPECT: ["clown*"]})
    text = "Call 07700 900461, you clowns, іdі0t; see www.spam.example.com"
    hits = screen.hits(text)
    assert [(h.rule, text[h.start:h.end]) for h in hits] == [
        ("personal_data", "07700 900461"), ("suspect_words", "clowns"), ("banned_words", "іdі0t"),
        ("links", "www.spam.example.com")]
    assert hits[2].what == "banned word 'idiot'" and hits[1].what == "suspect word 'clown*'"


def test_two_databases_never_share_a_screen(tmp_path):
    from moderator.importing.demo import load_demo
    from moderator.storage.database import open_database

    """Not even one made again at the same path, with its list at the same version."""
    screens = []
    for word in ("rotations", "summit"):
        for old in tmp_path.glob("same.sqlite*"):
            old.unlink()
        db = open_database(f"sqlite:///{tmp_path / 'same.sqlite'}", tmp_path / "backups")
        with db.write_sessions() as session:
            load_demo(session)
            site_id = wordlists.site_for_lists(session, None).id
            wordlists.add_entries(session, site_id, BANNED, [word])  # the same version, 1, in both
            session.commit()
        with db.sessions() as session:
            screens.append([h.what for h in load_text_screen(session, site_id).hits("rotations at the summit")])
        db.dispose()
    assert screens == [["banned word 'rotations'"], ["banned word 'summit'"]]
