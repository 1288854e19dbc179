"""An article's pages as fetched, kept compressed so the cache can be parsed again offline.

Every page of a multi-page article is kept, in reading order; they are replaced
whenever the article is fetched again, in the same transaction as the article.
"""

from __future__ import annotations

import sqlite3
import zlib

from ..model import KeptPage

# zlib's default level: pages shrink about fivefold; higher levels gain little here.
_LEVEL = 6


def keep(db: sqlite3.Connection, article_id: int, pages: list[KeptPage]) -> None:
    db.execute("DELETE FROM article_pages WHERE article_id = ?", (article_id,))
    db.executemany(
        "INSERT INTO article_pages (article_id, position, url, charset, data) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            (article_id, position, page.url, page.charset, zlib.compress(page.data, _LEVEL))
            for position, page in enumerate(pages)
        ],
    )


def kept(db: sqlite3.Connection, article_id: int) -> list[KeptPage]:
    rows = db.execute(
        "SELECT url, charset, data FROM article_pages WHERE article_id = ? ORDER BY position",
        (article_id,),
    )
    return [KeptPage(url, zlib.decompress(data), charset) for url, charset, data in rows]


def has_kept(db: sqlite3.Connection, article_id: int) -> bool:
    row = db.execute(
        "SELECT 1 FROM article_pages WHERE article_id = ? LIMIT 1", (article_id,)
    ).fetchone()
    return row is not None
