"""Shared test set-up: Qt offscreen, the fixture pages and their URLs, golden files."""

import json
import os
import shutil
from pathlib import Path

import pytest

from gansureader.demo import demo_channels
from gansureader.store import Store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every server of the tests is on 127.0.0.1: a proxy the machine's environment names is not
# for them (the tests' own clients, requests.get of a feed; the app goes direct by itself).
os.environ["no_proxy"] = os.environ["NO_PROXY"] = "127.0.0.1,localhost"

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
FIXTURE_URLS: dict[str, str] = json.loads((FIXTURES / "urls.json").read_text(encoding="utf-8"))


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/*.json from the parser's output (review the diff by eye)",
    )


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture(scope="session")
def demo_server():
    from gansureader.demo import MirrorServer, demo_site

    with MirrorServer(demo_site()) as server:
        yield server


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "data") as opened:
        yield opened


DEMO_CHANNELS = tuple(channel.name for channel in demo_channels())


@pytest.fixture(scope="session")
def demo_cache(tmp_path_factory, demo_server):
    """One sync of the whole demo site, copied by ``cache`` for each test that changes it."""
    from gansureader.net import Fetcher
    from gansureader.sync import SyncEngine

    folder = tmp_path_factory.mktemp("demo-cache")
    with Store(folder) as store:
        fetcher = Fetcher(demo_server.url)
        summary = SyncEngine(store, fetcher).run(demo_channels())
        fetcher.close()
    assert summary.ok and summary.new == 50
    return folder


@pytest.fixture
def cache(demo_cache, tmp_path):
    folder = tmp_path / "cache"
    shutil.copytree(demo_cache, folder)
    return folder


class InlinePool:
    """A task pool that runs each job at once, on the thread that hands it over."""

    def start(self, runnable) -> None:
        runnable.run()

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 (QThreadPool's name)
        return True


@pytest.fixture
def inline_tasks(monkeypatch):
    """The window's writer and reads run each job as it is handed over, so a test of what
    the window shows after a change needs no waiting; for tests where timing is not
    the point (the window's thread then writes: never in the app)."""
    from gansureader.ui import reads, refresh

    for module in (reads, refresh):
        monkeypatch.setattr(module, "one_thread_pool", lambda parent: InlinePool())


def open_window(qtbot, folder, tmp_path, mirror=None):
    """The main window over the cache in ``folder``, listing the demo's channels."""
    from PySide6.QtCore import QSettings

    from gansureader.ui.app import open_for_window
    from gansureader.ui.main_window import MainWindow
    from gansureader.ui.refresh import Refresher
    from gansureader.ui.settings import Settings

    store, _ = open_for_window(folder)
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    refresher = Refresher(folder)
    refresher.mirror = mirror
    window = MainWindow(store, settings, refresher, channels=demo_channels())
    qtbot.addWidget(window)
    window.restore_layout()
    window.show()
    return window


def synced(qtbot, window, start=None, *, timeout=30_000, failures_expected=False):
    """Run ``start`` (default: the window's refresh) and wait for the sync's summary.

    Fails at once if the sync could not run at all (``failed``) instead of sitting out
    the timeout, and unless ``failures_expected``, if any URL failed.
    """
    outcome = {}
    window.refresher.finished.connect(lambda summary: outcome.setdefault("summary", summary))
    window.refresher.failed.connect(lambda message: outcome.setdefault("failed", message))
    (start or window.refresh)()
    qtbot.waitUntil(lambda: bool(outcome), timeout=timeout)
    assert "failed" not in outcome, outcome["failed"]
    summary = outcome["summary"]
    assert failures_expected or not summary.failed, summary.failed
    return summary


# The demo site's articles that tests of changing articles change (see ``edit``).
EDITED = "http://finance.gscn.com.cn/system/2024/05/19/013200011.shtml"
GONE = "http://house.gscn.com.cn/system/2024/05/18/013200021.shtml"
PANELS_ONLY = "http://finance.gscn.com.cn/system/2024/05/15/013200013.shtml"


def page_file(site, url: str):
    host, path = url.removeprefix("http://").split("/", 1)
    return site / host.removesuffix(".gscn.com.cn") / path


@pytest.fixture
def site(tmp_path):
    """A copy of the demo site, for a test to change."""
    from gansureader.demo import demo_site

    copy = tmp_path / "site"
    shutil.copytree(demo_site(), copy)
    return copy


def edit(site) -> None:
    """The site corrects one article (title, a paragraph, one added), takes another down,
    and changes only the panels, the counter line and the footer of a third."""
    page = page_file(site, EDITED)
    text = page.read_text(encoding="utf-8")
    text = text.replace(
        "甘肃前四月外贸进出口增长12.6%", "甘肃前四月外贸进出口增长12.8%"
    )  # h1, title
    text = text.replace("累计投入资金30亿元", "累计投入资金32亿元")
    text = text.replace(
        "<p>　　(供稿:中国甘肃网)</p>",
        "<p>　　海关数据显示，出口增速高于全国平均水平。</p>\n<p>　　(供稿:中国甘肃网)</p>",
    )
    page.write_text(text, encoding="utf-8")
    page_file(site, GONE).unlink()
    other = page_file(site, PANELS_ONLY)
    text = other.read_text(encoding="utf-8")
    first, second = "小切口推动基层治理大提升", "守护好母亲河是我们共同的"
    text = text.replace(first, "\0").replace(second, first).replace("\0", second)
    text = text.replace("2004-2024", "2004-2025")
    other.write_text(text, encoding="utf-8")
