"""Reading detoxify checkpoints: what base model, family and labels they carry."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from moderator.errors import ModeratorError

# detoxify renames the Jigsaw columns the same way when it loads a checkpoint.
STANDARD_LABELS = {"toxic": "toxicity", "identity_hate": "identity_attack", "severe_toxic": "severe_toxicity"}
FAMILIES = {
    "BertForSequenceClassification": "bert",
    "RobertaForSequenceClassification": "roberta",
    "XLMRobertaForSequenceClassification": "xlm-roberta",
    "AlbertForSequenceClassification": "albert",
}
MAIN_LABEL = "toxicity"


@dataclass(frozen=True)
class CheckpointInfo:
    base_model: str  # the hub id the checkpoint names, e.g. "bert-base-uncased"
    family: str
    labels: tuple[str, ...]

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
    loaded = _load(path)
    try:
        args = loaded["config"]["arch"]["args"]
        classes = loaded["config"]["dataset"]["args"]["classes"]
        base_model, model_name = str(args["model_type"]), str(args["model_name"])
    except (KeyError, TypeError):
        raise ModeratorError(f"{path.name} is not a detoxify checkpoint (it lacks detoxify's training config).") from None
    if model_name not in FAMILIES:
        raise ModeratorError(f"{path.name} uses {model_name}, which this app cannot load; use a detoxify release.")
    labels = tuple(STANDARD_LABELS.get(str(c), str(c)) for c in classes)
    return CheckpointInfo(base_model, FAMILIES[model_name], labels)


def _load(path: Path) -> dict:
    import torch  # only installing or loading a model pays for torch

    try:
        try:
            # mmap: a 500 MB checkpoint is not read into memory just to see its config.
            return torch.load(path, map_location="cpu", weights_only=False, mmap=True)
        except RuntimeError:  # the legacy (non-zip) format cannot be mapped
            return torch.load(path, map_location="cpu", weights_only=False)
    except Exception as error:
        raise ModeratorError(f"{path.name} could not be read as a checkpoint ({error.__class__.__name__}).") from None
