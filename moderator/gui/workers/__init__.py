"""Work off the GUI thread: the one writer, the reader, scoring, progress, the idle collector."""
