"""Installer budgets, measured: bundle size, .deb size, frozen start beside source start.

Targets: the onedir bundle at most 130 MB unpacked on Linux; the frozen app's start
to "self-test ok" at most 1.2x the same from source, in one run (median of runs).

    make package     (runs this after building)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "gansureader"
SIZE_TARGET_MB = 130
START_RATIO_TARGET = 1.2
RUNS = 5


def size_mb(path: Path) -> float:
    files = (
        [path]
        if path.is_file()
        else [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    )
    return sum(p.stat().st_size for p in files) / 1024 / 1024


def self_test_seconds(command: list[str]) -> float:
    environment = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    subprocess.run(command, check=True, capture_output=True, env=environment)  # warm caches
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, env=environment)
        times.append(time.perf_counter() - start)
        assert result.stdout.strip() == "self-test ok", result.stderr
    return statistics.median(times)


def main() -> int:
    debs = sorted((ROOT / "dist").glob("gansureader_*.deb"))
    bundle = size_mb(BUNDLE)
    frozen = self_test_seconds([str(BUNDLE / "gansureader"), "--self-test"])
    source = self_test_seconds([str(Path(sys.executable).parent / "gansureader"), "--self-test"])
    ratio = frozen / source
    print(f"onedir bundle     {bundle:7.1f} MB unpacked   (target <= {SIZE_TARGET_MB} MB)")
    if debs:
        print(f".deb              {size_mb(debs[-1]):7.1f} MB   ({debs[-1].name})")
    print(
        f"start to 'self-test ok': frozen {frozen * 1000:.0f} ms, "
        f"from source {source * 1000:.0f} ms"
        f" = {ratio:.2f}x   (target <= {START_RATIO_TARGET}x)"
    )
    met = bundle <= SIZE_TARGET_MB and ratio <= START_RATIO_TARGET
    print("budgets met" if met else "BUDGET MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
