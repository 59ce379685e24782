"""Connections to sites' own comment systems (WordPress, Isso): pull new and changed
comments through the import pipeline, deliver the outbox exactly once, hold conflicts.

- base.py: the one small interface (`Connector`) and what it exchanges; the address rule
  (HTTPS, or plain HTTP to this machine only).
- client.py: the HTTP client (timeouts, retries with backoff, connections reused).
- wordpress.py, isso.py: one module per kind of site.
- connections.py: connections in the database; secrets.py: where their secrets are kept.
- sync.py: the sync engine, written once over the interface.
"""
