"""The offline cache's SQLite schema and its migrations, keyed on ``PRAGMA user_version``.

Each migration moves the database one version up inside a transaction of its own, so
an upgrade cut short (the power, a kill) resumes at the step it was in, with the steps
before it kept; a database newer than this program knows is refused rather than
damaged. A step is SQL, or a function of the connection (and of a report of how far it
is through the articles) where rows must be rewritten.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path

from ..addresses import panel_source
from ..model import Image, Paragraph, Run, block_from_dict, block_texts, body_picture_urls
from . import search

REPORT_EVERY = 500  # articles between two reports of a step's progress
Report = Callable[[int, int], None]  # (articles done, articles in all) within a step


def _nothing(done: int, total: int) -> None:
    pass


def _structured_bodies(db: sqlite3.Connection, report: Report = _nothing) -> None:
    """Version 2: articles hold a body of blocks; their pages are kept to be parsed again.

    The flat paragraphs and pictures of older caches become a body in the order the
    reader showed them (pictures after the lead), the search index is rebuilt over
    the body's text, and every article is queued so the next sync fetches (and keeps)
    its pages; read and starred state, panels and pictures are untouched.
    """
    db.execute("ALTER TABLE articles ADD COLUMN body TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE articles ADD COLUMN parser_version INTEGER NOT NULL DEFAULT 0")
    db.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
    rows = db.execute("SELECT id, title, paragraphs, images FROM articles").fetchall()
    for done, (article_id, title, paragraphs, images) in enumerate(rows):
        if done % REPORT_EVERY == 0:
            report(done, len(rows))
        blocks = legacy_body(json.loads(paragraphs), json.loads(images))
        body = json.dumps([block.to_dict() for block in blocks], ensure_ascii=False)
        db.execute("UPDATE articles SET body = ? WHERE id = ?", (body, article_id))
        texts = [text for block in blocks for text in block_texts(block)]
        search.add(db, article_id, title, texts)
    db.execute("ALTER TABLE articles DROP COLUMN paragraphs")
    db.execute("ALTER TABLE articles DROP COLUMN images")
    db.execute(
        """CREATE TABLE article_pages (
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            url TEXT NOT NULL,
            charset TEXT,
            data BLOB NOT NULL,  -- the page's bytes as fetched, zlib-compressed
            PRIMARY KEY (article_id, position)
        )"""
    )
    db.execute(
        "INSERT OR IGNORE INTO pending (url, queued_at) "
        "SELECT url, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now') FROM articles"
    )


def _sync_state(db: sqlite3.Connection, report: Report = _nothing) -> None:
    """Version 3: what a sync left undone is kept, so the next one completes it.

    A channel's list walk is complete or not; a queued article keeps why it failed;
    the pictures each article shows are listed, and a picture that failed waits for
    its next try.
    """
    db.execute(
        """CREATE TABLE channel_walks (
            url TEXT PRIMARY KEY,  -- the channel's list page
            complete INTEGER NOT NULL,  -- every page up to the limit read, every article stored
            walked_at TEXT NOT NULL
        )"""
    )
    db.execute("ALTER TABLE pending ADD COLUMN reason TEXT")
    db.execute("ALTER TABLE pending ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0")
    db.execute(
        """CREATE TABLE article_pictures (
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            url TEXT NOT NULL,
            PRIMARY KEY (article_id, url)
        )"""
    )
    db.execute("CREATE INDEX article_pictures_url ON article_pictures (url)")
    db.execute(
        """CREATE TABLE picture_failures (
            url TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            reason TEXT NOT NULL,
            next_try TEXT NOT NULL
        )"""
    )
    rows = db.execute("SELECT id, body FROM articles").fetchall()
    for done, (article_id, body) in enumerate(rows):
        if done % REPORT_EVERY == 0:
            report(done, len(rows))
        blocks = tuple(block_from_dict(block) for block in json.loads(body))
        db.executemany(
            "INSERT OR IGNORE INTO article_pictures (article_id, url) VALUES (?, ?)",
            [(article_id, url) for url in body_picture_urls(blocks)],
        )


def _panel_sources(db: sqlite3.Connection, report: Report = _nothing) -> None:
    """Version 4: a panel snapshot knows where it was published (host, and section on the
    portal), so a ranking's movement compares with the same ranking seen before."""
    db.execute("ALTER TABLE panel_snapshots ADD COLUMN source TEXT NOT NULL DEFAULT ''")
    rows = db.execute("SELECT id, page_url FROM panel_snapshots").fetchall()
    db.executemany(
        "UPDATE panel_snapshots SET source = ? WHERE id = ?",
        [(panel_source(page_url), snapshot_id) for snapshot_id, page_url in rows],
    )
    db.execute("CREATE INDEX panel_snapshots_source ON panel_snapshots (kind, source, id)")


def legacy_body(paragraphs: list[str], images: list[dict]) -> list:
    """A version-1 article's text and pictures as blocks, pictures after the first paragraph."""
    texts = [Paragraph((Run(text),)) for text in paragraphs]
    pictures = [Image(image["url"], image.get("caption")) for image in images]
    return texts[:1] + pictures + texts[1:]


# Version N is reached by running MIGRATIONS[N - 1]. Append; never edit a released step.
MIGRATIONS: tuple[str | Callable[[sqlite3.Connection, Report], None], ...] = (
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
    _structured_bodies,
    _sync_state,
    _panel_sources,
    # Version 5: each channel's unread count, kept by triggers as articles are stored,
    # read and removed, so the sidebar reads 45 numbers instead of joining 50 000 rows.
    """
    CREATE TABLE unread_counts (
        channel_id INTEGER PRIMARY KEY REFERENCES channels (id) ON DELETE CASCADE,
        unread INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO unread_counts (channel_id, unread)
        SELECT c.id, (SELECT count(*) FROM channel_articles ca JOIN articles a
                      ON a.id = ca.article_id WHERE ca.channel_id = c.id AND a.read = 0)
        FROM channels c;
    CREATE INDEX articles_unread ON articles (read, starred);
    CREATE TRIGGER unread_channel_added AFTER INSERT ON channels BEGIN
        INSERT OR IGNORE INTO unread_counts (channel_id) VALUES (NEW.id);
    END;
    CREATE TRIGGER unread_article_linked AFTER INSERT ON channel_articles
    WHEN (SELECT read FROM articles WHERE id = NEW.article_id) = 0 BEGIN
        UPDATE unread_counts SET unread = unread + 1 WHERE channel_id = NEW.channel_id;
    END;
    -- When an article goes, its links go after it (the cascade): by then the article is
    -- gone, so this trigger counts only links removed on their own.
    CREATE TRIGGER unread_article_unlinked AFTER DELETE ON channel_articles
    WHEN (SELECT read FROM articles WHERE id = OLD.article_id) = 0 BEGIN
        UPDATE unread_counts SET unread = unread - 1 WHERE channel_id = OLD.channel_id;
    END;
    CREATE TRIGGER unread_article_removed BEFORE DELETE ON articles WHEN OLD.read = 0 BEGIN
        UPDATE unread_counts SET unread = unread - 1 WHERE channel_id IN
            (SELECT channel_id FROM channel_articles WHERE article_id = OLD.id);
    END;
    CREATE TRIGGER unread_article_read AFTER UPDATE OF read ON articles
    WHEN OLD.read != NEW.read BEGIN
        UPDATE unread_counts SET unread = unread + (CASE WHEN NEW.read THEN -1 ELSE 1 END)
        WHERE channel_id IN (SELECT channel_id FROM channel_articles WHERE article_id = NEW.id);
    END;
    """,
    # Version 6: an article reached through a redirect inside the site is stored under the
    # address it ended at; the address asked for (a list page's link) still finds it.
    # What the last sync left for later because a bound was hit, for 'status'.
    """
    CREATE TABLE article_aliases (
        url TEXT PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
    );
    CREATE INDEX article_aliases_article ON article_aliases (article_id);
    -- Forgetting a panel snapshot checks that no article shows it: without these, one
    -- scan of every article for each snapshot forgotten.
    CREATE INDEX articles_recommendations ON articles (recommendations_id);
    CREATE INDEX articles_ranking ON articles (ranking_id);
    -- An article's rank history (the reader's line under the title, the 排行 view).
    CREATE INDEX panel_items_url ON panel_items (url);
    CREATE TABLE sync_limits (
        url TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        noted_at TEXT NOT NULL
    );
    """,
    # Version 7: the 关注. Their definitions are the reader's (the state file); here a copy,
    # so that every connection can list them, with the articles each matches — recorded
    # as articles are stored and when a follow is made or changed — and counts kept by
    # triggers, so the sidebar reads them instead of counting.
    """
    CREATE TABLE follows (
        id INTEGER PRIMARY KEY,  -- the state file's id
        name TEXT NOT NULL,
        query TEXT NOT NULL,
        channels TEXT NOT NULL,
        source TEXT,
        title_only INTEGER NOT NULL,
        mute INTEGER NOT NULL,
        alerts INTEGER NOT NULL,
        matched_for TEXT,  -- the definition the matches were found for; NULL: not yet
        matches INTEGER NOT NULL DEFAULT 0,
        unread INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE follow_matches (
        follow_id INTEGER NOT NULL REFERENCES follows (id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (follow_id, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX follow_matches_article ON follow_matches (article_id);
    CREATE TRIGGER follow_matched AFTER INSERT ON follow_matches BEGIN
        UPDATE follows SET matches = matches + 1,
            unread = unread + (SELECT read = 0 FROM articles WHERE id = NEW.article_id)
        WHERE id = NEW.follow_id;
    END;
    -- As with the channels' counts: when an article goes, its matches go after it.
    CREATE TRIGGER follow_unmatched AFTER DELETE ON follow_matches
    WHEN EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id) BEGIN
        UPDATE follows SET matches = matches - 1,
            unread = unread - (SELECT read = 0 FROM articles WHERE id = OLD.article_id)
        WHERE id = OLD.follow_id;
    END;
    CREATE TRIGGER follow_article_removed BEFORE DELETE ON articles BEGIN
        UPDATE follows SET matches = matches - 1, unread = unread - (OLD.read = 0)
        WHERE id IN (SELECT follow_id FROM follow_matches WHERE article_id = OLD.id);
    END;
    CREATE TRIGGER follow_article_read AFTER UPDATE OF read ON articles
    WHEN OLD.read != NEW.read BEGIN
        UPDATE follows SET unread = unread + (CASE WHEN NEW.read THEN -1 ELSE 1 END)
        WHERE id IN (SELECT follow_id FROM follow_matches WHERE article_id = NEW.id);
    END;
    """,
    # Version 8: articles change. Each sync re-checks recent articles; a version replaced by
    # a changed one is kept, with its pages as fetched, and a page gone is noted.
    """
    ALTER TABLE articles ADD COLUMN checked_at TEXT;  -- last fetched or re-checked
    ALTER TABLE articles ADD COLUMN misses INTEGER NOT NULL DEFAULT 0;  -- gone, checks in a row
    ALTER TABLE articles ADD COLUMN missed_at TEXT;  -- the first of those checks
    ALTER TABLE articles ADD COLUMN removed_at TEXT;  -- gone on two checks: since missed_at
    CREATE INDEX articles_removed ON articles (removed_at) WHERE removed_at IS NOT NULL;
    CREATE TABLE article_revisions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        seen_at TEXT NOT NULL,  -- when this version was stored
        replaced_at TEXT NOT NULL,  -- when the version after it was seen
        title TEXT NOT NULL,
        published_at TEXT,
        source TEXT,
        editor TEXT,
        author TEXT,
        contributor TEXT,
        breadcrumb TEXT NOT NULL,
        body TEXT NOT NULL,
        parser_version INTEGER NOT NULL
    );
    CREATE INDEX article_revisions_article ON article_revisions (article_id, id);
    CREATE TABLE revision_pages (
        revision_id INTEGER NOT NULL REFERENCES article_revisions (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        url TEXT NOT NULL,
        charset TEXT,
        data BLOB NOT NULL,  -- as article_pages: the page as fetched, zlib-compressed
        PRIMARY KEY (revision_id, position)
    );
    """,
    # Version 9: the sidebar's totals (全部, 未读, 收藏) kept by triggers, so reading them
    # costs the same at 200 000 articles as at 200 (counting the unread index grew with it).
    """
    CREATE TABLE article_totals (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        articles INTEGER NOT NULL,
        unread INTEGER NOT NULL,
        starred_unread INTEGER NOT NULL
    );
    INSERT INTO article_totals (id, articles, unread, starred_unread)
        SELECT 1, count(*), coalesce(sum(read = 0), 0), coalesce(sum(read = 0 AND starred), 0)
        FROM articles;
    CREATE TRIGGER totals_article_added AFTER INSERT ON articles BEGIN
        UPDATE article_totals SET articles = articles + 1, unread = unread + (NEW.read = 0),
            starred_unread = starred_unread + (NEW.read = 0 AND NEW.starred);
    END;
    CREATE TRIGGER totals_article_removed AFTER DELETE ON articles BEGIN
        UPDATE article_totals SET articles = articles - 1, unread = unread - (OLD.read = 0),
            starred_unread = starred_unread - (OLD.read = 0 AND OLD.starred);
    END;
    CREATE TRIGGER totals_article_flags AFTER UPDATE OF read, starred ON articles
    WHEN OLD.read != NEW.read OR OLD.starred != NEW.starred BEGIN
        UPDATE article_totals SET unread = unread + (NEW.read = 0) - (OLD.read = 0),
            starred_unread = starred_unread + (NEW.read = 0 AND NEW.starred)
                - (OLD.read = 0 AND OLD.starred);
    END;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaError(Exception):
    """The database cannot be used by this version of gansureader."""


Progress = Callable[[int, int, int, int], None]  # (step, steps, articles done, in all)


def pending_upgrade(database: Path) -> tuple[int, int] | None:
    """(the schema the cache at ``database`` is at, the one this program moves it to),
    if opening it will upgrade it; None for a new, current or unreadable one (opening
    says what is wrong with that)."""
    if not database.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
        try:
            version = _version(connection)
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return (version, SCHEMA_VERSION) if 0 < version < SCHEMA_VERSION else None


def migrate(connection: sqlite3.Connection, progress: Progress | None = None) -> None:
    """Bring the database to SCHEMA_VERSION, a step (and a transaction) at a time;
    ``progress`` hears how far it is. Any number of processes may do it at once.

    The version is read again under the write lock (BEGIN IMMEDIATE): whoever waited for
    another process's step finds it done instead of creating the tables twice.
    """
    version = _version(connection)
    if version == SCHEMA_VERSION:
        return  # the usual case: opening stays a read
    _refuse_newer(version)
    first = version + 1
    for target in range(first, SCHEMA_VERSION + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            version = _version(connection)
            _refuse_newer(version)  # another, newer gansureader got there first
            if version < target:
                _step(connection, target, first, progress)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise


def _refuse_newer(version: int) -> None:
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"the cache was written by a newer gansureader (schema {version}, this one knows "
            f"{SCHEMA_VERSION}); update gansureader or use another --data-dir"
        )


def _step(connection: sqlite3.Connection, target: int, first: int, progress) -> None:
    """Move the database to version ``target`` (in the caller's transaction)."""
    steps, number = SCHEMA_VERSION - first + 1, target - first + 1
    report: Report = _nothing if progress is None else partial(progress, number, steps)
    report(0, 0)
    step = MIGRATIONS[target - 1]
    if isinstance(step, str):
        for statement in _statements(step):
            connection.execute(statement)
    else:
        step(connection, report)
    connection.execute(f"PRAGMA user_version = {target}")


def _version(connection: sqlite3.Connection) -> int:
    return connection.execute("PRAGMA user_version").fetchone()[0]


def _statements(script: str) -> list[str]:
    """The script's statements one by one (executescript() would commit the transaction);
    a trigger's body, semicolons and all, stays one statement."""
    statements, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    return statements
