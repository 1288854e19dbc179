"""The channels: the built-in list pages of the site and those the reader added, with
their unread counts for the sidebar.

A mixin of Store, whose connection (``_db``), write transaction and state file it
uses. Added channels are kept in the state file too, so a replaced cache keeps them.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from ..addresses import not_a_channel, with_lower_host
from ..model import Channel
from ..paths import resources_dir
from .db import StoreError
from .follows import MUTED
from .user_state import UserState


class NotAChannel(StoreError):
    """An address asked to be a channel that is not a list page of the site."""


@dataclass(frozen=True)
class UnreadCounts:
    """What the sidebar shows next to each entry."""

    all: int
    starred: int  # starred articles not yet read
    by_channel: dict[str, int]  # channel URL → unread articles listed in it
    by_follow: dict[str, int] = field(default_factory=dict)  # follow name → unread matches
    muted: int = 0  # articles a muted follow hides from the lists
    changed: int = 0  # articles that changed or whose page is gone (已更新 / 已删除)


class ChannelList:
    _db: sqlite3.Connection
    state: UserState

    def _seed_channels(self) -> None:
        builtin = json.loads((resources_dir() / "channels.json").read_text(encoding="utf-8"))
        known = {
            (row["name"], row["url"], row["grp"])
            for row in self._db.execute("SELECT name, url, grp FROM channels WHERE builtin = 1")
        }
        if known >= {(c["name"], c["url"], c.get("group", "")) for c in builtin}:
            return  # nothing to write: opening stays a read, even while a sync writes
        with self._write():
            for channel in builtin:
                self._db.execute(
                    "INSERT INTO channels (name, url, grp, builtin) VALUES (?, ?, ?, 1) "
                    "ON CONFLICT (url) DO UPDATE SET name = excluded.name, grp = excluded.grp, "
                    "builtin = 1",
                    (channel["name"], channel["url"], channel.get("group", "")),
                )

    def channels(self) -> list[Channel]:
        rows = self._db.execute("SELECT name, url, grp, builtin FROM channels ORDER BY id")
        return [_channel(row) for row in rows]

    def find_channel(self, name_or_url: str) -> Channel | None:
        row = self._db.execute(
            "SELECT name, url, grp, builtin FROM channels WHERE name = ? OR url = ? "
            "ORDER BY url = ? DESC LIMIT 1",
            (name_or_url, name_or_url, name_or_url),
        ).fetchone()
        return _channel(row) if row else None

    def add_channel(self, url: str, name: str | None = None, group: str = "自定义") -> Channel:
        """The channel of list page ``url``, added if new; NotAChannel for an address off
        the site or of an article (a sync would fetch another site, or find no list)."""
        if reason := not_a_channel(url):
            raise NotAChannel(f"{url} {reason}: a channel is a list page of the site")
        url = with_lower_host(url)  # the built-in channel, however its host was typed
        existing = self.find_channel(url)
        if existing is not None:
            return existing
        channel = Channel(name or url, url, group or "自定义", builtin=False)
        with self._write():
            self._db.execute(
                "INSERT INTO channels (name, url, grp, builtin) VALUES (?, ?, ?, 0)",
                (channel.name, channel.url, channel.group),
            )
        self.state.add_channel(channel)
        return channel

    def restore_channels(self, channels: list[Channel]) -> None:
        """Add again the channels the state file keeps (into a cache started anew); one
        that cannot be a channel (an older release took any address) is left out."""
        for channel in channels:
            if not_a_channel(channel.url) is None:
                self.add_channel(channel.url, channel.name, channel.group)

    def _link_channels(self, article_id: int, channels: list[Channel]) -> bool:
        """List the article in ``channels``; whether it was not listed in one of them."""
        before = self._db.total_changes
        self._db.executemany(
            "INSERT OR IGNORE INTO channel_articles (channel_id, article_id) "
            "SELECT id, ? FROM channels WHERE url = ?",
            [(article_id, channel.url) for channel in channels],
        )
        return self._db.total_changes != before

    def remove_channel(self, url: str) -> bool:
        """Forget an added channel (built-in ones stay). Its articles stay in the cache."""
        with self._write():
            removed = self._db.execute(
                "DELETE FROM channels WHERE url = ? AND builtin = 0", (url,)
            ).rowcount
        if removed:
            self.state.remove_channel(url)
        return bool(removed)

    def unread_counts(self) -> UnreadCounts:
        """Every count of the sidebar from the tables triggers keep: the channels' (schema
        5), the follows' (7), the totals (9). What a muted
        follow hides is not counted (the muted matches are few, and counted)."""
        by_channel = dict(
            self._db.execute(
                "SELECT c.url, u.unread FROM unread_counts u JOIN channels c ON c.id = u.channel_id"
            ).fetchall()
        )
        total, starred = self._db.execute(
            "SELECT unread, starred_unread FROM article_totals"
        ).fetchone()
        by_follow = dict(self._db.execute("SELECT name, unread FROM follows ORDER BY id"))
        muted = 0
        if self.any_muted():
            total -= self._db.execute(
                f"SELECT count(*) FROM articles a WHERE a.read = 0 AND {MUTED}"
            ).fetchone()[0]
            for url, hidden in self._db.execute(
                "SELECT c.url, count(*) FROM articles a JOIN channel_articles ca "
                f"ON ca.article_id = a.id JOIN channels c ON c.id = ca.channel_id "
                f"WHERE a.read = 0 AND {MUTED} GROUP BY c.url"
            ):
                by_channel[url] = by_channel.get(url, 0) - hidden
            muted = self.count_muted()
        return UnreadCounts(total, starred, by_channel, by_follow, muted, self.count_changed())

    def mark_channel_read(self, channel: Channel | None) -> int:
        """Mark every article of ``channel`` (None: of all channels) read; how many were not."""
        if channel is None:
            return self._mark_read("", ())
        return self._mark_read(
            " AND id IN (SELECT article_id FROM channel_articles ca "
            "JOIN channels c ON c.id = ca.channel_id WHERE c.url = ?)",
            (channel.url,),
        )

    def _mark_read(self, where: str, params: tuple) -> int:
        """Mark read every unread article ``where`` says; how many they were."""
        with self._write():
            urls = [
                row[0]
                for row in self._db.execute(
                    f"SELECT url FROM articles WHERE read = 0 {where}", params
                )
            ]
            self._db.execute(f"UPDATE articles SET read = 1 WHERE read = 0 {where}", params)
        self.state.set_read(urls)
        return len(urls)


def _channel(row: sqlite3.Row) -> Channel:
    return Channel(row["name"], row["url"], row["grp"], bool(row["builtin"]))
