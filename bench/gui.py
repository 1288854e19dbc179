"""The desktop app beside its floor: a bare PySide6 window, measured in the same run.

- start: process start to the first article shown (10 000 cached articles), beside
  process start to a bare QMainWindow + QSplitter + QListView + QTextBrowser shown
  (target: at most 1.3x the floor), and beside the data layer's floor (below);
- click: selecting an article to its being rendered, p50/p95 (target: p95 under 50 ms),
  over synthetic articles and over rich ones: every fixture page of tests/ and bodies
  of bad input (a table of 2 000 rows, one of 200 columns, lists nested 50 deep,
  100 000 paragraphs), the largest of which sets the figure;
- memory: resident set size with 50 000 cached articles, beside the bare window's
  (target: at most 2x the floor);
- clean-up: the longest the window's event loop stalls while "clean up now" halves a
  cache of 50 000 articles and compacts it (target: under 100 ms);
- counts: the sidebar's unread counts after each article is read, at 50 000 articles,
  and at 100 000 with 20 关注 (target: p95 under one frame, 16 ms).

With ``--articles N …``, what grows with the archive instead, at each size side by side
with its growth (n^k): start and resident memory beside the bare window's, the store's
search query alone and the window thread's CPU time from a keystroke's search to its
hits painted (p95 over each prefix typed of 兰州 and of 营商环境会议), and the sidebar's
counts (``--caches DIR`` keeps the synthetic caches to reuse).

Each start is a fresh process, offscreen (no screen here), the median of several taken in
turns (bare window, data layer, app, and again), run from compiled bytecode as an installed
app is (pip, the .deb and PyInstaller compile it; with PYTHONDONTWRITEBYTECODE, as on the
machines here, every start compiled every module again: +100 ms of the app's, +60 ms of the
floor's). Beside the bare window, a second floor: the same window showing the newest cached
article through the data layer alone (store, model, render; no window of ours), what any
start of this design pays; and a third: the first screen's widgets as plain Qt, none of
the app's code.

    make bench       (or: .venv/bin/python bench/gui.py [--runs 5] [--only follows])
    .venv/bin/python bench/gui.py --articles 10000 100000 200000 [--caches DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import synthetic

START_RATIO_TARGET = 1.3
CLICK_P95_TARGET_MS = 50.0
MEMORY_RATIO_TARGET = 2.0
CLEANUP_STALL_TARGET_MS = 100.0
COUNTS_P95_TARGET_MS = 16  # the sidebar's counts follow every click: within one frame
FOLLOWED_ARTICLES = 100_000
# 20 follows as readers make them: places, topics, either of two, leaving one out, titles.
FOLLOWS = [
    *synthetic.PLACES[:8],
    *synthetic.TOPICS[:6],
    "天水|陇南",
    "乡村振兴 临夏",
    "兰州 -地震",
    '"黄河流域 生态保护"',
    "营商环境|数字经济",
    "教育 医疗",
]

# Each child prints "<seconds since the epoch when shown> <resident KiB>" and exits. Qt is
# imported when the window is shown, so that the app starts in its own order.
REPORT = """
import time

def report_and_quit():
    from PySide6.QtWidgets import QApplication
    rss = next(int(line.split()[1]) for line in open("/proc/self/status")
               if line.startswith("VmRSS:"))
    print(time.time(), rss, flush=True)
    QApplication.instance().exit(0)

def when_shown():
    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, report_and_quit)  # after the events the showing queued
"""

FLOOR = (
    REPORT
    + """
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListView, QMainWindow, QSplitter, QTextBrowser
app = QApplication([])
window = QMainWindow()
splitter = QSplitter(Qt.Orientation.Horizontal)
splitter.addWidget(QListView())
splitter.addWidget(QTextBrowser())
window.setCentralWidget(splitter)
window.resize(1280, 800)
window.show()
when_shown()
app.exec()
"""
)

# The data layer's floor: the bare window showing the newest article as the app reads it
# (the store's read, the model, the renderer), and nothing of the app's window.
DATA_FLOOR = (
    REPORT
    + """
import sys
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListView, QMainWindow, QSplitter, QTextBrowser
from gansureader.render import SHOWN_BLOCKS, SHOWN_ROWS, article_html
from gansureader.store import Store
app = QApplication([])
store = Store(Path(sys.argv[1]), read_only=True)
article = store.article(store.articles(limit=1)[0].url, blocks=SHOWN_BLOCKS, rows=SHOWN_ROWS)
window = QMainWindow()
splitter = QSplitter(Qt.Orientation.Horizontal)
splitter.addWidget(QListView())
browser = QTextBrowser()
splitter.addWidget(browser)
window.setCentralWidget(splitter)
window.resize(1280, 800)
window.show()
browser.setHtml(article_html(article))
when_shown()
app.exec()
"""
)

# The first screen's Qt widgets alone, built as plain Qt with none of the app's code: the
# sidebar, the search box and list, the reader with both panels, six menus of actions, the
# toolbar and status bar, and a Chinese article.
WIDGETS_FLOOR = (
    REPORT
    + """
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QComboBox, QHBoxLayout, QLabel, QLineEdit, QListView, QListWidget,
    QMainWindow, QProgressBar, QSplitter, QStackedWidget, QStyledItemDelegate, QTextBrowser,
    QToolButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)
app = QApplication([])
window = QMainWindow()
sidebar = QTreeWidget()
sidebar.setColumnCount(2)
sidebar.setHeaderHidden(True)
for name in ["全部", "未读", "收藏", "排行", "甘肃新闻", "本网原创", "兰州", "天水", "酒泉"]:
    QTreeWidgetItem(sidebar, [name, "12"])
left = QWidget()
column = QVBoxLayout(left)
column.addWidget(QLineEdit(placeholderText="搜索"))
articles = QListView()
articles.setItemDelegate(QStyledItemDelegate(articles))
views = QStackedWidget()
views.addWidget(articles)
column.addWidget(views)
reader = QSplitter(Qt.Orientation.Vertical)
browser = QTextBrowser()
reader.addWidget(browser)
panels = QWidget()
row = QHBoxLayout(panels)
row.addWidget(QListWidget())
row.addWidget(QListWidget())
reader.addWidget(panels)
splitter = QSplitter(Qt.Orientation.Horizontal)
for pane in (sidebar, left, reader):
    splitter.addWidget(pane)
window.setCentralWidget(splitter)
for title in ["文件", "文章", "视图", "关注", "听新闻", "帮助"]:
    menu = window.menuBar().addMenu(title)
    for number in range(6):
        action = QAction(f"{title} {number}", window)
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        window.addAction(action)
        menu.addAction(action)
window.addToolBar("Main")
for widget in (QProgressBar(), QToolButton(), QComboBox(), QLabel("朗读")):
    window.statusBar().addPermanentWidget(widget)
window.resize(1280, 800)
window.show()
browser.setHtml("<h1>甘肃新闻</h1>" + "<p>兰州新区经济发展稳步推进，群众生活持续改善。</p>" * 30)
when_shown()
app.exec()
"""
)

APP = (
    REPORT
    + """
import importlib.machinery
import sys

class WhenShown:  # hooks the window's article_shown once the app has loaded its module

    def find_spec(self, name, path, target=None):
        if name != "gansureader.ui.main_window":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            original = module.MainWindow.__init__

            def init(window, *args, **kwargs):
                original(window, *args, **kwargs)
                window.article_shown.connect(lambda url: when_shown())

            module.MainWindow.__init__ = init

        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, WhenShown())
from gansureader.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""
)


# Where the starts' bytecode is kept: made once a run, for the floor and the app alike.
BYTECODE = Path(tempfile.gettempdir()) / f"gansureader-bench-bytecode-{os.getpid()}"


def start_once(script: str, *args: str) -> tuple[float, int]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(BYTECODE))
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.time()
    output = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
        timeout=120,
    ).stdout.split()
    return float(output[0]) - started, int(output[1])


def starts(
    folder: Path, runs: int, names=("floor", "data", "widgets", "app")
) -> dict[str, tuple[float, int]]:
    """Median start and resident memory of those ``names`` of the bare window ("floor"),
    the data layer's floor ("data"), the first screen's widgets alone ("widgets") and the
    app ("app") on the cache in ``folder``: in turns, a round of each after the other, so
    that a noisy moment of a shared machine falls on all alike."""
    every = {
        "floor": (FLOOR,),
        "data": (DATA_FLOOR, str(folder)),
        "widgets": (WIDGETS_FLOOR,),
        "app": (APP, str(folder)),
    }
    scripts = {name: every[name] for name in names}
    for script in scripts.values():
        start_once(*script)  # warm the file cache and compile, for each alike
    results: dict[str, list[tuple[float, int]]] = {name: [] for name in scripts}
    for _ in range(runs):
        for name, script in scripts.items():
            results[name].append(start_once(*script))
    return {
        name: (statistics.median(r[0] for r in rounds), statistics.median(r[1] for r in rounds))
        for name, rounds in results.items()
    }


def open_window(folder: Path):
    """The app's window on the cache in ``folder``, offscreen: (app, store, window)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from gansureader.ui.app import open_for_window
    from gansureader.ui.main_window import MainWindow
    from gansureader.ui.refresh import Refresher
    from gansureader.ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    settings = Settings(QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat))
    store, _ = open_for_window(folder)
    return app, store, MainWindow(store, settings, Refresher(folder))


def shown_window(folder: Path):
    """``open_window``, laid out and shown as the app shows it, with what start-up made
    kept off the collector as the app keeps it (a full collection scanning it all fell
    on a keystroke now and then: 20 ms)."""
    from gansureader.ui.app import freeze_what_started

    app, store, window = open_window(folder)
    window.restore_layout()
    window.show()
    freeze_what_started()
    app.processEvents()
    return app, store, window


def click_times(folder: Path, clicks: int) -> list[float]:
    app, store, window = shown_window(folder)
    times = []
    for n in range(clicks):
        row = (n * 37) % 1000  # rows spread over the first five pages of the list
        while window.model.rowCount() <= row:  # later pages come off the window's thread
            window.model.fetchMore()
            app.processEvents()
        start = time.perf_counter()
        window.select_row(row)
        window.reader.browser.document().size()  # lay the article out
        app.processEvents()  # and paint it
        times.append((time.perf_counter() - start) * 1000)
    window.close()
    store.close()
    return sorted(times)


FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def rich_cache(folder: Path) -> dict[str, str]:
    """A cache of the fixture articles and of bodies of bad input; name → URL."""
    import json

    from gansureader.model import ArticlePage
    from gansureader.parse import parse_page
    from gansureader.store import Store

    pages = {
        name: ((FIXTURES / name).read_bytes(), url)
        for name, url in json.loads((FIXTURES / "urls.json").read_text()).items()
    }
    bad = {
        "table 2000 rows": "<table>"
        + "".join(f"<tr><td>第{n}行</td><td>{n * 7}</td></tr>" for n in range(2000))
        + "</table>",
        "table 200 columns": "<table>"
        + ("<tr>" + "".join(f"<td>{n}</td>" for n in range(200)) + "</tr>") * 20
        + "</table>",
        "lists 50 deep": "<ul><li>层级" * 50 + "</li></ul>" * 50,
        "100000 paragraphs": "".join(f"<p>第{n}段文字。</p>" for n in range(100_000)),
    }
    for number, (name, body) in enumerate(bad.items()):
        url = f"http://gansu.gscn.com.cn/system/2024/01/01/0{number:08d}.shtml"
        html = (
            f'<html><head><meta charset="utf-8"><title>{name}</title></head><body><h1>{name}'
            f'</h1><div class="info">2024-01-01 10:00 来源:测试</div><div class="a-container">'
            f"<p>开头。</p>{body}<p>结尾。</p></div></body></html>"
        )
        pages[name] = (html.encode("utf-8"), url)
    urls = {}
    with Store(folder) as store:
        for name, (data, url) in pages.items():
            page = parse_page(data, url)
            if isinstance(page, ArticlePage):
                store.save_article(page, channels=[], validators={})
                urls[name] = url
    return urls


def rich_click_times(folder: Path, rounds: int) -> dict[str, list[float]]:
    """Per rich article: click (from another article) to rendered, ``rounds`` times."""
    urls = rich_cache(folder)
    app, store, window = shown_window(folder)
    other = urls["seed_article.html"]
    times: dict[str, list[float]] = {}
    for name, url in urls.items():
        for _ in range(rounds):
            window.show_article(other)
            app.processEvents()
            start = time.perf_counter()
            window.show_article(url)
            window.reader.browser.document().size()
            app.processEvents()
            times.setdefault(name, []).append((time.perf_counter() - start) * 1000)
    window.close()
    store.close()
    return {name: sorted(values) for name, values in times.items()}


def cleanup_stall(folder: Path) -> tuple[float, float]:
    """(longest event-loop stall in ms, clean-up wall time in s) while the window's
    "clean up now" halves the cache."""
    from PySide6.QtCore import QEventLoop, QTimer

    app, store, window = open_window(folder)
    window.show()
    app.processEvents()
    ticks: list[float] = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    done = QEventLoop()
    window.refresher.cleaned.connect(lambda _: done.quit())
    timer.start()
    started = time.perf_counter()
    window.clean_up(store.size_bytes() // 2 // (1024 * 1024))
    done.exec()
    elapsed = time.perf_counter() - started
    timer.stop()
    window.close()
    store.close()
    gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:], strict=False)]
    return max(gaps, default=elapsed) * 1000, elapsed


def count_times(folder: Path, rounds: int) -> list[float]:
    """The sidebar's unread counts over the cache in ``folder``, and again after each
    article is read (as a click in the list does), in ms."""
    from gansureader.store import Store

    with Store(folder) as store:
        urls = [summary.url for summary in store.articles(limit=rounds)]
        times = []
        for url in urls:
            store.set_read(url)
            start = time.perf_counter()
            store.unread_counts()
            times.append((time.perf_counter() - start) * 1000)
    return sorted(times)


def follow_count_times(folder: Path, rounds: int) -> tuple[list[float], float]:
    """``count_times`` with the FOLLOWS made first; and the seconds making them took."""
    from gansureader.model import Follow
    from gansureader.store import Store

    with Store(folder) as store:
        started = time.perf_counter()
        for number, query in enumerate(FOLLOWS):
            store.add_follow(Follow(f"{number} {query}", query, title_only=number % 7 == 6))
        made = time.perf_counter() - started
    return count_times(folder, rounds), made


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[max(int(len(values) * 0.95) - 1, 0)]


# What a reader types, keystroke by keystroke: each prefix is a search of its own.
TYPED = {
    "兰州": ["兰", "兰州"],
    "营商环境会议": ["营", "营商", "营商环", "营商环境", "营商环境会议"],
}


def store_search_times(folder: Path, typed: list[str], rounds: int) -> list[float]:
    """The store's query alone for each prefix typed, in ms (off the window's thread)."""
    from gansureader.store import Store
    from gansureader.ui.article_list import FIRST_PAGE

    times = []
    with Store(folder, read_only=True) as store:
        for _ in range(rounds):
            for text in typed:
                began = time.perf_counter()
                store.search(text, limit=FIRST_PAGE)  # what a keystroke asks for
                times.append((time.perf_counter() - began) * 1000)
    return times


def window_search_times(folder: Path, typed: list[str], rounds: int) -> list[float]:
    """Window-thread CPU time from a keystroke's search to its hits painted, in ms: the
    query runs on the reading thread; what the window's thread does meanwhile and with
    the answer is what a frame has to hold."""
    from PySide6.QtCore import QEventLoop

    app, store, window = shown_window(folder)
    times = []
    for _ in range(rounds):
        for text in typed:
            shown = QEventLoop()
            window.model.modelReset.connect(shown.quit)
            began = time.thread_time()
            window.search_box.setText(text)
            window.search_timer.stop()  # the typing pause, not measured
            window.reload()
            shown.exec()  # Qt's wait: it takes no CPU of this thread
            app.processEvents()  # the list painted once, as the app's loop would
            times.append((time.thread_time() - began) * 1000)
            window.model.modelReset.disconnect(shown.quit)
        window.search_box.clear()
        window.search_timer.stop()
        window.reload()
    window.close()
    store.close()
    return times


def growth(small: float, large: float, ratio: float) -> str:
    """How a figure grows per ×10 articles: n^k, from two sizes ``ratio`` apart."""
    import math

    if small <= 0 or large <= 0 or ratio <= 1:
        return "–"
    return f"n^{math.log(large / small) / math.log(ratio):.2f}"


def scale_report(sizes: list[int], caches: Path, runs: int) -> int:
    """Every figure that depends on the archive's size, at each size, side by side."""
    rows: dict[str, list[float]] = {}
    floors = []
    for size in sizes:
        folder = caches / str(size)
        if not (folder / "gansureader.sqlite3").exists():
            print(f"filling a cache of {size} synthetic articles…", flush=True)
            synthetic.fill(folder, size)
        measured = starts(folder, runs)
        (floor_start, floor_rss), (start, rss) = measured["floor"], measured["app"]
        floors.append(floor_start)
        rows.setdefault("start to first article, × bare", []).append(start / floor_start)
        rows.setdefault("  the data layer's floor, × bare", []).append(
            measured["data"][0] / floor_start
        )
        rows.setdefault("  the first screen's widgets, × bare", []).append(
            measured["widgets"][0] / floor_start
        )
        rows.setdefault("resident memory, × bare", []).append(rss / floor_rss)
        for name, typed in TYPED.items():
            rows.setdefault(f"search {name}: store p95 (ms)", []).append(
                p95(store_search_times(folder, typed, 10))
            )
            rows.setdefault(f"search {name}: window p95 (ms)", []).append(
                p95(window_search_times(folder, typed, 10))
            )
        rows.setdefault("sidebar counts p95 (ms)", []).append(p95(count_times(folder, 100)))
    print(
        f"\nbare window: start {min(floors) * 1000:.0f}–{max(floors) * 1000:.0f} ms (its median"
        f" at each size), {floor_rss / 1024:.1f} MiB"
    )
    head = "".join(f"{size:>12,}" for size in sizes).replace(",", " ")
    print(f"{'':<36}{head}{'growth':>10}")
    for name, values in rows.items():
        cells = "".join(f"{value:>12.2f}" for value in values)
        trend = growth(values[0], values[-1], sizes[-1] / sizes[0]) if len(sizes) > 1 else ""
        print(f"{name:<36}{cells}{trend:>10}")
    return 0


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="starts to take the median of")
    parser.add_argument("--only", choices=["follows"], help="measure only the 关注 counts")
    parser.add_argument(
        "--articles",
        type=int,
        nargs="+",
        help="measure what grows with the archive at these sizes (e.g. 10000 100000 200000)",
    )
    parser.add_argument(
        "--caches", type=Path, help="keep the synthetic caches here, to reuse (with --articles)"
    )
    return parser.parse_args()


def scale(args: argparse.Namespace) -> int:
    caches = args.caches or Path(tempfile.mkdtemp(prefix="gansureader-bench-scale-"))
    try:
        return scale_report(sorted(args.articles), caches, args.runs)
    finally:
        shutil.rmtree(BYTECODE, ignore_errors=True)
        if args.caches is None:
            shutil.rmtree(caches, ignore_errors=True)


def main() -> int:
    args = arguments()
    if args.articles:
        return scale(args)
    work = Path(tempfile.mkdtemp(prefix="gansureader-bench-gui-"))
    try:
        print(f"filling a cache of {FOLLOWED_ARTICLES} synthetic articles…", flush=True)
        synthetic.fill(work / "followed", FOLLOWED_ARTICLES)
        followed, made = follow_count_times(work / "followed", 100)
        shutil.rmtree(work / "followed")
        print(
            f"{'counts at 100 000, 20 follows, p95 (ms)':<40}{p95(followed):>8.1f}"
            f"{f'< {COUNTS_P95_TARGET_MS}':>9}   (making the 20 follows took {made:.0f} s)"
        )
        if args.only == "follows":
            return 0 if p95(followed) < COUNTS_P95_TARGET_MS else 1
        small, large = work / "10k", work / "50k"
        print("filling caches of 10 000 and 50 000 synthetic articles…", flush=True)
        synthetic.fill(small, 10_000)
        synthetic.fill(large, 50_000)
        measured = starts(small, args.runs)
        (floor_start, floor_rss), (app_start, _) = measured["floor"], measured["app"]
        data_start, widgets_start = measured["data"][0], measured["widgets"][0]
        _, app_rss = starts(large, max(args.runs // 2, 1), names=("app",))["app"]
        clicks = click_times(small, 200)
        rich = rich_click_times(work / "rich", 20)
        counts = count_times(large, 100)
        stall, cleanup_seconds = cleanup_stall(large)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(BYTECODE, ignore_errors=True)

    print(f"\n{'rich article':<26}{'click to rendered p50 / p95 (ms)':>36}")
    for name, values in sorted(rich.items(), key=lambda item: p95(item[1])):
        print(f"{name:<26}{statistics.median(values):>28.1f} / {p95(values):.1f}")
    worst = max(p95(values) for values in rich.values())
    click_p50, click_p95 = statistics.median(clicks), p95(clicks)
    start_ratio, memory_ratio = app_start / floor_start, app_rss / floor_rss
    print(f"\n{'':<34}{'gansureader':>12}{'bare window':>13}{'ratio':>8}{'target':>9}")
    print(
        f"{'start to first article (ms)':<34}{app_start * 1000:>12.0f}{floor_start * 1000:>13.0f}"
        f"{start_ratio:>8.2f}{f'<= {START_RATIO_TARGET}':>9}"
    )
    for name, start in (("data layer", data_start), ("first screen's widgets", widgets_start)):
        print(
            f"{f'  the {name} alone (ms)':<34}{start * 1000:>12.0f}{floor_start * 1000:>13.0f}"
            f"{start / floor_start:>8.2f}"
        )
    print(
        f"{'resident memory (MiB)':<34}{app_rss / 1024:>12.1f}{floor_rss / 1024:>13.1f}"
        f"{memory_ratio:>8.2f}{'<= 2.0':>9}"
    )
    print(
        f"{'click to rendered p50 / p95 (ms)':<34}{click_p50:>7.1f} / {click_p95:<5.1f}"
        f"{'':>20}{'p95 < 50':>9}"
    )
    print(f"{'  the slowest rich article, p95':<34}{worst:>15.1f}{'':>20}{'p95 < 50':>9}")
    print(
        f"{'sidebar counts at 50 000, p95 (ms)':<34}{p95(counts):>12.1f}{'':>21}"
        f"{f'< {COUNTS_P95_TARGET_MS}':>9}"
    )
    print(
        f"{'longest stall in clean-up (ms)':<34}{stall:>12.0f}{'':>21}{'< 100':>9}"
        f"   (clean-up of 50 000 took {cleanup_seconds:.1f} s)"
    )
    met = (
        start_ratio <= START_RATIO_TARGET
        and memory_ratio <= MEMORY_RATIO_TARGET
        and click_p95 < CLICK_P95_TARGET_MS
        and worst < CLICK_P95_TARGET_MS
        and stall < CLEANUP_STALL_TARGET_MS
        and p95(counts) < COUNTS_P95_TARGET_MS
        and p95(followed) < COUNTS_P95_TARGET_MS
    )
    print("\ntargets met" if met else "\nTARGET MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
