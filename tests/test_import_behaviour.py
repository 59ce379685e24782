"""Idempotence, newer exports, all-or-nothing, hostile files, progress and the CLI contract."""

import json

import pytest
from sqlalchemy import select

from moderator.errors import FileFormatError
from moderator.formats import FORMATS, Format
from moderator.formats.records import ArticleRecord, CommentRecord
from moderator.importing import ImportCancelled, import_files, writer
from moderator.moderation.decisions import decide
from moderator.storage.models import Base, Comment
from tests.samples import TESTDATA, wxr

pytestmark = pytest.mark.both_databases

SAMPLES = sorted(p.name for p in TESTDATA.iterdir() if p.name != "SOURCES.md" and "malformed" not in p.name)

def snapshot(session) -> dict:
    """Every row of every table: "unchanged" means exactly this is equal."""
    session.expire_all()
    return {table.name: session.execute(select(table)).all() for table in Base.metadata.sorted_tables}


def by_id(session) -> dict[str, Comment]:
    session.expire_all()
    return {c.external_id: c for c in session.scalars(select(Comment))}


@pytest.mark.parametrize("name", SAMPLES)
def test_importing_the_same_file_again_changes_nothing(session, name):
    first = import_files(session, [TESTDATA / name])[0]
    before = snapshot(session)
    again = import_files(session, [TESTDATA / name])[0]
    assert snapshot(session) == before
    assert (again.comments.added, again.comments.updated) == (0, 0)
    assert again.comments.unchanged == first.comments.added
    assert (again.articles.added, again.articles.updated) == (0, 0)


def test_newer_export_updates_but_local_decisions_stand(session, tmp_path):
    old = wxr(tmp_path, "old.xml", "Budget day",
              (1, "Ann", "First!", "0", 0), (2, "Bob", "Agreed.", "0", 1), (3, "Cy", "Hmm.", "1", 0))
    import_files(session, [old])
    comments = by_id(session)
    assert [comments[i].status for i in "123"] == ["pending", "pending", "approved"]
    decide(session, [comments["1"].id], "hide", "ana", reason="spam")
    session.commit()

    newer = wxr(tmp_path, "new.xml", "Budget day, updated",
                (1, "Ann", "First! (edited)", "1", 0),  # the site approved it; here it was hidden
                (2, "Bob", "Agreed.", "1", 1),  # the site approved it; nobody decided here
                (3, "Cy", "Hmm.", "1", 0), (4, "Di", "New one", "0", 3))
    report = import_files(session, [newer])[0]
    assert vars(report.comments) == {"added": 1, "updated": 2, "unchanged": 1}
    assert vars(report.articles) == {"added": 0, "updated": 1, "unchanged": 0}
    comments = by_id(session)
    hidden = comments["1"]
    assert (hidden.body, hidden.status, hidden.source_status) == ("First! (edited)", "hidden", "approved")
    assert (comments["2"].status, comments["2"].source_status) == ("approved", "approved")
    assert comments["4"].parent_id == comments["3"].id and comments["4"].status == "pending"
    assert import_files(session, [newer])[0].comments.unchanged == 4  # and once more: nothing


def test_a_failure_halfway_leaves_the_database_exactly_as_before(session, tmp_path, monkeypatch):
    import_files(session, [TESTDATA / "wxr_isso-tests.xml"])
    before = snapshot(session)
    monkeypatch.setattr(writer, "BATCH", 2)  # so the first records really reach the database

    def breaks_on_third_record(stream, path):
        yield ArticleRecord("a1", title="An article")
        yield CommentRecord("c1", "a1", None, "Ann", None, None, None, None, "one", "pending")
        yield CommentRecord("c2", "a1", "c1", "Bob", None, None, None, None, "two", "pending")
        raise RuntimeError("the disk went away")

    monkeypatch.setitem(FORMATS, "jsonl", Format("jsonl", "JSON Lines", ("default", "Our site"), breaks_on_third_record))
    path = tmp_path / "broken.jsonl"
    path.write_text("{}\n")
    with pytest.raises(RuntimeError):
        import_files(session, [path], "jsonl")
    assert snapshot(session) == before


def test_a_bad_line_rejects_the_whole_file(session, tmp_path):
    lines = [{"article_id": "a", "comment_id": str(i), "author": "x", "created_at": "2025-01-01T00:00:00Z", "body": "ok"}
             for i in range(5)]
    text = "\n".join(json.dumps(line) for line in lines).splitlines()
    text[2] = text[2].replace("2025-01-01T00:00:00Z", "yesterday")
    path = tmp_path / "comments.jsonl"
    path.write_text("\n".join(text) + "\n")
    before = snapshot(session)
    with pytest.raises(FileFormatError, match=r"comments.jsonl, line 3: created_at 'yesterday' is not an ISO 8601 time"):
        import_files(session, [path])
    assert snapshot(session) == before


BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&lol4;</title></item></channel></rss>"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE disqus [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<disqus xmlns="http://disqus.com"><post><message>&secret;</message></post></disqus>"""


@pytest.mark.parametrize("content, entity, line", [(BOMB, "lol", 3), (XXE, "secret", 2)])
def test_hostile_xml_is_refused_before_anything_is_read(session, tmp_path, content, entity, line):
    path = tmp_path / "hostile.xml"
    path.write_text(content)
    with pytest.raises(FileFormatError) as caught:
        import_files(session, [path])
    assert f"declares the entity '{entity}'" in str(caught.value) and f"line {line}," in str(caught.value)
    assert snapshot(session)["comments"] == [] and snapshot(session)["articles"] == []


def test_an_undeclared_entity_is_a_format_error(session, tmp_path):
    path = tmp_path / "entity.xml"
    path.write_text('<rss xmlns:wp="http://wordpress.org/export/1.0/"><channel>\n'
                    '<item><title>A &nbsp; B</title></item></channel></rss>')
    with pytest.raises(FileFormatError, match=r"line 2, column 16: XML error: undefined entity"):
        import_files(session, [path])


def test_progress_is_reported_and_cancel_keeps_nothing(session, tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "BATCH", 2)
    monkeypatch.setattr("moderator.importing.run.BATCH", 2)
    seen = []
    import_files(session, [TESTDATA / "toxic_jigsaw-train-dummy_detoxify.csv"], progress=seen.append)
    assert len(seen) > 100 and seen[-1].fraction == 1.0 and seen[-1].records == 289
    assert [p.bytes_done for p in seen] == sorted(p.bytes_done for p in seen)
    before = snapshot(session)

    def cancel(progress):
        if progress.records >= 4:
            raise ImportCancelled(progress.path)

    with pytest.raises(ImportCancelled, match="nothing of it was kept"):
        import_files(session, [TESTDATA / "wxr_isso-tests.xml"], progress=cancel)
    assert snapshot(session) == before


def test_replies_link_whatever_the_order_and_dangling_ones_link_later(session, tmp_path):
    early = tmp_path / "replies-first.jsonl"
    rows = [("r2", "r1"), ("r1", "p"), ("x", "missing")]
    early.write_text("".join(json.dumps({"article_id": "a", "comment_id": c, "parent_id": p, "body": c}) + "\n"
                             for c, p in rows))
    report = import_files(session, [early])[0]
    comments = by_id(session)
    assert comments["r2"].parent_id == comments["r1"].id
    assert comments["r1"].parent_id is None and comments["r1"].parent_external_id == "p"
    assert any("2 (e.g." in w for w in report.warnings if "parent is not in the database" in w)
    late = tmp_path / "parent-later.jsonl"
    late.write_text(json.dumps({"article_id": "a", "comment_id": "p", "body": "the parent"}) + "\n")
    import_files(session, [late])
    comments = by_id(session)
    assert comments["r1"].parent_id == comments["p"].id


def test_a_reply_loop_is_broken_and_reported(session, tmp_path):
    loop = tmp_path / "loop.jsonl"
    loop.write_text("".join(json.dumps({"article_id": "a", "comment_id": c, "parent_id": p, "body": c}) + "\n"
                            for c, p in (("a1", "a2"), ("a2", "a1"), ("self", "self"))))
    report = import_files(session, [loop])[0]
    comments = by_id(session)
    assert comments["a1"].parent_id is None or comments["a2"].parent_id is None
    assert comments["self"].parent_id is None
    assert any("loops back" in w for w in report.warnings)


def test_the_site_separates_two_blogs_with_the_same_ids(session, tmp_path):
    import_files(session, [TESTDATA / "wxr_isso-tests.xml"])  # no site address: site "wordpress"
    report = import_files(session, [TESTDATA / "wxr_remark42-wordpress_test-inline.xml"])[0]
    assert report.comments.added == 4 and report.comments.updated == 0  # its 8 and 9 are other comments
    again = import_files(session, [TESTDATA / "wxr_isso-tests.xml"], site_key="wordpress")[0]
    assert again.comments.unchanged == 7


@pytest.mark.parametrize("name", SAMPLES)
def test_cli_json_counts_contract_for_every_format(cli, name):
    code, out, _ = cli("import", str(TESTDATA / name), "--json")
    assert code == 0
    counts = json.loads(out)
    assert counts["format"] == FORMATS[counts["format"]].name
    assert set(counts["articles"]) == set(counts["comments"]) == {"added", "updated", "unchanged"}
    assert counts["comments"]["added"] > 0


def test_cli_rejects_the_malformed_file_with_one_sentence(cli):
    code, out, err = cli("import", str(TESTDATA / "disqus_remark42-malformed.xml"))
    assert code == 1 and out == ""
    assert err == (f"moderator: {TESTDATA / 'disqus_remark42-malformed.xml'}, line 1, column 1: "
                   "XML error: not well-formed (invalid token)\n")
    assert json.loads(cli("stats", "--json")[1])["comments"]["total"] == 0


@pytest.mark.parametrize("name", ["wxr_isso-tests.xml", "disqus_isso-tests.xml", "remark42_native-backup_from-native_test.jsonl"])
def test_parsing_in_a_second_process_gives_the_same_result(session, db, tmp_path, name):
    from moderator.storage.database import open_database

    alone = import_files(session, [TESTDATA / name], parallel=False)[0]
    other = open_database(f"sqlite:///{tmp_path / 'other.sqlite'}", tmp_path / "b")
    with other.sessions() as s:
        together = import_files(s, [TESTDATA / name], parallel=True)[0]
        assert together.as_dict() == alone.as_dict()
        assert _content(s) == _content(session)
    other.dispose()


def _content(session) -> list[tuple]:
    return [(c.external_id, c.parent_id, c.author, c.body, c.status, c.created_at) for c in by_id(session).values()]


def test_a_malformed_file_parsed_in_a_second_process_is_the_same_error(session):
    with pytest.raises(FileFormatError, match=r"line 1, column 1: XML error"):
        import_files(session, [TESTDATA / "disqus_remark42-malformed.xml"], parallel=True)
    assert snapshot(session)["comments"] == []


def test_a_damaged_gzip_backup_is_a_format_error(session, tmp_path):
    import gzip

    packed = gzip.compress((TESTDATA / "remark42_native-backup_from-native_test.jsonl").read_bytes())
    damaged = tmp_path / "backup.gz"
    damaged.write_bytes(packed[: len(packed) // 2])
    with pytest.raises(FileFormatError, match="compressed data is damaged"):
        import_files(session, [damaged])
    assert snapshot(session)["comments"] == []


def test_an_empty_file_says_so(session, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    with pytest.raises(FileFormatError, match="empty.jsonl: the file is empty"):
        import_files(session, [empty])
