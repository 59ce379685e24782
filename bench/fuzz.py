"""The import fuzzer, run long: hostile files in every format, each imported and rolled back.

    .venv/bin/python bench/fuzz.py                  # 30 s per format
    .venv/bin/python bench/fuzz.py --seconds 120 --format wxr --format csv

The files come from tests/fuzzformats.py (the same strategies as tests/test_import_fuzz.py,
which runs a few seconds of them in the suite). Every file must be imported, or refused
with one sentence that names it; anything else raised is a crash. Each case is imported
with --format auto or with its own format, at random, into one database that holds the
format's samples. Printed per format: cases, imported, refused, crashes, and the slowest
case; then each distinct crash (its exception and where it was raised) with the file
that caused it, saved under the folder printed. Exit status 1 when anything crashed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != ROOT / "bench"]  # bench/queue.py
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from moderator.importing import import_files  # noqa: E402
from moderator.storage.database import open_database  # noqa: E402
from tests.fuzzformats import FORMATS, hostile_file, outcome  # noqa: E402

TESTDATA = ROOT.parent / "shared" / "testdata"
ROUND = 200  # cases per hypothesis run; runs repeat until the time is up


def fuzz(file_format: str, seconds: float, folder: Path) -> dict:
    db = open_database(f"sqlite:///{folder / (file_format + '.sqlite')}", folder / "backups")
    stats = {"cases": 0, "imported": 0, "refused": 0, "crashes": Counter(), "examples": {}, "slowest": 0.0}
    with db.sessions() as session:
        _load_samples(session)
        case = folder / f"case-{file_format}"
        deadline = time.monotonic() + seconds

        @settings(max_examples=ROUND, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(data=hostile_file(file_format), auto=st.booleans())
        def one(data: bytes, auto: bool) -> None:
            if time.monotonic() > deadline:
                return
            case.write_bytes(data)
            started = time.monotonic()
            try:
                stats[outcome(session, case, "auto" if auto else file_format)] += 1
            except Exception as error:  # a crash: counted by its kind and place, the file kept
                where = traceback.extract_tb(error.__traceback__)[-1]
                key = f"{type(error).__name__} at {Path(where.filename).name}:{where.lineno}"
                stats["crashes"][key] += 1
                if key not in stats["examples"]:
                    kept = folder / f"crash-{file_format}-{len(stats['examples']) + 1}"
                    kept.write_bytes(data)
                    stats["examples"][key] = (kept, "".join(traceback.format_exception(error)[-3:]).strip())
            stats["slowest"] = max(stats["slowest"], time.monotonic() - started)
            stats["cases"] += 1

        while time.monotonic() < deadline:
            one()
    db.dispose()
    return stats


def _load_samples(session) -> None:
    """The samples, so that a fuzzed file also meets comments and articles already here."""
    for sample in sorted(TESTDATA.iterdir()):
        if sample.name != "SOURCES.md" and "malformed" not in sample.name:
            import_files(session, [sample], parallel=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=30, help="per format (default 30)")
    parser.add_argument("--format", action="append", choices=FORMATS, help="only these formats (default: all)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="moderator-fuzz-"))
    crashes = 0
    for file_format in args.format or FORMATS:
        stats = fuzz(file_format, args.seconds, folder)
        crashes += sum(stats["crashes"].values())
        print(f"{file_format:9} {stats['cases']:6,} cases: {stats['imported']:6,} imported, {stats['refused']:6,} refused, "
              f"{sum(stats['crashes'].values()):4} crashes; slowest {stats['slowest']:.2f} s", flush=True)
        for key, count in stats["crashes"].most_common():
            kept, trace = stats["examples"][key]
            print(f"    {count} × {key} (e.g. {kept})\n        " + trace.replace("\n", "\n        "))
    print(f"crashes: {crashes} (cases kept in {folder})")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
