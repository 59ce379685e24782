"""Each site's banned and suspect word lists in the database: add, remove, search, and a
plain text file in and out (one entry a line; blank lines and lines starting with `#`
are skipped). A bad file or entry is refused with one sentence naming the line, and
nothing of it is saved. Every change grows the list's version (the text screen's cache).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from moderator.errors import FileFormatError, ModeratorError, NotFoundError
from moderator.filemodes import written_aside
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence
from moderator.rules.matcher import EmptyEntry, entry_keys
from moderator.storage.models import Site, WordList, WordListEntry, core_table, utcnow

BANNED, SUSPECT = "banned", "suspect"
LIST_NAMES = (BANNED, SUSPECT)
MAX_ENTRY_CHARS = 500  # the column's size; a longer "entry" is not a word or a phrase
MAX_ENTRIES = 100_000  # per list: ten times a large real list, still built in seconds
MAX_LINE_BYTES = 4 * MAX_ENTRY_CHARS  # a line is never read further than this
FILE_HEADER = "# {site} {name} word list: one entry a line (a word, a phrase or a prefix* stem)\n"


class EntryError(ModeratorError):
    """A list entry that cannot be matched as written."""


@dataclass(frozen=True, slots=True)
class ListChange:
    added: int
    removed: int
    unchanged: int


def check_entry(entry: str) -> str:
    """The entry as stored (surrounding blanks removed); raises EntryError with the reason."""
    text = entry.strip()
    if not text:
        raise EntryError(Sentence(QT_TRANSLATE_NOOP("errors", "the entry is empty")))
    if len(text) > MAX_ENTRY_CHARS:
        raise EntryError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "the entry is {count:,} characters long; an entry has at most {max_entry_chars}"),
            count=len(text), max_entry_chars=MAX_ENTRY_CHARS))
    if "*" in text.rstrip("*") or text.endswith("**"):
        raise EntryError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "'{short}' has a '*' that is not its one last character (only prefix* stems are "
                                        "allowed)"),
            short=_short(text)))
    try:
        entry_keys(text)
    except EmptyEntry:
        raise EntryError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "'{short}' has no letters or digits to match"), short=_short(text))) from None
    return text


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


def _check_name(name: str) -> None:
    if name not in LIST_NAMES:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "There is no word list '{name}'; the lists are {known}."),
            name=name, known=' and '.join(LIST_NAMES)))


def site_for_lists(session: Session, key: str | None) -> Site:
    """The site named by `key`, or the only site when none is named."""
    if key is not None:
        site = session.scalar(select(Site).where(Site.key == key))
        if site is None:
            raise NotFoundError(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "There is no site '{key}'; `moderator sites list` or an import names the sites."),
                key=key))
        return site
    sites = session.scalars(select(Site).order_by(Site.id).limit(10)).all()
    if not sites:
        raise NotFoundError(Sentence(
            QT_TRANSLATE_NOOP("errors", "There is no site yet; import comments first (word lists belong to a site).")))
    if len(sites) > 1:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "This database has several sites; name one with --site ({known})."),
            known=', '.join(site.key for site in sites)))
    return sites[0]


def _word_list(session: Session, site_id: int, name: str, create: bool = False) -> WordList | None:
    _check_name(name)
    found = session.scalar(select(WordList).where(WordList.site_id == site_id, WordList.name == name))
    if found is None and create:
        found = WordList(site_id=site_id, name=name, version=0)
        session.add(found)
        session.flush()
    return found


def entries(session: Session, site_id: int, name: str, search: str = "") -> list[str]:
    """The list's entries in alphabetical order; with `search`, those containing it (any case)."""
    found = _word_list(session, site_id, name)
    if found is None:
        return []
    query = select(WordListEntry.entry).where(WordListEntry.list_id == found.id)
    if search:
        pattern = "%" + search.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(func.lower(WordListEntry.entry).like(pattern, escape="\\"))
    return sorted(session.scalars(query), key=str.casefold)


def versions(session: Session, site_id: int) -> tuple[tuple[str, int, str], ...]:
    """Each list's version and time of change: one small read that tells a cached matcher it
    is stale (the time too: a database restored from a backup may have the same version)."""
    rows = session.execute(select(WordList.name, WordList.version, WordList.changed_at)
                           .where(WordList.site_id == site_id).order_by(WordList.name))
    return tuple((name, version, changed.isoformat()) for name, version, changed in rows)


def add_entries(session: Session, site_id: int, name: str, new: Iterable[str]) -> ListChange:
    """Add entries (each checked first: one bad entry adds none); those there already are kept."""
    checked = list(dict.fromkeys(_checked_items(new)))
    return _store(session, site_id, name, checked, replace=False)


def _checked_items(new: Iterable[str]) -> Iterable[str]:
    for entry in new:
        try:
            yield check_entry(entry)
        except EntryError as why:
            raise EntryError(Sentence.of(QT_TRANSLATE_NOOP("errors", "Not added: {why}."), why=why)) from None


def remove_entries(session: Session, site_id: int, name: str, gone: Sequence[str]) -> ListChange:
    """Remove entries; one that is not on the list refuses the whole removal."""
    present = set(entries(session, site_id, name))
    wanted = list(dict.fromkeys(entry.strip() for entry in gone))
    missing = [entry for entry in wanted if entry not in present]
    if missing:
        raise NotFoundError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "'{short}' is not on the {name} list; nothing was removed."),
            short=_short(missing[0]), name=name))
    word_list = _word_list(session, site_id, name)
    if word_list is not None and wanted:
        session.execute(delete(WordListEntry).where(WordListEntry.list_id == word_list.id,
                                                    WordListEntry.entry.in_(wanted)))
        _changed(word_list)
    return ListChange(0, len(wanted), len(present) - len(wanted))


def import_file(session: Session, site_id: int, name: str, path: Path, replace: bool = False) -> ListChange:
    """Add a file's entries to the list (or, with `replace`, make the list exactly the file's)."""
    return _store(session, site_id, name, read_list_file(path), replace)


def _store(session: Session, site_id: int, name: str, new: list[str], replace: bool) -> ListChange:
    word_list = _word_list(session, site_id, name, create=True)
    assert word_list is not None
    present = set(entries(session, site_id, name))
    to_add = [entry for entry in new if entry not in present]
    to_remove = sorted(present - set(new)) if replace else []
    total = len(present) + len(to_add) - len(to_remove)
    if total > MAX_ENTRIES:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "The {name} list would hold {total:,} entries; a list holds at most {max_entries:,}."),
            name=name, total=total, max_entries=MAX_ENTRIES))
    if to_remove:
        session.execute(delete(WordListEntry).where(WordListEntry.list_id == word_list.id,
                                                    WordListEntry.entry.in_(to_remove)))
    if to_add:
        now = utcnow()
        session.execute(core_table(WordListEntry).insert(),
                        [{"list_id": word_list.id, "entry": entry, "created_at": now} for entry in to_add])
    if to_add or to_remove:
        _changed(word_list)
    return ListChange(len(to_add), len(to_remove), len(present) - len(to_remove))


def _changed(word_list: WordList) -> None:
    word_list.version += 1
    word_list.changed_at = utcnow()


def read_list_file(path: Path) -> list[str]:
    """A list file's entries, each checked; the first bad line refuses the file."""
    found: dict[str, None] = {}
    with open(path, "rb") as stream:
        line_number = 0
        while raw := stream.readline(MAX_LINE_BYTES + 1):
            line_number += 1
            entry = _line(path, line_number, raw)
            if entry is None:
                continue
            found[entry] = None
            if len(found) > MAX_ENTRIES:
                raise FileFormatError(str(path), line_number,
                                      Sentence.of(
                                          QT_TRANSLATE_NOOP("errors", "more than {max_entries:,} entries; a list holds at most "
                                                                      "{max_entries:,}"), max_entries=MAX_ENTRIES))
    return list(found)


def _line(path: Path, number: int, raw: bytes) -> str | None:
    if len(raw) > MAX_LINE_BYTES:
        raise FileFormatError(str(path), number, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "the line is longer than {max_entry_chars} characters (an entry is a word, a phrase or a "
                                        "stem)"), max_entry_chars=MAX_ENTRY_CHARS))
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff") if number == 1 else raw.decode("utf-8")
    except UnicodeDecodeError as why:
        raise FileFormatError(str(path), number, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "not UTF-8 text (byte {byte} of the line); save the file as UTF-8"),
            byte=why.start + 1)) from None
    text = text.strip()
    if not text or text.startswith("#"):
        return None
    try:
        return check_entry(text)
    except EntryError as why:
        raise FileFormatError(str(path), number, why.sentence) from None


def export_file(session: Session, site_id: int, name: str, path: Path) -> int:
    """Write the list to a file (replaced whole, never half-written); the number of entries."""
    site = session.get(Site, site_id)
    found = entries(session, site_id, name)
    with written_aside(path, encoding="utf-8", newline="\n") as stream:
        stream.write(FILE_HEADER.format(site=site.key if site else site_id, name=name))
        stream.writelines(entry + "\n" for entry in found)
    return len(found)
