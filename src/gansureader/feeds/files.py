"""The feeds as static files: ``DIR/feeds/…atom``, the pictures they show in
``DIR/pictures/`` and ``DIR/feeds.opml`` — for a feed reader that reads files, or to
put on a web server (``base_url``). Each file is written whole or not at all."""

from __future__ import annotations

from pathlib import Path

from ..export import write_atomically
from ..model import Channel
from ..store import Store
from .documents import FeedDocuments

OPML_FILE = "feeds.opml"


def export_feeds(
    store: Store, folder: Path, base_url: str | None = None, channels: list[Channel] | None = None
) -> tuple[int, int]:
    """Write every feed and the pictures they show into ``folder``: (feeds, pictures)."""
    folder = Path(folder)
    documents = FeedDocuments(store, base_url or folder.resolve().as_uri(), channels)
    feeds = documents.feeds()
    for feed in feeds:
        write_atomically(documents.document(feed.path).data, folder / feed.path.lstrip("/"))
    write_atomically(documents.document("/opml").data, folder / OPML_FILE)
    written = 0
    for path in sorted(documents.pictures_shown):
        target = folder / path.lstrip("/")
        picture = None if target.exists() else documents.document(path)
        if picture is not None:
            write_atomically(picture.data, target)
        written += target.exists()
    return len(feeds), written
