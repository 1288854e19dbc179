"""Frozen dataclasses shared by every layer: what a parsed page is.

The parser returns these, the store will round-trip them and the CLI prints their
``to_dict()``. Key order in ``to_dict()`` is the JSON shape the project promises.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime


@dataclass(frozen=True)
class Image:
    url: str
    caption: str | None = None

    def to_dict(self) -> dict:
        return {"url": self.url, "caption": self.caption}


@dataclass(frozen=True)
class Recommendation:
    """One item of a page's 精彩推荐 panel."""

    title: str
    url: str
    image: str | None = None

    def to_dict(self) -> dict:
        return {"title": self.title, "url": self.url, "image": self.image}


@dataclass(frozen=True)
class RankItem:
    """One line of a page's 新闻排行 panel."""

    rank: int
    title: str
    url: str

    def to_dict(self) -> dict:
        return {"rank": self.rank, "title": self.title, "url": self.url}


@dataclass(frozen=True)
class ListItem:
    """One article link on a channel list page; ``date`` is ISO ``YYYY-MM-DD``."""

    title: str
    url: str
    date: str | None = None

    def to_dict(self) -> dict:
        return {"title": self.title, "url": self.url, "date": self.date}


@dataclass(frozen=True)
class ArticlePage:
    url: str
    title: str
    published_at: datetime | None
    source: str | None = None
    editor: str | None = None
    author: str | None = None
    breadcrumb: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    contributor: str | None = None
    recommendations: tuple[Recommendation, ...] = ()
    ranking: tuple[RankItem, ...] = ()
    next_page: str | None = None

    kind = "article"

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "url": self.url,
            "title": self.title,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "source": self.source,
            "editor": self.editor,
            "author": self.author,
            "breadcrumb": list(self.breadcrumb),
            "paragraphs": list(self.paragraphs),
            "images": [image.to_dict() for image in self.images],
            "contributor": self.contributor,
            "recommendations": [item.to_dict() for item in self.recommendations],
            "ranking": [item.to_dict() for item in self.ranking],
            "next_page": self.next_page,
        }


@dataclass(frozen=True)
class ListingPage:
    url: str
    title: str
    items: tuple[ListItem, ...] = ()
    next_page: str | None = None

    kind = "listing"

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "url": self.url,
            "title": self.title,
            "items": [item.to_dict() for item in self.items],
            "next_page": self.next_page,
        }


@dataclass(frozen=True)
class NotFoundPage:
    """The site's soft 404: a 200 response whose page says 页面没有找到."""

    url: str

    kind = "not_found"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "url": self.url}


@dataclass(frozen=True)
class RedirectPage:
    """A stub page that only holds a meta refresh to ``target``."""

    url: str
    target: str

    kind = "redirect"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "url": self.url, "target": self.target}


Page = ArticlePage | ListingPage | NotFoundPage | RedirectPage


def merge_pages(pages: list[ArticlePage]) -> ArticlePage:
    """One article from the pages of a multi-page article, in reading order.

    Text and pictures run on; everything else (title, meta, panels) is the first page's.
    """
    first = pages[0]
    if len(pages) == 1:
        return replace(first, next_page=None)
    return replace(
        first,
        paragraphs=tuple(p for page in pages for p in page.paragraphs),
        images=tuple(dict.fromkeys(image for page in pages for image in page.images)),
        contributor=next((p.contributor for p in reversed(pages) if p.contributor), None),
        editor=first.editor or next((p.editor for p in pages if p.editor), None),
        next_page=None,
    )


@dataclass(frozen=True)
class Channel:
    """A list page of the site that sync reads for new articles."""

    name: str
    url: str
    group: str = ""
    builtin: bool = True

    def to_dict(self) -> dict:
        return {"name": self.name, "url": self.url, "group": self.group, "builtin": self.builtin}


@dataclass(frozen=True)
class ArticleSummary:
    """A row of the article list: what a list or search result shows."""

    url: str
    title: str
    published_at: datetime | None
    channel: str | None
    source: str | None = None
    read: bool = False
    starred: bool = False
    snippet: str | None = None  # search results: text around the match, matches in 【】

    def to_dict(self) -> dict:
        data = {
            "url": self.url,
            "title": self.title,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "channel": self.channel,
            "source": self.source,
            "read": self.read,
            "starred": self.starred,
        }
        if self.snippet is not None:
            data["snippet"] = self.snippet
        return data
