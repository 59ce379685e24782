"""detoxify's released checkpoints, and the Hugging Face files each one needs.

Mirrors `detoxify.MODEL_URLS` (a test keeps the two in step) so that naming and
listing releases does not import torch.
"""

from __future__ import annotations

from dataclasses import dataclass

DOWNLOAD_URL = "https://github.com/unitaryai/detoxify/releases/download/"
HUB_URL = "https://huggingface.co/{hub_id}/resolve/main/{file}"


@dataclass(frozen=True)
class Release:
    name: str
    url: str
    hub_id: str  # the base model the checkpoint names
    hub_files: tuple[str, ...]  # config and tokenizer files to fetch from the hub

    @property
    def file_name(self) -> str:
        return self.url.rsplit("/", 1)[1]

    @property
    def sha256_prefix(self) -> str:
        """Release file names end in the first hex digits of their sha256 (torch.hub's rule)."""
        return self.file_name.rsplit("-", 1)[1].split(".")[0]


_BERT = ("bert-base-uncased", ("config.json", "vocab.txt", "tokenizer.json", "tokenizer_config.json"))
_ROBERTA = ("roberta-base", ("config.json", "vocab.json", "merges.txt", "tokenizer.json"))
_XLMR = ("xlm-roberta-base", ("config.json", "sentencepiece.bpe.model", "tokenizer.json"))
_ALBERT = ("albert-base-v2", ("config.json", "spiece.model", "tokenizer.json"))

RELEASES = {
    release.name: release
    for release in (
        Release("original", DOWNLOAD_URL + "v0.1-alpha/toxic_original-c1212f89.ckpt", *_BERT),
        Release("unbiased", DOWNLOAD_URL + "v0.3-alpha/toxic_debiased-c7548aa0.ckpt", *_ROBERTA),
        Release("multilingual", DOWNLOAD_URL + "v0.4-alpha/multilingual_debiased-0b549669.ckpt", *_XLMR),
        Release("original-small", DOWNLOAD_URL + "v0.1.2/original-albert-0e1d6498.ckpt", *_ALBERT),
        Release("unbiased-small", DOWNLOAD_URL + "v0.1.2/unbiased-albert-c8519128.ckpt", *_ALBERT),
    )
}


def release(name: str) -> Release | None:
    return RELEASES.get(name)


def release_for_file(file_name: str) -> Release | None:
    return next((r for r in RELEASES.values() if r.file_name == file_name), None)
