"""How comments are grouped into batches, and how the grouping is chosen: by measuring.

A transformer's cost per comment depends on the CPU in ways no rule of thumb carries
from one machine to the next: how many rows a matrix product needs before it runs at the
CPU's peak, what padding to a batch's longest comment wastes, how attention's cost grows
with the width. So the first large window a model scores on a CPU is a calibration: its
comments, sorted by length, are dealt in turn to one group per candidate batching (each
group has the same spread of lengths), the groups are scored batch by batch in turn (so
a neighbour's load hits every candidate alike), and the candidate that scored the most
useful work per second wins. Nothing is wasted: every comment of the calibration is
scored once, as in any window. The choice is kept per CPU and model (`CalibrationCache`).
"""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

Item = TypeVar("Item")


@dataclass(frozen=True)
class Batching:
    size: int  # comments per batch at most
    by_length: bool  # sort a window by token count so a batch pads little
    # Tokens per batch at most: padded tokens (width x comments) for a padded batch, whose long
    # comments go in small batches since attention grows with the square of the width; real
    # tokens for a packed one (moderator.scoring.packing). 0: no limit.
    token_budget: int = 0
    packed: bool = False  # one stream of the comments' tokens, no padding

    @property
    def name(self) -> str:
        if self.size == 1:
            return "one at a time"
        return f"packed, {self.token_budget} tokens" if self.packed else f"up to {self.size}, {self.token_budget} tokens"


# Before a calibration: sorted batches of at most 8 comments and 2,048 padded tokens,
# measured at least as fast as one at a time for BERT, RoBERTa and ALBERT (docs/models.md).
DEFAULT_BATCHING = Batching(8, True, 2048)
# What a calibration tries: one comment at a time (detoxify's own way, so a calibration
# never picks worse than it measured) and sorted batches up to a padded-token budget.
CANDIDATES = (Batching(1, False), Batching(64, True, 256), Batching(64, True, 512), Batching(64, True, 1024),
              Batching(64, True, 2048), Batching(64, True, 4096))
CALIBRATION_MIN = 96  # comments a window needs to calibrate on (16 per candidate)

# A model that runs packed batches (the plain-torch encoder) pads nothing: only the tokens per
# batch are left to choose. (The size is only a bound: a window never holds more comments.)
PACKED_SIZE = 512
DEFAULT_PACKED = Batching(PACKED_SIZE, True, 2048, packed=True)
# No "one at a time" among them: a packed batch of one comment is just that, and 256
# tokens hold only three or four comments of median length.
PACKED_CANDIDATES = tuple(Batching(PACKED_SIZE, True, budget, packed=True) for budget in (256, 512, 1024, 2048, 4096))


def length_batches(lengths: Sequence[int], batching: Batching) -> list[list[int]]:
    """Index groups in scoring order: by length if asked, cut at the size or token budget."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__) if batching.by_length else range(len(lengths))
    groups: list[list[int]] = []
    width = tokens = 0
    for index in order:
        wider, more = max(width, lengths[index]), tokens + lengths[index]
        cost = more if batching.packed else wider * (len(groups[-1]) + 1) if groups else 0
        full = groups and len(groups[-1]) == batching.size
        over = batching.token_budget and groups and cost > batching.token_budget
        if not groups or full or over:
            groups.append([])
            wider = more = lengths[index]
        groups[-1].append(index)
        width, tokens = wider, more
    return groups


@dataclass
class Calibration:
    """One window scored with every candidate batching in turn; `best` once all are measured."""

    candidates: Sequence[Batching]
    work: Callable[[int], float]  # useful FLOPs of one comment of that many tokens (padding is not useful)
    seconds: dict[Batching, float] = field(default_factory=dict)
    useful: dict[Batching, float] = field(default_factory=dict)
    planned: bool = False
    _pending: deque[tuple[tuple[int, ...], Batching]] = field(default_factory=deque)  # in scoring order

    def plan(self, lengths: Sequence[int]) -> list[list[int]]:
        """The window's batches: each candidate's, over its share of the window, taken in turn."""
        order = sorted(range(len(lengths)), key=lengths.__getitem__)
        shares = [order[i::len(self.candidates)] for i in range(len(self.candidates))]
        planned = []
        for batching, share in zip(self.candidates, shares):
            groups = length_batches([lengths[i] for i in share], batching)
            planned.append([[share[i] for i in group] for group in groups])
        turns = _in_turn([[(group, batching) for group in groups] for batching, groups in zip(self.candidates, planned)])
        self._pending.extend((tuple(lengths[i] for i in group), batching) for group, batching in turns)
        self.planned = True
        return [group for group, _ in turns]

    def expects(self, lengths: Sequence[int]) -> bool:
        """Whether a batch of these token counts is the next one of the plan."""
        return bool(self._pending) and self._pending[0][0] == tuple(lengths)

    def measured(self, lengths: Sequence[int], seconds: float) -> bool:
        """Note the next batch of the plan, scored (its comments' token counts); False if it was not that one."""
        if not self.expects(lengths):
            return False
        batching = self._pending.popleft()[1]
        self.seconds[batching] = self.seconds.get(batching, 0.0) + seconds
        self.useful[batching] = self.useful.get(batching, 0.0) + sum(map(self.work, lengths))
        return True

    @property
    def done(self) -> bool:
        return not self._pending and len(self.seconds) == len(self.candidates)

    def rates(self) -> dict[Batching, float]:
        """Useful FLOPs per second of each candidate measured."""
        return {b: self.useful[b] / max(s, 1e-9) for b, s in self.seconds.items()}

    def best(self) -> Batching:
        rates = self.rates()
        return max(rates, key=lambda batching: rates[batching])


def _in_turn(queues: list[list[Item]]) -> list[Item]:
    """One item of each queue in turn, until all are taken."""
    longest = max((len(queue) for queue in queues), default=0)
    return [queue[i] for i in range(longest) for queue in queues if i < len(queue)]


@dataclass
class CalibrationCache:
    """What was measured on this machine, in a JSON file: one entry per key (CPU class,
    torch build, model, mode); a file that cannot be read is as good as none."""

    path: Path

    def batching(self, key: str) -> Batching | None:
        entry = self.entry(key)
        try:
            return Batching(int(entry["size"]), bool(entry["by_length"]), int(entry["token_budget"]),
                            bool(entry.get("packed", False)))
        except (TypeError, KeyError, ValueError):
            return None  # none yet, or written by hand: calibrate again

    def put_batching(self, key: str, batching: Batching, rates: dict[Batching, float], cpu: str) -> None:
        self.put(key, asdict(batching) | {"cpu": cpu, "gflops": {b.name: round(r / 1e9, 1) for b, r in rates.items()}})

    def entry(self, key: str) -> dict[str, Any]:
        entry = self._read().get(key)
        return entry if isinstance(entry, dict) else {}

    def put(self, key: str, entry: dict[str, Any]) -> None:
        entries = self._read()
        entries[key] = entry | {"measured": datetime.now(UTC).isoformat(timespec="seconds")}
        partial = self.path.with_name(self.path.name + ".part")
        partial.write_text(json.dumps(entries, indent=1) + "\n", encoding="utf-8")
        os.replace(partial, self.path)  # never half a file, even with two scorers at once

    def _read(self) -> dict[str, Any]:
        try:
            entries = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return entries if isinstance(entries, dict) else {}
