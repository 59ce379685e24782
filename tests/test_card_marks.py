"""What a comment's card shows beside its text (reading/cardmarks.py, issue 14): the rule that
flagged it, featured, the reason chip's hit and how many different hits, read in the same
statement as the rows (queue pages, the thread, one comment); and the rules the queue's filter
by rule offers."""

from __future__ import annotations

from sqlalchemy import event

from moderator.moderation.decisions import decide
from moderator.reading import cardmarks, queries, queue
from moderator.reading.queue import QueueQuery
from moderator.rules.apply import run_rules
from moderator.vocabulary import Action, QueueKind
from tests.rulesdata import WordScreen, import_rows
from tests.test_rules_queue import flagged_database


def test_rows_carry_the_flag_the_first_hit_and_how_many(db, tmp_path):
    ids, model_id = flagged_database(db, tmp_path)  # 1: "blimey" (suspect word), 4: "call 555" (personal data)
    with db.sessions() as session:
        rows = {row.id: row for row in queue.first_rows(session, QueueQuery(kind=QueueKind.ALL, model_id=model_id), None)}
        thread = {row.id: row for row in queries.thread(session, rows[ids["1"]].article_id, model_id)}
        one = queries.comment(session, ids["4"], model_id)
    for found in (rows, thread):
        assert (found[ids["1"]].flag, found[ids["1"]].reason, found[ids["1"]].reasons) == \
            ("suspect_words", "suspect word 'blimey'", 1)
        assert (found[ids["4"]].flag, found[ids["4"]].reason) == ("personal_data", "personal data '555'")
        assert (found[ids["5"]].flag, found[ids["5"]].reason, found[ids["5"]].reasons) == (None, None, 0)
    assert one.reason == "personal data '555'" and not one.featured


def test_the_flags_own_hit_is_named_first_and_the_rest_counted(db, tmp_path):
    screen = WordScreen({"suspect_words": {"zebra"}, "personal_data": {"aardvark"}, "links": {"moose"}})
    with db.write_sessions() as session:
        ids = import_rows(session, tmp_path, [{"comment_id": "1", "body": "aardvark zebra moose zebra"}])
        run_rules(session.connection(), list(ids.values()), screen_for=screen)
        session.commit()
    with db.sessions() as session:
        row = queries.comment(session, ids["1"])
    # personal data flags first in the order of precedence; "aardvark" is its hit, then two others
    assert (row.flag, row.reason, row.reasons) == ("personal_data", "personal data 'aardvark'", 3)


def test_featured_shows_on_the_row(db, tmp_path):
    ids, _model_id = flagged_database(db, tmp_path)
    with db.write_sessions() as session:
        decide(session, [ids["3"]], Action.FEATURE, "ana")
        session.commit()
    with db.sessions() as session:
        assert queries.comment(session, ids["3"]).featured and not queries.comment(session, ids["2"]).featured


def test_a_page_is_one_statement_whatever_its_marks(db, tmp_path):
    ids, model_id = flagged_database(db, tmp_path)
    statements: list[str] = []
    engine = db.engine
    listen = lambda _conn, _cursor, sql, *_rest: statements.append(sql)  # noqa: E731
    event.listen(engine, "before_cursor_execute", listen)
    try:
        with db.sessions() as session:
            rows = queue.rows(session, QueueQuery(kind=QueueKind.ALL, model_id=model_id), list(ids.values()))
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    assert len(rows) == 5 and sum(1 for row in rows if row.reason) == 2
    assert len([sql for sql in statements if "rule_hits" in sql]) == 1  # in the rows' own statement, not one per card


def test_the_rules_that_hit_something_most_first(db, tmp_path):
    flagged_database(db, tmp_path)
    with db.sessions() as session:
        assert cardmarks.rules_that_hit(session) == [("personal_data", 1), ("suspect_words", 1)]
    assert cardmarks.rule_name("personal_data") == "Personal data"
