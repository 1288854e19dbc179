"""The cache limit keeps the archive: it counts what is really there and removes no more
than it must, whatever other connections and the WAL are doing."""

import random
import sqlite3
import struct
import zlib
from datetime import datetime, timedelta

import pytest

from gansureader.model import ArticlePage, Channel, Image, KeptPage, Paragraph, Run
from gansureader.parse.dates import BEIJING
from gansureader.store import DATABASE_NAME, Store

CHANNEL = Channel("本网原创", "http://gansu.gscn.com.cn/gsyw/", "甘肃新闻")
WORDS = "甘肃 兰州 天水 酒泉 经济 文化 发展 乡村振兴 黄河 生态 项目 企业 服务 群众".split()
START = datetime(2024, 1, 1, tzinfo=BEIJING)
SHARED = "http://gansu.gscn.com.cn/pic/shared.png"


def png(rng: random.Random, size: int) -> bytes:
    """A picture of about ``size`` bytes that does not compress (like a real photo)."""
    data = bytes(rng.getrandbits(8) for _ in range(size))
    chunk = b"IDAT" + data
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(data))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
        + b"\x00\x00\x00\x00IEND\xaeB`\x82"
    )


def fill(store: Store, count: int, seed: int = 7) -> None:
    """``count`` articles as a sync leaves them: body, kept page, pictures (some shared)."""
    rng = random.Random(seed)
    store.save_image(SHARED, png(rng, 3000), "image/png")
    for n in range(count):
        url = f"http://gansu.gscn.com.cn/system/2024/01/01/0{n:08d}.shtml"
        picture = f"http://gansu.gscn.com.cn/pic/{n}.png"
        text = ["".join(rng.choice(WORDS) for _ in range(rng.randint(40, 160))) for _ in range(5)]
        body = (
            Paragraph((Run(text[0]),)),
            Image(picture, "图为现场。"),
            Image(SHARED),
            *(Paragraph((Run(t),)) for t in text[1:]),
        )
        page = "<html><body>" + "".join(f"<p>{t}</p>" for t in text) + "</body></html>"
        published = START + timedelta(hours=n)
        article = ArticlePage(url, f"第{n}篇 {text[0][:12]}", published, body=body)
        store.save_article(
            article, channels=[CHANNEL], validators={}, pages=[KeptPage(url, page.encode())]
        )
        store.save_image(picture, png(rng, rng.randint(1000, 4000)), "image/png")


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("limit")
    with Store(folder) as store:
        fill(store, 600)
    return folder


@pytest.fixture
def cache(filled, tmp_path):
    import shutil

    shutil.copytree(filled, tmp_path / "cache")
    return tmp_path / "cache"


def test_half_the_size_keeps_about_half_and_a_second_clean_up_removes_nothing(cache):
    window = Store(cache)  # the window's connection stays open throughout, as in the app
    worker = Store(cache)
    try:
        window.count_articles()
        total = worker.count_articles()
        limit = worker.size_bytes() // 2
        removed = worker.clean_up(limit)
        assert worker.size_bytes() <= limit
        kept = total - removed
        assert 0.40 * total <= kept <= 0.55 * total, (kept, total)
        assert worker.clean_up(limit) == 0
        assert window.count_articles() == kept
    finally:
        worker.close()
        window.close()


def test_a_large_wal_held_by_a_reader_is_not_counted(cache):
    reader = sqlite3.connect(cache / DATABASE_NAME)
    with Store(cache) as store:
        limit = int(store.size_bytes() * 0.8)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM articles").fetchone()  # holds the WAL open
        removed = store.clean_up(limit)
        wal = (cache / (DATABASE_NAME + "-wal")).stat().st_size
        assert wal > limit // 4  # VACUUM wrote the database into it; the reader kept it
        assert 0 < removed <= 0.3 * store.count_articles() + removed
        assert store.clean_up(limit) == 0
    reader.close()


def test_the_size_counts_the_pages_in_use_and_the_pictures(cache):
    with Store(cache) as store:
        db = sqlite3.connect(cache / DATABASE_NAME)
        page_size, pages, free = (
            db.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("page_size", "page_count", "freelist_count")
        )
        db.close()
        pictures = sum(p.stat().st_size for p in (cache / "images").rglob("*") if p.is_file())
        assert store.size_bytes() == page_size * (pages - free) + pictures


def test_a_limit_the_cache_already_fits_removes_nothing(cache):
    with Store(cache) as store:
        assert store.clean_up(store.size_bytes() + 1) == 0
        assert store.count_articles() == 600


def test_starred_articles_stay_even_when_the_limit_is_tiny(cache):
    with Store(cache) as store:
        oldest = store.articles(limit=600)[-1].url
        store.set_starred(oldest)
        store.clean_up(1)
        assert [row.url for row in store.articles()] == [oldest]
        assert store.image_path(SHARED) is not None  # the starred article still shows it


def revise(store: Store, url: str, times: int, rng: random.Random) -> None:
    """The site changes the article ``times`` times, each version with a large page."""
    article = store.article(url)
    for n in range(times):
        text = "".join(rng.choice(WORDS) for _ in range(4000))
        body = (*article.body, Paragraph((Run(f"更正{n}：{text}"),)))
        changed = ArticlePage(url, article.title, article.published_at, body=body)
        page = f"<html><body><p>{text}</p>{rng.getrandbits(8 * 4000):x}</body></html>"
        store.save_article(
            changed, channels=[CHANNEL], validators={}, pages=[KeptPage(url, page.encode())]
        )


def test_old_versions_go_before_any_article_and_a_starred_article_keeps_every_one(cache):
    rng = random.Random(3)
    with Store(cache) as store:
        urls = [row.url for row in store.articles(limit=600)]
        revised, starred = urls[:5], urls[5]  # the newest: they would go last
        store.set_starred(starred)
        before = store.size_bytes()
        for url in [starred, *revised]:  # its versions the oldest replaced
            revise(store, url, 4, rng)
        grown = store.size_bytes()
        store.clean_up(grown - (grown - before) // 4)  # the old versions are ~45 % of it
        assert store.count_articles() == 600  # the old versions were enough
        kept = [len(store.revisions(url)) for url in revised]
        assert kept[0] == 2 and kept == sorted(kept)  # the oldest replaced went first…
        assert min(kept) >= 2  # …never the one 查看修改 compares with
        assert store.revision(revised[0], 1).texts()[-1].startswith("更正2")
        assert len(store.revisions(starred)) == 5


def test_a_picture_another_process_is_still_writing_survives_a_clean_up(cache):
    """Another gansureader writes a picture's file before its row commits (and through a
    .partial- file before that): a clean-up or a check in between must not take it."""
    import os
    import time

    with Store(cache) as store:
        images = cache / "images" / "ab"
        images.mkdir(parents=True, exist_ok=True)
        coming = images / ("ab" + "1" * 62)  # its row not committed yet
        partial = images / ".partial-x1y2z3"  # being written
        forgotten = images / ("ab" + "2" * 62)  # no row, and old: an orphan
        for path in (coming, partial, forgotten):
            path.write_bytes(b"\x89PNG\r\n\x1a\n")
        long_ago = time.time() - 24 * 3600
        os.utime(forgotten, (long_ago, long_ago))
        assert store.clean_up(store.size_bytes() // 2) > 0
        assert coming.exists() and partial.exists() and not forgotten.exists()
