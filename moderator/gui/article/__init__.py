"""The open article as a reader sees it, with its comment thread as a tree."""
