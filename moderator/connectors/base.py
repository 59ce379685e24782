"""The one small interface every kind of site implements, and what it exchanges.

A connector speaks to one site's comment system: it checks its credentials, lists the
comments changed since a cursor (as `formats.records`, the records a file's parser yields,
so a pull goes through the import pipeline), tells a comment's state now, sets a status,
posts a reply and finds a reply it may already have posted. It knows nothing of the
database: the sync engine (sync.py) is written once over this interface.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from ipaddress import ip_address
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

from moderator.errors import ModeratorError
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence
from moderator.vocabulary import Status

if TYPE_CHECKING:  # the formats load with the first pull, not with the window (bench/startup.py)
    from moderator.formats.records import Record


class SiteError(ModeratorError):
    """The site could not be used: one sentence saying why (unreachable, refused, …)."""


class Unreachable(SiteError):
    """No answer (no network, the site down, a cut connection): try again later."""


class BadCredentials(SiteError):
    """The site refused the user or the secret."""


class MissingCapability(SiteError):
    """The user may not moderate comments there."""


class Gone(SiteError):
    """The comment is no longer on the site."""


class SiteState(NamedTuple):
    """A comment's state on the site, in the app's words (as a pull records it)."""

    status: str  # pending, approved, hidden
    flag: str | None = None  # why hidden: spam, trash, deleted

    def describe(self) -> str:
        return f"{self.status} ({self.flag})" if self.flag else self.status


@dataclass(frozen=True)
class Page:
    """Records from one request or a few, and the cursor to start from once they are in."""

    records: list[Record]
    cursor: Mapping[str, str] | None = None  # None: keep the cursor as it is
    total: int | None = None  # comments the whole pull will bring, when the site says
    gone: list[str] = field(default_factory=list)  # external ids no longer on the site


@dataclass(frozen=True)
class Identity:
    """Who the connection acts as, as the site names them."""

    user: str
    site_name: str
    can_moderate: bool = True
    details: dict[str, str] = field(default_factory=dict)


class Connector(ABC):
    """One site. `site_key` and `site_name` are the ones its export files give, so a site
    imported from a file and then connected is one site."""

    kind: str = ""
    # Actions the site has no notion of stay local; the UI says so (e.g. a restore on Isso).
    cannot: Mapping[str, str] = {}

    def __init__(self, url: str, username: str, secret: str):
        self.url, self.username, self.secret = url.rstrip("/"), username, secret

    @property
    @abstractmethod
    def site_key(self) -> str: ...

    @abstractmethod
    def check(self) -> Identity:
        """Sign in and check the capability to moderate; raises a SiteError saying what is wrong."""

    @abstractmethod
    def pull(self, cursor: Mapping[str, str], known: Mapping[str, SiteState]) -> Iterator[Page]:
        """New and changed comments since the cursor. `known`: every comment of the site here,
        as last pulled (external id → state), for the changes a site does not date."""

    @abstractmethod
    def states(self, external_ids: list[str]) -> dict[str, SiteState | None]:
        """Each comment's state now (None: gone from the site)."""

    @abstractmethod
    def site_status(self, status: Status, reason: str | None, hide_statuses: Mapping[str, str]) -> SiteState | None:
        """The site's state for a local status (and hide reason); None: the site has no such state."""

    @abstractmethod
    def set_state(self, external_id: str, state: SiteState) -> None:
        """Give the comment this state (one of site_status's answers)."""

    @abstractmethod
    def post(self, article_external_id: str, parent_external_id: str | None, text: str, author: str) -> str:
        """Post a staff comment as the connected user, published; → its external id."""

    @abstractmethod
    def find_posted(self, article_external_id: str, parent_external_id: str | None, text: str,
                    since: datetime) -> list[str]:
        """The external ids of comments this user posted there with this text since then
        (a post whose answer was lost may have gone through)."""

    @abstractmethod
    def remove(self, external_id: str) -> None:
        """Take a staff comment off the site (its posting undone)."""

    def close(self) -> None:  # noqa: B027 - a connector with nothing to let go of keeps this one
        """Let go of connections."""


def check_address(url: str) -> str:
    """The site's address, refused unless it is HTTPS, or plain HTTP to this machine itself
    (credentials would otherwise travel in clear)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SiteError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "'{url}' is not a web address; give the site's address, e.g. https://news.example.com."),
            url=url))
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise SiteError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{url} uses plain HTTP, which would send the password in clear; use https:// (plain HTTP "
                                        "is only allowed to this machine itself)."), url=url))
    return url.strip().rstrip("/")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
