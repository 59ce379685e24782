"""Model packs: a detoxify checkpoint, its Hugging Face config and tokenizer files,
and a manifest (name, family, labels, where the files came from, the sha256 of every
file).

A pack is a folder or a zip of one. Installed packs live in the models folder, one
folder per name; installing stages into a hidden folder there and renames it into
place, so a failed or interrupted install leaves nothing half-installed. What a pack
may hold, and how it is copied in, is moderator.scoring.packfiles; the checkpoint is
only ever read as weights (moderator.scoring.checkpoint).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from moderator.errors import ModeratorError, NotFoundError
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence
from moderator.scoring.base import ModelIdentity
from moderator.scoring.checkpoint import read_checkpoint_info
from moderator.scoring.offline import ensure_hub_alias
from moderator.scoring.packfiles import (
    MANIFEST,
    ZipPack,
    check_listed,
    config_files,
    copy_folder_pack,
    file_hashes,
    plain_name,
    verify_hashes,
)
from moderator.scoring.quick import QUICK_SCREEN

CHECKPOINT, CONFIG = "model.ckpt", "config"
CHECKPOINT_SUFFIXES = (".ckpt", ".pt", ".pth", ".bin")
PACK_FORMAT = 2  # 2: the manifest lists every file with its sha256; 1 had the checkpoint's only
NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,62}")
SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Manifest:
    name: str
    family: str  # bert, roberta, xlm-roberta, albert
    base_model: str  # the hub id the checkpoint names; loading never asks the hub for it
    labels: tuple[str, ...]
    main_label: str
    checksum: str  # sha256 of the checkpoint file
    source: str  # where the checkpoint came from
    checkpoint: str = CHECKPOINT
    config: str = CONFIG
    format: int = PACK_FORMAT
    files: tuple[tuple[str, str], ...] = ()  # (path in the pack, sha256) of every file but the manifest
    config_source: str = ""  # where the config and tokenizer files came from (a pinned hub commit)

    @property
    def file_map(self) -> dict[str, str]:
        return dict(self.files)

    def identity(self) -> ModelIdentity:
        return ModelIdentity(self.name, self.family, self.checksum, self.source, self.labels, self.main_label)

    def to_json(self) -> str:
        return json.dumps(asdict(self) | {"labels": list(self.labels), "files": self.file_map}, indent=2) + "\n"


def read_manifest(folder: Path) -> Manifest:
    path = folder / MANIFEST
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{folder} is not a model pack (it has no {manifest})."),
            folder=folder, manifest=MANIFEST)) from None
    return parse_manifest(text, path)


def parse_manifest(text: str, where: Path) -> Manifest:
    try:
        data = json.loads(text)
        files = tuple(sorted((str(k), str(v)) for k, v in data.pop("files", {}).items()))
        manifest = Manifest(**(data | {"labels": tuple(data["labels"]), "files": files}))
    except (ValueError, TypeError, KeyError, AttributeError):
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{where} is damaged or from a newer app version; get the pack again."),
            where=where)) from None
    if not isinstance(manifest.format, int) or manifest.format > PACK_FORMAT:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{where} is from a newer app version (pack format {format}); update the app."),
            where=where, format=manifest.format))
    if not all(SHA256.fullmatch(h) for h in (manifest.checksum, *manifest.file_map.values())):
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{where} holds a sha256 that is not 64 hex digits; get the pack again."), where=where))
    plain_name(manifest.checkpoint, "checkpoint")
    plain_name(manifest.config, "config folder")
    return manifest


def check_name(name: str) -> str:
    if not NAME.fullmatch(name) or name == QUICK_SCREEN:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "'{name}' cannot name a model; use lower-case letters, digits, '.', '-' or '_'."),
            name=name))
    return name


def installed_packs(models_dir: Path) -> list[Manifest]:
    if not models_dir.is_dir():
        return []
    folders = sorted(p for p in models_dir.iterdir() if (p / MANIFEST).is_file() and not p.name.startswith("."))
    return [read_manifest(folder) for folder in folders]


def pack_folder(models_dir: Path, name: str) -> Path:
    folder = models_dir / name
    if not NAME.fullmatch(name) or not (folder / MANIFEST).is_file():
        raise NotFoundError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "No model named '{name}' is installed; see `moderator models list`."), name=name))
    return folder


def install_pack(models_dir: Path, source: Path, config: Path | None = None, name: str | None = None,
                 origin: str | None = None, config_source: str = "") -> Manifest:
    """Install a pack (folder or zip), or a bare detoxify checkpoint plus its config folder.

    `origin` says where a bare checkpoint came from, `config_source` where its config
    files did (both kept in its manifest)."""
    if not source.exists():
        raise NotFoundError(Sentence.of(QT_TRANSLATE_NOOP("errors", "{source} does not exist."), source=source))
    if config is None and source.suffix in CHECKPOINT_SUFFIXES:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{name} is a bare checkpoint; give its Hugging Face config folder with --config DIR."),
            name=source.name))
    models_dir.mkdir(parents=True, exist_ok=True)
    with _staging(models_dir) as staging:
        if config is not None:
            origin = origin or f"checkpoint file {source.name}"
            manifest = _stage_checkpoint(staging, source, config, name, origin, config_source)
        else:
            manifest = _stage_pack(staging, source, name)
        return _move_into_place(models_dir, staging, manifest)


def remove_pack(models_dir: Path, name: str) -> None:
    """Deletes the files only: scores stay in the (possibly shared) database."""
    shutil.rmtree(pack_folder(models_dir, name))


def build_pack(out: Path, checkpoint: Path, config: Path, name: str, source: str, config_source: str = "") -> Manifest:
    """Write a pack zip that an offline machine can install."""
    info = read_checkpoint_info(checkpoint)
    _check_config(config)
    files = file_hashes(checkpoint, config, CHECKPOINT, CONFIG)
    manifest = Manifest(check_name(name), info.family, info.base_model, info.labels, info.main_label,
                        files[CHECKPOINT], source, files=tuple(sorted(files.items())), config_source=config_source)
    partial = out.with_name(out.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest.to_json())
        archive.write(checkpoint, CHECKPOINT, compress_type=zipfile.ZIP_STORED)  # weights barely compress
        for file in config_files(config):
            archive.write(file, f"{CONFIG}/{file.name}")
    os.replace(partial, out)
    return manifest


def _stage_checkpoint(staging: Path, checkpoint: Path, config: Path, name: str | None, source: str,
                      config_source: str) -> Manifest:
    _check_config(config)
    shutil.copyfile(checkpoint, staging / CHECKPOINT)  # the user's file is never touched
    (staging / CONFIG).mkdir()
    for file in config_files(config):  # the config and tokenizer files only, never weights or code
        shutil.copyfile(file, staging / CONFIG / file.name)
    info = read_checkpoint_info(staging / CHECKPOINT)
    files = file_hashes(staging / CHECKPOINT, staging / CONFIG, CHECKPOINT, CONFIG)
    manifest = Manifest(check_name(name or _default_name(checkpoint)), info.family, info.base_model, info.labels,
                        info.main_label, files[CHECKPOINT], source, files=tuple(sorted(files.items())),
                        config_source=config_source)
    (staging / MANIFEST).write_text(manifest.to_json(), encoding="utf-8")
    return manifest


def _stage_pack(staging: Path, source: Path, name: str | None) -> Manifest:
    if source.is_dir():
        root = _pack_root(source)
        manifest = read_manifest(root)
        copy_folder_pack(root, staging, manifest.checkpoint, manifest.config, manifest.file_map)
    elif zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as archive:
            pack = ZipPack(archive, source)
            manifest = parse_manifest(pack.manifest_text(), source)
            check_listed(manifest.file_map, manifest.checkpoint, manifest.config, source)
            pack.extract(staging, manifest.checkpoint, manifest.config, manifest.file_map)
    else:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{source} is neither a model pack (folder or zip) nor a checkpoint with --config."),
            source=source))
    manifest = _verify(staging, manifest, source)
    if name and name != manifest.name:
        manifest = replace(manifest, name=check_name(name))
    (staging / MANIFEST).write_text(manifest.to_json(), encoding="utf-8")
    return manifest


def _verify(root: Path, manifest: Manifest, source: Path) -> Manifest:
    """The staged copy checked against its manifest; returned as a manifest of this format."""
    listed = manifest.file_map
    check_listed(listed, manifest.checkpoint, manifest.config, source)
    if listed and listed.get(manifest.checkpoint) != manifest.checksum:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "The manifest of {source} disagrees with itself about its checkpoint's sha256; get the "
                                        "pack again."), source=source))
    if not (root / manifest.checkpoint).is_file():
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{source} lacks its checkpoint file {checkpoint}; get the pack again."),
            source=source, checkpoint=manifest.checkpoint))
    verify_hashes(root, listed or {manifest.checkpoint: manifest.checksum}, source)
    _check_config(root / manifest.config)
    if read_checkpoint_info(root / manifest.checkpoint).labels != manifest.labels:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "The manifest of {source} lists labels its checkpoint does not have; get the pack "
                                        "again."),
            source=source))
    check_name(manifest.name)
    if not listed:  # a pack of format 1: its files are listed from here on
        files = file_hashes(root / manifest.checkpoint, root / manifest.config, manifest.checkpoint, manifest.config)
        manifest = replace(manifest, files=tuple(sorted(files.items())))
    return replace(manifest, format=PACK_FORMAT)


def _move_into_place(models_dir: Path, staging: Path, manifest: Manifest) -> Manifest:
    ensure_hub_alias(staging, manifest.base_model, staging / manifest.config)
    target = models_dir / manifest.name
    if (target / MANIFEST).is_file():
        if read_manifest(target).checksum == manifest.checksum:
            return manifest  # the same weights are already installed
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "A different model named '{name}' is installed; remove it first (moderator models remove "
                                        "{name}) or install with --name."), name=manifest.name))
    os.replace(staging, target)
    return manifest


def _pack_root(source: Path) -> Path:
    """A pack folder, or a folder holding exactly one."""
    if (source / MANIFEST).is_file():
        return source
    folders = [p for p in source.iterdir() if p.is_dir() and (p / MANIFEST).is_file()]
    if len(folders) != 1:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{source} is not a model pack (it has no {manifest})."),
            source=source, manifest=MANIFEST))
    return folders[0]


def _check_config(config: Path) -> None:
    if not (config / "config.json").is_file():
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{config} is not a Hugging Face config folder (it has no config.json)."), config=config))


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
