"""Detoxify models from installed packs, loaded offline through detoxify's own loader.

torch, transformers and detoxify are imported here, on the loading worker, never
when the package is imported.
"""

from __future__ import annotations

import platform
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from moderator.errors import ModeratorError
from moderator.scoring.base import LabelScores, Scorer
from moderator.scoring.checkpoint import UnreadableCheckpoint, checkpoint_info, load_checkpoint
from moderator.scoring.offline import ensure_hub_alias, hub_cache, offline_hub
from moderator.scoring.packs import Manifest, read_manifest

if TYPE_CHECKING:  # imported for real on the loading worker only
    import detoxify
    import torch
    from transformers import PreTrainedTokenizerBase

BF16, INT8 = "bf16", "int8"
FAST_MODES = (BF16, INT8)
X86 = {"x86_64", "amd64", "i386", "i686"}  # platform.machine() names


@dataclass(frozen=True)
class Batching:
    size: int  # comments per batch at most
    by_length: bool  # sort a window by token count so a batch pads little
    # Padded tokens per batch at most (width x comments): long comments go in small
    # batches, since attention grows with the square of the width. 0: no limit.
    token_budget: int = 0


# Measured per family (docs/models.md): small length-sorted batches did at least as well
# as one comment at a time for BERT, RoBERTa and ALBERT alike, while batches of 32 lost
# up to 40 % to padding; the token budget keeps the longest comments in small batches.
DEFAULT_BATCHING = Batching(8, True, 2048)
BATCHING = {family: DEFAULT_BATCHING for family in ("bert", "roberta", "xlm-roberta", "albert")}


def length_batches(lengths: Sequence[int], batching: Batching) -> list[list[int]]:
    """Index groups in scoring order: by length if asked, cut at the size or token budget."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__) if batching.by_length else range(len(lengths))
    groups: list[list[int]] = []
    width = 0
    for index in order:
        wider = max(width, lengths[index])
        full = groups and len(groups[-1]) == batching.size
        over = batching.token_budget and groups and wider * (len(groups[-1]) + 1) > batching.token_budget
        if not groups or full or over:
            groups.append([])
            wider = lengths[index]
        groups[-1].append(index)
        width = wider
    return groups


class DetoxifyScorer(Scorer):
    window = 512  # enough comments that sorted batches hold comments of like length

    def __init__(self, pack: Path, fast: str | None = None, batching: Batching | None = None):
        manifest, self._fast = read_manifest(pack), _check_fast(fast)
        if fast == BF16 and not bf16_is_native():
            raise ModeratorError("This computer's processor has no bf16 arithmetic: --fast bf16 would score several "
                                 "times slower than exact scoring here. Use --fast int8, or no fast mode.")
        self._detoxify = load_detoxify(pack, manifest)
        # detoxify is untyped: its parts are given their types here, where they are taken out.
        self._tokenizer: PreTrainedTokenizerBase = self._detoxify.tokenizer
        self._model: torch.nn.Module = self._detoxify.model.eval()
        self._check_labels(manifest)
        # A fast mode gives slightly different figures, so it is a model identity of its own.
        self.identity = replace(manifest.identity(), name=f"{manifest.name}@{fast}" if fast else manifest.name)
        self._batching = batching or BATCHING.get(manifest.family, DEFAULT_BATCHING)
        if fast == INT8:
            self._model = _quantize_int8(self._model)

    def batches(self, texts: Sequence[str]) -> list[list[int]]:
        if self._batching.size == 1:
            return [[i] for i in range(len(texts))]
        lengths = [len(ids) for ids in self._tokenizer(list(texts), truncation=True)["input_ids"]]
        return length_batches(lengths, self._batching)

    def score(self, texts: Sequence[str]) -> list[LabelScores]:
        """The same figures as `Detoxify.predict` (same tokenizer call, sigmoid of logits)."""
        import torch

        if not texts:
            return []
        inputs = self._tokenizer(list(texts), return_tensors="pt", truncation=True, padding=True)
        autocast = torch.autocast("cpu", dtype=torch.bfloat16) if self._fast == BF16 else nullcontext()
        with torch.inference_mode(), autocast:
            logits = self._model(**inputs)[0]
        rows = torch.sigmoid(logits.float()).tolist()
        return [dict(zip(self.labels, row)) for row in rows]

    def logits(self, texts: Sequence[str]) -> list[LabelScores]:
        """The labels' logits (before the sigmoid, which saturates in float32), for
        explanations (moderator/scoring/explain.py); padded batches as `score` makes them."""
        import torch

        inputs = self._tokenizer(list(texts), return_tensors="pt", truncation=True, padding=True)
        with torch.inference_mode():
            logits = self._model(**inputs)[0]
        return [dict(zip(self.labels, row)) for row in logits.double().tolist()]

    def _check_labels(self, manifest: Manifest) -> None:
        if tuple(self._detoxify.class_names) != manifest.labels:
            raise ModeratorError(f"The model '{manifest.name}' does not match its manifest; reinstall its pack.")


def load_detoxify(pack: Path, manifest: Manifest) -> detoxify.Detoxify:
    """A detoxify.Detoxify on the pack's files, built as detoxify builds it, offline (see
    moderator.scoring.offline). The checkpoint is read here with torch's restricted
    unpickler (moderator.scoring.checkpoint), never by detoxify's own `torch.load`,
    which would unpickle it unrestricted."""
    ensure_hub_alias(pack, manifest.base_model, pack / manifest.config)  # packs installed by hand too
    try:
        loaded = load_checkpoint(pack / manifest.checkpoint)
    except UnreadableCheckpoint as error:
        raise ModeratorError(f"The model '{manifest.name}' could not be loaded ({str(error).rstrip('.')}); "
                             "reinstall its pack.") from None
    info = checkpoint_info(loaded, pack / manifest.checkpoint)
    with offline_hub(hub_cache(pack)):
        import detoxify
        import transformers
        from detoxify.detoxify import get_model_and_tokenizer

        # No "Loading weights" bar on stderr. (transformers leaves this function unannotated.)
        transformers.utils.logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        try:
            model, tokenizer = get_model_and_tokenizer(**info.arch, state_dict=loaded["state_dict"],
                                                       huggingface_config_path=str(pack / manifest.config))
        except (OSError, ValueError, KeyError, RuntimeError, TypeError) as error:
            raise ModeratorError(f"The model '{manifest.name}' could not be loaded ({error}); reinstall its pack.") from None
    found = detoxify.Detoxify.__new__(detoxify.Detoxify)  # its __init__ would load the checkpoint itself
    found.model, found.tokenizer, found.class_names, found.device = model, tokenizer, list(info.labels), "cpu"
    return found


def _check_fast(fast: str | None) -> str | None:
    if fast is not None and fast not in FAST_MODES:
        raise ModeratorError(f"Unknown fast mode '{fast}'; use one of: {', '.join(FAST_MODES)}.")
    return fast


def bf16_is_native() -> bool:
    """Whether this CPU multiplies bf16 at a useful speed. On x86, torch needs AVX-512 for
    it (AMX or AVX-512 bf16 natively, else AVX-512 emulation that still beats fp32); an
    AVX2-only CPU emulates it 500 times slower than fp32 (docs/models.md), which would
    make the fast mode the slowest. Other processors are taken at their word."""
    if platform.machine().lower() not in X86:
        return True
    import torch

    return torch.backends.cpu.get_cpu_capability().startswith("AVX512")


def _quantize_int8(model: torch.nn.Module) -> torch.nn.Module:
    """Dynamic int8 quantisation of the Linear layers (runs on any x86 or ARM CPU).

    torch marks torch.ao quantisation deprecated in favour of torchao; it still works in
    the pinned torch, and docs/models.md says so, so the warnings are not repeated."""
    import warnings

    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", (DeprecationWarning, UserWarning))
        from torch.ao.quantization import quantize_dynamic

        quantized: torch.nn.Module = quantize_dynamic(  # type: ignore[no-untyped-call]  # unannotated in torch
            model, {torch.nn.Linear}, dtype=torch.qint8)
        return quantized
