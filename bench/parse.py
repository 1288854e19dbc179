"""Parse speed: gansureader's ``parse_page`` beside GeneralNewsExtractor and trafilatura.

Times each extractor over every fixture page in one run (median of repeated runs
per page), prints a table and the ratios. Target: our median at most one third
of GNE's. gansureader is timed from raw bytes (decoding included); the others
get the already-decoded text, which only flatters them.

    make bench          # installs the `bench` extra, then runs this
"""

from __future__ import annotations

import json
import statistics
import sys
import time
import warnings
from pathlib import Path

from gansureader.parse import parse_page
from gansureader.parse.decode import decode_html

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
ROUNDS = 100
TARGET_RATIO_TO_GNE = 1 / 3


def median_ms(*runs, rounds: int = ROUNDS) -> list[float]:
    """Median milliseconds of each run, timed in turns: a noisy moment on a shared
    machine falls on all extractors alike, not on one."""
    for run in runs:
        run()  # warm caches and lazy imports outside the timing
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(rounds):
        for run, kept in zip(runs, times, strict=True):
            start = time.perf_counter()
            run()
            kept.append(time.perf_counter() - start)
    return [statistics.median(kept) * 1000 for kept in times]


def main() -> int:
    try:
        import trafilatura
        from gne import GeneralNewsExtractor
    except ImportError as error:
        print(f"bench/parse.py needs the bench extra: pip install -e '.[bench]' ({error})")
        return 2
    warnings.simplefilter("ignore")  # the other extractors warn on pages with no article
    gne = GeneralNewsExtractor()
    urls = json.loads((FIXTURES / "urls.json").read_text(encoding="utf-8"))

    def safely(extract):
        def run():
            try:
                extract()
            except Exception:  # GNE raises on pages with no body; the time still counts
                pass

        return run

    rows = []
    for name, url in sorted(urls.items()):
        data = (FIXTURES / name).read_bytes()
        text = decode_html(data)
        timings = median_ms(
            lambda data=data, url=url: parse_page(data, url),
            safely(lambda text=text: gne.extract(text)),
            safely(lambda text=text, url=url: trafilatura.extract(text, url=url)),
        )
        rows.append((name, len(data), *timings))

    print(f"{'page':<26}{'KB':>6}{'gansureader':>13}{'GNE':>9}{'trafilatura':>13}  (median ms)")
    for name, size, ours, theirs, traf in rows:
        print(f"{name:<26}{size / 1024:>6.1f}{ours:>13.2f}{theirs:>9.2f}{traf:>13.2f}")
    ours = statistics.median(row[2] for row in rows)
    gne_ms = statistics.median(row[3] for row in rows)
    traf_ms = statistics.median(row[4] for row in rows)
    print(f"{'median over pages':<32}{ours:>13.2f}{gne_ms:>9.2f}{traf_ms:>13.2f}")
    ratio = ours / gne_ms
    print(f"gansureader / GNE         = {ratio:.2f}  (target <= {TARGET_RATIO_TO_GNE:.2f})")
    print(f"gansureader / trafilatura = {ours / traf_ms:.2f}")
    met = ratio <= TARGET_RATIO_TO_GNE
    print("target met" if met else "TARGET MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
