"""Model packs: a detoxify checkpoint, its Hugging Face config and tokenizer files,
and a manifest (name, family, labels, checkpoint sha256, source).

A pack is a folder or a zip of one. Installed packs live in the models folder, one
folder per name; installing stages into a hidden folder there and renames it into
place, so a failed or interrupted install leaves nothing half-installed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Iterator

from moderator.errors import ModeratorError, NotFoundError
from moderator.scoring.base import ModelIdentity
from moderator.scoring.checkpoint import read_checkpoint_info, sha256_file
from moderator.scoring.offline import ensure_hub_alias
from moderator.scoring.quick import QUICK_SCREEN

MANIFEST, CHECKPOINT, CONFIG = "manifest.json", "model.ckpt", "config"
CHECKPOINT_SUFFIXES = (".ckpt", ".pt", ".pth", ".bin")
PACK_FORMAT = 1
NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,62}")


@dataclass(frozen=True)
class Manifest:
    name: str
    family: str  # bert, roberta, xlm-roberta, albert
    base_model: str  # the hub id the checkpoint names; loading never asks the hub for it
    labels: tuple[str, ...]
    main_label: str
    checksum: str  # sha256 of the checkpoint file
    source: str
    checkpoint: str = CHECKPOINT
    config: str = CONFIG
    format: int = PACK_FORMAT

    def identity(self) -> ModelIdentity:
        return ModelIdentity(self.name, self.family, self.checksum, self.source, self.labels, self.main_label)

    def to_json(self) -> str:
        return json.dumps(asdict(self) | {"labels": list(self.labels)}, indent=2) + "\n"


def read_manifest(folder: Path) -> Manifest:
    path = folder / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Manifest(**(data | {"labels": tuple(data["labels"])}))
    except FileNotFoundError:
        raise ModeratorError(f"{folder} is not a model pack (it has no {MANIFEST}).") from None
    except (ValueError, TypeError, KeyError):
        raise ModeratorError(f"{path} is damaged or from a newer app version; get the pack again.") from None


def check_name(name: str) -> str:
    if not NAME.fullmatch(name) or name == QUICK_SCREEN:
        raise ModeratorError(f"'{name}' cannot name a model; use lower-case letters, digits, '.', '-' or '_'.")
    return name


def installed_packs(models_dir: Path) -> list[Manifest]:
    if not models_dir.is_dir():
        return []
    folders = sorted(p for p in models_dir.iterdir() if (p / MANIFEST).is_file() and not p.name.startswith("."))
    return [read_manifest(folder) for folder in folders]


def pack_folder(models_dir: Path, name: str) -> Path:
    folder = models_dir / name
    if not NAME.fullmatch(name) or not (folder / MANIFEST).is_file():
        raise NotFoundError(f"No model named '{name}' is installed; see `moderator models list`.")
    return folder


def install_pack(models_dir: Path, source: Path, config: Path | None = None, name: str | None = None,
                 origin: str | None = None) -> Manifest:
    """Install a pack (folder or zip), or a bare detoxify checkpoint plus its config folder.

    `origin` says where a bare checkpoint came from (kept in its manifest)."""
    if not source.exists():
        raise NotFoundError(f"{source} does not exist.")
    if config is None and source.suffix in CHECKPOINT_SUFFIXES:
        raise ModeratorError(f"{source.name} is a bare checkpoint; give its Hugging Face config folder with --config DIR.")
    models_dir.mkdir(parents=True, exist_ok=True)
    with _staging(models_dir) as staging:
        if config is not None:
            manifest = _stage_checkpoint(staging, source, config, name, origin or f"checkpoint file {source.name}")
        else:
            manifest = _stage_pack(staging, source, name)
        return _move_into_place(models_dir, staging, manifest)


def remove_pack(models_dir: Path, name: str) -> None:
    """Deletes the files only: scores stay in the (possibly shared) database."""
    shutil.rmtree(pack_folder(models_dir, name))


def build_pack(out: Path, checkpoint: Path, config: Path, name: str, source: str) -> Manifest:
    """Write a pack zip that an offline machine can install."""
    info = read_checkpoint_info(checkpoint)
    _check_config(config)
    manifest = Manifest(check_name(name), info.family, info.base_model, info.labels, info.main_label,
                        sha256_file(checkpoint), source)
    partial = out.with_name(out.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest.to_json())
        archive.write(checkpoint, CHECKPOINT, compress_type=zipfile.ZIP_STORED)  # weights barely compress
        for file in sorted(p for p in config.iterdir() if p.is_file()):
            archive.write(file, f"{CONFIG}/{file.name}")
    os.replace(partial, out)
    return manifest


def _stage_checkpoint(staging: Path, checkpoint: Path, config: Path, name: str | None, source: str) -> Manifest:
    _check_config(config)
    shutil.copyfile(checkpoint, staging / CHECKPOINT)  # the user's file is never touched
    shutil.copytree(config, staging / CONFIG, ignore=shutil.ignore_patterns(".*"))
    info = read_checkpoint_info(staging / CHECKPOINT)
    manifest = Manifest(check_name(name or _default_name(checkpoint)), info.family, info.base_model, info.labels,
                        info.main_label, sha256_file(staging / CHECKPOINT), source)
    (staging / MANIFEST).write_text(manifest.to_json(), encoding="utf-8")
    return manifest


def _stage_pack(staging: Path, source: Path, name: str | None) -> Manifest:
    if source.is_dir():
        shutil.copytree(source, staging, dirs_exist_ok=True)
    elif zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as archive:
            archive.extractall(staging)  # drops absolute and ".." parts of member names
    else:
        raise ModeratorError(f"{source} is neither a model pack (folder or zip) nor a checkpoint with --config.")
    root = _pack_root(staging, source)
    manifest = _verify(root, source)
    if name and name != manifest.name:
        manifest = replace(manifest, name=check_name(name))
        (root / MANIFEST).write_text(manifest.to_json(), encoding="utf-8")
    if root != staging:  # a zip of a folder: lift the folder's contents up
        for item in list(root.iterdir()):
            item.rename(staging / item.name)
        root.rmdir()
    return manifest


def _verify(root: Path, source: Path) -> Manifest:
    manifest = read_manifest(root)
    checkpoint = root / manifest.checkpoint
    if not checkpoint.is_file():
        raise ModeratorError(f"{source} lacks its checkpoint file {manifest.checkpoint}; get the pack again.")
    if sha256_file(checkpoint) != manifest.checksum:
        raise ModeratorError(f"The checkpoint in {source} does not match its sha256 (a damaged or altered copy); get the pack again.")
    _check_config(root / manifest.config)
    if read_checkpoint_info(checkpoint).labels != manifest.labels:
        raise ModeratorError(f"The manifest of {source} lists labels its checkpoint does not have; get the pack again.")
    check_name(manifest.name)
    return manifest


def _move_into_place(models_dir: Path, staging: Path, manifest: Manifest) -> Manifest:
    ensure_hub_alias(staging, manifest.base_model, staging / manifest.config)
    target = models_dir / manifest.name
    if (target / MANIFEST).is_file():
        if read_manifest(target).checksum == manifest.checksum:
            return manifest  # the same weights are already installed
        raise ModeratorError(f"A different model named '{manifest.name}' is installed; remove it first "
                             f"(moderator models remove {manifest.name}) or install with --name.")
    os.replace(staging, target)
    return manifest


def _pack_root(staging: Path, source: Path) -> Path:
    if (staging / MANIFEST).is_file():
        return staging
    folders = [p for p in staging.iterdir() if p.is_dir() and (p / MANIFEST).is_file()]
    if len(folders) != 1:
        raise ModeratorError(f"{source} is not a model pack (it has no {MANIFEST}).")
    return folders[0]


def _check_config(config: Path) -> None:
    if not (config / "config.json").is_file():
        raise ModeratorError(f"{config} is not a Hugging Face config folder (it has no config.json).")


def _default_name(checkpoint: Path) -> str:
    from moderator.scoring.releases import release_for_file

    release = release_for_file(checkpoint.name)
    return release.name if release else re.sub(r"[^a-z0-9._-]+", "-", checkpoint.stem.lower()).strip("-.") or "model"


@contextmanager
def _staging(models_dir: Path) -> Iterator[Path]:
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=models_dir))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already when it was moved into place
