"""Model packs cannot run code: checkpoints are read as weights only, pack zips hold
only what their manifest lists, every file's sha256 is checked, and downloads fetch
the Hugging Face files from a pinned commit (tested against a server on 127.0.0.1)."""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from moderator.errors import ModeratorError
from moderator.scoring.download import download_release, pack_release
from moderator.scoring.packs import MANIFEST, build_pack, install_pack, read_manifest
from moderator.scoring.registry import load_scorer
from moderator.scoring.releases import RELEASES, Release
from tests.tinymodels import build_tiny_model

CODE_REFUSED = "needs Python code to load"


class Payload:
    """Unpickled without restriction, this writes the marker file: what a crafted checkpoint does."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return exec, (f"open({str(self.marker)!r}, 'w').write('ran')",)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "bert", "bert")


@pytest.fixture
def crafted(tiny, tmp_path):
    """A detoxify-shaped checkpoint carrying a payload, and the file the payload would write."""
    import torch

    marker = tmp_path / "payload-ran"
    content = torch.load(tiny.checkpoint, weights_only=True)
    content["config"]["trainer"] = Payload(marker)
    path = tmp_path / "crafted.ckpt"
    torch.save(content, path)
    return path, marker


def test_the_crafted_checkpoint_runs_its_payload_when_unpickled_unrestricted(crafted):
    """So the tests below can fail: an ordinary torch.load writes the marker."""
    import torch

    path, marker = crafted
    torch.load(path, weights_only=False)
    assert marker.read_text() == "ran"


def test_crafted_checkpoint_is_refused_on_install_and_on_pack(crafted, tiny, paths, tmp_path, cli):
    path, marker = crafted
    with pytest.raises(ModeratorError, match=CODE_REFUSED):
        install_pack(paths.models, path, tiny.config, name="evil")
    with pytest.raises(ModeratorError, match=CODE_REFUSED):
        build_pack(tmp_path / "evil.zip", path, tiny.config, "evil", "test")
    code, _, err = cli("models", "pack", "evil", str(tmp_path / "evil.zip"), "--checkpoint", str(path),
                       "--config", str(tiny.config))
    assert code == 1 and CODE_REFUSED in err and len(err.strip().splitlines()) == 1
    assert not marker.exists() and not (tmp_path / "evil.zip").exists()
    assert [p.name for p in paths.models.iterdir()] == []


def test_a_pack_whose_manifest_matches_a_crafted_checkpoint_is_refused(crafted, tiny, paths, tmp_path, cli):
    """The manifest's checksum catches damage, not tampering: the checkpoint itself is refused."""
    path, marker = crafted
    manifest = build_pack(tmp_path / "good.zip", tiny.checkpoint, tiny.config, "tiny", "test")
    checksum = hashlib.sha256(path.read_bytes()).hexdigest()
    matching = replace(manifest, checksum=checksum, files=tuple({**manifest.file_map, "model.ckpt": checksum}.items()))
    _rewrite_zip(tmp_path / "good.zip", tmp_path / "evil.zip",
                 {"model.ckpt": path.read_bytes(), MANIFEST: matching.to_json().encode()})
    code, _, err = cli("models", "install", str(tmp_path / "evil.zip"))
    assert code == 1 and CODE_REFUSED in err
    assert not marker.exists() and [p.name for p in paths.models.iterdir()] == []


def test_an_installed_pack_with_a_crafted_checkpoint_never_scores(crafted, tiny, paths, cli):
    """A pack installed by an earlier version, before these checks: scoring refuses it too."""
    path, marker = crafted
    install_pack(paths.models, tiny.checkpoint, tiny.config, name="tiny")
    (paths.models / "tiny" / "model.ckpt").write_bytes(path.read_bytes())
    manifest = read_manifest(paths.models / "tiny")
    checksum = hashlib.sha256(path.read_bytes()).hexdigest()
    (paths.models / "tiny" / MANIFEST).write_text(replace(manifest, checksum=checksum, files=()).to_json())
    with pytest.raises(ModeratorError, match=CODE_REFUSED):
        load_scorer(paths.models, "tiny")
    cli("demo")
    code, _, err = cli("score", "--model", "tiny")
    assert code == 1 and CODE_REFUSED in err and "Traceback" not in err
    assert not marker.exists()


def test_the_manifest_lists_every_file_with_its_sha256(tiny, paths, tmp_path, cli):
    code, out, _ = cli("models", "pack", "tiny", str(tmp_path / "p.zip"), "--checkpoint", str(tiny.checkpoint),
                       "--config", str(tiny.config))
    with zipfile.ZipFile(tmp_path / "p.zip") as archive:
        manifest = json.loads(archive.read(MANIFEST))
        members = sorted(n for n in archive.namelist() if n != MANIFEST)
        hashes = {n: hashlib.sha256(archive.read(n)).hexdigest() for n in members}
    assert code == 0 and manifest["format"] == 2 and manifest["files"] == hashes
    assert members == ["config/config.json", "config/tokenizer.json", "config/tokenizer_config.json", "model.ckpt"]
    assert all(f"sha256 {h}  {n}" in out for n, h in hashes.items())  # shown in full
    code, out, _ = cli("models", "install", str(tmp_path / "p.zip"))
    assert code == 0 and read_manifest(paths.models / "tiny").file_map == hashes


def test_an_altered_config_file_is_refused(tiny, paths, tmp_path):
    build_pack(tmp_path / "p.zip", tiny.checkpoint, tiny.config, "tiny", "test")
    _rewrite_zip(tmp_path / "p.zip", tmp_path / "altered.zip", {"config/tokenizer.json": b"{}"})
    with pytest.raises(ModeratorError, match="tokenizer.json in .* does not match its sha256"):
        install_pack(paths.models, tmp_path / "altered.zip")
    assert [p.name for p in paths.models.iterdir()] == []


@pytest.mark.parametrize("member, says", [
    ("../../escaped.txt", "reach outside the pack's folder"),
    ("/tmp/absolute.txt", "reach outside the pack's folder"),
    ("config/../../escaped.txt", "reach outside the pack's folder"),
    ("config/sitecustomize.py", "no part of a model pack"),
    ("pytorch_model.bin", "no part of a model pack"),
    ("hub/models--x/snapshots/pack/config.json", "no part of a model pack"),
])
def test_zip_members_outside_the_pack_or_unknown_are_refused(tiny, paths, tmp_path, member, says):
    build_pack(tmp_path / "p.zip", tiny.checkpoint, tiny.config, "tiny", "test")
    with zipfile.ZipFile(tmp_path / "p.zip", "a") as archive:
        archive.writestr(member, "x")
    with pytest.raises(ModeratorError, match=says):
        install_pack(paths.models, tmp_path / "p.zip")
    assert [p.name for p in paths.models.iterdir()] == []
    assert not (paths.models.parent / "escaped.txt").exists() and not (tmp_path / "escaped.txt").exists()


def test_a_symbolic_link_member_is_refused(tiny, paths, tmp_path):
    build_pack(tmp_path / "p.zip", tiny.checkpoint, tiny.config, "tiny", "test")
    link = zipfile.ZipInfo("config/vocab.txt")
    link.external_attr = (0o120777 << 16)  # a symlink, as Info-ZIP stores one
    with zipfile.ZipFile(tmp_path / "p.zip", "a") as archive:
        archive.writestr(link, "/etc/passwd")
    with pytest.raises(ModeratorError, match="reach outside"):
        install_pack(paths.models, tmp_path / "p.zip")


def test_a_pack_of_format_1_still_installs_and_gets_its_files_listed(tiny, paths, tmp_path):
    """Packs built before the manifest listed every file: layout checked, checkpoint hash checked."""
    build_pack(tmp_path / "p.zip", tiny.checkpoint, tiny.config, "tiny", "test")
    with zipfile.ZipFile(tmp_path / "p.zip") as archive:
        old = json.loads(archive.read(MANIFEST))
    old["format"] = 1
    old.pop("files"), old.pop("config_source")
    _rewrite_zip(tmp_path / "p.zip", tmp_path / "old.zip", {MANIFEST: json.dumps(old).encode()})
    manifest = install_pack(paths.models, tmp_path / "old.zip")
    assert manifest.format == 2 and set(manifest.file_map) == {"model.ckpt", "config/config.json",
                                                              "config/tokenizer.json", "config/tokenizer_config.json"}
    assert load_scorer(paths.models, "tiny").score(["hello"])[0]["toxicity"] >= 0


def test_an_installed_pack_of_format_1_keeps_scoring(tiny, paths):
    install_pack(paths.models, tiny.checkpoint, tiny.config, name="tiny")
    manifest = json.loads((paths.models / "tiny" / MANIFEST).read_text())
    manifest["format"] = 1
    manifest.pop("files"), manifest.pop("config_source")
    (paths.models / "tiny" / MANIFEST).write_text(json.dumps(manifest))
    assert load_scorer(paths.models, "tiny").score(["hello"])[0]["toxicity"] >= 0


# Downloads, against a server on this machine


class Files(http.server.BaseHTTPRequestHandler):
    served: dict[str, bytes] = {}
    asked: list[str] = []

    def do_GET(self):
        self.asked.append(self.path)
        body = self.served.get(self.path)
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, *args):
        pass


@pytest.fixture
def server(tiny):
    """Serves the tiny model as a release and its config as a hub repository at one commit."""
    checkpoint = tiny.checkpoint.read_bytes()
    digest = hashlib.sha256(checkpoint).hexdigest()
    revision = "0123456789abcdef0123456789abcdef01234567"
    Files.served = {f"/releases/tiny-{digest[:8]}.ckpt": checkpoint}
    Files.served |= {f"/tiny-hub/resolve/{revision}/{p.name}": p.read_bytes() for p in tiny.config.iterdir()}
    Files.asked = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Files)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    release = Release("tiny", f"{base}/releases/tiny-{digest[:8]}.ckpt", "tiny-hub",
                      ("config.json", "tokenizer.json", "tokenizer_config.json"), revision, digest,
                      hub_url=base + "/{hub_id}/resolve/{revision}/{file}")
    yield release
    httpd.shutdown()
    httpd.server_close()


def test_a_download_fetches_the_pinned_commit_and_records_every_sha256(server, paths, tmp_path):
    manifest = download_release(paths.models, "tiny", releases={"tiny": server})
    assert all(f"/resolve/{server.revision}/" in path for path in Files.asked if "hub" in path)
    assert manifest.config_source.endswith(f"/tiny-hub/resolve/{server.revision}")
    assert manifest.file_map["model.ckpt"] == server.sha256 == manifest.checksum
    served = {p.rsplit("/", 1)[1]: hashlib.sha256(b).hexdigest() for p, b in Files.served.items() if "hub" in p}
    assert {k.split("/")[1]: v for k, v in manifest.file_map.items() if k.startswith("config/")} == served
    packed = pack_release(tmp_path / "tiny.zip", "tiny", releases={"tiny": server})
    assert packed.files == manifest.files and packed.config_source == manifest.config_source


def test_a_download_whose_full_sha256_differs_is_refused(server, paths):
    wrong = replace(server, sha256=server.sha256[:8] + "0" * 56)  # the file name's prefix still matches
    with pytest.raises(ModeratorError, match="damaged"):
        download_release(paths.models, "tiny", releases={"tiny": wrong})
    assert [p.name for p in paths.models.iterdir()] == []


def test_every_release_pins_its_hub_files_to_a_commit():
    for release in RELEASES.values():
        assert len(release.revision) == 40 and all(c in "0123456789abcdef" for c in release.revision)
        assert "/resolve/main/" not in release.hub_file_url("config.json")
        assert release.hub_file_url("config.json").endswith(f"/resolve/{release.revision}/config.json")


def _rewrite_zip(source: Path, out: Path, replaced: dict[str, bytes]) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            new.writestr(item, replaced.get(item.filename, old.read(item)))
