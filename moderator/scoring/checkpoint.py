"""Reading detoxify checkpoints: what base model, family and labels they carry.

A checkpoint is a pickle, and an ordinary unpickler runs whatever code the file
names. Every checkpoint is therefore read with torch's restricted unpickler
(`weights_only=True`), which builds only tensors, numbers, strings and containers:
detoxify's releases hold nothing else (their training config and a state dict). A
checkpoint that needs anything more is refused, at install, at pack time and when
scoring, so a crafted file never runs its payload here.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from moderator.errors import ModeratorError
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence

# detoxify renames the Jigsaw columns the same way when it loads a checkpoint.
STANDARD_LABELS = {"toxic": "toxicity", "identity_hate": "identity_attack", "severe_toxic": "severe_toxicity"}
FAMILIES = {
    "BertForSequenceClassification": "bert",
    "RobertaForSequenceClassification": "roberta",
    "XLMRobertaForSequenceClassification": "xlm-roberta",
    "AlbertForSequenceClassification": "albert",
}
MAIN_LABEL = "toxicity"
NEEDS_CODE = "Unsupported global"  # torch's restricted unpickler, refusing a reference to code
# A checkpoint's content: whatever the file holds (tensors, numbers, strings, containers),
# probed by checkpoint_info, whose every lookup may fail.
Checkpoint = dict[str, Any]


class UnreadableCheckpoint(ModeratorError):
    """Not a checkpoint at all (damaged, truncated, another kind of file)."""


@dataclass(frozen=True)
class CheckpointInfo:
    base_model: str  # the hub id the checkpoint names, e.g. "bert-base-uncased"
    family: str
    labels: tuple[str, ...]
    arch: dict[str, object]  # detoxify's arch args: model_type, model_name, tokenizer_name, num_classes

    @property
    def main_label(self) -> str:
        return MAIN_LABEL if MAIN_LABEL in self.labels else self.labels[0]


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def read_checkpoint_info(path: Path) -> CheckpointInfo:
    """The metadata detoxify's loader relies on, checked before anything is installed."""
    return checkpoint_info(load_checkpoint(path), path)


def checkpoint_info(loaded: Checkpoint, path: Path) -> CheckpointInfo:
    try:
        args = dict(loaded["config"]["arch"]["args"])
        classes = loaded["config"]["dataset"]["args"]["classes"]
        base_model, model_name = str(args["model_type"]), str(args["model_name"])
        loaded["state_dict"].keys()
    except (KeyError, TypeError, AttributeError):
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{name} is not a detoxify checkpoint (it lacks detoxify's training config or its "
                                        "weights)."), name=path.name)) from None
    if model_name not in FAMILIES:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{name} uses {model_name}, which this app cannot load; use a detoxify release."),
            name=path.name, model_name=model_name))
    labels = tuple(STANDARD_LABELS.get(str(c), str(c)) for c in classes)
    return CheckpointInfo(base_model, FAMILIES[model_name], labels, args)


def load_checkpoint(path: Path) -> Checkpoint:
    """The checkpoint's content, built by torch's restricted unpickler only."""
    import torch  # only installing or loading a model pays for torch

    try:
        try:
            # mmap: a 500 MB checkpoint is not read into memory just to see its config.
            loaded = torch.load(path, map_location="cpu", weights_only=True, mmap=True)
        except RuntimeError:  # the legacy (non-zip) format cannot be mapped
            loaded = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as error:
        if NEEDS_CODE not in str(error):  # damaged, or not a pickle at all
            raise UnreadableCheckpoint(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{name} could not be read as a checkpoint ({kind})."),
                name=path.name, kind="UnpicklingError")) from None
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{name} needs Python code to load, not only weights, and such a file can run anything; "
                                        "it is refused: use a detoxify release or a pack built from one."),
            name=path.name)) from None
    except Exception as error:
        raise UnreadableCheckpoint(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{name} could not be read as a checkpoint ({kind})."),
            name=path.name, kind=error.__class__.__name__)) from None
    if not isinstance(loaded, dict):
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{name} is not a detoxify checkpoint (it holds no training config)."), name=path.name))
    return loaded
