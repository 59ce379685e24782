"""Loading through detoxify's own code with no network: the hub-id trap and its fix.

detoxify's loader first calls `<Config>.from_pretrained(model_type)` with the hub id
the checkpoint names ("bert-base-uncased", ...) even when it is handed a local config
folder; it then throws that config away and uses the local one. Offline, that first
call fails, so released checkpoints do not load as released.

The fix keeps the user's checkpoint untouched: each installed pack carries a tiny
Hugging Face cache in its `hub/` folder with the pack's own config.json filed under the
hub id, and loading runs with the Hugging Face offline switches on and that folder as
the cache. Hugging Face then resolves the hub id from the pack alone and opens no
socket (huggingface_hub refuses HTTP in offline mode).
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HUB = "hub"
REVISION = "pack"  # the snapshot name the alias's refs/main points at
OFFLINE_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1"}

# huggingface_hub reads its switches once, at import; loading sets them for the
# duration of a load, so two loads on different threads must not interleave.
_switch_lock = threading.Lock()


def hub_cache(pack: Path) -> Path:
    return pack / HUB


def ensure_hub_alias(pack: Path, hub_id: str, config: Path) -> None:
    """File the pack's config.json in the pack's own cache under the hub id."""
    repo = hub_cache(pack) / ("models--" + hub_id.replace("/", "--"))
    snapshot = repo / "snapshots" / REVISION
    snapshot.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(config / "config.json", snapshot / "config.json")
    (repo / "refs").mkdir(exist_ok=True)
    (repo / "refs" / "main").write_text(REVISION, encoding="utf-8")


@contextmanager
def offline_hub(cache: Path) -> Iterator[None]:
    """Hugging Face offline, with `cache` as its cache, for the duration of a load."""
    os.environ.update(OFFLINE_ENV)  # for any import of huggingface_hub that comes first
    from huggingface_hub import constants

    with _switch_lock:
        saved = constants.HF_HUB_OFFLINE, constants.HF_HUB_CACHE
        constants.HF_HUB_OFFLINE, constants.HF_HUB_CACHE = True, str(cache)
        try:
            yield
        finally:
            constants.HF_HUB_OFFLINE, constants.HF_HUB_CACHE = saved
