"""Backups of a team database on PostgreSQL, through PostgreSQL's own `pg_dump` and
`pg_restore` (found on PATH, else the newest in /usr/lib/postgresql/*/bin: Debian's
postgresql-client): a backup, the copy kept before a migration or a restore, and a
restore. A dump is the custom format (`pg_dump -Fc`): one compressed file.

The programs connect as the app does: the URL without its password on the command line
(other users can read a command line); the password, when there is one, in their
environment (PGPASSWORD), else libpq's own ~/.pgpass.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from moderator.errors import ModeratorError
from moderator.filemodes import private_file, private_folder

SEARCHED = Path("/usr/lib/postgresql")
_VERSION = re.compile(r"COPY [\w.]*alembic_version \(version_num\) FROM stdin;\n([^\n\\]+)\n")


def find_tool(name: str) -> str:
    """The path of PostgreSQL's `name` program (pg_dump, pg_restore), or one sentence saying it is missing."""
    on_path = shutil.which(name)
    if on_path:
        return on_path
    found = sorted(SEARCHED.glob(f"*/bin/{name}"), key=lambda p: _major(p.parent.parent.name))
    if found:
        return str(found[-1])
    raise ModeratorError(f"PostgreSQL's {name} was not found (on PATH or in {SEARCHED}/*/bin); install the "
                         "PostgreSQL client programs (Debian: postgresql-client) to back up or restore a team database.")


def _major(name: str) -> int:
    return int(name) if name.isdigit() else 0


def _connection(engine: Engine) -> tuple[str, dict[str, str]]:
    """libpq's connection URI without the password, and the environment that carries it."""
    url = engine.url
    uri = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return uri, env


def _run(engine: Engine, program: str, *args: str) -> str:
    uri, env = _connection(engine)
    done = subprocess.run([find_tool(program), *args, f"--dbname={uri}"], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise ModeratorError(f"PostgreSQL's {program} failed: {last}")
    return done.stdout


def dump(engine: Engine, target: Path) -> Path:
    """The whole database into `target` (written aside, then renamed: never half a file)."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    private_file(partial)
    try:
        _run(engine, "pg_dump", "--format=custom", f"--file={partial}")
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    return target


def copy_aside(engine: Engine, folder: Path, label: str) -> Path:
    """A dump of the database in `folder`, named by `label` and the time."""
    private_folder(folder)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return dump(engine, folder / f"moderator-{label}-{stamp}.dump")


def dump_revision(path: Path) -> str:
    """The schema revision inside a dump; a ModeratorError if it is not one of ours."""
    args = ["--data-only", "--table=alembic_version", "--file=-", str(path)]
    done = subprocess.run([find_tool("pg_restore"), *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise ModeratorError(f"{path} is not a PostgreSQL dump (pg_restore: "
                             f"{(done.stderr.strip().splitlines() or ['unreadable'])[-1]}); nothing was restored.")
    found = _VERSION.search(done.stdout)
    if found is None:
        raise ModeratorError(f"{path} is not a Comment Moderator database; nothing was restored.")
    return found.group(1)


def restore(engine: Engine, source: Path) -> None:
    """Replace what the database holds with the dump's content, in one transaction (all
    of it or nothing). Ownership is the restoring user's (the dump may come from another
    server, with other roles)."""
    engine.dispose()  # the app's own connections would hold locks the restore waits for
    _run(engine, "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
         "--exit-on-error", str(source))
