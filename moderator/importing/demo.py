"""The demo data the app loads on first start: the seed page and comment threads for it."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from moderator.config import SEEDS_DIR
from moderator.importing import ImportReport, import_comment_lines_file, import_page_file

SEED_PAGE = "000_64f03f9426af64fa.txt"
DEMO_COMMENTS = "demo_comments.jsonl"
# The page's "Read next" items are Tuesday 29 April 2025's news; the demo threads are timed to it.
SEED_PAGE_DATE = date(2025, 4, 29)


def load_demo(session: Session) -> list[ImportReport]:
    """Idempotent: a second run finds everything in place and adds nothing."""
    folder = SEEDS_DIR
    reports = [
        import_page_file(session, folder / SEED_PAGE, published_on=SEED_PAGE_DATE),
        import_comment_lines_file(session, folder / DEMO_COMMENTS),
    ]
    session.commit()
    return reports
