"""Where a connection's secret lives: the platform's credential store, through `keyring`.

Never in the database, the settings, the logs or an export. Where no credential store
exists (a server, a minimal desktop: keyring's backend says so), the app says so and
asks for the secret each session (kept in this process's memory only), unless the user
chose a file readable only by them (0600, in the data folder's `secrets/`).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from moderator.errors import ModeratorError
from moderator.filemodes import open_private, private_folder
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence, translate
from moderator.storage.credentials import SERVICE as SERVICE  # re-exported: one credential store for all
from moderator.storage.credentials import store_available as store_available

KEYRING, FILE, SESSION = "keyring", "file", "session"
PLACES = (KEYRING, FILE, SESSION)
NO_STORE = QT_TRANSLATE_NOOP("connectors", "This computer has no credential store (keyring found no backend), so the "
                                           "app cannot keep the secret safely: it asks for it each session, unless you "
                                           "choose to keep it in a file readable only by you.")

_session: dict[str, str] = {}  # this process's memory: secrets asked for this session
_lock = threading.Lock()


def account(site_key: str, username: str) -> str:
    return f"{site_key}|{username}"


class Secrets:
    """Reads and keeps secrets by (site, user) in the place each connection chose."""

    def __init__(self, folder: Path):
        self.folder = folder  # <data folder>/secrets, for the FILE place

    def get(self, place: str, site_key: str, username: str) -> str | None:
        name = account(site_key, username)
        if place == KEYRING and store_available():
            import keyring

            return keyring.get_password(SERVICE, name)
        if place == FILE:
            return self._read_file().get(name)
        with _lock:
            return _session.get(name)

    def keep(self, place: str, site_key: str, username: str, secret: str) -> None:
        name = account(site_key, username)
        if place == KEYRING:
            if not store_available():
                raise ModeratorError(translate("connectors", NO_STORE))
            import keyring

            keyring.set_password(SERVICE, name, secret)
        elif place == FILE:
            kept = self._read_file()
            kept[name] = secret
            self._write_file(kept)
        with _lock:
            _session[name] = secret  # also for this session: no second look-up

    def forget(self, place: str, site_key: str, username: str) -> None:
        name = account(site_key, username)
        with _lock:
            _session.pop(name, None)
        if place == KEYRING and store_available():
            import keyring
            from keyring.errors import PasswordDeleteError

            try:
                keyring.delete_password(SERVICE, name)
            except PasswordDeleteError:
                pass
        elif place == FILE:
            kept = self._read_file()
            if kept.pop(name, None) is not None:
                self._write_file(kept)

    @property
    def file(self) -> Path:
        return self.folder / "site-secrets.json"

    def _read_file(self) -> dict[str, str]:
        try:
            kept = json.loads(self.file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            raise ModeratorError(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{file}: the secrets file could not be read ({error}); remove it and enter the "
                                            "secrets again."), file=self.file, error=error)) from None
        return {str(k): str(v) for k, v in kept.items()} if isinstance(kept, dict) else {}

    def _write_file(self, kept: dict[str, str]) -> None:
        private_folder(self.folder)
        partial = self.file.with_name(self.file.name + ".partial")
        with open_private(partial, encoding="utf-8") as stream:
            json.dump(kept, stream)
        partial.replace(self.file)
