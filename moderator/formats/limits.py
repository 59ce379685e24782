"""What one import file may hold: every limit in one place (docs/formats.md, "Limits").

A file beyond a limit is refused with one sentence that names the limit and where
it was met; nothing of it is kept. Within them an import's memory stays bounded
whatever the file holds, and its time grows with the file's size, never faster.
Real exports stay far below each one: they are there for hostile or broken files.
"""

from __future__ import annotations

MB = 1 << 20

# One comment's text as the file has it (HTML or plain): WordPress itself stops at 64 KB.
MAX_COMMENT = 1 * MB  # characters
# XML: one field (a text with no element starting or ending in it); everything the
# parse holds at once (one record: an item's own fields and one of its comments, or a
# Disqus post), in characters and in elements; and how deep elements nest.
MAX_FIELD = 16 * MB  # bytes
MAX_HELD = 32 * MB  # characters
MAX_ELEMENTS = 10_000  # counted between every two reads: kept small, it costs little
MAX_DEPTH = 100  # levels of XML elements (JSON: as deep as Python's reader follows, some 1,000)
# JSON: one line of JSON Lines, or one item of a JSON document (an Isso thread with its
# comments, a Commento comment), in characters; and the memory its values may take once
# decoded, estimated from its text (a few bytes of "[{},{}…]" take a hundred bytes each).
MAX_ITEM = 8 * MB
MAX_DECODED = 128 * MB  # bytes
MAX_COMMENTERS = 500_000  # Commento's commenters, held while its comments are read
# A gzip-compressed Remark42 backup: how many times its size it may expand to (JSON
# compresses some ten times; a "zip bomb" thousands).
MAX_INFLATION = 100
# An article page's text file (the seed page: a few kB), read whole.
MAX_PAGE = 1 * MB  # bytes
# A decisions file, whose decisions are held until each comment's last one is known.
MAX_DECISIONS_FILE = 64 * MB  # bytes

# Not limits: how much text a batch of records carries at most between the parser and
# the writer, besides the number of records (a batch of big comments goes sooner).
BATCH_CHARS = 1 * MB


def size(value: int) -> str:
    """A limit in words: '16 MB', '100,000'."""
    return f"{value // MB} MB" if value >= MB and value % MB == 0 else f"{value:,}"
