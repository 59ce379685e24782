"""The commenter panel's core: counts, first and last seen, their comments page by page."""

import pytest

from moderator.errors import NotFoundError
from moderator.reading import queue
from moderator.reading.commenters import commenter_summary, of_comment
from moderator.vocabulary import VISIBLE_TO_MODERATORS
from tests.queuedata import AUTHORS, build, expected, walk

pytestmark = pytest.mark.both_databases


def test_a_commenters_summary(db):
    with db.sessions() as s:
        model_id, refs = build(s)
        author = AUTHORS[2]  # Cleo: on both sites
        theirs = [r for r in refs if r.author == author]
        summary = commenter_summary(s, None, author, model_id, limit=4)
        assert summary.counts == {status: sum(r.status == status for r in theirs) for status in VISIBLE_TO_MODERATORS}
        assert summary.total == len(theirs)
        assert summary.first_seen == min(r.created_at for r in theirs)
        assert summary.last_seen == max(r.created_at for r in theirs)
        want = expected(refs, summary.query)
        assert [row.id for row in summary.comments] == want[:4]
        rest, _ = queue.page(s, summary.query, summary.cursor, limit=100)
        assert [row.id for row in summary.comments + rest] == want
        assert {row.score for row in summary.comments} <= {r.main for r in theirs}


def test_a_commenter_on_one_site(db):
    with db.sessions() as s:
        model_id, refs = build(s)
        author, site = AUTHORS[2], refs[0].site_id
        summary = commenter_summary(s, site, author, model_id)
        theirs = [r for r in refs if r.author == author and r.site_id == site]
        assert summary.total == len(theirs) and 0 < len(theirs) < len([r for r in refs if r.author == author])
        assert walk(s, summary.query) == expected(refs, summary.query)


def test_someone_never_seen(db):
    with db.sessions() as s:
        build(s)
        summary = commenter_summary(s, None, "Nobody")
        assert summary.total == 0 and summary.first_seen is None and summary.comments == []


def test_the_site_of_a_comment(db):
    with db.sessions() as s:
        _model_id, refs = build(s)
        assert len({r.site_id for r in refs}) == 2
        assert [of_comment(s, r.id) for r in refs] == [(r.site_id, r.author) for r in refs]
        with pytest.raises(NotFoundError):
            of_comment(s, max(r.id for r in refs) + 1)
