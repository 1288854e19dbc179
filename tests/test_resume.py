"""Nothing lost for good: whatever a killed, cancelled or failed sync left undone, the next
sync completes. Each test drives a fault with the real local server, then asserts the
final cache holds exactly what one clean sync stores: every article, every picture.
"""

import json
import sys

import pytest

from conftest import DEMO_CHANNELS
from gansureader.cli import main
from gansureader.demo import MirrorHandler, MirrorServer, demo_site
from gansureader.net import Fetcher
from gansureader.store import DiskFull, Store
from gansureader.sync import SyncEngine
from killed_sync import SlowArticles, kill_sync_after


def sync(folder, server_url, pages=2, **engine):
    with Store(folder) as store:
        fetcher = Fetcher(server_url, retries=0, backoff=0)
        channels = [store.find_channel(name) or store.add_channel(name) for name in DEMO_CHANNELS]
        try:
            return SyncEngine(store, fetcher, **engine).run(channels, pages=pages)
        finally:
            fetcher.close()


def cache_state(folder):
    """What a reader has: the articles, and the pictures their pages and panels show."""
    with Store(folder) as store:
        articles = {row.url for row in store.articles()}
        pictures = {
            url
            for url in (
                picture for row in store.articles() for picture in _pictures(store, row.url)
            )
            if store.image_path(url) is not None
        }
        return articles, pictures, store.missing_pictures(), store.incomplete_walks()


def _pictures(store, url):
    return store.article(url).picture_urls()


@pytest.fixture(scope="module")
def clean(tmp_path_factory, demo_server):
    folder = tmp_path_factory.mktemp("clean")
    summary = sync(folder, demo_server.url)
    assert summary.ok and summary.new == 50
    articles, pictures, missing, walks = cache_state(folder)
    assert len(articles) == 50 and len(pictures) == 84 and not missing and not walks
    return articles, pictures


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("kill_after", [3, 18, 36])
def test_a_sync_killed_anywhere_is_completed_by_the_next(tmp_path, demo_server, clean, kill_after):
    data = tmp_path / "data"
    with MirrorServer(demo_site(), SlowArticles) as server:
        killed_at = kill_sync_after(data, server.url, kill_after)
    assert killed_at < 50
    summary = sync(data, demo_server.url)
    assert summary.ok, summary.failed
    articles, pictures, missing, walks = cache_state(data)
    assert (articles, pictures) == clean and not missing and not walks


def test_a_cancelled_sync_is_completed_by_the_next(tmp_path, demo_server, clean):
    data = tmp_path / "data"
    engine_box = {}

    def cancel_soon(progress):
        if progress.done == 12:
            engine_box["cancel"].set()

    with Store(data) as store:
        fetcher = Fetcher(demo_server.url)
        channels = [store.find_channel(name) for name in DEMO_CHANNELS]
        engine = SyncEngine(store, fetcher, on_progress=cancel_soon)
        engine_box["cancel"] = engine.cancel
        assert engine.run(channels).cancelled
        fetcher.close()
        assert store.incomplete_walks()  # said so, and kept in the store
    assert sync(data, demo_server.url).ok
    articles, pictures, missing, walks = cache_state(data)
    assert (articles, pictures) == clean and not missing and not walks


class NoPictures(MirrorHandler):
    def do_GET(self):  # noqa: N802
        if "/pic/" in self.path:
            self.send_plain(503, b"busy")
        else:
            super().do_GET()


def test_pictures_that_failed_are_fetched_once_they_are_back(tmp_path, demo_server, clean):
    data = tmp_path / "data"
    with MirrorServer(demo_site(), NoPictures) as server:
        summary = sync(data, server.url)
    assert summary.new == 50 and summary.images == 0
    with Store(data) as store:
        assert len(store.missing_pictures()) == 84
        assert {reason for _, _, reason, _ in store.picture_failures()} == {
            "the server answered HTTP 503"
        }
    again = sync(data, demo_server.url)  # the lists answer 304; the pictures are back
    assert again.images == 84 and again.new == 0 and not again.failed
    articles, pictures, missing, walks = cache_state(data)
    assert (articles, pictures) == clean and not missing


def test_a_picture_that_keeps_failing_waits_longer_each_time(tmp_path):
    with MirrorServer(demo_site(), NoPictures) as server:
        sync(tmp_path, server.url, pages=1)
        with Store(tmp_path) as store:
            first = len(store.missing_pictures(due_only=True))
        assert first > 0  # failed once: tried again by the next sync
        sync(tmp_path, server.url, pages=1)
        with Store(tmp_path) as store:
            assert store.missing_pictures(due_only=True) == []  # failed twice: waits an hour
            assert {failures for _, failures, _, _ in store.picture_failures()} == {2}


class Storm(MirrorHandler):
    def do_GET(self):  # noqa: N802
        if "robots.txt" not in self.path:
            self.send_plain(503, b"overloaded")
        else:
            super().do_GET()


def test_after_a_503_storm_the_next_sync_completes_the_cache(tmp_path, demo_server, clean):
    data = tmp_path / "data"
    with MirrorServer(demo_site(), Storm) as server:
        summary = sync(data, server.url)
    assert summary.failed and summary.new == 0
    with Store(data) as store:
        assert len(store.incomplete_walks()) == len(DEMO_CHANNELS)
    assert sync(data, demo_server.url).ok
    articles, pictures, missing, walks = cache_state(data)
    assert (articles, pictures) == clean and not missing and not walks


class BrokenArticle(MirrorHandler):
    def do_GET(self):  # noqa: N802
        if self.path.endswith("013200005.shtml"):
            self.send_plain(200, b"<html><body>")  # parses as no page at all
        else:
            super().do_GET()


def test_an_article_that_failed_stays_queued_with_its_reason(tmp_path, demo_server):
    with MirrorServer(demo_site(), BrokenArticle) as server:
        sync(tmp_path, server.url)
    with Store(tmp_path) as store:
        (url, reason, attempts), *_ = store.queued()
        assert url.endswith("013200005.shtml") and reason and attempts == 1
    sync(tmp_path, demo_server.url)
    with Store(tmp_path) as store:
        assert store.queued() == [] and store.article(url) is not None


def test_a_full_disk_stops_the_sync_cleanly_and_the_next_completes(
    tmp_path, demo_server, clean, monkeypatch, capsys
):
    from gansureader.store import db

    data = tmp_path / "data"
    writes = []
    real = db.free_bytes

    def filling(folder):
        writes.append(folder)
        return real(folder) if len(writes) < 40 else 10 * 1024 * 1024  # then 10 MB free

    monkeypatch.setattr(db, "free_bytes", filling)
    with pytest.raises(DiskFull, match="10 MB free"):
        sync(data, demo_server.url)
    writes.clear()
    command = ["sync", "--mirror", demo_server.url, "--data-dir", str(data)]
    code = main(command + [f"--channel={name}" for name in DEMO_CHANNELS])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and str(data) in err[0] and "full" in err[0]
    with Store(data) as store:
        assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    monkeypatch.setattr(db, "free_bytes", real)  # space freed
    assert sync(data, demo_server.url).ok
    articles, pictures, missing, walks = cache_state(data)
    assert (articles, pictures) == clean and not missing and not walks


def test_a_write_that_meets_a_full_disk_says_so_in_one_line(tmp_path, demo_server, monkeypatch):
    import errno

    from gansureader.store import images

    def no_space(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(images.ImageFiles, "write", no_space)
    with pytest.raises(DiskFull, match="is full"):
        sync(tmp_path, demo_server.url, pages=1)


def test_status_says_what_the_next_sync_will_complete(tmp_path, demo_server, capsys):
    data = tmp_path / "data"
    with MirrorServer(demo_site(), NoPictures) as server:
        sync(data, server.url, pages=1)
    assert main(["status", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "pictures missing: " in out and "HTTP 503" in out and "next tried after" in out
    assert main(["status", "--data-dir", str(data), "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["pictures_missing"] and not status["lists_not_done"]
    sync(data, demo_server.url, pages=1)
    assert main(["status", "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.startswith("the cache is complete")
