"""The read side: frozen rows for views and the command line (never live ORM objects)."""
