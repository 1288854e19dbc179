"""The 精彩推荐 and 新闻排行 panels as seen over time: snapshots and their items.

A panel is identified by where it is published (``addresses.panel_source``: the
host, and the section on the portal). Equal consecutive sightings of the same panel
share one snapshot, so a ranking's movement compares with that ranking's snapshot
before it, never with another host's.
"""

from __future__ import annotations

import json
import sqlite3

from ..addresses import panel_source
from ..model import ArticlePage, RankItem, Recommendation


def snapshot(db: sqlite3.Connection, kind: str, article: ArticlePage, now: str) -> int | None:
    """The id of the snapshot holding the article's ``kind`` panel as now seen."""
    if kind == "ranking":
        items = [(i.rank, i.title, i.url, None) for i in article.ranking]
    else:
        items = [(None, i.title, i.url, i.image) for i in article.recommendations]
    if not items:
        return None
    import hashlib  # the writer's: the window starts without it

    digest = hashlib.sha256(json.dumps(items, ensure_ascii=False).encode()).hexdigest()
    source = panel_source(article.url)
    latest = db.execute(
        "SELECT id, digest FROM panel_snapshots WHERE kind = ? AND source = ? "
        "ORDER BY id DESC LIMIT 1",
        (kind, source),
    ).fetchone()
    if latest is not None and latest["digest"] == digest:
        db.execute("UPDATE panel_snapshots SET last_seen = ? WHERE id = ?", (now, latest["id"]))
        return latest["id"]
    snapshot_id = db.execute(
        "INSERT INTO panel_snapshots (kind, digest, first_seen, last_seen, page_url, source) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (kind, digest, now, now, article.url, source),
    ).lastrowid
    db.executemany(
        "INSERT INTO panel_items (snapshot_id, position, rank, title, url, image) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(snapshot_id, position, *item) for position, item in enumerate(items)],
    )
    return snapshot_id


def items(db: sqlite3.Connection, snapshot_id: int | None) -> list[sqlite3.Row]:
    if snapshot_id is None:
        return []
    return db.execute(
        "SELECT rank, title, url, image FROM panel_items WHERE snapshot_id = ? ORDER BY position",
        (snapshot_id,),
    ).fetchall()


def recommendations(db: sqlite3.Connection, snapshot_id: int | None) -> tuple[Recommendation, ...]:
    return tuple(Recommendation(i["title"], i["url"], i["image"]) for i in items(db, snapshot_id))


def ranking(db: sqlite3.Connection, snapshot_id: int | None) -> tuple[RankItem, ...]:
    """The ranking with full titles wherever the cache knows the article: resolved as the
    panel is read, so older snapshots improve as articles arrive."""
    if snapshot_id is None:
        return ()
    rows = db.execute(
        "SELECT i.rank, i.title, i.url, a.title AS known FROM panel_items i "
        "LEFT JOIN articles a ON a.url = i.url WHERE i.snapshot_id = ? ORDER BY i.position",
        (snapshot_id,),
    )
    return tuple(_full_title(row["rank"], row["title"], row["url"], row["known"]) for row in rows)


def _full_title(rank: int, seen: str, url: str, known: str | None) -> RankItem:
    if known and len(known) > len(seen) and known.startswith(seen):
        return RankItem(rank, known, url, cut_title=seen)
    return RankItem(rank, seen, url)


def ranking_movement(
    db: sqlite3.Connection, snapshot_id: int | None
) -> list[tuple[RankItem, int | None]]:
    """The ranking with each line's movement since the snapshot before it.

    Movement is places gained (negative: lost), or None for a line new to the panel.
    """
    if snapshot_id is None:
        return []
    previous = db.execute(
        "SELECT id FROM panel_snapshots WHERE kind = 'ranking' AND id < ? AND source = "
        "(SELECT source FROM panel_snapshots WHERE id = ?) ORDER BY id DESC LIMIT 1",
        (snapshot_id, snapshot_id),
    ).fetchone()
    before = {i["url"]: i["rank"] for i in items(db, previous[0])} if previous else {}
    result = []
    for item in ranking(db, snapshot_id):
        if not previous:
            result.append((item, 0))
        elif item.url in before:
            result.append((item, before[item.url] - item.rank))
        else:
            result.append((item, None))
    return result


def latest_rankings(db: sqlite3.Connection) -> list[tuple[str, int, str]]:
    """(source, snapshot id, last seen) of each source's latest 新闻排行, by source."""
    return db.execute(
        "SELECT source, id, last_seen FROM panel_snapshots WHERE id IN "
        "(SELECT max(id) FROM panel_snapshots WHERE kind = 'ranking' GROUP BY source) "
        "ORDER BY source"
    ).fetchall()


def rank_histories(db: sqlite3.Connection, urls: list[str]) -> dict[str, list[tuple]]:
    """(source, rank, first seen, last seen) of every ranking snapshot naming each of
    ``urls``, oldest first, in one query (the 排行 view shows them all)."""
    histories: dict[str, list[tuple]] = {url: [] for url in urls}
    for start in range(0, len(urls), 500):
        chunk = urls[start : start + 500]
        rows = db.execute(
            "SELECT i.url, s.source, i.rank, s.first_seen, s.last_seen FROM panel_items i "
            "JOIN panel_snapshots s ON s.id = i.snapshot_id WHERE s.kind = 'ranking' "
            f"AND i.url IN ({','.join('?' * len(chunk))}) ORDER BY s.id",
            chunk,
        )
        for url, *sighting in rows:
            histories[url].append(tuple(sighting))
    return histories


def forget_old(db: sqlite3.Connection, older_than: str) -> int:
    """Forget snapshots last seen before ``older_than`` (ISO time); kept: those an article
    shows, and those naming a starred article (its history stays). Returns how many."""
    doomed = [
        row[0]
        for row in db.execute(
            "SELECT s.id FROM panel_snapshots s WHERE s.last_seen < ? "
            "AND s.id NOT IN (SELECT recommendations_id FROM articles "
            "                 WHERE recommendations_id IS NOT NULL "
            "                 UNION SELECT ranking_id FROM articles WHERE ranking_id IS NOT NULL) "
            "AND NOT EXISTS (SELECT 1 FROM panel_items i JOIN articles a ON a.url = i.url "
            "                WHERE i.snapshot_id = s.id AND a.starred = 1)",
            (older_than,),
        )
    ]
    db.executemany("DELETE FROM panel_items WHERE snapshot_id = ?", [(i,) for i in doomed])
    db.executemany("DELETE FROM panel_snapshots WHERE id = ?", [(i,) for i in doomed])
    return len(doomed)


def forget_unshown_recommendations(db: sqlite3.Connection) -> None:
    """Forget 精彩推荐 snapshots no stored article shows (articles went in a clean-up):
    unlike a 新闻排行's, their history is shown nowhere."""
    db.execute(
        "DELETE FROM panel_snapshots WHERE kind = 'recommendations' AND id NOT IN "
        "(SELECT recommendations_id FROM articles WHERE recommendations_id IS NOT NULL)"
    )
