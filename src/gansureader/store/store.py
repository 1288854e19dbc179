"""The offline cache: articles, panels, channels, validators and pictures under one folder.

One ``Store`` is one SQLite connection (WAL mode, so readers never wait for the
writer). Whoever writes uses one Store from one thread; every article is written
in one transaction, so after a crash it is there whole or not at all.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from ..model import ArticlePage, ArticleSummary, Channel, Image, RankItem, Recommendation
from ..paths import resources_dir
from . import search
from .images import ImageFiles
from .schema import SchemaError, migrate

DATABASE_NAME = "gansureader.sqlite3"
SEARCH_WINDOW = 5000


class StoreError(Exception):
    """The cache cannot be read or written; the message says why and what to do."""


class Store:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.images = ImageFiles(self.folder / "images")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.folder / DATABASE_NAME, isolation_level=None)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA busy_timeout = 10000")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            migrate(self._db)
        except SchemaError as error:
            raise StoreError(f"{self.folder}: {error}") from None
        except (sqlite3.Error, OSError) as error:
            raise StoreError(_explain(self.folder, error)) from None
        self._seed_channels()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _write(self):
        return _Transaction(self._db, self.folder)

    # ------------------------------------------------------------------ channels

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
        return [Channel(row["name"], row["url"], row["grp"], bool(row["builtin"])) for row in rows]

    def find_channel(self, name_or_url: str) -> Channel | None:
        row = self._db.execute(
            "SELECT name, url, grp, builtin FROM channels WHERE name = ? OR url = ? "
            "ORDER BY url = ? DESC LIMIT 1",
            (name_or_url, name_or_url, name_or_url),
        ).fetchone()
        return Channel(row["name"], row["url"], row["grp"], bool(row["builtin"])) if row else None

    def add_channel(self, url: str, name: str | None = None, group: str = "自定义") -> Channel:
        existing = self.find_channel(url)
        if existing is not None:
            return existing
        channel = Channel(name or url, url, group, builtin=False)
        with self._write():
            self._db.execute(
                "INSERT INTO channels (name, url, grp, builtin) VALUES (?, ?, ?, 0)",
                (channel.name, channel.url, channel.group),
            )
        return channel

    # ------------------------------------------------------------------ articles

    def known_urls(self, urls: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(urls), 500):
            chunk = urls[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT url FROM articles WHERE url IN ({marks})", chunk)
            found.update(row[0] for row in rows)
        return found

    def save_article(
        self,
        article: ArticlePage,
        *,
        pages: list[str],
        channels: list[Channel],
        validators: dict[str, tuple[str | None, str | None]],
    ) -> str:
        """Store one (merged) article with its panels and its pages' validators.

        All in one transaction. Returns "new", "updated" or "unchanged".
        """
        now = _now()
        body = _article_columns(article)
        digest = hashlib.sha256(json.dumps(body, ensure_ascii=False).encode()).hexdigest()
        with self._write():
            row = self._db.execute(
                "SELECT id, digest, title, paragraphs FROM articles WHERE url = ?", (article.url,)
            ).fetchone()
            recommendations_id = self._snapshot("recommendations", article, now)
            ranking_id = self._snapshot("ranking", article, now)
            columns = {
                **body,
                "pages": json.dumps(pages),
                "digest": digest,
                "recommendations_id": recommendations_id,
                "ranking_id": ranking_id,
                "fetched_at": now,
                "updated_at": now,
            }
            if row is None:
                names = ", ".join(["url", *columns])
                marks = ", ".join("?" * (len(columns) + 1))
                cursor = self._db.execute(
                    f"INSERT INTO articles ({names}) VALUES ({marks})",
                    (article.url, *columns.values()),
                )
                article_id, outcome = cursor.lastrowid, "new"
                self._index(article_id, article.title, list(article.paragraphs))
            elif row["digest"] != digest:
                article_id, outcome = row["id"], "updated"
                self._unindex(article_id, row["title"], json.loads(row["paragraphs"]))
                assignments = ", ".join(f"{name} = ?" for name in columns)
                self._db.execute(
                    f"UPDATE articles SET {assignments} WHERE id = ?",
                    (*columns.values(), article_id),
                )
                self._index(article_id, article.title, list(article.paragraphs))
            else:
                article_id, outcome = row["id"], "unchanged"
                self._db.execute(
                    "UPDATE articles SET recommendations_id = ?, ranking_id = ?, fetched_at = ? "
                    "WHERE id = ?",
                    (recommendations_id, ranking_id, now, article_id),
                )
            self._link_channels(article_id, channels)
            for url, (etag, last_modified) in validators.items():
                self._save_validators(url, etag, last_modified, now)
            self._db.execute("DELETE FROM pending WHERE url = ?", (article.url,))
        return outcome

    def add_to_channels(self, url: str, channels: list[Channel]) -> None:
        """Record that a stored article is listed in ``channels`` too."""
        if not channels:
            return
        with self._write():
            row = self._db.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
            if row is not None:
                self._link_channels(row[0], channels)

    def article(self, url: str) -> ArticlePage | None:
        row = self._db.execute("SELECT * FROM articles WHERE url = ?", (url,)).fetchone()
        if row is None:
            return None
        recommendations = [
            Recommendation(item["title"], item["url"], item["image"])
            for item in self._panel_items(row["recommendations_id"])
        ]
        ranking = [
            RankItem(item["rank"], item["title"], item["url"])
            for item in self._panel_items(row["ranking_id"])
        ]
        return ArticlePage(
            url=row["url"],
            title=row["title"],
            published_at=_datetime(row["published_at"]),
            source=row["source"],
            editor=row["editor"],
            author=row["author"],
            breadcrumb=tuple(json.loads(row["breadcrumb"])),
            paragraphs=tuple(json.loads(row["paragraphs"])),
            images=tuple(Image(i["url"], i["caption"]) for i in json.loads(row["images"])),
            contributor=row["contributor"],
            recommendations=tuple(recommendations),
            ranking=tuple(ranking),
        )

    def articles(
        self,
        channel: Channel | None = None,
        *,
        unread_only: bool = False,
        starred_only: bool = False,
        limit: int = -1,
        offset: int = 0,
    ) -> list[ArticleSummary]:
        """Stored articles, newest first."""
        where, params = self._filters(channel, unread_only, starred_only)
        rows = self._db.execute(
            f"{_SUMMARY_SELECT} {where} ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [_summary(row) for row in rows]

    def has_articles(self) -> bool:
        return self._db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None

    def count_articles(
        self, channel: Channel | None = None, *, unread_only=False, starred_only=False
    ) -> int:
        where, params = self._filters(channel, unread_only, starred_only)
        return self._db.execute(f"SELECT count(*) FROM articles a {where}", params).fetchone()[0]

    def search(self, query: str, limit: int = 50) -> list[ArticleSummary]:
        """Articles matching ``query`` in title or body, best first, each with a snippet.

        Ranked by bm25 (a title match weighs ten body matches) among the
        SEARCH_WINDOW most recently stored matches: bm25 costs about a microsecond a
        match, and a word like 甘肃 is in nearly every article.
        """
        expression = search.match_expression(query)
        if expression is None:
            return []
        rows = self._db.execute(
            f"{_SUMMARY_SELECT.replace('SELECT', 'SELECT a.paragraphs,', 1)} "
            "JOIN (SELECT rowid, bm25(search_index, 10.0, 1.0) AS score FROM search_index "
            "      WHERE search_index MATCH ?1 AND rowid >= coalesce("
            "          (SELECT rowid FROM search_index WHERE search_index MATCH ?1 "
            "           ORDER BY rowid DESC LIMIT 1 OFFSET ?2), 0) "
            "      ORDER BY score LIMIT ?3) AS hits "
            "ON hits.rowid = a.id ORDER BY hits.score",
            (expression, SEARCH_WINDOW - 1, limit),
        ).fetchall()
        return [
            _summary(
                row, snippet=search.snippet(query, row["title"], json.loads(row["paragraphs"]))
            )
            for row in rows
        ]

    def set_read(self, url: str, read: bool = True) -> None:
        with self._write():
            self._db.execute("UPDATE articles SET read = ? WHERE url = ?", (int(read), url))

    def set_starred(self, url: str, starred: bool = True) -> None:
        with self._write():
            self._db.execute("UPDATE articles SET starred = ? WHERE url = ?", (int(starred), url))

    def ranking_movement(self, url: str) -> list[tuple[RankItem, int | None]]:
        """The article's 新闻排行 with each line's movement since the snapshot before it.

        Movement is places gained (negative: lost), or None for a line new to the panel.
        """
        row = self._db.execute("SELECT ranking_id FROM articles WHERE url = ?", (url,)).fetchone()
        if row is None or row[0] is None:
            return []
        previous = self._db.execute(
            "SELECT id FROM panel_snapshots WHERE kind = 'ranking' AND id < ? "
            "ORDER BY id DESC LIMIT 1",
            (row[0],),
        ).fetchone()
        before = {i["url"]: i["rank"] for i in self._panel_items(previous[0])} if previous else {}
        result = []
        for item in self._panel_items(row[0]):
            rank = RankItem(item["rank"], item["title"], item["url"])
            if not previous:
                result.append((rank, 0))
            elif item["url"] in before:
                result.append((rank, before[item["url"]] - item["rank"]))
            else:
                result.append((rank, None))
        return result

    # ------------------------------------------------------------------ validators, queue

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self._db.execute(
            "SELECT etag, last_modified FROM validators WHERE url = ?", (url,)
        ).fetchone()
        return (row["etag"], row["last_modified"]) if row else (None, None)

    def save_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self._write():
            self._save_validators(url, etag, last_modified, _now())

    def queue(self, url: str) -> None:
        """Remember an article to fetch at the next sync (asked for while offline)."""
        with self._write():
            self._db.execute(
                "INSERT OR IGNORE INTO pending (url, queued_at) VALUES (?, ?)", (url, _now())
            )

    def pending(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT url FROM pending ORDER BY queued_at")]

    # ------------------------------------------------------------------ pictures

    def has_image(self, url: str) -> bool:
        found = self._db.execute("SELECT 1 FROM images WHERE url = ?", (url,)).fetchone()
        return found is not None

    def save_image(self, url: str, data: bytes, content_type: str) -> None:
        """Write the picture's file first, then its row: a row never points at nothing."""
        try:
            digest = self.images.write(data)
        except OSError as error:
            raise StoreError(_explain(self.folder, error)) from None
        with self._write():
            self._db.execute(
                "INSERT OR REPLACE INTO images (url, sha256, size, content_type, fetched_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (url, digest, len(data), content_type, _now()),
            )

    def image_path(self, url: str) -> Path | None:
        row = self._db.execute("SELECT sha256 FROM images WHERE url = ?", (url,)).fetchone()
        return self.images.path(row[0]) if row else None

    # ------------------------------------------------------------------ size

    def size_bytes(self) -> int:
        """What the cache takes on disk: database files and pictures."""
        files = [self.folder / (DATABASE_NAME + suffix) for suffix in ("", "-wal", "-shm")]
        database = sum(path.stat().st_size for path in files if path.exists())
        pictures = self._db.execute(
            "SELECT coalesce(sum(size), 0) FROM (SELECT DISTINCT sha256, size FROM images)"
        ).fetchone()[0]
        return database + pictures

    def clean_up(self, max_bytes: int) -> int:
        """Forget the oldest articles until the cache fits ``max_bytes``; starred ones stay.

        Returns how many articles were removed. Pictures no article names any more go too.
        """
        excess = self.size_bytes() - max_bytes
        if excess <= 0:
            return 0
        doomed, freed = [], 0
        rows = self._db.execute(
            "SELECT id, images, length(paragraphs) + length(images) + 600 AS size "
            "FROM articles WHERE starred = 0 ORDER BY published_at, id"
        )
        for row in rows:
            doomed.append(row["id"])
            pictures = json.loads(row["images"])
            freed += row["size"] + sum(self._picture_size(image["url"]) for image in pictures)
            if freed >= excess:
                break
        rows.close()
        with self._write():
            for article_id in doomed:
                title, paragraphs = self._db.execute(
                    "SELECT title, paragraphs FROM articles WHERE id = ?", (article_id,)
                ).fetchone()
                self._unindex(article_id, title, json.loads(paragraphs))
                self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            self._forget_unused_pictures()
        self._db.execute("VACUUM")
        self.images.remove_all_but(
            {row[0] for row in self._db.execute("SELECT DISTINCT sha256 FROM images")}
        )
        return len(doomed)

    def _picture_size(self, url: str) -> int:
        row = self._db.execute("SELECT size FROM images WHERE url = ?", (url,)).fetchone()
        return row[0] if row else 0

    def _forget_unused_pictures(self) -> None:
        used = {
            item["url"]
            for row in self._db.execute("SELECT images FROM articles")
            for item in json.loads(row[0])
        }
        used |= {row[0] for row in self._db.execute("SELECT image FROM panel_items")}
        stored = [row[0] for row in self._db.execute("SELECT url FROM images")]
        self._db.executemany(
            "DELETE FROM images WHERE url = ?", [(url,) for url in stored if url not in used]
        )

    # ------------------------------------------------------------------ internals

    def _filters(self, channel, unread_only, starred_only) -> tuple[str, list]:
        clauses, params = [], []
        if channel is not None:
            clauses.append(
                "a.id IN (SELECT article_id FROM channel_articles ca "
                "JOIN channels c ON c.id = ca.channel_id WHERE c.url = ?)"
            )
            params.append(channel.url)
        if unread_only:
            clauses.append("a.read = 0")
        if starred_only:
            clauses.append("a.starred = 1")
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

    def _snapshot(self, kind: str, article: ArticlePage, now: str) -> int | None:
        if kind == "ranking":
            items = [(i.rank, i.title, i.url, None) for i in article.ranking]
        else:
            items = [(None, i.title, i.url, i.image) for i in article.recommendations]
        if not items:
            return None
        digest = hashlib.sha256(json.dumps(items, ensure_ascii=False).encode()).hexdigest()
        latest = self._db.execute(
            "SELECT id, digest FROM panel_snapshots WHERE kind = ? ORDER BY id DESC LIMIT 1",
            (kind,),
        ).fetchone()
        if latest is not None and latest["digest"] == digest:
            self._db.execute(
                "UPDATE panel_snapshots SET last_seen = ? WHERE id = ?", (now, latest["id"])
            )
            return latest["id"]
        snapshot_id = self._db.execute(
            "INSERT INTO panel_snapshots (kind, digest, first_seen, last_seen, page_url) "
            "VALUES (?, ?, ?, ?, ?)",
            (kind, digest, now, now, article.url),
        ).lastrowid
        self._db.executemany(
            "INSERT INTO panel_items (snapshot_id, position, rank, title, url, image) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(snapshot_id, position, *item) for position, item in enumerate(items)],
        )
        return snapshot_id

    def _panel_items(self, snapshot_id: int | None) -> list[sqlite3.Row]:
        if snapshot_id is None:
            return []
        return self._db.execute(
            "SELECT rank, title, url, image FROM panel_items WHERE snapshot_id = ? "
            "ORDER BY position",
            (snapshot_id,),
        ).fetchall()

    def _index(self, article_id: int, title: str, paragraphs: list[str]) -> None:
        self._db.execute(
            "INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)",
            (article_id, search.index_text(title), search.index_text("\n".join(paragraphs))),
        )

    def _unindex(self, article_id: int, title: str, paragraphs: list[str]) -> None:
        # A contentless index forgets a row only when told exactly what it indexed.
        self._db.execute(
            "INSERT INTO search_index (search_index, rowid, title, body) "
            "VALUES ('delete', ?, ?, ?)",
            (article_id, search.index_text(title), search.index_text("\n".join(paragraphs))),
        )

    def _link_channels(self, article_id: int, channels: list[Channel]) -> None:
        self._db.executemany(
            "INSERT OR IGNORE INTO channel_articles (channel_id, article_id) "
            "SELECT id, ? FROM channels WHERE url = ?",
            [(article_id, channel.url) for channel in channels],
        )

    def _save_validators(self, url, etag, last_modified, now) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO validators (url, etag, last_modified, checked_at) "
            "VALUES (?, ?, ?, ?)",
            (url, etag, last_modified, now),
        )


_SUMMARY_SELECT = (
    "SELECT a.url, a.title, a.published_at, a.source, a.read, a.starred, "
    "(SELECT c.name FROM channel_articles ca JOIN channels c ON c.id = ca.channel_id "
    " WHERE ca.article_id = a.id ORDER BY c.id LIMIT 1) AS channel "
    "FROM articles a"
)


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, ROLLBACK on any error; SQLite errors become StoreErrors."""

    def __init__(self, db: sqlite3.Connection, folder: Path):
        self.db, self.folder = db, folder

    def __enter__(self):
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise StoreError(_explain(self.folder, error)) from None

    def __exit__(self, kind, error, trace):
        if kind is None:
            try:
                self.db.execute("COMMIT")
                return False
            except sqlite3.Error as commit_error:
                error = commit_error
        self.db.execute("ROLLBACK")
        if isinstance(error, sqlite3.Error):
            raise StoreError(_explain(self.folder, error)) from None
        return False


def _explain(folder: Path, error: Exception) -> str:
    """A message that says what went wrong with the cache and what to do about it."""
    text = str(error).lower()
    if "full" in text or getattr(error, "errno", None) == 28:
        return f"the disk holding the cache ({folder}) is full: free some space and try again"
    if "readonly" in text or "read-only" in text or isinstance(error, PermissionError):
        return f"the cache folder {folder} cannot be written: check its permissions"
    if "locked" in text or "busy" in text:
        return f"the cache at {folder} is busy (another gansureader is writing): try again"
    if "malformed" in text or "not a database" in text:
        return f"the cache at {folder} is damaged: move it aside to start a new one"
    return f"the cache at {folder} failed: {error}"


def _article_columns(article: ArticlePage) -> dict:
    return {
        "title": article.title,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "source": article.source,
        "editor": article.editor,
        "author": article.author,
        "contributor": article.contributor,
        "breadcrumb": json.dumps(article.breadcrumb, ensure_ascii=False),
        "paragraphs": json.dumps(article.paragraphs, ensure_ascii=False),
        "images": json.dumps([i.to_dict() for i in article.images], ensure_ascii=False),
    }


def _summary(row: sqlite3.Row, snippet: str | None = None) -> ArticleSummary:
    return ArticleSummary(
        url=row["url"],
        title=row["title"],
        published_at=_datetime(row["published_at"]),
        channel=row["channel"],
        source=row["source"],
        read=bool(row["read"]),
        starred=bool(row["starred"]),
        snippet=snippet,
    )


def _datetime(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
