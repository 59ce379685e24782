"""The `moderator` command: the app (no sub-command) and the same core for automation."""
