"""Articles change: which to look at again, every version the cache saw, and pages gone.

A mixin of Store. When a stored article comes back with other text (title, meta line
or body — the panels, counters and the rest of the page are not the article), the
version it replaces is kept in ``article_revisions`` with its pages as fetched, so any
version can be read again. A page that answers 404/410 or 页面没有找到 on two checks in
a row is marked removed from the first of them; the article is never deleted for it.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from ..model import ArticlePage, ArticleSummary, Revision
from .db import now, to_datetime
from .rows import (
    ARTICLE_ID,
    SUMMARY_SELECT,
    article_from_row,
    naming,
    summary,
    texts_from_json,
)

# An article is looked at again at most this often by the syncs that run by themselves
# (the command line's --recheck asks now), and at most this many a host and sync:
# the site's servers are modest.
RECHECK_HOURS = 6
RECHECKS_PER_HOST = 200
MISSES_TO_REMOVE = 2
# A page of the same address is the same article (corrected, expanded, retitled) when its
# title or its text is at least this like the stored one's, or its date is the same.
SAME_ARTICLE = 0.5
# The articles that changed or whose page is gone, each once.
_CHANGED = (
    "(SELECT article_id FROM article_revisions "
    "UNION SELECT id FROM articles WHERE removed_at IS NOT NULL)"
)


class RevisionList:
    _db: sqlite3.Connection

    def recheck_candidates(self, days: int, *, at_once: bool = False) -> list[str]:
        """Articles published in the last ``days`` days to fetch again, oldest check first:
        not looked at for RECHECK_HOURS (unless ``at_once``), none already gone, at most
        RECHECKS_PER_HOST of each host."""
        if days <= 0:
            return []
        moment = datetime.now(timezone.utc)
        since = (moment - timedelta(days=days)).isoformat(timespec="seconds")
        before = moment if at_once else moment - timedelta(hours=RECHECK_HOURS)
        rows = self._db.execute(
            "SELECT url FROM articles WHERE removed_at IS NULL "
            "AND julianday(published_at) >= julianday(?) "
            "AND julianday(coalesce(checked_at, fetched_at)) <= julianday(?) "
            "ORDER BY coalesce(checked_at, fetched_at), id",
            (since, before.isoformat(timespec="seconds")),
        )
        per_host: Counter[str] = Counter()
        chosen = []
        for (url,) in rows:
            host = urlsplit(url).hostname or ""
            per_host[host] += 1
            if per_host[host] <= RECHECKS_PER_HOST:
                chosen.append(url)
        return chosen

    def note_present(self, url: str) -> None:
        """A re-check found the page as it was (304, or the same text): checked now."""
        with self._write():
            article_id = self._db.execute(f"SELECT {ARTICLE_ID}", naming(url)).fetchone()[0]
            self._answered(article_id, now())

    def _answered(self, article_id: int | None, stamp: str) -> None:
        """Its page answered with it: looked at now, and not gone (in a transaction)."""
        self._db.execute(
            "UPDATE articles SET checked_at = ?, misses = 0, missed_at = NULL, "
            "removed_at = NULL WHERE id = ?",
            (stamp, article_id),
        )

    def note_missing(self, url: str) -> bool:
        """A re-check found the page gone (404, 410, 页面没有找到); True when that made
        MISSES_TO_REMOVE checks in a row, so it is marked removed now."""
        stamp = now()
        with self._write():
            where = naming(url, now=stamp)
            self._db.execute(
                "UPDATE articles SET checked_at = :now, misses = misses + 1, "
                f"missed_at = coalesce(missed_at, :now) WHERE id = {ARTICLE_ID}",
                where,
            )
            row = self._db.execute(
                f"SELECT misses, removed_at FROM articles WHERE id = {ARTICLE_ID}", where
            ).fetchone()
            if row is None or row[0] < MISSES_TO_REMOVE or row[1]:
                return False
            self._db.execute(
                f"UPDATE articles SET removed_at = missed_at WHERE id = {ARTICLE_ID}", where
            )
            return True

    def revisions(self, url: str) -> list[Revision]:
        """Every version of the article the cache saw, the first first; [] if not cached."""
        row = self._db.execute(
            f"SELECT id, updated_at FROM articles WHERE id = {ARTICLE_ID}", naming(url)
        ).fetchone()
        if row is None:
            return []
        earlier = self._db.execute(
            "SELECT seen_at FROM article_revisions WHERE article_id = ? ORDER BY id", (row[0],)
        ).fetchall()
        versions = [Revision(n, to_datetime(seen)) for n, (seen,) in enumerate(earlier, 1)]
        return versions + [Revision(len(versions) + 1, to_datetime(row[1]), current=True)]

    def revision(self, url: str, number: int) -> ArticlePage | None:
        """Version ``number`` of the article (see ``revisions``), without its panels."""
        current = self.article(url)
        if current is None:
            return None
        rows = self._db.execute(
            "SELECT r.*, a.url FROM article_revisions r JOIN articles a ON a.id = r.article_id "
            f"WHERE r.article_id = {ARTICLE_ID} ORDER BY r.id",
            naming(url),
        ).fetchall()
        if number == len(rows) + 1:
            return current
        if not 1 <= number <= len(rows):
            return None
        return article_from_row(rows[number - 1])  # a revision row reads as an article's

    def changed_articles(self, *, limit: int = -1, offset: int = 0) -> list[ArticleSummary]:
        """Articles that changed or whose page is gone (已更新 / 已删除), the latest first."""
        rows = self._db.execute(
            f"{SUMMARY_SELECT} WHERE a.id IN {_CHANGED} "
            "ORDER BY max(coalesce(a.removed_at, ''), a.updated_at) DESC, a.id DESC "
            "LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [summary(row) for row in rows]

    def count_changed(self) -> int:
        """How many articles changed or are gone (both read through their own indexes)."""
        return self._db.execute(f"SELECT count(*) FROM {_CHANGED}").fetchone()[0]

    def removed_at(self, url: str) -> datetime | None:
        row = self._db.execute(
            f"SELECT removed_at FROM articles WHERE id = {ARTICLE_ID}", naming(url)
        ).fetchone()
        return to_datetime(row[0]) if row else None

    # ------------------------------------------------------------------ in save_article

    def _keep_revision(self, row: sqlite3.Row, stamp: str) -> None:
        """The stored version of an article about to be replaced, kept whole with its
        pages (in the caller's transaction)."""
        cursor = self._db.execute(
            "INSERT INTO article_revisions (article_id, seen_at, replaced_at, title, "
            "published_at, source, editor, author, contributor, breadcrumb, body, "
            "parser_version) SELECT id, updated_at, ?, title, published_at, source, editor, "
            "author, contributor, breadcrumb, body, parser_version FROM articles WHERE id = ?",
            (stamp, row["id"]),
        )
        self._db.execute(
            "INSERT INTO revision_pages (revision_id, position, url, charset, data) "
            "SELECT ?, position, url, charset, data FROM article_pages WHERE article_id = ?",
            (cursor.lastrowid, row["id"]),
        )


def reads_differently(row: sqlite3.Row, article: ArticlePage) -> bool:
    """Whether a reader would see ``article`` differ from the stored one: its title, meta
    line, text or pictures (by their path: a query or a mirror host is no other picture).
    Links' addresses and markup are not read."""
    from ..changes import picture_paths  # the writer's: the window never loads it

    stored = article_from_row(row)
    return any(
        seen(stored) != seen(article)
        for seen in (
            lambda a: (a.title, a.published_at, a.source, a.editor, a.author, a.contributor),
            ArticlePage.texts,
            picture_paths,
        )
    )


def same_article(row: sqlite3.Row, article: ArticlePage) -> bool:
    """Whether ``article`` (just fetched from a stored article's address) is that article
    changed, not another one the site put at the same address."""
    from difflib import SequenceMatcher  # the writer's: the window never loads it

    stored_date = to_datetime(row["published_at"])
    if stored_date and article.published_at and stored_date == article.published_at:
        return True
    if SequenceMatcher(None, row["title"], article.title).ratio() >= SAME_ARTICLE:
        return True
    before = "".join(texts_from_json(row["body"]))[:2000]
    after = "".join(article.texts())[:2000]
    return SequenceMatcher(None, before, after, autojunk=False).ratio() >= SAME_ARTICLE
