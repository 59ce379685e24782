"""Where the app keeps its files, and which database it opens."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from moderator import APP_ID
from moderator.filemodes import private_file, private_folder, tighten_tree

# seeds/, ui/ and resources/ sit beside the package, in the source tree as in the
# frozen bundle (packaging/ copies them there); the app runs from one of the two.
APP_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = APP_ROOT / "seeds"
FORMS_DIR = APP_ROOT / "ui"
RESOURCES_DIR = APP_ROOT / "resources"

HOME_ENV = "MODERATOR_HOME"
DB_ENV = "MODERATOR_DB"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"  # <home>/logs/moderator.log, app and CLI


@dataclass(frozen=True)
class AppPaths:
    """The data folder: database, models, backups and logs, plus the settings file."""

    home: Path
    settings_file: Path

    @property
    def database(self) -> Path:
        return self.home / "moderator.sqlite"

    @property
    def backups(self) -> Path:
        return self.home / "backups"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs / "moderator.log"

    @property
    def models(self) -> Path:
        return self.home / "models"

    def ensure(self) -> None:
        """Create the data folder readable by its owner only, and tighten what an earlier
        version left readable by others (docs/formats.md, "Who can read the files")."""
        for folder in (self.home, self.backups, self.logs, self.models, self.settings_file.parent):
            private_folder(folder)
        for name in ("", "-wal", "-shm", "-journal"):
            database_file = self.database.with_name(self.database.name + name)
            if database_file.exists():
                private_file(database_file)
        for file in (self.settings_file, self.log_file):  # created 0600 here, so their writers keep that
            private_file(file)
        for folder in (self.backups, self.logs):
            tighten_tree(folder)


def resolve_paths(home: str | None = None) -> AppPaths:
    """--home, then $MODERATOR_HOME, then the platform's user data folder.

    An explicit home is a self-contained profile, so its settings live inside it;
    otherwise settings go to the platform's config folder.
    """
    chosen = home or os.environ.get(HOME_ENV)
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return AppPaths(home=root, settings_file=root / "settings.ini")
    return AppPaths(
        home=Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
        settings_file=Path(platformdirs.user_config_dir(APP_ID, appauthor=False)) / "settings.ini",
    )


def resolve_db_url(paths: AppPaths, db: str | None = None, chosen: str = "") -> str:
    """--db, then $MODERATOR_DB, then `chosen` (the Preferences' database address: see
    moderator.cli.launch.database_url), then the SQLite file in the data folder."""
    return db or os.environ.get(DB_ENV) or chosen or f"sqlite:///{paths.database}"
