"""Moderator actions run through the writer: undoable decisions, bulk actions, files."""
