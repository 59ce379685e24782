"""Background work at a lower scheduling priority than the window, so that the GUI thread
wins a CPU whenever it wants one: the sync worker, the writers, the import's parse-ahead
process and the scoring processes call these from inside themselves (docs/architecture.md,
"Threads").

On Linux a thread's nice value is its own (`setpriority` on its thread id), and a thread or
process inherits the nice value of the thread that starts it: the helpers a background
thread starts (a pull's page fetcher, a parse-ahead child) are lowered with it. Elsewhere no
thread has a nice value of its own, so lowering a thread is a no-op there (nicing the
process would slow the window too); a child process is lowered as a whole everywhere.

Lowering cannot be undone: an unprivileged process may raise its nice value, never lower it
again. So only threads and processes made for background work call these, never a thread
that may later do the window's work.
"""

from __future__ import annotations

import os
import sys
import threading

NICENESS = 10  # a child process: a busy core goes to the window ~9 times in 10 (Linux's weights)
# A thread shares Python's GIL with the window: preempted by other programs while it holds it,
# it keeps the window waiting, the longer the lower it runs. +5 still gives the window ~3 turns
# in 4 of a busy core (docs/decisions.md: the blocked time measured at +10, +5 and 0).
THREAD_NICENESS = 5
MOST = 19  # the lowest priority a nice value can say
_lowered = threading.local()


def lower_this_thread(niceness: int = THREAD_NICENESS) -> bool:
    """The calling thread to `niceness` above the process's main thread (the window's);
    True where the platform has per-thread priorities (Linux), False where this is a no-op."""
    _lowered.yes = True
    if not sys.platform.startswith("linux"):
        return False
    thread = threading.get_native_id()
    target = min(MOST, os.getpriority(os.PRIO_PROCESS, os.getpid()) + niceness)
    if os.getpriority(os.PRIO_PROCESS, thread) < target:  # never back up: that would need privilege
        os.setpriority(os.PRIO_PROCESS, thread, target)
    return True


def is_lowered() -> bool:
    """Whether the calling thread called `lower_this_thread` (a child it starts follows it)."""
    return getattr(_lowered, "yes", False)


def lower_this_process(niceness: int = NICENESS) -> None:
    """In a child process made for background work: all of it, `niceness` above its parent.
    (On Linux a child started by a lowered thread is lowered already: this leaves it there.)"""
    if hasattr(os, "nice"):
        target = min(MOST, _parent_niceness() + niceness)
        current = os.nice(0)
        if current < target:
            os.nice(target - current)
    elif sys.platform == "win32":
        import ctypes

        below_normal = 0x4000  # BELOW_NORMAL_PRIORITY_CLASS
        ctypes.windll.kernel32.SetPriorityClass(ctypes.windll.kernel32.GetCurrentProcess(), below_normal)


def _parent_niceness() -> int:
    try:
        return os.getpriority(os.PRIO_PROCESS, os.getppid())
    except OSError:  # the parent has gone (the child ends soon): this process's own is the best guess
        return os.nice(0) - NICENESS
