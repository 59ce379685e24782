"""Where the app finds a team database's password: libpq's ~/.pgpass, or this computer's
credential store (kept by `moderator db-password`); never a password typed into --db."""

from __future__ import annotations

import io

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import text

from moderator.storage.database import open_database
from moderator.storage.engine import make_engine
from tests.pgserver import PASSWORD, PASSWORD_ROLE


@pytest.fixture
def credential_store():
    """A credential store in this process's memory (this machine has none). Made after
    keyring chose its backend: a subclass of KeyringBackend defined earlier would have been
    chosen for every test of the session."""
    before = keyring.get_keyring()

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.kept: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.kept.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.kept[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.kept.pop((service, username), None)

    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(before)


@pytest.fixture
def guarded_url(pg_server, pg_url, monkeypatch, tmp_path) -> str:
    """The test's database, as the role that must give its password; no ~/.pgpass of the machine's."""
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    return pg_server.url(pg_url.rsplit("/", 1)[1], role=PASSWORD_ROLE)


def who(url) -> str:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT current_user")).scalar()
    finally:
        engine.dispose()


def test_without_a_password_anywhere_the_server_refuses(guarded_url):
    with pytest.raises(Exception, match="password"):
        who(guarded_url)


def test_the_password_in_pgpass_is_found(guarded_url, pg_server, tmp_path, monkeypatch):
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{pg_server.port}:*:{PASSWORD_ROLE}:{PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    assert who(guarded_url) == PASSWORD_ROLE


def test_the_password_kept_by_db_password_is_found_and_backups_use_it(guarded_url, credential_store, cli, paths,
                                                                      monkeypatch, tmp_path):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code, out, err = cli("--db", guarded_url, "db-password")
    assert code == 0, err
    assert "kept in this computer's credential store" in out and PASSWORD not in out
    assert who(guarded_url) == PASSWORD_ROLE
    code, out, err = cli("--db", guarded_url, "backup", str(tmp_path / "team.dump"))  # pg_dump gets it too
    assert code == 0, err


def test_a_password_in_the_command_line_is_refused(pg_server, pg_url, cli, paths):
    with_password = pg_url.replace("postgres@", f"postgres:{PASSWORD}@")
    code, out, err = cli("--db", with_password, "stats")
    assert code == 1 and out == ""
    assert err.startswith("moderator: Leave the password out of --db") and err.count("\n") == 1
    assert PASSWORD not in err


def test_without_a_credential_store_db_password_points_to_pgpass(guarded_url, cli, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code, _out, err = cli("--db", guarded_url, "db-password")
    assert code == 1 and "~/.pgpass" in err and err.count("\n") == 1, (_out, err)


def test_opening_the_team_database_with_the_stored_password(guarded_url, credential_store, paths):
    from moderator.storage.pgpassword import keep_password

    keep_password(guarded_url, PASSWORD)
    database = open_database(guarded_url, paths.backups)
    try:
        with database.sessions() as session:
            assert session.execute(text("SELECT current_user")).scalar() == PASSWORD_ROLE
    finally:
        database.dispose()


def test_a_password_in_the_preferences_database_address_is_refused(cli, paths):
    """A settings file edited by hand: the address is not used, and the sentence says why."""
    paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text("[database]\nurl=postgresql+psycopg://ana:secret@db.example/moderation\n")
    code, _out, err = cli("queue")
    assert code == 1 and err.count("\n") == 1
    assert err.startswith("moderator: Leave the password out of the database address (the settings file")
