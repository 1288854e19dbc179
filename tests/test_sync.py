"""The sync engine against real local servers: the demo site, and a channel of faults."""

import sqlite3
import threading

import pytest

import faults
from conftest import DEMO_CHANNELS
from gansureader.demo import MirrorServer, demo_site
from gansureader.net import Fetcher
from gansureader.store import DATABASE_NAME, Store
from gansureader.sync import SyncEngine


def sync(store, mirror, channels, **fetcher_options):
    fetcher = Fetcher(mirror, **fetcher_options)
    try:
        return SyncEngine(store, fetcher).run(channels, pages=2)
    finally:
        fetcher.close()


def recording(requests: list, note=lambda handler: handler.path) -> type:
    """A mirror handler noting in ``requests`` what ``note`` says of each request."""

    class Recording(faults.MirrorHandler):
        def do_GET(self):  # noqa: N802
            requests.append(note(self))
            super().do_GET()

    return Recording


def with_validators(handler) -> tuple[str, bool]:
    """The path asked for, and whether it was asked "modified since?"."""
    return handler.path, "If-None-Match" in handler.headers


def demo_channels(store):
    return [store.find_channel(name) for name in DEMO_CHANNELS]


def assert_consistent(store):
    """Integrity holds and every stored article is whole and searchable."""
    db = sqlite3.connect(store.folder / DATABASE_NAME)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = db.execute("SELECT id, url, title, body FROM articles").fetchall()
        indexed = db.execute("SELECT count(*) FROM search_index").fetchone()[0]
    finally:
        db.close()
    assert indexed == len(rows)
    for _id, url, title, paragraphs in rows:
        assert title and paragraphs != "[]", url
        assert store.article(url).paragraphs


def test_demo_site_is_stored_whole(store, demo_server):
    summary = sync(store, demo_server.url, demo_channels(store))
    assert summary.ok, summary.failed
    assert (summary.new, summary.updated) == (50, 0)
    assert summary.images == 84  # bodies 33, a video poster, 50 thumbnails
    assert store.count_articles() == 50
    for channel in demo_channels(store):
        assert store.count_articles(channel) == 10
    # the two-page article is one article with both pages' text
    first = store.article("http://gansu.gscn.com.cn/system/2024/05/20/013200001.shtml")
    assert len(first.paragraphs) == 5 + 3
    # a GBK page, stored as text
    food = store.articles(store.find_channel("陇上味道"), limit=1)[0]
    assert "\ufffd" not in "".join(store.article(food.url).paragraphs)
    # every picture is on disk under its content's name
    for picture in first.images:
        path = store.image_path(picture.url)
        assert path is not None and path.is_file() and path.name.startswith(path.parent.name)
    assert_consistent(store)


def test_second_sync_is_idempotent_and_asks_with_validators(store, tmp_path):
    requests = []

    CountingHandler = recording(requests, with_validators)

    with MirrorServer(demo_site(), CountingHandler) as server:
        sync(store, server.url, demo_channels(store))
        stored = store.count_articles()
        requests.clear()
        again = sync(store, server.url, demo_channels(store))
    assert again.ok and again.new == again.updated == 0
    assert store.count_articles() == stored
    # only the five list pages are asked again, each conditionally (answered 304)
    pages = [path for path, _ in requests if not path.endswith("robots.txt")]
    assert len(pages) == 5 and all(conditional for _, conditional in requests if "robots" not in _)


def test_a_channel_an_older_release_took_off_the_site_is_not_fetched(store, tmp_path):
    from gansureader.model import Channel

    requests = []

    CountingHandler = recording(requests)

    with MirrorServer(demo_site(), CountingHandler) as server:
        elsewhere = Channel("别处", f"{server.url}/www/food/lsfw/", "自定义", builtin=False)
        summary = sync(store, None, [elsewhere])  # as a real sync: no mirror
    assert [(problem.url, problem.reason) for problem in summary.failed] == [
        (elsewhere.url, "is not on gscn.com.cn: not fetched")
    ]
    assert requests == []


def test_changed_article_counts_as_updated(store, tmp_path):
    import shutil

    root = tmp_path / "mirror"
    shutil.copytree(demo_site(), root)
    with MirrorServer(root) as server:
        channel = store.find_channel("本网原创")
        sync(store, server.url, [channel])
        page = root / "gansu/system/2024/05/20/013200001.shtml"
        page.write_bytes(page.read_bytes().replace("平凉".encode(), "天水".encode()))
        index = root / "gansu/gsyw/index.shtml"  # the list changes too, or sync stops at its 304
        index.write_bytes(index.read_bytes() + b"\n")
        summary = sync(store, server.url, [channel])
    assert summary.updated == 1 and summary.unchanged == 5, summary
    article = store.article("http://gansu.gscn.com.cn/system/2024/05/20/013200001.shtml")
    assert "天水" in "".join(article.paragraphs)
    assert store.search("天水")  # the index follows the change
    assert_consistent(store)


def test_an_article_linked_over_http_and_https_is_fetched_and_stored_once(store, site):
    requests = []

    CountingHandler = recording(requests, with_validators)

    index = site / "gansu/gsyw/index.shtml"
    text = index.read_text(encoding="utf-8")
    row = '<li><a href="/system/2024/05/20/013200001.shtml"'
    twin = row.replace('"/system/', '"https://gansu.gscn.com.cn/system/')
    index.write_text(
        text.replace(row, f"{twin}>夜游项目升级</a><span>2024/05/20</span></li>\n{row}", 1),
        encoding="utf-8",
    )
    channel = store.find_channel("本网原创")
    with MirrorServer(site, CountingHandler) as server:
        sync(store, server.url, [channel])
        assert [path for path, _ in requests].count("/gansu/system/2024/05/20/013200001.shtml") == 1
        assert store.count_articles(channel) == 10
        # the site moves its list to https: the same ten, none new, asked "modified since?"
        index.write_text(
            text.replace('href="/system/', 'href="https://gansu.gscn.com.cn/system/'),
            encoding="utf-8",
        )
        requests.clear()
        sync(store, server.url, [channel])
    assert store.count_articles(channel) == 10
    addresses = [article.url.partition("://")[2] for article in store.articles(limit=-1)]
    assert len(addresses) == len(set(addresses))
    asked = [conditional for path, conditional in requests if "/gansu/system/" in path]
    assert asked and all(asked)
    assert_consistent(store)


def test_an_article_linked_with_a_query_is_the_article_without_it(store, site):
    requests = []

    CountingHandler = recording(requests)

    index = site / "gansu/gsyw/index.shtml"
    text = index.read_text(encoding="utf-8")
    row = '<li><a href="/system/2024/05/20/013200001.shtml"'
    shared = row.replace(".shtml", ".shtml?from=app&amp;spm=1.2")
    index.write_text(
        text.replace(row, f"{shared}>夜游项目升级</a><span>2024/05/20</span></li>\n{row}", 1),
        encoding="utf-8",
    )
    channel = store.find_channel("本网原创")
    with MirrorServer(site, CountingHandler) as server:
        sync(store, server.url, [channel])
    assert store.count_articles(channel) == 10
    assert not [a for a in store.articles(limit=-1) if "?" in a.url]
    assert requests.count("/gansu/system/2024/05/20/013200001.shtml") == 1
    assert not [path for path in requests if "?" in path]


def test_a_channel_page_with_no_list_says_so(store, site):
    (site / "gansu/gsyw/index.shtml").write_text(
        "<html><head><title>本网原创_中国甘肃网</title></head><body><h1>本网原创</h1>"
        "<p>本栏目正在更新，中国甘肃网欢迎您。</p></body></html>",
        encoding="utf-8",
    )
    with MirrorServer(site) as server:
        summary = sync(store, server.url, [store.find_channel("本网原创")])
    [problem] = summary.failed
    assert problem.url == "http://gansu.gscn.com.cn/gsyw/"
    assert "no list of articles was found" in problem.reason


@pytest.fixture(scope="module")
def fault_run(tmp_path_factory):
    """One sync over the fault channel: every fault at once, as a reader would meet them."""
    png = (demo_site() / "www" / "pic" / "demo" / "logo.png").read_bytes()
    root = faults.build(tmp_path_factory.mktemp("faults"), png)
    faults.FaultHandler.requests_seen.clear()
    with MirrorServer(root, faults.FaultHandler) as server:
        store = Store(tmp_path_factory.mktemp("data"))
        channel = store.add_channel(faults.CHANNEL_URL, "故障")
        summary = sync(store, server.url, [channel], timeout=(2.0, 0.5), backoff=0.01)
        yield store, summary
        store.close()


def reason_for(summary, name):
    url = faults.SITE + faults.ARTICLES[name]
    reasons = [problem.reason for problem in summary.failed if problem.url == url]
    return reasons[0] if reasons else None


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("missing", "HTTP 404"),
        ("slow", "did not answer in time"),
        ("dropped", "broke off"),
        ("cut_unannounced", "broke off"),
        ("oversized", "larger than 5 MB"),
        ("loop", "redirects"),
        ("forbidden", "robots.txt"),
    ],
)
def test_each_fault_is_reported_for_its_url_and_nothing_half_stored(fault_run, name, words):
    store, summary = fault_run
    assert words in reason_for(summary, name)
    assert store.article(faults.SITE + faults.ARTICLES[name]) is None
    assert_consistent(store)


def test_server_error_then_success_is_retried(fault_run):
    store, summary = fault_run
    assert reason_for(summary, "flaky") is None
    assert store.article(faults.SITE + faults.ARTICLES["flaky"]) is not None
    assert faults.FaultHandler.requests_seen[faults.ARTICLES["flaky"]] == 2


def test_corrupt_picture_fails_alone(fault_run):
    store, summary = fault_run
    broken = faults.SITE + faults.BAD_PICTURE
    assert [p.reason for p in summary.failed if p.url == broken] == [
        "not a readable picture (damaged, or not an image)"
    ]
    assert store.article(faults.SITE + faults.ARTICLES["bad_picture"]) is not None
    assert not store.has_image(broken)
    assert store.has_image(faults.SITE + faults.GOOD_PICTURE)


def test_faults_leave_the_good_articles_stored(fault_run):
    store, summary = fault_run
    assert summary.new == 3  # flaky, bad_picture, good
    assert len(summary.failed) == 8  # seven pages and one picture
    assert not summary.ok


def test_failed_articles_keep_the_list_page_from_a_304(fault_run):
    store, _ = fault_run
    # were the validators kept, the next sync would get a 304 and never retry the failures
    assert store.validators(faults.CHANNEL_URL) == (None, None)


def test_cancel_stops_promptly_and_leaves_the_cache_consistent(store, tmp_path):
    class SlowHandler(faults.MirrorHandler):
        def do_GET(self):  # noqa: N802
            if "/system/" in self.path:
                threading.Event().wait(0.3)
            super().do_GET()

    with MirrorServer(demo_site(), SlowHandler) as server:
        fetcher = Fetcher(server.url)
        seen = threading.Event()

        def on_progress(progress):
            if progress.done >= 8:
                seen.set()
                engine.cancel.set()

        engine = SyncEngine(store, fetcher, on_progress=on_progress)
        summary = engine.run(demo_channels(store))
        fetcher.close()
    assert seen.is_set() and summary.cancelled and not summary.ok
    assert 0 < store.count_articles() < 50
    assert_consistent(store)
    with MirrorServer(demo_site()) as server:  # the next sync completes the work
        assert sync(store, server.url, demo_channels(store)).ok
    assert store.count_articles() == 50


def test_the_articles_behind_the_panels_are_fetched_for_offline_reading(tmp_path, demo_server):
    with Store(tmp_path / "capped") as store:
        summary = sync(store, demo_server.url, [store.find_channel("本网原创")])
        assert 0 < summary.panel_articles <= 30 and summary.new <= 10 + 30  # 30 a sync at most
    with Store(tmp_path / "all") as store:
        fetcher = Fetcher(demo_server.url)
        engine = SyncEngine(store, fetcher, panel_articles=100)
        engine.run([store.find_channel("本网原创")], pages=1)
        fetcher.close()
        channel = store.find_channel("本网原创")
        for row in store.articles(channel):  # the server is not asked from here on
            article = store.article(row.url)
            for item in (*article.recommendations, *article.ranking):
                assert store.article(item.url) is not None, item.url
        assert store.count_articles(channel) == 6  # panel articles belong to no channel


def test_after_one_demo_sync_every_panel_item_opens_offline(tmp_path, demo_server):
    with Store(tmp_path) as store:
        assert sync(store, demo_server.url, demo_channels(store)).ok
    with Store(tmp_path) as store:  # the server is not asked again
        for row in store.articles():
            article = store.article(row.url)
            for item in (*article.recommendations, *article.ranking):
                assert store.article(item.url) is not None, item.url
                assert item.title == store.article(item.url).title  # full titles
