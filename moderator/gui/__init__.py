"""The Qt GUI: sits on top of the core and only calls it."""
