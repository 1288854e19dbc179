"""One feed of the catalog as Atom 1.0, written by feedgen from the cache.

Each entry carries the whole article (never cut as the window cuts), its pictures
pointing at copies served beside the feed, the article's own date, its URL as the
entry id, 来源 as author and category, 编辑 and 作者 as contributors and categories. The
document depends only on the cache, never on the clock, so its ETag changes only
when what it says does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timezone

from .. import __version__
from ..model import ArticlePage
from ..render import body_html, footer_html, header_html, relink_pictures
from ..sanitize import sanitize_html
from ..store import Store
from .catalog import SITE_NAME, Feed

# 全部 and each 关注 carry the newest articles only: a feed of 50 000 whole articles would
# be hundreds of megabytes that no reader wants; every channel feed is complete.
ALL_ENTRIES = 1000
_EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)  # an empty feed's date, fixed for its ETag
# What XML 1.0 cannot hold; pages carry such bytes now and then.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def atom_feed(
    store: Store, feed: Feed, self_url: str, picture_address: Callable[[str], str | None]
) -> bytes:
    """The feed as Atom XML; ``picture_address`` gives a cached picture's served address."""
    from feedgen.feed import FeedGenerator  # here: the window starts without it

    generator = FeedGenerator()
    generator.id(f"tag:gansureader,2024:{feed.path}")
    generator.title(_clean(feed.title))
    generator.link(href=feed.site_url, rel="alternate")
    generator.link(href=self_url, rel="self")
    generator.language("zh-CN")
    generator.generator("gansureader", version=__version__)
    newest = _EPOCH
    for article, rank, stored, revised in _entries(store, feed):
        entry = generator.add_entry(order="append")
        entry.id(article.url)
        entry.link(href=article.url, rel="alternate")
        title = f"{rank}. {article.title}" if rank else article.title
        entry.title(_clean(title))
        when = revised or article.published_at or stored  # 已更新: the time of the change
        newest = max(newest, when)
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
    generator.updated(newest)
    return generator.atom_str(pretty=False)


def _entries(store: Store, feed: Feed) -> list[tuple]:
    """(article, rank in a 新闻排行, when the cache got it, when it changed if it did) of
    each entry, in feed order."""
    if feed.ranking_source is not None:
        return _ranking_entries(store, feed.ranking_source)
    if feed.channel is not None:
        rows = store.whole_articles(feed.channel)
    elif feed.starred:
        rows = store.whole_articles(starred_only=True)
    elif feed.follow is not None:
        rows = store.whole_articles(follow=feed.follow, limit=ALL_ENTRIES)
    else:
        rows = store.whole_articles(limit=ALL_ENTRIES)
    return [(article, None, stored, revised) for article, stored, revised in rows]


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
