"""What an import did: counts, records skipped with reasons, warnings, and progress."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, Protocol

from moderator.errors import ModeratorError
from moderator.i18n import translate

EXAMPLES = 6  # examples kept per reason: enough to find them, never a million lines
EXAMPLE_CHARACTERS = 100  # of each: which record it was, not all of it


@dataclass
class Counts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    format: str
    path: str = ""
    site: str = ""
    label: str = ""  # the format in words, for "detected …" messages
    articles: Counts = field(default_factory=Counts)
    comments: Counts = field(default_factory=Counts)
    skipped: Counter[str] = field(default_factory=Counter)  # reason → how many records
    warned: Counter[str] = field(default_factory=Counter)  # reason → how many records
    examples: dict[str, list[str]] = field(default_factory=dict)

    def skip(self, reason: str, examples: str | list[str], count: int = 1) -> None:
        self.skipped[reason] += count
        self._keep(reason, examples)

    def warn(self, reason: str, examples: str | list[str], count: int = 1) -> None:
        self.warned[reason] += count
        self._keep(reason, examples)

    def _keep(self, reason: str, examples: str | list[str]) -> None:
        kept = self.examples.setdefault(reason, [])
        for example in [examples] if isinstance(examples, str) else examples:
            if len(kept) < EXAMPLES and example:
                kept.append(example[:EXAMPLE_CHARACTERS])

    @property
    def warnings(self) -> list[str]:
        """One sentence per kind of problem, skipped records first."""
        lines = [f"skipped: {reason}: {n}{self._eg(reason)}" for reason, n in self.skipped.items()]
        lines += [f"{reason}: {n}{self._eg(reason)}" for reason, n in self.warned.items()]
        return [f"{Path(self.path).name}: {line}" if self.path else line for line in lines]

    def _eg(self, reason: str) -> str:
        examples = self.examples.get(reason)
        return f" (e.g. {', '.join(examples)})" if examples else ""

    def as_dict(self) -> dict[str, object]:
        return {
            "format": self.format,
            "site": self.site,
            "articles": vars(self.articles),
            "comments": vars(self.comments),
            "skipped": dict(self.skipped),
            "warnings": self.warnings,
        }

    def summary(self) -> str:
        """One line: what was added and updated, and how many records were skipped and why
        (the window shows only this line, so the reasons are in it)."""
        a, c = self.articles, self.comments
        return translate("importing", "{file} ({format}): articles {articles_added} added, {articles_updated} updated; "
                                      "comments {added} added, {updated} updated, {unchanged} unchanged{skipped}").format(
            file=self.path, format=self.label or self.format, articles_added=a.added, articles_updated=a.updated,
            added=c.added, updated=c.updated, unchanged=c.unchanged, skipped=self._skipped_why())

    def _skipped_why(self) -> str:
        if not self.skipped:
            return ""
        # each reason is marked where it is made (QT_TRANSLATE_NOOP("importing", ...)), even in the parser process
        reasons = "; ".join(f"{n} {translate('importing', reason)}" for reason, n in self.skipped.most_common())
        return translate("importing", "; {count} skipped ({reasons})").format(count=sum(self.skipped.values()), reasons=reasons)


class ImportProgress(NamedTuple):
    """Where an import is; sent to the progress callback every few thousand records."""

    path: str
    bytes_done: int
    bytes_total: int
    records: int

    @property
    def fraction(self) -> float:
        return min(1.0, self.bytes_done / self.bytes_total) if self.bytes_total else 1.0


ProgressCallback = Callable[[ImportProgress], None]


class Tick(Protocol):
    """Reports an import's progress: the records so far (done: the last call)."""

    def __call__(self, records: int, done: bool = False) -> None: ...


class ImportCancelled(ModeratorError):
    """Raised by a progress callback to stop an import; nothing of the file is kept."""

    def __init__(self, path: str = ""):
        super().__init__(f"Import of {path} cancelled; nothing of it was kept." if path else "Import cancelled.")
