"""An import whose parser runs in a second process runs the rules' text screen in a second
process while it publishes (importing/screening.py): the rules find and do exactly what they
do when the import parses and screens every comment itself, also when that process dies."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from moderator.importing import import_files, run, screening
from moderator.storage.database import open_database
from moderator.storage.models import Comment, Decision, RuleHit

BODIES = (
    "Call me on +44 20 7946 0958 tonight, or write jane.doe@example.com",
    "Plain words about the council's budget and nothing else.",
    "See https://example.org/{n} and www.spam.com and cheap-pills.biz/buy for more",
    "She lives at 14 Elm Street, everyone knows; card 4111 1111 1111 1111",
    "These people are vermin, an infestation. I know where you live.",
    "In 1990 the score was 3-1 at 4pm; order no 12345678.",
)


def _export(path, count: int) -> None:
    lines = [{"comment_id": f"c{n}", "article_id": f"a{n % 7}", "author": f"Reader {n % 13}",
              "body": BODIES[n % len(BODIES)].format(n=n)} for n in range(count)]
    lines.insert(2500, dict(lines[10], body="a duplicate: its id was seen, it is skipped"))
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")


def _found(session) -> tuple[list[tuple], list[tuple]]:
    hits = session.execute(select(Comment.external_id, RuleHit.rule, RuleHit.what, RuleHit.start, RuleHit.end)
                           .join(Comment, Comment.id == RuleHit.comment_id)
                           .order_by(Comment.external_id, RuleHit.start, RuleHit.rule, RuleHit.what)).all()
    decided = session.execute(select(Comment.external_id, Decision.action, Decision.rule, Decision.note)
                              .join(Comment, Comment.id == Decision.comment_id).order_by(Comment.external_id)).all()
    return [tuple(row) for row in hits], [tuple(row) for row in decided]


def _parallel(tmp_path, export) -> tuple[dict, list[tuple], list[tuple]]:
    other = open_database(f"sqlite:///{tmp_path / 'other.sqlite'}", tmp_path / "b")
    try:
        with other.sessions() as s:
            report = import_files(s, [export], parallel=True)[0]
            return report.as_dict(), *_found(s)
    finally:
        other.dispose()


def _unstaged(tmp_path, export) -> tuple[list[tuple], list[tuple]]:
    """Imported into a database in memory: not staged, so every rule judges every comment
    as it arrives (rules/apply.on_arrival), reading no staged hits."""
    memory = open_database("sqlite://", tmp_path / "m")
    try:
        with memory.sessions() as s:
            import_files(s, [export], parallel=False)
            return _found(s)
    finally:
        memory.dispose()


def test_the_screen_run_while_publishing_finds_and_does_the_same(session, tmp_path):
    export = tmp_path / "comments.jsonl"
    _export(export, 4500)  # five publishing batches: more than the screening process holds at once
    alone = import_files(session, [export], parallel=False)[0]
    report, hits, decided = _parallel(tmp_path, export)
    assert report == alone.as_dict()
    assert (hits, decided) == _found(session) == _unstaged(tmp_path, export)
    kinds = {rule for _id, rule, *_ in hits}
    assert {"personal_data", "links", "dehumanising", "threats"} <= kinds
    assert any(what == "card number" for *_x, what, _s, _e in hits)
    assert decided


class _Dying(screening.PublishScreen):
    went: list[int] = []  # where each import's own screening began

    def _gone(self) -> None:
        super()._gone()
        self.went.append(self.here_from)


class _DiesAtOnce(_Dying):
    """A screening process that is killed as soon as it starts."""

    def __init__(self) -> None:
        super().__init__()
        self.child.kill()
        self.child.join()


class _DiesMidway(_Dying):
    """A screening process that is killed once it has answered two batches."""

    answers_taken = 0

    def _take(self, block: bool) -> None:
        super()._take(block)
        self.answers_taken += 1
        if self.answers_taken == 2:
            self.child.kill()


@pytest.mark.parametrize("dying", [_DiesAtOnce, _DiesMidway])
def test_when_the_screening_process_dies_the_import_screens_for_itself(session, tmp_path, monkeypatch, dying):
    export = tmp_path / "comments.jsonl"
    _export(export, 4500)
    import_files(session, [export], parallel=False)
    monkeypatch.setattr(run, "PublishScreen", dying)
    _report, hits, decided = _parallel(tmp_path, export)
    assert hits and (hits, decided) == _found(session)
    assert len(dying.went) == 1  # it did die, and this process took over
    dying.went.clear()


def test_the_rules_ask_for_a_post_moderated_article_off_an_index(session):
    """Asked at each batch an import publishes: a scan of every article took milliseconds."""
    from sqlalchemy import text

    from moderator.rules.apply import ANY_POSTMODERATED_ARTICLE

    sql = str(ANY_POSTMODERATED_ARTICLE.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))
    plan = " ".join(row[3] for row in session.execute(text("EXPLAIN QUERY PLAN " + sql)))
    assert plan.endswith("INDEX ix_articles_postmoderated"), plan  # a scan of the partial index: nearly empty
