"""The Insight commands of `moderator`: report (calibration, activity), explain, and the
printing `evaluate` shares with `report calibration` (one table, as text, JSON or CSV)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from moderator.config import resolve_paths
from moderator.errors import ModeratorError
from moderator.inifile import read_settings
from moderator.insight.calibration import LabelReport, Target
from moderator.insight.period import Period
from moderator.scoring.base import ModelIdentity
from moderator.scoring.priority import Thresholds, thresholds_from
from moderator.scoring.registry import model_identity
from moderator.scoring.store import find_model

if TYPE_CHECKING:
    from moderator.storage.database import Database

    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]


def add_commands(commands: Subcommands, time_argument: Callable[[str], datetime]) -> None:
    p = commands.add_parser("report", help="how far the model agrees with the team's past decisions, and what the team did",
                            epilog="calibration: per label, what hiding at each threshold would have caught and wrongly "
                                   "hidden, with a suggested threshold; activity: decisions per day, moderator and source, "
                                   "the model's agreement, the backlog.")
    p.add_argument("what", choices=("calibration", "activity"))
    p.add_argument("--model", metavar="NAME", help="the model whose scores are judged (default: the active one; "
                   "a removed model too, by the scores it left)")
    p.add_argument("--since", type=time_argument, metavar="TIME", help="only decisions made at or after TIME")
    p.add_argument("--until", type=time_argument, metavar="TIME", help="only decisions made before TIME")
    p.add_argument("--site", type=int, metavar="ID", help="only this site's comments")
    p.add_argument("--threshold", type=_share, action="append", metavar="T",
                   help="calibration: a threshold for the table (repeatable; default "
                        f"{' and '.join(map(str, Thresholds().values))})")
    p.add_argument("--recall", type=_share, default=0.9, metavar="R",
                   help="calibration: suggest the threshold that catches at least R of the hides (default 0.9)")
    p.add_argument("--cost", type=_costs, metavar="WRONG:MISSED",
                   help="calibration: suggest the fewest-mistakes threshold instead, "
                        "a wrong hide costing WRONG, a missed one MISSED")
    _add_output(p)

    p = commands.add_parser("explain", help="why the model scores a comment as it does: each word's weight, and rule hits")
    p.add_argument("comment_id", type=int, metavar="COMMENT_ID")
    p.add_argument("--model", metavar="NAME", help="the model to explain (default: the active one)")
    p.add_argument("--label", metavar="LABEL", help="the label to explain (default: the model's main label)")
    p.add_argument("--json", action="store_true", help="print the explanation as one JSON object")


def _add_output(parser: argparse.ArgumentParser) -> None:
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print one JSON object")
    output.add_argument("--csv", action="store_true", help="print CSV (one row per label and threshold, or per day)")


def _share(value: str) -> float:
    try:
        share = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number between 0 and 1") from None
    if not 0 <= share <= 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not between 0 and 1")
    return share


def _costs(value: str) -> tuple[float, float]:
    wrong, _, missed = value.partition(":")
    try:
        costs = float(wrong), float(missed)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not two costs such as 1:3 (a wrong hide : a missed one)") from None
    if min(costs) < 0 or not sum(costs):
        raise argparse.ArgumentTypeError(f"'{value}': costs are zero or more, not both zero")
    return costs


def cmd_report(db: Database, args: argparse.Namespace) -> int:
    from moderator.insight import report

    paths = resolve_paths(args.home)
    with db.sessions() as session:
        identity = _identity(session, paths.models, args.model)
        period = Period(find_model(session, identity), args.since, args.until, args.site)
        if args.what == "calibration":
            target = Target(None, *args.cost) if args.cost else Target(args.recall)
            found = report.calibration_reports(session, period, identity, args.threshold or Thresholds().values, target)
        else:
            threshold = thresholds_from(read_settings(paths.settings_file)).medium
            activity = report.activity(session, period, threshold)
    if args.what == "calibration":
        print_reports(found, identity.name, "the team's decisions", args)
        return 0
    if args.csv:
        report.write_activity_csv(sys.stdout, activity)
    elif args.json:
        print(json.dumps({"model": identity.name} | activity.as_json()))
    else:
        _print_activity(identity.name, activity)
    return 0


def _identity(session: Session, models: Path, name: str | None) -> ModelIdentity:
    """An installed model, or one whose files are gone but whose scores are in the database."""
    from moderator.insight.report import identity_in_database

    try:
        return model_identity(models, name)
    except ModeratorError:
        if name is None or (found := identity_in_database(session, name)) is None:
            raise
        return found


def print_reports(reports: Sequence[LabelReport], model: str, against: str, args: argparse.Namespace) -> None:
    """The one table of `evaluate` and `report calibration`, as text, JSON or CSV."""
    from moderator.insight.report import write_calibration_csv

    if getattr(args, "csv", False):
        write_calibration_csv(sys.stdout, reports)
        return
    if args.json:
        print(json.dumps({"model": model, "against": against, "labels": [r.as_json() for r in reports]}))
        return
    print(f"{model}, checked against {against}:")
    for r in reports:
        auc = "n/a (one class only)" if r.auc is None else f"{r.auc:.3f}"
        print(f"  {r.label:<16} ROC AUC {auc}   ({r.positives} positive, {r.negatives} negative in '{r.column}')")
        if r.too_few:
            print("    few decisions: these figures may move a lot with the next ones")
        for c in r.confusion:
            print(f"    at {c.threshold:.2f}: {c.true_positives} caught, {c.false_positives} false alarms, "
                  f"{c.false_negatives} missed, {c.true_negatives} rightly passed")
        if r.suggested is not None:
            print(f"    suggested {r.suggested.threshold:.3f}: {r.suggested.sentence()}")


def _print_activity(model: str, found: object) -> None:
    from moderator.insight.report import ACTIVITY_COLUMNS, Activity

    assert isinstance(found, Activity)
    backlog = found.backlog
    oldest = f", the oldest since {backlog.oldest_pending:%Y-%m-%d %H:%M}" if backlog.oldest_pending else ""
    print(f"Pending now: {backlog.pending:,}{oldest}.")
    print(f"Model {model} agrees with a decision when it scores a hide at or above {found.threshold:.2f}.")
    print("  ".join(ACTIVITY_COLUMNS))
    for row in found.days():
        print("  ".join(str(cell) for cell in row))
    for name, sources in found.per_moderator().items():
        print(f"{name}: " + ", ".join(f"{n:,} {source}" for source, n in sources.items()))


def cmd_explain(db: Database, args: argparse.Namespace) -> int:
    from moderator.reading import queries
    from moderator.scoring.explanations import cached_explanation, keep_explanation
    from moderator.scoring.registry import load_scorer

    models = resolve_paths(args.home).models
    identity = model_identity(models, args.model)
    label = args.label or identity.main_label
    if label not in identity.labels:
        raise ModeratorError(f"The model '{identity.name}' has no label '{label}'; its labels: {', '.join(identity.labels)}.")
    with db.sessions() as session:
        row = queries.comment(session, args.comment_id)
        model_id = find_model(session, identity)
        found = cached_explanation(session, row.id, model_id, label, row.body) if model_id is not None else None
    if found is None:
        from moderator.scoring.explain import explain

        found = explain(load_scorer(models, args.model), row.body, label)
        if model_id is not None:
            with db.write_sessions() as session:
                keep_explanation(session, row.id, model_id, row.body, found)
                session.commit()
    _print_explanation(args.comment_id, found, args.json)
    return 0


def _print_explanation(comment_id: int, found: object, as_json: bool) -> None:
    from moderator.scoring.explain import Explanation

    assert isinstance(found, Explanation)
    if as_json:
        print(json.dumps({"comment_id": comment_id} | found.as_json(), ensure_ascii=False))
        return
    how = "exact contributions" if found.bias is not None else "leave-one-word-out occlusion"
    print(f"Comment {comment_id}: {found.label} {found.score:.3f} (log-odds {found.log_odds:+.2f}) "
          f"from {found.model}, {how}.")
    if found.bias is not None:
        print(f"  an empty comment: {found.bias:+.2f}")
    for span in found.spans:
        if span.weight:
            print(f"  {span.start:>5}-{span.end:<5} {span.weight:+7.3f}  {span.text}")
    print("  rule hits: " + (", ".join(f"{h.rule} on '{h.text}'" for h in found.rule_hits) or "none (no rules yet)"))


HANDLERS = {"report": cmd_report, "explain": cmd_explain}
