"""Where the app finds a team database's password: never in the URL on a command line, nor
in the settings (anyone who can list processes or read the file would have it).

1. The platform's credential store (keyring, as the site connections' secrets:
   credentials.py), under the database's address: `moderator db-password`
   keeps it there. Looked up only when the URL carries no password.
2. Else libpq's own ~/.pgpass (or $PGPASSFILE), which psycopg and pg_dump read themselves.
"""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from moderator.errors import ModeratorError
from moderator.storage.credentials import SERVICE, store_available

PGPASS_LINE = "host:port:database:user:password"


def account(url: URL) -> str:
    """The credential store's name for the database's password: who, where, which database."""
    return f"postgresql://{url.username}@{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def with_stored_password(url: str | URL) -> URL:
    """The URL with the password the credential store keeps for it, if it had none and one is kept."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or parsed.password is not None or not store_available():
        return parsed
    import keyring

    password = keyring.get_password(SERVICE, account(parsed))
    return parsed.set(password=password) if password is not None else parsed


def keep_password(url: str | URL, password: str) -> str:
    """Keep the password in the credential store; returns the account it is kept under."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ModeratorError(f"{parsed.render_as_string(hide_password=True)} is not a PostgreSQL database; "
                             "only a team database has a password.")
    if not store_available():
        raise ModeratorError("This computer has no credential store (keyring found no backend); put the password "
                             f"in ~/.pgpass instead, one line {PGPASS_LINE}, readable only by you (chmod 600).")
    import keyring

    keyring.set_password(SERVICE, account(parsed), password)
    return account(parsed)


def password_in(url: str | None) -> bool:
    """Does the URL carry a password? (False for what is no URL: opening it says what is wrong.)"""
    try:
        return bool(url) and make_url(url or "").password is not None
    except (ArgumentError, ValueError):  # not a URL (yet: a port being typed is not a number)
        return False


# Where a database address is typed, and why a password may not be in it there.
COMMAND_LINE, PREFERENCES = "--db", "the database address"
_WHY = {COMMAND_LINE: "anyone on this computer can read a command line",
        PREFERENCES: "the settings file would keep it in plain text"}


def refuse_password_in(url: str | None, where: str = COMMAND_LINE) -> None:
    """A password typed on the command line is readable by every user of the computer; one in
    the settings by anyone who reads the file."""
    if password_in(url):
        raise ModeratorError(f"Leave the password out of {where} ({_WHY[where]}): "
                             "keep it with `moderator db-password --db URL` or in ~/.pgpass.")
