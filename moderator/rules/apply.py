"""Running the rules on comments, inside the caller's write transaction: when comments
arrive (the import, once per published batch: `on_arrival`) and when scores land
(`on_scores`, from scoring.store.write_scores). So no comment is seen in a state its
rules have not seen.

Each comment is judged (evaluate.py) and the verdict applied:
  * hide: a pending or approved comment is hidden;
  * flag: a pending comment stays pending, marked with the rule's key (comments.flag): it
    rises in the queue and is in Flagged;
  * approve: a pending comment that no rule flagged is approved.
Each is a Decision with source "rule", the rule's key and the reason in words (the note;
a hide's reason is the kind's HIDE_REASON). A comment a moderator has decided (any decision
not from a rule) is never touched; a rule may overrule another rule (scores landing may
hide what pre-moderation approved). What the rules found is kept in rule_hits (replaced
on each run) for the Flagged queue's rule filter, the chips and highlighting.

Core statements on the caller's connection: the import's staged publishing holds a
Connection, not a Session.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from sqlalchemy import CompoundSelect, Connection, Select, bindparam, case, delete, exists, func, insert, select, union, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from moderator.changes import Changes, Decided
from moderator.moderation.outbox import Queued, enqueue
from moderator.rules import evaluate, people
from moderator.rules.evaluate import WHAT, Found, Limits, RuleSpec, Subject, Verdict
from moderator.rules.hits import TextHit
from moderator.rules.kinds import HIDE_REASON, TEXT_KINDS, Kind, Mode
from moderator.rules.store import limits_for, rule_specs
from moderator.rules.text import TextScreen, load_text_screen
from moderator.storage.models import (
    Article,
    Comment,
    Decision,
    Rule,
    RuleHit,
    Score,
    ScoringModel,
    Site,
    core_table,
    utcnow,
)
from moderator.storage.staging import staged_hits
from moderator.vocabulary import Action, Source, Status

MODERATOR = "rules"  # the name rule decisions carry in the audit log
CHUNK = 900
comments, decisions, hits_table = core_table(Comment), core_table(Decision), core_table(RuleHit)
articles, sites, scores_table = core_table(Article), core_table(Site), core_table(Score)
rules_table = core_table(Rule)


class Screen(Protocol):
    def hits(self, text: str) -> list[TextHit]: ...


ScreenFor = Callable[[Connection, int], Screen]  # (connection, site id) → that site's text screen


@dataclass(frozen=True)
class Model:
    """The model whose scores just landed."""

    id: int
    name: str


class Prescreen:
    """An import's text screen run as its comments are staged, while the file is read (no write
    lock held): the hits go to the staging file, and the rules read them when the comments are
    published (`on_published`), so the import's publishing transactions stay short. (A big
    file's screen runs while it publishes instead, in a second process: importing/screening.py.)"""

    def __init__(self, connection: Connection, site_id: int):
        self.connection = connection
        self.screen = import_screen(connection, site_id)

    def __call__(self, rows: Iterable[tuple[int, str]]) -> None:
        """rows: (staged number, text)."""
        if self.screen is not None:
            stage_hits(self.connection, screened(self.screen, rows))


# A hit as the staging file keeps it: (staged number, rule, what, start, end).
StagedHit = tuple[int, str, str, int, int]


def import_screen(connection: Connection, site_id: int) -> TextScreen | None:
    """The site's text screen, for an import; None when none of its text rules is on."""
    kinds = {spec.kind for spec in rule_specs(connection, site_id)}
    return site_screen(connection, site_id) if kinds & set(TEXT_KINDS) else None


def screened(screen: TextScreen, rows: Iterable[tuple[int, str]]) -> list[StagedHit]:
    """The hits in rows of (staged number, text), as the staging file keeps them."""
    return [(number, hit.rule, hit.what[:WHAT], hit.start, hit.end) for number, text in rows for hit in screen.hits(text)]


def stage_hits(connection: Connection, found: list[StagedHit]) -> None:
    if found:  # rows as the driver takes them: SQLAlchemy's dict per row cost more than the insert
        connection.exec_driver_sql(STAGE_HITS, found)


def screening_wanted(connection: Connection) -> bool:
    """Whether any text rule is on, for any site: only then does an import's parser process
    run the patterns (a superset: a site may switch off what holds for every site)."""
    return bool(connection.scalar(select(exists().where(rules_table.c.enabled, rules_table.c.kind.in_(TEXT_KINDS)))))


# Read off ix_articles_postmoderated (migration 0018), not a scan of every article.
ANY_POSTMODERATED_ARTICLE = select(articles.c.id).where(articles.c.premoderated.is_(False)).limit(1)
# The staging file is SQLite's: its "?" placeholders, in the table's column order.
STAGE_HITS = str(insert(staged_hits).compile(dialect=sqlite.dialect()))
KEEP_HITS = str(insert(hits_table).values({name: bindparam(name) for name in ("comment_id", "rule", "what", "start", "end")})
                .compile(dialect=sqlite.dialect()))


def on_published(connection: Connection, ids: Select[Any], shift: int) -> Changes:
    """A staged import's published batch (storage/staging.py): new comments, their text
    screened already (Prescreen); `shift` maps a comment's id to its staged number."""
    return run_rules(connection, ids, fresh=True, staged_shift=shift)


def on_arrival(connection: Connection, ids: Select[Any] | Sequence[int], screen_for: ScreenFor | None = None) -> Changes:
    """New comments (never decided): the one call per published batch. `ids`: their ids, or a
    select of them (the import's staged batch)."""
    return run_rules(connection, ids, fresh=True, screen_for=screen_for)


def on_scores(connection: Connection, model_id: int, comment_ids: Sequence[int],
              screen_for: ScreenFor | None = None) -> Changes:
    """Scores landed for these comments: the rules judge them again, thresholds included."""
    name = connection.scalar(select(core_table(ScoringModel).c.name).where(core_table(ScoringModel).c.id == model_id))
    if name is None or not limits_for(connection, name):
        return Changes()  # no threshold for this model: its scores change nothing the rules judge
    return run_rules(connection, comment_ids, model=Model(model_id, name), screen_for=screen_for)


def run_rules(connection: Connection, ids: Select[Any] | Sequence[int], fresh: bool = False, model: Model | None = None,
              screen_for: ScreenFor | None = None, staged_shift: int | None = None) -> Changes:
    """`staged_shift`: the comments come from a staged import whose Prescreen kept their hits."""
    specs_of = cache(lambda site_id: rule_specs(connection, site_id))  # read once per call (an import's batch)
    if staged_shift is not None and isinstance(ids, Select) and _only_hits_matter(connection, ids, specs_of):
        return _run_on_staged_hits(connection, ids, staged_shift, specs_of)
    rows = _rows(connection, ids)
    made: list[Decided] = []
    for site_id in sorted({row.site_id for row in rows}):
        specs = specs_of(site_id)
        if specs:
            mine = [row for row in rows if row.site_id == site_id]
            screen = _screen(connection, site_id, mine, specs, screen_for, staged_shift)
            made += _run_site(connection, site_id, mine, specs, fresh, model, screen)
    return Changes.of_decisions(made)


def _only_hits_matter(connection: Connection, ids: Select[Any], specs_of: Callable[[int], list[RuleSpec]]) -> bool:
    """For new comments, only the text hits can make a rule act when no rule looks at the
    commenter (no first-comment rule, nobody trusted or banned) and nothing is post-moderated:
    then only the comments with a hit need reading. A few indexed looks."""
    sites_of = select(comments.c.site_id).where(comments.c.id.in_(ids.scalar_subquery())).distinct()
    for site_id in connection.scalars(sites_of):
        kinds = {spec.kind for spec in specs_of(site_id)}
        if Kind.FIRST_COMMENT in kinds or kinds & {Kind.BANNED_COMMENTER, Kind.TRUSTED_COMMENTER} and \
                people.anyone_not_normal(connection, site_id):
            return False
        if Kind.PREMODERATION in kinds and connection.scalar(select(sites.c.id).where(
                sites.c.id == site_id, sites.c.premoderated.is_(False))) is not None:
            return False
    return connection.scalar(ANY_POSTMODERATED_ARTICLE) is None


def _run_on_staged_hits(connection: Connection, ids: Select[Any], shift: int,
                        specs_of: Callable[[int], list[RuleSpec]]) -> Changes:
    """A staged batch of new comments when only their text hits matter (_only_hits_matter):
    what the rules found is copied from the staged hits in one statement, and only the
    comments whose hits make a rule fire are read and judged, by the rules hits alone make
    fire (evaluate.fired_by_hits: the same verdict and finds as every rule's). An import's
    quarter of a million comments with a hit (a link, a number) cost no Python each."""
    site_id = connection.scalar(select(comments.c.site_id).where(comments.c.id.in_(ids.scalar_subquery())).limit(1))
    specs = evaluate.fired_by_hits(specs_of(site_id)) if site_id is not None else []
    if site_id is None or not specs:
        return Changes()
    # A staged import's comments are one site's, none of them staff (storage/staging._merge).
    numbers = select(ids.subquery().c[0] - shift)
    _copy_found(connection, numbers, shift, specs)
    firing = _firing(numbers, specs).subquery()
    rows = _rows(connection, select(firing.c.comment_id + shift))
    hits_of = _screen(connection, site_id, rows, specs, None, shift)
    assert hits_of is not None  # (specs are text rules)
    subjects = ((row, Subject(hits_of(row), None, {}, people.NORMAL, False, row.premoderated)) for row in rows)
    return Changes.of_decisions(_apply(connection, [(row, verdict) for row, subject in subjects
                                                    if (verdict := evaluate.decide(subject, specs)) is not None]))


def _copy_found(connection: Connection, numbers: Select[Any], shift: int, specs: list[RuleSpec]) -> None:
    """evaluate.found's text hits, straight from the staged ones: each hit of a rule that is on."""
    keys = {str(spec.kind): spec.key for spec in specs}
    hit = staged_hits.c
    found = (select(hit.comment_id + shift, case(keys, value=hit.rule), hit.what, hit.start, hit.end)
             .where(hit.comment_id.in_(numbers), hit.rule.in_(list(keys))).order_by(hit.comment_id, hit.start))
    connection.execute(insert(hits_table).from_select(["comment_id", "rule", "what", "start", "end"], found))


def _firing(numbers: Select[Any], specs: list[RuleSpec]) -> CompoundSelect[Any]:
    """The staged numbers whose hits make one of these text rules fire (evaluate.text_rule: any
    hit of its kind; evaluate.links: more hits than its most)."""
    hit = staged_hits.c
    anyhit = [str(spec.kind) for spec in specs if spec.kind != Kind.LINKS]
    selects = [select(hit.comment_id).where(hit.comment_id.in_(numbers), hit.rule.in_(anyhit))]
    selects += [select(hit.comment_id).where(hit.comment_id.in_(numbers), hit.rule == str(Kind.LINKS))
                .group_by(hit.comment_id).having(func.count() > evaluate.most_links(spec))
                for spec in specs if spec.kind == Kind.LINKS]
    return union(*selects)


def _screen(connection: Connection, site_id: int, rows: list[Any], specs: list[RuleSpec], screen_for: ScreenFor | None,
            staged_shift: int | None) -> Callable[[Any], Sequence[TextHit]] | None:
    """A row's text hits: found now by the site's screen, or read from what Prescreen staged."""
    if not {spec.kind for spec in specs} & set(TEXT_KINDS):
        return None
    if staged_shift is None:
        screen = (screen_for or default_screen)(connection, site_id)
        return lambda row: screen.hits(row.body)
    found: dict[int, list[TextHit]] = {}
    numbers = [row.id - staged_shift for row in rows]
    for start in range(0, len(numbers), CHUNK):
        chunk = select(staged_hits).where(staged_hits.c.comment_id.in_(numbers[start:start + CHUNK]))
        for number, rule, what, begins, ends in connection.execute(chunk.order_by(staged_hits.c.start)):
            found.setdefault(number + staged_shift, []).append(TextHit(rule, what, begins, ends))
    return lambda row: found.get(row.id, ())


def _run_site(connection: Connection, site_id: int, rows: list[Any], specs: list[RuleSpec], fresh: bool,
              model: Model | None, hits_of: Callable[[Any], Sequence[TextHit]] | None) -> list[Decided]:
    kinds = {spec.kind for spec in specs}
    if not fresh:
        decided = _decided_by_moderators(connection, [row.id for row in rows])
        rows = [row for row in rows if row.id not in decided]
    standing = _standings(connection, site_id, rows, kinds)
    firsts = people.first_comments(connection, site_id, [(row.id, row.author, row.author_email) for row in rows]) \
        if Kind.FIRST_COMMENT in kinds else set()
    scores, limits = _scores(connection, model, [row.id for row in rows])
    verdicts: list[tuple[Any, Verdict]] = []
    kept: list[tuple[int, Found]] = []
    who = people.identity if standing else None
    by_hits = evaluate.fired_by_hits(specs)
    for row in rows:
        hits, score = hits_of(row) if hits_of else (), scores.get(row.id)
        person = standing.get(who(row.author, row.author_email), people.NORMAL) if who else people.NORMAL
        only_hits = score is None and person == people.NORMAL and row.premoderated and row.id not in firsts
        if not hits and only_hits:
            continue  # nothing any rule looks at: most comments, at the cost of a few comparisons
        subject = Subject(hits, score, limits, person, row.id in firsts, row.premoderated)
        judged = by_hits if only_hits else specs  # (an import's comments with a hit: judged by fewer rules)
        verdict = evaluate.decide(subject, judged)
        if verdict is not None:
            verdicts.append((row, verdict))
        kept += [(row.id, item) for item in evaluate.found(subject, judged)]
    _keep_hits(connection, [row.id for row in rows], kept, fresh)
    return _apply(connection, verdicts)


def _rows(connection: Connection, ids: Select[Any] | Sequence[int]) -> list[Any]:
    premoderated = func.coalesce(articles.c.premoderated, sites.c.premoderated).label("premoderated")
    query = (select(comments.c.id, comments.c.site_id, comments.c.article_id, comments.c.author, comments.c.author_email,
                    comments.c.body, comments.c.status, comments.c.flag, premoderated)
             .join(articles, articles.c.id == comments.c.article_id).join(sites, sites.c.id == comments.c.site_id)
             .where(comments.c.is_staff.is_(False)))
    if isinstance(ids, Select):
        return list(connection.execute(query.where(comments.c.id.in_(ids.scalar_subquery()))))
    found: list[Any] = []
    for start in range(0, len(ids), CHUNK):
        found += connection.execute(query.where(comments.c.id.in_(list(ids[start:start + CHUNK])))).all()
    return found


def _decided_by_moderators(connection: Connection, ids: Sequence[int]) -> set[int]:
    decided: set[int] = set()
    for start in range(0, len(ids), CHUNK):
        decided.update(connection.scalars(select(decisions.c.comment_id).distinct().where(
            decisions.c.comment_id.in_(list(ids[start:start + CHUNK])), decisions.c.source != Source.RULE)))
    return decided


def _standings(connection: Connection, site_id: int, rows: list[Any], kinds: set[Kind]) -> dict[str, str]:
    if not kinds & {Kind.BANNED_COMMENTER, Kind.TRUSTED_COMMENTER} or not people.anyone_not_normal(connection, site_id):
        return {}
    return people.standings(connection, site_id, (people.identity(row.author, row.author_email) for row in rows))


def _scores(connection: Connection, model: Model | None, ids: list[int]) -> tuple[dict[int, dict[str, float]], dict[str, Limits]]:
    if model is None:
        return {}, {}
    found: dict[int, dict[str, float]] = {}
    for start in range(0, len(ids), CHUNK):
        found.update((cid, scores) for cid, scores in connection.execute(
            select(scores_table.c.comment_id, scores_table.c.label_scores).where(
                scores_table.c.model_id == model.id, scores_table.c.comment_id.in_(ids[start:start + CHUNK]))))
    return found, limits_for(connection, model.name)


def _keep_hits(connection: Connection, ids: list[int], kept: list[tuple[int, Found]], fresh: bool) -> None:
    """What the rules found now replaces what they found before (nothing, for new comments)."""
    if not fresh:
        for start in range(0, len(ids), CHUNK):
            connection.execute(delete(hits_table).where(hits_table.c.comment_id.in_(ids[start:start + CHUNK])))
    if not kept:
        return
    if connection.dialect.name == "sqlite":  # an import keeps a quarter million: rows as the driver takes them
        connection.exec_driver_sql(KEEP_HITS, [(cid, item.rule, item.what, item.start, item.end) for cid, item in kept])
    else:
        connection.execute(insert(hits_table), [{"comment_id": cid, "rule": item.rule, "what": item.what,
                                                 "start": item.start, "end": item.end} for cid, item in kept])


def _apply(connection: Connection, verdicts: list[tuple[Any, Verdict]]) -> list[Decided]:
    """Each verdict as the comment's status allows; one decision per change."""
    steps: list[tuple[Any, Verdict, Action, Status]] = []
    for row, verdict in verdicts:
        status = Status(row.status)
        if verdict.mode == Mode.HIDE and status in (Status.PENDING, Status.APPROVED):
            steps.append((row, verdict, Action.HIDE, Status.HIDDEN))
        elif verdict.mode == Mode.FLAG and status == Status.PENDING and row.flag is None:
            steps.append((row, verdict, Action.FLAG, Status.PENDING))
        elif verdict.mode == Mode.APPROVE and status == Status.PENDING and row.flag is None:
            steps.append((row, verdict, Action.APPROVE, Status.APPROVED))
    return record(connection, steps)


def record(connection: Connection, steps: Sequence[tuple[Any, Verdict, Action, Status]]) -> list[Decided]:
    """Write the steps: comments changed (status, or flag), one rule decision each, and the
    outbox rows of a connected site's."""
    if not steps:
        return []
    now = utcnow()
    for action, status in ((Action.HIDE, Status.HIDDEN), (Action.APPROVE, Status.APPROVED)):
        _update(connection, [row.id for row, _v, act, _s in steps if act == action], {"status": status}, now)
    for verdict_key in sorted({verdict.rule for _r, verdict, act, _s in steps if act == Action.FLAG}):
        _update(connection, [row.id for row, v, act, _s in steps if act == Action.FLAG and v.rule == verdict_key],
                {"flag": verdict_key}, now)
    values = [{"comment_id": row.id, "action": action, "reason": HIDE_REASON.get(verdict.kind) if action == Action.HIDE
               else None, "note": verdict.what, "moderator": MODERATOR, "source": Source.RULE, "created_at": now,
               "status_before": row.status, "status_after": after, "reverts_id": None, "batch_id": None,
               "rule": verdict.rule} for row, verdict, action, after in steps]
    inserted = insert(decisions).returning(decisions.c.comment_id, decisions.c.id)
    made: dict[int, int] = dict(connection.execute(inserted, values).all())
    _enqueue(connection, [Queued(row.id, made[row.id], Status(row.status), after, value["reason"])
                          for (row, _v, action, after), value in zip(steps, values) if action != Action.FLAG])
    return [Decided(made[row.id], row.id, row.article_id, Status(row.status), after, action)
            for row, _v, action, after in steps]


def _update(connection: Connection, ids: list[int], values: dict[str, Any], now: Any) -> None:
    for start in range(0, len(ids), CHUNK):
        connection.execute(update(comments).where(comments.c.id.in_(ids[start:start + CHUNK]))
                           .values(values | {"version": comments.c.version + 1, "updated_at": now}))


def _enqueue(connection: Connection, queued: list[Queued]) -> None:
    """The outbox's rows, in this transaction (the session joins the connection's, and leaves it open)."""
    if queued:
        with Session(bind=connection) as session:
            enqueue(session, queued, Source.RULE)
            session.flush()


def default_screen(connection: Connection, site_id: int) -> Screen:
    return site_screen(connection, site_id)


def site_screen(connection: Connection, site_id: int) -> TextScreen:
    """The site's text screen (moderator/rules/text.py: its lists and the patterns, cached per site)."""
    with Session(bind=connection) as session:
        return load_text_screen(session, site_id)
