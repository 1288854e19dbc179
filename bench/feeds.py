"""`feeds export` of a large archive: peak memory and time of a first export, and of a
second with nothing changed (target: under 200 MiB at any size; the second rewrites
nothing and costs what changed, not the archive), at each size given.

Each export is a fresh `gansureader feeds export` process; its peak resident memory
is the kernel's (getrusage of the child).

    .venv/bin/python bench/feeds.py [--articles 10000 100000 200000] [--caches DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import synthetic

PEAK_TARGET_MIB = 200


def export(cache: Path, folder: Path) -> tuple[float, float]:
    """(seconds, peak MiB) of one `feeds export` in a process of its own."""
    program = Path(sys.executable).with_name("gansureader")
    command = [str(program), "feeds", "export", str(folder), "--data-dir", str(cache)]
    began = time.monotonic()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    try:
        _, status, usage = os.wait4(child.pid, 0)  # reaped here: its own peak memory
    except BaseException:  # interrupted before it ended: it must not outlive the bench
        child.kill()
        child.wait()
        raise
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"feeds export failed with status {status}")
    return time.monotonic() - began, usage.ru_maxrss / 1024


def unchanged_files(folder: Path, before: dict[Path, int]) -> int:
    return sum(path.stat().st_mtime_ns == stamp for path, stamp in before.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--caches", type=Path, help="keep the synthetic caches here, to reuse")
    args = parser.parse_args()
    caches = args.caches or Path(tempfile.mkdtemp(prefix="gansureader-bench-feeds-"))
    met = True
    print(
        f"{'articles':>10}{'first (s)':>11}{'peak MiB':>10}{'again (s)':>11}{'peak MiB':>10}"
        f"{'rewritten':>11}"
    )
    try:
        for size in sorted(args.articles):
            cache = caches / str(size)
            if not (cache / "gansureader.sqlite3").exists():
                print(f"filling a cache of {size} synthetic articles…", flush=True)
                synthetic.fill(cache, size)
            with tempfile.TemporaryDirectory() as out:
                first, first_peak = export(cache, Path(out))
                stamps = {p: p.stat().st_mtime_ns for p in Path(out).rglob("*.atom")}
                again, again_peak = export(cache, Path(out))
                rewritten = len(stamps) - unchanged_files(Path(out), stamps)
            print(
                f"{size:>10}{first:>11.1f}{first_peak:>10.0f}{again:>11.1f}{again_peak:>10.0f}"
                f"{rewritten:>11}"
            )
            met = met and max(first_peak, again_peak) < PEAK_TARGET_MIB and rewritten == 0
    finally:
        if args.caches is None:
            shutil.rmtree(caches, ignore_errors=True)
    print(f"\ntarget: peak < {PEAK_TARGET_MIB} MiB, nothing rewritten by the second export")
    print("targets met" if met else "TARGET MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
