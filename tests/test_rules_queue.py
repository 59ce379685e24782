"""The Flagged queue with rules (issue 14): pending comments a rule flagged or the model scores
at or over the flag threshold; a rule's flag raises a comment in the Pending queue; the
filter by rule; the flagged comments read off their partial index."""

from __future__ import annotations

from sqlalchemy import event

from moderator.reading import queue
from moderator.reading.queue import QueueQuery
from moderator.rules.apply import run_rules
from moderator.scoring.base import ModelIdentity
from moderator.scoring.store import register_model, write_scores
from moderator.vocabulary import QueueKind, Sort
from tests.rulesdata import WordScreen, import_rows

SCREEN = WordScreen({"suspect_words": {"blimey"}, "personal_data": {"555"}})
MODEL = ModelIdentity("tiny", "test", "1" * 64, "test", ("toxicity",), "toxicity")


def flagged_database(db, tmp_path):
    """1: flagged by a word, unscored; 2: scored high; 3: scored low; 4: flagged by personal data, scored low;
    5: nothing, unscored."""
    with db.write_sessions() as session:
        ids = import_rows(session, tmp_path, [{"comment_id": "1", "body": "blimey"}, {"comment_id": "2", "body": "rude"},
                                              {"comment_id": "3", "body": "calm"}, {"comment_id": "4", "body": "call 555"},
                                              {"comment_id": "5", "body": "plain"}])
        model_id = register_model(session, MODEL)
        write_scores(session, model_id, "toxicity", [ids["2"], ids["3"], ids["4"]],
                     [{"toxicity": 0.9}, {"toxicity": 0.1}, {"toxicity": 0.05}])
        run_rules(session.connection(), list(ids.values()), screen_for=SCREEN)
        session.commit()
    return {key: cid for key, cid in ids.items()}, model_id


def read(db, **query):
    with db.sessions() as session:
        q = QueueQuery(**query)
        return [row.id for row in queue.first_rows(session, q, None)], queue.count(session, q), set(queue.ids(session, q))


def test_flagged_is_rule_flags_or_a_high_score(db, tmp_path):
    ids, model_id = flagged_database(db, tmp_path)
    for sort in (Sort.PRIORITY, Sort.NEWEST, Sort.OLDEST):
        found, count, every = read(db, kind=QueueKind.FLAGGED, sort=sort, model_id=model_id, flagged_from=0.5)
        assert set(found) == every == {ids["1"], ids["2"], ids["4"]} and count == 3, sort
    found, _count, _every = read(db, kind=QueueKind.FLAGGED, sort=Sort.PRIORITY, model_id=model_id, flagged_from=0.5)
    assert found == [ids["4"], ids["1"], ids["2"]]  # the rules' flags first (newest first), then by score
    without_model, count, _ = read(db, kind=QueueKind.FLAGGED, sort=Sort.PRIORITY, flagged_from=0.5)
    assert set(without_model) == {ids["1"], ids["4"]} and count == 2


def test_a_rules_flag_raises_a_comment_in_the_pending_queue(db, tmp_path):
    ids, model_id = flagged_database(db, tmp_path)
    found, count, _ = read(db, kind=QueueKind.PENDING, sort=Sort.PRIORITY, model_id=model_id)
    assert found == [ids["4"], ids["1"], ids["2"], ids["3"], ids["5"]] and count == 5
    with db.sessions() as session:
        q = QueueQuery(kind=QueueKind.PENDING, sort=Sort.PRIORITY, model_id=model_id)
        assert [queue.position(session, q, cid) for cid in found] == [0, 1, 2, 3, 4]
        first, cursor = queue.page_ids(session, q, limit=2)
        rest, _ = queue.page_ids(session, q, cursor, limit=10)
        assert first + rest == found


def test_the_filter_by_rule(db, tmp_path):
    ids, model_id = flagged_database(db, tmp_path)
    found, count, _ = read(db, kind=QueueKind.FLAGGED, sort=Sort.PRIORITY, model_id=model_id, rule="personal_data")
    assert found == [ids["4"]] and count == 1
    assert read(db, kind=QueueKind.ALL, sort=Sort.NEWEST, rule="suspect_words")[0] == [ids["1"]]


def test_the_flagged_comments_are_read_off_their_partial_index(db, tmp_path):
    _ids, model_id = flagged_database(db, tmp_path)
    seen: list[tuple[str, object]] = []
    event.listen(db.engine, "before_cursor_execute", lambda _c, _cu, sql, params, _ctx, _m: seen.append((sql, params)))
    with db.sessions() as session:
        queue.page_ids(session, QueueQuery(kind=QueueKind.PENDING, sort=Sort.PRIORITY, model_id=model_id), limit=3)
        raw = session.connection().connection.driver_connection
        raised = [(sql, params) for sql, params in seen if "flag IS NOT NULL" in sql]
        assert raised
        plan = [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + raised[0][0], raised[0][1])]
    assert any("ix_comments_flagged" in line for line in plan), plan
    assert not any("TEMP B-TREE" in line for line in plan), plan
