"""The platform's credential store (keyring), as the app uses it for every secret: a site
connection's (moderator/connectors/secrets.py) and a team database's password
(pgpassword.py), each under the app's one service name."""

from __future__ import annotations

SERVICE = "comment-moderator"


def store_available() -> bool:
    """Whether keyring has a real credential store here (its fail backend has priority 0)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 1) > 0
