"""Rules and commenters on the command line (issue 14): `moderator rules list | add | remove |
enable | disable | set | threshold | test TEXT | dry-run RULE | revert RULE` and `moderator
commenter show | note | trust | ban | unban | untrust NAME`. Each command is one transaction;
a refused value changes nothing. docs/rules.md says what each rule does and in which order.
"""

from __future__ import annotations

import argparse
import getpass
import json
from typing import Any

from sqlalchemy.orm import Session

from moderator.errors import ModeratorError
from moderator.rules import evaluate
from moderator.rules.apply import default_screen
from moderator.rules.commenters import change_standing, hide_pending, person, set_notes
from moderator.rules.dryrun import SHARE_TO_ASK, dry_run
from moderator.rules.evaluate import RuleSpec, Subject
from moderator.rules.kinds import Kind, Mode, check_mode
from moderator.rules.revert import revert_rule
from moderator.rules.store import (
    add_rule,
    find_rule,
    list_rules,
    remove_rule,
    rule_specs,
    set_premoderation,
    set_rule,
    set_threshold,
)
from moderator.rules.wordlists import site_for_lists
from moderator.storage.database import Database
from moderator.vocabulary import Action

Subcommands = Any  # argparse's private _SubParsersAction
TimeArgument = Any

RULES_EPILOG = f"""Kinds: {', '.join(Kind)}. Order of precedence: banned commenter → banned words and
patterns set to hide → thresholds to hide → trusted commenter → suspect words, patterns that
flag, thresholds to flag → thresholds to approve → pre-moderation (docs/rules.md). Enabling a
rule that would act on more than {SHARE_TO_ASK:.0%} of the comments moderators decided asks for --yes."""
STANDING_ACTIONS = {"trust": Action.TRUST, "ban": Action.BAN, "unban": Action.UNBAN, "untrust": Action.UNTRUST}


def add_commands(commands: Subcommands, time_argument: TimeArgument) -> None:
    _rules_commands(commands, time_argument)
    _commenter_commands(commands)


def _rules_commands(commands: Subcommands, time_argument: TimeArgument) -> None:
    p = commands.add_parser("rules", help="the rules: word lists, patterns, thresholds, commenters, pre-moderation",
                            epilog=RULES_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = p.add_subparsers(dest="rules_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every rule: key, kind, on or off, flag / hide / approve")
    listing.add_argument("--json", action="store_true")
    add = actions.add_parser("add", help="a new rule of a kind (off until enabled)")
    add.add_argument("key", metavar="KEY")
    add.add_argument("--kind", required=True, choices=tuple(Kind))
    add.add_argument("--mode", choices=tuple(Mode), help="flag or hide (text and first-comment rules)")
    add.add_argument("--links", type=int, metavar="N", help="a links rule acts on more than N links")
    remove = actions.add_parser("remove", help="remove a rule you added (built-in ones are disabled instead)")
    remove.add_argument("key", metavar="KEY")
    enable = actions.add_parser("enable", help="switch a rule on (after its dry run; asks above a share)")
    enable.add_argument("key", metavar="KEY")
    enable.add_argument("--yes", action="store_true", help="enable even if it would act on many decided comments")
    disable = actions.add_parser("disable", help="switch a rule off")
    disable.add_argument("key", metavar="KEY")
    change = actions.add_parser("set", help="change a rule's mode or number of links")
    change.add_argument("key", metavar="KEY")
    change.add_argument("--mode", choices=tuple(Mode))
    change.add_argument("--links", type=int, metavar="N")
    test = actions.add_parser("test", help="what the rules find in TEXT, and what they would do")
    test.add_argument("text", metavar="TEXT")
    dry = actions.add_parser("dry-run", help="what a rule would have done to the comments moderators decided")
    dry.add_argument("key", metavar="RULE")
    dry.add_argument("--mode", choices=tuple(Mode), help="as if it were set to this mode")
    dry.add_argument("--links", type=int, metavar="N", help="as if a links rule allowed N links")
    dry.add_argument("--model", metavar="NAME", help="the model whose scores thresholds read (default: the last to score)")
    threshold = actions.add_parser("threshold", help="a model's thresholds on one label (0 to 1)")
    threshold.add_argument("model", metavar="MODEL")
    threshold.add_argument("label", metavar="LABEL")
    for name in ("hide", "flag", "approve"):
        threshold.add_argument(f"--{name}", type=float, metavar="X")
    premoderation = actions.add_parser("premoderation", help="pre-moderated (nothing published until approved) or "
                                       "post-moderated (published unless a rule stops it), for a site or an article")
    premoderation.add_argument("setting", choices=("pre", "post", "site"), help="site: an article as its site says")
    premoderation.add_argument("--article", type=int, metavar="ID", help="this article (default: the site)")
    premoderation.add_argument("--site-key", dest="premoderation_site", metavar="KEY", help="the site (default: the first)")
    revert = actions.add_parser("revert", help="undo everything a rule did since a time, as one step")
    revert.add_argument("key", metavar="RULE")
    revert.add_argument("--since", required=True, type=time_argument, metavar="TIME")
    revert.add_argument("--moderator", default=getpass.getuser(), metavar="NAME")
    for action in (listing, add, remove, enable, disable, change, test, dry, revert):
        action.add_argument("--site", metavar="KEY", help="a site's own rule (default: the rule for every site)")


def _commenter_commands(commands: Subcommands) -> None:
    p = commands.add_parser("commenter", help="a commenter as a person: notes, trust, ban")
    actions = p.add_subparsers(dest="commenter_action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="standing, notes, and the standing's history")
    note = actions.add_parser("note", help="set the commenter's notes")
    made = [show, note]
    for name, words in (("trust", "approve their comments unless a banned word or personal data hits"),
                        ("ban", "their new comments arrive hidden"), ("unban", "back to normal"),
                        ("untrust", "back to normal")):
        made.append(action := actions.add_parser(name, help=words))
        action.add_argument("--note", default="", help="why, kept with the decision")
        action.add_argument("--moderator", default=getpass.getuser(), metavar="NAME")
        if name == "ban":
            action.add_argument("--hide-pending", action="store_true",
                                help="also hide their pending comments (one step), except those another moderator has open")
    for action in made:
        action.add_argument("name", metavar="NAME", help="the author's exact name, or their e-mail address")
        action.add_argument("--site", metavar="KEY", help="the site (default: the only one in the database)")
    note.add_argument("text", metavar="TEXT")


def cmd_rules(db: Database, args: argparse.Namespace) -> int:
    if args.rules_action in ("list", "test", "dry-run"):
        with db.sessions() as session:
            return {"list": _list, "test": _test, "dry-run": _dry_run}[args.rules_action](session, args)
    with db.write_sessions() as session:
        said = _change(session, args)
        session.commit()
    print(said)
    return 0


def _change(session: Session, args: argparse.Namespace) -> str:
    action = args.rules_action
    if action == "add":
        rule = add_rule(session, args.key, args.kind, args.mode, args.site, args.links)
        return f"Added rule '{rule.key}' ({rule.kind}, {rule.mode}), off: `moderator rules dry-run {rule.key}`, then enable it."
    if action == "remove":
        remove_rule(session, args.key, args.site)
        return f"Removed rule '{args.key}'."
    if action == "enable":
        _ask_share(session, args)
    if action in ("enable", "disable"):
        rule = set_rule(session, args.key, args.site, enabled=action == "enable")
        return f"Rule '{rule.key}' is {'on' if rule.enabled else 'off'} ({rule.mode})."
    if action == "set":
        rule = set_rule(session, args.key, args.site, mode=args.mode, most=args.links)
        return f"Rule '{rule.key}': {rule.mode}{_links(rule.parameters)}."
    if action == "premoderation":
        return set_premoderation(session, args.setting, args.premoderation_site, args.article)
    if action == "threshold":
        limits = set_threshold(session, args.model, args.label, args.hide, args.flag, args.approve)
        return f"{args.model}, {args.label}: hide {_f(limits.hide)}, flag {_f(limits.flag)}, approve {_f(limits.approve)}."
    reverted = revert_rule(session, args.key, args.since, args.moderator)
    return reverted.sentence(args.key) + (" (Taken back as one step from the window's undo.)" if reverted.changes.decided else "")


def _ask_share(session: Session, args: argparse.Namespace) -> None:
    run = dry_run(session, _spec(session, args))
    if run.share > SHARE_TO_ASK and not args.yes:
        raise ModeratorError(f"Rule '{args.key}' would act on {run.share:.0%} of the {run.judged} comments moderators "
                             f"decided ({run.acted}); see `moderator rules dry-run {args.key}`, then enable it with --yes.")


def _spec(session: Session, args: argparse.Namespace) -> RuleSpec:
    rule = find_rule(session, args.key, args.site)
    kind = Kind(rule.kind)
    mode = check_mode(kind, getattr(args, "mode", None) or rule.mode)
    parameters = dict(rule.parameters or {})
    if getattr(args, "links", None) is not None:
        parameters["most"] = args.links
    return RuleSpec(rule.key, kind, mode, parameters)


def _list(session: Session, args: argparse.Namespace) -> int:
    rules = list_rules(session)
    if args.json:
        print(json.dumps([rule.__dict__ for rule in rules], ensure_ascii=False, indent=1))
        return 0
    for rule in rules:
        print(f"{rule.key:<20} {rule.kind:<18} {'on ' if rule.enabled else 'off'}  {rule.mode:<8} "
              f"{rule.site or 'every site'}{_links(rule.parameters)}")
    return 0


def _test(session: Session, args: argparse.Namespace) -> int:
    site = site_for_lists(session, args.site)
    connection = session.connection()
    subject = Subject(default_screen(connection, site.id).hits(args.text))
    for hit in subject.hits:
        print(f"{hit.rule:<16} {hit.what}  [{hit.start}:{hit.end}] {args.text[hit.start:hit.end]!r}")
    verdict = evaluate.decide(subject, rule_specs(connection, site.id))
    print(f"→ {verdict.mode} by rule '{verdict.rule}': {verdict.what}" if verdict else "→ no rule acts on it")
    return 0


def _dry_run(session: Session, args: argparse.Namespace) -> int:
    for line in dry_run(session, _spec(session, args), args.model).lines():
        print(line)
    return 0


def cmd_commenter(db: Database, args: argparse.Namespace) -> int:
    if args.commenter_action == "show":
        with db.sessions() as session:
            return _show(session, args)
    with db.write_sessions() as session:
        site = site_for_lists(session, args.site)
        if args.commenter_action == "note":
            set_notes(session, site.id, args.name, args.text)
            said = f"Notes on {args.name} saved."
        else:
            said = _standing(session, site.id, args)
        session.commit()
    print(said)
    return 0


def _standing(session: Session, site_id: int, args: argparse.Namespace) -> str:
    action = STANDING_ACTIONS[args.commenter_action]
    changes = change_standing(session, site_id, args.name, action, args.moderator, args.note)
    said = f"{args.name}: {action} (decision {changes.decision_ids[0]})."
    if getattr(args, "hide_pending", False):
        hidden = hide_pending(session, site_id, args.name, args.moderator)
        said += f" {len(hidden.changes.decided)} pending comment(s) hidden, one step."
        if hidden.left:
            said += f" {len(hidden.left)} left: being handled by {', '.join(hidden.holders())}."
    return said


def _show(session: Session, args: argparse.Namespace) -> int:
    site = site_for_lists(session, args.site)
    who = person(session, site.id, args.name)
    print(f"{who.name} ({who.identity}): {who.standing}")
    if who.notes:
        print(f"Notes: {who.notes}")
    for event in who.history:
        print(f"  {event.at:%Y-%m-%d %H:%M}  {event.action:<8} {event.standing_before} → {event.standing_after}  "
              f"by {event.moderator}{'  ' + event.note if event.note else ''}")
    return 0


def _links(parameters: dict[str, Any]) -> str:
    return f", more than {parameters['most']} links" if "most" in parameters else ""


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


HANDLERS = {"rules": cmd_rules, "commenter": cmd_commenter}
