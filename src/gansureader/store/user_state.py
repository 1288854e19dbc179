"""The reader's own data, in a small file of its own beside the cache: which articles
are read and starred (by URL), the channels the reader added and the 关注 (follows).

The cache can be re-fetched; this cannot. It is its own SQLite file, written in a
transaction at each change, so a damaged cache leaves it whole: a new cache gets
it back, and an article that arrives later is read or starred as it was.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from ..model import Channel, Follow
from .db import is_damage
from .recovery import move_aside

STATE_NAME = "state.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS flags (
    url TEXT PRIMARY KEY,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS channels (
    url TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    grp TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS follows (
    id INTEGER PRIMARY KEY,  -- the cache's matches are filed under it; a rename keeps it
    name TEXT NOT NULL UNIQUE,
    query TEXT NOT NULL,
    channels TEXT NOT NULL DEFAULT '[]',  -- JSON list of channel URLs; [] = every channel
    source TEXT,
    title_only INTEGER NOT NULL DEFAULT 0,
    mute INTEGER NOT NULL DEFAULT 0,
    alerts INTEGER NOT NULL DEFAULT 1
);
"""
_FOLLOW_COLUMNS = ("name", "query", "channels", "source", "title_only", "mute", "alerts")


class UserState:
    def __init__(self, folder: Path):
        self.path = Path(folder) / STATE_NAME
        self.created = not self.path.exists()
        self._db = sqlite3.connect(self.path, isolation_level=None)
        self._db.execute("PRAGMA busy_timeout = 10000")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    def set_flag(self, url: str, name: str, value: bool) -> None:
        assert name in ("read", "starred")
        self._db.execute(
            f"INSERT INTO flags (url, {name}) VALUES (?, ?) "
            f"ON CONFLICT (url) DO UPDATE SET {name} = excluded.{name}",
            (url, int(value)),
        )

    def set_flags(self, rows: list[tuple[str, bool, bool]]) -> None:
        """(url, read, starred) of many articles at once (taking over an older cache)."""
        with self._db:
            self._db.execute("BEGIN")
            self._db.executemany(
                "INSERT OR REPLACE INTO flags (url, read, starred) VALUES (?, ?, ?)",
                [(url, int(read), int(starred)) for url, read, starred in rows],
            )

    def set_read(self, urls: list[str]) -> None:
        """Many articles read at once (a channel marked read); their stars stay."""
        with self._db:
            self._db.execute("BEGIN")
            self._db.executemany(
                "INSERT INTO flags (url, read) VALUES (?, 1) "
                "ON CONFLICT (url) DO UPDATE SET read = 1",
                [(url,) for url in urls],
            )

    def flags(self, url: str) -> tuple[bool, bool]:
        row = self._db.execute("SELECT read, starred FROM flags WHERE url = ?", (url,)).fetchone()
        return (bool(row[0]), bool(row[1])) if row else (False, False)

    def all_flags(self) -> list[tuple[str, bool, bool]]:
        return [
            (url, bool(read), bool(starred))
            for url, read, starred in self._db.execute(
                "SELECT url, read, starred FROM flags WHERE read OR starred"
            )
        ]

    def add_channel(self, channel: Channel) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO channels (url, name, grp) VALUES (?, ?, ?)",
            (channel.url, channel.name, channel.group),
        )

    def remove_channel(self, url: str) -> None:
        self._db.execute("DELETE FROM channels WHERE url = ?", (url,))

    def channels(self) -> list[Channel]:
        rows = self._db.execute("SELECT name, url, grp FROM channels ORDER BY rowid")
        return [Channel(name, url, group, builtin=False) for name, url, group in rows]

    def follows(self) -> list[tuple[int, Follow]]:
        """Every follow with its id, in the order they were made."""
        rows = self._db.execute(f"SELECT id, {', '.join(_FOLLOW_COLUMNS)} FROM follows ORDER BY id")
        return [(row[0], follow_from_columns(*row[1:])) for row in rows]

    def save_follow(self, follow: Follow, follow_id: int | None = None) -> int:
        """Store ``follow`` (a new one, or the one of ``follow_id`` changed); its id."""
        values = follow_columns(follow)
        marks = ", ".join("?" * len(values))
        cursor = self._db.execute(
            f"INSERT OR REPLACE INTO follows (id, {', '.join(_FOLLOW_COLUMNS)}) "
            f"VALUES (?, {marks})",
            (follow_id, *values),
        )
        return follow_id if follow_id is not None else cursor.lastrowid

    def remove_follow(self, follow_id: int) -> None:
        self._db.execute("DELETE FROM follows WHERE id = ?", (follow_id,))

    def integrity(self) -> str:
        return self._db.execute("PRAGMA integrity_check").fetchone()[0]


def follow_columns(follow: Follow) -> tuple:
    """The follow as the columns of a follows table (the state file's and the cache's)."""
    channels = json.dumps(list(follow.channels), ensure_ascii=False)
    flags = (int(follow.title_only), int(follow.mute), int(follow.alerts))
    return (follow.name, follow.query, channels, follow.source, *flags)


def follow_from_columns(name, query, channels, source, title_only, mute, alerts, *counts):
    return Follow(
        name,
        query,
        tuple(json.loads(channels)),
        source,
        bool(title_only),
        bool(mute),
        bool(alerts),
        *counts,
    )


def open_state(folder: Path) -> UserState:
    """The state file in ``folder``; a damaged one is moved aside and rebuilt from the
    cache (by the Store that opens it)."""
    try:
        return UserState(folder)
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise
        move_aside(folder / STATE_NAME)
        return UserState(folder)
