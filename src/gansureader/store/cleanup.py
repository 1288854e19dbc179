"""Keeping the cache under its size limit without eating the archive.

What the cache takes is measured, not guessed: the database's pages in use
(page_count × page_size, less the free list) and the picture files. The WAL is not
counted: it is a journal of recent writes, as large as the last VACUUM made it until
a checkpoint resets it, and counting it made the limit see twice the real size.

An article's share is what its going frees: its rows, index entries and kept pages,
its earlier versions with theirs (their stored bytes, scaled so that all articles'
shares add up to the database's measured size) and the pictures no other article or
panel shows. Before any article goes, the old versions of unstarred articles go,
the oldest replaced first: every version but the one before the article's current
(what 查看修改 compares with). A starred article keeps every version.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable

from . import panels, search
from .rows import texts_from_json

# A clean-up measures again after each round of removals and corrects its estimate by
# what the round really freed: two or three rounds reach the limit.
CLEAN_UP_ROUNDS = 6
DELETE_BATCH = 500  # articles deleted by one statement (SQLite allows 32 766 parameters)

# The bytes of an earlier version of an article: its text and its kept pages.
_REVISION_BYTES = (
    "length(CAST(r.title AS BLOB)) + length(CAST(r.body AS BLOB)) + coalesce((SELECT "
    "sum(length(p.data)) FROM revision_pages p WHERE p.revision_id = r.id), 0)"
)
# The bytes an article keeps in its own columns, kept pages and earlier versions; the
# search index and the row overhead are proportional enough to be covered by the scaling.
_STORED_BYTES = (
    "SELECT a.id, length(CAST(a.url AS BLOB)) + length(CAST(a.title AS BLOB)) "
    "+ length(CAST(a.body AS BLOB)) + length(CAST(a.breadcrumb AS BLOB)) "
    "+ length(CAST(a.pages AS BLOB)) + coalesce(length(CAST(a.source AS BLOB)), 0) "
    "+ coalesce((SELECT sum(length(p.data)) FROM article_pages p WHERE p.article_id = a.id), 0) "
    f"+ coalesce((SELECT sum({_REVISION_BYTES}) FROM article_revisions r "
    "WHERE r.article_id = a.id), 0) "
    "AS stored, a.starred FROM articles a ORDER BY a.published_at, a.id"
)
# The versions that go first: of unstarred articles, all but the newest earlier one.
_OLD_REVISIONS = (
    f"SELECT r.id, {_REVISION_BYTES} FROM article_revisions r "
    "JOIN articles a ON a.id = r.article_id WHERE a.starred = 0 AND r.id < "
    "(SELECT max(n.id) FROM article_revisions n WHERE n.article_id = r.article_id) "
    "ORDER BY r.replaced_at, r.id"
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


def oldest_to_free(db: sqlite3.Connection, excess: float) -> tuple[list[int], list[int], float]:
    """The old versions, then the oldest unstarred articles, whose going frees at least
    ``excess`` bytes, and not one more: (versions, articles, the bytes estimated freed)."""
    rows = db.execute(_STORED_BYTES).fetchall()
    stored = sum(row[1] for row in rows)
    if not stored:
        return [], [], 0.0
    scale = database_bytes(db) / stored
    versions, freed = [], 0.0
    for revision_id, size in db.execute(_OLD_REVISIONS):
        versions.append(revision_id)
        freed += size * scale
        if freed >= excess:
            return versions, [], freed
    pictures, users, shown_by_panels = _pictures(db)
    doomed = []
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
    return versions, doomed, freed


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


class CacheLimit:
    """The Store's side of it: its size, and the clean-up to a limit.

    A mixin of Store, whose connection (``_db``), pictures and write transaction it uses.
    """

    _db: sqlite3.Connection

    def size_bytes(self) -> int:
        """What the cache holds: the database's pages in use and the picture files."""
        return database_bytes(self._db) + picture_bytes(self._db)

    def clean_up(self, max_bytes: int, between: Callable[[], None] = lambda: None) -> int:
        """Forget old versions, then the oldest articles, until the cache fits
        ``max_bytes``; starred ones stay, with every version.

        Removes only as many as bring it under the limit: each round's estimate errs on
        the side of keeping (the database's fixed part is counted as the articles'), the
        size is measured again after it, and the next round corrects its estimate by what
        the last one really freed. Returns how many articles were removed. Pictures, and
        精彩推荐 panels, that no article shows any more go too; the 新闻排行 history stays.
        ``between`` runs after each round (the window's writes, as the writer).
        """
        removed, freed_per_estimated = 0, 1.0
        for _ in range(CLEAN_UP_ROUNDS):
            size = self.size_bytes()
            if size <= max_bytes:
                break
            excess = (size - max_bytes) / freed_per_estimated
            versions, doomed, estimate = oldest_to_free(self._db, excess)
            if not versions and not doomed:
                break
            pictures = self._picture_digests()
            with self._write():
                self._db.executemany(  # their pages go with them (ON DELETE CASCADE)
                    "DELETE FROM article_revisions WHERE id = ?", [(n,) for n in versions]
                )
                for start in range(0, len(doomed), DELETE_BATCH):
                    self._forget_articles(doomed[start : start + DELETE_BATCH])
                panels.forget_unshown_recommendations(self._db)
                self._forget_unused_pictures()
            compact(self._db)
            kept = self._picture_digests()
            self.images.remove_all_but(kept, forgotten=pictures - kept)
            removed += len(doomed)
            between()
            freed = size - self.size_bytes()
            freed_per_estimated = min(max(freed / estimate, 0.1), 2.0) if estimate else 1.0
        return removed

    def _picture_digests(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT DISTINCT sha256 FROM images")}

    def _forget_articles(self, ids: list[int]) -> None:
        """Delete these articles (their rows in other tables go by cascade and trigger),
        and their search entries, which a contentless index forgets only when told
        what it indexed (in the caller's transaction)."""
        marks = ", ".join("?" * len(ids))
        for row in self._db.execute(
            f"SELECT id, title, body FROM articles WHERE id IN ({marks})", ids
        ):
            search.remove(self._db, row["id"], row["title"], texts_from_json(row["body"]))
        self._db.execute(f"DELETE FROM articles WHERE id IN ({marks})", ids)

    def _forget_unused_pictures(self) -> None:
        # article_pictures follows every article (its rows go with a deleted article).
        used = {row[0] for row in self._db.execute("SELECT url FROM article_pictures")}
        used |= {row[0] for row in self._db.execute("SELECT image FROM panel_items")}
        stored = [row[0] for row in self._db.execute("SELECT url FROM images")]
        self._db.executemany(
            "DELETE FROM images WHERE url = ?", [(url,) for url in stored if url not in used]
        )
