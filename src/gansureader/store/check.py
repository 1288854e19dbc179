"""``gansureader check``: is the cache sound, and if not, what was mended.

The database's integrity (a cache damaged inside is replaced as at start: moved
aside, salvaged, the reader's state put back), the picture files (a missing or
unreadable one becomes a missing picture, fetched by the next sync; files no row
names are removed), and the reader's state file.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from .images import image_type
from .recovery import Recovery


@dataclass(frozen=True)
class CheckReport:
    integrity: str  # "ok", or SQLite's first complaint
    bad_pictures: int  # files missing or unreadable: their rows went, the next sync refetches
    orphans: int  # files no row named: removed
    state: str  # the state file's integrity: "ok" or the complaint
    recovery: Recovery | None

    @property
    def sound(self) -> bool:
        return (
            self.integrity == "ok"
            and not self.bad_pictures
            and not self.orphans
            and self.state == "ok"
        )


def check(store) -> CheckReport:
    integrity = _integrity(store)
    replaced = store.replace_damaged() if integrity != "ok" else None
    bad, orphans = _check_pictures(store)
    try:
        state = store.state.integrity()
    except sqlite3.DatabaseError as error:
        state = str(error)
    return CheckReport(integrity, bad, orphans, state, replaced)


def replace_if_damaged(store) -> Recovery | None:
    """The cache moved aside and started anew from what it still reads, if SQLite's
    integrity check finds it damaged (a reader of it met the damage)."""
    return store.replace_damaged() if _integrity(store) != "ok" else None


def _integrity(store) -> str:
    try:
        return store._db.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        return str(error)


def _check_pictures(store) -> tuple[int, int]:
    db = store._db
    bad = []
    known = set()
    for (digest,) in db.execute("SELECT DISTINCT sha256 FROM images").fetchall():
        path = store.images.path(digest)
        try:
            readable = image_type(path.read_bytes()) is not None
        except OSError:
            readable = False
        if readable:
            known.add(digest)
        else:
            bad.append(digest)
            path.unlink(missing_ok=True)
    if bad:
        with store._write():
            db.executemany("DELETE FROM images WHERE sha256 = ?", [(digest,) for digest in bad])
    return len(bad), store.images.remove_all_but(known)
