"""Streaming XML (formats/xmlsafe.py): the same records wherever the chunks end, and one
huge field refused rather than held in memory."""

import pytest

from moderator.errors import FileFormatError
from moderator.formats import FORMATS, xmlsafe
from tests.samples import TESTDATA, wxr

XML_SAMPLES = [("wxr", "wxr_isso-tests.xml"), ("wxr", "wxr_remark42-wordpress_test-inline.xml"),
               ("wxr", "wxr_wp-importer_serialized-comment-meta.xml"), ("disqus", "disqus_isso-tests.xml")]


def records(name: str, path) -> list:
    with open(path, "rb") as stream:
        return list(FORMATS[name].parse(stream, str(path)))


@pytest.mark.parametrize("name, sample", XML_SAMPLES)
@pytest.mark.parametrize("chunk", [1, 7, 64])
def test_the_records_do_not_depend_on_where_chunks_end(monkeypatch, name, sample, chunk):
    whole = records(name, TESTDATA / sample)
    monkeypatch.setattr(xmlsafe, "CHUNK", chunk)  # every element split across reads, at every depth
    assert records(name, TESTDATA / sample) == whole
    assert len(whole) >= 3


def test_one_huge_field_is_refused(tmp_path):
    body = "x" * (xmlsafe.MAX_FIELD + 3 * xmlsafe.CHUNK)  # a whole MAX_FIELD between two chunk ends
    path = wxr(tmp_path, "huge.xml", "Budget day", (1, "Ann", body, "1", 0))
    with pytest.raises(FileFormatError, match="a single field is larger than 16 MB"):
        records("wxr", path)


def test_a_large_file_of_small_fields_is_not(tmp_path):
    comments = [(i, "Ann", "A remark " * 20, "1", 0) for i in range(1, 10)] * 12_000  # ids repeat: no matter here
    path = wxr(tmp_path, "long.xml", "Budget day", *comments)
    assert path.stat().st_size > xmlsafe.MAX_FIELD + xmlsafe.CHUNK
    assert sum(type(record).__name__ == "CommentRecord" for record in records("wxr", path)) == len(comments)
