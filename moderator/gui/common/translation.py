"""The app in the moderator's language: Qt's translators for it, installed before the window
is built. Our strings go through `translate` (QCoreApplication.translate, which
pyside6-lupdate finds), or are marked where they are declared with QT_TRANSLATE_NOOP and
translated where they are shown. The catalogues' sources are resources/translations/*.ts;
`make run`, `make test` and the installer's build compile them to .qm beside them
(pyside6-lrelease): a compiled catalogue is never committed.

The language is the one chosen in Preferences, or the system's; one we have no catalogue
for is English (the source text). Qt's own catalogue (qtbase) comes along, for the words of
standard buttons and dialogs. The core's one-sentence errors are marked with moderator.i18n's
`translate`, which `install` points at Qt's translation too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from moderator import i18n
from moderator.config import RESOURCES_DIR

CATALOGUES = RESOURCES_DIR / "translations"
SOURCE_LANGUAGE = "en"
# Each language offered in Preferences, by its own name; "" follows the system.
LANGUAGE_NAMES = {SOURCE_LANGUAGE: "English", "de": "Deutsch"}
_installed: list[QTranslator] = []  # ours and Qt's, for the language in force
_in_force = [SOURCE_LANGUAGE]  # the language whose catalogue is installed
_system_locale = [QLocale()]  # Qt's default before a language of ours set it


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks `text` for the catalogue where it is declared; `translate` it where it is shown
    (Qt's own returns `object` to a type checker)."""
    return text


def translate(context: str, text: str, count: int = -1) -> str:
    """`text` in the language in force (`count` picks a plural form where %n stands)."""
    return QCoreApplication.translate(context, text, None, count)


def chosen(setting: str) -> str:
    """The language to use: the one chosen, else the system's (its language part: de_AT → de)."""
    return setting or QLocale.system().name().split("_")[0]


def in_force() -> str:
    """The language the window speaks now ("en" when no catalogue of ours is installed)."""
    return _in_force[0]


def _core_sentence(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def catalogue(language: str, folder: Path = CATALOGUES) -> Path:
    return folder / f"moderator_{language}.qm"


def install(language: str, folder: Path = CATALOGUES) -> bool:
    """Put `language`'s catalogues in force (those of the language before are taken out).
    True when ours was found; False leaves the app in English."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("translations need a running QCoreApplication")
    while _installed:
        app.removeTranslator(_installed.pop())
    _in_force[0] = SOURCE_LANGUAGE
    i18n.use(None)
    QLocale.setDefault(_system_locale[0])
    if language == SOURCE_LANGUAGE or not catalogue(language, folder).is_file():
        return False
    ours = QTranslator(app)
    if not ours.load(str(catalogue(language, folder))):
        return False
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _add(app, qt)
    _add(app, ours)  # installed last: asked first
    _in_force[0] = language
    QLocale.setDefault(QLocale(language))  # Qt's month names, decimal commas and calendars in the same language
    i18n.use(_core_sentence, QLocale().groupSeparator())  # the core's sentences (moderator/i18n.py) from the same catalogue
    return True


def _add(app: QCoreApplication, translator: QTranslator) -> None:
    app.installTranslator(translator)
    _installed.append(translator)
