"""The core's sentences in the user's language, without Qt: the core marks each sentence it
may show (an error's one sentence) with `translate(context, text)`, a template whose figures
are put in with `str.format` afterwards. On its own `translate` gives the English text back
(the command line); the app hands it Qt's translation at start (gui/common/translation.py),
so the same catalogue (resources/translations/*.ts) holds the core's sentences and the
window's. pyside6-lupdate finds the marked sentences by the function's name.

A refusal is a `Sentence`: its template, marked with QT_TRANSLATE_NOOP("errors", …), and its
figures, put into words where it is shown. What a process without a translator refuses (the
import's parser, the scoring process) travels to the window as a Sentence, not as English."""

from __future__ import annotations

import string
from collections.abc import Callable
from typing import Any, NamedTuple

Translator = Callable[[str, str], str]
ERRORS = "errors"  # the context of the core's refusals in the catalogue


def _source_text(context: str, text: str) -> str:
    return text


_translator: Translator = _source_text
_group = [","]  # how the language in force groups thousands ("12,000"; German "12.000")


def translate(context: str, text: str) -> str:
    """`text` in the language in force (English when no app installed one)."""
    return _translator(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks `text` for the catalogue where it is declared (a table); `translate` it where it is used."""
    return text


def use(translator: Translator | None, group: str = ",") -> None:
    """Put `translator` in force for the core's sentences (None: back to English), and `group`
    for the thousands in a Sentence's figures written with ',' ("{most:,}")."""
    global _translator
    _translator = translator or _source_text
    _group[0] = group


class _Figures(string.Formatter):
    """str.format, with a ',' figure grouped as the language in force groups thousands."""

    def format_field(self, value: Any, format_spec: str) -> str:
        written: str = super().format_field(value, format_spec)
        return written.replace(",", _group[0]) if "," in format_spec and isinstance(value, int) else written


_FIGURES = _Figures()


class Sentence(NamedTuple):
    """A refusal's template (marked with QT_TRANSLATE_NOOP in the context "errors") and its
    figures, translated only where it is shown: one made in the import's parser process, which
    has no translator, travels back as these plain values and reads in the window's language."""

    template: str
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, template: str, **values: object) -> Sentence:
        return cls(template, tuple(values.items()))

    def __str__(self) -> str:
        text = translate(ERRORS, self.template)
        return _FIGURES.format(text, **dict(self.values)) if self.values else text
