"""The 精彩推荐 and 新闻排行 panels as seen over time: snapshots and their items.

Equal consecutive sightings of a panel share one snapshot, so the ranking's
movement compares with the snapshot before it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

from ..model import ArticlePage, RankItem, Recommendation


def snapshot(db: sqlite3.Connection, kind: str, article: ArticlePage, now: str) -> int | None:
    """The id of the snapshot holding the article's ``kind`` panel as now seen."""
    if kind == "ranking":
        items = [(i.rank, i.title, i.url, None) for i in article.ranking]
    else:
        items = [(None, i.title, i.url, i.image) for i in article.recommendations]
    if not items:
        return None
    digest = hashlib.sha256(json.dumps(items, ensure_ascii=False).encode()).hexdigest()
    latest = db.execute(
        "SELECT id, digest FROM panel_snapshots WHERE kind = ? ORDER BY id DESC LIMIT 1",
        (kind,),
    ).fetchone()
    if latest is not None and latest["digest"] == digest:
        db.execute("UPDATE panel_snapshots SET last_seen = ? WHERE id = ?", (now, latest["id"]))
        return latest["id"]
    snapshot_id = db.execute(
        "INSERT INTO panel_snapshots (kind, digest, first_seen, last_seen, page_url) "
        "VALUES (?, ?, ?, ?, ?)",
        (kind, digest, now, now, article.url),
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
    return tuple(RankItem(i["rank"], i["title"], i["url"]) for i in items(db, snapshot_id))


def ranking_movement(
    db: sqlite3.Connection, snapshot_id: int | None
) -> list[tuple[RankItem, int | None]]:
    """The ranking with each line's movement since the snapshot before it.

    Movement is places gained (negative: lost), or None for a line new to the panel.
    """
    if snapshot_id is None:
        return []
    previous = db.execute(
        "SELECT id FROM panel_snapshots WHERE kind = 'ranking' AND id < ? ORDER BY id DESC LIMIT 1",
        (snapshot_id,),
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
