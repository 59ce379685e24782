"""What a failing call raised, for tests that look at the error itself (its sentence, its kind)."""

from __future__ import annotations

from collections.abc import Callable


def raised(action: Callable[[], object]) -> BaseException:
    try:
        action()
    except BaseException as error:  # noqa: BLE001 - the error is what the test looks at
        return error
    raise AssertionError("nothing was raised")
