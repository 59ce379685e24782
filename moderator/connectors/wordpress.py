"""WordPress, through its REST API (`wp/v2/comments`) and an Application Password.

Every route is reached as `?rest_route=…`, which works whatever the site's permalinks.
A pull reads new comments (`status=any`, `context=edit`, 100 a page, oldest first) after
the cursor, the date of the newest comment already in (`after=` compares the site's local
time, so the cursor is the site's own local `date`, a second earlier: `after` is strict),
then finds status changes by reading the hold, spam and trash lists again, since
WordPress dates no change of a comment; comments that left those lists are read by id
(approved since), and those found nowhere were deleted on the site. A comment the first
part of the same pull brought is not brought again by the lists (its state is that fresh),
and a first pull (no cursor: every comment read, whatever its status) reads no list at all.
"""

from __future__ import annotations

import html
from collections import deque
from collections.abc import Generator, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import Any

from moderator.connectors.base import Connector, Gone, Identity, MissingCapability, Page, SiteError, SiteState
from moderator.connectors.client import SiteClient, json_of
from moderator.formats.htmltext import html_to_text
from moderator.formats.records import (
    ANONYMOUS,
    APPROVED,
    HIDDEN,
    PENDING,
    ArticleRecord,
    CommentRecord,
    Record,
    parse_iso_time,
    site_record,
)
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence
from moderator.vocabulary import Status

PER_PAGE = 100
COMMENTS = "/wp/v2/comments"
# The site's status → the app's words (as formats/wxr.py reads an export's).
STATES = {"approved": SiteState(APPROVED), "hold": SiteState(PENDING), "spam": SiteState(HIDDEN, "spam"),
          "trash": SiteState(HIDDEN, "trash")}
WP_STATUS = {state: status for status, state in STATES.items()}
# A hidden comment's status on the site, per hide reason: spam is spam, the rest goes to the
# trash (restorable there for 30 days). A connection may change any of them (hide_statuses).
DEFAULT_HIDE = "trash"
HIDE_STATUSES = {"spam": "spam"}
HIDE_CHOICES = ("trash", "hold", "spam")
LISTS = ("hold", "spam", "trash")


class WordPress(Connector):
    kind = "wordpress"
    cannot: Mapping[str, str] = {}

    def __init__(self, url: str, username: str, secret: str, workers: int = 4):
        super().__init__(url, username, secret)
        self.client = SiteClient(self.url, auth=(username, secret.replace(" ", "")), workers=workers)
        self.workers = workers
        self.user_id: int | None = None
        self.articles_seen: set[str] = set()
        self.pulled: dict[str, SiteState] = {}  # what this pull brought already (id → state)

    @property
    def site_key(self) -> str:
        site = site_record("wordpress", self.url)
        assert site is not None  # check_address made sure there is a host
        return site.key

    def _get(self, route: str, **params: Any) -> Any:
        return json_of(self.client.get("/", {"rest_route": route, **params}), self.client.host)

    # ---- checking ----------------------------------------------------------------------------

    def check(self) -> Identity:
        index = self._get("/")
        if not isinstance(index, dict) or "namespaces" not in index:
            raise SiteError(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{url} does not look like a WordPress site (no REST API there)."), url=self.url))
        if "wp/v2" not in index.get("namespaces", []):
            raise SiteError(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{url}: WordPress's REST API (wp/v2) is turned off on this site."), url=self.url))
        response = self.client.get("/", {"rest_route": "/wp/v2/users/me", "context": "edit"})
        me = json_of(response, self.client.host)
        if response.status_code != 200:
            raise SiteError(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{url} did not sign the user in ({message}); check the user name and the Application "
                                            "Password."), url=self.url, message=me.get('message', response.status_code)))
        self.user_id = int(me["id"])
        if not me.get("capabilities", {}).get("moderate_comments"):
            roles = ", ".join(me.get("roles", [])) or "no role"
            raise MissingCapability(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{username} may not moderate comments on {url} (role: {roles}); give the user the "
                                            "Editor role."), username=self.username, url=self.url, roles=roles))
        return Identity(me.get("name") or self.username, html.unescape(index.get("name") or self.url),
                        details={"roles": ", ".join(me.get("roles", []))})

    def _me(self) -> int:
        if self.user_id is None:
            self.check()
        assert self.user_id is not None
        return self.user_id

    # ---- pulling -----------------------------------------------------------------------------

    def pull(self, cursor: Mapping[str, str], known: Mapping[str, SiteState]) -> Iterator[Page]:
        self.articles_seen, self.pulled = set(), {}
        after = cursor.get("after")
        yield from self._new_since(after)
        if after:
            yield from self._status_changes({**known, **self.pulled})
        else:  # every comment on the site was just read: a known one not among them is gone
            yield from self._gone([external_id for external_id, state in known.items()
                                   if external_id not in self.pulled and state.flag != "deleted"])

    def _new_since(self, after: str | None) -> Iterator[Page]:
        """The comments after the cursor, oldest first: the first page says how many pages
        there are, and the next ones are asked for a few at once (the site answers several
        requests at a time; a network's round trips overlap), each yielded in turn."""
        params: dict[str, Any] = {"context": "edit", "status": "any", "per_page": PER_PAGE, "orderby": "date",
                                  "order": "asc"}
        if after:
            params["after"] = after
        comments, total, pages = self._list_page(params, 1)
        newest = yield from self._new_page(comments, after, total)
        page = 1
        with ThreadPoolExecutor(max(1, self.workers - 1), thread_name_prefix="wp-pages") as pool:
            asked: deque[Future[tuple[list[dict[str, Any]], int | None, int]]] = deque()
            while len(comments) == PER_PAGE:  # a full page: there may be more (some may arrive meanwhile)
                while page + len(asked) < max(pages, page + 1) and len(asked) < self.workers:
                    asked.append(pool.submit(self._list_page, params, page + len(asked) + 1))
                comments, _, _ = asked.popleft().result()
                page += 1
                newest = yield from self._new_page(comments, newest, total)

    def _list_page(self, params: Mapping[str, Any], page: int) -> tuple[list[dict[str, Any]], int | None, int]:
        """One page of comments, the site's count of them and of its pages (past the last: none)."""
        response = self.client.get("/", {"rest_route": COMMENTS, **params, "page": page})
        if response.status_code == 400 and page > 1:
            return [], None, 0  # past the last page
        comments = json_of(response, self.client.host)
        if response.status_code != 200:
            raise SiteError(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{url} refused to list comments ({message})."),
                url=self.url, message=comments.get('message', response.status_code)))
        headers = response.headers
        return comments, int(headers.get("x-wp-total", 0)) or None, int(headers.get("x-wp-totalpages", 0))

    def _new_page(self, comments: list[dict[str, Any]], newest: str | None,
                  total: int | None) -> Generator[Page, None, str | None]:
        """One page as records, with the cursor past it; → that cursor."""
        if comments:
            newest = _second_before(comments[-1]["date"])
            self.pulled |= {str(c["id"]): STATES.get(c["status"], SiteState(PENDING, c["status"][:20]))
                            for c in comments}
        yield Page(self._records(comments), {"after": newest} if newest else None, total)
        return newest

    def _status_changes(self, known: Mapping[str, SiteState]) -> Iterator[Page]:
        listed: set[str] = set()
        for status in LISTS:
            for comments in self._every_page(status=status):
                listed.update(str(c["id"]) for c in comments)
                changed = [c for c in comments if known.get(str(c["id"])) != STATES[c["status"]]]
                if changed:
                    yield Page(self._records(changed))
        yield from self._gone([external_id for external_id, state in known.items()
                               if state.status != APPROVED and external_id not in listed and state.flag != "deleted"])

    def _gone(self, left: list[str]) -> Iterator[Page]:
        """Comments no longer where they were: read by id (approved since), or gone from the site."""
        for start in range(0, len(left), PER_PAGE):
            chunk = left[start:start + PER_PAGE]
            found = self._get(COMMENTS, context="edit", status="approve", include=",".join(chunk), per_page=PER_PAGE)
            ids = {str(c["id"]) for c in found}
            yield Page(self._records(found), gone=[external_id for external_id in chunk if external_id not in ids])

    def _every_page(self, **params: Any) -> Iterator[list[dict[str, Any]]]:
        page = 1
        while True:
            comments = self._get(COMMENTS, context="edit", per_page=PER_PAGE, page=page, orderby="id", order="asc",
                                 **params)
            if not isinstance(comments, list):
                return
            yield comments
            if len(comments) < PER_PAGE:
                return
            page += 1

    def _records(self, comments: list[dict[str, Any]]) -> list[Record]:
        records: list[Record] = list(self._articles({str(c["post"]) for c in comments} - self.articles_seen))
        records += [comment_record(c) for c in comments]
        return records

    def _articles(self, post_ids: set[str]) -> Iterator[ArticleRecord]:
        """The posts (or pages) the comments belong to, once per pull."""
        self.articles_seen |= post_ids
        missing = sorted(post_ids, key=int)
        for route in ("/wp/v2/posts", "/wp/v2/pages"):
            if not missing:
                return
            found = {}
            for start in range(0, len(missing), PER_PAGE):
                for post in self._get(route, include=",".join(missing[start:start + PER_PAGE]), per_page=PER_PAGE,
                                      status="any", context="edit", _fields="id,title,link,date_gmt,excerpt"):
                    found[str(post["id"])] = post
            for post_id, post in found.items():
                yield ArticleRecord(post_id, title=html_to_text((post.get("title") or {}).get("raw")) or None,
                                    url=post.get("link"), published_at=_gmt(post.get("date_gmt")),
                                    standfirst=html_to_text((post.get("excerpt") or {}).get("raw"), keep_newlines=True)
                                    or None)
            missing = [post_id for post_id in missing if post_id not in found]

    # ---- one comment -------------------------------------------------------------------------------

    def states(self, external_ids: list[str]) -> dict[str, SiteState | None]:
        found: dict[str, SiteState | None] = dict.fromkeys(external_ids)
        for start in range(0, len(external_ids), PER_PAGE):
            chunk = external_ids[start:start + PER_PAGE]
            for comment in self._get(COMMENTS, context="edit", status="any", include=",".join(chunk),
                                     per_page=PER_PAGE, _fields="id,status"):
                found[str(comment["id"])] = STATES.get(comment["status"], SiteState(PENDING, comment["status"][:20]))
        return found

    def site_status(self, status: Status, reason: str | None, hide_statuses: Mapping[str, str]) -> SiteState | None:
        if status == Status.APPROVED:
            return STATES["approved"]
        if status == Status.PENDING:
            return STATES["hold"]
        if status == Status.REMOVED:
            return STATES["trash"]
        chosen = hide_statuses.get(reason or "") or HIDE_STATUSES.get(reason or "", DEFAULT_HIDE)
        return STATES.get(chosen, STATES[DEFAULT_HIDE])

    def set_state(self, external_id: str, state: SiteState) -> None:
        response = self.client.send("POST", "/", {"rest_route": f"{COMMENTS}/{external_id}"},
                                    json={"status": WP_STATUS[state]})
        if response.status_code == 404:

            raise Gone(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "Comment {external_id} is no longer on {url}."),
                external_id=external_id, url=self.url))
        if response.status_code != 200:
            raise SiteError(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{url} refused to change comment {external_id} ({message})."),
                url=self.url, external_id=external_id, message=_message(response)))

    def post(self, article_external_id: str, parent_external_id: str | None, text: str, author: str) -> str:
        response = self.client.send("POST", "/", {"rest_route": COMMENTS}, json={
            "post": int(article_external_id), "parent": int(parent_external_id or 0), "status": "approved",
            "content": html.escape(text, quote=False)})
        if response.status_code == 409:  # WordPress's own duplicate check: the same text is there already

            raise Gone(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{url} says this reply is there already ({message})."),
                url=self.url, message=_message(response)))
        if response.status_code != 201:
            raise SiteError(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{url} refused the reply ({message})."), url=self.url, message=_message(response)))
        return str(json_of(response, self.client.host)["id"])

    def find_posted(self, article_external_id: str, parent_external_id: str | None, text: str,
                    since: datetime) -> list[str]:
        found = self._get(COMMENTS, context="edit", status="any", post=article_external_id,
                          parent=parent_external_id or 0, author=self._me(), per_page=PER_PAGE, orderby="id",
                          order="desc")
        wanted = text.strip()
        return [str(c["id"]) for c in found
                if html_to_text((c.get("content") or {}).get("raw"), keep_newlines=True).strip() == wanted
                and (_gmt(c.get("date_gmt")) or since) >= since - timedelta(minutes=5)]

    def remove(self, external_id: str) -> None:
        self.set_state(external_id, STATES["trash"])

    def close(self) -> None:
        self.client.close()


def comment_record(comment: dict[str, Any]) -> CommentRecord:
    state = STATES.get(comment.get("status", ""), SiteState(PENDING, str(comment.get("status"))[:20]))
    parent = comment.get("parent") or 0
    raw = (comment.get("content") or {}).get("raw")
    return CommentRecord(
        str(comment["id"]), str(comment["post"]), str(parent) if parent else None,
        html.unescape(comment.get("author_name") or "") or ANONYMOUS,
        comment.get("author_email") or None, comment.get("author_url") or None, comment.get("author_ip") or None,
        _gmt(comment.get("date_gmt")), html_to_text(raw, keep_newlines=True) if raw else "",
        state.status, state.flag, (comment.get("type") or "comment")[:20])


def _gmt(value: str | None) -> datetime | None:
    try:
        return parse_iso_time(value)
    except ValueError:
        return None


def _second_before(local: str) -> str:
    """The site's local time a second earlier: `after` is strict, the cursor's own second is read again."""
    return (datetime.fromisoformat(local) - timedelta(seconds=1)).isoformat()


def _message(response: Any) -> str:
    try:
        return str(response.json().get("message") or f"HTTP {response.status_code}")
    except ValueError:
        return f"HTTP {response.status_code}"
