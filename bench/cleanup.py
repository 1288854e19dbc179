"""The cache limit on a large archive: "clean up to half the size" of 50 000 synthetic
articles, with another connection open (the window's), as the app runs it.

Prints, side by side with the targets: the share of articles kept (about half, never
under 40 %), the size after beside the limit (at or under it), what a second clean-up
removes (nothing), the WAL left on disk (not counted), and how long it took.

    .venv/bin/python bench/cleanup.py [--articles 50000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import synthetic
from gansureader.store import DATABASE_NAME, Store

KEPT_TARGET = (0.40, 0.60)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "cache"
        began = time.monotonic()
        synthetic.fill(folder, args.articles)
        print(f"filled {args.articles} articles in {time.monotonic() - began:.0f} s", flush=True)
        window = Store(folder)
        window.count_articles()
        with Store(folder) as store:
            before, total = store.size_bytes(), store.count_articles()
            limit = before // 2
            began = time.monotonic()
            removed = store.clean_up(limit)
            took = time.monotonic() - began
            after = store.size_bytes()
            again = store.clean_up(limit)
        wal = (folder / (DATABASE_NAME + "-wal")).stat().st_size
        window.close()
    kept = (total - removed) / total
    low, high = KEPT_TARGET
    print(f"size before            {before / 1e6:8.1f} MB, limit {limit / 1e6:.1f} MB")
    print(f"size after             {after / 1e6:8.1f} MB  = {after / limit:.3f} of the limit (≤ 1)")
    print(f"articles kept          {kept:8.1%}  (target {low:.0%}–{high:.0%})")
    print(f"second clean-up        {again:8d}  removed (target 0)")
    print(f"WAL left on disk       {wal / 1e6:8.1f} MB  (not counted)")
    print(f"clean-up took          {took:8.1f} s  (in the background in the app)")
    ok = after <= limit and low <= kept <= high and again == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
