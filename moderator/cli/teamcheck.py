"""`moderator --self-test --db URL`: IT's check of a team database, after the app's own
self-test. It reads, and writes only inside a transaction it rolls back: it never migrates,
never changes a comment. Each check says what it found, one line each; the first failure
ends the check with one sentence."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import SQLAlchemyError

from moderator.errors import ModeratorError, explain
from moderator.moderation.decisions import decide
from moderator.storage import pgbackup, pgparts
from moderator.storage.engine import make_engine, make_session_factory
from moderator.storage.migrate import current_revision, head_revision, known_revisions
from moderator.storage.models import Comment
from moderator.vocabulary import Action, Status


def check_team_database(url: str, report: Callable[[str], None] = print) -> int:
    """0 when every check passed, else 1 (the failure reported as one line)."""
    engine = make_engine(url)
    try:
        for line in _checks(engine):
            report(f"ok: {line}")
    except (ModeratorError, SQLAlchemyError) as error:
        report(f"FAILED: {explain(error) or _one_line(error)}")
        return 1
    finally:
        engine.dispose()
    report("team database check passed")
    return 0


def _one_line(error: BaseException) -> str:
    """The database's own words (the driver's first line), without SQLAlchemy's frame."""
    return str(getattr(error, "orig", None) or error).strip().splitlines()[0]


def _checks(engine: Engine) -> Iterator[str]:
    where = engine.url.render_as_string(hide_password=True)
    with engine.connect() as connection:
        version = connection.execute(text("SHOW server_version")).scalar() if _postgresql(engine) else "SQLite"
        user = connection.execute(text("SELECT current_user")).scalar() if _postgresql(engine) else "-"
    yield f"connected to {where} ({engine.dialect.name} {version}) as {user}"
    yield _schema(engine)
    if _postgresql(engine):
        yield _postgresql_parts(engine)
        yield _backups()
    yield _decision_rolled_back(engine)


def _postgresql(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def _schema(engine: Engine) -> str:
    current, head = current_revision(engine), head_revision(engine)
    if current == head:
        return f"schema at revision {head}, this app's"
    if current is None:
        return "no schema yet: the first app to open the database creates it"
    if current not in known_revisions(engine):
        raise ModeratorError(f"The database's schema ({current}) is newer than this app's ({head}); update the app.")
    return f"schema at revision {current}: the first app of this version to open it migrates it to {head}"


def _postgresql_parts(engine: Engine) -> str:
    with engine.connect() as connection:
        triggers = set(connection.execute(text(
            "SELECT tgname FROM pg_trigger WHERE tgname IN "
            "('scores_status_insert', 'comments_status_scores', 'comments_status_scores_moves')")).scalars())
        index = connection.execute(text("SELECT 1 FROM pg_indexes WHERE indexname = :name"),
                                   {"name": pgparts.WORDS_INDEX}).scalar()
    if current_revision(engine) == head_revision(engine) and (len(triggers) != 2 or not index):
        raise ModeratorError("The database lacks the status triggers or the full-text index of migrations 0013 and 0017; "
                             "restore it from a backup or ask for help.")
    return "the status triggers and the full-text index are in place"


def _backups() -> str:
    try:
        return f"backups through {pgbackup.find_tool('pg_dump')} and {pgbackup.find_tool('pg_restore')}"
    except ModeratorError as missing:
        return f"(note) {missing}"


def _decision_rolled_back(engine: Engine) -> str:
    """A decision and its checks, as a moderator's: written, then rolled back."""
    if current_revision(engine) != head_revision(engine):
        return "no decision tried: the schema is not yet this app's"
    with make_session_factory(engine, write=True, patience=10)() as session:
        comment_id = session.scalar(select(Comment.id).where(Comment.status == Status.PENDING).limit(1))
        if comment_id is None:
            return "no pending comment to try a decision on"
        decide(session, [comment_id], Action.APPROVE, "self-test")
        session.rollback()
    return f"a decision on comment {comment_id} written and rolled back (write access and the write lock work)"
