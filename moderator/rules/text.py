"""The text screen: every word-list and built-in pattern hit in a comment, in text order.

It reports; it does not decide. Which rules are on, and whether a hit flags or hides, is
the rule evaluation's business (its `rules` table). A screen is built once per site and
kept until one of the site's lists changes: `load_text_screen` asks the database only for
the lists' versions (one small read), so calling it per import batch or per scoring
window costs next to nothing.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from moderator.rules.hits import TextHit
from moderator.rules.matcher import Matcher
from moderator.rules.patterns import pattern_hits
from moderator.rules.starter import DEHUMANISING, THREATS
from moderator.rules.wordlists import BANNED, SUSPECT, entries, versions
from moderator.storage.models import Article, Site

BANNED_WORDS, SUSPECT_WORDS, DEHUMANISING_RULE, THREATS_RULE = "banned_words", "suspect_words", "dehumanising", "threats"
# Each list's rule key and how its hits are named in a reason.
LIST_RULES = {
    BANNED: (BANNED_WORDS, "banned word"),
    SUSPECT: (SUSPECT_WORDS, "suspect word"),
}
STARTER_RULES = (
    (DEHUMANISING_RULE, "dehumanising term", DEHUMANISING),
    (THREATS_RULE, "threatening phrase", THREATS),
)


def _named(rule: str, noun: str, items: Iterable[str]) -> Iterable[tuple[str, str, str]]:
    return ((rule, f"{noun} '{item}'", item) for item in items)


class TextScreen:
    """A site's word lists, the starter lists and the patterns, ready to screen comments.
    Read-only once built: one screen may serve several threads."""

    def __init__(self, lists: Mapping[str, Sequence[str]] | None = None, patterns: bool = True) -> None:
        """`lists`: the entries of the "banned" and "suspect" lists (either may be missing)."""
        lists = lists or {}
        # What builds this screen again elsewhere (an import's screening process), as plain data.
        self.recipe = ({name: tuple(items) for name, items in lists.items()}, patterns)
        triples: list[tuple[str, str, str]] = []
        for name, (rule, noun) in LIST_RULES.items():
            triples += _named(rule, noun, lists.get(name, ()))
        if patterns:
            for rule, noun, items in STARTER_RULES:
                triples += _named(rule, noun, items)
        self._matcher = Matcher(triples)
        self._patterns = patterns

    def hits(self, text: str) -> list[TextHit]:
        """Every list and pattern hit in `text`, in text order; offsets into `text`."""
        found = self._matcher.hits(text)
        if self._patterns:
            found += pattern_hits(text)
        return sorted(found, key=lambda hit: (hit.start, hit.end, hit.rule, hit.what))


Versions = tuple[tuple[str, int, str], ...]
# Per database (its engine: a restored or another database is another entry) and site.
_cache: weakref.WeakKeyDictionary[Engine, dict[int, tuple[Versions, TextScreen]]] = weakref.WeakKeyDictionary()
_cache_lock = threading.Lock()


def load_text_screen(session: Session, site_id: int) -> TextScreen:
    """The site's screen, built again only when one of its lists changed since the last call."""
    engine = session.get_bind().engine
    current = versions(session, site_id)
    with _cache_lock:
        cached = _cache.get(engine, {}).get(site_id)
    if cached is not None and cached[0] == current:
        return cached[1]
    screen = TextScreen({name: entries(session, site_id, name) for name in (BANNED, SUSPECT)})
    with _cache_lock:
        _cache.setdefault(engine, {})[site_id] = (current, screen)
    return screen


def hits_in_article(session: Session, article_id: int, text: str) -> list[TextHit]:
    """The hits in a text posted under an article (its site's screen)."""
    site_id = session.scalar(select(Article.site_id).where(Article.id == article_id))
    return [] if site_id is None else load_text_screen(session, site_id).hits(text)


def warm_up(session: Session) -> int:
    """Build every site's screen now (the folding table takes a moment once), so that the
    first comment shown does not wait for it; the number of sites."""
    site_ids = list(session.scalars(select(Site.id)))
    for site_id in site_ids:
        load_text_screen(session, site_id)
    return len(site_ids)
