"""The feeds as static files: ``DIR/feeds/…atom`` with their archived pages, the pictures
they show in ``DIR/pictures/`` and ``DIR/feeds.opml`` — for a feed reader that reads
files, or to put on a web server (``base_url``). Each file is written whole or not at
all, and only when what it says changed: an archived page whose entries did not change
(its fingerprint, in ``DIR/feeds/.pages.json``, says so without building it) is not
built again, so a second export costs what changed since the first, and one document
is in memory at a time.
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import __version__
from ..export import write_atomically
from ..model import Channel
from ..store import Store
from .atom import archive_path
from .documents import FeedDocuments

OPML_FILE = "feeds.opml"
FINGERPRINTS = "feeds/.pages.json"  # archived page → what it was built from


def export_feeds(
    store: Store, folder: Path, base_url: str | None = None, channels: list[Channel] | None = None
) -> tuple[int, int]:
    """Write every feed, its archive and the pictures they show into ``folder``:
    (feeds, pictures)."""
    folder = Path(folder)
    base_url = base_url or folder.resolve().as_uri()
    documents = FeedDocuments(store, base_url, channels)
    built = _fingerprints(folder)
    kept: dict[str, str] = {}
    feeds = documents.feeds()
    for feed in feeds:
        _write_if_changed(documents.document(feed.path).data, folder / feed.path.lstrip("/"))
        pages = documents.pages(feed)
        for number, path in enumerate(documents.archive_paths(feed), 1):
            target = folder / path.lstrip("/")
            made_from = f"{__version__} {base_url} {store.feed_fingerprint(pages.page(number))}"
            if built.get(path) != made_from or not target.is_file():
                _write_if_changed(documents.document(path).data, target)
                documents.forget(path)  # one document in memory at a time
            kept[path] = made_from
        _remove_pages_beyond(folder, feed, pages.archived if pages else 0)
    _write_if_changed(documents.document("/opml").data, folder / OPML_FILE)
    write_atomically(json.dumps(kept, ensure_ascii=False, indent=0).encode(), folder / FINGERPRINTS)
    written = 0
    for path in sorted(documents.pictures_shown):
        target = folder / path.lstrip("/")
        picture = None if target.exists() else documents.document(path)
        if picture is not None:
            write_atomically(picture.data, target)
        written += target.exists()
    return len(feeds), written


def _fingerprints(folder: Path) -> dict[str, str]:
    """What the last export built each archived page from; {} when unknown or unreadable."""
    try:
        found = json.loads((folder / FINGERPRINTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _write_if_changed(data: bytes, target: Path) -> None:
    try:
        if target.is_file() and target.read_bytes() == data:
            return  # its time stays: a reader or a web server sees nothing new
    except OSError:
        pass  # unreadable: written again
    write_atomically(data, target)


def _remove_pages_beyond(folder: Path, feed, archived: int) -> None:
    """Archived pages the feed no longer has (the cache was cleaned up) go."""
    number = archived + 1
    while (page := folder / archive_path(feed, number).lstrip("/")).is_file():
        page.unlink()
        number += 1
