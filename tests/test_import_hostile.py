"""Small hostile files (issue 19): each is imported or refused within seconds and bounded
memory, with one sentence naming the file, the line or item and the field; a decisions
file never removes a reader's comment. (The fuzzer is tests/test_import_fuzz.py.)"""

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event, select

from moderator.errors import FileFormatError
from moderator.formats import xmlsafe
from moderator.formats.htmltext import html_to_text
from moderator.formats.limits import MAX_COMMENT
from moderator.importing import detect_format, import_files
from moderator.storage.models import Comment, Status
from tests.fuzzformats import snapshot
from tests.samples import TESTDATA

ROOT = Path(__file__).resolve().parents[1]
WXR_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
            "<title>T</title><item><title>A</title><wp:post_id>1</wp:post_id>")
WXR_TAIL = "</item></channel></rss>\n"
RSS_LIMIT_MB = 300  # the bound an import stays under (docs/formats.md, "Limits")


def write_lines(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def wxr_comment(comment_id: int, content: str, parent: int = 0) -> str:
    return (f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id><wp:comment_content>{content}"
            f"</wp:comment_content><wp:comment_parent>{parent}</wp:comment_parent></wp:comment>")


def child_import(path: Path, file_format: str = "auto", timeout: float = 60) -> dict:
    """Import in a fresh process (its peak RSS is its own): outcome, seconds, peak RSS in MB (of
    the importing process or of its parser process, for a file parsed in a second one)."""
    code = """
import json, resource, sys, tempfile, time
from pathlib import Path
from moderator.errors import FileFormatError
from moderator.importing import import_files
from moderator.storage.database import open_database
home = Path(tempfile.mkdtemp())
db = open_database(f"sqlite:///{home / 'db.sqlite'}", home / "backups")
started = time.monotonic()
try:
    with db.sessions() as session:
        import_files(session, [Path(sys.argv[1])], sys.argv[2])
    outcome = "imported"
except FileFormatError as error:
    outcome = str(error)
# This process's own peak (ru_maxrss would count the test process it was forked from), and
# that of the parser process it may have started (spawned when this one was still small).
status = Path("/proc/self/status")
mine = next((int(line.split()[1]) for line in status.read_text().splitlines() if line.startswith("VmHWM:")), 0) \
    if status.exists() else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
peak = max(mine, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"outcome": outcome, "seconds": time.monotonic() - started, "rss_mb": peak / 1024}))
"""
    done = subprocess.run([sys.executable, "-c", code, str(path), file_format], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


# 5. Hostile files that tied an import up, or ate the memory


def test_a_reply_chain_listed_before_its_parents_is_linked_in_one_pass(session, tmp_path):
    """2,000 replies, each before its parent: 120 s of one query a step (and 10,000 over 300 s)."""
    count = 2000
    path = write_lines(tmp_path / "chain.jsonl", [
        {"article_id": "a", "comment_id": f"c{i}", "parent_id": f"c{i + 1}" if i + 1 < count else None, "body": "x"}
        for i in range(count)])
    statements = []
    listen = session.connection().engine

    def counted(*_):
        statements.append(1)
        if len(statements) > 500:  # linear is some forty; a query a step is millions
            raise AssertionError("more than 500 statements for 2,000 replies")

    event.listen(listen, "before_cursor_execute", counted)
    try:
        import_files(session, [path])
    finally:
        event.remove(listen, "before_cursor_execute", counted)
    comments = {c.external_id: c for c in session.scalars(select(Comment))}
    assert all(comments[f"c{i}"].parent_id == comments[f"c{i + 1}"].id for i in range(count - 1))


def test_html_to_text_is_linear_on_markup_that_never_closes():
    """Each case took from one second to fifteen at 20 kB (and minutes at 100 kB) when a tag
    or a link's label could run to the text's end; linear, they take milliseconds at 1 MB."""
    code = """
import sys, time
from moderator.formats import xmlsafe
from moderator.formats.htmltext import html_to_text

pytestmark = pytest.mark.both_databases
for unit in ["<a>", "<a ", "<b ", '<a href="', "<a href='x'>y", "<br ", "<img ", "<img alt='", "<a>x</a", '<a "']:
    started = time.monotonic()
    html_to_text(unit * (1_000_000 // len(unit)), keep_newlines=True)
    assert time.monotonic() - started < 2, unit
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-1000:]


def test_html_to_text_still_reads_tags_links_and_images():
    assert html_to_text('<p>see <a href="https://x.example/">the <b>report</b></a>, <img alt="a cat">.</p>') == \
        "see the report (https://x.example/), [image: a cat]."
    assert html_to_text("<a>" * 3 + "text") == "text" and html_to_text("1 <b 2") == "1 <b 2"


def test_a_comment_of_millions_of_elements_is_refused_in_bounded_memory(tmp_path):
    """One comment of 52 million <b/> was accepted at 4.5 GB; 10 million take some 900 MB unbounded."""
    path = tmp_path / "bees.xml"
    with path.open("w") as stream:
        stream.write(WXR_HEAD + "<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>")
        for _ in range(10):
            stream.write("<b/>" * 1_000_000)
        stream.write("</wp:comment_content></wp:comment>" + WXR_TAIL)
    result = child_import(path)
    assert result["outcome"] == f"{path}: one record holds more than 10,000 elements; refused"
    assert result["seconds"] < 10 and result["rss_mb"] < RSS_LIMIT_MB


def test_xml_nested_too_deep_or_holding_too_much_text_is_refused(session, tmp_path, monkeypatch):
    deep = tmp_path / "deep.xml"
    deep.write_text(WXR_HEAD + wxr_comment(1, "<b>" * 50_000 + "</b>" * 50_000) + WXR_TAIL)
    assert refusal(session, deep) == ": elements nest more than 100 levels deep; refused"
    monkeypatch.setattr(xmlsafe, "MAX_HELD", 100_000)  # 32 MB, made small: the same code refuses it
    held = tmp_path / "held.xml"
    held.write_text(WXR_HEAD.replace("<title>A</title>", "<description>x</description>" * 4 + "<title>" + "y" * 100_000
                                     + "</title>") + wxr_comment(1, "ok") * 5_000 + WXR_TAIL)
    assert refusal(session, held) == ": one record holds more than 100,000 characters of text; refused"


def test_a_long_text_file_is_not_an_article_page(tmp_path):
    """A 200 MB text file became an article at 663 MB RSS: now it is no format (and a page is at most 1 MB)."""
    path = tmp_path / "notes.txt"
    path.write_text("Just some words, nothing like an article page.\n" * 400_000)  # 19 MB
    auto = child_import(path)
    assert auto["outcome"].startswith(f"{path}: text that is none of the formats")
    assert auto["rss_mb"] < RSS_LIMIT_MB
    assert child_import(path, "page")["outcome"] == f"{path}: an article page's text is at most 1 MB; this file is larger"


@pytest.mark.parametrize("name, content", [
    ("objects.jsonl", '{"comment_id": "1", "body": "x", "x": [' + "{}," * 2_700_000 + "{}]}\n"),
    ("deep.jsonl", '{"comment_id": "1", "body": ' + "[" * 100_000 + "]" * 100_000 + "}\n"),
    ("isso.json", '[{"id": "/t/", "comments": [' + "[]," * 2_700_000 + "[]]}]"),
])
def test_json_that_would_take_gigabytes_is_refused_before_it_is_read(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content)
    result = child_import(path)
    assert result["outcome"].startswith(f"{path}, line 1") and "refused" in result["outcome"]
    assert result["rss_mb"] < RSS_LIMIT_MB


def test_a_comment_over_the_size_limit_is_refused_naming_it(session, tmp_path):
    path = tmp_path / "big.xml"
    path.write_text(WXR_HEAD + wxr_comment(1, "ok") + wxr_comment(7, "x" * (MAX_COMMENT + 1)) + WXR_TAIL)
    with pytest.raises(FileFormatError, match=r"big.xml: comment '7': its text is longer than 1,048,576 characters"):
        import_files(session, [path])


def test_a_compression_bomb_is_refused(session, tmp_path):
    path = tmp_path / "backup.gz"
    path.write_bytes(gzip.compress((b" " * (1 << 20) + b"\n") * 16))  # 16 MB of blank lines in 16 kB
    assert refusal(session, path) == ": the compressed data expands more than 100 times its size; refused as a compression bomb"


# 6. One sentence, never a crash


def refusal(session, path: Path, file_format: str = "auto") -> str:
    before = snapshot(session)
    with pytest.raises(FileFormatError) as caught:
        import_files(session, [path], file_format)
    assert snapshot(session) == before
    message = str(caught.value)
    assert message.startswith(str(path)) and "\n" not in message
    return message[len(str(path)):]


NESTED = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize("name, content, where", [
    ("generic.jsonl", '{"comment_id": "1", "body": "ok"}\n{"comment_id": "2", "body": ' + NESTED + '}\n', ", line 2"),
    ("remark42.jsonl", '{"id": "1", "locator": {"url": "u"}, "text": ' + NESTED + '}\n', ", line 1"),
    ("isso.json", '[{"id": "/t/",\n "comments": [{"id": 1, "text": ' + NESTED + '}]}]', ", line 1"),  # the thread's line
    ("commento.json", '{"version": 1,\n "comments": [' + NESTED + ']}', ", line 2"),
])
def test_100000_nested_arrays_are_one_sentence(session, tmp_path, name, content, where):
    (tmp_path / name).write_text(content)
    message = refusal(session, tmp_path / name)
    assert message.startswith(where) and "nest deeper than JSON's reader follows" in message


@pytest.mark.parametrize("name, content, where", [
    ("generic.jsonl", '{"comment_id": "1", "body": "ok"}\n{"comment_id": "2", "author": "a\\ud800", "body": "x"}\n',
     ", line 2: 'author' holds a lone surrogate"),
    ("remark42.jsonl", '{"id": "1", "locator": {"url": "u"}, "user": {"name": "\\udfff"}, "text": "x"}\n',
     ", line 1: 'user.name' holds a lone surrogate"),
    ("isso.json",
     '[{"id": "/t/", "comments": [{"id": 1, "text": "ok"}]},\n {"id": "/u/", "comments": [{"id": 2, "text": "\\ud800"}]}]',
     ", line 2, column 2: 'comments[0].text' holds a lone surrogate"),
    ("commento.json", '{"version": 1, "comments": [\n{"commentHex": "a", "markdown": "\\ud83d"}]}',
     ", line 2, column 1: 'markdown' holds a lone surrogate"),
    ("decisions.jsonl", '{"decision_id": 1, "action": "approve", "status_after": "approved", "moderator": "\\ud800",'
     ' "time": "2024-01-01T00:00:00Z", "external_id": "1"}\n', ", line 1: 'moderator' holds a lone surrogate"),
])
def test_a_lone_surrogate_is_one_sentence_naming_line_and_field(session, tmp_path, name, content, where):
    (tmp_path / name).write_text(content)
    assert refusal(session, tmp_path / name).startswith(where)


@pytest.mark.parametrize("name, content, where", [
    ("commento.json", '{"version": 1, "comments": [], "commenters": [{"commenterHex": ["x"], "name": "A"}]}',
     ", line 1: 'commenterHex' is an array where text belongs"),
    ("state.json", '{"version": 1, "comments": [\n{"commentHex": "a", "url": "/p", "state": {"x": 1}, "markdown": "hi"}]}',
     ", line 2: 'state' is an object where text belongs"),
    ("remark42.jsonl", '{"id": "1", "locator": ["u"], "text": "x"}\n', ", line 1: 'locator' is an array where an object belongs"),
    ("remark42.jsonl", '{"id": "1", "locator": {"url": "u"}, "text": 3.5e300, "user": {"name": true}}\n',
     ", line 1: 'user.name' is true where text belongs"),
    ("isso.json", '[{"id": "/t/", "comments": 7}]', ", line 1: this thread's 'comments' is a number where an array belongs"),
    ("big.jsonl", '{"comment_id": "1", "body": "x", "n": %s}\n' % ("9" * 5000), ", line 1: not valid JSON (Exceeds the limit"),
    ("decisions.jsonl", '{"decision_id": 1, "action": "reply", "status_after": "approved", "moderator": "a", '
     '"time": "2024-01-01T00:00:00Z", "external_id": "1", "reply_text": ["hi"]}\n', ", line 1: 'reply_text' is not text"),
])
def test_a_value_of_the_wrong_kind_is_one_sentence_naming_the_field(session, tmp_path, name, content, where):
    (tmp_path / name).write_text(content)
    assert refusal(session, tmp_path / name).startswith(where)


OUT_OF_RANGE = "0001-01-01T00:00:00+05:00"  # before year 1 in UTC


def test_an_out_of_range_time_is_a_sentence_in_the_strict_formats(session, tmp_path):
    jsonl = write_lines(tmp_path / "c.jsonl", [{"comment_id": "1", "body": "x", "created_at": OUT_OF_RANGE}])
    assert refusal(session, jsonl) == f", line 1: created_at '{OUT_OF_RANGE}' is not an ISO 8601 time"
    csv = tmp_path / "c.csv"
    csv.write_text(f"comment_id,body,created_at\n1,x,{OUT_OF_RANGE}\n2,y,9999-12-31T23:59:59-05:00\n")
    assert refusal(session, csv) == f", line 2: created_at '{OUT_OF_RANGE}' is not an ISO 8601 time"
    decisions = write_lines(tmp_path / "d.jsonl", [{"decision_id": 1, "action": "approve", "status_after": "approved",
                                                     "moderator": "a", "time": OUT_OF_RANGE, "external_id": "1"}])
    assert refusal(session, decisions) == f", line 1: time '{OUT_OF_RANGE}' is not an ISO 8601 time"


@pytest.mark.parametrize("name, content", [
    ("wxr.xml", WXR_HEAD + f"<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_date_gmt>{OUT_OF_RANGE}"
     "</wp:comment_date_gmt><wp:comment_content>x</wp:comment_content></wp:comment>" + WXR_TAIL),
    ("disqus.xml", '<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">'
     f'<post dsq:id="1"><message>x</message><createdAt>{OUT_OF_RANGE}</createdAt></post></disqus>'),
    ("isso.json", json.dumps([{"id": "/t/", "comments": [{"id": 1, "text": "x", "created": OUT_OF_RANGE}]}])),
    ("commento.json", json.dumps({"version": 1, "comments": [{"commentHex": "a", "url": "/p", "markdown": "x",
                                                               "creationDate": OUT_OF_RANGE}]})),
    ("remark42.jsonl", json.dumps({"id": "1", "locator": {"url": "u"}, "text": "x", "time": OUT_OF_RANGE}) + "\n"),
])
def test_an_out_of_range_time_is_reported_in_the_lenient_formats(session, tmp_path, name, content):
    (tmp_path / name).write_text(content)
    report = import_files(session, [tmp_path / name])[0]
    assert report.comments.added == 1
    assert any("not a time" in warning or "without a usable date" in warning for warning in report.warnings)


def test_a_page_with_the_time_99_99_is_one_sentence(session, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Headline\nA paragraph.\nRead next\n99:99\nWorld News\nSummary.\n")
    assert refusal(session, page) == ", line 4: '99:99' is not a time of day (00:00 to 23:59)"


def test_a_rejected_csv_prints_its_sentence_and_no_traceback(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("comment_id,body,status\n1,hello,weird\n")
    done = subprocess.run([sys.executable, "-m", "moderator", "--home", str(tmp_path / "home"), "import", str(path)],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert done.returncode == 1
    assert done.stderr == f"moderator: {path}, line 2: status 'weird' is not one of pending, approved, hidden\n"


def test_a_minified_commento_export_is_commento(tmp_path):
    minified = tmp_path / "export.json"
    minified.write_text(json.dumps(json.loads((TESTDATA / "commento_remark42-migrator.json").read_text())))
    assert len(minified.read_text().splitlines()) == 1 and detect_format(minified) == "commento"


@pytest.mark.parametrize("content, what", [
    ("Dear diary,\nnothing happened today.\n", "text that is none of the formats"),
    ('{"title": "not a comment"}\n', "JSON whose first object is none of the formats"),
    ("[1, 2, 3]", "a JSON array whose first item is not an Isso thread"),
    ("a,b,c\n1,2,3\n", "text that is none of the formats"),
])
def test_detection_refuses_what_it_does_not_recognise(session, tmp_path, content, what):
    path = tmp_path / "unknown.txt"
    path.write_text(content)
    assert refusal(session, path).startswith(f": {what}")


# 7. A decisions file applies a moderator's actions only


def decisions_file(path: Path, **fields) -> Path:
    row = {"decision_id": 1, "site": "default", "external_id": "demo-1", "action": "undo",
           "status_after": "removed", "moderator": "mallory", "time": "2030-01-01T00:00:00Z", **fields}
    return write_lines(path, [row])


def test_a_decisions_file_cannot_remove_a_readers_comment(cli, tmp_path):
    cli("demo")
    path = decisions_file(tmp_path / "decisions.jsonl")
    code, out, err = cli("import", str(path))
    assert code == 1 and out == ""
    assert err == (f"moderator: {path}, line 1: status_after 'removed' withdraws a staff reply, but comment 'demo-1' "
                   "is a reader's comment here; nothing was applied\n")
    target = next(row for row in json.loads(cli("queue", "--json", "--status", "all", "--limit", "0")[1])
                  if row["body"].startswith("I think the shift described here"))
    assert cli("decide", str(target["id"]), "hide", "--reason", "spam", "--moderator", "ana")[0] == 0
    assert cli("decide", str(target["id"]), "restore", "--moderator", "ana")[0] == 0


@pytest.mark.parametrize("fields, reason", [
    ({"action": "delete", "status_after": "removed"}, "action 'delete' is not a moderator's action"),
    ({"action": "hide", "status_after": "removed"}, "status_after 'removed' is not what 'hide' leaves a comment in"),
    ({"action": "approve", "status_after": "deleted"}, "status_after 'deleted' is not what 'approve' leaves"),
])
def test_a_decisions_file_with_anything_but_a_moderators_action_is_refused(demo_db, tmp_path, fields, reason):
    with demo_db.sessions() as demo:
        path = decisions_file(tmp_path / "decisions.jsonl", **fields)
        assert reason in refusal(demo, path)
        assert demo.scalar(select(Comment.status).where(Comment.external_id == "demo-1")) != Status.REMOVED


# Found when the importers were typed (mypy): values that went on unchecked


@pytest.mark.parametrize("name, content", [
    ("disqus.xml", '<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">'
     '<thread dsq:id="t"><forum>http://</forum><link>https://x.example/1</link></thread>'
     '<post dsq:id="1"><message>x</message><thread dsq:id="t"/></post></disqus>'),
    ("commento.json", json.dumps({"version": 1, "comments": [{"commentHex": "a", "domain": "/", "url": "p", "markdown": "x"}]})),
    ("remark42.jsonl", json.dumps({"id": "1", "locator": {"site": "/", "url": "u"}, "text": "x"}) + "\n"),
])
def test_a_site_named_only_by_a_scheme_or_a_slash_is_the_formats_own(session, tmp_path, name, content):
    """The parser yielded None for such a site: in the parser's own process it failed the import."""
    (tmp_path / name).write_text(content)
    report = import_files(session, [tmp_path / name], parallel=True)[0]
    assert (report.site, report.comments.added) == (name.split(".")[0], 1)


def test_a_decisions_file_dated_with_the_zero_date_is_one_sentence(demo_db, tmp_path):
    """WordPress's zero date is no time: the decision reached the database without one."""
    with demo_db.sessions() as demo:
        path = decisions_file(tmp_path / "decisions.jsonl", action="hide", status_after="hidden",
                              time="0000-00-00 00:00:00")
        assert refusal(demo, path) == ", line 1: time '0000-00-00 00:00:00' is not an ISO 8601 time"


@pytest.mark.parametrize("created", [0, False, [], {}])
def test_a_time_that_is_a_false_value_is_not_a_time(session, tmp_path, created):
    """Like every other value that is not text: it was taken for a missing time, unreported."""
    path = tmp_path / "commento.json"
    path.write_text(json.dumps({"version": 1, "comments": [{"commentHex": "a", "url": "/p", "markdown": "x",
                                                             "creationDate": created}]}))
    report = import_files(session, [path])[0]
    assert report.comments.added == 1
    assert report.warned["Commento comment whose creationDate is not a time; kept without a date"] == 1
