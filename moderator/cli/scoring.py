"""The scoring commands of `moderator`: score, models (list, install, use, remove,
pack, download) and evaluate (its table printed as `report calibration` prints it).
Handlers take (db, args) and return an exit code;
expected failures raise ModeratorError, which cli.main prints as one sentence.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from moderator.cli.insight import print_reports
from moderator.config import resolve_paths
from moderator.errors import ModeratorError
from moderator.scoring.detox import AUTO, FAST_MODES
from moderator.scoring.packfiles import MANIFEST
from moderator.scoring.priority import Thresholds
from moderator.scoring.registry import list_models, load_scorer, model_identity, remove_model, start_loading, use_model
from moderator.scoring.releases import RELEASES

if TYPE_CHECKING:  # for annotations only: the commands import what they run when they run
    from moderator.scoring.packs import Manifest
    from moderator.scoring.runner import Progress
    from moderator.storage.database import Database

    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]  # what add_subparsers() returns

LONG_RUN_SECONDS = 2.0  # show progress after this long even when stderr is not a terminal


def add_commands(commands: Subcommands) -> None:
    p = commands.add_parser("score", help="score comments the model has not scored yet")
    _add_model_options(p)
    p.add_argument("--rescore", action="store_true", help="score every comment again")
    p.add_argument("--article", type=int, metavar="ID", help="score this article's comments first")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")

    p = commands.add_parser("evaluate", help="check a model on a labelled CSV (Jigsaw layout): ROC AUC per label")
    p.add_argument("file", type=Path, metavar="FILE.csv")
    _add_model_options(p)
    p.add_argument("--threshold", type=float, action="append", metavar="T",
                   help=f"threshold for the confusion counts (repeatable; default {' and '.join(map(str, Thresholds().values))})")
    output = p.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print one JSON object")
    output.add_argument("--csv", action="store_true", help="print CSV, one row per label and threshold")

    models = commands.add_parser("models", help="list, install, choose, remove, pack or download scoring models")
    _add_models_commands(models.add_subparsers(dest="models_command", metavar="ACTION", required=True))


def _add_model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="NAME", help="the model to use (default: the active one)")
    parser.add_argument("--fast", choices=(AUTO, *FAST_MODES), help="a faster, slightly less exact mode "
                        "(detoxify models): auto measures which suits this processor (about a second, once); bf16 "
                        "needs AVX-512 on x86, int8 a quantised engine in torch")


def _add_models_commands(actions: Subcommands) -> None:
    p = actions.add_parser("list", help="installed models; the active one is marked")
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("install", help="install a model pack (folder or zip), or a checkpoint with --config")
    p.add_argument("path", type=Path, metavar="PATH")
    p.add_argument("--config", type=Path, metavar="DIR", help="Hugging Face config and tokenizer folder (with a bare .ckpt)")
    p.add_argument("--name", help="install under this name")
    p = actions.add_parser("use", help="make a model the active one")
    p.add_argument("name", metavar="NAME")
    p = actions.add_parser("remove", help="delete an installed model (its scores stay in the database)")
    p.add_argument("name", metavar="NAME")
    p = actions.add_parser("pack", help="write a model pack zip for offline machines")
    p.add_argument("name", metavar="NAME", help=f"an installed model or a release: {', '.join(RELEASES)}")
    p.add_argument("out", type=Path, metavar="OUT.zip")
    p.add_argument("--checkpoint", type=Path, metavar="FILE", help="pack this local checkpoint (with --config)")
    p.add_argument("--config", type=Path, metavar="DIR")
    p = actions.add_parser("download", help="download a detoxify release and install it (needs a network)")
    p.add_argument("name", metavar="NAME", choices=tuple(RELEASES))


def _models_dir(args: argparse.Namespace) -> Path:
    return resolve_paths(args.home).models


def cmd_score(db: Database, args: argparse.Namespace) -> int:
    from moderator.scoring.runner import score_pending

    scorer = start_loading(_models_dir(args), args.model, args.fast)  # loads while the first comments are read
    if args.fast == AUTO and scorer.note:
        print(scorer.note, file=sys.stderr)
    with ProgressBar() as bar:
        progress = score_pending(db.write_sessions, scorer, args.article, args.rescore, on_progress=bar.show)
    scorer.ready()  # a model that cannot load says so, even with nothing left to score
    if args.json:
        print(json.dumps({"model": scorer.identity.name} | progress.as_json()))
    else:
        print(f"{progress.scored} comments scored with {scorer.identity.name} in {progress.seconds:.1f} s "
              f"({progress.rate:.1f} comments/s).")
    return 0


def cmd_evaluate(db: Database, args: argparse.Namespace) -> int:
    from moderator.insight.evaluate import evaluate

    scorer = load_scorer(_models_dir(args), args.model, args.fast)
    reports = evaluate(scorer, args.file, args.threshold or Thresholds().values)
    print_reports(reports, scorer.identity.name, str(args.file), args)  # the table `report calibration` prints
    return 0


def cmd_models(db: Database, args: argparse.Namespace) -> int:
    return MODELS_ACTIONS[args.models_command](_models_dir(args), args)


def models_list(models_dir: Path, args: argparse.Namespace) -> int:
    models = list_models(models_dir)
    if args.json:
        print(json.dumps([m.as_json() for m in models]))
        return 0
    for m in models:
        marker = "*" if m.active else " "
        print(f"{marker} {m.identity.name:<16} {m.identity.family:<12} {m.identity.checksum[:12]}  "
              f"{len(m.identity.labels)} labels  {m.identity.source}")
    return 0


def models_install(models_dir: Path, args: argparse.Namespace) -> int:
    from moderator.scoring.packs import install_pack

    manifest = install_pack(models_dir, args.path, args.config, args.name)
    print(f"Installed {manifest.name} ({manifest.family}, {len(manifest.labels)} labels); "
          f"make it active with: moderator models use {manifest.name}")
    _print_files(manifest)
    return 0


def models_use(models_dir: Path, args: argparse.Namespace) -> int:
    identity = use_model(models_dir, args.name)
    print(f"{identity.name} is now the active model; comments it has not scored show as unscored until scored.")
    return 0


def models_remove(models_dir: Path, args: argparse.Namespace) -> int:
    remove_model(models_dir, args.name)
    print(f"Removed {args.name}; the active model is now {model_identity(models_dir).name}.")
    return 0


def models_pack(models_dir: Path, args: argparse.Namespace) -> int:
    from moderator.scoring import packs

    if args.checkpoint or args.config:
        if not (args.checkpoint and args.config):
            raise ModeratorError("Packing a local checkpoint needs both --checkpoint FILE and --config DIR.")
        manifest = packs.build_pack(args.out, args.checkpoint, args.config, args.name, f"checkpoint file {args.checkpoint.name}")
    elif (models_dir / args.name / MANIFEST).is_file():
        manifest = _pack_installed(models_dir / args.name, args.out)
    else:
        from moderator.scoring.download import pack_release

        with ProgressBar() as bar:
            manifest = pack_release(args.out, args.name, bar.show_bytes)
    print(f"Wrote {args.out} ({manifest.name}); the files it holds:")
    _print_files(manifest)
    return 0


def _pack_installed(folder: Path, out: Path) -> Manifest:
    from moderator.scoring import packs

    manifest = packs.read_manifest(folder)
    return packs.build_pack(out, folder / manifest.checkpoint, folder / manifest.config, manifest.name,
                            manifest.source, manifest.config_source)


def _print_files(manifest: Manifest) -> None:
    """Every file of the pack with its full sha256, as its manifest records them."""
    for path, sha256 in manifest.files:
        print(f"  sha256 {sha256}  {path}")
    for label, source in (("checkpoint from", manifest.source), ("config from", manifest.config_source)):
        if source:
            print(f"  {label} {source}")


def models_download(models_dir: Path, args: argparse.Namespace) -> int:
    from moderator.scoring.download import download_release

    with ProgressBar() as bar:
        manifest = download_release(models_dir, args.name, bar.show_bytes)
    print(f"Downloaded and installed {manifest.name}; make it active with: moderator models use {manifest.name}")
    _print_files(manifest)
    return 0


class ProgressBar:
    """A one-line progress bar on stderr, for terminals and for runs that take a while."""

    def __init__(self, stream: TextIO = sys.stderr, width: int = 30):
        self.stream, self.width = stream, width
        self.started, self.last, self.shown = time.monotonic(), 0.0, False

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()

    def show(self, progress: Progress) -> None:
        left = progress.seconds_left
        eta = f", {left:.0f} s left" if left is not None else ""
        self._draw(progress.scored, progress.total, f"{progress.scored}/{progress.total} comments, "
                   f"{progress.rate:.1f}/s{eta}")

    def show_bytes(self, name: str, done: int, total: int | None) -> None:
        self._draw(done, total or 0, f"{name}: {done / 1e6:.1f}" + (f"/{total / 1e6:.1f} MB" if total else " MB"))

    def _draw(self, done: int, total: int, text: str) -> None:
        now = time.monotonic()
        if now - self.last < 0.2 and done != total or not self._wanted(now):
            return
        filled = int(self.width * done / total) if total else 0
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {text}  ")
        self.stream.flush()
        self.last, self.shown = now, True

    def _wanted(self, now: float) -> bool:
        return self.stream.isatty() or now - self.started >= LONG_RUN_SECONDS


MODELS_ACTIONS = {"list": models_list, "install": models_install, "use": models_use,
                  "remove": models_remove, "pack": models_pack, "download": models_download}
HANDLERS = {"score": cmd_score, "evaluate": cmd_evaluate, "models": cmd_models}
