"""The window never waits: how long its event loop stalls while the cache is busy.

A 5 ms heartbeat timer runs on the window's thread; a stall is the gap between two
beats. Measured, beside the target of one frame (16 ms):

- a star click and a mark-read (the click handler, and the longest stall in the 100 ms
  after it) while "clean up now" halves a cache of 50 000 articles, and while a sync
  runs (the demo site served slowly, so that it lasts);
- search-as-you-type over 100 000 articles: four characters typed 120 ms apart, the
  longest stall from the first keystroke until the hits are shown.

    .venv/bin/python bench/waits.py [--articles 100000]
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

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Imported once here: an import inside a measured span is itself a call into PySide's
# import hook (Python code) on the window's thread.
from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

FRAME_MS = 16.0
CLICKS = 20


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(int(len(ordered) * 0.95) - 1, 0)]


class Heartbeat:
    """Beats every 5 ms on the window's thread; the longest gap in a span of time."""

    def __init__(self):
        self.beats: list[float] = []
        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))
        self.timer.start()

    def longest_gap(self, since: float, until: float) -> float:
        beats = [beat for beat in self.beats if since <= beat <= until]
        gaps = [later - earlier for earlier, later in zip(beats, beats[1:], strict=False)]
        return max(gaps, default=until - since) * 1000


def window_on(folder: Path, mirror: str | None = None):
    from gansureader.ui.app import freeze_what_started, open_for_window, prefer_the_window
    from gansureader.ui.main_window import MainWindow
    from gansureader.ui.refresh import Refresher
    from gansureader.ui.settings import Settings

    prefer_the_window()  # as the app does
    app = QApplication.instance() or QApplication([])
    settings = Settings(QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat))
    store, _ = open_for_window(folder)
    refresher = Refresher(folder)
    refresher.mirror = mirror
    window = MainWindow(store, settings, refresher)
    window.show()
    freeze_what_started()  # as the app does
    app.processEvents()
    return app, store, window


def wait_for(app, condition, seconds: float = 600) -> None:
    """Run Qt's own event loop (as app.exec() does) until ``condition()`` holds: a loop of
    processEvents() and sleeps would itself wait for the interpreter lock after each sleep."""
    if condition():
        return
    loop = QEventLoop()
    end = time.monotonic() + seconds
    check = QTimer(interval=5)
    check.timeout.connect(lambda: (condition() or time.monotonic() > end) and loop.quit())
    check.start()
    loop.exec()
    check.stop()


def pause(app, seconds: float) -> None:
    """Let the event loop run for ``seconds``."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def clicks_while(app, window, heart: Heartbeat, busy) -> tuple[list[float], list[float]]:
    """Star and mark-read clicks while ``busy()``: (handler ms, stall ms after each)."""
    handler, stalls = [], []
    rows = window.model.rowCount()
    for n in range(CLICKS):
        if not busy():
            break
        url = window.model.summary(n % rows).url
        start = time.perf_counter()
        if n % 2:
            window.set_flag(url, "starred", True)
        else:
            window.set_flag(url, "read", True)
        handler.append((time.perf_counter() - start) * 1000)
        pause(app, 0.1)
        stalls.append(heart.longest_gap(start, time.perf_counter()))
    return handler, stalls


def during_clean_up(folder: Path) -> tuple[list[float], list[float]]:
    app, store, window = window_on(folder)
    heart = Heartbeat()
    window.clean_up(store.size_bytes() // 2 // (1024 * 1024))
    wait_for(app, lambda: window.refresher.running, 10)
    result = clicks_while(app, window, heart, lambda: window.refresher.running)
    wait_for(app, lambda: not window.refresher.running)
    window.close()
    store.close()
    return result


# The demo site, answering each request after 50 ms, in a process of its own: the real
# site is another computer, and a server in this process would compete for its GIL.
SLOW_SERVER = """
import sys, threading
from gansureader.demo import MirrorHandler, MirrorServer, demo_site
class Slow(MirrorHandler):
    def do_GET(self):
        threading.Event().wait(0.05)
        super().do_GET()
server = MirrorServer(demo_site(), Slow).start()
print(server.url, flush=True)
sys.stdin.read()
"""


def during_sync(folder: Path) -> tuple[list[float], list[float]]:
    from gansureader.demo import demo_channels

    server = subprocess.Popen(
        [sys.executable, "-c", SLOW_SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        url = server.stdout.readline().decode().strip()
        app, store, window = window_on(folder, url)
        heart = Heartbeat()
        window.refresher.start(demo_channels(), pages=2)
        result = clicks_while(app, window, heart, lambda: window.refresher.running)
        wait_for(app, lambda: not window.refresher.running)
        window.close()
        store.close()
    finally:
        server.kill()
        server.wait(timeout=10)
    return result


def search_as_you_type(folder: Path) -> tuple[float, float]:
    """(longest stall while typing and until the hits show, ms; time to the hits, ms)."""
    app, store, window = window_on(folder)
    heart = Heartbeat()
    start = time.perf_counter()
    for character in "乡村振兴":
        window.search_box.insert(character)
        pause(app, 0.12)
    typed = time.perf_counter()
    wait_for(app, lambda: window.model.searching, 30)
    shown = time.perf_counter()
    stall = heart.longest_gap(start, shown)
    window.close()
    store.close()
    return stall, (shown - typed) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000, help="for the search")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gansureader-bench-waits-"))
    try:
        print("filling caches of 50 000 and 100 000 synthetic articles…", flush=True)
        large, search = work / "50k", work / "search"
        synthetic.fill(large, 50_000)
        synthetic.fill(search, args.articles)
        copy = work / "sync"
        shutil.copytree(large, copy)
        clean = during_clean_up(large)
        syncing = during_sync(copy)
        stall, hits_ms = search_as_you_type(search)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\n{'':<44}{'p95 (ms)':>10}{'max':>8}{'target':>10}")
    met = True
    for name, (handler, stalls) in (("clean-up of 50 000", clean), ("a sync", syncing)):
        for what, values in (("click handler", handler), ("stall after a click", stalls)):
            label = f"{what} during {name} ({len(values)})"
            print(f"{label:<44}{p95(values):>10.1f}{max(values):>8.1f}{'< 16':>10}")
            met = met and bool(values) and p95(values) < FRAME_MS
    print(
        f"{f'search-as-you-type at {args.articles}: stall':<44}{'':>10}{stall:>8.1f}{'< 16':>10}"
        f"   (hits {hits_ms:.0f} ms after the last key)"
    )
    met = met and stall < FRAME_MS
    print("\ntargets met" if met else "\nTARGET MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
