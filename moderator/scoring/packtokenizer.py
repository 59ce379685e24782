"""A pack's tokenizer read straight from its tokenizer.json by the `tokenizers` package.

transformers' tokenizer classes wrap the same `tokenizers` object, built from the same
file, but importing them costs about a CPU second of start-up (docs/models.md). Called
as the scorer calls a transformers tokenizer (`tokenizer(texts, return_tensors="pt",
truncation=True, padding=True)`), it gives the same token ids (tests compare them, per
family). A pack without tokenizer.json, or without a length limit or a padding token in
its tokenizer_config.json, raises `NotBuilt` and is loaded through transformers.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from moderator.scoring.encoder import NotBuilt

VERY_LONG = 1_000_000  # transformers' "no limit" is larger than any model's positions


class PackTokenizer:
    def __init__(self, config: Path):
        import tokenizers

        settings = _settings(config)
        try:
            self._backend = tokenizers.Tokenizer.from_file(str(config / "tokenizer.json"))
        except Exception as error:  # tokenizers raises a bare Exception for a file it cannot read
            raise NotBuilt(f"tokenizer.json: {error}") from None
        pad = self._backend.token_to_id(_content(settings.get("pad_token")))
        limit = settings.get("model_max_length")
        if pad is None or not isinstance(limit, int) or not 0 < limit < VERY_LONG:
            raise NotBuilt("no padding token or no length limit")
        self.pad_token_id, self.model_max_length = pad, limit
        self._backend.no_padding()
        self._backend.enable_truncation(limit)

    def __call__(self, texts: Sequence[str], return_tensors: str | None = None, truncation: bool = True,
                 padding: bool = False) -> dict[str, Any]:
        encodings = self._backend.encode_batch(list(texts))
        ids = [encoding.ids for encoding in encodings]
        if not padding:
            return {"input_ids": ids, "attention_mask": [[1] * len(row) for row in ids]}
        width = max((len(row) for row in ids), default=0)
        padded = [row + [self.pad_token_id] * (width - len(row)) for row in ids]
        mask = [[1] * len(row) + [0] * (width - len(row)) for row in ids]
        # No token type ids: one sentence is all type 0, which the model assumes without them.
        return _as_tensors({"input_ids": padded, "attention_mask": mask}, return_tensors)


def _as_tensors(found: dict[str, list[list[int]]], kind: str | None) -> dict[str, Any]:
    if kind == "pt":
        import torch

        return {name: torch.tensor(rows, dtype=torch.long) for name, rows in found.items()}
    if kind == "np":
        import numpy

        return {name: numpy.array(rows, dtype=numpy.int64) for name, rows in found.items()}
    return dict(found)


def _settings(config: Path) -> dict[str, Any]:
    if not (config / "tokenizer.json").is_file():
        raise NotBuilt("no tokenizer.json")
    try:
        settings = json.loads((config / "tokenizer_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise NotBuilt("no readable tokenizer_config.json") from None
    if not isinstance(settings, dict):
        raise NotBuilt("tokenizer_config.json holds no settings")
    return settings


def _content(token: object) -> str:
    """A special token as written in tokenizer_config.json: a string, or an added token's fields."""
    return str(token.get("content", "")) if isinstance(token, dict) else str(token or "")
