"""The offline cache's SQLite schema and its migrations, keyed on ``PRAGMA user_version``.

Each migration moves the database one version up inside one transaction; a
database newer than this program knows is refused rather than damaged.
"""

from __future__ import annotations

import sqlite3

# Version N is reached by running MIGRATIONS[N - 1]. Append; never edit a released step.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE channels (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        url TEXT NOT NULL UNIQUE,
        grp TEXT NOT NULL DEFAULT '',
        builtin INTEGER NOT NULL DEFAULT 0
    );
    -- A stored 精彩推荐 or 新闻排行 panel as seen at one time; equal consecutive
    -- sightings share one snapshot, so movement compares with the one before.
    CREATE TABLE panel_snapshots (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('recommendations', 'ranking')),
        digest TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        page_url TEXT NOT NULL
    );
    CREATE INDEX panel_snapshots_kind ON panel_snapshots (kind, id);
    CREATE TABLE panel_items (
        snapshot_id INTEGER NOT NULL REFERENCES panel_snapshots (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        rank INTEGER,
        title TEXT NOT NULL,
        url TEXT NOT NULL,
        image TEXT,
        PRIMARY KEY (snapshot_id, position)
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        published_at TEXT,
        source TEXT,
        editor TEXT,
        author TEXT,
        contributor TEXT,
        breadcrumb TEXT NOT NULL,
        paragraphs TEXT NOT NULL,
        images TEXT NOT NULL,
        pages TEXT NOT NULL,
        digest TEXT NOT NULL,
        recommendations_id INTEGER REFERENCES panel_snapshots (id),
        ranking_id INTEGER REFERENCES panel_snapshots (id),
        fetched_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX articles_published ON articles (published_at DESC, id DESC);
    CREATE TABLE channel_articles (
        channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (channel_id, article_id)
    );
    CREATE INDEX channel_articles_article ON channel_articles (article_id);
    -- ETag / Last-Modified of every page fetched, for conditional requests.
    CREATE TABLE validators (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        checked_at TEXT NOT NULL
    );
    -- Pictures as content-addressed files images/ab/abcdef…; many URLs may share one file.
    CREATE TABLE images (
        url TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        content_type TEXT,
        fetched_at TEXT NOT NULL
    );
    CREATE INDEX images_sha256 ON images (sha256);
    -- Articles a reader asked for while offline: fetched by the next sync.
    CREATE TABLE pending (
        url TEXT PRIMARY KEY,
        queued_at TEXT NOT NULL
    );
    -- Full-text search over character bigrams of title and body (see search.py);
    -- contentless: the text itself lives in articles.
    CREATE VIRTUAL TABLE search_index USING fts5 (
        title, body, content = '', tokenize = 'unicode61 remove_diacritics 0'
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaError(Exception):
    """The database cannot be used by this version of gansureader."""


def migrate(connection: sqlite3.Connection) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"the cache was written by a newer gansureader (schema {version}, this one "
            f"knows {SCHEMA_VERSION}); update gansureader or use another --data-dir"
        )
    for target in range(version + 1, SCHEMA_VERSION + 1):
        # executescript() commits first; BEGIN makes the step and its version one unit.
        connection.executescript(
            f"BEGIN IMMEDIATE;\n{MIGRATIONS[target - 1]}\nPRAGMA user_version = {target};\nCOMMIT;"
        )
