"""A cache made by the previous release moves forward with nothing lost, and the cache's
kept pages are parsed again without the network.

``fixtures/caches/v1_demo.sqlite3.gz`` was written by release 1's own code: the demo
site synced (50 articles, 80 pictures), five articles read and three starred.
"""

import dataclasses
import gzip
import json
import sqlite3

import pytest

from conftest import DEMO_CHANNELS, FIXTURES
from gansureader.cli import main
from gansureader.model import Heading, Image, Paragraph, Run
from gansureader.parse import PARSER_VERSION
from gansureader.reparse import reparse
from gansureader.store import DATABASE_NAME, Store
from gansureader.store.schema import SCHEMA_VERSION

V1_CACHE = FIXTURES / "caches" / "v1_demo.sqlite3.gz"
FIRST = "http://gansu.gscn.com.cn/system/2024/05/20/013200001.shtml"


@pytest.fixture
def v1_cache(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / DATABASE_NAME).write_bytes(gzip.decompress(V1_CACHE.read_bytes()))
    return folder


def facts(folder):
    """What a reader has in the cache, read with plain SQL."""
    db = sqlite3.connect(folder / DATABASE_NAME)
    try:
        return {
            "articles": {
                url: (title, read, starred, recs, rank)
                for url, title, read, starred, recs, rank in db.execute(
                    "SELECT url, title, read, starred, recommendations_id, ranking_id FROM articles"
                )
            },
            "snapshots": db.execute("SELECT count(*) FROM panel_items").fetchone()[0],
            "pictures": sorted(db.execute("SELECT url, sha256 FROM images").fetchall()),
            "channels": sorted(db.execute("SELECT channel_id, article_id FROM channel_articles")),
            "validators": db.execute("SELECT count(*) FROM validators").fetchone()[0],
        }
    finally:
        db.close()


def test_a_release_1_cache_keeps_everything_and_gains_a_body(v1_cache):
    db = sqlite3.connect(v1_cache / DATABASE_NAME)
    old_text = {
        url: json.loads(paragraphs)
        for url, paragraphs in db.execute("SELECT url, paragraphs FROM articles")
    }
    old_pictures = {
        url: json.loads(images) for url, images in db.execute("SELECT url, images FROM articles")
    }
    db.close()
    before = facts(v1_cache)
    assert len(before["articles"]) == 50 and len(before["pictures"]) == 80

    with Store(v1_cache) as store:
        assert facts(v1_cache) == before  # read, starred, panels, pictures, channels
        assert store.count_articles(unread_only=True) == 45
        assert store.unread_counts().all == 45 and store.count_articles() == 50  # schema 9
        assert store.count_articles(starred_only=True) == 3
        for url, paragraphs in old_text.items():
            article = store.article(url)
            assert list(article.paragraphs) == paragraphs
            assert [(i.url, i.caption) for i in article.images] == [
                (i["url"], i["caption"]) for i in old_pictures[url]
            ]
            if article.images:  # shown where the old reader showed them: after the lead
                assert isinstance(article.body[0], Paragraph)
                assert isinstance(article.body[1], Image)
        # The search index was rebuilt over the body, captions included:
        assert store.search("天水")
        caption = next(i["caption"] for p in old_pictures.values() for i in p if i["caption"])
        assert store.search(caption[:4])
        # Stored before pages were kept: the next sync fetches every one of them again.
        assert sorted(store.pending()) == sorted(old_text)

    db = sqlite3.connect(v1_cache / DATABASE_NAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def test_reparse_without_kept_pages_says_the_next_sync_fetches_them(v1_cache, capsys):
    code = main(["reparse", "--data-dir", str(v1_cache)])
    out = capsys.readouterr().out
    assert code == 0
    assert "0 changed" in out and "50 article(s) were stored before pages were kept" in out


def test_the_next_sync_keeps_pages_and_reparse_then_works_offline(v1_cache, demo_server):
    from gansureader.net import Fetcher
    from gansureader.sync import SyncEngine

    before = facts(v1_cache)
    with Store(v1_cache) as store:
        fetcher = Fetcher(demo_server.url)
        channels = [store.find_channel(name) for name in DEMO_CHANNELS]
        summary = SyncEngine(store, fetcher).run(channels)
        fetcher.close()
        assert summary.ok and store.pending() == []
        assert len(store.kept_pages(FIRST)) == 2  # both pages of the two-page article
        urls, without = store.reparse_candidates()
        assert len(urls) == 50 and without == 0
        after = facts(v1_cache)
        for url, (_title, read, starred, *_panels) in before["articles"].items():
            assert after["articles"][url][1:3] == (read, starred), url
    # The server is not asked again: every article parses from its kept pages.
    with Store(v1_cache) as store:
        result = reparse(store)
        assert (result.changed, result.unchanged, result.failed) == (0, 50, [])


def test_articles_an_older_parser_read_are_read_again(store, demo_server):
    from gansureader.net import Fetcher
    from gansureader.sync import SyncEngine

    fetcher = Fetcher(demo_server.url)
    channels = [store.find_channel(name) for name in DEMO_CHANNELS[:1]]
    SyncEngine(store, fetcher).run(channels, pages=1)
    fetcher.close()
    good = store.article(FIRST)
    store.set_starred(FIRST)
    flat = dataclasses.replace(good, body=(Paragraph((Run("旧的解析结果。"),)),))
    store.replace_parsed(flat, PARSER_VERSION - 1)
    assert store.article(FIRST).paragraphs == ("旧的解析结果。",)
    assert store.search("旧的解析")

    result = reparse(store, outdated_only=True)
    assert result.changed == 1 and result.unchanged == 0  # only the outdated one is read
    again = store.article(FIRST)
    assert again.body == good.body and again.ranking == good.ranking
    assert store.articles()[0].starred or any(row.starred for row in store.articles())
    assert store.search("旧的解析") == []  # the index followed
    assert reparse(store, outdated_only=True).changed == 0


def test_reparse_reports_pages_that_no_longer_read_as_articles(store):
    from gansureader.model import KeptPage
    from gansureader.parse import parse_page

    page = parse_page(
        (FIXTURES / "policy_table.html").read_bytes(),
        "http://finance.gscn.com.cn/system/2024/06/12/013250100.shtml",
    )
    store.save_article(
        page,
        channels=[],
        validators={},
        pages=[KeptPage(page.url, b"<html><title>x</title><body></body></html>")],
    )
    result = reparse(store)
    assert result.failed and result.failed[0].url == page.url
    assert store.article(page.url).body == page.body  # the stored reading is kept
    assert any(isinstance(block, Heading) for block in store.article(page.url).body)


def test_an_upgrade_cut_short_keeps_its_steps_and_goes_on_at_the_next_start(v1_cache, monkeypatch):
    from gansureader.store import StoreError, schema

    before = facts(v1_cache)
    steps = list(schema.MIGRATIONS)

    def power_cut(db, report=None):
        db.execute("DELETE FROM articles")  # half done when the power goes
        raise KeyboardInterrupt

    monkeypatch.setattr(schema, "MIGRATIONS", (*steps[:5], power_cut, *steps[6:]))
    with pytest.raises((KeyboardInterrupt, StoreError)):
        Store(v1_cache)
    db = sqlite3.connect(v1_cache / DATABASE_NAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 5  # steps 2–5 kept
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 50  # not the half
    db.close()
    monkeypatch.setattr(schema, "MIGRATIONS", tuple(steps))
    with Store(v1_cache) as store:
        assert store.count_articles() == 50
    after = facts(v1_cache)
    assert after["articles"] == before["articles"] and after["pictures"] == before["pictures"]


def test_the_window_shows_how_far_an_upgrade_is(v1_cache, qtbot, monkeypatch):
    from gansureader.ui import upgrade

    seen = []
    original = upgrade.UpgradePage.show_progress

    def show_progress(page, *report):
        original(page, *report)
        seen.append((page.isVisible(), page.status.text(), *report))

    monkeypatch.setattr(upgrade.UpgradePage, "show_progress", show_progress)
    monkeypatch.setattr(upgrade, "SHOW_AFTER_MS", 0)  # shown at once, however quick
    upgrade.prepare_with_progress(v1_cache)
    steps = SCHEMA_VERSION - 1
    assert [report[2:4] for report in seen if report[5] == 0] == [
        (n, steps) for n in range(1, steps + 1)
    ]
    assert (True, f"Step 1 of {steps} · 0 / 50 articles", 1, steps, 0, 50) in seen
    assert any(visible for visible, *_ in seen)  # the page is up while it works
    with Store(v1_cache) as store:
        assert store.count_articles() == 50
    assert upgrade.pending_upgrade(v1_cache / DATABASE_NAME) is None
    reports = len(seen)
    upgrade.prepare_with_progress(v1_cache)  # nothing to upgrade: no page at all
    assert len(seen) == reports


def test_an_article_kept_as_its_first_page_alone_is_fetched_whole_after_the_re_read(
    tmp_path, demo_server
):
    from gansureader.model import KeptPage, merge_pages
    from gansureader.net import Fetcher
    from gansureader.parse import parse_page
    from gansureader.sync import SyncEngine

    fetcher = Fetcher(demo_server.url)
    try:
        page = fetcher.fetch(FIRST)
        with Store(tmp_path / "data") as store:
            # An older parser saw no pager: the first page was kept as the whole article.
            store.save_article(
                merge_pages([parse_page(page.data, FIRST, page.charset)]),
                channels=[],
                validators={FIRST: (page.etag, page.last_modified)},
                pages=[KeptPage(FIRST, page.data, page.charset)],
                parser_version=PARSER_VERSION - 1,
            )
            assert len(store.article(FIRST).paragraphs) == 5
            summary = reparse(store, outdated_only=True)
            assert summary.incomplete == 1 and store.pending() == [FIRST]
            SyncEngine(store, fetcher).run([])
            assert len(store.article(FIRST).paragraphs) == 5 + 3
            assert store.pending() == [] and len(store.kept_pages(FIRST)) == 2
    finally:
        fetcher.close()
