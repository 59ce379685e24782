"""The widgets of a form made in Qt Designer (ui/*.ui), found by their object names."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

W = TypeVar("W", bound=QObject)


def child(form: QObject, kind: type[W], name: str) -> W:
    """The form's widget `name`. A form without it is a bug (the form and its code disagree),
    named here rather than as a None that fails somewhere later."""
    found = form.findChild(kind, name)
    if found is None:
        raise LookupError(f"the form {form.objectName()!r} has no {kind.__name__} named {name!r}")
    return found
