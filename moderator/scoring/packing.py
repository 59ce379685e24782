"""Packed batches: a batch's comments as one stream of tokens, no padding anywhere.

A padded batch computes every layer on (comments x longest comment) rows, so on a CPU
whose matrix products are fast the padding is a large share of the work (a comment of
20 tokens beside one of 300 costs 300). A packed batch concatenates the comments' tokens
into one stream of [total tokens, hidden]: the embeddings, every Linear, LayerNorm and
activation run on the real tokens only, in one large matrix product per layer, which is
what a CPU runs at its peak. Only attention must keep comments apart: the stream is
ordered by length, so comments of equal length sit side by side and each run of them is
one `scaled_dot_product_attention` call without any mask ([count, heads, length, size]).
Each comment's first token is pooled, as detoxify's classifiers do.

Position ids restart at every comment (RoBERTa's after its padding index, as its
embeddings count them) and token types are 0, as for one sentence: the arithmetic per
comment is the padded model's, so the scores equal detoxify's (tests compare them).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

import torch
from torch.nn import functional


@dataclass(frozen=True)
class Run:
    """Comments of one length, side by side in the stream: tokens start .. start + count x length."""

    start: int
    count: int
    length: int

    @property
    def end(self) -> int:
        return self.start + self.count * self.length


@dataclass(frozen=True)
class PackedBatch:
    ids: torch.Tensor  # [total tokens], the comments one after the other, shortest first
    positions: torch.Tensor  # [total tokens], restarting at every comment
    runs: tuple[Run, ...]  # the comments of equal length, in stream order
    firsts: torch.Tensor  # [comments], where each comment starts in the stream (stream order)
    order: torch.Tensor  # [comments], the stream's comment i is the batch's comment order[i]

    @property
    def lengths(self) -> list[int]:
        """Token counts in the batch's own order (what the calibration counts)."""
        by_stream = [run.length for run in self.runs for _ in range(run.count)]
        lengths = [0] * len(by_stream)
        for stream, index in enumerate(self.order.tolist()):
            lengths[index] = by_stream[stream]
        return lengths


def pack(token_ids: Sequence[Sequence[int]], first_position: int = 0) -> PackedBatch:
    """The comments' token ids as one packed stream. `first_position`: the position id of each
    comment's first token (0, or RoBERTa's padding index + 1)."""
    order = sorted(range(len(token_ids)), key=lambda i: len(token_ids[i]))
    lengths = [len(token_ids[i]) for i in order]
    if not lengths or lengths[0] == 0:
        raise ValueError("a packed batch needs comments of at least one token")
    runs, start = [], 0
    for length, same in groupby(lengths):
        count = len(list(same))
        runs.append(Run(start, count, length))
        start += count * length
    starts = torch.tensor([0, *lengths[:-1]], dtype=torch.long).cumsum(0)
    counts = torch.tensor(lengths, dtype=torch.long)
    positions = torch.arange(start) - torch.repeat_interleave(starts, counts) + first_position
    ids = torch.tensor([token for i in order for token in token_ids[i]], dtype=torch.long)
    return PackedBatch(ids, positions, tuple(runs), starts, torch.tensor(order, dtype=torch.long))


def attend_packed(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, heads: int, runs: Sequence[Run]) -> torch.Tensor:
    """Self-attention within each comment of a packed stream ([total tokens, hidden] each): one
    call per run of equal-length comments, no mask (nothing to mask: no padding)."""
    size = q.shape[-1] // heads
    context = torch.empty_like(q)
    for run in runs:
        def split(projected: torch.Tensor, run: Run = run) -> torch.Tensor:
            return projected[run.start:run.end].view(run.count, run.length, heads, size).transpose(1, 2)

        attended = functional.scaled_dot_product_attention(split(q), split(k), split(v), scale=1.0 / math.sqrt(size))
        split(context).copy_(attended)  # written in place: one copy, whatever layout attention returned
    return context


def restore_order(rows: torch.Tensor, batch: PackedBatch) -> torch.Tensor:
    """Rows in stream order put back in the batch's own order."""
    restored = torch.empty_like(rows)
    restored[batch.order] = rows
    return restored
