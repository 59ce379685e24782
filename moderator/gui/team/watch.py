"""Live queues: what other moderators on the same database decide and claim reaches this
window within a second, through the window's one "something changed" road
(`Writer.announce_soon`: every view reads what the `Changes` name on the window's reader, as
for a pull's; the moderator's own writes reach the views at once).

How the window learns that it should look (storage/notify.py):
- PostgreSQL: a listener on its own thread hears the NOTIFY each decision and each claim
  sends in its transaction, and pokes this object (a queued signal: back on the GUI thread);
- SQLite: a timer checks the file's `data_version` every POLL_MS (microseconds of work);
  any commit by another connection (another app, a script, this window's own writer) moves it.
Then it reads what changed: decisions after the last one seen (its own writer's aside,
already announced) and the live claims, and announces them. Pokes that come in a burst
are coalesced into one look.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from moderator.changes import Changes
from moderator.gui.common.reading import Read
from moderator.gui.workers.writer import Writer
from moderator.moderation import claims
from moderator.reading import team
from moderator.storage.database import Database
from moderator.storage.engine import database_path
from moderator.storage.notify import DataVersion, Listener

POLL_MS = 250  # SQLite: how often the file's commit counter is checked
COALESCE_MS = 50  # a burst of pokes makes one look


class TeamWatch(QObject):
    claims_changed = Signal()  # the board of who holds what changed (after it is updated)
    looked = Signal()  # a look ended (tests wait on it)
    _poked = Signal()  # from the listener's thread; queued to the GUI thread

    def __init__(self, db: Database, read: Read, writer: Writer, parent: QObject | None = None):
        super().__init__(parent)
        self._read, self._writer = read, writer
        self.board: dict[int, str] = read(claims.live_claims)  # comment id -> who holds it (everyone's)
        self._latest = read(team.latest_decision)
        self._own: set[int] = set()  # decision ids this window's writer announced
        writer.changed.listen(self._note_own)
        self._look_soon = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._look_soon.timeout.connect(self.look)
        self._poked.connect(self._look_soon.start, Qt.ConnectionType.QueuedConnection)
        self._closed = False
        self._version: DataVersion | None = None
        self._listener: Listener | None = None
        self._poll = QTimer(self, interval=POLL_MS)
        self._expiries = QTimer(self, interval=claims.RENEW_SECONDS * 1000)  # claims of apps that died run out
        self._expiries.timeout.connect(self.look)
        self._expiries.start()
        path = database_path(db.engine)
        if db.engine.dialect.name == "postgresql":
            self._listener = Listener(db.engine, self._poked.emit)
            self._listener.start()
        elif path is not None:
            self._version = DataVersion(path)
            self._poll.timeout.connect(self._check_version)
            self._poll.start()

    def holder(self, comment_id: int | None, moderator: str) -> str | None:
        """Who else holds this comment, as far as this window knows (None: nobody)."""
        who = self.board.get(comment_id) if comment_id is not None else None
        return who if who != moderator else None

    def _note_own(self, changes: Changes) -> None:
        self._own.update(changes.decision_ids)

    def _check_version(self) -> None:
        if self._version is not None and self._version.changed():
            self._look_soon.start()

    def look(self) -> None:
        """Read what others changed and announce it to every view."""
        if self._closed:  # a poke still on its way when the window closed
            return
        if not self._writer.idle:  # a write of ours may be committed and not yet announced: it would
            self._look_soon.start()  # read as a colleague's (shown twice), so look once it has been
            return
        own, latest = frozenset(self._own), self._latest
        changes, self._latest = self._read(lambda s: team.decided_since(s, latest, own))
        self._own.difference_update(d for d in own if d <= self._latest)
        claimed = self._claims_moved()
        if changes.everything or changes.decided or claimed:  # others' doing: the views read it off the GUI thread
            self._writer.announce_soon(Changes(changes.decided, comment_ids=changes.comment_ids | claimed,
                                          article_ids=changes.article_ids, thread_shape=changes.thread_shape,
                                          everything=changes.everything))
        self.looked.emit()

    def _claims_moved(self) -> frozenset[int]:
        board = self._read(claims.live_claims)
        moved = frozenset(cid for cid in board.keys() | self.board.keys() if board.get(cid) != self.board.get(cid))
        self.board = board
        if moved:
            self.claims_changed.emit()
        return moved

    def close(self) -> None:
        self._closed = True
        self._poll.stop()
        self._expiries.stop()
        self._look_soon.stop()
        if self._listener is not None:
            self._listener.stop()
        if self._version is not None:
            self._version.close()
