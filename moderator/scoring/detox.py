"""Detoxify models from installed packs, loaded offline through detoxify's own loader.

torch, transformers and detoxify are imported here, on the loading worker, never
when the package is imported.
"""

from __future__ import annotations

import json
import platform
import time
from collections.abc import Callable, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, cast

from moderator.errors import ModeratorError
from moderator.scoring.base import LabelScores, ModelIdentity, Scorer
from moderator.scoring.batching import (
    CALIBRATION_MIN,
    CANDIDATES,
    DEFAULT_BATCHING,
    DEFAULT_PACKED,
    PACKED_CANDIDATES,
    Batching,
    Calibration,
    CalibrationCache,
    length_batches,
)
from moderator.scoring.checkpoint import Checkpoint, UnreadableCheckpoint, checkpoint_info, load_checkpoint
from moderator.scoring.cpu import Clock, cpu_class
from moderator.scoring.disguises import scored_undisguised
from moderator.scoring.offline import ensure_hub_alias, hub_cache, offline_hub
from moderator.scoring.packs import Manifest, read_manifest
from moderator.scoring.threads import prepare_threads_environment, use_cores

if TYPE_CHECKING:  # imported for real on the loading worker only
    import detoxify
    import torch
    from transformers import PreTrainedTokenizerBase

    from moderator.scoring.encoder import Encoder
    from moderator.scoring.packing import PackedBatch
    from moderator.scoring.packtokenizer import PackTokenizer

BF16, INT8 = "bf16", "int8"
FAST_MODES = (BF16, INT8)
AUTO = "auto"  # the fast mode that suits this CPU, chosen by measuring it (moderator.scoring.fastmode)
X86 = {"x86_64", "amd64", "i386", "i686"}  # platform.machine() names
CALIBRATION_FILE = "calibration.json"  # in the pack's folder, beside its files: what was measured here
__all__ = ["Batching", "DetoxifyScorer", "length_batches"]  # Batching's home is moderator.scoring.batching


class DetoxifyScorer(Scorer):
    """A detoxify model from a pack. The plain-torch model runs packed batches (no padding:
    moderator.scoring.packing); one loaded through transformers, padded ones. Batching is
    chosen by measurement: a calibration on the first large window scored on this CPU
    (moderator.scoring.batching), kept in the pack's folder. Threads: every core this
    process may use (moderator.scoring.threads)."""

    window = 512  # enough comments that sorted batches hold comments of like length

    def __init__(self, pack: Path, fast: str | None = None, batching: Batching | None = None,
                 clock: Clock = time.perf_counter, loaded: LoadedModel | None = None):
        prepare_threads_environment()
        self._fast, self._clock = check_fast(fast), clock
        refusal = fast_mode_refusal(fast)
        if refusal:
            raise ModeratorError(refusal)
        self.loaded = loaded or load_model(pack)
        manifest = self.loaded.manifest
        self._tokenizer = self.loaded.tokenizer
        self._model = {INT8: _quantize_int8, BF16: bf16_linears}.get(fast or "", _same)(self.loaded.model)
        self.identity = mode_identity(manifest.identity(), fast)
        self.work = forward_flops(self.loaded.model.config)
        use_cores(cpu_class().cores)
        self._cache, self._cache_key = CalibrationCache(pack / CALIBRATION_FILE), calibration_key(manifest, fast)
        self.packs = hasattr(self.loaded.model, "packed")  # the plain-torch Encoder
        known = batching or self._usable(self._cache.batching(self._cache_key))
        self.batching = known or (DEFAULT_PACKED if self.packs else DEFAULT_BATCHING)
        self.calibration = None if known else Calibration(PACKED_CANDIDATES if self.packs else CANDIDATES, self.work)

    def _usable(self, cached: Batching | None) -> Batching | None:
        """A batching measured for this model's kind of batch (a padded budget means nothing packed)."""
        return cached if cached and (cached.size == 1 or cached.packed == self.packs) else None

    def batches(self, texts: Sequence[str]) -> list[list[int]]:
        if self.batching.size == 1 and not self.calibration:
            return [[i] for i in range(len(texts))]
        lengths = self._lengths(texts)
        if self.calibration is not None and not self.calibration.planned and len(texts) >= CALIBRATION_MIN:
            return self.calibration.plan(lengths)
        return length_batches(lengths, self.batching)

    def score(self, texts: Sequence[str]) -> list[LabelScores]:
        """Disguised comments also scored undisguised, keeping the higher (scoring/disguises.py)."""
        return scored_undisguised(self._score_as_written, texts)

    def _score_as_written(self, texts: Sequence[str]) -> list[LabelScores]:
        """The same figures as `Detoxify.predict` (same tokenizer call, sigmoid of logits)."""
        if not texts:
            return []
        inputs = self._encode(texts)
        lengths = _lengths_of(inputs)
        if self.calibration is not None and self.calibration.expects(lengths):
            started = self._clock()
            logits = self._forward(inputs)
            self._calibrated(lengths, self._clock() - started)
        else:
            logits = self._forward(inputs)
        return self._rows(logits)

    def score_as_is(self, texts: Sequence[str]) -> list[LabelScores]:
        """Scores without calibrating: for comparing modes."""
        return self._rows(self._forward(self._encode(texts))) if texts else []

    def _encode(self, texts: Sequence[str]) -> PackedBatch | Mapping[str, torch.Tensor]:
        """A packed batch for the plain-torch model, else a padded one (as detoxify's predict makes it)."""
        if self.packs:
            from moderator.scoring.packing import pack

            first_position = cast("Encoder", self.loaded.model).first_position
            return pack(self._tokenizer(list(texts), truncation=True)["input_ids"], first_position)
        return self._padded(texts)

    def _padded(self, texts: Sequence[str]) -> Mapping[str, torch.Tensor]:
        encoded: Mapping[str, torch.Tensor] = self._tokenizer(list(texts), return_tensors="pt", truncation=True,
                                                              padding=True)
        return encoded

    def _rows(self, logits: torch.Tensor) -> list[LabelScores]:
        import torch

        return [dict(zip(self.labels, row)) for row in torch.sigmoid(logits.float()).tolist()]

    def _forward(self, inputs: PackedBatch | Mapping[str, torch.Tensor]) -> torch.Tensor:
        import torch

        autocast = torch.autocast("cpu", dtype=torch.bfloat16) if self._fast == BF16 else nullcontext()
        with torch.inference_mode(), autocast:
            if isinstance(inputs, Mapping):
                logits: torch.Tensor = self._model(**inputs)[0]
            else:  # the plain-torch Encoder (or its bf16 / int8 copy)
                logits = cast("Encoder", self._model).packed(inputs)
        return logits

    def logits(self, texts: Sequence[str]) -> list[LabelScores]:
        """The labels' logits (before the sigmoid, which saturates in float32), for
        explanations (moderator/scoring/explain.py); padded batches as `score` makes them."""
        import torch

        with torch.inference_mode():
            logits = self._model(**self._padded(texts))[0]
        return [dict(zip(self.labels, row)) for row in logits.double().tolist()]

    def _lengths(self, texts: Sequence[str]) -> list[int]:
        return [len(ids) for ids in self._tokenizer(list(texts), truncation=True)["input_ids"]]

    def _calibrated(self, lengths: list[int], seconds: float) -> None:
        """Note a calibration batch; once all are in, keep the fastest batching, here and in the cache."""
        calibration = self.calibration
        assert calibration is not None
        calibration.measured(lengths, seconds)
        if calibration.done:
            self.batching, self.calibration = calibration.best(), None
            self._cache.put_batching(self._cache_key, self.batching, calibration.rates(), cpu_class().summary)


def _lengths_of(inputs: PackedBatch | Mapping[str, torch.Tensor]) -> list[int]:
    """Each comment's token count, in the batch's order."""
    if isinstance(inputs, Mapping):
        return list(inputs["attention_mask"].sum(dim=1).tolist())
    return inputs.lengths


@dataclass(frozen=True)
class LoadedModel:
    """A pack's model and tokenizer, loaded once and shared by the scorers that compare modes on it."""

    pack: Path
    manifest: Manifest
    model: torch.nn.Module
    tokenizer: PreTrainedTokenizerBase | PackTokenizer

    @cached_property
    def detoxify(self) -> detoxify.Detoxify:
        """The same weights in detoxify's own construction, behind its `predict`: the reference
        (loaded when asked, through transformers: tests and the benchmark compare with it)."""
        return load_detoxify(self.pack, self.manifest)


def load_model(pack: Path) -> LoadedModel:
    """The plain-torch model and tokenizer where the pack allows (moderator.scoring.encoder:
    seconds faster to start), else detoxify's construction through transformers."""
    manifest = read_manifest(pack)
    plain = load_plain(pack, manifest)
    if plain is not None:
        return LoadedModel(pack, manifest, *plain)
    found = load_detoxify(pack, manifest)
    # detoxify is untyped: its parts are given their types here, where they are taken out.
    model: torch.nn.Module = found.model.eval()
    tokenizer: PreTrainedTokenizerBase = found.tokenizer
    _check_labels(manifest, tuple(found.class_names))
    return LoadedModel(pack, manifest, model, tokenizer)


def load_plain(pack: Path, manifest: Manifest) -> tuple[torch.nn.Module, PackTokenizer] | None:
    """The model in plain torch and its tokenizer.json, or None where either needs transformers."""
    from moderator.scoring.encoder import NotBuilt, build_encoder
    from moderator.scoring.packtokenizer import PackTokenizer

    try:
        tokenizer = PackTokenizer(pack / manifest.config)
        config = json.loads((pack / manifest.config / "config.json").read_text(encoding="utf-8"))
        loaded = _read_checkpoint(pack, manifest)
        info = checkpoint_info(loaded, pack / manifest.checkpoint)
        _check_labels(manifest, info.labels)
        return build_encoder(info.family, config, loaded["state_dict"], len(info.labels)), tokenizer
    except (NotBuilt, OSError, ValueError, TypeError, AttributeError):
        return None  # transformers' construction decides, and says what is wrong if anything is


def _read_checkpoint(pack: Path, manifest: Manifest) -> Checkpoint:
    try:
        return load_checkpoint(pack / manifest.checkpoint)
    except UnreadableCheckpoint as error:
        raise ModeratorError(f"The model '{manifest.name}' could not be loaded ({str(error).rstrip('.')}); "
                             "reinstall its pack.") from None


def _check_labels(manifest: Manifest, labels: tuple[str, ...]) -> None:
    if labels != manifest.labels:
        raise ModeratorError(f"The model '{manifest.name}' does not match its manifest; reinstall its pack.")


def forward_flops(config: object) -> Callable[[int], float]:
    """FLOPs of one comment of n tokens through the encoder: two per weight per token in the
    layers' matrix products, plus attention's n^2 terms. Used to compare batches of any shape."""
    layers, hidden = int(getattr(config, "num_hidden_layers", 12)), int(getattr(config, "hidden_size", 768))
    inner = int(getattr(config, "intermediate_size", 4 * hidden))
    per_token = 2 * layers * (4 * hidden * hidden + 2 * hidden * inner)
    per_pair = 4 * layers * hidden

    def flops(tokens: int) -> float:
        return float(per_token * tokens + per_pair * tokens * tokens)

    return flops


def calibration_key(manifest: Manifest, fast: str | None) -> str:
    """Measurements hold for one CPU class, torch build, model and mode."""
    import torch

    capability = torch.backends.cpu.get_cpu_capability()
    return f"{cpu_class().key}:torch {torch.__version__} {capability}:{manifest.checksum[:16]}:{fast or 'exact'}"


def load_detoxify(pack: Path, manifest: Manifest) -> detoxify.Detoxify:
    """A detoxify.Detoxify on the pack's files, built as detoxify builds it, offline (see
    moderator.scoring.offline). The checkpoint is read here with torch's restricted
    unpickler (moderator.scoring.checkpoint), never by detoxify's own `torch.load`,
    which would unpickle it unrestricted."""
    ensure_hub_alias(pack, manifest.base_model, pack / manifest.config)  # packs installed by hand too
    loaded = _read_checkpoint(pack, manifest)
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


def mode_identity(identity: ModelIdentity, fast: str | None) -> ModelIdentity:
    """A fast mode gives slightly different figures, so it is a model identity of its own."""
    return replace(identity, name=f"{identity.name}@{fast}") if fast else identity


def check_fast(fast: str | None) -> str | None:
    if fast is not None and fast not in FAST_MODES:
        raise ModeratorError(f"Unknown fast mode '{fast}'; use one of: {', '.join(FAST_MODES)}.")
    return fast


def fast_mode_refusal(fast: str | None, bf16: Callable[[], bool] | None = None,
                      int8: Callable[[], bool] | None = None) -> str | None:
    """Why this processor cannot run the fast mode asked for (one sentence), or None. `bf16` and
    `int8` detect the instructions (bf16_is_native, int8_is_available unless given)."""
    if fast == BF16 and not (bf16 or bf16_is_native)():
        return ("This computer's processor has no bf16 arithmetic, so --fast bf16 would score several times slower "
                "than exact scoring here: use --fast int8, or no fast mode.")
    if fast == INT8 and not (int8 or int8_is_available)():
        return ("The torch on this computer has no int8 engine for its processor, so --fast int8 cannot run here: "
                "use --fast bf16, or no fast mode.")
    return None


def int8_is_available(engines: Sequence[str] | None = None) -> bool:
    """Whether torch has a quantised engine for this processor (x86 / fbgemm / onednn / qnnpack):
    dynamic int8 needs one, and VNNI or AMX makes it fast."""
    if engines is None:
        import torch

        engines = list(torch.backends.quantized.supported_engines)
    return any(engine != "none" for engine in engines)


def bf16_is_native() -> bool:
    """Whether this CPU multiplies bf16 at a useful speed. On x86, torch needs AVX-512 for
    it (AMX or AVX-512 bf16 natively, else AVX-512 emulation that still beats fp32); an
    AVX2-only CPU emulates it 500 times slower than fp32 (docs/models.md), which would
    make the fast mode the slowest. Other processors are taken at their word."""
    if platform.machine().lower() not in X86:
        return True
    import torch

    return torch.backends.cpu.get_cpu_capability().startswith("AVX512")


def _same(model: torch.nn.Module) -> torch.nn.Module:
    return model


def bf16_linears(model: torch.nn.Module) -> torch.nn.Module:
    """A copy whose Linear layers hold bf16 weights: what autocast would cast them to on every
    batch (the same rounding, so the same scores), done once. Cast per batch, 85 M weights
    cost more than the matrix products of a small batch on a CPU with AMX."""
    import copy

    import torch

    cast = copy.deepcopy(model)
    for module in cast.modules():
        if isinstance(module, torch.nn.Linear):
            module.to(torch.bfloat16)
    return cast


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
