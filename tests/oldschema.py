"""Rows as an older revision of the schema stored them, written in raw SQL (the models
describe today's schema): for the tests of migrations on databases that hold data."""

from __future__ import annotations

from sqlalchemy import text


def insert_old_comments(c, comments: list[tuple[int, str, str, str]]) -> None:
    """Site 1, article 1 and these (id, body, author, status) comments, in raw SQL: the
    schema of an older revision, not today's models."""
    c.execute(text("INSERT INTO sites (id, key, name, comment_prompt, comment_call) VALUES (1, 's', 'S', '?', '!')"))
    c.execute(text("INSERT INTO articles (id, site_id, external_id, headline, standfirst, body, imported_at) "
                   "VALUES (1, 1, 'a', 'H', '', '', '2025-01-01 00:00:00.000000')"))
    for cid, body, author, status in comments:
        c.execute(text("INSERT INTO comments (id, site_id, article_id, author, is_staff, body, created_at, status, "
                       "version, updated_at, kind) VALUES (:id, 1, 1, :author, FALSE, :body, '2025-01-01 00:00:00.000000', "
                       ":status, 1, '2025-01-01 00:00:00.000000', 'comment')"),
                  {"id": cid, "body": body, "author": author, "status": status})
