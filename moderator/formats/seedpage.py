"""Parse the article page text our first site publishes (the format of seeds/*.txt).

The page, line by line: the headline; the article's paragraphs (the first is the
standfirst); "Read next" followed by items of a time ("22:30"), an optional section
line and a one-paragraph summary; then the comment prompt ("What is your opinion on
this topic?") and its call to action ("Leave the first comment").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time

from moderator.errors import FileFormatError
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence

READ_NEXT = "read next"
TIME_LINE = re.compile(r"^(\d{1,2}):(\d{2})$")
PROMPT_ENDS = "?"
Lines = list[tuple[int, str]]  # (line number, stripped text) of the lines that are not blank


@dataclass(frozen=True)
class PageArticle:
    external_id: str
    headline: str
    standfirst: str = ""
    paragraphs: tuple[str, ...] = ()
    section: str | None = None
    time_of_day: time | None = None

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Page:
    article: PageArticle
    read_next: tuple[PageArticle, ...]
    comment_prompt: str | None = None
    comment_call: str | None = None
    articles: tuple[PageArticle, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "articles", (self.article, *self.read_next))


def slug(text: str, words: int = 8) -> str:
    """A readable, stable id from the first words of a text: 'europe-is-moving-away-…'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^a-z0-9\s-]", "", ascii_text.lower())
    return "-".join(cleaned.split()[:words]) or "untitled"


def parse_page(text: str, path: str = "<page>") -> Page:
    lines = [(number, line.strip()) for number, line in enumerate(text.splitlines(), 1)]
    lines = [(number, line) for number, line in lines if line]
    if not lines:
        raise FileFormatError(path, None, QT_TRANSLATE_NOOP("errors", "the page is empty; expected a headline on the first line"))
    read_next_at = _find(lines, lambda line: line.lower() == READ_NEXT)
    prompt_at = _find_prompt(lines, start=read_next_at if read_next_at is not None else 1)
    article_end = _first_of(read_next_at, prompt_at, len(lines))
    main = _main_article(lines[:article_end], path)
    items: tuple[PageArticle, ...] = ()
    if read_next_at is not None:
        items = _read_next_items(lines[read_next_at + 1 : _first_of(prompt_at, len(lines))], path)
    prompt = lines[prompt_at][1] if prompt_at is not None else None
    call = lines[prompt_at + 1][1] if prompt_at is not None and prompt_at + 1 < len(lines) else None
    return Page(main, _unique_ids(main, items), prompt, call)


def _find(lines: Lines, predicate: Callable[[str], bool], start: int = 0) -> int | None:
    return next((i for i in range(start, len(lines)) if predicate(lines[i][1])), None)


def _find_prompt(lines: Lines, start: int) -> int | None:
    """The prompt is the last question line, followed by at most its call to action."""
    for i in range(len(lines) - 1, max(start, len(lines) - 3), -1):
        if lines[i][1].endswith(PROMPT_ENDS) and i >= start:
            return i
    return None


def _first_of(*candidates: int | None) -> int:
    return min(c for c in candidates if c is not None)


def _main_article(lines: Lines, path: str) -> PageArticle:
    headline = lines[0][1]
    paragraphs = [line for _, line in lines[1:]]
    if TIME_LINE.match(headline):
        raise FileFormatError(path, lines[0][0], QT_TRANSLATE_NOOP("errors", "expected the article's headline, found a time"))
    return PageArticle(
        external_id=slug(headline),
        headline=headline,
        standfirst=paragraphs[0] if paragraphs else "",
        paragraphs=tuple(paragraphs[1:]),
    )


def _read_next_items(lines: Lines, path: str) -> tuple[PageArticle, ...]:
    items: list[tuple[int, time, Lines]] = []  # (line of the time, the time, the lines after it)
    current: tuple[int, time, Lines] | None = None
    for number, line in lines:
        match = TIME_LINE.match(line)
        if match:
            current = (number, _time_of_day(match, path, number), [])
            items.append(current)
        elif current is None:
            raise FileFormatError(path, number,
                QT_TRANSLATE_NOOP("errors", "a 'Read next' item must start with its time, e.g. 22:30"))
        else:
            current[2].append((number, line))
    return tuple(_read_next_item(number, at, body, path) for number, at, body in items)


def _time_of_day(match: re.Match[str], path: str, number: int) -> time:
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise FileFormatError(path, number, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "'{time}' is not a time of day (00:00 to 23:59)"),
            time=match[0]))
    return time(hour, minute)


def looks_like_page(text: str) -> bool:
    """Whether a text has the page's shape: a line "Read next" with a time on the next line
    that is not blank. Import detection takes nothing else for a page: any text would do."""
    lines = [line for line in map(str.strip, text.splitlines()) if line]
    return any(line.lower() == READ_NEXT and TIME_LINE.match(after) for line, after in zip(lines, lines[1:]))


def _read_next_item(number: int, at: time, body: Lines, path: str) -> PageArticle:
    if not body:
        raise FileFormatError(path, number, QT_TRANSLATE_NOOP("errors", "this 'Read next' item has a time but no summary"))
    if len(body) > 2:
        raise FileFormatError(path, body[2][0],
            QT_TRANSLATE_NOOP("errors", "a 'Read next' item has a time, a section and one summary "
                                                                    "line"))
    section = body[0][1] if len(body) == 2 else None
    summary = body[-1][1]
    return PageArticle(external_id=slug(summary), headline=summary, section=section, time_of_day=at)


def _unique_ids(main: PageArticle, items: tuple[PageArticle, ...]) -> tuple[PageArticle, ...]:
    seen = {main.external_id}
    unique = []
    for item in items:
        external_id, n = item.external_id, 2
        while external_id in seen:
            external_id, n = f"{item.external_id}-{n}", n + 1
        seen.add(external_id)
        unique.append(PageArticle(external_id, item.headline, item.standfirst, item.paragraphs, item.section, item.time_of_day))
    return tuple(unique)
