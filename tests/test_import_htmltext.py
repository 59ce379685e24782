"""HTML in comment bodies becomes plain text; links keep their URL; nothing is rendered."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from moderator.formats.htmltext import html_to_text


@pytest.mark.parametrize("source, expected", [
    ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
    ("a<br>b<br/>c", "a\nb\nc"),
    ('see <a href="https://x.example/a?b=1&amp;c=2">the report</a>.', "see the report (https://x.example/a?b=1&c=2)."),
    ('<a href="http://blogs.example/b/b8/archive/2011/08/29/x.aspx">http://blogs.example/b/b8/...</a>',
     "http://blogs.example/b/b8/archive/2011/08/29/x.aspx"),
    ("<a href='https://a.example'>https://a.example</a>", "https://a.example"),
    ("I&#8217;m &laquo;fine&raquo; &amp; you?", "I’m «fine» & you?"),
    ("&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"),  # shown as text, never run
    ("x<script>steal()</script>y<style>p{}</style>z", "xyz"),
    ("1 < 2 and 3 > 2", "1 < 2 and 3 > 2"),
    ("<!-- hidden --><b>bold</b> <i>it</i>", "bold it"),
    ("", ""),
    (None, ""),
])
def test_html_to_text(source, expected):
    assert html_to_text(source) == expected


def test_newlines_are_kept_where_the_source_means_them():
    wordpress = "First line\nsecond line\n\n\n\nnew paragraph  with  spaces"
    assert html_to_text(wordpress, keep_newlines=True) == "First line\nsecond line\n\nnew paragraph with spaces"
    assert html_to_text(wordpress) == "First line second line new paragraph with spaces"


@given(st.text(alphabet=st.characters(blacklist_characters="<&", blacklist_categories=("Cs",))))
def test_text_without_markup_only_changes_in_white_space(text):
    assert html_to_text(text).split() == text.split()
