"""detoxify's released checkpoints, and the Hugging Face files each one needs.

Mirrors `detoxify.MODEL_URLS` (a test keeps the two in step) so that naming and
listing releases does not import torch.

The Hugging Face files are fetched from a fixed commit of each base model's
repository, never from its movable `main` branch, so a pack built today holds the
same config and tokenizer as one built a year ago.
"""

from __future__ import annotations

from dataclasses import dataclass

DOWNLOAD_URL = "https://github.com/unitaryai/detoxify/releases/download/"
HUB_URL = "https://huggingface.co/{hub_id}/resolve/{revision}/{file}"


@dataclass(frozen=True)
class Release:
    name: str
    url: str
    hub_id: str  # the base model the checkpoint names
    hub_files: tuple[str, ...]  # config and tokenizer files to fetch from the hub
    revision: str  # the hub commit those files are fetched from
    sha256: str | None = None  # the checkpoint's full sha256, where known; else its file name's prefix is checked
    hub_url: str = HUB_URL

    @property
    def file_name(self) -> str:
        return self.url.rsplit("/", 1)[1]

    @property
    def sha256_prefix(self) -> str:
        """Release file names end in the first hex digits of their sha256 (torch.hub's rule)."""
        return self.file_name.rsplit("-", 1)[1].split(".")[0]

    def hub_file_url(self, file: str) -> str:
        return self.hub_url.format(hub_id=self.hub_id, revision=self.revision, file=file)

    @property
    def config_source(self) -> str:
        return self.hub_url.format(hub_id=self.hub_id, revision=self.revision, file="").rstrip("/")


# Each base model's hub commit (the one its `main` pointed at when these were pinned).
_BERT = ("bert-base-uncased", ("config.json", "vocab.txt", "tokenizer.json", "tokenizer_config.json"),
         "86b5e0934494bd15c9632b12f734a8a67f723594")
_ROBERTA = ("roberta-base", ("config.json", "vocab.json", "merges.txt", "tokenizer.json"),
            "e2da8e2f811d1448a5b465c236feacd80ffbac7b")
_XLMR = ("xlm-roberta-base", ("config.json", "sentencepiece.bpe.model", "tokenizer.json"),
         "e73636d4f797dec63c3081bb6ed5c7b0bb3f2089")
_ALBERT = ("albert-base-v2", ("config.json", "spiece.model", "tokenizer.json"),
           "8e2f239c5f8a2c0f253781ca60135db913e5c80c")

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
