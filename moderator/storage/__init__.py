"""Storage: typed SQLAlchemy models, engine set-up and migrations (no Qt here)."""
