"""`--fast auto`: the fast mode that suits this CPU, chosen by measuring it here.

The candidates are bf16 (where torch multiplies bf16 natively, and its measured matmul
peak beats fp32's: AMX, AVX-512 bf16) and int8 dynamic quantisation (wherever torch has a
quantised engine: VNNI makes it fast, plain AVX2 less so). Each candidate scores a fixed
probe of comments beside the exact path, batch by batch in turn, and is kept only if

- no score moves by more than DEVIATION_LIMIT from the exact one (the comment panel shows
  two decimals, and a priority chip can only change for a score that close to a
  threshold), and
- it scores at least SPEEDUP_NEEDED times as fast as exact scoring on this CPU (a mode
  that emulates its arithmetic would be slower: it is refused).

The fastest kept wins; with none kept, scoring stays exact and says why. The choice is
kept in the pack's calibration file per CPU class, torch build and model.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from moderator.scoring.batching import CalibrationCache
from moderator.scoring.cpu import Clock, cpu_class, matmul_peak
from moderator.scoring.detox import (
    AUTO,
    BF16,
    CALIBRATION_FILE,
    INT8,
    DetoxifyScorer,
    bf16_is_native,
    calibration_key,
    int8_is_available,
)

DEVIATION_LIMIT = 0.02
SPEEDUP_NEEDED = 1.2
PEAK_NEEDED = 1.5  # bf16 matmuls must beat fp32's by this much to be worth a trial
EXACT = "exact"
Peak = Callable[[str], float]  # GFLOP/s of matmuls in a dtype ("float32", "bfloat16")


@dataclass(frozen=True)
class Trial:
    mode: str
    speedup: float  # exact's time over the mode's, on the same batches
    max_diff: float  # the largest difference from an exact score

    @property
    def refusal(self) -> str | None:
        if self.max_diff > DEVIATION_LIMIT:
            return f"{self.mode} moved a score by {self.max_diff:.3f}"
        if self.speedup < SPEEDUP_NEEDED:
            return f"{self.mode} was only {self.speedup:.2f}x as fast as exact scoring here"
        return None


@dataclass(frozen=True)
class FastChoice:
    mode: str | None  # None: exact scoring
    reason: str  # one sentence for the user
    trials: tuple[Trial, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        return {"mode": self.mode, "reason": self.reason,
                "trials": [{"mode": t.mode, "speedup": round(t.speedup, 2), "max_diff": round(t.max_diff, 5)}
                           for t in self.trials]}


def auto_scorer(pack: Path, clock: Clock = time.perf_counter) -> DetoxifyScorer:
    """The pack's scorer in the fast mode that suits this CPU (its `note` says which and why)."""
    exact = DetoxifyScorer(pack, clock=clock)
    cache, key = CalibrationCache(pack / CALIBRATION_FILE), "fast-" + calibration_key(exact.loaded.manifest, AUTO)
    choice = cached_choice(cache.entry(key))
    if choice is None:
        modes, refused = candidate_modes()
        candidates = {mode: DetoxifyScorer(pack, mode, clock=clock, loaded=exact.loaded) for mode in modes}
        choice = choose(exact, candidates, clock, refused)
        cache.put(key, choice.as_json() | {"cpu": cpu_class().summary})
    scorer = DetoxifyScorer(pack, choice.mode, clock=clock, loaded=exact.loaded) if choice.mode else exact
    scorer.note = choice.reason
    return scorer


def candidate_modes(peak: Peak | None = None) -> tuple[list[str], list[str]]:
    """The modes worth a trial on this CPU, and why the others are not."""

    modes, refused = [], []
    if not bf16_is_native():
        refused.append("bf16 is emulated on this processor")
    else:
        peak = peak or quick_peak
        fp32, bf16 = peak("float32"), peak("bfloat16")
        if bf16 >= PEAK_NEEDED * fp32:
            modes.append(BF16)
        else:
            refused.append(f"bf16 matmuls ran {bf16 / fp32:.1f}x as fast as fp32 here")
    if int8_is_available():
        modes.append(INT8)
    else:
        refused.append("torch has no int8 engine for this processor")
    return modes, refused


def quick_peak(dtype_name: str) -> float:
    return matmul_peak(dtype_name, size=512, seconds=0.1)  # AMX's bf16 runs 4-7x fp32: a short look tells


def choose(exact: DetoxifyScorer, candidates: dict[str, DetoxifyScorer], clock: Clock,
           refused: Sequence[str] = ()) -> FastChoice:
    """Score the probe (one packed batch) with exact and every candidate, in turn, ROUNDS times
    after an untimed warm-up; keep the fastest that passes. A few hundred tokens, where the
    first scoring run used to wait 8 s for a probe of 4,300 (docs/models.md)."""
    texts = probe_texts()
    scorers = {EXACT: exact} | candidates
    for scorer in scorers.values():
        scorer.score_as_is(texts)  # kernels are prepared on first use: not timed
    seconds = dict.fromkeys(scorers, 0.0)
    scores: dict[str, list[dict[str, float]]] = {}
    for _ in range(ROUNDS):  # in turn, so a neighbour's load hits every mode alike
        for mode, scorer in scorers.items():
            started = clock()
            scores[mode] = scorer.score_as_is(texts)
            seconds[mode] += clock() - started
    trials = tuple(Trial(mode, seconds[EXACT] / max(seconds[mode], 1e-9), _max_diff(scores[EXACT], scores[mode]))
                   for mode in candidates)
    return _decide(trials, list(refused))


def _decide(trials: Sequence[Trial], refused: list[str]) -> FastChoice:
    kept = [trial for trial in trials if trial.refusal is None]
    refused += [trial.refusal for trial in trials if trial.refusal is not None]
    if not kept:
        return FastChoice(None, f"No fast mode suits this processor ({'; '.join(refused)}): scoring exactly.", tuple(trials))
    best = max(kept, key=lambda trial: trial.speedup)
    return FastChoice(best.mode, f"Fast mode {best.mode}: {best.speedup:.1f}x exact scoring on this processor, "
                      f"scores within {best.max_diff:.3f} of exact.", tuple(trials))


def cached_choice(entry: dict[str, Any]) -> FastChoice | None:
    mode, reason = entry.get("mode", ""), entry.get("reason")
    if mode not in (None, BF16, INT8) or not isinstance(reason, str):
        return None
    return FastChoice(mode, reason + " (measured earlier on this processor)")


def _max_diff(exact: list[dict[str, float]], fast: list[dict[str, float]]) -> float:
    return max((abs(e[label] - f[label]) for e, f in zip(exact, fast) for label in e), default=0.0)


PROBE_WORDS = ("the a you your they this that article comment people government idea stupid idiot agree wrong "
               "right thanks great terrible hate love think never always why because should would could "
               "really just more about what when who city council vote tax school police news report "
               "liar clown nonsense brilliant shame pathetic honest decent kill threat disgusting").split()
# Short to long, a few hundred tokens in all (400 with the benchmark's vocabulary): enough to
# see bf16's or int8's rounding on the lengths a site sees most, small enough that the whole
# trial costs the first run a few CPU seconds (docs/models.md).
PROBE_LENGTHS = (3, 8, 16, 30, 60, 110)
ROUNDS = 2


def probe_texts() -> list[str]:
    """Comments of every length a site sees, in words moderators meet; the same on every machine."""
    rng = random.Random(20)
    return [" ".join(rng.choice(PROBE_WORDS) for _ in range(n)).capitalize() + "." for n in PROBE_LENGTHS]
