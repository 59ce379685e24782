"""Connected sites in the window: Site → Connections…, F9, the status bar's "Offline · 37 to
send", the Sync log, and a comment's conflict (both states, and a choice)."""
