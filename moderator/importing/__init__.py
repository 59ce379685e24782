"""Import into the database: comment exports, article pages and decisions files.

What the GUI and the CLI call:
- import_file(session, path, file_format="auto", site_key=None, progress=None) → ImportReport,
  inside the caller's transaction; import_files(...) commits each file on its own.
- progress(ImportProgress) is called every few thousand records on the importing
  thread; raising ImportCancelled from it stops the import and keeps nothing.

Formats are parsed by moderator.formats; records are written by writer.Writer.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from moderator.importing.page import DEFAULT_SITE_KEY, get_or_create_site, import_page, import_page_file
from moderator.importing.report import Counts, ImportCancelled, ImportProgress, ImportReport, ProgressCallback
from moderator.importing.run import FORMAT_NAMES, choose_format, detect_format, import_file, import_files, import_records

__all__ = [
    "Counts", "DEFAULT_SITE_KEY", "FORMAT_NAMES", "ImportCancelled", "ImportProgress", "ImportReport",
    "ProgressCallback", "choose_format", "detect_format", "get_or_create_site", "import_comment_lines_file",
    "import_file", "import_files", "import_page", "import_page_file", "import_records",
]


def import_comment_lines_file(session: Session, path: Path, site_key: str = DEFAULT_SITE_KEY) -> ImportReport:
    """Comments as JSON Lines (the generic format; docs/formats.md)."""
    return import_file(session, path, "jsonl", site_key)
