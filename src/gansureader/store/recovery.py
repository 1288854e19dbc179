"""A damaged cache file: moved aside with the time in its name, a new cache started,
every article that can still be read salvaged, and the reader's own state put back.

What could not be salvaged is fetched again by the next sync: no channel walk is
complete in a new cache, so every list is read to its page limit.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from .. import reasons
from ..model import ArticlePage, KeptPage
from .rows import article_from_row
from .schema import legacy_body

# A damaged file's rows are read one by one; this many unreadable ids in a row end it.
_GIVE_UP_AFTER = 2000


class Damaged(Exception):
    """The cache file cannot be read as a database."""


@dataclass(frozen=True)
class Recovery:
    folder: Path
    damaged: Path  # where the damaged file was moved
    salvaged: int
    starred: int
    read: int

    def message(self) -> str:
        return reasons.fill(
            reasons.STARTED_ANEW,
            self.folder,
            self.damaged.name,
            self.salvaged,
            self.starred,
            self.read,
        )


def move_aside(database: Path) -> Path:
    """Rename the database (and its WAL files) to …damaged-YYYYMMDD-HHMMSS…; return the name."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = database.with_name(f"{database.stem}.damaged-{stamp}{database.suffix}")
    os.replace(database, target)
    for suffix in ("-wal", "-shm"):
        companion = database.with_name(database.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    return target


def salvage(damaged: Path):
    """Every article of the damaged file that can still be read, with its kept pages."""
    try:
        db = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
        db.row_factory = sqlite3.Row
        columns = {row[1] for row in db.execute("PRAGMA table_info(articles)")}
    except sqlite3.Error:
        return
    try:
        unreadable, article_id = 0, 0
        while unreadable < _GIVE_UP_AFTER:
            article_id += 1
            try:
                row = db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
            except sqlite3.Error:
                row = None
            if row is None:
                unreadable += 1
                continue
            unreadable = 0
            article = _article(row, columns)
            if article is not None:
                yield article, _pages(db, article_id)
    finally:
        db.close()


def _article(row: sqlite3.Row, columns: set[str]) -> ArticlePage | None:
    try:
        if "body" in columns:
            return article_from_row(row)
        # A release-1 cache: flat text and pictures.
        flat = legacy_body(json.loads(row["paragraphs"]), json.loads(row["images"]))
        return replace(article_from_row({**dict(row), "body": "[]"}), body=tuple(flat))
    except (ValueError, KeyError, TypeError, IndexError):
        return None  # a row whose text was damaged


def _pages(db: sqlite3.Connection, article_id: int) -> list[KeptPage]:
    try:
        rows = db.execute(
            "SELECT url, charset, data FROM article_pages WHERE article_id = ? ORDER BY position",
            (article_id,),
        ).fetchall()
        return [KeptPage(url, zlib.decompress(data), charset) for url, charset, data in rows]
    except (sqlite3.Error, zlib.error):
        return []
