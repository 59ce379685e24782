"""What this CPU can do, found by looking (its flags) and by measuring (matmul peaks).

The machines that staff and CI get differ from one day to the next (an AVX2-only EPYC,
an AVX-512 VNNI Xeon, an AMX Xeon), so scoring decides by measurement on the CPU it
finds, never by its name: the flags only name the class in reports and key the caches.
"""

from __future__ import annotations

import hashlib
import os
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# The flags that decide how fast a transformer runs on x86 (Linux's names).
FLAGS = ("avx2", "fma", "avx512f", "avx512_vnni", "avx_vnni", "avx512_bf16", "amx_tile", "amx_bf16", "amx_int8")
Clock = Callable[[], float]


@dataclass(frozen=True)
class CpuClass:
    machine: str  # platform.machine()
    model: str  # the processor's name, as the system gives it
    flags: tuple[str, ...]  # those of FLAGS it has
    cores: int  # the cores this process may run on

    @property
    def key(self) -> str:
        """Short and stable: the cache key for measurements made on this class of CPU."""
        return hashlib.sha256(repr(self).encode()).hexdigest()[:16]

    @property
    def summary(self) -> str:
        return f"{self.model} ({self.machine}, {self.cores} cores; {' '.join(self.flags) or 'no AVX2'})"


@lru_cache(maxsize=1)
def cpu_class() -> CpuClass:
    flags, model = _linux_cpu_info()
    return CpuClass(platform.machine().lower(), model or platform.processor() or "unknown",
                    tuple(f for f in FLAGS if f in flags), usable_cores())


def usable_cores() -> int:
    """Cores this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _linux_cpu_info() -> tuple[set[str], str]:
    info = Path("/proc/cpuinfo")
    if not info.is_file():
        return set(), ""
    flags: set[str] = set()
    model = ""
    for line in info.read_text(encoding="utf-8", errors="replace").splitlines():
        name, _, value = line.partition(":")
        if name.strip() == "flags" and not flags:
            flags = set(value.split())
        elif name.strip() == "model name" and not model:
            model = value.strip()
    return flags, model


def matmul_peak(dtype_name: str, size: int = 2048, seconds: float = 3.0, clock: Clock = time.perf_counter) -> float:
    """GFLOP/s of square matmuls in `dtype_name` ("float32", "bfloat16") with torch's current threads."""
    import torch

    dtype = getattr(torch, dtype_name)
    a, b = torch.randn(size, size).to(dtype), torch.randn(size, size).to(dtype)
    a @ b  # the first call picks and prepares kernels
    runs, started = 0, clock()
    while (elapsed := clock() - started) < seconds or runs == 0:
        a @ b
        runs += 1
    return 2 * size**3 * runs / max(elapsed, 1e-9) / 1e9
