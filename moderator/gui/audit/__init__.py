"""The audit log window."""
