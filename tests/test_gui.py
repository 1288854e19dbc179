"""The desktop app as a reader uses it, offscreen: read, follow panels, search, star, sync."""

import dataclasses
import sqlite3
import sys
import threading
import time

import pytest

from conftest import DEMO_CHANNELS, open_window, synced
from gansureader.demo import MirrorHandler, MirrorServer, demo_channels, demo_site
from gansureader.model import Paragraph, Run, Table, TableRow
from gansureader.parse import PARSER_VERSION
from gansureader.store import Store, StoreError

QtCore = pytest.importorskip("PySide6.QtCore")
from PySide6.QtCore import QTimer  # noqa: E402

from gansureader.ui import refresh  # noqa: E402
from gansureader.ui.article_list import SUMMARY_ROLE  # noqa: E402
from gansureader.ui.reader import URL_ROLE  # noqa: E402
from gansureader.ui.sidebar import RANKING, STARRED  # noqa: E402

FIRST = "http://gansu.gscn.com.cn/system/2024/05/20/013200001.shtml"


@pytest.fixture
def window(qtbot, cache, tmp_path):
    window = open_window(qtbot, cache, tmp_path)
    yield window
    window.close()  # as the app does: the window goes before its store
    window.store.close()


def test_selecting_an_article_renders_it_with_both_panels(window, qtbot):
    row = window.model.row_of(FIRST)
    with qtbot.waitSignal(window.article_shown):
        window.select_row(row)
    text = window.reader.browser.toPlainText()
    assert "兰州黄河风情线夜游项目全面升级" in text
    assert "2024-05-20 08:00" in text and "来源：" in text and "编辑：" in text
    assert "5月20日，兰州黄河风情线夜游项目全面升级。" in text  # body, first page
    assert len(window.store.article(FIRST).paragraphs) == 8  # and the second page's text
    assert window.reader.recommendations.items.count() == 6
    assert window.reader.ranking.items.count() == 10
    assert window.reader.recommendations.items.item(0).icon().isNull() is False  # thumbnail


def test_clicking_a_recommendation_opens_its_article(window, qtbot):
    window.select_row(window.model.row_of(FIRST))
    panel = window.reader.recommendations.items
    target = panel.item(2)
    url, title, rect = target.data(URL_ROLE), target.text(), panel.visualItemRect(target)
    with qtbot.waitSignal(window.article_shown) as shown:
        qtbot.mouseClick(panel.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args == [url]
    assert title in window.reader.browser.toPlainText()


def test_ranking_lines_show_rank_title_and_movement(window):
    window.select_row(window.model.row_of(FIRST))
    lines = [window.reader.ranking.items.item(n).text() for n in range(10)]
    assert lines[0].lstrip().startswith("1")
    assert any(mark in line for line in lines for mark in ("↑", "↓", "新", "–"))


def test_search_narrows_the_list_and_finds_two_characters(window, qtbot):
    assert window.model.rowCount() == 50
    window.search_box.insert("兰州")  # as an input method commits it (keyClicks is Latin-only)
    qtbot.waitUntil(lambda: window.model.searching, timeout=2000)
    rows = [window.model.summary(n) for n in range(window.model.rowCount())]
    assert 0 < len(rows) < 50
    assert all("兰州" in row.title or "<mark>兰州</mark>" in row.snippet for row in rows)
    window.search_box.clear()
    qtbot.waitUntil(lambda: not window.model.searching, timeout=2000)
    assert window.model.rowCount() == 50


def test_a_newer_search_wins_over_an_older_one(window, qtbot):
    def hits() -> list[str]:
        rows = [window.model.summary(n) for n in range(window.model.rowCount())]
        return ["天水" in row.title + (row.snippet or "") for row in rows]

    shown = []
    window.model.modelReset.connect(lambda: shown.append(all(hits())))
    window.search_box.setText("兰州")
    window.reload()  # the first query is on its way…
    window.search_box.setText("天水")
    window.reload()  # …when the second is asked for: only its answer may be shown
    qtbot.waitUntil(lambda: window.model.searching, timeout=5000)
    window.reads.pool.waitForDone(5000)  # whatever else was answered has been delivered…
    qtbot.waitUntil(lambda: not window.search_timer.isActive(), timeout=5000)
    window.reads.pool.waitForDone(5000)
    qtbot.wait(0)  # …and handled
    assert hits() and all(hits())
    assert shown and all(shown)  # no reset ever showed the 兰州 results


def test_sidebar_shows_one_channel(window):
    window.sidebar.choose("channel", window.store.find_channel("陇上味道"))
    assert window.model.rowCount() == 10
    assert {window.model.summary(n).channel for n in range(10)} == {"陇上味道"}


def test_star_and_read_survive_a_restart(qtbot, cache, tmp_path):
    first = open_window(qtbot, cache, tmp_path)
    first.select_row(first.model.row_of(FIRST))
    first.toggle_star()
    first.close()
    first.store.close()
    second = open_window(qtbot, cache, tmp_path)
    summary = second.model.summary(second.model.row_of(FIRST))
    assert summary.read and summary.starred
    second.sidebar.choose(STARRED)
    assert [second.model.summary(n).url for n in range(second.model.rowCount())] == [FIRST]
    second.close()
    second.store.close()


def test_what_another_gansureader_writes_shows_in_the_open_window(window, qtbot, cache):
    """A `sync` from cron, a `gansureader` in a terminal: the window follows the cache."""
    with qtbot.waitSignals([window.article_shown, window.refresher.written]):
        window.select_row(0)  # and marked read by the window's own writer
    shown = window.current_url()
    row = window.model.row_of(FIRST)
    assert not window.model.summary(row).starred
    with Store(cache) as elsewhere:
        elsewhere.set_starred(FIRST)
        elsewhere.set_read(FIRST)
    qtbot.waitUntil(
        lambda: window.model.summary(window.model.row_of(FIRST)).starred, timeout=10_000
    )
    assert window.model.summary(window.model.row_of(FIRST)).read
    assert window.current_url() == shown  # the reader's place is kept
    window.sidebar.choose(STARRED)
    assert [window.model.summary(n).url for n in range(window.model.rowCount())] == [FIRST]


def test_a_cache_replaced_underneath_the_window_is_read_from_then_on(window, qtbot, cache):
    """A cache file put in the place of the one the window opened (a damaged one set aside
    by another gansureader, a copy restored): the window's connections held the old file
    and showed it as current; they read the new one, and the banner says why."""
    import os
    import shutil

    from gansureader.store import DATABASE_NAME

    database = cache / DATABASE_NAME
    os.replace(database, cache / (DATABASE_NAME + ".damaged"))
    shutil.copy(cache / (DATABASE_NAME + ".damaged"), database)  # a new file in its place
    with Store(cache) as new:
        new.set_starred(FIRST)  # in the new file only
    qtbot.waitUntil(window.banner.isVisible, timeout=10_000)
    assert "replaced" in window.banner.label.text()
    qtbot.waitUntil(
        lambda: window.model.summary(window.model.row_of(FIRST)).starred, timeout=10_000
    )
    window.sidebar.choose(STARRED)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)  # off-thread reads too


def _damage(cache, pages: slice) -> None:
    """Write over ``pages`` (4 KiB each) of the cache file, as a failing disk might, after
    moving what the write-ahead log holds into it."""
    from gansureader.store import DATABASE_NAME

    database = cache / DATABASE_NAME
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    first, last, _ = pages.indices(database.stat().st_size // 4096)
    with open(database, "r+b") as file:
        file.seek(first * 4096)
        file.write(b"\xa5" * (last - first) * 4096)


def test_a_cache_damaged_under_the_open_window_is_mended_without_a_click(window, qtbot, cache):
    """The cache file written over while the window reads it: the window finds out by
    itself, its writer sets the file aside and starts anew from what it still reads, and
    the window shows the new cache and says what was kept (was: an exception on Qt's loop
    every 2 s, and every click "something went wrong inside gansureader")."""
    with qtbot.waitSignals([window.article_shown, window.refresher.written]):
        window.select_row(window.model.row_of(FIRST))  # and its read mark written
    _damage(cache, slice(0, 1))  # its header: no database any more
    qtbot.waitUntil(lambda: "moved aside" in window.banner.label.text(), timeout=10_000)
    assert "damaged" in window.banner.label.text()  # and what was kept, and where the old is
    assert window.store.article(FIRST) is None  # nothing could be read back out of it
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=10_000)
    assert window.current_url() is None  # no article of the old file left on show


def test_damage_the_writer_cannot_mend_is_said_once_not_every_two_seconds(
    window, qtbot, cache, monkeypatch
):
    """A damaged cache the writer cannot set aside (a folder it cannot write): the banner
    says why, once; the window does not ask again at each of its looks."""
    from gansureader.store import CacheUnwritable, Store

    def cannot(store):
        raise CacheUnwritable(f"the cache folder {cache} cannot be written: check its permissions")

    monkeypatch.setattr(Store, "replace_damaged", cannot)
    _damage(cache, slice(4, -4))
    window.search_box.setText("兰州")
    qtbot.waitUntil(lambda: "cannot be written" in window.banner.label.text(), timeout=10_000)
    assert not window.cache_timer.isActive()  # no new attempt, no new banner, every 2 s


def test_damage_a_search_meets_is_mended_not_said_as_a_failed_search(window, qtbot, cache):
    """Damage inside the file (the header sound) is met by a read, here the search's off
    the window's thread: the writer's integrity check finds it, and it is mended."""
    _damage(cache, slice(4, -4))
    window.search_box.setText("兰州")
    qtbot.waitUntil(lambda: "moved aside" in window.banner.label.text(), timeout=10_000)
    # The search index says "vtable constructor failed": damage by SQLite's code, not a bug.
    assert "went wrong" not in window.statusBar().currentMessage()
    from gansureader.store import DATABASE_NAME

    with sqlite3.connect(cache / DATABASE_NAME) as mended:
        assert mended.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(list(cache.glob("gansureader.damaged-*.sqlite3"))) == 1  # kept, beside it


def test_a_refresh_while_another_gansureader_syncs_says_so_and_asks_nothing(
    qtbot, cache, tmp_path, demo_server
):
    from gansureader.sync_lock import sync_lock

    window = open_window(qtbot, cache, tmp_path, mirror=demo_server.url)
    try:
        with sync_lock(cache), qtbot.waitSignal(window.refresher.busy_elsewhere):  # cron's
            window.refresh()
        said = window.statusBar().currentMessage()
        assert said.startswith("Another gansureader is refreshing this cache")
        assert not window.banner.isVisible()  # not an error: what it brings shows here
        assert not window.refresher.running and not window.progress.isVisible()
    finally:
        window.close()
        window.store.close()


def test_offline_click_on_an_uncached_article_says_so_and_queues_it(window, qtbot):
    window.offline_action.trigger()
    uncached = "http://gansu.gscn.com.cn/system/2024/04/01/013100999.shtml"
    with qtbot.waitSignal(window.refresher.written):
        window.follow_link(uncached)
    assert "offline" in window.reader.browser.toPlainText().lower()
    assert window.store.pending() == [uncached]


def test_uncached_article_is_fetched_in_the_background(qtbot, tmp_path, demo_server):
    folder = tmp_path / "empty"
    window = open_window(qtbot, folder, tmp_path, mirror=demo_server.url)
    assert window.pages.currentWidget() is window.first_run
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        window.follow_link(FIRST)
        assert "Fetching" in window.reader.browser.toPlainText()  # the busy state
    assert "兰州黄河风情线" in window.reader.browser.toPlainText()
    window.close()  # as the app does: the window goes before its store
    window.store.close()


def test_a_link_over_https_opens_the_article_cached_over_http(window, qtbot):
    row = window.model.rowCount() - 1
    stored = window.model.summary(row)
    assert stored.url.startswith("http://") and not stored.read
    with qtbot.waitSignal(window.refresher.written):
        window.follow_link("https://" + stored.url.removeprefix("http://"))
    assert window.current_url() == stored.url
    assert window.list.currentIndex().row() == row
    assert window.model.summary(row).read
    assert [a.read for a in window.store.articles(limit=-1) if a.url == stored.url] == [True]


def test_a_link_with_a_query_opens_the_article_cached_without_it(window):
    stored = window.model.summary(window.model.rowCount() - 2).url
    window.follow_link(stored + "?from=singlemessage&isappinstalled=0")
    assert window.current_url() == stored


def test_links_off_the_site_go_to_the_system_browser(window, monkeypatch):
    opened = []
    monkeypatch.setattr("gansureader.ui.main_window.QDesktopServices.openUrl", opened.append)
    window.follow_link("https://www.gansudaily.com.cn/x.html?a=1#part")
    window.follow_link("javascript:alert(1)")
    window.follow_link("file:///etc/passwd")
    assert [url.toString() for url in opened] == ["https://www.gansudaily.com.cn/x.html?a=1#part"]


class SlowHandler(MirrorHandler):
    def do_GET(self):  # noqa: N802
        if "/system/" in self.path:
            threading.Event().wait(0.05)
        super().do_GET()


def test_refresh_shows_progress_and_can_be_cancelled(qtbot, tmp_path):
    with MirrorServer(demo_site(), SlowHandler) as server:
        window = open_window(qtbot, tmp_path / "data", tmp_path, mirror=server.url)
        seen = []
        window.refresher.progress.connect(lambda done, total, url: seen.append(done))
        with qtbot.waitSignal(window.refresher.finished, timeout=30_000) as finished:
            window.refresh()
            assert window.progress.isVisible() and window.cancel_button.isVisible()
            qtbot.waitUntil(lambda: len(seen) >= 5, timeout=10_000)
            window.cancel_button.click()
        assert finished.args[0].cancelled
        assert not window.progress.isVisible()
        assert window.store.count_articles() < 50
        window.close()  # as the app does: the window goes before its store
        window.store.close()


def test_event_loop_keeps_turning_during_a_sync(qtbot, tmp_path):
    with MirrorServer(demo_site(), SlowHandler) as server:
        window = open_window(qtbot, tmp_path / "data", tmp_path, mirror=server.url)
        ticks = []
        timer = QTimer(interval=10)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start()
        synced(qtbot, window, timeout=60_000)
        timer.stop()
        gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:], strict=False)]
        assert len(ticks) > 20 and max(gaps) < 0.100, max(gaps)
        assert window.store.count_articles() == 50  # and the sync did its work
        window.close()  # as the app does: the window goes before its store
        window.store.close()


def test_a_star_repaints_its_row_at_once_and_only_that_row(window, qtbot):
    painted = []
    delegate = window.list.itemDelegate()
    paint = delegate.paint
    delegate.paint = lambda painter, option, index: (
        painted.append((index.row(), index.data(SUMMARY_ROLE).starred)),
        paint(painter, option, index),
    )
    window.list.viewport().repaint()
    assert len(painted) > 3  # a screenful of rows
    painted.clear()
    window.set_flag(window.model.summary(2).url, "starred", True)
    qtbot.waitUntil(lambda: (2, True) in painted, timeout=2000)  # the ★ is shown
    assert {row for row, _ in painted} == {2}  # not a relayout of every visible row


def test_the_window_cannot_write_the_cache_itself(window):
    with pytest.raises(StoreError):
        window.store.set_starred(FIRST)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        window.store._db.execute("DELETE FROM articles")


class SlowerHandler(MirrorHandler):
    def do_GET(self):  # noqa: N802
        # Every answer a second late: the cached articles are not asked again, so the sync
        # is five list pages, four at a time — a second still runs after the first report.
        threading.Event().wait(1.0)
        super().do_GET()


def test_a_star_during_a_sync_is_written_while_the_sync_runs(qtbot, cache, tmp_path):
    with MirrorServer(demo_site(), SlowerHandler) as server:
        window = open_window(qtbot, cache, tmp_path, mirror=server.url)
        with qtbot.waitSignal(window.refresher.progress, timeout=10_000):
            window.refresh()
        failures = []
        window.banner.show_message = failures.append
        with qtbot.waitSignal(window.refresher.written, timeout=5000):
            window.set_flag(FIRST, "starred", True)
        assert window.refresher.running and not failures  # written by the sync, between fetches
        assert window.store.article(FIRST) is not None
        assert [a.url for a in window.store.articles(starred_only=True)] == [FIRST]
        window.close()  # cancels the sync and waits for it
        window.store.close()


def test_first_run_page_until_something_is_cached(qtbot, tmp_path, demo_server):
    window = open_window(qtbot, tmp_path / "data", tmp_path, mirror=demo_server.url)
    assert window.pages.currentWidget() is window.first_run
    synced(qtbot, window, window.first_run.refresh.click)
    assert window.pages.currentWidget() is window.splitter
    assert window.model.rowCount() == 50 and len(DEMO_CHANNELS) == 5
    window.close()  # as the app does: the window goes before its store
    window.store.close()


def test_zoom_is_remembered(window, qtbot, tmp_path):
    window.zoom(2)
    assert window.settings.zoom == 2
    window.zoom(None)
    assert window.settings.zoom == 0


def test_the_shipped_translation_is_compiled_from_its_source(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    from gansureader.paths import resources_dir

    folder = resources_dir() / "translations"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    compiled = tmp_path / "check.qm"
    subprocess.run(
        [str(lrelease), str(folder / "gansureader_zh_CN.ts"), "-qm", str(compiled)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert compiled.read_bytes() == (folder / "gansureader_zh_CN.qm").read_bytes()
    assert 'type="unfinished"' not in (folder / "gansureader_zh_CN.ts").read_text("utf-8")


def test_chinese_locale_gets_a_chinese_window(qtbot, cache, tmp_path):
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from gansureader.ui.app import install_translations

    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:
        translators = install_translations(QApplication.instance())
        window = open_window(qtbot, cache, tmp_path)
        assert window.refresh_action.text() == "刷新(&R)"
        assert window.sidebar.topLevelItem(0).text(0) == "全部"
        window.close()  # as the app does: the window goes before its store
        window.store.close()
    finally:
        for translator in translators:
            QApplication.instance().removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_a_chinese_window_says_why_an_address_failed_in_chinese(qtbot, tmp_path, demo_server):
    """The sync's reasons are English for the command line; in the window they are the
    reader's language (an offline refresh said "could not connect …" to a Chinese reader)."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from gansureader.model import Channel
    from gansureader.ui.app import install_translations

    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translators = install_translations(QApplication.instance())
    window = open_window(qtbot, tmp_path / "data", tmp_path, mirror=demo_server.url)
    try:
        gone = Channel("没了", "http://edu.gscn.com.cn/gone/", "测试")
        window.sync_channels = [gone]
        synced(qtbot, window, failures_expected=True)
        assert "服务器返回 HTTP 404" in window.banner.label.text()
        assert "the server answered" not in window.banner.toolTip()
        from gansureader import reasons
        from gansureader.store import CacheBusy
        from gansureader.ui.failures import user_message

        busy = CacheBusy(reasons.fill(reasons.BUSY, tmp_path))  # as the store says it
        assert (
            user_message(busy)
            == f"{tmp_path} 的缓存正忙（另一个 gansureader 正在写入）：请再试一次"
        )
    finally:
        window.close()
        window.store.close()
        for translator in translators:
            QApplication.instance().removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="None is immortal from Python 3.12: a dropped reference can neither hurt nor be seen",
)
def test_painting_the_list_keeps_python_intact(window, qtbot):
    # PySide6 6.12.0 dropped a reference to None per delegate paint: hours of
    # scrolling ended in "deallocating None". The pin in pyproject.toml keeps it out.
    before = sys.getrefcount(None)
    for _ in range(20):
        window.list.viewport().grab()
    assert sys.getrefcount(None) >= before - 50


def test_a_sync_with_failures_shows_the_banner_with_the_url(qtbot, tmp_path, demo_server):
    from gansureader.model import Channel

    window = open_window(qtbot, tmp_path / "data", tmp_path, mirror=demo_server.url)
    gone = Channel("没了", "http://edu.gscn.com.cn/gone/", "测试")
    window.sync_channels = [*demo_channels()[:1], gone]
    summary = synced(qtbot, window, failures_expected=True)
    assert [problem.url for problem in summary.failed] == [gone.url]
    assert window.banner.isVisible()
    assert "http://edu.gscn.com.cn/gone/" in window.banner.label.text()
    assert window.banner.retry.isVisible()  # a refresh tries them again
    good = window.store.find_channel(demo_channels()[0].name)
    assert window.store.count_articles(good) == 10  # the good channel synced all the same
    window.close()  # as the app does: the window goes before its store
    window.store.close()


def test_window_size_and_splitters_are_remembered(qtbot, cache, tmp_path):
    first = open_window(qtbot, cache, tmp_path)
    first.resize(640, 480)  # within the offscreen screen, or Qt moves it in
    first.splitter.setSizes([150, 200, 440])
    kept = first.splitter.sizes()
    first.close()
    first.store.close()
    second = open_window(qtbot, cache, tmp_path)
    assert (second.width(), second.height()) == (640, 480)
    assert second.splitter.sizes() == kept
    second.store.close()


def test_the_cache_limit_holds_after_a_refresh_and_keeps_starred(qtbot, tmp_path, demo_server):
    window = open_window(qtbot, tmp_path / "data", tmp_path, mirror=demo_server.url)
    synced(qtbot, window)
    oldest = window.store.articles(limit=-1)[-1].url
    with qtbot.waitSignal(window.refresher.written):
        window.set_flag(oldest, "starred", True)
    window.refresher.cache_limit_bytes = window.store.size_bytes() // 2
    synced(qtbot, window)
    assert window.store.count_articles() < 50
    assert window.store.article(oldest) is not None  # starred: kept although the oldest
    window.close()  # as the app does: the window goes before its store
    window.store.close()


def test_articles_an_older_parser_read_are_read_again_in_the_background(window, qtbot, monkeypatch):
    import dataclasses

    from gansureader.model import Paragraph, Run
    from gansureader.parse import PARSER_VERSION

    with Store(window.store.folder) as writer:
        good = writer.article(FIRST)
        flat = dataclasses.replace(good, body=(Paragraph((Run("旧解析。"),)),))
        writer.replace_parsed(flat, PARSER_VERSION - 1)
    with qtbot.waitSignal(window.article_shown):
        window.select_row(window.model.row_of(FIRST))
    assert "旧解析。" in window.reader.browser.toPlainText()
    with qtbot.waitSignal(window.refresher.reparsed, timeout=20_000) as reparsed:
        assert window.refresher.reparse_outdated()
    assert reparsed.args[0].changed == 1
    text = window.reader.browser.toPlainText()  # the article on screen was shown anew
    assert "旧解析。" not in text and "5月20日，兰州黄河风情线夜游项目全面升级。" in text
    logged = []
    monkeypatch.setattr(refresh, "log_failure", logged.append)
    told = []
    window.refresher.reparsed.connect(told.append)
    assert window.refresher.reparse_outdated()  # nothing is outdated now
    qtbot.waitUntil(lambda: not window.refresher.running, timeout=20_000)
    assert told == [] and logged == []  # nothing to say, and nothing gone wrong


def test_a_refresh_asked_during_the_quiet_re_read_runs_at_once_and_the_re_read_goes_on(
    qtbot, cache, tmp_path
):
    """After an update the app re-reads every kept page (minutes, on a large cache): a
    refresh the reader asks for meanwhile must not wait for it, nor shrink to the queue."""
    with Store(cache) as writer:
        for listed in writer.articles(limit=-1):
            writer.replace_parsed(writer.article(listed.url), PARSER_VERSION - 1)
    asked: list[str] = []

    class Counting(MirrorHandler):
        def do_GET(self):  # noqa: N802
            asked.append(self.path)
            super().do_GET()

    with MirrorServer(demo_site(), Counting) as server:
        window = open_window(qtbot, cache, tmp_path, mirror=server.url)
        rereads = []
        window.refresher.reparsed.connect(rereads.append)
        assert window.refresher.reparse_outdated()
        synced(qtbot, window)  # the reader's 刷新, while the re-read runs
        assert "/gansu/gsyw/" in asked  # the channels' lists were read, not only the queue
        qtbot.waitUntil(lambda: bool(rereads) and not rereads[-1].cancelled, timeout=30_000)
        assert not window.store.reparse_candidates(PARSER_VERSION)[0]  # and all re-read
        window.close()
        window.store.close()


PHOTO_STORY = "http://gansu.gscn.com.cn/system/2024/05/18/013200002.shtml"
VIDEO_ARTICLE = "http://house.gscn.com.cn/system/2024/05/16/013200022.shtml"


def test_pictures_fit_the_reading_column_and_missing_ones_say_so(window, qtbot):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from gansureader.render import POSTER_FRAGMENT

    browser = window.reader.browser
    with qtbot.waitSignal(window.article_shown):
        window.follow_link(PHOTO_STORY)
    wide = window.store.article(PHOTO_STORY).images[0].url  # 800 pixels wide
    image_kind = QTextDocument.ResourceType.ImageResource.value
    for column in (300, 640):
        browser.column = column
        image = browser.loadResource(image_kind, QUrl(wide))
        assert round(image.width() / image.devicePixelRatio()) == column
        assert image.height() / image.width() == pytest.approx(500 / 800, abs=0.01)
    missing = browser.loadResource(image_kind, QUrl("http://gansu.gscn.com.cn/pic/none.jpg"))
    assert not missing.isNull() and missing.width() > 100  # a box saying 图片未下载
    poster = window.store.article(VIDEO_ARTICLE).body[1].poster
    plain = browser.loadResource(image_kind, QUrl(poster))
    marked = browser.loadResource(image_kind, QUrl(f"{poster}#{POSTER_FRAGMENT}"))
    assert plain.size() == marked.size() and plain != marked  # ▶ painted over the poster


def test_the_text_is_a_centred_column_of_about_forty_characters(window, qtbot):
    from PySide6.QtGui import QFontMetricsF

    browser = window.reader.browser
    window.resize(1600, 900)
    with qtbot.waitSignal(window.article_shown):
        window.follow_link(PHOTO_STORY)
    qtbot.wait(200)
    frame = browser.document().rootFrame().frameFormat()
    text_width = browser.viewport().width() - frame.leftMargin() - frame.rightMargin()
    character = QFontMetricsF(browser.font()).horizontalAdvance("中")
    assert 36 <= text_width / character <= 42
    assert abs(frame.leftMargin() - frame.rightMargin()) < 1


def test_a_long_article_in_a_narrow_window_is_not_re_wrapped_when_its_scroll_bar_shows(
    window, qtbot
):
    from PySide6.QtGui import QFontMetricsF

    browser = window.reader.browser
    window.resize(1280, 800)  # beside its panels, the text narrower than forty characters
    qtbot.waitUntil(lambda: browser.viewport().width() > 400)
    assert not browser.verticalScrollBar().isVisible()  # nothing shown yet
    with qtbot.waitSignal(window.article_shown):
        window.follow_link(PHOTO_STORY)
    assert browser.verticalScrollBar().isVisible()
    forty = QFontMetricsF(browser.font()).horizontalAdvance("中") * 40
    assert browser.column < forty  # the column is as wide as the window allows
    # What the re-layout after a resize looks at: the column it would lay out now is the
    # one the text was laid out in, so the text is not wrapped again a moment later.
    assert browser.column == browser.column_width()


def test_reading_font_and_size_are_settings_and_zoom_still_works(window):
    browser = window.reader.browser
    window.settings.font_family, window.settings.font_size = "sans", 16
    window.apply_settings()
    assert browser.font().pointSize() == 16
    assert browser.font().styleHint() == browser.font().StyleHint.SansSerif
    window.zoom(2)
    assert browser.font().pointSize() == 18 and window.settings.zoom == 2
    window.apply_settings()  # as at the next start
    assert browser.font().pointSize() == 18


def test_links_to_videos_and_other_sites_open_in_the_browser(window, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened, fetched = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    monkeypatch.setattr(window, "fetch_article", fetched.append)
    window.follow_link("http://v.gscn.com.cn/video/2024/05/13200022.mp4")
    window.follow_link("http://www.gansu.gov.cn/")
    window.follow_link("http://gansu.gscn.com.cn/system/2024/06/01/013999999.shtml")
    assert opened == ["http://v.gscn.com.cn/video/2024/05/13200022.mp4", "http://www.gansu.gov.cn/"]
    assert fetched == ["http://gansu.gscn.com.cn/system/2024/06/01/013999999.shtml"]


def test_clean_up_runs_in_the_background_and_keeps_starred(window, qtbot):
    oldest = window.store.articles(limit=-1)[-1].url
    window.set_flag(oldest, "starred", True)
    before = window.store.count_articles()
    with qtbot.waitSignal(window.refresher.cleaned, timeout=30_000) as cleaned:
        window.clean_up(0)  # a limit no cache meets: all but the starred go
        assert window.store.count_articles() == before  # returned at once; work goes on
        assert window.progress.isVisible()
    assert cleaned.args[0] == before - 1
    assert window.model.rowCount() == 1 and window.store.article(oldest) is not None
    assert not window.progress.isVisible()


def test_a_click_on_a_missing_picture_fetches_it_or_says_offline(
    qtbot, cache, tmp_path, demo_server
):
    from gansureader.render import PICTURE_FRAGMENT

    with Store(cache) as writer:
        picture = writer.article(FIRST).images[0].url
        with writer._write():
            writer._db.execute("DELETE FROM images WHERE url = ?", (picture,))
    window = open_window(qtbot, cache, tmp_path, mirror=demo_server.url)
    with qtbot.waitSignal(window.article_shown):
        window.follow_link(FIRST)
    assert f'href="{picture}#{PICTURE_FRAGMENT}"' in "".join(window.reader.browser.shown[1])
    window.offline_action.setChecked(True)
    window.follow_link(f"{picture}#{PICTURE_FRAGMENT}")
    assert "offline" in window.statusBar().currentMessage().lower()
    assert not window.refresher.running
    window.offline_action.setChecked(False)
    synced(qtbot, window, lambda: window.follow_link(f"{picture}#{PICTURE_FRAGMENT}"))
    assert window.store.image_path(picture) is not None
    assert window.current_url() == FIRST  # still reading it, now with its picture
    window.close()
    window.store.close()


def test_ranking_shows_full_titles_of_cached_articles(window, qtbot):
    with qtbot.waitSignal(window.article_shown):
        window.follow_link(FIRST)
    ranking = window.store.article(FIRST).ranking
    assert any(item.cut_title for item in ranking)  # the demo panel cuts titles at 12
    for row, item in enumerate(ranking):
        full = window.store.article(item.url).title
        assert item.title == full and full in window.reader.ranking.items.item(row).text()


def test_a_ranked_article_says_how_it_ranks(window, qtbot):
    ranked = window.store.rankings()[0][2][0][0].url
    with qtbot.waitSignal(window.article_shown):
        window.follow_link(ranked)
    assert "新闻排行 第 " in window.reader.browser.toPlainText()
    assert "上榜 1 天" in window.reader.browser.toPlainText()


def test_the_ranking_view_shows_each_source_with_movement_and_a_sparkline(window, qtbot):
    from gansureader.model import movement_mark
    from gansureader.ui.ranking import POINTS_ROLE, URL_ROLE

    window.sidebar.choose(RANKING)
    view = window.ranking_list
    assert window.left_views.currentWidget() is view
    qtbot.waitUntil(lambda: view.count() > 0, timeout=5000)  # read off the window's thread
    headings = [view.item(n).text() for n in range(view.count()) if not view.item(n).data(URL_ROLE)]
    assert "新闻排行 · gansu.gscn.com.cn" in headings and len(headings) == 5  # one per host
    rows = [view.item(n) for n in range(view.count()) if view.item(n).data(URL_ROLE)]
    assert len(rows) == 50 and all(row.data(POINTS_ROLE) for row in rows)
    marks = [movement_mark(move) for _, _, items in window.store.rankings() for _, move in items]
    assert [row.text().split()[1] for row in rows] == marks  # each line's movement, in place
    view.grab()  # paints every row's sparkline without complaint
    with qtbot.waitSignal(window.article_shown):
        view.itemClicked.emit(rows[0])
    assert window.current_url() == rows[0].data(URL_ROLE)


def test_a_very_long_article_is_read_only_as_far_as_it_is_shown(window, qtbot):
    from gansureader.render import MAX_BLOCKS, MAX_TABLE_CELLS, TRUNCATED
    from gansureader.store.rows import body_from_json

    url = window.model.summary(0).url
    shown = window.store.article(url)
    long = dataclasses.replace(shown, body=(Paragraph((Run("很长的文章。"),)),) * 3000)
    window.refresher.write(lambda store: store.replace_parsed(long, PARSER_VERSION))
    qtbot.waitUntil(lambda: len(window.store.article(url).body) == 3000, timeout=10_000)
    window.show_article(url)
    assert len(window.reader.article.body) == MAX_BLOCKS + 1  # decoded no further
    assert not window.reader.browser.laid_out_whole()  # the first screen first…
    qtbot.waitUntil(window.reader.browser.laid_out_whole)  # …the rest in the frames after
    text = window.reader.browser.toPlainText()
    assert TRUNCATED in text and text.count("很长的文章。") == MAX_BLOCKS  # each block once
    assert "很长的文章。很长的文章。" not in text  # none run on into the one before
    assert len(window.whole_article_shown().body) == 3000  # printing and 听新闻 get it all
    stored = window.store._db.execute("SELECT body FROM articles WHERE url = ?", (url,)).fetchone()
    for count in (0, 1, 7, 3000, 5000):
        assert body_from_json(stored[0], count) == body_from_json(stored[0])[:count]
    table = Table(tuple(TableRow((f"第{n}行", str(n))) for n in range(2000)))
    window.refresher.write(
        lambda store: store.replace_parsed(dataclasses.replace(long, body=(table,)), PARSER_VERSION)
    )
    qtbot.waitUntil(lambda: window.store.article(url).body[0] == table, timeout=10_000)
    window.show_article(url)
    assert len(window.reader.article.body[0].rows) == MAX_TABLE_CELLS + 1  # a screenful
    qtbot.waitUntil(lambda: TRUNCATED in window.reader.browser.toPlainText())
    assert window.whole_article_shown().body[0] == table


def test_a_refresh_stopped_by_damage_in_the_cache_has_it_checked(
    qtbot, cache, tmp_path, demo_server, monkeypatch
):
    """A sync that meets damage midway (the file opened sound) stops: the window does not
    leave it at "run gansureader check" but has its writer check the file at once."""
    from gansureader.store import CacheDamaged
    from gansureader.sync import SyncEngine

    def damaged(*_, **__):
        raise CacheDamaged("the cache is damaged: run 'gansureader check'")

    monkeypatch.setattr(SyncEngine, "run", damaged)
    window = open_window(qtbot, cache, tmp_path, mirror=demo_server.url)
    try:
        window.refresh()
        qtbot.waitUntil(lambda: "checked" in window.banner.label.text(), timeout=10_000)
        assert "sound" in window.banner.label.text()  # nothing set aside: it was not damaged
        assert not list(cache.glob("gansureader.damaged-*"))
    finally:
        window.close()
        window.store.close()
