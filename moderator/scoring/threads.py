"""Threads for the forward passes: every core this process may use, set once.

Scoring runs in its own process (moderator.scoring.process) at a lower priority, so its
threads never hold the window's GIL and the system gives the window a core whenever it
wants one: the scoring process can take both cores for its matrix products. (An earlier
governor tried one thread now and then, batch by batch, in case a neighbour held a core;
on a quiet machine each try cost a batch at half speed, and the priority already yields
to the neighbours: docs/decisions.md.)
"""

from __future__ import annotations

import os

# Waiting threads sleep instead of spinning: a spinning thread takes the CPU the window
# (or another program) is waiting for. Set before torch loads.
OPENMP_ENVIRONMENT = {"OMP_WAIT_POLICY": "PASSIVE", "KMP_BLOCKTIME": "0", "TOKENIZERS_PARALLELISM": "false"}


def prepare_threads_environment() -> None:
    """Before torch is imported: OpenMP's waiting threads sleep (a user's own setting is kept)."""
    for name, value in OPENMP_ENVIRONMENT.items():
        os.environ.setdefault(name, value)


def use_cores(cores: int) -> None:
    """torch's threads: one per core this process may run on (torch's default counts the
    machine's cores, which a container or `taskset` may not all allow)."""
    import torch

    if torch.get_num_threads() != cores:
        torch.set_num_threads(cores)
