"""Sample input for the tests: the export files other projects wrote (shared/testdata, beside
the repository as in CI), and small WordPress exports written on the fly."""

from __future__ import annotations

from pathlib import Path

TESTDATA = Path(__file__).resolve().parents[2] / "shared" / "testdata"

WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="https://wordpress.org/export/1.1/"><channel>
<title>Daily</title><link>https://daily.example</link>
<item><title>{title}</title><link>https://daily.example/a</link><wp:post_id>5</wp:post_id>
{comments}</item></channel></rss>"""
COMMENT = """<wp:comment><wp:comment_id>{id}</wp:comment_id><wp:comment_author>{author}</wp:comment_author>
<wp:comment_date_gmt>2024-01-0{id} 10:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[{body}]]></wp:comment_content>
<wp:comment_approved>{approved}</wp:comment_approved><wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"""


def wxr(tmp_path, name: str, title: str, *comments: tuple) -> object:
    rows = "".join(COMMENT.format(id=i, author=a, body=b, approved=s, parent=p) for i, a, b, s, p in comments)
    path = tmp_path / name
    path.write_text(WXR.format(title=title, comments=rows), encoding="utf-8")
    return path
