"""Comment Moderator: review reader comments, scored locally, stored locally.

Everything in this package outside ``moderator.gui`` is the core: it never imports Qt.
"""

__version__ = "0.1.0"
APP_NAME = "Comment Moderator"
APP_ID = "comment-moderator"
