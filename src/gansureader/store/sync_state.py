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


def missing_pictures(db: sqlite3.Connection, now: datetime | None = None) -> list[str]:
    """Pictures an article or its 精彩推荐 panel shows that the cache lacks; with ``now``,
    only those due for a try."""
    rows = db.execute(
        f"SELECT n.url, f.next_try FROM ({_NEEDED}) AS n "
        "LEFT JOIN picture_failures f ON f.url = n.url "
        "WHERE n.url NOT IN (SELECT url FROM images) ORDER BY n.url"
    ).fetchall()
    if now is None:
        return [url for url, _ in rows]
    stamp = now.isoformat(timespec="seconds")
    return [url for url, next_try in rows if next_try is None or next_try <= stamp]


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
