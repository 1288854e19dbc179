"""The offline cache: articles, panels, channels, validators and pictures under one folder.

One ``Store`` is one SQLite connection (WAL mode, so readers never wait for the
writer). Whoever writes uses one Store from one thread; every article is written
in one transaction with its kept pages, so after a crash it is there whole or not
at all. Panels live in ``panels``, kept pages in ``pages``, the index in ``search``.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections import Counter
from datetime import datetime, timedelta, timezone
from enum import StrEnum
from pathlib import Path

from ..model import (
    ArticlePage,
    ArticleSummary,
    Channel,
    KeptPage,
    RankRecord,
    body_picture_urls,
    rank_record,
)
from . import pages as kept_pages
from . import panels, recovery, search, sync_state
from .channels import ChannelList
from .cleanup import CacheLimit
from .db import (
    StoreError,
    Transaction,
    connect_read_only,
    ensure_space,
    error_for,
    is_damage,
    now,
)
from .feed_rows import FeedRows
from .follows import FOLLOWED, MUTED, FollowList
from .images import ImageFiles
from .query import parse_query
from .revisions import RevisionList, reads_differently, same_article
from .rows import (
    ARTICLE_ID,
    SUMMARY_SELECT,
    article_from_row,
    naming,
    spellings,
    summary,
    texts_from_json,
)
from .schema import SCHEMA_VERSION, Progress, SchemaError, migrate
from .sync_state import SyncBookkeeping
from .user_state import open_state

DATABASE_NAME = "gansureader.sqlite3"


class Saved(StrEnum):
    """What storing an article did."""

    NEW = "new"
    UPDATED = "updated"  # its content changed
    UNCHANGED = "unchanged"  # the same content: only its panels and fetch time
    OTHER = "other"  # another article at a stored one's address: not stored, reported


SEARCH_WINDOW = 5000


class Store(ChannelList, FollowList, RevisionList, FeedRows, SyncBookkeeping, CacheLimit):
    def __init__(
        self,
        folder: Path,
        *,
        read_only: bool = False,
        any_thread: bool = False,
        upgrade_progress: Progress | None = None,
    ):
        """The cache in ``folder``, created or moved to this schema (a damaged one
        replaced; ``upgrade_progress`` hears how far an upgrade is) — or, ``read_only``, a
        connection that can only read one a writing Store has opened before: the
        window's, so that no write can run on its thread. ``any_thread`` (read-only):
        used from whichever thread, one at a time (a thread pool's threads come and go)."""
        self._upgrade_progress = upgrade_progress
        self.folder = Path(folder)
        self.images = ImageFiles(self.folder / "images")
        self.recovery: recovery.Recovery | None = None  # set when a damaged cache was replaced
        self._follow_news = Counter()  # new matches of each follow, for the sync's alerts
        database = self.folder / DATABASE_NAME
        if read_only:
            self.state = None  # the reader's own data is written only by the writer
            self._any_thread = any_thread
            try:
                self._db = connect_read_only(database, SCHEMA_VERSION, any_thread)
            except sqlite3.Error as error:
                raise error_for(self.folder, error) from None
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.state = open_state(self.folder)
            try:
                self._open(database)
            except sqlite3.DatabaseError as error:
                if not is_damage(error):
                    raise
                self.replace_damaged()
        except SchemaError as error:
            raise StoreError(f"{self.folder}: {error}") from None
        except (sqlite3.Error, OSError) as error:
            raise error_for(self.folder, error) from None
        self._seed_channels()
        if self.state.created:
            self._take_over_state()

    def _open(self, database: Path) -> None:
        self._db = sqlite3.connect(database, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA busy_timeout = 10000")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.execute("PRAGMA foreign_keys = ON")
        migrate(self._db, self._upgrade_progress)

    def reopen(self) -> None:
        """Read the cache file now at this folder's name (read-only Stores): a damaged one
        set aside and started anew leaves this connection on the old file. Unchanged if
        the new one cannot be read yet (a writer still creating it): StoreError."""
        try:
            fresh = connect_read_only(self.folder / DATABASE_NAME, SCHEMA_VERSION, self._any_thread)
        except sqlite3.Error as error:
            raise error_for(self.folder, error) from None
        self._db.close()
        self._db = fresh

    def replace_damaged(self) -> recovery.Recovery:
        """Move the damaged cache file aside and start anew from what it still reads."""
        self._db.close()
        damaged = recovery.move_aside(self.folder / DATABASE_NAME)
        self._open(self.folder / DATABASE_NAME)
        self._seed_channels()
        self.recovery = self._rebuild(damaged)
        return self.recovery

    def _rebuild(self, damaged: Path) -> recovery.Recovery:
        """A new cache from what the damaged one still reads, with the reader's state."""
        salvaged = 0
        for article, pages in recovery.salvage(damaged):
            self.save_article(article, channels=[], validators={}, pages=pages)
            salvaged += 1
        self.restore_channels(self.state.channels())
        flags = self.state.all_flags()
        with self._write():
            self._db.executemany(
                "UPDATE articles SET read = ?, starred = ? WHERE url = ?",
                [(int(read), int(starred), url) for url, read, starred in flags],
            )
        return recovery.Recovery(
            self.folder,
            damaged,
            salvaged,
            starred=sum(1 for _, _, starred in flags if starred),
            read=sum(1 for _, read, _ in flags if read),
        )

    def _take_over_state(self) -> None:
        """A cache older than the state file: its read, starred, added channels and follows
        move in."""
        self.state.set_flags(
            [
                (row["url"], bool(row["read"]), bool(row["starred"]))
                for row in self._db.execute(
                    "SELECT url, read, starred FROM articles WHERE read OR starred"
                )
            ]
        )
        for channel in self.channels():
            if not channel.builtin:
                self.state.add_channel(channel)
        for follow_id, follow in self.copied_follows():
            self.state.save_follow(follow, follow_id)

    def close(self) -> None:
        self._db.close()
        if self.state is not None:
            self.state.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def interrupt(self) -> None:
        """Stop the query running on this connection now (from any thread): it raises."""
        self._db.interrupt()

    def data_version(self) -> int:
        """A number that changes whenever another connection changed the cache."""
        return self._db.execute("PRAGMA data_version").fetchone()[0]

    def _write(self):
        return Transaction(self._db, self.folder)

    # ------------------------------------------------------------------ articles

    def known_urls(self, urls: list[str]) -> set[str]:
        """Those of ``urls`` that name a stored article (as rows.ARTICLE_ID reads them)."""
        found = self._stored_spellings([name for url in urls for name in spellings(url)])
        return {url for url in urls if not found.isdisjoint(spellings(url))}

    def _stored_spellings(self, urls: list[str]) -> set[str]:
        """Those of ``urls`` that are an article's address or an alias of one."""
        found: set[str] = set()
        for start in range(0, len(urls), 500):
            chunk = urls[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT url FROM articles WHERE url IN ({marks}) "
                f"UNION SELECT url FROM article_aliases WHERE url IN ({marks})",
                chunk * 2,
            )
            found.update(row[0] for row in rows)
        return found

    def stored_url(self, url: str) -> str:
        """``url`` as the cache spells it (rows.spellings: without a query, under the
        other scheme), else ``url`` itself."""
        row = self._row_at(url, "url")
        return row[0] if row else url

    def _row_at(self, url: str, columns: str = "*") -> sqlite3.Row | None:
        """The article stored at ``url``, else at another of its spellings."""
        return self._db.execute(
            f"SELECT {columns} FROM articles WHERE url IN (:url, :bare, :twin) "
            "ORDER BY url <> :url, url <> :bare LIMIT 1",
            naming(url),
        ).fetchone()

    def save_article(
        self,
        article: ArticlePage,
        *,
        channels: list[Channel],
        validators: dict[str, tuple[str | None, str | None]],
        pages: list[KeptPage] = (),
        parser_version: int = 0,
        aliases: list[str] = (),
    ) -> Saved:
        """Store one (merged) article with its panels, its pages as fetched and their
        validators; ``parser_version`` is the parser's that read the pages; ``aliases``
        are addresses that redirected to it.

        All in one transaction.
        """
        stamp = now()
        ensure_space(self.folder, sum(len(page.data) for page in pages))
        with self._write():
            row = self._row_at(article.url)
            if row is not None and not same_article(row, article):
                return Saved.OTHER  # the site reused the address: the stored one stays
            if row is not None and row["url"] != article.url:  # fetched under the other scheme
                aliases = [*aliases, article.url]
                article = dataclasses.replace(article, url=row["url"])
            columns = {
                **_article_columns(article),
                "pages": json.dumps([page.url for page in pages] or [article.url]),
                "recommendations_id": panels.snapshot(self._db, "recommendations", article, stamp),
                "ranking_id": panels.snapshot(self._db, "ranking", article, stamp),
                "parser_version": parser_version,
                "fetched_at": stamp,
                "updated_at": stamp,
            }
            if row is None:
                article_id, outcome = self._insert(article, columns, channels), Saved.NEW
            elif row["digest"] != columns["digest"]:
                article_id, outcome = row["id"], Saved.UPDATED
                self._link_channels(article_id, channels)
                if not reads_differently(row, article):  # a picture's cache-busting query…
                    columns["updated_at"], outcome = row["updated_at"], Saved.UNCHANGED
                elif row["parser_version"] == parser_version:  # else the parser's change
                    self._keep_revision(row, stamp)
                self._replace(row, columns, article)
            else:
                article_id, outcome = row["id"], Saved.UNCHANGED
                self._db.execute(
                    "UPDATE articles SET recommendations_id = ?, ranking_id = ?, fetched_at = ?, "
                    "parser_version = ? WHERE id = ?",
                    (
                        columns["recommendations_id"],
                        columns["ranking_id"],
                        stamp,
                        parser_version,
                        article_id,
                    ),
                )
                if self._link_channels(article_id, channels):
                    self._rematch_channels(article_id, article)
            if pages:
                kept_pages.keep(self._db, article_id, list(pages))
            self._answered(article_id, stamp)
            self._record_addresses(article, article_id, validators, aliases, stamp)
        return outcome

    def _insert(self, article: ArticlePage, columns: dict, channels: list[Channel]) -> int:
        """A new article's row, search entry, pictures, channels and follows; its id."""
        # Read or starred before (a cache replaced since): it still is.
        columns["read"], columns["starred"] = map(int, self.state.flags(article.url))
        names = ", ".join(["url", *columns])
        marks = ", ".join("?" * (len(columns) + 1))
        cursor = self._db.execute(
            f"INSERT INTO articles ({names}) VALUES ({marks})", (article.url, *columns.values())
        )
        article_id = cursor.lastrowid
        search.add(self._db, article_id, article.title, article.texts())
        sync_state.set_pictures(self._db, article_id, body_picture_urls(article.body))
        self._link_channels(article_id, channels)
        self._match_follows(article_id, article)
        return article_id

    def _record_addresses(self, article, article_id, validators, aliases, stamp) -> None:
        """What the fetch said of the article's addresses: each page's validators, the
        addresses that redirected to it; none of them is queued any more."""
        for url, (etag, last_modified) in validators.items():
            self._save_validators(url, etag, last_modified, stamp)
        others = [url for url in dict.fromkeys(aliases) if url != article.url]
        self._db.executemany(
            "INSERT OR REPLACE INTO article_aliases (url, article_id) VALUES (?, ?)",
            [(url, article_id) for url in others],
        )
        self._db.executemany(
            "DELETE FROM pending WHERE url = ?", [(url,) for url in (article.url, *others)]
        )

    def _replace(self, row: sqlite3.Row, columns: dict, article: ArticlePage) -> None:
        """Rewrite a stored article's columns and its search entry (in a transaction)."""
        search.remove(self._db, row["id"], row["title"], texts_from_json(row["body"]))
        assignments = ", ".join(f"{name} = ?" for name in columns)
        self._db.execute(
            f"UPDATE articles SET {assignments} WHERE id = ?", (*columns.values(), row["id"])
        )
        search.add(self._db, row["id"], article.title, article.texts())
        sync_state.set_pictures(self._db, row["id"], body_picture_urls(article.body))
        self._match_follows(row["id"], article)

    # ------------------------------------------------------------------ parsing again

    def kept_pages(self, url: str) -> list[KeptPage]:
        """The article's pages as fetched, in reading order; empty if none were kept."""
        article_id = self._article_id(url)
        return kept_pages.kept(self._db, article_id) if article_id else []

    def has_kept_pages(self, url: str) -> bool:
        article_id = self._article_id(url)
        return article_id is not None and kept_pages.has_kept(self._db, article_id)

    def _article_id(self, url: str) -> int | None:
        return self._db.execute(f"SELECT {ARTICLE_ID}", naming(url)).fetchone()[0]

    def reparse_candidates(self, below_version: int | None = None) -> tuple[list[str], int]:
        """URLs of articles with kept pages (parsed by a parser older than ``below_version``,
        if given), and how many articles have no kept pages at all."""
        version_clause = "AND a.parser_version < ?" if below_version is not None else ""
        urls = [
            row[0]
            for row in self._db.execute(
                "SELECT a.url FROM articles a WHERE EXISTS "
                "(SELECT 1 FROM article_pages p WHERE p.article_id = a.id) "
                f"{version_clause} ORDER BY a.id",
                () if below_version is None else (below_version,),
            )
        ]
        without = self._db.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM article_pages p WHERE p.article_id = a.id)"
        ).fetchone()[0]
        return urls, without

    def replace_parsed(self, article: ArticlePage, parser_version: int) -> bool:
        """Put a new reading of a stored article's kept pages in place of the old one.

        Only what was read from the pages changes (title, meta, body): read and starred
        state, channels and the panels as they were seen stay. Returns whether it changed.
        """
        with self._write():
            row = self._db.execute(
                "SELECT id, digest, title, body FROM articles WHERE url = ?", (article.url,)
            ).fetchone()
            if row is None:
                return False
            columns = {**_article_columns(article), "parser_version": parser_version}
            changed = row["digest"] != columns["digest"]
            if changed:
                self._replace(row, columns, article)
            else:
                self._db.execute(
                    "UPDATE articles SET parser_version = ? WHERE id = ?",
                    (parser_version, row["id"]),
                )
        return changed

    def add_to_channels(self, url: str, channels: list[Channel]) -> None:
        """Record that a stored article is listed in ``channels`` too."""
        if not channels:
            return
        with self._write():
            article_id = self._article_id(url)
            if article_id is not None and self._link_channels(article_id, channels):
                self._rematch_channels(article_id)

    def article(
        self, url: str, *, blocks: int | None = None, rows: int | None = None
    ) -> ArticlePage | None:
        """The stored article at ``url`` (or at the address ``url`` redirected to);
        ``blocks``, ``rows``: only the body's first so many blocks, and so many rows of
        a table (what the reader lays out)."""
        row = self._db.execute(
            f"SELECT * FROM articles WHERE id = {ARTICLE_ID}", naming(url)
        ).fetchone()
        if row is None:
            return None
        return article_from_row(
            row,
            panels.recommendations(self._db, row["recommendations_id"]),
            panels.ranking(self._db, row["ranking_id"]),
            blocks,
            rows,
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
            f"{SUMMARY_SELECT} {where} ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [summary(row) for row in rows]

    def has_articles(self) -> bool:
        return self._db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None

    def count_articles(
        self, channel: Channel | None = None, *, unread_only=False, starred_only=False
    ) -> int:
        if channel is None and not unread_only and not starred_only and not self.any_muted():
            return self._db.execute("SELECT articles FROM article_totals").fetchone()[0]
        where, params = self._filters(channel, unread_only, starred_only)
        return self._db.execute(f"SELECT count(*) FROM articles a {where}", params).fetchone()[0]

    def search(self, text: str, limit: int = 50, offset: int = 0) -> list[ArticleSummary]:
        """Articles answering the query ``text`` (see query.py) in title or body, best first,
        each with a snippet; QueryError if it cannot be understood.

        Among the SEARCH_WINDOW most recently stored articles the index finds (see
        search.hits): bm25 costs about a microsecond a match, and a word like 甘肃 is in
        nearly every article. ``offset``: the best so many are left out (a page shown).
        """
        return search.hits(self._db, parse_query(text), limit, SEARCH_WINDOW, offset)

    def set_read(self, url: str, read: bool = True) -> None:
        with self._write():
            self._db.execute("UPDATE articles SET read = ? WHERE url = ?", (int(read), url))
        self.state.set_flag(url, "read", read)

    def set_starred(self, url: str, starred: bool = True) -> None:
        with self._write():
            self._db.execute("UPDATE articles SET starred = ? WHERE url = ?", (int(starred), url))
        self.state.set_flag(url, "starred", starred)

    def ranking_movement(self, url: str) -> list[tuple]:
        """The article's 新闻排行 with each line's movement since the snapshot before it."""
        row = self._db.execute("SELECT ranking_id FROM articles WHERE url = ?", (url,)).fetchone()
        return panels.ranking_movement(self._db, row[0]) if row else []

    def forget_old_panels(self, days: int) -> int:
        """Forget panel snapshots not seen for ``days`` days; starred articles' history and
        what an article shows stay. Returns how many snapshots went."""
        cutoff = (datetime.now(timezone.utc) - timedelta(days=days)).isoformat(timespec="seconds")
        with self._write():
            return panels.forget_old(self._db, cutoff)

    def rankings(self) -> list[tuple[str, str, list[tuple]]]:
        """Each source's latest 新闻排行: (source, when last seen, [(RankItem, movement)])."""
        return [
            (source, last_seen, panels.ranking_movement(self._db, snapshot_id))
            for source, snapshot_id, last_seen in panels.latest_rankings(self._db)
        ]

    def rank_histories(self, urls: list[str]) -> dict[str, list[tuple[str, int, str, str]]]:
        """``rank_history`` of each URL, in one query."""
        return panels.rank_histories(self._db, urls)

    def rank_history(self, url: str) -> list[tuple[str, int, str, str]]:
        """(source, rank, first seen, last seen) of every sighting of ``url`` in a 新闻排行."""
        return panels.rank_histories(self._db, [url])[url]

    def rank_record(self, url: str) -> RankRecord | None:
        """How the article fared in the 新闻排行, or None if it never was in one."""
        current = self._db.execute(
            "SELECT min(rank) FROM panel_items WHERE url = ? AND snapshot_id IN "
            "(SELECT max(id) FROM panel_snapshots WHERE kind = 'ranking' GROUP BY source)",
            (url,),
        ).fetchone()[0]
        return rank_record(self.rank_history(url), current)

    # ------------------------------------------------------------------ pictures

    def has_image(self, url: str) -> bool:
        found = self._db.execute("SELECT 1 FROM images WHERE url = ?", (url,)).fetchone()
        return found is not None

    def save_image(self, url: str, data: bytes, content_type: str) -> None:
        """Write the picture's file first, then its row: a row never points at nothing."""
        ensure_space(self.folder, len(data))
        try:
            digest = self.images.write(data)
        except OSError as error:
            raise error_for(self.folder, error) from None
        with self._write():
            self._db.execute(
                "INSERT OR REPLACE INTO images (url, sha256, size, content_type, fetched_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (url, digest, len(data), content_type, now()),
            )
            self._db.execute("DELETE FROM picture_failures WHERE url = ?", (url,))

    def image_path(self, url: str) -> Path | None:
        digest = self.image_digest(url)
        return self.images.path(digest) if digest else None

    def image_digest(self, url: str) -> str | None:
        """The SHA-256 the cached picture of ``url`` is filed under, if it is cached."""
        row = self._db.execute("SELECT sha256 FROM images WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def image_file(self, digest: str) -> tuple[Path, str] | None:
        """The file and MIME type of a cached picture by its SHA-256; None if unknown."""
        row = self._db.execute(
            "SELECT content_type FROM images WHERE sha256 = ? LIMIT 1", (digest,)
        ).fetchone()
        return (self.images.path(digest), row[0]) if row else None

    # ------------------------------------------------------------------ internals

    def _filters(self, channel, unread_only, starred_only, follow=None) -> tuple[str, list]:
        clauses, params = [], []
        if channel is not None:
            clauses.append(
                "a.id IN (SELECT article_id FROM channel_articles ca "
                "JOIN channels c ON c.id = ca.channel_id WHERE c.url = ?)"
            )
            params.append(channel.url)
        if follow is not None:
            clauses.append(f"a.id IN {FOLLOWED}")
            params.append(follow)
        if unread_only:
            clauses.append("a.read = 0")
        if starred_only:
            clauses.append("a.starred = 1")
        elif follow is None and self.any_muted():  # a muted follow's matches are left out
            clauses.append(f"NOT {MUTED}")
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _article_columns(article: ArticlePage) -> dict:
    """What the page says of the article, and a digest that tells when that changed."""
    columns = {
        "title": article.title,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "source": article.source,
        "editor": article.editor,
        "author": article.author,
        "contributor": article.contributor,
        "breadcrumb": json.dumps(article.breadcrumb, ensure_ascii=False),
        "body": json.dumps([block.to_dict() for block in article.body], ensure_ascii=False),
    }
    encoded = json.dumps(columns, ensure_ascii=False).encode()
    import hashlib  # the writer's: the window starts without it

    return {**columns, "digest": hashlib.sha256(encoded).hexdigest()}
