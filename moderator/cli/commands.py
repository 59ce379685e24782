"""The `moderator` command: the app (no sub-command) and the same core for automation."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from moderator import APP_NAME, __version__
from moderator.cli import insight as cli_insight
from moderator.cli import rules as cli_rules
from moderator.cli import scoring as cli_scoring
from moderator.cli import sites as cli_sites
from moderator.cli import words as cli_words
from moderator.cli.launch import database_url
from moderator.config import LOG_FORMAT, AppPaths, resolve_paths
from moderator.errors import ModeratorError, explain
from moderator.formats import FORMATS
from moderator.formats.export import FORMATS as EXPORT_FORMATS
from moderator.formats.export import export_decisions
from moderator.importing import FORMAT_NAMES, ImportProgress, import_files
from moderator.importing.demo import load_demo
from moderator.inifile import read_settings
from moderator.moderation.decisions import decide, last_undoable, reply, undo
from moderator.reading import queries, queue
from moderator.reading.queue import QueueQuery, ScoreRange
from moderator.scoring.priority import thresholds_from
from moderator.scoring.registry import model_identity
from moderator.scoring.store import find_model, score_fields
from moderator.settings import STAFF_NAME
from moderator.storage.backup import backup_database, restore_database
from moderator.storage.database import Database, open_database
from moderator.storage.pgpassword import password_in
from moderator.vocabulary import HIDE_REASONS, STATUS_AFTER, VISIBLE_TO_MODERATORS, Action, QueueKind, Sort

log = logging.getLogger("moderator")

DESCRIPTION = f"""{APP_NAME}: review reader comments on your own machine.

With no command, opens the app. The commands below work on the same database
for automation and offline batch work."""

EPILOG = """Data folder: --home, else $MODERATOR_HOME, else the platform's user data folder.
Database:    --db URL, else $MODERATOR_DB, else Preferences' Database, else moderator.sqlite in the
             data folder."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="moderator", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--home", metavar="DIR", help="data folder (database, models, backups, logs)")
    parser.add_argument("--db", metavar="URL", help="SQLAlchemy database URL (default: SQLite file in the data folder)")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation (offscreen, on a temporary data folder) and exit; "
                             "with --db, then check that database too (read, and a decision rolled back)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("gui", help="open the app (the default)")
    commands.add_parser("db-password", help="keep the --db team database's password in the credential store "
                                            "(asked for; never put it in --db)")
    commands.add_parser("demo", help="load the demo article and comment threads (a second run adds nothing)")

    p = commands.add_parser("import", help="import comment exports, article pages or a decisions file",
                            epilog="Formats: " + ", ".join(f"{f.name} ({f.label})" for f in FORMATS.values()))
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--format", default="auto", choices=("auto", *FORMAT_NAMES),
                   help="file format; auto (default) detects it from the content and says which")
    p.add_argument("--site", metavar="KEY", help="the site the comments belong to (default: the one the file names)")
    p.add_argument("--json", action="store_true", help="print the counts as one JSON object per file")

    p = commands.add_parser("queue", help="list comments waiting for review (or another queue), as the window's queue does",
                            epilog="Pages through the queue with the window's own keyset reads: any depth, any size.")
    p.add_argument("--status", default=QueueKind.PENDING, choices=tuple(QueueKind),
                   help="which queue (default pending; flagged: pending comments at or above Medium priority)")
    p.add_argument("--sort", default=Sort.NEWEST, choices=tuple(Sort),
                   help="order (default newest; relevance: best match first with --search)")
    p.add_argument("--search", default="", metavar="TEXT", help='words, "a phrase" or prefix* in the text or author name')
    p.add_argument("--article", type=int, metavar="ID", help="only this article's comments")
    p.add_argument("--author", metavar="NAME", help="only this commenter's comments (the exact name)")
    p.add_argument("--score", type=_score_range, metavar="LOW-HIGH",
                   help="only comments the model scores in this range, e.g. 0.8-1 (on --label, else the main label)")
    p.add_argument("--label", metavar="LABEL", help="the label --score reads (default: the model's main label)")
    p.add_argument("--since", type=_time_argument, metavar="TIME", help="only comments written at or after TIME")
    p.add_argument("--until", type=_time_argument, metavar="TIME", help="only comments written before TIME")
    p.add_argument("--limit", type=int, default=50, help="at most this many (default 50; 0 for all)")
    p.add_argument("--json", action="store_true", help="print a JSON array")

    p = commands.add_parser("decide", help="approve, hide, restore, feature or unfeature a comment",
                            epilog="Hide reasons: " + ", ".join(HIDE_REASONS))
    p.add_argument("comment_id", type=int, metavar="COMMENT_ID")
    p.add_argument("action", choices=(*STATUS_AFTER, Action.FEATURE, Action.UNFEATURE))
    p.add_argument("--reason", choices=tuple(HIDE_REASONS), help="why it is hidden (required for hide)")
    p.add_argument("--note", default="", help="free text kept with the decision")
    p.add_argument("--if-status", choices=tuple(VISIBLE_TO_MODERATORS), metavar="STATUS",
                   help="decide only if the comment is still pending, approved or hidden (else refuse, changing nothing)")
    p.add_argument("--if-version", type=int, metavar="N",
                   help="decide only if the comment is still at version N, as `queue --json` showed it (else refuse, "
                        "saying who changed it when, and change nothing)")
    _add_moderator(p)

    p = commands.add_parser("reply", help="reply to a comment as staff")
    p.add_argument("comment_id", type=int, metavar="COMMENT_ID")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--as", dest="author", metavar="NAME",
                   help="the name readers see on the reply (default: the staff name set in the app, else --moderator)")
    _add_moderator(p)

    p = commands.add_parser("undo", help="undo your latest decision that is not undone yet")
    _add_moderator(p)

    p = commands.add_parser("export", help="export data for the site")
    p.add_argument("what", choices=("decisions",))
    p.add_argument("out", type=Path, metavar="OUT")
    p.add_argument("--since", type=_time_argument, metavar="TIME", help="only decisions made at or after TIME (ISO 8601)")
    p.add_argument("--format", choices=EXPORT_FORMATS, help="jsonl or csv (default: from OUT's suffix, else jsonl)")

    p = commands.add_parser("backup", help="copy the database to a file (safe while the app runs)")
    p.add_argument("out", type=Path, metavar="OUT")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")

    p = commands.add_parser("restore", help="replace the database with a backup (close the app first)")
    p.add_argument("backup", type=Path, metavar="IN")
    p.add_argument("--force", action="store_true", help="replace a database that holds data (a copy is kept)")

    p = commands.add_parser("stats", help="counts of articles, comments by status and decisions")
    p.add_argument("--json", action="store_true")
    cli_scoring.add_commands(commands)
    cli_insight.add_commands(commands, _time_argument)
    cli_sites.add_commands(commands)
    cli_words.add_commands(commands)
    cli_rules.add_commands(commands, _time_argument)
    COMMANDS.update(cli_scoring.HANDLERS | cli_insight.HANDLERS | cli_sites.HANDLERS | cli_words.HANDLERS
                    | cli_rules.HANDLERS)
    return parser


def _add_moderator(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--moderator", default=getpass.getuser(), metavar="NAME",
                        help="who decides (default: your user name)")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = resolve_paths(args.home)
    if args.command == "db-password" or password_in(args.db):
        return _team_password(args)
    if args.self_test:
        from moderator.gui.selftest import run_self_test

        code = run_self_test(paths.models)
        if code == 0 and args.db:
            from moderator.cli.teamcheck import check_team_database

            code = check_team_database(args.db)
        return code
    if args.command in (None, "gui"):
        from moderator.gui.app import run_app  # Qt is loaded only for the app

        try:
            url = database_url(paths, args.db)
        except ModeratorError as refused:
            return _fail(str(refused))
        return run_app(paths, url)
    try:
        with _database(paths, args.db) as db:
            return COMMANDS[args.command](db, args)
    except Exception as error:  # noqa: BLE001 - an expected failure is one sentence; a bug goes to the log
        sentence = explain(error)
        return _fail(sentence if sentence is not None else _log_bug(paths, error, args.command))


def _team_password(args: argparse.Namespace) -> int:
    """Keep a team database's password; a password typed into --db is refused (one sentence)."""
    from moderator.cli.teampassword import cmd_db_password
    from moderator.storage.pgpassword import refuse_password_in

    try:
        refuse_password_in(args.db)
        return cmd_db_password(args)
    except ModeratorError as error:
        return _fail(str(error))


@contextmanager
def _database(paths: AppPaths, db_url: str | None) -> Iterator[Database]:
    paths.ensure()
    db = open_database(database_url(paths, db_url), paths.backups)
    try:
        yield db
    finally:
        db.dispose()


def _fail(message: str) -> int:
    print(f"moderator: {message}", file=sys.stderr)
    return 1


def _log_bug(paths: AppPaths, error: BaseException, command: str) -> str:
    """The full traceback appended to the app's log file, as the app writes it; the sentence to print."""
    try:
        paths.logs.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(paths.log_file, encoding="utf-8")
    except OSError as why:  # no log to keep it: the traceback is printed rather than lost
        traceback.print_exception(error)
        return f"unexpected error, shown above ({paths.log_file} could not be written: {why.strerror or why})"
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    log.addHandler(handler)
    try:
        log.error("unexpected error in `moderator %s`", command, exc_info=error)
    finally:
        log.removeHandler(handler)
        handler.close()
    return f"unexpected error; details are in {paths.log_file}"


def cmd_demo(db: Database, args: argparse.Namespace) -> int:
    with db.write_sessions() as session:
        reports = load_demo(session)
    comments = sum(r.comments.added for r in reports)
    articles = sum(r.articles.added for r in reports)
    print(f"Demo data: {articles} articles and {comments} comments added.")
    return 0


def cmd_import(db: Database, args: argparse.Namespace) -> int:
    for path in args.files:  # each file is its own transaction: a bad one keeps nothing of itself
        with db.import_sessions() as session:
            report = import_files(session, [path], args.format, args.site, _progress_printer())[0]
        if args.json:
            print(json.dumps(report.as_dict(), ensure_ascii=False))
        else:
            print(report.summary())
        for warning in report.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    return 0


def _progress_printer() -> Callable[[ImportProgress], None]:
    """Progress on stderr, for files that take more than a second: at most once a second."""
    started = time.monotonic()
    last = [started]

    def show(progress: ImportProgress) -> None:
        now = time.monotonic()
        if now - last[0] >= 1.0:
            last[0] = now
            print(f"{progress.path}: {progress.fraction:.0%}, {progress.records:,} records, "
                  f"{now - started:.0f} s", file=sys.stderr, flush=True)

    return show


def _time_argument(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not an ISO 8601 time, e.g. 2025-04-29T22:00") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def cmd_queue(db: Database, args: argparse.Namespace) -> int:
    paths = resolve_paths(args.home)
    identity, thresholds = model_identity(paths.models), thresholds_from(read_settings(paths.settings_file))
    with db.sessions() as session:
        model_id = find_model(session, identity)
        scores = (ScoreRange(args.score[0], args.score[1], args.label),) if args.score else ()
        query = QueueQuery(kind=args.status, sort=args.sort, model_id=model_id, flagged_from=thresholds.medium,
                           article_id=args.article, author=args.author, scores=scores, since=args.since,
                           until=args.until, search=args.search)
        rows = queue.first_rows(session, query, args.limit or None)
        fields = score_fields(session, identity, [row.id for row in rows], thresholds)
    if args.json:
        print(json.dumps([row.as_json() | fields[row.id] for row in rows], ensure_ascii=False, indent=1))
        return 0
    for row in rows:
        first_line = row.body.splitlines()[0] if row.body else ""
        shown = fields[row.id]["priority"] or "-"
        print(f"{row.id:>7}  {row.created_at:%Y-%m-%d %H:%M}  {row.status:<8}  {shown:<6}  {row.author[:20]:<20}  "
              f"{first_line[:64]}")
    return 0


def _score_range(value: str) -> tuple[float, float | None]:
    low, _, high = value.partition("-")
    try:
        bounds = float(low), (float(high) if high.strip() else None)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a score range such as 0.8-1") from None
    if not 0 <= bounds[0] <= (bounds[1] if bounds[1] is not None else 1) <= 1:
        raise argparse.ArgumentTypeError(f"'{value}': scores run from 0 to 1, low first")
    return bounds[0], (None if bounds[1] == 1 else bounds[1])  # up to 1 means 1 included


def cmd_decide(db: Database, args: argparse.Namespace) -> int:
    with db.decision_sessions() as session:  # one comment: beside the team's other decisions, as in the window
        changes = decide(session, [args.comment_id], args.action, args.moderator, args.reason, args.note,
                         if_status=args.if_status,
                         seen={args.comment_id: args.if_version} if args.if_version is not None else None)
        session.commit()
    if not changes.decided:
        already = STATUS_AFTER.get(args.action) or f"{args.action}d"
        print(f"Comment {args.comment_id} is already {already}; nothing was changed.")
        return 0
    made = changes.decided[0]
    if args.action in (Action.FEATURE, Action.UNFEATURE):
        print(f"Comment {made.comment_id}: {args.action}d (decision {made.decision_id}).")
        return 0
    print(f"Comment {made.comment_id}: {made.status_before} → {made.status_after} (decision {made.decision_id}).")
    return 0


def cmd_reply(db: Database, args: argparse.Namespace) -> int:
    author = args.author or read_settings(resolve_paths(args.home).settings_file).get(STAFF_NAME) or None
    with db.write_sessions() as session:
        changes = reply(session, args.comment_id, args.text, args.moderator, author)
        session.commit()
    print(f"Replied to comment {args.comment_id} as staff (comment {changes.decided[0].comment_id}).")
    return 0


def cmd_undo(db: Database, args: argparse.Namespace) -> int:
    with db.write_sessions() as session:
        changes = undo(session, last_undoable(session, args.moderator), args.moderator)
        session.commit()
    made = changes.decided
    if len(made) == 1:
        print(f"Undone: comment {made[0].comment_id} is now {made[0].status_after} (decision {made[0].decision_id}).")
    else:
        print(f"Undone: a bulk action on {len(made):,} comments (decisions {made[0].decision_id}–{made[-1].decision_id}).")
    return 0


def cmd_export(db: Database, args: argparse.Namespace) -> int:
    file_format = args.format or ("csv" if args.out.suffix.lower() == ".csv" else "jsonl")
    with db.sessions() as session:
        count = export_decisions(session, args.out, args.since, file_format)
    print(f"{count} decisions written to {args.out}.")
    return 0


def cmd_backup(db: Database, args: argparse.Namespace) -> int:
    info = backup_database(db.engine, args.out, args.force)
    print(f"Backed up to {info.path} ({info.size / 2**20:.1f} MB, schema {info.revision}).")
    return 0


def cmd_restore(db: Database, args: argparse.Namespace) -> int:
    info = restore_database(db.engine, args.backup, resolve_paths(args.home).backups, args.force)
    kept = f"; the replaced database was kept as {info.replaced_copy}" if info.replaced_copy else ""
    print(f"Restored from {info.source} (schema {info.revision}){kept}.")
    return 0


def cmd_stats(db: Database, args: argparse.Namespace) -> int:
    with db.sessions() as session:
        figures = queries.stats(session)
    if args.json:
        print(json.dumps(figures))
    else:
        comments, decisions = figures["comments"], figures["decisions"]
        print(f"Articles:  {figures['articles']}")
        print("Comments:  " + ", ".join(f"{n} {status}" for status, n in comments.items()))
        print("Decisions: " + ", ".join(f"{n} {action}" for action, n in decisions.items()))
    return 0


Handler = Callable[[Database, argparse.Namespace], int]
COMMANDS: dict[str, Handler] = {
    "demo": cmd_demo, "import": cmd_import, "queue": cmd_queue, "decide": cmd_decide,
    "reply": cmd_reply, "undo": cmd_undo, "export": cmd_export, "stats": cmd_stats,
    "backup": cmd_backup, "restore": cmd_restore,
}
