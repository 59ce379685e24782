"""The write side: every operation that changes a comment, and what it returns."""
