"""Search in every language (issue 18, point 5): scripts written without spaces (Chinese,
Thai) are found by the part index, parts of author names too, through a real import of a
Disqus export into a real SQLite database; the part index stays in step with comments."""

from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from moderator.importing import import_files
from moderator.reading import queue, search
from moderator.storage.models import Comment
from moderator.vocabulary import QueueKind, Sort

pytestmark = pytest.mark.both_databases

# A Chinese-language Disqus export, in Disqus's own format. The sentences are ours: the
# word 天气 ("weather") stands inside longer runs of characters, never between spaces.
POSTS = [
    ("今天的天气真好，我们去公园散步吧", "小明"),
    ("北京的天气预报说明天会下雨", "DaveFromLeeds"),
    ("这篇文章写得很好，谢谢作者", "李华"),
    ("我不同意这个观点。天气", "王芳"),  # the word at the very end of the text
    ("ข่าวนี้น่าสนใจมากครับ ขอบคุณสำหรับบทความ", "สมชาย"),  # Thai: no spaces between words
    ("Lovely weather in Leeds today", "Zoë Reader"),
    ("猫", "single"),  # a text of one character
]


def disqus_export(folder: Path) -> Path:
    posts = "\n".join(f"""
    <post dsq:id="{100 + i}">
        <id />
        <message><![CDATA[<p>{body}</p>]]></message>
        <createdAt>2025-03-0{1 + i % 9}T10:00:00Z</createdAt>
        <isDeleted>false</isDeleted>
        <isSpam>false</isSpam>
        <author><name>{author}</name><isAnonymous>true</isAnonymous></author>
        <thread dsq:id="2" />
    </post>""" for i, (body, author) in enumerate(POSTS))
    path = folder / "disqus-zh.xml"
    path.write_text(f"""<?xml version="1.0"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
    <category dsq:id="1"><forum>zh</forum><title>新闻</title></category>
    <thread dsq:id="2">
      <id>weather-2025</id><forum>zh</forum><category dsq:id="1"/>
      <link>http://example.org/weather</link><title>北京明天的天气</title>
      <createdAt>2025-03-01T08:00:00Z</createdAt>
    </thread>{posts}
</disqus>""", encoding="utf-8")
    return path


@pytest.fixture
def imported(session, tmp_path):
    import_files(session, [disqus_export(tmp_path)])
    session.commit()
    return session


def bodies(session, typed: str, sort: Sort = Sort.RELEVANCE) -> set[str]:
    q = queue.QueueQuery(kind=QueueKind.ALL, search=typed, sort=sort)
    rows, _cursor = queue.page(session, q)
    assert queue.count(session, q) == len(rows)
    assert set(queue.ids(session, q)) == {row.id for row in rows}
    return {row.body for row in rows}


def with_part(part: str) -> set[str]:
    return {body for body, author in POSTS if part.lower() in body.lower() or part.lower() in author.lower()}


@pytest.mark.parametrize("sort", [Sort.RELEVANCE, Sort.NEWEST, Sort.PRIORITY])
def test_a_chinese_word_inside_runs_of_characters_is_found(imported, sort):
    assert len(with_part("天气")) == 3
    assert bodies(imported, "天气", sort) == with_part("天气")  # two characters: shorter than a trigram
    assert bodies(imported, "天气预报", sort) == with_part("天气预报")  # four: its trigrams
    assert bodies(imported, "公园 天气", sort) == with_part("公园") & with_part("天气")  # every term
    assert bodies(imported, "猫", sort) == {"猫"}  # one character, the whole text
    assert bodies(imported, "天雨", sort) == set()  # both characters are there, never side by side


def test_thai_is_found_by_any_part(imported):
    assert bodies(imported, "น่าสนใจ") == with_part("น่าสนใจ")  # "interesting", inside a run
    assert bodies(imported, "บทความ") == with_part("บทความ")
    assert len(with_part("บทความ")) == 1


def test_an_author_name_matches_on_any_part(imported):
    assert bodies(imported, "Dave") == with_part("DaveFromLeeds")
    assert bodies(imported, "fromleeds") == with_part("DaveFromLeeds")
    assert bodies(imported, "dave*") == with_part("DaveFromLeeds")  # a prefix: the word index's own
    # "Leeds" is a word of one body and a part of one author's name: both are found.
    assert bodies(imported, "leeds") == {"北京的天气预报说明天会下雨", "Lovely weather in Leeds today"}
    assert bodies(imported, "zoe") == {"Lovely weather in Leeds today"}  # the word index folds accents still


def test_highlights_mark_the_part(imported):
    q = queue.QueueQuery(kind=QueueKind.ALL, search="天气", sort=Sort.NEWEST)
    rows, _cursor = queue.page(imported, q)
    marked = {row.snippet.replace(search.MARK_START, "[").replace(search.MARK_END, "]") for row in rows}
    assert "今天的[天气]真好，我们去公园散步吧" in marked
    assert "我不同意这个观点。[天气]" in marked
    authors = search.highlights("dave", [(1, "nothing here", "DaveFromLeeds")])
    assert authors[1][1] == search.MARK_START + "Dave" + search.MARK_END + "FromLeeds"


def test_the_part_index_follows_edits_and_deletes(imported):
    comment_id = imported.scalar(select(Comment.id).where(Comment.author == "李华"))
    assert bodies(imported, "谢谢作者") == {"这篇文章写得很好，谢谢作者"}
    imported.execute(update(Comment).where(Comment.id == comment_id).values(body="天气很冷", author="Bob"))
    assert bodies(imported, "谢谢作者") == set()
    assert "天气很冷" in bodies(imported, "天气")
    assert bodies(imported, "李华") == set()
    imported.execute(text("DELETE FROM comments WHERE id = :id"), {"id": comment_id})
    assert "天气很冷" not in bodies(imported, "天气")


@pytest.mark.sqlite_only  # FTS5's own tables
def test_english_bodies_stay_out_of_the_part_index(imported):
    """Only bodies with a character of a script without spaces are indexed by parts; every author is."""
    rows = imported.execute(text("SELECT count(*) FROM comments_fts_grams_terms WHERE term = 'lov'")).scalar()
    assert rows == 0  # "Lovely" is in the word index only
    assert bodies(imported, "ovel") == set()  # so a part of an English word is not found...
    assert bodies(imported, "Lovely") == {"Lovely weather in Leeds today"}  # ...the word is
