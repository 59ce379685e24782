"""The selected comment in full: what it answers, its scores, every decision on it."""
