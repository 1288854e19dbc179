"""One sync of a cache at a time, whichever gansureader runs it: the window's refresh, a
`sync` from cron, a second window. Two at once were safe for the cache (SQLite) but asked
the site everything twice, with twice the connections the polite-client rules allow.

An OS lock on a file in the data folder, taken without waiting: the system lets go of it
when the process ends, however it ends, so a killed sync never leaves it held.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import GansuReaderError

LOCK_NAME = "sync.lock"


class SyncBusy(GansuReaderError):
    """Another gansureader is syncing this cache now."""


@contextmanager
def sync_lock(folder: Path) -> Iterator[None]:
    """Held while the block runs; SyncBusy at once if another process holds it."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK_NAME, "a+b") as handle:  # closing it lets go of the lock
        try:
            _lock(handle)
        except OSError:
            raise SyncBusy(
                "another gansureader is refreshing this cache now (what it brings shows "
                "here when it lands): nothing was fetched twice"
            ) from None
        yield


def _lock(handle) -> None:
    if os.name == "nt":
        import msvcrt

        handle.seek(0)  # Windows locks bytes from where the file stands: the first one
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
