"""One feed of the catalog as Atom 1.0, written by feedgen from the cache: its
subscription document and its archive (RFC 5005).

A feed of articles carries its newest entries (PAGE_ENTRIES to twice that); the older
ones are in archived pages of PAGE_ENTRIES each, numbered from the oldest, linked by
``prev-archive`` from the newest back, each marked ``fh:archive`` — so a document never
holds more than a page's worth of articles, a feed reader can page back through the
whole archive, and a full page stays as it is while nothing on it changes.

Each entry carries the whole article (never cut as the window cuts), its pictures
pointing at copies served beside the feed, the article's own date, its URL as the
entry id, 来源 as author and category, 编辑 and 作者 as contributors and categories. The
document depends only on the cache, never on the clock, so its ETag changes only
when what it says does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import quote

from .. import __version__
from ..model import ArticlePage
from ..render import body_html, footer_html, header_html, relink_pictures
from ..sanitize import sanitize_html
from ..store import Store
from .catalog import SITE_NAME, Feed

PAGE_ENTRIES = 200  # an archived page's entries, and the fewest the newest document holds
HISTORY = "http://purl.org/syndication/history/1.0"  # RFC 5005's namespace
_EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)  # an empty feed's date, fixed for its ETag
# What XML 1.0 cannot hold; pages carry such bytes now and then.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class Pages:
    """How a feed of articles splits: ``ids`` oldest first, the oldest ``archived``
    pages of PAGE_ENTRIES in the archive, the rest (the newest) in the feed itself."""

    ids: list[int]
    archived: int

    def page(self, number: int) -> list[int]:
        """The ids of archived page ``number`` (1: the oldest), newest first."""
        return self.ids[(number - 1) * PAGE_ENTRIES : number * PAGE_ENTRIES][::-1]

    def newest(self) -> list[int]:
        return self.ids[self.archived * PAGE_ENTRIES :][::-1]


def feed_pages(store: Store, feed: Feed) -> Pages | None:
    """How the feed splits into pages; None for a 新闻排行 feed (a ranking, never long)."""
    if feed.ranking_source is not None:
        return None
    ids = store.feed_ids(feed.channel, starred_only=feed.starred, follow=feed.follow)
    return Pages(ids, max(len(ids) - PAGE_ENTRIES, 0) // PAGE_ENTRIES)


def archive_path(feed: Feed, number: int) -> str:
    """/feeds/channel/gansu-gsyw.atom → /feeds/channel/gansu-gsyw/3.atom"""
    return f"{feed.path.removesuffix('.atom')}/{number}.atom"


def atom_feed(
    store: Store,
    feed: Feed,
    base_url: str,
    picture_address: Callable[[str], str | None],
    page: int | None = None,
    pages: Pages | None = None,
) -> bytes:
    """The feed's newest document, or (``page``) one of its archived pages, as Atom XML;
    ``picture_address`` gives a cached picture's served address. ``pages``: how the
    feed splits, if the caller knows already."""
    from feedgen.feed import FeedGenerator  # here: the window starts without it

    pages = pages or feed_pages(store, feed)
    generator = FeedGenerator()
    generator.id(f"tag:gansureader,2024:{feed.path}")  # one feed, whichever document
    generator.title(_clean(feed.title))
    generator.link(href=feed.site_url, rel="alternate")
    current = feed.url(base_url)
    generator.link(href=base_url + quote(archive_path(feed, page)) if page else current, rel="self")
    if page:
        generator.link(href=current, rel="current")
    older = (page or pages.archived + 1) - 1 if pages else 0
    if older:
        generator.link(href=base_url + quote(archive_path(feed, older)), rel="prev-archive")
    generator.language("zh-CN")
    generator.generator("gansureader", version=__version__)
    newest = _EPOCH
    for article, rank, stored, revised in _entries(store, feed, pages, page):
        newest = max(newest, _add_entry(generator, article, rank, stored, revised, picture_address))
    generator.updated(newest)
    data = generator.atom_str(pretty=False)
    return _mark_archived(data) if page else data


def _add_entry(generator, article, rank, stored, revised, picture_address) -> datetime:
    """One entry; the time it carries as ``updated``."""
    entry = generator.add_entry(order="append")
    entry.id(article.url)
    entry.link(href=article.url, rel="alternate")
    title = f"{rank}. {article.title}" if rank else article.title
    entry.title(_clean(title))
    when = revised or article.published_at or stored  # 已更新: the time of the change
    entry.updated(when)
    if article.published_at:
        entry.published(article.published_at)
    entry.author({"name": _clean(article.source or SITE_NAME)})
    for person in (article.editor, article.author):
        if person:
            entry.contributor({"name": _clean(person)})
    labelled = (("来源", article.source), ("编辑", article.editor), ("作者", article.author))
    for label, value in labelled:
        if value:
            entry.category(term=_clean(value), label=_clean(f"{label}：{value}"))
    if article.body:
        entry.content(_clean(_content(article, picture_address)), type="html")
    else:  # a 新闻排行 line whose article is not cached yet
        entry.summary(_clean("未缓存：在浏览器中阅读"))
    return when


def _mark_archived(data: bytes) -> bytes:
    """An archived page says so (RFC 5005 §4): <fh:archive/> first in the feed."""
    start = data.index(b"<feed")
    end = data.index(b">", start)
    mark = f' xmlns:fh="{HISTORY}"><fh:archive/'.encode()
    return data[:end] + mark + data[end:]


def _entries(store: Store, feed: Feed, pages: Pages | None, page: int | None) -> list[tuple]:
    """(article, rank in a 新闻排行, when the cache got it, when it changed if it did) of
    each entry, in feed order."""
    if pages is None:
        return _ranking_entries(store, feed.ranking_source)
    ids = pages.page(page) if page else pages.newest()
    return [
        (article, None, stored, revised)
        for article, stored, revised in store.whole_articles_of(ids)
    ]


def _ranking_entries(store: Store, source: str) -> list[tuple]:
    """The source's latest 新闻排行, in rank order; a line not cached is title and link."""
    entries = []
    for ranking_source, seen, items in store.rankings():
        if ranking_source != source:
            continue
        seen_at = datetime.fromisoformat(seen)
        for item, _ in items:
            article = store.article(item.url) or ArticlePage(item.url, item.title, None)
            entries.append((article, item.rank, seen_at, None))
    return entries


def _content(article: ArticlePage, picture_address: Callable[[str], str | None]) -> str:
    """The entry's content: the meta line (作者 too), the whole body, the 供稿 line."""
    parts = [*header_html(article), *body_html(article, whole=True), *footer_html(article)]
    return relink_pictures(sanitize_html("".join(parts)), picture_address)


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)
