"""Scoring benchmark: detoxify's `original` architecture (BERT-base, 6 labels, random
weights) as a model pack, on a synthetic English-like corpus with a realistic length
distribution. Measures, in one run, for 600 and 2,000 comments, each as a command a user
runs (a fresh process: start-up, imports and model load included, scores committed):

  the CPU class (flags, torch's get_cpu_capability()) and its fp32 / bf16 matmul peaks
  (at the start and again at the end: the CPU reference, which a busy machine lowers);
  where start-up goes, step by step (wall and CPU seconds);
  the naive loop: detoxify's Detoxify.predict(text) once per comment;
  `moderator score` exact, and with --fast bf16 / int8 / auto: wall time, time to the
  first comment stored, the loop's rate, the share of the fp32 limit, the largest score
  difference from the naive loop (exact: on the comments without disguises, which the app
  also scores undisguised by design) or from exact (fast modes); with --repeat, in rounds;
  the engines on the same batches in one process: torch fp32 / bf16 / int8 and, when
  onnxruntime is importable, ONNX Runtime fp32 and int8 (exported here).

  .venv/bin/python bench/scoring.py                  # 600 comments, each command once (about 10 minutes)
  .venv/bin/python bench/scoring.py --comments 600 2000 --repeat 2   # the issue's full table, twice
  .venv/bin/python bench/scoring.py --before OLD_TREE  # also the exact command of another checkout, same conditions
  .venv/bin/python bench/scoring.py --families       # batching per family (BERT, RoBERTa, ALBERT)

Every command's wall and CPU seconds are given: on a machine shared with other work, the
CPU seconds show the work a command needed, the wall seconds what the neighbours added.
Quote the load averages and peaks it prints. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

# The repository, not bench/, goes first: bench/ holds scripts named like stdlib modules.
REPO = Path(__file__).resolve().parents[1]
sys.path[0] = str(REPO)

from moderator.config import resolve_db_url, resolve_paths  # noqa: E402
from moderator.rules.normalise import for_model  # noqa: E402
from moderator.scoring.cpu import cpu_class, matmul_peak  # noqa: E402
from moderator.scoring.detox import Batching, DetoxifyScorer, bf16_is_native, length_batches  # noqa: E402
from moderator.scoring.packs import build_pack, install_pack  # noqa: E402
from moderator.scoring.quick import QuickScreen  # noqa: E402
from moderator.scoring.runner import score_pending  # noqa: E402
from moderator.scoring.store import find_model, scores_for  # noqa: E402
from moderator.scoring.threads import prepare_threads_environment  # noqa: E402
from moderator.storage.database import open_database  # noqa: E402
from moderator.storage.models import Article, Comment, Site  # noqa: E402

# As the app does before torch loads: waiting OpenMP threads sleep. Without it the engines
# compared in this process spin on a busy machine, and torch loses to ONNX Runtime for it.
# The commands run with the environment as it was: detoxify's loop as a user runs it.
USER_ENVIRONMENT = dict(os.environ)
prepare_threads_environment()

LABELS = ["toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate"]
FUNCTION_WORDS = ("the of and to a in is that it for you was on are with as this be at have not but they "
                  "by from or his her we an all their there what so if about which when one would can no "
                  "more out up do just like than them then some only people our my your very should").split()
SUFFIXES = ("ing", "ed", "s", "ly", "er", "ness", "tion", "al", "ment", "ist", "ive", "ous", "ful", "less")
SYLLABLES = [c + v for c in "bcdfghklmnprstvwz" for v in "aeiou"] + [c + v + "n" for c in "bdklmrst" for v in "aeio"]
VOCAB_SIZE = 30522  # bert-base-uncased's
LAYERS, HIDDEN = 12, 768


def make_lexicon(rng: random.Random, stems: int = 24000) -> list[str]:
    words: set[str] = set()
    while len(words) < stems:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))))
    return sorted(words)


def make_corpus(n: int, lexicon: list[str], seed: int = 7) -> list[str]:
    """Comments of lognormal length (median ~40 words, tail to ~500)."""
    rng = random.Random(seed)
    return [make_comment(rng, lexicon, min(500, max(3, round(rng.lognormvariate(math.log(37), 0.75)))))
            for _ in range(n)]


def make_comment(rng: random.Random, lexicon: list[str], words: int) -> str:
    out, sentence = [], []
    for _ in range(words):
        word = rng.choice(FUNCTION_WORDS) if rng.random() < 0.45 else _content_word(rng, lexicon)
        sentence.append(word)
        if len(sentence) >= rng.randint(6, 18):
            out.append(_sentence(rng, sentence))
            sentence = []
    if sentence:
        out.append(_sentence(rng, sentence))
    return " ".join(out)


def _content_word(rng: random.Random, lexicon: list[str]) -> str:
    stem = lexicon[min(len(lexicon) - 1, int(rng.paretovariate(0.9)) - 1)] if rng.random() < 0.3 else rng.choice(lexicon)
    return stem + "".join(rng.choice(SUFFIXES) for _ in range(rng.choices((0, 1, 2), (55, 30, 15))[0]))


def _sentence(rng: random.Random, words: list[str]) -> str:
    if len(words) > 8 and rng.random() < 0.5:
        words[len(words) // 2] += ","
    return words[0].capitalize() + " " + " ".join(words[1:]) + rng.choice(".....?!")


def make_tokenizer(lexicon: list[str]):
    import transformers

    tokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *".,?!'", *FUNCTION_WORDS, *lexicon,
              *(f"##{s}" for s in SUFFIXES), *(f"##{c}" for c in "abcdefghijklmnopqrstuvwxyz")]
    tokens = list(dict.fromkeys(tokens))
    tokens += [f"[unused{i}]" for i in range(VOCAB_SIZE - len(tokens))]
    return transformers.BertTokenizer(vocab={t: i for i, t in enumerate(tokens)}, model_max_length=512)


def make_pack(folder: Path, tokenizer) -> Path:
    """A detoxify-format checkpoint with the released architecture, as a pack zip."""
    import torch
    import transformers

    config = transformers.BertConfig(num_labels=len(LABELS))  # = bert-base-uncased's config
    torch.manual_seed(0)
    model = transformers.BertForSequenceClassification(config)
    config.save_pretrained(folder / "config")
    tokenizer.save_pretrained(folder / "config")
    arch = {"model_type": "bert-base-uncased", "model_name": "BertForSequenceClassification",
            "tokenizer_name": "BertTokenizer", "num_classes": len(LABELS)}
    checkpoint = folder / "toxic_original-random.ckpt"
    torch.save({"config": {"arch": {"args": arch}, "dataset": {"args": {"classes": LABELS}}},
                "state_dict": model.state_dict()}, checkpoint)
    build_pack(folder / "original-random.zip", checkpoint, folder / "config", "original-random", "bench")
    return folder / "original-random.zip"


def flops_per_comment(tokens: np.ndarray) -> np.ndarray:
    """BERT-base forward pass: 2 x 85 M weights per token, plus attention's n^2 terms."""
    weights = LAYERS * (4 * HIDDEN**2 + 2 * HIDDEN * 4 * HIDDEN) + HIDDEN**2
    return 2 * weights * tokens + LAYERS * 4 * tokens**2 * HIDDEN


def corpus_database(home: Path, texts: list[str], articles: int = 1):
    """The corpus as pending comments in a data folder's database, dealt round-robin
    over `articles` articles (comment i gets id i + 1)."""
    paths = resolve_paths(str(home))
    paths.ensure()
    db = open_database(resolve_db_url(paths), paths.backups)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with db.sessions() as session:
        session.add(Site(id=1, key="bench", name="Bench"))
        session.add_all(Article(id=a, site_id=1, external_id=f"a{a}", headline=f"Bench article {a}",
                                published_at=start + timedelta(hours=a)) for a in range(1, articles + 1))
        session.flush()  # comments have no relationship() to order them after their article
        session.add_all(Comment(site_id=1, article_id=1 + i % articles, external_id=str(i), author="reader",
                                body=text, created_at=start + timedelta(seconds=i)) for i, text in enumerate(texts))
        session.commit()
    return db


def end_to_end(db, scorer) -> tuple[float, dict[int, dict]]:
    started = time.perf_counter()
    progress = score_pending(db.sessions, scorer)
    seconds = time.perf_counter() - started
    with db.sessions() as session:
        model_id = find_model(session, scorer.identity)
        return progress.scored / seconds, scores_for(session, model_id, list(range(1, progress.scored + 1)))


def run_full(args, work: Path) -> dict:
    report = cpu_report()
    lexicon = make_lexicon(random.Random(3))
    tokenizer = make_tokenizer(lexicon)
    install_pack(work / "models", make_pack(work / "pack", tokenizer))
    report |= peaks()
    report["startup"] = startup_steps(work / "models" / MODEL)
    for n in args.comments:
        report[f"n{n}"] = run_size(args, work, make_corpus(n, lexicon), tokenizer, report)
    if args.engine_comments:
        report["engines"] = compare_engines(work / "models" / MODEL, make_corpus(args.engine_comments, lexicon, seed=5))
    report["quick_screen_cps"] = round(quick_screen_rate(work, lexicon, args.quick_comments), 1)
    print(f"quick screen end to end: {report['quick_screen_cps']} c/s", flush=True)
    # The CPU reference again: on a shared machine, how much the neighbours took changes during a run.
    return report | {"peaks_end": peaks(), "loadavg_end": os.getloadavg()}


MODEL = "original-random"


def cpu_report() -> dict:
    import torch

    cpu = cpu_class()
    report = {"cpu": cpu.summary, "torch": torch.__version__,
              "torch_capability": torch.backends.cpu.get_cpu_capability(), "loadavg_start": os.getloadavg()}
    print(f"CPU: {cpu.summary}; torch {report['torch']}, capability {report['torch_capability']}", flush=True)
    return report


def peaks() -> dict:
    fp32 = matmul_peak("float32")
    # Where torch would emulate bf16 (AVX2 only), a 2,048 matmul takes seconds: measure a small one.
    bf16 = matmul_peak("bfloat16") if bf16_is_native() else matmul_peak("bfloat16", size=256, seconds=1.0)
    print(f"matmul peak GFLOP/s (torch, {_threads()} threads): fp32 {fp32:.0f}, bf16 {bf16:.0f}", flush=True)
    return {"fp32_peak_gflops": round(fp32, 1), "bf16_peak_gflops": round(bf16, 1), "torch_threads": _threads()}


STARTUP = """
import json, resource, sys, time
started = float(sys.argv[2])
steps = []

def step(name):
    usage = resource.getrusage(resource.RUSAGE_SELF)
    steps.append((name, round(time.time() - started, 3), round(usage.ru_utime + usage.ru_stime, 3)))

step("interpreter")
import moderator.cli.commands
step("the moderator command's imports")
from pathlib import Path
from moderator.scoring.threads import prepare_threads_environment
prepare_threads_environment()
import torch
step("import torch")
import tokenizers, moderator.scoring.encoder, moderator.scoring.packtokenizer
step("import tokenizers and the plain-torch model code (no transformers)")
from moderator.scoring.detox import DetoxifyScorer
scorer = DetoxifyScorer(Path(sys.argv[1]))
step("read the checkpoint (memory-mapped), build the model and tokenizer: " + type(scorer.loaded.model).__name__)
scorer.score(["A short first comment to score."])
step("the first comment scored")
print(json.dumps(steps))
"""


def startup_steps(pack: Path) -> list:
    """Where start-up goes: its steps one after the other in a fresh process, each with the
    seconds since the process was started and the CPU seconds it had used by then (CPU time
    is what a quiet machine would take; wall time grows with the neighbours' load)."""
    env = {**USER_ENVIRONMENT, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", STARTUP, str(pack), repr(time.time())], env=env,
                          capture_output=True, text=True, check=True)
    steps = json.loads(done.stdout.strip().splitlines()[-1])
    print("start-up, step by step (seconds since start: wall, CPU):", flush=True)
    for name, wall, cpu in steps:
        print(f"  {wall:6.2f} {cpu:6.2f}  {name}", flush=True)
    return steps


def run_size(args, work: Path, texts: list[str], tokenizer, report: dict) -> dict:
    """Every command on its own fresh copy of the corpus's database, in rounds: each round runs
    the naive loop and then every command, so a neighbour's load changing over the run hits
    them all alike, and each command is compared with the naive loop of its own round."""
    stats, tokens = corpus_report(texts, tokenizer)
    mean_flops = float(flops_per_comment(tokens).mean())
    stats |= {"gflop_per_comment": round(mean_flops / 1e9, 2),
              "fp32_limit_cps": round(report["fp32_peak_gflops"] * 1e9 / mean_flops, 2)}
    print(f"\n{len(texts)} comments:", stats, flush=True)
    # The app also scores a comment with its disguises undone (stretched letters: the corpus's
    # "-sss" words) and keeps the higher score, by design; detoxify's equality is measured on the rest.
    stats["disguised"] = sum(for_model(text) != text for text in texts)
    plain = {i + 1 for i, text in enumerate(texts) if for_model(text) == text}  # comment i has id i + 1
    rounds = [run_round(args, work, texts, report, stats, plain) for _ in range(args.repeat)]
    print(f"  summary, {len(texts)} comments, {len(rounds)} round(s): median wall seconds, median vs naive "
          "(wall / CPU seconds)", flush=True)
    summary = {name: _median_of(rounds, name) for name in rounds[0]}
    for name, figures in summary.items():
        print(f"    {name:>14}: {figures}", flush=True)
    return stats | {"rounds": rounds, "summary": summary}


def run_round(args, work: Path, texts: list[str], report: dict, stats: dict, plain: set[int]) -> dict:
    print(f"  round at load {os.getloadavg()[0]:.1f}:", flush=True)
    naive = None if args.skip_naive else run_naive(work, texts)
    results, exact_scores = {}, None
    for mode in args.modes:
        if mode == "bf16" and report["bf16_peak_gflops"] < report["fp32_peak_gflops"]:
            results[mode] = {"skipped": "bf16 matmuls slower than fp32 on this CPU"}
            print("  --fast bf16: skipped, this CPU's bf16 matmuls are slower than fp32", flush=True)
            continue
        result, scores = run_command(args.app, work, texts, mode)
        if mode == "exact":
            exact_scores = scores
        # exact against detoxify's own scores, a fast mode against exact (never a run against itself)
        reference = (naive["scores"] if naive else None) if mode == "exact" else exact_scores
        if reference and scores:
            result["max_diff"] = max_diff(reference, scores, plain if mode == "exact" else None)
        result["loop_share_of_fp32_limit"] = round(result.get("loop_cps", 0) / stats["fp32_limit_cps"], 3)
        results[mode] = _versus(result, naive)
        print(f"  {mode}: {_line(result)}", flush=True)
    if args.before:
        result, scores = run_command(args.before, work, texts, "exact", name="before", models_folder=models_of_their_own(work))
        if naive and scores:
            result["max_diff"] = max_diff(naive["scores"], scores, plain)
        result["loop_share_of_fp32_limit"] = round(result.get("loop_cps", 0) / stats["fp32_limit_cps"], 3)
        results["exact_before"] = _versus(result, naive)
        print(f"  exact, {args.before}: {_line(result)}", flush=True)
    if naive:
        results["naive"] = {k: v for k, v in naive.items() if k != "scores"}
    return results


def _versus(result: dict, naive: dict | None) -> dict:
    if naive and "wall_seconds" in result:
        result["vs_naive"] = round(naive["wall_seconds"] / result["wall_seconds"], 2)
        result["vs_naive_cpu"] = round(naive["cpu_seconds"] / result["cpu_seconds"], 2)
    return result


def _median_of(rounds: list[dict], name: str) -> dict:
    figures = {}
    for key in ("wall_seconds", "cpu_seconds", "cpu_seconds_per_comment", "vs_naive", "vs_naive_cpu",
                "first_scored_seconds", "loop_cps", "loop_share_of_fp32_limit"):
        values = [r[name][key] for r in rounds if isinstance(r.get(name, {}).get(key), (int, float))]
        if values:
            figures[key] = round(float(np.median(values)), 2)
    return figures


def _line(result: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in result.items() if k not in ("note",)) + (
        f" ({result['note']})" if result.get("note") else "")


NAIVE = """
import json, sqlite3, sys, time
from pathlib import Path
from moderator.scoring.detox import load_detoxify
from moderator.scoring.packs import read_manifest
pack, db, out = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
rows = sqlite3.connect(db).execute("SELECT id, body FROM comments ORDER BY id").fetchall()
detox = load_detoxify(pack, read_manifest(pack))  # detoxify's construction, offline and weights only
started = time.perf_counter()
scores = {comment_id: detox.predict(text) for comment_id, text in rows}
json.dump({"loop_seconds": time.perf_counter() - started, "scores": scores}, open(out, "w"))
"""


def run_naive(work: Path, texts: list[str]) -> dict:
    """detoxify's own loop, `predict` per comment, in a fresh process: import and load included."""
    home = fresh_home(work, "naive", texts)
    out = work / "naive.json"
    env = {**USER_ENVIRONMENT, "PYTHONPATH": str(REPO)}
    started, cpu = time.perf_counter(), children_cpu()
    subprocess.run([sys.executable, "-c", NAIVE, str(work / "models" / MODEL), str(resolve_paths(str(home)).database), str(out)],
                   env=env, check=True)
    wall = time.perf_counter() - started
    found = json.loads(out.read_text())
    cpu = children_cpu() - cpu
    result = {"wall_seconds": round(wall, 1), "cpu_seconds": round(cpu, 1), "cps": round(len(texts) / wall, 2),
              "cpu_seconds_per_comment": round(cpu / len(texts), 4),
              "loop_cps": round(len(texts) / found["loop_seconds"], 2), "load": os.getloadavg()[0],
              "scores": {int(k): v for k, v in found["scores"].items()}}
    print(f"  naive: {_line({k: v for k, v in result.items() if k != 'scores'})}", flush=True)
    return result


def run_command(app: Path, work: Path, texts: list[str], mode: str, name: str = "",
                models_folder: str = "models") -> tuple[dict, dict[int, dict]]:
    """`moderator score` as a user runs it; the first stored score is watched for from outside."""
    home = fresh_home(work, name or mode, texts, models_folder)
    command = [sys.executable, "-m", "moderator", "--home", str(home), "score", "--model", MODEL, "--json"]
    command += [] if mode == "exact" else ["--fast", mode]
    load = os.getloadavg()[0]
    watcher = FirstScore(resolve_paths(str(home)).database)
    started, cpu = time.perf_counter(), children_cpu()
    watcher.start(started)
    done = subprocess.run(command, env={**USER_ENVIRONMENT, "PYTHONPATH": str(app)}, capture_output=True, text=True)
    wall = time.perf_counter() - started
    cpu = children_cpu() - cpu
    watcher.stop()
    if done.returncode != 0:
        return {"failed": done.stderr.strip().splitlines()[-1:]}, {}
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    result = {"model": figures["model"], "wall_seconds": round(wall, 1), "cpu_seconds": round(cpu, 1),
              "cps": round(len(texts) / wall, 2), "cpu_seconds_per_comment": round(cpu / len(texts), 4),
              "first_scored_seconds": watcher.seconds, "loop_cps": figures["comments_per_second"], "load": load}
    note = [line for line in done.stderr.splitlines() if "ast mode" in line]
    if note:
        result["note"] = note[0].strip()
    return result, read_scores(resolve_paths(str(home)).database, figures["model"])


def children_cpu() -> float:
    """CPU seconds used by the children waited for so far: with the wall time, it tells the
    work a command did from what the neighbours' load added."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class FirstScore:
    """Polls the database for its first stored score, from the moment the command starts."""

    def __init__(self, path: Path):
        self.path, self.seconds, self._stop = path, None, threading.Event()

    def start(self, started: float) -> None:
        self._thread = threading.Thread(target=self._watch, args=(started,), daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self, started: float) -> None:
        connection = sqlite3.connect(self.path, timeout=0.1)
        while not self._stop.wait(0.02):
            try:
                if connection.execute("SELECT 1 FROM scores LIMIT 1").fetchone():
                    self.seconds = round(time.perf_counter() - started, 2)
                    return
            except sqlite3.Error:
                continue


def fresh_home(work: Path, name: str, texts: list[str], models_folder: str = "models") -> Path:
    """A data folder with the corpus unscored; its models folder is the one shared pack."""
    home = work / f"home-{name}-{len(texts)}"
    shutil.rmtree(home, ignore_errors=True)
    corpus_database(home, texts).dispose()
    models = resolve_paths(str(home)).models
    shutil.rmtree(models, ignore_errors=True)
    models.symlink_to(work / models_folder, target_is_directory=True)
    return home


def models_of_their_own(work: Path) -> str:
    """The pack again (hard links) without this checkout's calibration file: another checkout
    (--before) must measure and keep its own batching, as it would on a user's machine."""
    own = work / "models-before"
    if not own.exists():
        shutil.copytree(work / "models", own, copy_function=os.link,
                        ignore=shutil.ignore_patterns("calibration.json*"))
    return own.name


def read_scores(db: Path, model: str) -> dict[int, dict]:
    connection = sqlite3.connect(db)
    rows = connection.execute("SELECT s.comment_id, s.label_scores FROM scores s JOIN scoring_models m "
                              "ON m.id = s.model_id WHERE m.name = ?", (model,)).fetchall()
    return {comment_id: json.loads(scores) for comment_id, scores in rows}


def max_diff(a: dict[int, dict], b: dict[int, dict], only: set[int] | None = None) -> float:
    return max(abs(a[i][k] - b[i][k]) for i in b if only is None or i in only for k in b[i])


def corpus_report(texts: list[str], tokenizer) -> tuple[dict, np.ndarray]:
    full = np.array([len(ids) for ids in tokenizer(texts)["input_ids"]])
    tokens = np.minimum(full, 512)  # what the model sees
    words = np.array([len(t.split()) for t in texts])
    return {"comments": len(texts), "words_median": float(np.median(words)), "words_max": int(words.max()),
            "tokens_mean": round(float(tokens.mean()), 1), "tokens_median": float(np.median(tokens)),
            "tokens_p90": float(np.percentile(tokens, 90)), "tokens_p99": float(np.percentile(tokens, 99)),
            "tokens_max": int(full.max()), "over_512_tokens": int((full > 512).sum())}, tokens


def compare_engines(pack: Path, texts: list[str]) -> dict:
    """torch fp32 / bf16 / int8 and ONNX Runtime fp32 / int8 on the same batches (the batching
    calibrated for exact scoring), batch by batch in turn, in this one process: loop rates only."""
    exact = DetoxifyScorer(pack)
    engines = {"torch fp32": exact.score_as_is, "torch int8": DetoxifyScorer(pack, "int8", loaded=exact.loaded).score_as_is}
    if bf16_is_native():
        engines["torch bf16"] = DetoxifyScorer(pack, "bf16", loaded=exact.loaded).score_as_is
    report: dict = {"batching": exact.batching.name}
    engines |= onnx_engines(exact, pack.parent.parent / "onnx", report)
    groups = exact.batches(texts) if exact.calibration is None else length_batches(
        [len(ids) for ids in exact._tokenizer(texts, truncation=True)["input_ids"]], Batching(64, True, 1024))
    seconds, scores = dict.fromkeys(engines, 0.0), {name: [None] * len(texts) for name in engines}
    for number, group in enumerate(groups):
        batch = [texts[i] for i in group]
        for name, score in engines.items():
            if number == 0:
                score(batch)  # kernels are prepared on first use: not timed
            started = time.perf_counter()
            for index, row in zip(group, score(batch)):
                scores[name][index] = row
            seconds[name] += time.perf_counter() - started
    for name in engines:
        diff = max(abs(a[k] - b[k]) for a, b in zip(scores["torch fp32"], scores[name]) for k in a)
        report[name] = {"loop_cps": round(len(texts) / seconds[name], 2), "max_diff_vs_torch_fp32": float(f"{diff:.2g}")}
        print(f"  engine {name}: {report[name]}", flush=True)
    return report | {"load": os.getloadavg()[0]}


def onnx_engines(exact: DetoxifyScorer, folder: Path, report: dict) -> dict:
    """ONNX Runtime on the same model, exported here as a pack build step would, fp32 and int8."""
    try:
        import onnxruntime
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError:
        report["onnxruntime"] = "not installed: skipped"
        print("  engine onnxruntime: not installed, skipped", flush=True)
        return {}
    import torch

    folder.mkdir(exist_ok=True)
    fp32, int8 = folder / "model.onnx", folder / "model-int8.onnx"
    sample = exact._padded(["a first comment", "and a second, longer one"])  # ONNX Runtime runs padded batches
    names = list(sample.keys())
    started = time.perf_counter()
    dims = {name: {0: torch.export.Dim("batch"), 1: torch.export.Dim("tokens", max=512)} for name in names}
    torch.onnx.export(exact._model, (), str(fp32), kwargs=dict(sample), input_names=names, output_names=["logits"],
                      dynamo=True, dynamic_shapes=dims, verbose=False)
    report["onnx_export_seconds"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    quantize_dynamic(str(_without_shapes(fp32)), str(int8), weight_type=QuantType.QInt8)
    report["onnx_int8_quantize_seconds"] = round(time.perf_counter() - started, 1)
    report["onnxruntime"] = onnxruntime.__version__
    return {"onnxruntime fp32": _ort_scorer(exact, fp32, report), "onnxruntime int8": _ort_scorer(exact, int8, report)}


def _without_shapes(path: Path) -> Path:
    """The model without the exporter's intermediate shapes, which ONNX's shape inference
    (run by the quantiser) contradicts on the classifier's output."""
    import onnx

    model = onnx.load(str(path))
    del model.graph.value_info[:]
    bare = path.with_name("model-bare.onnx")
    onnx.save(model, str(bare), save_as_external_data=True, location="model-bare.onnx.data")
    return bare


def _ort_scorer(exact: DetoxifyScorer, path: Path, report: dict):
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads, options.inter_op_num_threads = _threads(), 1
    started = time.perf_counter()
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    report[f"session_seconds_{path.stem}"] = round(time.perf_counter() - started, 2)
    names = [i.name for i in session.get_inputs()]

    def score(texts: list[str]) -> list[dict]:
        inputs = exact._tokenizer(texts, return_tensors="np", truncation=True, padding=True)
        logits = session.run(None, {name: inputs[name].astype(np.int64) for name in names})[0]
        return [dict(zip(exact.labels, row)) for row in (1 / (1 + np.exp(-logits))).tolist()]

    return score


def _threads() -> int:
    import torch

    return torch.get_num_threads()


def quick_screen_rate(work: Path, lexicon: list[str], n: int) -> float:
    db = corpus_database(work / "quick", make_corpus(n, lexicon, seed=11))
    rate, _ = end_to_end(db, QuickScreen())
    return rate


FAMILY_VARIANTS = {"naive": Batching(1, False), "sorted8": Batching(8, True), "sorted32": Batching(32, True),
                   "budget2048": Batching(32, True, 2048), "budget4096": Batching(32, True, 4096)}


def family_models() -> dict:
    """Random-weight models with the released base architectures (XLM-R computes as RoBERTa)."""
    import transformers as t

    return {"bert": t.BertForSequenceClassification(t.BertConfig(num_labels=6)).eval(),
            "roberta": t.RobertaForSequenceClassification(t.RobertaConfig(
                vocab_size=50265, max_position_embeddings=514, num_labels=16, pad_token_id=1)).eval(),
            "albert": t.AlbertForSequenceClassification(t.AlbertConfig(
                hidden_size=768, num_attention_heads=12, intermediate_size=3072, num_labels=6)).eval()}


def run_families(args) -> dict:
    """Model compute only (token ids in), per family and batching. Variants take turns
    slice by slice, so a neighbour's load drifting over time hits them all alike, and
    CPU seconds are counted beside wall seconds: with --threads 1 they show the work a
    variant needs even on a busy machine."""
    import torch

    torch.set_num_threads(args.threads)
    lexicon = make_lexicon(random.Random(3))
    encoded = make_tokenizer(lexicon)(make_corpus(args.family_comments, lexicon), truncation=True)["input_ids"]
    models, wall, cpu = family_models(), {}, {}
    for at in range(0, len(encoded), args.family_slice):
        for family, model in models.items():
            for name, batching in FAMILY_VARIANTS.items():
                key, started = f"{family}_{name}", (time.perf_counter(), time.process_time())
                _compute(model, encoded[at:at + args.family_slice], batching)
                wall[key] = wall.get(key, 0.0) + time.perf_counter() - started[0]
                cpu[key] = cpu.get(key, 0.0) + time.process_time() - started[1]
        print("slice done, c/s per CPU second:", {k: round(len(encoded) / v, 2) for k, v in cpu.items()}, flush=True)
    return {"threads": args.threads, "loadavg": os.getloadavg(),
            "cps_wall": {k: round(len(encoded) / v, 2) for k, v in wall.items()},
            "cps_cpu": {k: round(len(encoded) / v, 2) for k, v in cpu.items()}}


def _compute(model, encoded: list[list[int]], batching: Batching) -> None:
    import torch

    groups = length_batches([len(ids) for ids in encoded], batching)
    with torch.inference_mode():
        for group in groups:
            batch = [encoded[i] for i in group]
            width = max(map(len, batch))
            ids = torch.tensor([b + [1] * (width - len(b)) for b in batch])
            mask = torch.tensor([[1] * len(b) + [0] * (width - len(b)) for b in batch])
            model(input_ids=ids, attention_mask=mask)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--comments", type=int, nargs="+", default=[600],
                        help="corpus sizes (default 600; the issue's full table: --comments 600 2000)")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of the naive loop and every command, "
                        "taking turns (ratios are medians of each round's own)")
    parser.add_argument("--modes", nargs="+", default=["exact", "bf16", "int8", "auto"],
                        help="the `moderator score` runs: exact and --fast modes")
    parser.add_argument("--app", type=Path, default=REPO, help="the checkout whose `moderator score` is run")
    parser.add_argument("--before", type=Path, help="another checkout whose exact `moderator score` is run too, "
                        "in the same conditions (before / after)")
    parser.add_argument("--quick-comments", type=int, default=20000)
    parser.add_argument("--engine-comments", type=int, default=300, help="comments for the engines (0: skip)")
    parser.add_argument("--skip-naive", action="store_true", help="leave out the slow naive baseline")
    parser.add_argument("--families", action="store_true", help="compare batching per model family instead")
    parser.add_argument("--family-comments", type=int, default=192)
    parser.add_argument("--family-slice", type=int, default=96)
    parser.add_argument("--threads", type=int, default=1, help="torch threads for --families")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="moderator-bench-") as folder:
        report = run_families(args) if args.families else run_full(args, Path(folder))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
