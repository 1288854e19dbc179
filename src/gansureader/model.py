"""Frozen dataclasses shared by every layer: what a parsed page is.

The parser returns these, the store will round-trip them and the CLI prints their
``to_dict()``. Key order in ``to_dict()`` is the JSON shape the project promises.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of a paragraph's text in one style; ``"\n"`` alone is a line break."""

    text: str
    strong: bool = False
    em: bool = False
    href: str | None = None

    def to_dict(self) -> dict:
        data: dict = {"text": self.text}
        if self.strong:
            data["strong"] = True
        if self.em:
            data["em"] = True
        if self.href:
            data["href"] = self.href
        return data


@dataclass(frozen=True, slots=True)
class Paragraph:
    runs: tuple[Run, ...]

    type = "paragraph"

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    def to_dict(self) -> dict:
        return {"type": self.type, "runs": [run.to_dict() for run in self.runs]}


@dataclass(frozen=True, slots=True)
class Heading:
    """A 小标题: an <h2>–<h4>, or a short paragraph wholly in bold."""

    level: int
    text: str

    type = "heading"

    def to_dict(self) -> dict:
        return {"type": self.type, "level": self.level, "text": self.text}


@dataclass(frozen=True, slots=True)
class Image:
    """A picture of the body, where it stands, with its caption; sizes as the page gave them."""

    url: str
    caption: str | None = None
    width: int | None = None
    height: int | None = None

    type = "image"

    def to_dict(self) -> dict:
        return {
            "type": self.type,
            "url": self.url,
            "caption": self.caption,
            "width": self.width,
            "height": self.height,
        }


@dataclass(frozen=True, slots=True)
class TableRow:
    cells: tuple[str, ...]
    header: bool = False

    def to_dict(self) -> dict:
        data: dict = {"header": True} if self.header else {}
        data["cells"] = list(self.cells)
        return data


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[TableRow, ...]

    type = "table"

    def to_dict(self) -> dict:
        return {"type": self.type, "rows": [row.to_dict() for row in self.rows]}


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A <ul>/<ol>; items of nested lists follow their parent item, in order."""

    ordered: bool
    items: tuple[str, ...]

    type = "list"

    def to_dict(self) -> dict:
        return {"type": self.type, "ordered": self.ordered, "items": list(self.items)}


@dataclass(frozen=True, slots=True)
class Quote:
    text: str

    type = "quote"

    def to_dict(self) -> dict:
        return {"type": self.type, "text": self.text}


@dataclass(frozen=True, slots=True)
class Video:
    """A video's address (played in the browser) and its poster picture, if any."""

    url: str
    poster: str | None = None

    type = "video"

    def to_dict(self) -> dict:
        return {"type": self.type, "url": self.url, "poster": self.poster}


Block = Paragraph | Heading | Image | Table | ListBlock | Quote | Video


def block_from_dict(data: dict) -> Block:
    """The inverse of ``Block.to_dict()``: how the store reads a body back."""
    kind = data["type"]
    if kind == "paragraph":
        return Paragraph(
            tuple(
                Run(r["text"], r.get("strong", False), r.get("em", False), r.get("href"))
                for r in data["runs"]
            )
        )
    if kind == "heading":
        return Heading(data["level"], data["text"])
    if kind == "image":
        return Image(data["url"], data.get("caption"), data.get("width"), data.get("height"))
    if kind == "table":
        return Table(
            tuple(TableRow(tuple(r["cells"]), r.get("header", False)) for r in data["rows"])
        )
    if kind == "list":
        return ListBlock(data["ordered"], tuple(data["items"]))
    if kind == "quote":
        return Quote(data["text"])
    if kind == "video":
        return Video(data["url"], data.get("poster"))
    raise ValueError(f"unknown body block type {kind!r}")


def body_picture_urls(body: tuple[Block, ...]) -> list[str]:
    """The pictures a body shows: its images and its videos' posters, each once."""
    urls = [block.url for block in body if isinstance(block, Image)]
    urls += [block.poster for block in body if isinstance(block, Video) and block.poster]
    return list(dict.fromkeys(urls))


def block_texts(block: Block) -> list[str]:
    """Every piece of text a block shows a reader (what search indexes)."""
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, Heading | Quote):
        return [block.text]
    if isinstance(block, Image):
        return [block.caption] if block.caption else []
    if isinstance(block, Table):
        return [cell for row in block.rows for cell in row.cells if cell]
    if isinstance(block, ListBlock):
        return list(block.items)
    return []


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
    """One line of a page's 新闻排行 panel; ``cut_title`` is the title as the panel cut it,
    where the full one came from elsewhere (the cached article)."""

    rank: int
    title: str
    url: str
    cut_title: str | None = None

    def to_dict(self) -> dict:
        data = {"rank": self.rank, "title": self.title, "url": self.url}
        if self.cut_title is not None:
            data["cut_title"] = self.cut_title
        return data


@dataclass(frozen=True)
class RankRecord:
    """How an article has fared in the 新闻排行: its rank now (None: no longer ranked),
    its best, and on how many days it was seen ranked."""

    current: int | None
    best: int
    days: int

    def line(self) -> str:
        now = f"新闻排行 第 {self.current} 名" if self.current else "曾上新闻排行"
        return f"{now} · 上榜 {self.days} 天 · 最高第 {self.best} 名"


def movement_mark(move: int | None) -> str:
    """↑2 for places gained, ↓1 for places lost, 新 for new to the ranking, – for none."""
    if move is None:
        return "新"
    if move > 0:
        return f"↑{move}"
    if move < 0:
        return f"↓{-move}"
    return "–"


def rank_record(history: list[tuple[str, int, str, str]], current: int | None) -> RankRecord | None:
    """The record from a ranking history of (source, rank, first seen, last seen)."""
    if not history:
        return None
    first = min(datetime.fromisoformat(row[2]) for row in history).date()
    last = max(datetime.fromisoformat(row[3]) for row in history).date()
    return RankRecord(current, min(row[1] for row in history), (last - first).days + 1)


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
    body: tuple[Block, ...] = ()
    contributor: str | None = None
    recommendations: tuple[Recommendation, ...] = ()
    ranking: tuple[RankItem, ...] = ()
    next_page: str | None = None

    kind = "article"

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The body's running text (paragraphs, headings, quotes): the flat view of old."""
        return tuple(
            block.text for block in self.body if isinstance(block, Paragraph | Heading | Quote)
        )

    @property
    def images(self) -> tuple[Image, ...]:
        return tuple(block for block in self.body if isinstance(block, Image))

    def texts(self) -> list[str]:
        """All the body's text a reader sees, in order: what search indexes."""
        return [text for block in self.body for text in block_texts(block)]

    def picture_urls(self) -> list[str]:
        """Every picture the article shows: its body's, video posters, 精彩推荐 thumbnails."""
        thumbnails = [item.image for item in self.recommendations if item.image]
        return list(dict.fromkeys(body_picture_urls(self.body) + thumbnails))

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
            "body": [block.to_dict() for block in self.body],
            "paragraphs": list(self.paragraphs),
            "images": [{"url": image.url, "caption": image.caption} for image in self.images],
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
MAX_ARTICLE_PAGES = 30  # a pager that never ends is a bug on the site, not 1000 pages


def merge_pages(pages: list[ArticlePage]) -> ArticlePage:
    """One article from the pages of a multi-page article, in reading order.

    The bodies run on (a picture a later page repeats is shown once); everything else
    (title, meta, panels) is the first page's.
    """
    first = pages[0]
    if len(pages) == 1:
        return replace(first, next_page=None)
    body, pictures = [], set()
    for block in (block for page in pages for block in page.body):
        if isinstance(block, Image):
            if block.url in pictures:
                continue
            pictures.add(block.url)
        body.append(block)
    return replace(
        first,
        body=tuple(body),
        contributor=next((p.contributor for p in reversed(pages) if p.contributor), None),
        editor=first.editor or next((p.editor for p in pages if p.editor), None),
        next_page=None,
    )


@dataclass(frozen=True)
class KeptPage:
    """A page of an article as fetched: the store keeps it so the parser can read it again."""

    url: str
    data: bytes
    charset: str | None = None


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
    revised_at: datetime | None = None  # when a changed version was seen (已更新)
    removed_at: datetime | None = None  # when the page was first found gone (原文已删除)

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
        if self.revised_at is not None:
            data["revised_at"] = self.revised_at.isoformat()
        if self.removed_at is not None:
            data["removed_at"] = self.removed_at.isoformat()
        return data


@dataclass(frozen=True)
class Follow:
    """A 关注: a named query (store/query.py) over every cached article and each new one,
    limited to ``channels`` (their list-page URLs; none: every channel), to a 来源 that
    contains ``source``, or to titles. ``mute`` hides its matches from the lists;
    ``alerts`` notifies of new ones. The counts are the cache's: 0 until it matched."""

    name: str
    query: str
    channels: tuple[str, ...] = ()
    source: str | None = None
    title_only: bool = False
    mute: bool = False
    alerts: bool = True
    matches: int = 0
    unread: int = 0

    def definition(self) -> tuple:
        """What decides which articles match: the cache matches again when it changes."""
        return (self.query, self.channels, self.source, self.title_only)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "query": self.query,
            "channels": list(self.channels),
            "source": self.source,
            "title_only": self.title_only,
            "mute": self.mute,
            "alerts": self.alerts,
            "matches": self.matches,
            "unread": self.unread,
        }


@dataclass(frozen=True)
class Revision:
    """One version of an article as the cache saw it: ``number`` 1 is the first stored;
    the highest is the one shown. ``seen_at``: when it was stored."""

    number: int
    seen_at: datetime
    current: bool = False

    def to_dict(self) -> dict:
        return {"number": self.number, "seen_at": self.seen_at.isoformat(), "current": self.current}
