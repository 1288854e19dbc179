"""What the feeds read: a feed's articles in the order its pages split them, whole
articles by id a page at a time, and a fingerprint of a page that changes when any
entry on it would (so an export rewrites only the pages that changed).

A mixin of Store: it uses the connection and the lists' filters (a muted follow's
matches are in no channel's feed, as in no channel's list).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from ..model import ArticlePage
from .db import to_datetime
from .rows import article_from_row

_CHUNK = 500  # ids a statement names (SQLite allows 32 766 parameters)


class FeedRows:
    _db: sqlite3.Connection

    def feed_ids(self, channel=None, *, starred_only: bool = False, follow: str | None = None):
        """The ids of a feed's articles (a channel's, the starred, a follow's, or all),
        oldest first: by date, then as stored."""
        where, params = self._filters(channel, False, starred_only, follow)
        rows = self._db.execute(
            f"SELECT a.id FROM articles a {where} ORDER BY a.published_at, a.id", params
        )
        return [row[0] for row in rows]

    def whole_articles_of(
        self, ids: list[int]
    ) -> list[tuple[ArticlePage, datetime, datetime | None]]:
        """The articles ``ids`` in that order, each whole (without its panels), with the
        time its stored text last changed, and that time again if it was a change of an
        earlier version (已更新): what a feed entry carries."""
        found = {}
        for chunk, marks in _chunks(ids):
            rows = self._db.execute(
                "SELECT *, EXISTS (SELECT 1 FROM article_revisions r WHERE r.article_id = a.id) "
                f"AS revised FROM articles a WHERE a.id IN ({marks})",
                chunk,
            )
            for row in rows:
                changed = to_datetime(row["updated_at"])
                found[row["id"]] = (
                    article_from_row(row),
                    changed,
                    changed if row["revised"] else None,
                )
        return [found[n] for n in ids if n in found]

    def feed_fingerprint(self, ids: list[int]) -> str:
        """What a page of these entries depends on, as a digest: each article's stored
        text, whether it changed, and how many of its pictures are cached (an entry
        points at a cached copy) — read without decoding a body."""
        import hashlib  # the feeds': the window starts without it

        digest = hashlib.sha256()
        for chunk, marks in _chunks(ids):
            rows = self._db.execute(
                "SELECT a.id, a.digest, a.updated_at, "
                "EXISTS (SELECT 1 FROM article_revisions r WHERE r.article_id = a.id), "
                "(SELECT count(*) FROM article_pictures p JOIN images i ON i.url = p.url "
                " WHERE p.article_id = a.id) "
                f"FROM articles a WHERE a.id IN ({marks}) ORDER BY a.id",
                chunk,
            )
            for row in rows:
                digest.update(repr(tuple(row)).encode())
        digest.update(repr(ids).encode())
        return digest.hexdigest()


def _chunks(ids: list[int]):
    """``ids`` a statement's worth at a time, each with its placeholders."""
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        yield chunk, ", ".join("?" * len(chunk))
