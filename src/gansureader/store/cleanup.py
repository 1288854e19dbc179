"""Keeping the cache under its size limit without eating the archive.

What the cache takes is measured, not guessed: the database's pages in use
(page_count × page_size, less the free list) and the picture files. The WAL is not
counted: it is a journal of recent writes, as large as the last VACUUM made it until
a checkpoint resets it, and counting it made the limit see twice the real size.

An article's share is what its going frees: its rows, index entries and kept pages
(their stored bytes, scaled so that all articles' shares add up to the database's
measured size) and the pictures no other article or panel shows.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict

# The bytes an article keeps in its own columns and kept pages; the search index and
# the row overhead are proportional enough to be covered by the scaling.
_STORED_BYTES = (
    "SELECT a.id, length(CAST(a.url AS BLOB)) + length(CAST(a.title AS BLOB)) "
    "+ length(CAST(a.body AS BLOB)) + length(CAST(a.breadcrumb AS BLOB)) "
    "+ length(CAST(a.pages AS BLOB)) + coalesce(length(CAST(a.source AS BLOB)), 0) "
    "+ coalesce((SELECT sum(length(p.data)) FROM article_pages p WHERE p.article_id = a.id), 0) "
    "AS stored, a.starred FROM articles a ORDER BY a.published_at, a.id"
)


def database_bytes(db: sqlite3.Connection) -> int:
    """The bytes of the database's pages in use (the WAL and free pages not counted)."""
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    free = db.execute("PRAGMA freelist_count").fetchone()[0]
    return page_size * (pages - free)


def picture_bytes(db: sqlite3.Connection) -> int:
    return db.execute(
        "SELECT coalesce(sum(size), 0) FROM (SELECT DISTINCT sha256, size FROM images)"
    ).fetchone()[0]


def oldest_to_free(db: sqlite3.Connection, excess: float) -> tuple[list[int], float]:
    """The oldest unstarred articles whose going frees at least ``excess`` bytes, and not
    one more; and the bytes they are estimated to free."""
    rows = db.execute(_STORED_BYTES).fetchall()
    stored = sum(row[1] for row in rows)
    if not stored:
        return [], 0.0
    scale = database_bytes(db) / stored
    pictures, users, shown_by_panels = _pictures(db)
    doomed, freed = [], 0.0
    for article_id, size, starred in rows:
        if starred:
            continue
        doomed.append(article_id)
        freed += size * scale
        for digest, picture_size in pictures.get(article_id, ()):
            users[digest] -= 1
            if users[digest] == 0 and digest not in shown_by_panels:
                freed += picture_size
        if freed >= excess:
            break
    return doomed, freed


def _pictures(db: sqlite3.Connection):
    """Each article's picture files (sha256, size), how many articles show each, and those
    a panel shows (they stay whoever goes)."""
    pictures: dict[int, set[tuple[str, int]]] = defaultdict(set)
    for article_id, digest, size in db.execute(
        "SELECT ap.article_id, i.sha256, i.size FROM article_pictures ap "
        "JOIN images i ON i.url = ap.url"
    ):
        pictures[article_id].add((digest, size))
    users = Counter(digest for files in pictures.values() for digest, _ in files)
    shown_by_panels = {
        row[0]
        for row in db.execute(
            "SELECT DISTINCT i.sha256 FROM panel_items p JOIN images i ON i.url = p.image"
        )
    }
    return pictures, users, shown_by_panels


def compact(db: sqlite3.Connection) -> None:
    """Give freed pages back to the disk and reset the WAL unless a reader holds it (then
    it is reset by a later checkpoint: waiting for the reader could take all day).

    The search index first merges its segments: FTS5 records a deletion as one more
    entry until then, so without it the index grows as articles go."""
    db.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
    db.execute("VACUUM")
    waits = db.execute("PRAGMA busy_timeout").fetchone()[0]
    db.execute("PRAGMA busy_timeout = 0")
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(waits)}")
