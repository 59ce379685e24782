"""Downloading detoxify releases, only when a moderator or IT asks for it.

Without a network it fails within seconds with one plain sentence; with one, it
shows progress, checks the release's sha256 (in full where it is known, else the
prefix its file name carries), fetches the Hugging Face files from a pinned commit,
and installs (or packs) it; the pack's manifest records the sha256 of every file.
"""

from __future__ import annotations

import hashlib
import socket
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from email.message import Message
from pathlib import Path

from moderator.errors import ModeratorError
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence
from moderator.scoring.packs import Manifest, build_pack, install_pack
from moderator.scoring.releases import RELEASES, Release

ProgressCallback = Callable[[str, int, int | None], None]  # (file, bytes done, bytes in all or None)
PROBE_SECONDS = 5.0
READ_TIMEOUT = 30.0
OPTIONAL_HUB_FILES = ("tokenizer.json", "tokenizer_config.json")  # older hub repos may lack them


def download_release(models_dir: Path, name: str, on_progress: ProgressCallback | None = None,
                     releases: dict[str, Release] = RELEASES) -> Manifest:
    """Download a detoxify release with its hub files and install it as `name`."""
    chosen = _release(name, releases)
    models_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".download-", dir=models_dir) as folder:
        checkpoint, config = fetch_release(chosen, Path(folder), on_progress)
        return install_pack(models_dir, checkpoint, config, name=name, origin=chosen.url,
                            config_source=chosen.config_source)


def pack_release(out: Path, name: str, on_progress: ProgressCallback | None = None,
                 releases: dict[str, Release] = RELEASES) -> Manifest:
    """Download a detoxify release and write it as a pack zip for offline machines."""
    chosen = _release(name, releases)
    with tempfile.TemporaryDirectory(prefix=".download-") as folder:
        checkpoint, config = fetch_release(chosen, Path(folder), on_progress)
        return build_pack(out, checkpoint, config, name, chosen.url, chosen.config_source)


def fetch_release(chosen: Release, folder: Path, on_progress: ProgressCallback | None) -> tuple[Path, Path]:
    check_network(chosen.url)
    checkpoint = folder / chosen.file_name
    digest = fetch(chosen.url, checkpoint, on_progress)
    if digest != (chosen.sha256 or digest) or not digest.startswith(chosen.sha256_prefix):
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "The download of {file_name} is damaged (its sha256 does not match); try again."),
            file_name=chosen.file_name))
    config = folder / "config"
    config.mkdir()
    for file in chosen.hub_files:
        url = chosen.hub_file_url(file)
        try:
            fetch(url, config / file, on_progress)
        except ModeratorError:
            if file not in OPTIONAL_HUB_FILES:
                raise
    return checkpoint, config


def check_network(url: str, seconds: float = PROBE_SECONDS) -> None:
    """Raise within `seconds` if the url's host cannot be reached (name lookup included,
    which socket timeouts do not cover, hence the daemon thread)."""
    parts = urllib.parse.urlparse(url)
    host, port = parts.hostname, parts.port or (80 if parts.scheme == "http" else 443)
    outcome: list[BaseException | None] = []

    def probe() -> None:
        try:
            socket.create_connection((host, port), timeout=seconds).close()
            outcome.append(None)
        except OSError as error:
            outcome.append(error)

    thread = threading.Thread(target=probe, name="network-probe", daemon=True)
    thread.start()
    thread.join(seconds)
    if not outcome or outcome[0] is not None:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "{host} cannot be reached (no network?); install a model pack from a file instead "
                                        "(moderator models install PACK.zip)."), host=host))


def fetch(url: str, target: Path, on_progress: ProgressCallback | None = None) -> str:
    """Stream url to target (via a .part file); returns the sha256 of what was written."""
    digest, partial = hashlib.sha256(), target.with_name(target.name + ".part")
    try:
        with urllib.request.urlopen(url, timeout=READ_TIMEOUT) as response, partial.open("wb") as out:
            total, done = _length(response.headers), 0
            while chunk := response.read(1 << 20):
                out.write(chunk)
                digest.update(chunk)
                done += len(chunk)
                if on_progress:
                    on_progress(target.name, done, total)
    except (urllib.error.URLError, OSError) as error:
        partial.unlink(missing_ok=True)
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "Downloading {url} failed ({reason}); check the network or install a model pack from a "
                                        "file."), url=url, reason=getattr(error, 'reason', error))) from None
    partial.replace(target)
    return digest.hexdigest()


def _length(headers: Message) -> int | None:
    value = headers.get("Content-Length")
    return int(value) if value and value.isdigit() else None


def _release(name: str, releases: dict[str, Release]) -> Release:
    if name not in releases:
        raise ModeratorError(Sentence.of(
            QT_TRANSLATE_NOOP("errors", "There is no detoxify release named '{name}'; choose one of: {known}."),
            name=name, known=', '.join(releases)))
    return releases[name]
