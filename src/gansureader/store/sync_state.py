"""What a sync left undone, kept in the store so that a kill, a cancel or a failure is
never final: channel walks not completed, articles queued with the reason they
failed, pictures the cache lacks and when each is tried next.

A picture that failed is tried again by the next sync; after that, each further
failure waits longer (an hour, six hours, a day, then a week), so a dead address
costs nothing.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

from .db import now

# After the first failure the next sync tries again; then these waits, the last repeating.
PICTURE_BACKOFF = (
    timedelta(0),
    timedelta(hours=1),
    timedelta(hours=6),
    timedelta(days=1),
    timedelta(days=7),
)


def walk_complete(db: sqlite3.Connection, channel_url: str) -> bool:
    row = db.execute("SELECT complete FROM channel_walks WHERE url = ?", (channel_url,)).fetchone()
    return bool(row and row[0])


def set_walk(db: sqlite3.Connection, channel_url: str, complete: bool, now: str) -> None:
    db.execute(
        "INSERT INTO channel_walks (url, complete, walked_at) VALUES (?, ?, ?) "
        "ON CONFLICT (url) DO UPDATE SET complete = excluded.complete, "
        "walked_at = excluded.walked_at",
        (channel_url, int(complete), now),
    )


def incomplete_walks(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """(channel URL, when it was last walked) of every walk not completed."""
    return db.execute(
        "SELECT url, walked_at FROM channel_walks WHERE complete = 0 ORDER BY url"
    ).fetchall()


def set_pictures(db: sqlite3.Connection, article_id: int, urls: list[str]) -> None:
    db.execute("DELETE FROM article_pictures WHERE article_id = ?", (article_id,))
    db.executemany(
        "INSERT OR IGNORE INTO article_pictures (article_id, url) VALUES (?, ?)",
        [(article_id, url) for url in urls],
    )


_NEEDED = (
    "SELECT url FROM article_pictures UNION "
    "SELECT i.image FROM panel_items i JOIN articles a ON a.recommendations_id = i.snapshot_id "
    "WHERE i.image IS NOT NULL"
)


def missing_pictures(db: sqlite3.Connection, now: datetime) -> tuple[list[str], list[str]]:
    """Pictures an article or its 精彩推荐 panel shows that the cache lacks: those due for a
    try at ``now``, and those waiting after failures."""
    rows = db.execute(
        f"SELECT n.url, f.next_try FROM ({_NEEDED}) AS n "
        "LEFT JOIN picture_failures f ON f.url = n.url "
        "WHERE n.url NOT IN (SELECT url FROM images) ORDER BY n.url"
    ).fetchall()
    stamp = now.isoformat(timespec="seconds")
    due = [url for url, next_try in rows if next_try is None or next_try <= stamp]
    waiting = [url for url, next_try in rows if not (next_try is None or next_try <= stamp)]
    return due, waiting


def picture_failures(db: sqlite3.Connection) -> list[tuple[str, int, str, str]]:
    """(URL, failures, reason, next try) of the pictures that failed and are still missing."""
    return db.execute(
        "SELECT url, failures, reason, next_try FROM picture_failures "
        "WHERE url NOT IN (SELECT url FROM images) ORDER BY next_try, url"
    ).fetchall()


def picture_failed(db: sqlite3.Connection, url: str, reason: str, now: datetime) -> None:
    row = db.execute("SELECT failures FROM picture_failures WHERE url = ?", (url,)).fetchone()
    failures = (row[0] if row else 0) + 1
    wait = PICTURE_BACKOFF[min(failures - 1, len(PICTURE_BACKOFF) - 1)]
    db.execute(
        "INSERT OR REPLACE INTO picture_failures (url, failures, reason, next_try) "
        "VALUES (?, ?, ?, ?)",
        (url, failures, reason, (now + wait).isoformat(timespec="seconds")),
    )


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class SyncBookkeeping:
    """The Store's side of it: validators, the queue, walks and missing pictures.

    A mixin of Store, whose connection (``_db``) and write transaction it uses.
    """

    _db: sqlite3.Connection

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self._db.execute(
            "SELECT etag, last_modified FROM validators WHERE url = ?", (url,)
        ).fetchone()
        return (row["etag"], row["last_modified"]) if row else (None, None)

    def save_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self._write():
            self._save_validators(url, etag, last_modified, now())

    def queue(self, url: str, reason: str | None = None, failed: bool = True) -> None:
        """Remember an article to fetch at the next sync: asked for while offline, failed
        (``reason`` says why; every failure counts an attempt), or left for the next sync
        by a bound (``failed=False``: not an attempt)."""
        with self._write():
            self._db.execute(
                "INSERT INTO pending (url, queued_at, reason, attempts) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (url) DO UPDATE SET reason = excluded.reason, "
                "attempts = attempts + excluded.attempts",
                (url, now(), reason, int(failed and reason is not None)),
            )

    def note_limit(self, url: str, reason: str) -> None:
        """A bound the running sync hit at ``url`` (a list too long, a host's share used up)."""
        with self._write():
            self._db.execute(
                "INSERT OR REPLACE INTO sync_limits (url, reason, noted_at) VALUES (?, ?, ?)",
                (url, reason, now()),
            )

    def clear_limits(self) -> None:
        """A new sync begins: what the last one hit is history."""
        with self._write():
            self._db.execute("DELETE FROM sync_limits")

    def limits(self) -> list[tuple[str, str, str]]:
        """(URL, what bound was hit, when) of the last sync's bounds."""
        return self._db.execute(
            "SELECT url, reason, noted_at FROM sync_limits ORDER BY noted_at, url"
        ).fetchall()

    def unqueue(self, url: str) -> None:
        with self._write():
            self._db.execute("DELETE FROM pending WHERE url = ?", (url,))

    def pending(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT url FROM pending ORDER BY queued_at")]

    def queued(self) -> list[tuple[str, str | None, int]]:
        """(URL, why the last try failed, tries) of every queued article."""
        return self._db.execute(
            "SELECT url, reason, attempts FROM pending ORDER BY queued_at"
        ).fetchall()

    def walk_complete(self, channel_url: str) -> bool:
        """Whether the channel's last list walk read every page and stored every article."""
        return walk_complete(self._db, channel_url)

    def set_walk(self, channel_url: str, complete: bool) -> None:
        with self._write():
            set_walk(self._db, channel_url, complete, now())

    def incomplete_walks(self) -> list[tuple[str, str]]:
        return incomplete_walks(self._db)

    def uncached_panel_articles(self) -> list[str]:
        """Articles the cached articles' panels name that the cache does not hold."""
        return [
            row[0]
            for row in self._db.execute(
                "SELECT DISTINCT i.url FROM articles a JOIN panel_items i "
                "ON i.snapshot_id IN (a.recommendations_id, a.ranking_id) "
                "WHERE i.url NOT IN (SELECT url FROM articles) ORDER BY i.url"
            )
        ]

    def missing_pictures(self, due_only: bool = False) -> list[str]:
        """Pictures the cache's articles and panels show but the cache lacks."""
        due, waiting = self.pictures_to_fetch()
        return due if due_only else sorted(due + waiting)

    def pictures_to_fetch(self) -> tuple[list[str], list[str]]:
        """The missing pictures due for a try now, and those waiting after failures."""
        return missing_pictures(self._db, utc_now())

    def picture_failures(self) -> list[tuple[str, int, str, str]]:
        return picture_failures(self._db)

    def picture_failed(self, url: str, reason: str) -> None:
        with self._write():
            picture_failed(self._db, url, reason, utc_now())

    def _save_validators(self, url, etag, last_modified, now) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO validators (url, etag, last_modified, checked_at) "
            "VALUES (?, ?, ?, ?)",
            (url, etag, last_modified, now),
        )
