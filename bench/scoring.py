"""Scoring benchmark: detoxify's `original` architecture (BERT-base, 6 labels, random
weights) as a model pack, on a synthetic English-like corpus with a realistic length
distribution. Measures, in one run:

  (a) the naive baseline: Detoxify.predict(text) once per comment;
  (b) the app's path end to end (score_pending: scores committed to SQLite);
  fast modes (bf16 autocast, int8 dynamic quantisation), end to end, with their
  largest score difference from (b); the quick screen end to end; and what fraction
  of this CPU's measured fp32 matmul peak (b) reaches.

  .venv/bin/python bench/scoring.py            # the full run (about 10 minutes on 2 cores)
  .venv/bin/python bench/scoring.py --families # naive vs batching per family (BERT, RoBERTa, ALBERT)

Run it on a quiet machine. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

# The repository, not bench/, goes first: bench/ holds scripts named like stdlib modules.
sys.path[0] = str(Path(__file__).resolve().parents[1])

from moderator.config import resolve_db_url, resolve_paths  # noqa: E402
from moderator.scoring.detox import Batching, DetoxifyScorer, length_batches, load_detoxify  # noqa: E402
from moderator.scoring.packs import build_pack, install_pack, read_manifest  # noqa: E402
from moderator.scoring.quick import QuickScreen  # noqa: E402
from moderator.scoring.runner import score_pending  # noqa: E402
from moderator.scoring.store import find_model, scores_for  # noqa: E402
from moderator.storage.database import open_database  # noqa: E402
from moderator.storage.models import Article, Comment, Site  # noqa: E402

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


def matmul_peak(dtype_name: str, size: int = 2048, seconds: float = 3.0) -> float:
    """GFLOP/s of square matmuls on this CPU with torch's default threads."""
    import torch

    dtype = getattr(torch, dtype_name)
    a, b = torch.randn(size, size, dtype=dtype), torch.randn(size, size, dtype=dtype)
    for _ in range(3):
        a @ b
    runs, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        a @ b
        runs += 1
    return 2 * size**3 * runs / (time.perf_counter() - started) / 1e9


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
        ids = [i for i in range(1, progress.scored + 1)]
        return progress.scored / seconds, scores_for(session, model_id, ids)


def naive(detox, texts: list[str]) -> tuple[float, list[dict]]:
    started = time.perf_counter()
    rows = [detox.predict(text) for text in texts]
    return len(texts) / (time.perf_counter() - started), rows


def max_diff(a: dict[int, dict], b: dict[int, dict]) -> float:
    return max(abs(a[i][k] - b[i][k]) for i in a for k in a[i])


def run_full(args, work: Path) -> dict:
    lexicon = make_lexicon(random.Random(3))
    texts, tokenizer = make_corpus(args.comments, lexicon), make_tokenizer(lexicon)
    report, tokens = corpus_report(texts, tokenizer)
    print("corpus:", report, flush=True)
    install_pack(work / "models", make_pack(work / "pack", tokenizer))
    pack = work / "models" / "original-random"
    report |= peaks(tokens)
    db = corpus_database(work / "home", texts)
    exact_scores = measure_app(report, db, pack)
    if not args.skip_naive:
        measure_naive(report, pack, texts, exact_scores)
    for mode in ("bf16", "int8"):
        if mode == "bf16" and report["bf16_peak_gflops"] < report["fp32_peak_gflops"]:
            # No bf16 matmul units (AVX2-only CPUs emulate it at a fraction of a GFLOP/s):
            # 2,000 comments would take hours, and int8 is the fast mode for such a CPU.
            report["bf16_skipped"] = "bf16 matmuls slower than fp32 on this CPU"
            print("fast bf16: skipped, this CPU's bf16 matmuls are slower than fp32", flush=True)
            continue
        measure_fast(report, db, pack, mode, exact_scores)
    report["quick_screen_cps"] = round(quick_screen_rate(work, lexicon, args.quick_comments), 1)
    print(f"quick screen end to end: {report['quick_screen_cps']} c/s", flush=True)
    return report | {"loadavg_end": os.getloadavg()}


def corpus_report(texts: list[str], tokenizer) -> tuple[dict, np.ndarray]:
    full = np.array([len(ids) for ids in tokenizer(texts)["input_ids"]])
    tokens = np.minimum(full, 512)  # what the model sees
    words = np.array([len(t.split()) for t in texts])
    return {"loadavg_start": os.getloadavg(), "torch_threads": _threads(), "comments": len(texts),
            "words_median": float(np.median(words)), "words_max": int(words.max()),
            "tokens_mean": round(float(tokens.mean()), 1), "tokens_median": float(np.median(tokens)),
            "tokens_p90": float(np.percentile(tokens, 90)), "tokens_p99": float(np.percentile(tokens, 99)),
            "tokens_max": int(full.max()), "over_512_tokens": int((full > 512).sum())}, tokens


def peaks(tokens: np.ndarray) -> dict:
    fp32, bf16 = matmul_peak("float32"), matmul_peak("bfloat16")
    print(f"matmul peak GFLOP/s: fp32 {fp32:.0f}, bf16 {bf16:.0f}", flush=True)
    mean_flops = float(flops_per_comment(tokens).mean())
    return {"fp32_peak_gflops": round(fp32, 1), "bf16_peak_gflops": round(bf16, 1),
            "gflop_per_comment": round(mean_flops / 1e9, 2), "fp32_limit_cps": round(fp32 * 1e9 / mean_flops, 2)}


def measure_app(report: dict, db, pack: Path) -> dict[int, dict]:
    started = time.perf_counter()
    scorer = DetoxifyScorer(pack)
    report["load_seconds"] = round(time.perf_counter() - started, 2)
    rate, scores = end_to_end(db, scorer)
    report["app_cps"] = round(rate, 2)
    report["app_fraction_of_fp32_peak"] = round(rate / report["fp32_limit_cps"], 3)
    print(f"(b) app end to end: {rate:.2f} c/s", flush=True)
    return scores


def measure_naive(report: dict, pack: Path, texts: list[str], exact: dict[int, dict]) -> None:
    rate, rows = naive(load_detoxify(pack, read_manifest(pack)), texts)
    report["naive_cps"] = round(rate, 2)
    report["app_vs_naive"] = round(report["app_cps"] / rate, 2)
    report["app_max_diff_vs_predict"] = max(abs(rows[i - 1][k] - exact[i][k]) for i in exact for k in exact[i])
    print(f"(a) naive predict per comment: {rate:.2f} c/s", flush=True)


def measure_fast(report: dict, db, pack: Path, mode: str, exact: dict[int, dict]) -> None:
    rate, scores = end_to_end(db, DetoxifyScorer(pack, fast=mode))
    toxicity = [[exact[i]["toxicity"] for i in exact], [scores[i]["toxicity"] for i in exact]]
    report |= {f"{mode}_cps": round(rate, 2), f"{mode}_max_diff": round(max_diff(exact, scores), 5),
               f"{mode}_corr_toxicity": round(float(np.corrcoef(toxicity)[0, 1]), 4)}
    if "naive_cps" in report:
        report[f"{mode}_vs_naive"] = round(rate / report["naive_cps"], 2)
    print(f"fast {mode}: {rate:.2f} c/s, max diff {report[f'{mode}_max_diff']}", flush=True)


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
    parser.add_argument("--comments", type=int, default=2000)
    parser.add_argument("--quick-comments", type=int, default=20000)
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
