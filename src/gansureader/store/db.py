"""What every part of the store shares: its errors, the write transaction, timestamps.

SQLite and file-system errors that are the user's condition — a full disk, a cache
another process holds, a folder that cannot be written, a damaged file — become a
``StoreError`` of that kind, whose message says what to do. They are told apart by
SQLite's error code, not by message text. Any other SQLite error is a bug and is
raised as it is.
"""

from __future__ import annotations

import errno
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from .. import reasons
from ..errors import GansuReaderError

# Below this much free space a sync stops cleanly rather than have a write fail midway.
DISK_MARGIN = 50 * 1024 * 1024
# SQLite's primary result codes (sqlite3.h) for the conditions a user can act on.
_BUSY, _LOCKED, _READONLY, _FULL = 5, 6, 8, 13
_PERM, _IOERR, _CORRUPT, _CANTOPEN, _NOTADB = 3, 10, 11, 14, 26


class StoreError(GansuReaderError):
    """The cache cannot be read or written; the message says why and what to do."""


class DiskFull(StoreError):
    """Too little free space to write: the user's condition, not a bug."""


class CacheBusy(StoreError):
    """Another process holds the cache's write lock for longer than we wait."""


class CacheUnwritable(StoreError):
    """The cache's folder or file cannot be written (permissions, a read-only disk)."""


class CacheDamaged(StoreError):
    """The cache file is damaged: ``gansureader check`` replaces it."""


def connect_read_only(database: Path, schema: int, any_thread: bool) -> sqlite3.Connection:
    """A connection that can only read ``database``, which must be at ``schema`` (else a
    StoreError: a writer opens it first). ``any_thread``: used from whichever thread."""
    db = sqlite3.connect(
        f"{database.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=not any_thread
    )
    try:
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA busy_timeout = 10000")
        version = db.execute("PRAGMA user_version").fetchone()[0]
    except BaseException:
        db.close()
        raise
    if version != schema:
        db.close()
        raise StoreError(
            f"the cache at {database.parent} is at schema {version}, not {schema}: "
            "open it for writing first"
        )
    return db


def ensure_space(folder: Path, needed: int = 0) -> None:
    """Raise DiskFull unless ``needed`` bytes fit with the margin to spare."""
    if free_bytes(folder) < DISK_MARGIN + needed:
        raise DiskFull(disk_full_message(folder))


def free_bytes(folder: Path) -> int:
    try:
        import shutil  # here: it brings bz2 and lzma, which the window starts without

        return shutil.disk_usage(folder).free
    except OSError:
        return DISK_MARGIN  # cannot tell: let the write itself decide


def disk_full_message(folder: Path) -> str:
    megabyte = 1024 * 1024
    return reasons.fill(
        reasons.DISK_FULL, folder, free_bytes(folder) // megabyte, DISK_MARGIN // megabyte
    )


class Transaction:
    """BEGIN IMMEDIATE … COMMIT, ROLLBACK on any error; the user's conditions become
    StoreErrors (see ``error_for``)."""

    def __init__(self, db: sqlite3.Connection, folder: Path):
        self.db, self.folder = db, folder

    def __enter__(self):
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise error_for(self.folder, error) from None

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


def error_for(folder: Path, error: Exception) -> Exception:
    """The StoreError of the kind ``error`` is, with a message that says what to do; or
    ``error`` itself when it is no condition of the user's (a bug: raised as it is)."""
    if isinstance(error, (FileExistsError, NotADirectoryError)):  # from making the folder
        return StoreError(reasons.fill(reasons.NOT_A_FOLDER, folder))
    kind = _kind(error)
    if kind is DiskFull:
        return DiskFull(disk_full_message(folder))
    if kind is CacheUnwritable:
        return CacheUnwritable(reasons.fill(reasons.UNWRITABLE, folder))
    if kind is CacheBusy:
        return CacheBusy(reasons.fill(reasons.BUSY, folder))
    if kind is CacheDamaged:
        return CacheDamaged(reasons.fill(reasons.DAMAGED, folder))
    if kind is StoreError:
        return StoreError(f"the cache at {folder} failed: {error}")
    return error


def is_damage(error: BaseException) -> bool:
    """Whether SQLite said the file is damaged (by its error code: SQLITE_CORRUPT and its
    kinds — FTS5's shadow tables say so too — or SQLITE_NOTADB)."""
    return isinstance(error, sqlite3.DatabaseError) and _kind(error) is CacheDamaged


def _kind(error: Exception) -> type[StoreError] | None:
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return DiskFull
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return CacheUnwritable
        return StoreError  # the disk's own trouble (an I/O error): the user's, not a bug
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:  # Python before 3.11: the message is all there is
        return _kind_by_text(str(error).lower())
    return {
        _FULL: DiskFull,
        _BUSY: CacheBusy,
        _LOCKED: CacheBusy,
        _READONLY: CacheUnwritable,
        _PERM: CacheUnwritable,
        _CANTOPEN: CacheUnwritable,
        _CORRUPT: CacheDamaged,
        _NOTADB: CacheDamaged,
        _IOERR: StoreError,
    }.get(code & 0xFF)


def _kind_by_text(text: str) -> type[StoreError] | None:
    for words, kind in (
        (("full",), DiskFull),
        (("locked", "busy"), CacheBusy),
        (("readonly", "read-only", "unable to open"), CacheUnwritable),
        (("malformed", "not a database"), CacheDamaged),
        (("disk i/o",), StoreError),
    ):
        if any(word in text for word in words):
            return kind
    return None


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def to_datetime(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
