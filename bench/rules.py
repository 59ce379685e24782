"""The text screen's cost per comment: normalise + match, with 5,000 banned and 5,000 suspect
entries, the starter lists and every pattern on, over a demo-like corpus.

    .venv/bin/python bench/rules.py                 # 20 rounds over the corpus
    .venv/bin/python bench/rules.py --rounds 50

The corpus is the demo's comments (seeds/demo_comments.jsonl), each also disguised once
(look-alike letters, zero-width characters, digits for letters), so that the slow path
(a hit mapped back to the original offsets) is measured as often as it occurs there.
The list entries are made-up words, phrases and stems (seeded: the same every run), plus
twenty real words the demo's comments use, so that hits occur now and then, as a real
list's would. Printed: the time to build the screen, then per comment the median and the 99th percentile of: folding alone,
the lists alone, the full screen; and, in the same run as a baseline, the quick screen's
own cost per comment (scored in windows of 2,000, as the scorer does). Times are CPU time
(the thread's; the process's for the quick screen); the machine's load is printed too: on a
shared machine compare ratios, not absolute figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != ROOT / "bench"]  # bench/queue.py
sys.path.insert(0, str(ROOT))

from moderator.rules.normalise import fold_table, fold_variants  # noqa: E402
from moderator.rules.text import TextScreen  # noqa: E402
from moderator.rules.wordlists import BANNED, SUSPECT  # noqa: E402

SYLLABLES = ("ka", "lo", "mi", "ter", "vus", "dran", "pel", "qui", "zor", "en", "ax", "bri", "shu", "gal", "tor")
DISGUISES = str.maketrans({"a": "а", "o": "ο", "e": "3", "i": "1"})


def made_up_entries(count: int, rng: random.Random) -> list[str]:
    entries: set[str] = set()
    while len(entries) < count:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        roll = rng.random()
        if roll < 0.1:
            word += " " + "".join(rng.choice(SYLLABLES) for _ in range(2))
        elif roll < 0.2:
            word += "*"
        entries.add(word)
    return sorted(entries)


def corpus() -> list[str]:
    lines = (ROOT / "seeds" / "demo_comments.jsonl").read_text("utf-8").splitlines()
    texts = [json.loads(line)["body"] for line in lines if line.strip()]
    disguised = [_disguised(text) for text in texts]
    return texts + disguised


def _disguised(text: str) -> str:
    words = text.split(" ")
    for index in range(0, len(words), 7):
        words[index] = "\u200b".join(words[index].translate(DISGUISES))
    return " ".join(words)


def real_words(texts: Sequence[str], count: int) -> list[str]:
    words = sorted({word.lower() for text in texts for word in text.split() if word.isalpha() and len(word) > 6})
    return words[:count]


def per_comment(work: Callable[[str], object], texts: Sequence[str], rounds: int) -> list[float]:
    """Microseconds per call, every comment of every round: the thread's CPU time, so that a
    shared machine's waits (another process on the core) do not count as our cost."""
    timings = []
    for _ in range(rounds):
        for text in texts:
            started = time.thread_time_ns()
            work(text)
            timings.append((time.thread_time_ns() - started) / 1000)
    return timings


def describe(name: str, timings: list[float]) -> str:
    p99 = statistics.quantiles(timings, n=100)[98]
    return f"{name:<34} median {statistics.median(timings):8.1f} µs   p99 {p99:8.1f} µs"


def quick_screen_per_comment(texts: Sequence[str]) -> float:
    from moderator.scoring.quick import QuickScreen

    quick = QuickScreen()
    window = (list(texts) * (2000 // len(texts) + 1))[:2000]
    quick.score(window[:10])  # warm
    started = time.process_time()
    quick.score(window)
    return (time.process_time() - started) / len(window) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(14)
    texts = corpus()
    started = time.perf_counter()
    fold_table()
    table_seconds = time.perf_counter() - started
    lists = {BANNED: made_up_entries(4980, rng) + real_words(texts, 20), SUSPECT: made_up_entries(5000, rng)}
    started = time.perf_counter()
    screen = TextScreen(lists)
    build_seconds = time.perf_counter() - started
    lists_only = TextScreen(lists, patterns=False)
    hits = sum(len(screen.hits(text)) for text in texts)
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} on {os.cpu_count()} cores")
    print(f"corpus: {len(texts)} comments (the demo's and each disguised), {sum(map(len, texts)) / len(texts):.0f} "
          f"characters on average, {hits} hits; {sum(map(len, lists.values())):,} list entries")
    print(f"fold table built once in {table_seconds:.2f} s; the screen built in {build_seconds:.2f} s")
    print(describe("fold (normalise) alone", per_comment(fold_variants, texts, args.rounds)))
    print(describe("lists (normalise + automaton)", per_comment(lists_only.hits, texts, args.rounds)))
    print(describe("full screen (lists + patterns)", per_comment(screen.hits, texts, args.rounds)))
    print(f"{'baseline: the quick screen':<34} mean   {quick_screen_per_comment(texts):8.1f} µs per comment")


if __name__ == "__main__":
    main()
