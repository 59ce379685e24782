"""Dialogs: hide, reply, preferences, shortcuts, scoring models."""
