"""torch vs ONNX Runtime for the packaged app's detoxify models: speed, agreement, files.

    build/onnx-venv/bin/python packaging/bench/onnx_tradeoff.py [--comments 256] [--rounds 3]

Needs a venv with torch (CPU), transformers, onnx, onnxscript and onnxruntime:
    python3 -m venv build/onnx-venv && build/onnx-venv/bin/pip install torch==2.13.0 &&
    build/onnx-venv/bin/pip install "transformers>=4.48,<6" onnxruntime onnx onnxscript

Builds a random-weight model with detoxify's `original` architecture
(BertForSequenceClassification on bert-base, 6 labels: the weights do not change the
cost), exports it to ONNX (fp32) and quantises it (dynamic int8), then scores the same
synthetic corpus with each engine in interleaved rounds: token lengths drawn to match the
corpus of ../shared/perf-baselines.md (mean ~75, median ~58, p90 ~156, max 512), batches
of 32 comments sorted by length, as moderator.scoring.detox does; 2 threads. Tokenisation
is left out (thousands of comments/s, never the bottleneck).
Prints comments/s per engine, load times, file sizes and the largest score difference.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np


def corpus(count: int, seed: int = 0) -> list[int]:
    rng = np.random.default_rng(seed)
    lengths = rng.lognormal(mean=np.log(58), sigma=0.75, size=count)
    return [int(min(max(n, 8), 512)) for n in lengths]


def batches(lengths: list[int], size: int = 32, budget: int = 4096) -> list[list[int]]:
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    groups: list[list[int]] = []
    width = 0
    for index in order:
        wider = max(width, lengths[index])
        if not groups or len(groups[-1]) == size or wider * (len(groups[-1]) + 1) > budget:
            groups.append([])
            wider = lengths[index]
        groups[-1].append(index)
        width = wider
    return groups


def inputs_for(group: list[int], lengths: list[int], rng) -> dict[str, np.ndarray]:
    width = max(lengths[i] for i in group)
    ids = np.zeros((len(group), width), dtype=np.int64)
    mask = np.zeros((len(group), width), dtype=np.int64)
    for row, index in enumerate(group):
        n = lengths[index]
        ids[row, :n] = rng.integers(1000, 30000, size=n)
        ids[row, 0], ids[row, n - 1] = 101, 102  # [CLS] ... [SEP]
        mask[row, :n] = 1
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--comments", type=int, default=256)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep the exported files in this folder")
    args = parser.parse_args()

    import onnxruntime as ort
    import torch
    import transformers
    from onnxruntime.quantization import QuantType, quantize_dynamic

    torch.set_num_threads(args.threads)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="onnx-tradeoff-"))
    folder.mkdir(parents=True, exist_ok=True)
    config = transformers.BertConfig(num_labels=6)  # bert-base-uncased's sizes
    torch.manual_seed(0)
    model = transformers.BertForSequenceClassification(config).eval()
    checkpoint = folder / "model.ckpt"
    torch.save({"state_dict": model.state_dict()}, checkpoint)

    started = time.monotonic()
    loaded = transformers.BertForSequenceClassification(config)
    loaded.load_state_dict(torch.load(checkpoint, map_location="cpu", weights_only=True)["state_dict"])
    loaded.eval()
    torch_load = time.monotonic() - started

    fp32, int8 = folder / "model.onnx", folder / "model.int8.onnx"
    example = inputs_for([0, 1], [40, 60], np.random.default_rng(1))
    started = time.monotonic()
    names = ["input_ids", "attention_mask", "token_type_ids"]
    dynamic = {name: {0: "batch", 1: "tokens"} for name in names}
    with torch.inference_mode():
        torch.onnx.export(model, tuple(torch.from_numpy(example[n]) for n in names), str(fp32),
                          input_names=names, output_names=["logits"], dynamic_axes=dynamic,
                          opset_version=17, dynamo=False)
    export_time = time.monotonic() - started
    started = time.monotonic()
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    quantize_time = time.monotonic() - started

    options = ort.SessionOptions()
    options.intra_op_num_threads = args.threads
    options.inter_op_num_threads = 1
    sessions, load_times = {}, {}
    for name, path in (("onnxruntime fp32", fp32), ("onnxruntime int8", int8)):
        started = time.monotonic()
        sessions[name] = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        load_times[name] = time.monotonic() - started

    lengths = corpus(args.comments)
    groups = batches(lengths)
    rng = np.random.default_rng(2)
    feeds = [inputs_for(group, lengths, rng) for group in groups]

    def run_torch() -> list[np.ndarray]:
        with torch.inference_mode():
            return [torch.sigmoid(loaded(**{k: torch.from_numpy(v) for k, v in feed.items()}).logits).numpy()
                    for feed in feeds]

    def run_ort(session) -> list[np.ndarray]:
        return [1 / (1 + np.exp(-session.run(["logits"], feed)[0])) for feed in feeds]

    engines = {"torch fp32": run_torch} | {name: (lambda s=s: run_ort(s)) for name, s in sessions.items()}
    rates: dict[str, list[float]] = {name: [] for name in engines}
    outputs = {}
    for _ in range(args.rounds):  # interleaved: a busy machine slows every engine alike
        for name, run in engines.items():
            started = time.monotonic()
            outputs[name] = np.concatenate(run())
            rates[name].append(args.comments / (time.monotonic() - started))

    reference = outputs["torch fp32"]
    print(f"corpus: {args.comments} comments, tokens mean {statistics.mean(lengths):.0f}, "
          f"median {statistics.median(lengths):.0f}, max {max(lengths)}; {len(groups)} sorted batches; "
          f"{args.threads} threads; load average {os.getloadavg()[0]:.1f}")
    print(f"files: checkpoint {checkpoint.stat().st_size / 1e6:.0f} MB, onnx fp32 {fp32.stat().st_size / 1e6:.0f} MB, "
          f"onnx int8 {int8.stat().st_size / 1e6:.0f} MB; export {export_time:.1f} s, quantise {quantize_time:.1f} s")
    print(f"load: torch state dict {torch_load:.2f} s, " +
          ", ".join(f"{name} session {seconds:.2f} s" for name, seconds in load_times.items()))
    for name, values in rates.items():
        diff = float(np.abs(outputs[name] - reference).max())
        corr = float(np.mean([np.corrcoef(outputs[name][:, k], reference[:, k])[0, 1] for k in range(6)]))
        print(f"{name:<18} {statistics.median(values):6.1f} comments/s (rounds: "
              f"{', '.join(f'{v:.1f}' for v in values)}); max score diff vs torch {diff:.4f}, per-label corr {corr:.3f}")


if __name__ == "__main__":
    main()
