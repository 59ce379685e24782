"""Isso, through its admin endpoints: log in with the admin password, read the admin page,
activate and delete with the signed keys the page carries.

Isso's admin page lists comments by mode (1 published, 2 pending, 4 deleted but still
answered), 100 a page, as HTML: id, thread, author, e-mail, website, time (to the minute,
in the server's local time, taken as UTC), text and the signed key. It dates no change and
gives no parent, so every pull reads the three lists whole, and each thread with published
comments once through Isso's public API (`GET /?uri=…`), which gives parents and exact times.
A comment found nowhere was deleted. External ids are "<thread uri>#<comment id>", as
Isso's export files give them (formats/isso.py). Isso cannot send a comment back to
moderation: a restore stays local, and the window says so.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from typing import Any

from moderator.connectors.base import BadCredentials, Connector, Gone, Identity, Page, SiteError, SiteState
from moderator.connectors.client import SiteClient, json_of
from moderator.formats.records import (
    ANONYMOUS,
    APPROVED,
    HIDDEN,
    PENDING,
    ArticleRecord,
    CommentRecord,
    Record,
    site_record,
)
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence
from moderator.vocabulary import Status

MODES = {1: SiteState(APPROVED), 2: SiteState(PENDING), 4: SiteState(HIDDEN, "deleted")}
LABELS = {"Valid": 1, "Pending": 2, "Staled": 4}
PER_PAGE = 100  # Isso's own page size on the admin page
CANNOT_RESTORE = "Isso cannot send a comment back to moderation; the restore stays in this app only."


class Isso(Connector):
    kind = "isso"
    cannot: Mapping[str, str] = {Status.PENDING: CANNOT_RESTORE}

    def __init__(self, url: str, username: str, secret: str, workers: int = 4):
        super().__init__(url, username or "admin", secret)
        self.client = SiteClient(self.url, workers=workers)
        self.keys: dict[int, str] = {}  # comment id → its signed key, from the admin page
        self.logged_in = False

    @property
    def site_key(self) -> str:
        site = site_record("isso", self.url)
        assert site is not None
        return site.key

    def _login(self) -> None:
        response = self.client.send("POST", "/login/", data={"password": self.secret}, redirect_ok=True)
        if response.status_code not in (200, 302, 303):
            raise SiteError(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{url} did not answer the admin login as Isso does (HTTP {status_code})."),
                url=self.url, status_code=response.status_code))
        if "admin-session" not in response.cookies and "admin-session" not in self.client.client.cookies:
            if b"disabled" in response.content.lower() and b"password" not in response.content.lower():
                raise SiteError(Sentence.of(
                    QT_TRANSLATE_NOOP("errors", "{url}: Isso's admin interface is turned off ([admin] enabled = true)."),
                    url=self.url))
            raise BadCredentials(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{url} refused the admin password; check it (Isso's [admin] password)."),
                url=self.url))
        self.client.client.cookies.set("admin-session", response.cookies.get("admin-session")
                                       or self.client.client.cookies.get("admin-session") or "")
        self.logged_in = True

    def _admin(self, **params: Any) -> list[dict[str, Any]]:
        if not self.logged_in:
            self._login()
        response = self.client.get("/admin/", params)
        page = AdminPage()
        page.feed(response.text)
        if not page.is_admin:
            self.logged_in = False
            raise BadCredentials(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{url} did not keep the admin signed in; check the admin password."), url=self.url))
        for comment in page.comments:
            self.keys[comment["id"]] = comment["key"]
        return page.comments

    def check(self) -> Identity:
        config = self.client.get("/config")
        if config.status_code != 200 or "config" not in str(json_of(config, self.client.host)):
            raise SiteError(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{url} does not look like an Isso server (no /config there)."), url=self.url))
        self._login()
        self._admin(mode=2, page=0)
        return Identity("admin", self.url)

    # ---- pulling -----------------------------------------------------------------------------

    def pull(self, cursor: Mapping[str, str], known: Mapping[str, SiteState]) -> Iterator[Page]:
        listed: set[str] = set()
        threads: dict[str, str] = {}
        for mode in MODES:
            page = 0
            while True:
                comments = self._admin(mode=mode, page=page, order_by="id", asc=1)
                comments = [c for c in comments if c["mode"] == mode]
                threads.update((c["uri"], c["title"]) for c in comments)
                listed.update(c["external_id"] for c in comments)
                published = self._published({c["uri"] for c in comments}) if mode != 2 else {}
                records: list[Record] = [ArticleRecord(uri, title=title or None, url=uri, implied=True)
                                         for uri, title in {(c["uri"], c["title"]) for c in comments}]
                records += [_record(c, published.get(c["id"])) for c in comments]
                yield Page(records)
                if len(comments) < PER_PAGE:
                    break
                page += 1
        gone = [external_id for external_id, state in known.items()
                if external_id not in listed and state.flag != "deleted"]
        if gone:
            yield Page([], gone=gone)

    def _published(self, uris: set[str]) -> dict[int, dict[str, Any]]:
        """Parents and exact times of the threads' published comments, from the public API."""
        found: dict[int, dict[str, Any]] = {}
        for uri in sorted(uris):
            response = self.client.get("/", {"uri": uri, "plain": 1})
            if response.status_code != 200:
                continue
            stack = list(json_of(response, self.client.host).get("replies", []))
            while stack:
                item = stack.pop()
                found[int(item["id"])] = item
                stack.extend(item.get("replies", []))
        return found

    # ---- one comment -------------------------------------------------------------------------

    def _one(self, external_id: str) -> dict[str, Any] | None:
        uri, _, number = external_id.rpartition("#")
        found = self._admin(comment_search_url=f"{self.url}{uri}#isso-{number}")
        return next((c for c in found if c["external_id"] == external_id), None)

    def states(self, external_ids: list[str]) -> dict[str, SiteState | None]:
        result: dict[str, SiteState | None] = {}
        for external_id in external_ids:
            comment = self._one(external_id)
            result[external_id] = MODES.get(comment["mode"]) if comment else None
        return result

    def site_status(self, status: Status, reason: str | None, hide_statuses: Mapping[str, str]) -> SiteState | None:
        if status == Status.APPROVED:
            return MODES[1]
        if status in (Status.HIDDEN, Status.REMOVED):
            return MODES[4]
        return None  # Isso has no way back to moderation

    def set_state(self, external_id: str, state: SiteState) -> None:
        number = int(external_id.rpartition("#")[2])
        if number not in self.keys and self._one(external_id) is None:
            raise Gone(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "Comment {external_id} is no longer on {url}."),
                external_id=external_id, url=self.url))
        action = "activate" if state == MODES[1] else "delete"
        response = self.client.send("POST", f"/id/{number}/{action}/{self.keys[number]}")
        if response.status_code == 404:
            raise Gone(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "Comment {external_id} is no longer on {url}."),
                external_id=external_id, url=self.url))
        if response.status_code != 200:
            raise SiteError(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{url} refused to {action} comment {external_id} (HTTP {status_code})."),
                url=self.url, action=action, external_id=external_id, status_code=response.status_code))

    def post(self, article_external_id: str, parent_external_id: str | None, text: str, author: str) -> str:
        parent = int(parent_external_id.rpartition("#")[2]) if parent_external_id else None
        response = self.client.send("POST", "/new", {"uri": article_external_id},
                                    json={"text": text, "author": author, "parent": parent, "title": article_external_id})
        if response.status_code not in (201, 202):
            raise SiteError(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{url} refused the reply (HTTP {status_code}: {text})."),
                url=self.url, status_code=response.status_code, text=response.text[:120]))
        external_id = f"{article_external_id}#{json_of(response, self.client.host)['id']}"
        self.set_state(external_id, MODES[1])  # posted into moderation: published at once
        return external_id

    def find_posted(self, article_external_id: str, parent_external_id: str | None, text: str,
                    since: datetime) -> list[str]:
        found = self._admin(comment_search_url=f"{self.url}{article_external_id}")
        return [c["external_id"] for c in found if c["text"].strip() == text.strip() and c["mode"] != 4
                and (c["created"] or since) >= since - timedelta(minutes=2)]

    def remove(self, external_id: str) -> None:
        self.set_state(external_id, MODES[4])

    def close(self) -> None:
        self.client.close()


def _record(comment: dict[str, Any], published: dict[str, Any] | None) -> CommentRecord:
    state = MODES[comment["mode"]]
    parent, created = None, comment["created"]
    if published is not None:
        parent = f"{comment['uri']}#{published['parent']}" if published.get("parent") else None
        created = datetime.fromtimestamp(float(published["created"]), UTC)
    return CommentRecord(comment["external_id"], comment["uri"], parent, comment["author"] or ANONYMOUS,
                         comment["email"] or None, comment["website"] or None, None, created, comment["text"],
                         state.status, state.flag)


class AdminPage(HTMLParser):
    """The comments of Isso's admin page (templates/admin.html), read by the ids it gives
    each part: isso-N, isso-author-N, isso-email-N, isso-website-N, isso-text-N, the
    thread's link, the time, the mode's label and the key in the delete link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.comments: list[dict[str, Any]] = []
        self.is_admin = False
        self.field: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        element_id, classes = a.get("id") or "", (a.get("class") or "").split()
        if element_id == "isso-root":
            self.is_admin = True
        if tag == "div" and "isso-comment" in classes and element_id.startswith("isso-"):
            number = int(element_id.removeprefix("isso-"))
            self.comments.append({"id": number, "author": "", "email": "", "website": "", "text": "", "uri": "",
                                  "title": "", "mode": 2, "key": "", "created": None})
        elif self.comments:
            self._inside(tag, a, element_id, classes)

    def _inside(self, tag: str, a: dict[str, str | None], element_id: str, classes: list[str]) -> None:
        comment = self.comments[-1]
        for name in ("author", "email", "website", "text"):
            if element_id == f"isso-{name}-{comment['id']}":
                self.field, self.text = name, []
        if tag == "a" and a.get("href") and not comment["uri"] and "email" not in classes and "website" not in classes:
            comment["uri"] = a["href"]
        if tag == "time":
            self.field, self.text = "created", []
        if tag == "span" and "label" in classes:
            self.field, self.text = "label", []
        if tag == "a" and "delete" in classes and a.get("onclick"):
            comment["key"] = (a.get("onclick") or "").split("'")[1]

    def handle_data(self, data: str) -> None:
        if self.field is not None:
            self.text.append(data)
        elif self.comments and "Thread:" in data and not self.comments[-1]["title"]:
            self.comments[-1]["title"] = data.split("Thread:", 1)[1].rsplit("(", 1)[0].strip()

    def handle_endtag(self, tag: str) -> None:
        if self.field is None or not self.comments:
            return
        comment, value = self.comments[-1], "".join(self.text)
        if self.field == "created":
            comment["created"] = _admin_time(value)
        elif self.field == "label":
            comment["mode"] = LABELS.get(value.strip(), comment["mode"])
        else:
            comment[self.field] = value.strip() if self.field != "text" else html.unescape(value) if "&" in value else value
        self.field = None
        comment["external_id"] = f"{comment['uri']}#{comment['id']}"


def _admin_time(value: str) -> datetime | None:
    try:
        return datetime.strptime(value.strip(), "%H:%M / %d-%m-%Y").replace(tzinfo=UTC)
    except ValueError:
        return None
