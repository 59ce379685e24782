"""How many threads a forward pass gets: all the cores when they are free, one when they are not.

torch splits each operation evenly over its threads and waits for the last one. When
another program (the window, a build, another scorer) holds one of two cores, the half
left on that core waits for it, and the whole batch with it: measured on a busy 2-core
machine, a batch took 2.7 times longer on 2 threads than on 1 (docs/models.md). One
thread, on the other hand, leaves a free core unused. So the governor measures: it runs
on the count that has scored fastest lately, and now and then tries another for one batch.
Rates are work per second (the batch's FLOPs), so batches of any size compare.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

Result = TypeVar("Result")
PROBE_EVERY = 12  # batches between two tries of another thread count
SMOOTHING = 0.3  # weight of the newest measurement in a count's running rate
WARMUP = 1  # batches not measured at first (kernels are prepared on first use)

# Waiting threads sleep instead of spinning: a spinning thread takes the CPU the window
# (or the other scorer thread, or another program) is waiting for. Set before torch loads.
OPENMP_ENVIRONMENT = {"OMP_WAIT_POLICY": "PASSIVE", "KMP_BLOCKTIME": "0", "TOKENIZERS_PARALLELISM": "false"}


def prepare_threads_environment() -> None:
    """Before torch is imported: OpenMP's waiting threads sleep (a user's own setting is kept)."""
    for name, value in OPENMP_ENVIRONMENT.items():
        os.environ.setdefault(name, value)


def thread_counts(cores: int) -> tuple[int, ...]:
    """The counts worth trying: all the cores, half of them, one."""
    return tuple(sorted({cores, max(1, cores // 2), 1}, reverse=True))


def torch_threads(count: int) -> None:
    import torch

    torch.set_num_threads(count)


@dataclass
class ThreadGovernor:
    counts: tuple[int, ...]  # the thread counts to choose from, the preferred (most) first
    set_threads: Callable[[int], None] = torch_threads
    clock: Callable[[], float] = time.perf_counter
    rates: dict[int, float] = field(default_factory=dict)  # running FLOP/s per thread count
    current: int = 0
    _batches: int = 0
    _probing: int | None = None

    def run(self, work: Callable[[], Result], flops: float) -> Result:
        """Run one batch's work on the thread count chosen for it, and learn from its time."""
        count = self._choose()
        if count != self.current:
            self.set_threads(count)
            self.current = count
        started = self.clock()
        result = work()
        self._learn(count, flops / max(self.clock() - started, 1e-9))
        return result

    def _choose(self) -> int:
        self._batches += 1
        untried = [count for count in self.counts if count not in self.rates]
        if self._batches <= WARMUP + 1:
            self._probing = None  # the preferred count first, warming up and then measured
        elif untried:
            self._probing = untried[0]
        elif self._batches % PROBE_EVERY == 0:
            self._probing = self._other()
        else:
            self._probing = None
        return self._probing or self.best()

    def best(self) -> int:
        if not self.rates:
            return self.counts[0]
        return max(self.rates, key=lambda count: self.rates[count])

    def _other(self) -> int | None:
        """The next count to try again, in turn, other than the best."""
        others = [count for count in self.counts if count != self.best()]
        return others[(self._batches // PROBE_EVERY) % len(others)] if others else None

    def _learn(self, count: int, rate: float) -> None:
        if self._batches <= WARMUP:
            return
        old = self.rates.get(count)
        # A tried count was last measured long ago: its new figure replaces the old one.
        if old is None or count == self._probing:
            self.rates[count] = rate
        else:
            self.rates[count] = SMOOTHING * rate + (1 - SMOOTHING) * old
