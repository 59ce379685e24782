"""The HTTP client every connector uses: timeouts, retries with backoff, connections reused.

One `SiteClient` per connection, bound to the site's own address: it never follows a
redirect elsewhere and refuses any other host (the app talks to the configured sites and
nothing else). Reads (GET) are retried on a lost connection, a time-out or a 429 / 5xx
answer, waiting longer each time; a write is sent once (the sync engine decides whether
to try again, after looking at the site). Failures become one sentence (connectors.base).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import httpx2 as httpx

from moderator import __version__
from moderator.connectors.base import BadCredentials, MissingCapability, SiteError, Unreachable, check_address
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence

TIMEOUT = httpx.Timeout(20.0, connect=5.0)
RETRIES = 3  # a read is tried this many times more
BACKOFF = 0.5  # seconds before the first retry, doubling
RETRY_STATUSES = {429, 500, 502, 503, 504}
Json = Any


class SiteClient:
    def __init__(self, base_url: str, auth: tuple[str, str] | None = None, headers: Mapping[str, str] | None = None,
                 retries: int = RETRIES, backoff: float = BACKOFF, workers: int = 4):
        self.base_url = check_address(base_url)
        self.host = urlsplit(self.base_url).netloc
        self.retries, self.backoff = retries, backoff
        self.client = httpx.Client(
            base_url=self.base_url, auth=auth, timeout=TIMEOUT, follow_redirects=False, trust_env=False,
            limits=httpx.Limits(max_connections=workers, max_keepalive_connections=workers),
            headers={"User-Agent": f"CommentModerator/{__version__}", **(headers or {})})

    def get(self, path: str, params: Mapping[str, Any] | None = None) -> httpx.Response:
        return self._send("GET", path, params=params, retry=True)

    def send(self, method: str, path: str, params: Mapping[str, Any] | None = None, json: Json = None,
             data: Mapping[str, str] | None = None, retry: bool = False, redirect_ok: bool = False) -> httpx.Response:
        """A write; `redirect_ok`: a redirect is the answer (a login's), not followed."""
        return self._send(method, path, params=params, json=json, data=data, retry=retry, redirect_ok=redirect_ok)

    def _send(self, method: str, path: str, retry: bool, redirect_ok: bool = False, **kwargs: Any) -> httpx.Response:
        attempts = 1 + (self.retries if retry else 0)
        for attempt in range(attempts):
            try:
                response = self.client.request(method, path, **kwargs)
            except httpx.TransportError as error:
                if attempt + 1 == attempts:
                    raise Unreachable(Sentence.of(
                        QT_TRANSLATE_NOOP("errors", "{host} did not answer ({plain}); the app will try again."),
                        host=self.host, plain=_plain(error))) from None
            else:
                if response.status_code not in RETRY_STATUSES or attempt + 1 == attempts:
                    return response if redirect_ok and response.is_redirect else _checked(response, self.host)
            time.sleep(self.backoff * 2 ** attempt)
        raise AssertionError("unreachable")  # the loop returns or raises

    def close(self) -> None:
        self.client.close()


def _checked(response: httpx.Response, host: str) -> httpx.Response:
    code = response.status_code
    if code in (401,):
        raise BadCredentials(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{host} refused the user name or password ({said}); check them."),
            host=host, said=_said(response)))
    if code == 403:
        raise MissingCapability(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{host} says this user may not do that ({said}); the user needs the Editor role (or a "
                                        "role that may moderate comments)."), host=host, said=_said(response)))
    if code in RETRY_STATUSES:
        raise Unreachable(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{host} is not answering properly (HTTP {code}); the app will try again."),
            host=host, code=code))
    if 300 <= code < 400:
        raise SiteError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{host} sent the request elsewhere ({message}); give the site's own address."),
            host=host, message=response.headers.get('location', '?')))
    return response


def _said(response: httpx.Response) -> str:
    try:
        message = response.json().get("message")
    except (ValueError, AttributeError):
        message = None
    return f"HTTP {response.status_code}: {message}" if message else f"HTTP {response.status_code}"


def _plain(error: Exception) -> str:
    words = {httpx.ConnectError: "could not connect", httpx.ConnectTimeout: "connecting timed out",
             httpx.ReadTimeout: "the answer timed out", httpx.RemoteProtocolError: "the connection was cut"}
    for kind, text in words.items():
        if isinstance(error, kind):
            return text
    return type(error).__name__


def json_of(response: httpx.Response, what: str) -> Json:
    try:
        return response.json()
    except ValueError:
        raise SiteError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{what} answered with something that is not JSON (HTTP {status_code}); is this the right "
                                        "address?"), what=what, status_code=response.status_code)) from None
