"""The dry run: what a new or changed rule would have done to the comments moderators have
already decided, before it is switched on.

Every comment a moderator approved or hid (a decision not from a rule; its status now is
theirs, since rules never overrule them) is judged by the rule alone, as it would be on
arrival (its text screen, its commenter's standing, the model's scores and thresholds).
The counts both ways, with example ids: hides of comments moderators approved, approvals of
comments they hid, and the agreements; `share` is how many of them the rule would act on,
which `moderator rules enable` asks about above SHARE_TO_ASK.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, exists, func, select
from sqlalchemy.orm import Session

from moderator.rules import evaluate, people
from moderator.rules.apply import Screen, ScreenFor, default_screen
from moderator.rules.evaluate import Limits, RuleSpec, Subject
from moderator.rules.kinds import TEXT_KINDS, Kind, Mode
from moderator.rules.store import limits_for
from moderator.storage.models import Article, Comment, Decision, Score, ScoringModel, Site, core_table
from moderator.vocabulary import Source, Status

SHARE_TO_ASK = 0.05  # enabling a rule that would act on more of the decided comments than this asks first
EXAMPLES = 5
CHUNK = 2000


@dataclass
class Tally:
    count: int = 0
    examples: list[int] = field(default_factory=list)

    def add(self, comment_id: int) -> None:
        self.count += 1
        if len(self.examples) < EXAMPLES:
            self.examples.append(comment_id)


@dataclass
class DryRun:
    rule: str
    mode: Mode
    judged: int = 0  # decided comments looked at
    # (what the rule would do, what moderators decided) → how many, with examples
    outcomes: dict[tuple[str, str], Tally] = field(default_factory=dict)

    @property
    def acted(self) -> int:
        return sum(tally.count for tally in self.outcomes.values())

    @property
    def share(self) -> float:
        return self.acted / self.judged if self.judged else 0.0

    def tally(self, would: str, decided: str) -> Tally:
        return self.outcomes.get((would, decided), Tally())

    def lines(self) -> list[str]:
        said = [f"Rule '{self.rule}' ({self.mode}) on {self.judged} comment(s) moderators decided: "
                f"it would act on {self.acted} ({self.share:.1%})."]
        for (would, decided), tally in sorted(self.outcomes.items()):
            against = (would, decided) in (("hide", "approved"), ("approve", "hidden"))
            said.append(f"  would {would} {tally.count} they {decided}{' (against them)' if against else ''}"
                        f"{': e.g. ' + ', '.join(map(str, tally.examples)) if tally.examples else ''}")
        return said


def dry_run(session: Session, rule: RuleSpec, model: str | None = None, screen_for: ScreenFor | None = None) -> DryRun:
    connection = session.connection()
    result = DryRun(rule.key, rule.mode)
    model_id, limits = _model(connection, model)
    screens: dict[int, Screen | None] = {}
    for rows in _decided(connection):
        scores = _scores(connection, model_id, [row.id for row in rows])
        for site_id in {row.site_id for row in rows}:
            mine = [row for row in rows if row.site_id == site_id]
            if site_id not in screens:
                screens[site_id] = (screen_for or default_screen)(connection, site_id) if rule.kind in TEXT_KINDS else None
            _judge(connection, result, rule, mine, screens[site_id], scores, limits)
    return result


def _judge(connection: Connection, result: DryRun, rule: RuleSpec, rows: list[Any], screen: Screen | None,
           scores: dict[int, dict[str, float]], limits: dict[str, Limits]) -> None:
    site_id = rows[0].site_id
    standing = people.standings(connection, site_id, (people.identity(r.author, r.author_email) for r in rows)) \
        if rule.kind in (Kind.BANNED_COMMENTER, Kind.TRUSTED_COMMENTER) else {}
    firsts = people.first_comments(connection, site_id, [(r.id, r.author, r.author_email) for r in rows]) \
        if rule.kind == Kind.FIRST_COMMENT else set()
    for row in rows:
        subject = Subject(screen.hits(row.body) if screen else (), scores.get(row.id), limits,
                          standing.get(people.identity(row.author, row.author_email), people.NORMAL), row.id in firsts,
                          row.premoderated)
        result.judged += 1
        if evaluate.decide(subject, [rule]) is not None:
            key = (str(rule.mode), str(row.status))
            result.outcomes.setdefault(key, Tally()).add(row.id)


def _decided(connection: Connection) -> Iterator[list[Any]]:
    """The comments moderators approved or hid, CHUNK at a time in id order."""
    comments, decisions = core_table(Comment), core_table(Decision)
    articles, sites = core_table(Article), core_table(Site)
    premoderated = func.coalesce(articles.c.premoderated, sites.c.premoderated).label("premoderated")
    after = 0
    while True:
        rows = connection.execute(
            select(comments.c.id, comments.c.site_id, comments.c.author, comments.c.author_email, comments.c.body,
                   comments.c.status, premoderated)
            .join(articles, articles.c.id == comments.c.article_id).join(sites, sites.c.id == comments.c.site_id)
            .where(comments.c.id > after, comments.c.status.in_((Status.APPROVED, Status.HIDDEN)),
                   comments.c.is_staff.is_(False),
                   exists().where(decisions.c.comment_id == comments.c.id, decisions.c.source != Source.RULE))
            .order_by(comments.c.id).limit(CHUNK)).all()
        if not rows:
            return
        yield list(rows)
        after = rows[-1].id


def _model(connection: Connection, name: str | None) -> tuple[int | None, dict[str, Limits]]:
    """The model whose scores the thresholds read: the one named, else the one that scored last."""
    models, scores = core_table(ScoringModel), core_table(Score)
    query = select(models.c.id, models.c.name)
    query = query.where(models.c.name == name) if name else query.join(scores, scores.c.model_id == models.c.id)
    row = connection.execute(query.order_by(models.c.id.desc()).limit(1)).first()
    return (row.id, limits_for(connection, row.name)) if row else (None, {})


def _scores(connection: Connection, model_id: int | None, ids: list[int]) -> dict[int, dict[str, float]]:
    if model_id is None:
        return {}
    scores = core_table(Score)
    return {cid: values for cid, values in connection.execute(
        select(scores.c.comment_id, scores.c.label_scores).where(scores.c.model_id == model_id,
                                                                  scores.c.comment_id.in_(ids)))}
