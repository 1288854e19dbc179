"""What every part of the store shares: its error, the write transaction, timestamps.

SQLite and file-system errors become ``StoreError`` with a message that says what
went wrong with the cache and what to do about it.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

# Below this much free space a sync stops cleanly rather than have a write fail midway.
DISK_MARGIN = 50 * 1024 * 1024


class StoreError(Exception):
    """The cache cannot be read or written; the message says why and what to do."""


class DiskFull(StoreError):
    """Too little free space to write: the user's condition, not a bug."""


def ensure_space(folder: Path, needed: int = 0) -> None:
    """Raise DiskFull unless ``needed`` bytes fit with the margin to spare."""
    if free_bytes(folder) < DISK_MARGIN + needed:
        raise DiskFull(disk_full_message(folder))


def free_bytes(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return DISK_MARGIN  # cannot tell: let the write itself decide


def disk_full_message(folder: Path) -> str:
    free = free_bytes(folder) // (1024 * 1024)
    return (
        f"the disk holding the cache ({folder}) is full: {free} MB free, and gansureader "
        f"stops below {DISK_MARGIN // (1024 * 1024)} MB so that the cache stays whole. "
        "Free some space, then sync again: it completes the cache"
    )


class Transaction:
    """BEGIN IMMEDIATE … COMMIT, ROLLBACK on any error; SQLite errors become StoreErrors."""

    def __init__(self, db: sqlite3.Connection, folder: Path):
        self.db, self.folder = db, folder

    def __enter__(self):
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise StoreError(explain(self.folder, error)) from None

    def __exit__(self, kind, error, trace):
        if kind is None:
            try:
                self.db.execute("COMMIT")
                return False
            except sqlite3.Error as commit_error:
                error = commit_error
        if self.db.in_transaction:  # SQLite may have rolled back by itself (disk full)
            self.db.execute("ROLLBACK")
        if isinstance(error, sqlite3.Error | OSError):
            raise error_for(self.folder, error) from None
        return False


def error_for(folder: Path, error: Exception) -> StoreError:
    """The StoreError (a DiskFull for a full disk) that says what ``error`` means."""
    message = explain(folder, error)
    return DiskFull(message) if _is_disk_full(error) else StoreError(message)


def _is_disk_full(error: Exception) -> bool:
    return "full" in str(error).lower() or getattr(error, "errno", None) == 28  # ENOSPC


def explain(folder: Path, error: Exception) -> str:
    """A message that says what went wrong with the cache and what to do about it."""
    text = str(error).lower()
    if _is_disk_full(error):
        return disk_full_message(folder)
    if "readonly" in text or "read-only" in text or isinstance(error, PermissionError):
        return f"the cache folder {folder} cannot be written: check its permissions"
    if "locked" in text or "busy" in text:
        return f"the cache at {folder} is busy (another gansureader is writing): try again"
    if "malformed" in text or "not a database" in text:
        return (
            f"the cache at {folder} is damaged: run 'gansureader check' to replace it "
            "(your starred and read articles are kept)"
        )
    return f"the cache at {folder} failed: {error}"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def to_datetime(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
