"""One commenter: everything they wrote, with counts."""
