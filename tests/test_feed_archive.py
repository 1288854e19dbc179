"""Feeds of a large archive: the newest entries in the feed, the rest in archived pages
(RFC 5005) a feed reader pages back through; every article in exactly one document;
a second export rewrites nothing, and a change rewrites only its page."""

import re
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import feedparser
import pytest
import requests
from lxml import etree

from gansureader.feeds import files
from gansureader.feeds.atom import PAGE_ENTRIES
from gansureader.feeds.server import FeedServer
from gansureader.model import ArticlePage, Channel, Paragraph, Run
from gansureader.parse.dates import BEIJING
from gansureader.store import Store

CHANNEL = Channel("本网原创", "http://gansu.gscn.com.cn/gsyw/", "甘肃新闻")
COUNT = 2 * PAGE_ENTRIES + 250  # two archived pages, and 250 newest in the feed itself
FEED = "feeds/channel/gansu-gsyw.atom"
ARCHIVED = re.compile(r"/[0-9]+\.atom$")


def url(n: int) -> str:
    return f"http://gansu.gscn.com.cn/system/2024/01/01/0{n:08d}.shtml"


def article(n: int, text: str = "") -> ArticlePage:
    body = (Paragraph((Run(text or f"第{n}篇的正文。"),)),)
    published = datetime(2024, 1, 1, tzinfo=BEIJING) + timedelta(hours=n)
    return ArticlePage(url(n), f"第{n}篇", published, source="中国甘肃网", body=body)


@pytest.fixture
def large(tmp_path):
    with Store(tmp_path / "cache") as store:
        for n in reversed(range(COUNT)):  # stored newest first, as a list page lists them
            store.save_article(article(n), channels=[CHANNEL], validators={})
    return tmp_path / "cache"


def walk(first: str) -> list:
    """Every document from the feed back through its prev-archive links, parsed (a file's
    links are read from the XML: feedparser mangles file:/// addresses)."""
    documents, address = [], first
    while address:
        if address.startswith("http"):
            data = requests.get(address, timeout=10).content
        else:
            data = Path(url2pathname(urlsplit(address).path)).read_bytes()
        parsed = feedparser.parse(data)
        assert not parsed.bozo, (address, parsed.get("bozo_exception"))
        documents.append(parsed)
        links = etree.fromstring(data).findall("{http://www.w3.org/2005/Atom}link")
        older = [link.get("href") for link in links if link.get("rel") == "prev-archive"]
        address = older[0] if older else None
    return documents


def test_the_feed_and_its_archive_hold_every_article_once(large, tmp_path):
    out = tmp_path / "out"
    with Store(large) as store:
        files.export_feeds(store, out)
    documents = walk((out / FEED).as_uri())
    assert [len(d.entries) for d in documents] == [250, PAGE_ENTRIES, PAGE_ENTRIES]
    ids = [entry.id for d in documents for entry in d.entries]
    assert ids == [url(n) for n in reversed(range(COUNT))]  # newest first, each once
    newest = documents[0]
    assert not any(link.rel == "current" for link in newest.feed.links)
    for number in (1, 2):
        data = (out / f"feeds/channel/gansu-gsyw/{number}.atom").read_bytes()
        assert (
            b"<fh:archive/>" in data
            and b'xmlns:fh="http://purl.org/syndication/history/1.0"' in data
        )
    all_pages = walk((out / "feeds/all.atom").as_uri())
    assert sum(len(d.entries) for d in all_pages) == COUNT


def test_a_second_export_rewrites_nothing_and_a_change_only_its_page(large, tmp_path, monkeypatch):
    out = tmp_path / "out"
    with Store(large) as store:
        files.export_feeds(store, out)
    written = {path: path.stat().st_mtime_ns for path in out.rglob("*.atom")}
    built = []
    original = files.FeedDocuments.document

    def document(self, path):
        built.append(path)
        return original(self, path)

    monkeypatch.setattr(files.FeedDocuments, "document", document)
    with Store(large) as store:
        files.export_feeds(store, out)
        assert not [path for path in built if ARCHIVED.search(path)]  # no archived page built
        assert {path: path.stat().st_mtime_ns for path in out.rglob("*.atom")} == written
        store.save_article(article(3, "第3篇更正后的正文。"), channels=[CHANNEL], validators={})
        built.clear()
        files.export_feeds(store, out)
    rebuilt = [path for path in built if ARCHIVED.search(path)]
    assert sorted(rebuilt) == ["/feeds/all/1.atom", "/feeds/channel/gansu-gsyw/1.atom"]
    assert (out / "feeds/channel/gansu-gsyw/2.atom").stat().st_mtime_ns == written[
        out / "feeds/channel/gansu-gsyw/2.atom"
    ]
    assert "更正后" in (out / "feeds/channel/gansu-gsyw/1.atom").read_text(encoding="utf-8")


def test_the_server_serves_the_archive_and_no_page_beyond_it(large):
    server = FeedServer(lambda: Store(large), 0, [CHANNEL])
    server.serve_in_background()
    try:
        pages = walk(f"{server.address}/{FEED}")
        assert [len(d.entries) for d in pages] == [250, PAGE_ENTRIES, PAGE_ENTRIES]
        beyond = requests.get(f"{server.address}/feeds/channel/gansu-gsyw/3.atom", timeout=10)
        assert beyond.status_code == 404
    finally:
        server.stop()


def test_after_a_sync_the_feeds_read_lately_are_built_before_anyone_asks(large):
    server = FeedServer(lambda: Store(large), 0, [CHANNEL])
    server.serve_in_background()
    try:
        assert len(walk(f"{server.address}/{FEED}")[0].entries) == 250
        with Store(large) as store:  # the sync, as the window's writer runs it
            store.save_article(article(COUNT), channels=[CHANNEL], validators={})
        server.rebuild_recent()
        server._cache.submit(lambda: None).result(30)  # what was queued before it is done
        ready = server._documents._built[f"/{FEED}"]
        assert url(COUNT).encode() in ready.data  # built, with the new article, unasked
    finally:
        server.stop()


def test_search_results_come_a_page_at_a_time_in_one_order(large, qtbot):
    """The list shows the first screen of hits, and the next as it scrolls."""
    from gansureader.ui.article_list import FIRST_PAGE, ArticleListModel
    from gansureader.ui.reads import Reads

    with Store(large) as store:
        whole = [hit.url for hit in store.search("正文", limit=300)]
        paged = [hit.url for hit in store.search("正文", limit=FIRST_PAGE)]
        paged += [
            hit.url for hit in store.search("正文", limit=300 - FIRST_PAGE, offset=FIRST_PAGE)
        ]
        assert len(whole) == 300 and paged == whole
    window_store = Store(large, read_only=True)
    reads = Reads(large)
    try:
        model = ArticleListModel(window_store, reads)
        model.show_search("正文", lambda error: None)
        qtbot.waitUntil(lambda: model.rowCount() == FIRST_PAGE, timeout=10_000)
        assert model.canFetchMore()
        model.fetchMore()
        qtbot.waitUntil(lambda: model.rowCount() > FIRST_PAGE, timeout=10_000)
        listed = [model.summary(n).url for n in range(model.rowCount())]
        assert listed == whole[: len(listed)]
    finally:
        reads.shut_down()
        window_store.close()
