"""Every sample in shared/testdata: exact counts, statuses, parent links and texts."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from moderator.errors import FileFormatError
from moderator.importing import detect_format, import_files
from moderator.storage.models import Article, Comment, Site
from tests.samples import TESTDATA

pytestmark = pytest.mark.both_databases


def load(session, name: str, **options):
    report = import_files(session, [TESTDATA / name], **options)[0]
    comments = {c.external_id: c for c in session.scalars(select(Comment))}
    return report, comments


def parent_of(session, comment: Comment) -> str | None:
    return session.get(Comment, comment.parent_id).external_id if comment.parent_id else None


def article_of(session, comment: Comment) -> Article:
    return session.get(Article, comment.article_id)


def utc(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize("name, expected", [
    ("wxr_isso-tests.xml", "wxr"), ("wxr_remark42-wordpress_test-inline.xml", "wxr"),
    ("wxr_wp-importer_serialized-comment-meta.xml", "wxr"), ("disqus_isso-tests.xml", "disqus"),
    ("disqus_remark42-malformed.xml", "disqus"), ("commento_remark42-migrator.json", "commento"),
    ("remark42_native-backup_from-native_test.jsonl", "remark42"), ("isso_generic-import.json", "isso"),
    ("toxic_jigsaw-train-dummy_detoxify.csv", "csv"),
])
def test_formats_are_detected_from_content(name, expected, tmp_path):
    disguised = tmp_path / "export.txt"  # the name says nothing
    disguised.write_bytes((TESTDATA / name).read_bytes())
    assert detect_format(disguised) == expected


def test_wxr_isso_reply_chain_duplicate_id_and_padded_fields(session):
    report, comments = load(session, "wxr_isso-tests.xml")
    assert (report.format, report.site) == ("wxr", "wordpress")
    assert vars(report.articles) == {"added": 3, "updated": 0, "unchanged": 0}
    assert vars(report.comments) == {"added": 7, "updated": 0, "unchanged": 0}
    # Id 11 is in two items: the first is kept, the second reported.
    assert report.skipped == {"comment id that appears more than once in the file (the first was kept)": 1}
    assert sorted(comments, key=int) == ["2", "6", "7", "8", "9", "10", "11"]
    assert comments["11"].author == "Letzter :/" and article_of(session, comments["11"]).external_id == "18"
    # Three levels: 6 → 7 → 8 and 9.
    assert [parent_of(session, comments[i]) for i in ("6", "7", "8", "9")] == [None, "6", "7", "7"]
    first = comments["2"]
    assert (first.body, first.author_email, first.author_url, first.author_ip) == (
        "Erster!1", "test@example.org", "http://example.tld/", "::ffff:82.119.20.0")
    assert comments["7"].body == "Drölfter!" and comments["7"].created_at == utc(2014, 4, 29, 15, 21, 35)
    assert comments["10"].created_at == utc(2022, 6, 6, 2, 13, 14)  # GMT preferred over local time
    assert comments["10"].body == "When you have a comment with multiple lines:\nWordPress exports it like this."
    assert {c.status for c in comments.values()} == {"approved"} and {c.kind for c in comments.values()} == {"comment"}
    headlines = session.scalars(select(Article.headline).order_by(Article.id)).all()
    assert headlines == ["Hello, World…", "...", "No comments"]
    assert session.scalar(select(Article.external_id).where(Article.headline == "...")) == "http://example.tld/?p=4"


def test_wxr_remark42_entities_in_cdata_pingback_and_pending(session):
    report, comments = load(session, "wxr_remark42-wordpress_test-inline.xml")
    assert report.site == "wordpress:realmenweardress.es"
    assert session.scalar(select(Site.name).where(Site.key == report.site)) == "Real Men Wear Dress.es"
    assert vars(report.articles) == {"added": 1, "updated": 0, "unchanged": 0}  # the attachment is not an article
    assert sum(report.skipped.values()) == 1 and "(attachment)" in report.warnings[0]  # its type: in the example
    assert vars(report.comments) == {"added": 4, "updated": 0, "unchanged": 0}
    assert {k: (c.status, c.kind) for k, c in comments.items()} == {
        "8": ("approved", "comment"), "9": ("pending", "comment"), "13": ("approved", "pingback"), "14": ("approved", "comment")}
    pingback = comments["13"]
    assert pingback.author == "Wednesday Reading « Cynwise's Battlefield Manual"
    assert pingback.body == "[...] I know I’m a bit loony with my attachment to my bankers. I’m glad I’m not the only one. [...]"
    assert pingback.author_email is None
    assert parent_of(session, comments["14"]) == "13"  # a human reply to the pingback
    article = article_of(session, pingback)
    assert (article.external_id, article.section, article.published_at) == ("100", "Stuff", utc(2010, 7, 19, 14, 24, 22))
    assert article.body.endswith("Meet Grokknomel?") and "[image: I need to stand on things" in article.body


def test_wxr_serialized_comment_meta_keeps_link_urls(session):
    report, comments = load(session, "wxr_wp-importer_serialized-comment-meta.xml")
    assert (vars(report.articles)["added"], vars(report.comments)["added"]) == (1, 1)
    comment = comments["1"]
    assert comment.body == ("Hi, this is a comment.\nTo get started with moderating, editing, and deleting comments, "
                            "please visit the Comments screen in the dashboard.\n"
                            "Commenter avatars come from Gravatar (https://gravatar.com).")
    assert comment.author_ip is None and comment.created_at == utc(2020, 1, 5, 12, 50, 15)
    # The post's GMT date is all zeros (a draft): its local date is used.
    assert article_of(session, comment).published_at == utc(2009, 10, 20, 16, 13, 20)


def test_disqus_deleted_post_keeps_its_live_reply_and_orphans_are_kept(session):
    report, comments = load(session, "disqus_isso-tests.xml")
    assert vars(report.comments) == {"added": 6, "updated": 0, "unchanged": 0}
    assert vars(report.articles) == {"added": 4, "updated": 0, "unchanged": 0}  # threads 2, 3, 7 and a placeholder
    assert report.site == "disqus:disqusdev"
    deleted, reply = comments["9"], comments["11"]
    assert (deleted.status, deleted.source_flag, deleted.body) == ("hidden", "deleted", "")
    assert (reply.status, reply.body, parent_of(session, reply)) == ("approved", "Hello, World.", "9")
    assert parent_of(session, comments["5"]) == "4" and comments["5"].body == "Hello, World."
    assert comments["4"].body == "..." and comments["4"].author == "peter"
    orphan = comments["6"]  # its thread 1337 is not in the file: a placeholder article, reported
    assert article_of(session, orphan).external_id == "1337"
    assert any("placeholder" in w and "1337" in w for w in report.warnings)
    untitled = article_of(session, comments["8"])
    assert untitled.headline == "http://localhost:4000/blog/2013/02/12/redacted/index.html"


def test_disqus_malformed_file_is_rejected_with_line_and_column(session):
    with pytest.raises(FileFormatError) as caught:
        load(session, "disqus_remark42-malformed.xml")
    message = str(caught.value)
    assert message.startswith(f"{TESTDATA / 'disqus_remark42-malformed.xml'}, line 1, column 1: ")
    assert "not well-formed" in message
    assert session.scalar(select(func.count(Comment.id))) == 0 and session.scalar(select(func.count(Site.id))) == 0


def test_commento_root_sentinel_anonymous_and_markdown(session):
    report, comments = load(session, "commento_remark42-migrator.json")
    assert vars(report.comments)["added"] == 3 and vars(report.articles)["added"] == 2
    assert report.site == "commento:example.com"
    anonymous = comments["e7069a7dfcfaed43caf62300a9b0edb1c124ad79d0f5887c93649c15d7f69945"]
    reply = comments["ea5f7bcd6ac9bb7b657f7d0569831104e1bcf9c253d03c1e16bf9654c49a5ce9"]
    assert (anonymous.author, anonymous.body, anonymous.parent_id) == ("Anonymous", "Example comment created by user.", None)
    assert parent_of(session, reply) == "7d77e39fcd813241d6281478cc8f21ab5f807d043c750bc1a936bc23b34fb854"
    assert (reply.author, reply.author_email, reply.body) == ("Saturnin Uf", "moregreatmail@gmail.com", "Great reply!")
    assert reply.created_at == datetime(2021, 5, 11, 15, 43, 1, 852651, tzinfo=UTC)
    assert article_of(session, reply).external_id == "example.com/blog/post/1"


def test_remark42_dangling_parent_is_kept_and_reported(session):
    report, comments = load(session, "remark42_native-backup_from-native_test.jsonl")
    assert vars(report.comments)["added"] == 2 and report.site == "remark42:radio-t"
    first = comments["efbc17f177ee1a1c0ee6e1e025749966ec071adc"]
    orphan = comments["f863bd79-fec6-4a75-b308-61fe5dd02aa1"]
    assert first.body == "some text, link (http://radio-t.com)"
    assert first.created_at == utc(2017, 12, 20, 21, 18, 22)  # -06:00 converted
    assert (orphan.parent_id, orphan.parent_external_id) == (None, "1234")
    assert any("parent is not in the database" in w and "1234" in w for w in report.warnings)


def test_remark42_backup_may_be_gzip(session, tmp_path):
    import gzip

    packed = tmp_path / "backup-radio-t.gz"
    packed.write_bytes(gzip.compress((TESTDATA / "remark42_native-backup_from-native_test.jsonl").read_bytes()))
    report = import_files(session, [packed])[0]
    assert (report.format, report.comments.added) == ("remark42", 2)


def test_isso_ids_are_per_thread_and_titles_decoded(session):
    report, comments = load(session, "isso_generic-import.json")
    assert vars(report.comments)["added"] == 2 and vars(report.articles)["added"] == 2
    assert sorted(comments) == ["/posts/0001/#0", "/posts/0007/#0"]
    assert sorted(session.scalars(select(Article.headline))) == ["Nat & Miguel", "Test post"]
    spam = comments["/posts/0001/#0"]
    assert (spam.author, spam.author_email, spam.author_url, spam.author_ip) == (
        "texas holdem", None, "http://www.tigerspice.com", "0.0.0.0")
    assert comments["/posts/0007/#0"].body == "Ja-make-a me crazzy mon :)"
    assert spam.created_at == utc(2005, 2, 24, 4, 3, 37)


def test_jigsaw_csv_imports_with_aliases_and_reports_extra_columns(session):
    report, comments = load(session, "toxic_jigsaw-train-dummy_detoxify.csv")
    assert vars(report.comments) == {"added": 282, "updated": 0, "unchanged": 0}
    assert vars(report.articles)["added"] == 1 and report.site == "default"
    assert any("columns that are not imported: 6" in w for w in report.warnings)
    first = comments["0000997932d777bf"]
    assert first.body.startswith("Explanation\nWhy the edits made under my username Hardcore Metallica Fan")
    assert first.status == "pending" and first.author == "Anonymous"
    assert sum("\n" in c.body for c in comments.values()) == 164  # multi-line quoted text survives
