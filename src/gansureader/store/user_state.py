"""The reader's own data, in a small file of its own beside the cache: which articles
are read and starred (by URL) and the channels the reader added.

The cache can be re-fetched; this cannot. It is its own SQLite file, written in a
transaction at each change, so a damaged cache leaves it whole: a new cache gets
it back, and an article that arrives later is read or starred as it was.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..model import Channel

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
"""


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

    def integrity(self) -> str:
        return self._db.execute("PRAGMA integrity_check").fetchone()[0]
