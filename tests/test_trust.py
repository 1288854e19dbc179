"""The sync against servers that misbehave as the world's do: a sync always ends, and
nothing that came from elsewhere is stored as the site's."""

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

import hostile
from gansureader import sync as sync_module
from gansureader.demo import MirrorServer, demo_channels, demo_site
from gansureader.model import Channel
from gansureader.net import Fetcher
from gansureader.render import article_html
from gansureader.store import Store
from gansureader.sync import SyncEngine
from test_sync import assert_consistent

CHANNEL = Channel("测试", hostile.CHANNEL_URL, "测试")
DRIPPING = hostile.article_path(2)


def run_sync(store, server, recheck_days=0, **options):
    """``recheck_days``: the articles that recent are looked at again now."""
    fetcher = Fetcher(server.url, **options)
    try:
        return SyncEngine(store, fetcher).run(
            [CHANNEL], pages=1, recheck_days=recheck_days, recheck_now=bool(recheck_days)
        )
    finally:
        fetcher.close()


@pytest.fixture
def site(tmp_path):
    return tmp_path / "site", hostile.build(tmp_path / "site", 4)


def test_a_dripping_page_ends_at_its_deadline_and_the_rest_is_stored(site, store):
    root, urls = site
    with hostile.serve(root, {DRIPPING: hostile.drip}) as server:
        began = time.monotonic()
        summary = run_sync(store, server, deadline=1.0)
        took = time.monotonic() - began
    assert took < 10, f"the sync took {took:.1f} s against a page dripping for a minute"
    assert [problem.url for problem in summary.failed] == [urls[1]]
    # a second, and three more for the 100 000 bytes the server said it would send
    assert "no whole answer within 4 s" in summary.failed[0].reason
    assert store.count_articles() == 3
    assert [url for url, _, _ in store.queued()] == [urls[1]]


def test_cancel_ends_a_sync_stuck_on_a_dripping_page_at_once(site, store):
    root, urls = site
    with hostile.serve(root, {DRIPPING: hostile.drip}) as server:
        fetcher = Fetcher(server.url)  # the real deadline: a minute
        result = {}

        def run():  # the store is used on the thread that opened it
            with Store(store.folder) as own:
                engine = SyncEngine(own, fetcher)
                result["s"] = engine.run([CHANNEL], pages=1)

        worker = threading.Thread(target=run)
        worker.start()
        try:
            assert hostile.started(server, DRIPPING)
            began = time.monotonic()
            fetcher.cancel.set()
            worker.join(timeout=10)
            took = time.monotonic() - began
        finally:
            fetcher.cancel.set()
            worker.join(timeout=10)
            fetcher.close()
    assert not worker.is_alive()
    assert took < 2, f"cancel took {took:.1f} s"
    assert result["s"].cancelled


def test_ctrl_c_stops_the_sync_command_within_a_second(site, tmp_path):
    root, _ = site
    with hostile.serve(root, {DRIPPING: hostile.drip}) as server:
        command = [sys.executable, "-m", "gansureader.cli", "--data-dir", str(tmp_path / "d")]
        command += ["sync", "--mirror", server.url, "--channel", hostile.CHANNEL_URL]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            assert hostile.started(server, DRIPPING, timeout=30)
            began = time.monotonic()
            process.send_signal(signal.SIGINT)
            process.wait(timeout=20)
            took = time.monotonic() - began
        finally:
            process.kill()
            process.communicate(timeout=20)
    assert process.returncode == 130
    assert took < 3, f"Ctrl-C took {took:.1f} s"


def test_a_server_asking_to_wait_an_hour_does_not_hold_the_sync(site, store):
    def busy(handler):
        handler.send_response(503)
        handler.send_header("Retry-After", "3600")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    root, urls = site
    with hostile.serve(root, {DRIPPING: busy}) as server:
        began = time.monotonic()
        summary = run_sync(store, server, deadline=3.0)
    assert time.monotonic() - began < 10
    assert [(p.url, p.reason) for p in summary.failed] == [
        (urls[1], "the server answered HTTP 503")
    ]
    assert store.count_articles() == 3


def test_a_server_asking_to_slow_down_is_waited_for_and_asked_again(site, store):
    def throttled(handler):  # 429 the first time, as rate limiters answer a burst
        if hostile.seen(server)[DRIPPING] == 1:
            handler.send_response(429)
            handler.send_header("Retry-After", "1")
            handler.send_header("Content-Length", "0")
            handler.end_headers()
        else:
            super(hostile.HostileHandler, handler).do_GET()  # the page, as mirrored

    root, urls = site
    with hostile.serve(root, {DRIPPING: throttled}) as server:
        summary = run_sync(store, server)
        asked = hostile.seen(server)[DRIPPING]
    assert summary.failed == [] and store.article(urls[1]) is not None
    assert asked == 2


def test_links_to_addresses_nothing_could_fetch_are_passed_over(site, store):
    """A list page or an article linking to ``http://[bad`` or a port ``:abc``: urllib
    refuses such an address with a ValueError, which once ended the whole sync."""
    root, urls = site
    broken = ["http://[bad/system/2024/06/02/0133400098.shtml", f"{hostile.SITE}:abc/x.shtml"]
    hostile.write_list(root, [hostile.article_path(n) for n in range(1, 5)] + broken)
    first = root / "gansu" / hostile.article_path(1).lstrip("/")
    links = "".join(f'<a href="{url}">坏链接</a><img src="{url}">' for url in broken)
    first.write_text(
        first.read_text(encoding="utf-8").replace("</div></body>", f"<p>{links}</p></div></body>"),
        encoding="utf-8",
    )
    with hostile.serve(root, {}) as server:
        summary = run_sync(store, server)
    assert summary.ok and summary.new == 4, summary
    article = store.article(urls[0])
    assert "[bad" not in article_html(article) and ":abc" not in article_html(article)


@pytest.mark.parametrize(
    ("instead", "said"),
    [
        (hostile.firewall, "names 中国甘肃网 nowhere"),  # a web firewall's 请求已被拦截
        # 网站维护中 names the site (its logo, its footer): it was stored as an article
        (hostile.maintenance, "its maintenance or busy page"),
    ],
    ids=["firewall", "maintenance"],
)
def test_a_page_answering_in_the_articles_place_is_not_stored_as_it(site, store, instead, said):
    root, urls = site
    with hostile.serve(root, {DRIPPING: instead}) as server:
        summary = run_sync(store, server)
    assert [p.url for p in summary.failed] == [urls[1]]
    assert said in summary.failed[0].reason
    assert store.article(urls[1]) is None and store.count_articles() == 3
    with hostile.serve(root, {}) as server:  # gone: the article comes
        run_sync(store, server)
    with hostile.serve(root, {"*": instead}) as server:  # and stays as it was, re-checked
        summary = run_sync(store, server, recheck_days=100_000)
    assert summary.rechecks.revised == [] and summary.rechecks.removed == []
    assert summary.updated == 0 and store.article(urls[1]).title == "第2篇 测试文章"


def test_a_304_to_a_request_with_nothing_to_compare_is_a_failure_not_unchanged(site, store):
    """A broken cache on the way answers 304 whatever was asked: the article, never
    fetched, looked fetched and unchanged, was never queued, and the list's validators
    kept it from the next sync too."""

    root, urls = site
    with hostile.serve(root, {DRIPPING: hostile.not_modified}) as server:
        summary = run_sync(store, server)
    assert [(p.url, "nothing to compare" in p.reason) for p in summary.failed] == [(urls[1], True)]
    assert summary.unchanged == 0 and [url for url, _, _ in store.queued()] == [urls[1]]
    with hostile.serve(root, {}) as server:
        run_sync(store, server)
    assert store.article(urls[1]) is not None


def test_a_redirect_off_the_site_is_a_failure_and_stores_nothing(site, store):
    root, urls = site
    elsewhere = hostile.redirect_to("http://login.hotel.example/portal?next=x")
    with hostile.serve(root, {DRIPPING: elsewhere}) as server:
        summary = run_sync(store, server)
    assert [problem.url for problem in summary.failed] == [urls[1]]
    assert "another site: login.hotel.example" in summary.failed[0].reason
    assert store.article(urls[1]) is None
    assert store.count_articles() == 3
    assert [url for url, _, _ in store.queued()] == [urls[1]]


def test_a_captive_portal_answering_everything_stores_nothing(site, store):
    root, _ = site
    with hostile.serve(root, {"*": hostile.portal}) as server:
        summary = run_sync(store, server)
    assert store.count_articles() == 0
    assert [problem.url for problem in summary.failed] == [hostile.CHANNEL_URL]
    assert "login page" in summary.failed[0].reason
    assert not store.walk_complete(hostile.CHANNEL_URL)


def test_a_redirect_inside_the_site_stores_the_article_where_it_ended(site, store):
    root, urls = site
    moved = hostile.article_path(99)
    target = root / "gansu" / moved.lstrip("/")
    target.write_text(hostile.faults.article_html("搬家的文章"), encoding="utf-8")
    with hostile.serve(root, {DRIPPING: hostile.redirect_to(moved)}) as server:
        summary = run_sync(store, server)
        assert summary.ok, summary.failed
        again = run_sync(store, server)
    final = hostile.SITE + moved
    assert store.article(final).title == "搬家的文章"
    assert store.article(urls[1]).url == final  # the list's link finds it
    assert store.known_urls([urls[1]]) == {urls[1]}
    assert store.count_articles() == 4
    assert (again.new, again.updated) == (0, 0)


def test_an_article_whose_address_now_leads_to_a_list_page_is_gone_after_two_checks(site, store):
    root, urls = site
    with hostile.serve(root, {}) as server:
        run_sync(store, server)
    with hostile.serve(root, {DRIPPING: hostile.redirect_to("/hostile/")}) as server:
        first = run_sync(store, server, recheck_days=100_000)
        assert first.rechecks.missed == [urls[1]] and store.removed_at(urls[1]) is None
        second = run_sync(store, server, recheck_days=100_000)
    assert second.rechecks.removed == [urls[1]] and store.removed_at(urls[1]) is not None
    assert store.article(urls[1]).title == "第2篇 测试文章"  # kept as it was
    assert second.rechecks.failed == [] and second.ok


def test_links_to_other_sites_on_a_list_page_are_not_fetched(tmp_path, store):
    root = tmp_path / "site"
    urls = hostile.build(root, 2)
    paths = [url.removeprefix(hostile.SITE) for url in urls]
    hostile.write_list(root, [*paths, "http://www.example.com/system/2024/06/02/012345678.shtml"])
    with hostile.serve(root, {}) as server:
        summary = run_sync(store, server)
    assert summary.ok, summary.failed
    assert store.count_articles() == 2


def test_a_list_of_twenty_thousand_items_asks_for_a_bounded_number(tmp_path, store, capsys):
    root = tmp_path / "site"
    hostile.build(root, 1)
    hostile.write_list(root, [hostile.article_path(n) for n in range(1, 20_001)])
    articles = {hostile.article_path(n): _tiny_article for n in range(2, 20_001)}
    with hostile.serve(root, articles) as server:
        summary = run_sync(store, server)
        asked = sum(count for path, count in hostile.seen(server).items() if "/system/" in path)
    assert asked == sync_module.MAX_LIST_ITEMS
    assert [problem.url for problem in summary.limited] == [hostile.CHANNEL_URL]
    assert "lists 20000 articles; the first 300 were read" in summary.limited[0].reason
    from gansureader.cli import main

    assert main(["--data-dir", str(store.folder), "status"]) == 0
    assert "lists 20000 articles" in capsys.readouterr().out


def _tiny_article(handler):
    page = hostile.faults.article_html("小文章").encode()
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", str(len(page)))
    handler.end_headers()
    handler.wfile.write(page)


def test_one_host_gives_a_bounded_share_per_sync_and_the_rest_waits(tmp_path, store, monkeypatch):
    monkeypatch.setattr(sync_module, "MAX_ARTICLES_PER_HOST", 3)
    root = tmp_path / "site"
    urls = hostile.build(root, 5)
    with hostile.serve(root, {}) as server:
        first = run_sync(store, server)
        assert store.count_articles() == 3
        assert [problem.url for problem in first.limited] == [f"{hostile.SITE}/"]
        assert {url for url, _, _ in store.queued()} == set(urls[3:])
        second = run_sync(store, server)
    assert store.count_articles() == 5
    assert second.new == 2 and store.queued() == []


def test_an_article_with_endless_later_pages_is_read_to_the_bound(tmp_path, store):
    root = tmp_path / "site"
    urls = hostile.build(root, 3)
    first = root / "gansu" / hostile.article_path(1).lstrip("/")
    base = hostile.article_path(1).removesuffix(".shtml")
    for n in range(1, 40):
        page = first if n == 1 else first.with_name(f"{first.stem}_{n}.shtml")
        text = hostile.faults.article_html(f"长文 第{n}页").replace(
            "</body>", f'<a href="{base}_{n + 1}.shtml">下一页</a></body>'
        )
        page.write_text(text, encoding="utf-8")
    with hostile.serve(root, {}) as server:
        summary = run_sync(store, server)
    assert summary.ok, summary
    assert [problem.url for problem in summary.limited] == [urls[0]]
    assert "more than 30 pages" in summary.limited[0].reason
    assert len(store.kept_pages(urls[0])) == sync_module.MAX_ARTICLE_PAGES


def test_processes_opening_a_new_cache_at_once_all_succeed(tmp_path):
    command = [sys.executable, "-m", "gansureader.cli", "status", "--json"]
    for round_ in range(10):
        folder = tmp_path / f"cache{round_}"
        processes = [
            subprocess.Popen(
                [*command, "--data-dir", str(folder)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
            )
            for _ in range(2)
        ]
        try:
            errors = [process.communicate(timeout=60)[1] for process in processes]
        finally:
            for process in processes:
                process.kill()
                process.wait(timeout=10)
        assert [process.returncode for process in processes] == [0, 0], errors
        with Store(folder) as opened:
            assert len(opened.channels()) > 40


def test_a_sync_through_a_server_failing_at_random_stores_only_whole_pages(tmp_path):
    """Half the answers fail, each in one of a dozen ways, in whatever order the sync's
    threads meet them: three syncs and a re-check of everything later, every article and
    picture stored is the one the site holds, none is marked 已更新, the cache is whole."""
    with MirrorServer(demo_site()) as clean, Store(tmp_path / "site") as site:
        fetcher = Fetcher(clean.url)
        SyncEngine(site, fetcher).run(demo_channels(), pages=2)
        fetcher.close()
        expected = {row.url: site.article(row.url) for row in site.articles(limit=1000)}
        pictures = {
            url: site.image_path(url).read_bytes()
            for article in expected.values()
            for url in article.picture_urls()
            if site.image_path(url)
        }
    with (
        hostile.serve(demo_site(), {"*": hostile.chaotic(seed=13)}) as server,
        Store(tmp_path / "cache") as store,
    ):
        for recheck in (False, False, False, True):
            fetcher = Fetcher(server.url, backoff=0.01, timeout=(2.0, 2.0), deadline=10.0)
            try:
                summary = SyncEngine(store, fetcher).run(
                    demo_channels(), pages=2, recheck_days=100_000 * recheck, recheck_now=recheck
                )
            finally:
                fetcher.close()
            assert summary.updated == 0 and summary.rechecks.revised == [], summary
        stored = {row.url: store.article(row.url) for row in store.articles(limit=1000)}
        assert len(stored) > len(expected) // 2  # the chaos let most through
        for url, article in stored.items():
            assert (article.title, article.body) == (expected[url].title, expected[url].body), url
        kept = [url for url in pictures if store.image_path(url)]
        assert kept and all(store.image_path(url).read_bytes() == pictures[url] for url in kept)
        assert_consistent(store)
