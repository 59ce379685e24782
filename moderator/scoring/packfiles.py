"""What a model pack may hold, and copying exactly that into a staging folder.

A pack holds its manifest, one checkpoint and a flat `config/` folder of Hugging Face
config and tokenizer files (JSON, text and sentencepiece models: data, never code or
pickles). Nothing else is copied in: a zip member outside that layout (another file,
a path that climbs out with `..`, an absolute path, a link) refuses the whole pack
before anything is written, and the manifest's sha256 of every file is checked.
"""

from __future__ import annotations

import re
import shutil
import stat
import zipfile
from pathlib import Path, PurePosixPath

from moderator.errors import ModeratorError
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence
from moderator.scoring.checkpoint import sha256_file

MANIFEST = "manifest.json"
CONFIG_SUFFIXES = (".json", ".txt", ".model")  # config, vocabularies, merges, sentencepiece
PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")


def plain_name(name: str, what: str) -> str:
    """A file or folder name with no path in it (manifest fields name files in the pack)."""
    if not PLAIN_NAME.fullmatch(name) or ".." in name:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "The manifest's {what} '{name}' is not a plain file name; get the pack again."),
            what=what, name=name))
    return name


def config_files(folder: Path) -> list[Path]:
    """The config and tokenizer files of a folder, sorted; anything else there is left out."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in CONFIG_SUFFIXES
                  and PLAIN_NAME.fullmatch(p.name))


def file_hashes(checkpoint: Path, config: Path, checkpoint_name: str, config_name: str) -> dict[str, str]:
    """sha256 of every file a pack holds (or will hold), by its path in the pack."""
    files = {checkpoint_name: sha256_file(checkpoint)}
    files |= {f"{config_name}/{p.name}": sha256_file(p) for p in config_files(config)}
    return files


def allowed(relative: str, checkpoint: str, config: str, listed: dict[str, str]) -> bool:
    """Whether a pack may hold this file: one the manifest lists, or (packs of format 1,
    whose manifest lists none) the checkpoint and config files."""
    if listed:
        return relative in listed
    parts = PurePosixPath(relative).parts
    return relative == checkpoint or (len(parts) == 2 and parts[0] == config and parts[1].endswith(CONFIG_SUFFIXES)
                                      and PLAIN_NAME.fullmatch(parts[1]) is not None)


def check_listed(listed: dict[str, str], checkpoint: str, config: str, source: Path) -> None:
    for relative in listed:
        if not allowed(relative, checkpoint, config, {}):
            raise ModeratorError(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "The manifest of {source} lists '{relative}', which is no part of a model pack; "
                                            "nothing was installed."), source=source, relative=relative))


def verify_hashes(root: Path, listed: dict[str, str], source: Path) -> None:
    for relative, expected in listed.items():
        path = root / relative
        if not path.is_file():
            raise ModeratorError(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{source} lacks {relative}, which its manifest lists; get the pack again."),
                source=source, relative=relative))
        if sha256_file(path) != expected:
            raise ModeratorError(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{relative} in {source} does not match its sha256 (a damaged or altered copy); get "
                                            "the pack again."), relative=relative, source=source))


class ZipPack:
    """A pack zip, read member by member: its root folder (a zip of a pack folder has
    one), the manifest's text, and the copying of the members the manifest allows."""

    def __init__(self, archive: zipfile.ZipFile, source: Path):
        self.archive, self.source = archive, source
        self.members = [info for info in archive.infolist() if not info.is_dir()]
        for info in archive.infolist():
            _check_member(info, source)
        self.prefix = self._root()

    def manifest_text(self) -> str:
        return self.archive.read(self.prefix + MANIFEST).decode("utf-8", errors="replace")

    def extract(self, staging: Path, checkpoint: str, config: str, listed: dict[str, str]) -> None:
        """Copy every member into staging, refusing the pack at the first one it may not hold."""
        for info in self.members:
            relative = info.filename[len(self.prefix):]
            if relative != MANIFEST and not (info.filename.startswith(self.prefix)
                                             and allowed(relative, checkpoint, config, listed)):
                raise ModeratorError(Sentence.of(
                    QT_TRANSLATE_NOOP("errors", "{source} holds '{filename}', which is no part of a model pack; nothing was "
                                                "installed."), source=self.source, filename=info.filename))
        for info in self.members:
            target = staging / info.filename[len(self.prefix):]
            target.parent.mkdir(parents=True, exist_ok=True)
            with self.archive.open(info) as member, target.open("wb") as out:
                shutil.copyfileobj(member, out, 1 << 20)

    def _root(self) -> str:
        names = {info.filename for info in self.members}
        if MANIFEST in names:
            return ""
        roots = [n[: -len(MANIFEST)] for n in names if n.endswith("/" + MANIFEST) and n.count("/") == 1]
        if len(roots) != 1:
            raise ModeratorError(Sentence.of(
                QT_TRANSLATE_NOOP("errors", "{source} is not a model pack (it has no {manifest})."),
                source=self.source, manifest=MANIFEST))
        return roots[0]


def _check_member(info: zipfile.ZipInfo, source: Path) -> None:
    name = info.filename
    parts = name.rstrip("/").split("/")
    is_link = stat.S_ISLNK(info.external_attr >> 16)
    if name.startswith("/") or "\\" in name or ":" in name or any(p in ("", ".", "..") for p in parts) or is_link:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{source} holds '{name}', a path that would reach outside the pack's folder; nothing was "
                                        "installed."), source=source, name=name))


def copy_folder_pack(root: Path, staging: Path, checkpoint: str, config: str, listed: dict[str, str]) -> None:
    """Copy a pack folder's manifest and the files it may hold; whatever else the folder
    holds (an installed pack's hub cache, notes) is left behind."""
    shutil.copyfile(root / MANIFEST, staging / MANIFEST)
    found = config_files(root / config) if (root / config).is_dir() else []
    wanted = list(listed) or [checkpoint] + [f"{config}/{p.name}" for p in found]
    for relative in wanted:
        if (root / relative).is_file():
            (staging / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(root / relative, staging / relative)
