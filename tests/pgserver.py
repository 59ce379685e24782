"""A throwaway PostgreSQL server for the tests, from Debian's `postgresql` package.

One server per test session, on 127.0.0.1 at a free port, with a data folder of its own
(not the machine's cluster, which it never touches), tuned for speed over durability
(`fsync=off`: the data dies with the session anyway). `initdb` refuses to run as root, so
as root the server runs as the `postgres` user (`runuser`); as anyone else, as them.

Each test gets a fresh database cheaply: `CREATE DATABASE … TEMPLATE` a template migrated
once per session (`fresh_database`), or an empty one (`empty_database`) for the migration
tests. A server that cannot start raises `ServerUnavailable` (tests/siteservers.py) with one
sentence saying why; the fixtures turn it into a failure, never a skip.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.siteservers import ServerUnavailable, free_port

APT_LINE = "apt-get install -y --no-install-recommends postgresql"
SUPERUSER = "postgres"
TEMPLATE = "moderator_template"
# A role that must give its password (every other connection is trusted): for the tests of
# where the app finds a password (~/.pgpass, the credential store).
PASSWORD_ROLE, PASSWORD = "moderator_with_password", "team-secret"
SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "unix_socket_directories": "",  # TCP only: no socket file in a shared folder
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "300",  # the tests' engines each keep a small pool open
    "shared_buffers": "64MB",
}


def server_binaries() -> Path:
    """The newest installed server's bin folder (Debian: /usr/lib/postgresql/<major>/bin)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name)
                   if p.parent.parent.name.isdigit() else 0)
    if found:
        return found[-1].parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).resolve().parent
    raise ServerUnavailable(f"PostgreSQL's server programs (initdb, pg_ctl) are not installed: {APT_LINE}")


class PostgresServer:
    def __init__(self) -> None:
        self.bin = server_binaries()
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="moderator-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self._numbers = itertools.count(1)
        self._started = False

    # --- the server ---------------------------------------------------------------------
    def start(self) -> None:
        self._hand_folder_to_server_user()
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync", "--no-instructions")
        self._ask_password_of(PASSWORD_ROLE)
        options = " ".join(f"-c {name}={value!r}" if value == "" else f"-c {name}={value}"
                           for name, value in SETTINGS.items())
        options += f" -c port={self.port}"
        self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data), "-l", str(self.log), "-o", options)
        self._started = True
        self.execute(f"CREATE ROLE {PASSWORD_ROLE} LOGIN SUPERUSER PASSWORD '{PASSWORD}'")
        self._make_template()

    def stop(self) -> None:
        if self._started:
            try:
                self._run("pg_ctl", "stop", "-w", "-t", "30", "-m", "immediate", "-D", str(self.data))
            except ServerUnavailable:
                pass  # already gone: nothing left to stop
            self._started = False
        shutil.rmtree(self.folder, ignore_errors=True)

    def _ask_password_of(self, role: str) -> None:
        """pg_hba.conf: the role's connections give a password; the first line that matches rules."""
        hba = self.data / "pg_hba.conf"
        hba.write_text(f"host all {role} 127.0.0.1/32 scram-sha-256\n" + hba.read_text())

    def _hand_folder_to_server_user(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.folder, SUPERUSER, SUPERUSER)
        self.folder.chmod(0o700)

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", SUPERUSER, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd="/", timeout=120)
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip()[-600:]
            log = self.log.read_text(errors="replace")[-600:] if self._readable(self.log) else ""
            raise ServerUnavailable(f"PostgreSQL's {program} failed ({done.returncode}): {tail} {log}".strip())

    @staticmethod
    def _readable(path: Path) -> bool:
        try:
            return path.exists()
        except PermissionError:
            return False

    # --- databases ----------------------------------------------------------------------
    def url(self, database: str = SUPERUSER, role: str = SUPERUSER) -> str:
        return f"postgresql+psycopg://{role}@127.0.0.1:{self.port}/{database}"

    def execute(self, *statements: str) -> None:
        """Statements outside a transaction (CREATE / DROP DATABASE need that)."""
        engine = create_engine(self.url(), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                for statement in statements:
                    connection.execute(text(statement))
        finally:
            engine.dispose()

    def _make_template(self) -> None:
        """The template every test's database copies: the app's schema at head."""
        from moderator.storage.engine import make_engine
        from moderator.storage.migrate import upgrade

        self.execute(f"CREATE DATABASE {TEMPLATE} TEMPLATE template0")
        engine = make_engine(self.url(TEMPLATE))
        try:
            upgrade(engine)
        finally:
            engine.dispose()

    def fresh_database(self) -> str:
        """The URL of a new database with the schema at head (a copy of the template)."""
        name = f"test_{next(self._numbers)}"
        self.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE} STRATEGY FILE_COPY")
        return self.url(name)

    def empty_database(self) -> str:
        """The URL of a new database with no tables at all."""
        name = f"empty_{next(self._numbers)}"
        self.execute(f"CREATE DATABASE {name} TEMPLATE template0")
        return self.url(name)

    def drop(self, url: str) -> None:
        """Drop a test's database, closing what its test left connected."""
        name = url.rsplit("/", 1)[1]
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
