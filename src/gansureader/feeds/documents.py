"""The feed documents of one cache, by path: what the server answers and the export
writes. Built on demand; the last few are kept until the cache changes (SQLite's
data_version tells), so a feed reader polling every few minutes costs one query and a
server holds a few documents, never the archive."""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from dataclasses import dataclass

from ..model import Channel
from ..store import EXTENSIONS, Store
from .atom import Pages, archive_path, atom_feed, feed_pages
from .catalog import OPML_PATH, SITE_NAME, Feed, catalog
from .opml import opml_document

ATOM_TYPE = "application/atom+xml; charset=utf-8"
OPML_TYPE = "text/x-opml; charset=utf-8"
_PICTURE_PATH = re.compile(r"/pictures/([0-9a-f]{64})\.(?:jpg|png|gif|webp)")
_ARCHIVE_PATH = re.compile(r"(.+)/([1-9][0-9]{0,8})\.atom")
KEPT_DOCUMENTS = 16  # built documents kept for the next request (each at most two pages)


@dataclass(frozen=True)
class Document:
    data: bytes
    content_type: str
    etag: str


class FeedDocuments:
    """Answers paths of ``base_url`` from ``store``; ``channels`` limits the channel feeds
    (the demo's own), None: every channel of the store."""

    def __init__(self, store: Store, base_url: str, channels: list[Channel] | None = None):
        self.store, self.base_url, self.channels = store, base_url.rstrip("/"), channels
        self._built: OrderedDict[str, Document] = OrderedDict()
        self._pages: dict[str, Pages] = {}  # feed path → how it splits, until the cache changes
        self._feeds: list[Feed] | None = None
        self._version: int | None = None
        self.pictures_shown: set[str] = set()  # paths of the pictures the feeds built show

    def feeds(self) -> list[Feed]:
        self._follow_the_cache()
        if self._feeds is None:
            channels = self.channels if self.channels is not None else self.store.channels()
            sources = [source for source, _, _ in self.store.rankings()]
            self._feeds = catalog(channels, sources, self.store.follows())
        return self._feeds

    def document(self, path: str) -> Document | None:
        """The feed, OPML or picture at ``path``; None for anything else."""
        self._follow_the_cache()
        if path in self._built:
            self._built.move_to_end(path)
            return self._built[path]
        document = self._build(path)
        if document is not None and not path.startswith("/pictures/"):
            self._built[path] = document
            while len(self._built) > KEPT_DOCUMENTS:
                self._built.popitem(last=False)
        return document

    def rebuild_recent(self) -> int:
        """After the cache changed: build again the documents asked for lately (the last
        KEPT_DOCUMENTS), so the feed readers that poll them find them ready. How many."""
        recent = list(self._built)
        self._follow_the_cache()
        return sum(self.document(path) is not None for path in recent)

    def forget(self, path: str) -> None:
        """Drop a built document (the export writes one and moves on)."""
        self._built.pop(path, None)

    def pages(self, feed: Feed) -> Pages | None:
        """How ``feed`` splits into its newest document and its archived pages."""
        self._follow_the_cache()
        if feed.path not in self._pages:
            self._pages[feed.path] = feed_pages(self.store, feed)
        return self._pages[feed.path]

    def archive_paths(self, feed: Feed) -> list[str]:
        """The paths of the feed's archived pages, the oldest first."""
        pages = self.pages(feed)
        return [archive_path(feed, n) for n in range(1, (pages.archived if pages else 0) + 1)]

    def _follow_the_cache(self) -> None:
        """Forget what was built when another connection changed the cache."""
        version = self.store.data_version()
        if version != self._version:
            self._built.clear()
            self._pages.clear()
            self._feeds = None
            self._version = version

    def picture_path(self, url: str) -> str | None:
        """The path a cached picture is served at; None if the cache lacks it."""
        digest = self.store.image_digest(url)
        found = self.store.image_file(digest) if digest else None
        return f"/pictures/{digest}{EXTENSIONS.get(found[1], '')}" if found else None

    def _build(self, path: str) -> Document | None:
        if path in ("/", OPML_PATH):
            data = opml_document(self.feeds(), self.base_url, f"{SITE_NAME} (gansureader)")
            return _document(data, OPML_TYPE)
        if picture := _PICTURE_PATH.fullmatch(path):
            return self._picture(picture.group(1))
        archived = _ARCHIVE_PATH.fullmatch(path)
        for feed in self.feeds():
            if feed.path == path:
                page = None
            elif archived and f"{archived.group(1)}.atom" == feed.path:
                page = int(archived.group(2))
            else:
                continue
            pages = self.pages(feed)
            if page is not None and (pages is None or page > pages.archived):
                return None  # a page this feed does not have (or a ranking's, which has none)
            data = atom_feed(self.store, feed, self.base_url, self._picture_address, page, pages)
            return _document(data, ATOM_TYPE)
        return None

    def _picture_address(self, url: str) -> str | None:
        path = self.picture_path(url)
        if path is None:
            return None
        self.pictures_shown.add(path)
        return self.base_url + path

    def _picture(self, digest: str) -> Document | None:
        found = self.store.image_file(digest)
        if found is None:
            return None
        try:
            data = found[0].read_bytes()
        except OSError:
            return None  # forgotten on disk: `gansureader check` mends the cache
        return Document(data, found[1], f'"{digest[:32]}"')


def _document(data: bytes, content_type: str) -> Document:
    return Document(data, content_type, f'"{hashlib.sha256(data).hexdigest()[:32]}"')
