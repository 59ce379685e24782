"""Commenters as people, as the rules see them: who wrote a comment, their standing, and
whether a comment is their first on the site.

A commenter is per site. None of our import formats carries the source's own author id into
the database, so identity is the e-mail address where the source gave one (lower-cased:
"email:ann@example.org"), else the name ("name:Ann"). A commenter has a row (commenters)
only once someone gives them notes or a standing: everyone else is normal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, func, select

from moderator.storage.models import Comment, Commenter, core_table

commenters, comments = core_table(Commenter), core_table(Comment)
CHUNK = 900
NORMAL, TRUSTED, BANNED = "normal", "trusted", "banned"
STANDINGS = (TRUSTED, NORMAL, BANNED)


def identity(author: str, email: str | None) -> str:
    email = (email or "").strip().lower()
    return f"email:{email}" if email else f"name:{author}"


def standings(connection: Connection, site_id: int, identities: Iterable[str]) -> dict[str, str]:
    """identity → standing, for those of these commenters who are not normal."""
    wanted = sorted(set(identities))
    found: dict[str, str] = {}
    for start in range(0, len(wanted), CHUNK):
        rows = connection.execute(select(commenters.c.identity, commenters.c.standing).where(
            commenters.c.site_id == site_id, commenters.c.identity.in_(wanted[start:start + CHUNK]),
            commenters.c.standing != NORMAL))
        found.update((row.identity, row.standing) for row in rows)
    return found


def anyone_not_normal(connection: Connection, site_id: int) -> bool:
    """One indexed look: most sites have no trusted or banned commenter, and then no comment needs looking up."""
    return connection.scalar(select(commenters.c.id).where(commenters.c.site_id == site_id,
                                                           commenters.c.standing != NORMAL).limit(1)) is not None


def first_comments(connection: Connection, site_id: int, rows: Sequence[tuple[int, str, str | None]]) -> set[int]:
    """Of these comments (id, author, e-mail), those that are their commenter's first on the
    site: no comment of the same identity has a lower id. Found through the author index, so
    a commenter who kept their e-mail but changed their name counts as new."""
    earliest: dict[str, int] = {}
    names = sorted({author for _id, author, _email in rows})
    for start in range(0, len(names), CHUNK):
        grouped = connection.execute(select(comments.c.author, comments.c.author_email, func.min(comments.c.id))
                                     .where(comments.c.author.in_(names[start:start + CHUNK]), comments.c.site_id == site_id)
                                     .group_by(comments.c.author, comments.c.author_email))
        for author, email, lowest in grouped:
            key = identity(author, email)
            earliest[key] = min(lowest, earliest.get(key, lowest))
    return {comment_id for comment_id, author, email in rows if earliest.get(identity(author, email)) == comment_id}
