"""Rules and thresholds in the database: read for evaluation, changed by a lead.

A site's rules are the rules for every site (site_id NULL) with the site's own rules of the
same key over them. Thresholds are per model name and label. Every change is checked first
and refused with one sentence naming the value; nothing is half-saved (the caller commits).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.orm import Session

from moderator.errors import ModeratorError, NotFoundError
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence
from moderator.rules.evaluate import Limits, RuleSpec
from moderator.rules.kinds import MODES, Kind, Mode, check_mode, kind_of
from moderator.storage.models import Article, Rule, Site, Threshold, core_table, utcnow

rules_table, thresholds_table = core_table(Rule), core_table(Threshold)
KEY_CHARACTERS = set("abcdefghijklmnopqrstuvwxyz0123456789_-")


@dataclass(frozen=True)
class RuleRow:
    """A rule as the CLI and the GUI list it."""

    id: int
    key: str
    kind: str
    site: str | None  # the site's key; None: every site
    enabled: bool
    mode: str
    parameters: dict[str, Any]


def rule_specs(connection: Connection, site_id: int) -> list[RuleSpec]:
    """The site's enabled rules, as evaluation takes them (the built-ins in their seeded order)."""
    rows = connection.execute(select(rules_table).where((rules_table.c.site_id.is_(None)) | (rules_table.c.site_id == site_id))
                              .order_by(rules_table.c.site_id.is_not(None), rules_table.c.id)).all()
    chosen: dict[str, Any] = {}
    for row in rows:  # a site's own rule after (and over) the one for every site of the same key
        chosen[row.key] = row
    return [RuleSpec(row.key, Kind(row.kind), Mode(row.mode), dict(row.parameters or {}))
            for row in chosen.values() if row.enabled]


def limits_for(connection: Connection, model: str) -> dict[str, Limits]:
    rows = connection.execute(select(thresholds_table).where(thresholds_table.c.model == model))
    return {row.label: Limits(row.hide, row.flag, row.approve) for row in rows}


def list_rules(session: Session) -> list[RuleRow]:
    query = select(Rule.id, Rule.key, Rule.kind, Site.key, Rule.enabled, Rule.mode, Rule.parameters).outerjoin(
        Site, Site.id == Rule.site_id).order_by(Rule.site_id.is_not(None), Rule.site_id, Rule.id)
    return [RuleRow(*row[:6], dict(row[6] or {})) for row in session.execute(query)]


def find_rule(session: Session, key: str, site_key: str | None = None) -> Rule:
    site_id = _site_id(session, site_key)
    rule = session.scalar(select(Rule).where(Rule.key == key, Rule.site_id.is_(None) if site_id is None
                                             else Rule.site_id == site_id))
    if rule is None:
        template = QT_TRANSLATE_NOOP("errors", "There is no rule '{key}' for site '{site}'; `moderator rules list` shows them.") \
            if site_key else QT_TRANSLATE_NOOP("errors", "There is no rule '{key}'; `moderator rules list` shows them.")
        raise NotFoundError(Sentence.of(template, key=key, site=site_key))
    return rule


def add_rule(session: Session, key: str, kind: str, mode: str | None = None, site_key: str | None = None,
             most: int | None = None) -> Rule:
    """A new rule (off until enabled: run its dry run first). A site's rule of an existing key overrides it there."""
    checked_kind = kind_of(kind)
    checked_mode = check_mode(checked_kind, mode or _default_mode(checked_kind))
    _check_key(key)
    site_id = _site_id(session, site_key)
    if session.scalar(select(Rule.id).where(Rule.key == key, Rule.site_id.is_(None) if site_id is None
                                            else Rule.site_id == site_id)) is not None:
        template = QT_TRANSLATE_NOOP("errors", "A rule '{key}' exists already for site {site}.") if site_key \
            else QT_TRANSLATE_NOOP("errors", "A rule '{key}' exists already.")
        raise ModeratorError(Sentence.of(template, key=key, site=site_key))
    rule = Rule(key=key, kind=checked_kind, site_id=site_id, enabled=False, mode=checked_mode,
                parameters=_parameters(checked_kind, most))
    session.add(rule)
    session.flush()
    return rule


def remove_rule(session: Session, key: str, site_key: str | None = None) -> None:
    """Removes a rule a lead added; a built-in one (for every site) is switched off instead, never removed."""
    rule = find_rule(session, key, site_key)
    if rule.site_id is None and rule.key in set(Kind):
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "'{key}' is a built-in rule: disable it instead (`moderator rules disable {key}`)."),
            key=key))
    session.execute(delete(Rule).where(Rule.id == rule.id))


def set_rule(session: Session, key: str, site_key: str | None = None, enabled: bool | None = None,
             mode: str | None = None, most: int | None = None) -> Rule:
    rule = find_rule(session, key, site_key)
    values: dict[str, Any] = {"changed_at": utcnow()}
    if enabled is not None:
        values["enabled"] = enabled
    if mode is not None:
        values["mode"] = check_mode(Kind(rule.kind), mode)
    if most is not None:
        values["parameters"] = _parameters(Kind(rule.kind), most)
    session.execute(update(Rule).where(Rule.id == rule.id).values(values))
    session.refresh(rule)
    return rule


def set_threshold(session: Session, model: str, label: str, hide: float | None = None, flag: float | None = None,
                  approve: float | None = None, clear: tuple[str, ...] = ()) -> Limits:
    """Set one label's thresholds for a model (None leaves a threshold as it is; the names in
    `clear`, of hide, flag and approve, become unused)."""
    if unknown := set(clear) - {"hide", "flag", "approve"}:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "A threshold is hide, flag or approve; '{unknown}' is not."), unknown=min(unknown)))
    for name, value in (("hide", hide), ("flag", flag), ("approve", approve)):
        if value is not None and not (math.isfinite(value) and 0 <= value <= 1):
            raise ModeratorError(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "The {name} threshold for {model}, {label} must be between 0 and 1; {value} is not."),
                name=name, model=model, label=label, value=value))
    row = session.get(Threshold, (model, label)) or Threshold(model=model, label=label)
    session.add(row)
    for name, value in (("hide", hide), ("flag", flag), ("approve", approve)):
        if value is not None or name in clear:
            setattr(row, name, value)
    session.flush()
    return Limits(row.hide, row.flag, row.approve)


def set_premoderation(session: Session, setting: str, site_key: str | None = None, article_id: int | None = None) -> str:
    """pre or post for a site (its default) or an article; "site" puts an article back to its site's."""
    if setting not in ("pre", "post", "site") or setting == "site" and article_id is None:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "Pre-moderation is pre or post (or, for an article, site); '{setting}' is not."),
            setting=setting))
    value = None if setting == "site" else setting == "pre"
    if article_id is not None:
        if session.get(Article, article_id) is None:
            raise NotFoundError(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "There is no article with id {article_id}."), article_id=article_id))
        session.execute(update(Article).where(Article.id == article_id).values(premoderated=value))
        return f"Article {article_id}: {'as its site' if value is None else setting + '-moderated'}."
    site_id = _site_id(session, site_key) if site_key else session.scalar(select(Site.id).order_by(Site.id).limit(1))
    if site_id is None:
        raise NotFoundError(Sentence(QT_TRANSLATE_NOOP("errors", "There is no site yet; import comments first.")))
    session.execute(update(Site).where(Site.id == site_id).values(premoderated=value))
    return f"Site {site_key or site_id}: {setting}-moderated by default."


def _default_mode(kind: Kind) -> str:
    return MODES[kind][0]


def _parameters(kind: Kind, most: int | None) -> dict[str, Any]:
    if most is None:
        return {"most": 1} if kind == Kind.LINKS else {}
    if kind != Kind.LINKS:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "Only a links rule takes a number of links; '{kind}' does not."), kind=kind))
    if most < 0:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "A links rule's number of links must be 0 or more; {most} is not."), most=most))
    return {"most": most}


def _check_key(key: str) -> None:
    if not key or len(key) > 40 or not set(key) <= KEY_CHARACTERS:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "A rule's key is 1 to 40 lower-case letters, digits, '_' or '-'; '{key}' is not."),
            key=key))


def _site_id(session: Session, site_key: str | None) -> int | None:
    if site_key is None:
        return None
    site_id = session.scalar(select(Site.id).where(Site.key == site_key))
    if site_id is None:
        raise NotFoundError(Sentence.of(QT_TRANSLATE_NOOP("errors", "There is no site '{site_key}'."), site_key=site_key))
    return site_id
