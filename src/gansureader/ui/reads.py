"""Reads that can take longer than a frame, off the window's thread: search, the 排行
view, the list's later pages.

They run one at a time on a thread of their own, with a read-only connection of their
own, and answer on the window's thread. (Qt's pool may replace its thread — waitForDone()
removes them — so the connection may be used from any thread, one query at a time.) A
request supersedes the one of the same kind before it: one still waiting is skipped,
one running is interrupted, and an answer that comes for it anyway is dropped — so
typing a search never queues a query per keystroke, and a slow answer never replaces
a newer one. Until the answer comes the window shows what it showed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from .failures import damages_the_cache, log_failure
from .tasks import one_thread_pool, run_task


class Reads(QObject):
    damage_met = Signal()  # a read failed on damage in the cache file (logged)

    def __init__(self, folder: Path, parent=None):
        super().__init__(parent)
        self.folder = folder
        self.pool = one_thread_pool(self)
        self._store = None  # opened by the first read; used by one read at a time
        self._latest: dict[str, int] = {}
        self._running: str | None = None  # the kind of the read running now
        self._lock = threading.Lock()
        self._closed = False

    def read(
        self,
        kind: str,
        query: Callable[[object], object],
        answer: Callable[[object], None],
        failed: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``query(store)`` off this thread; ``answer(result)`` unless superseded."""
        ticket = self._supersede(kind)

        def work():
            if self._latest.get(kind) != ticket:
                return None  # superseded while it waited: not run at all
            with self._lock:
                self._running = kind
            try:
                return query(self._connection())
            finally:
                with self._lock:
                    self._running = None

        def deliver(result, error) -> None:
            if self._closed or self._latest.get(kind) != ticket:
                return  # stale: a newer request of this kind is on its way
            if error is None:
                answer(result)
            elif damages_the_cache(error):  # not this read's failure: the cache's, mended as one
                log_failure(error)
                self.damage_met.emit()
            elif failed is not None:
                failed(error)
            else:
                log_failure(error)

        run_task(work, deliver, self.pool)

    def cancel(self, kind: str) -> None:
        """Whatever of ``kind`` is waiting or running is not wanted any more."""
        self._supersede(kind)

    def _supersede(self, kind: str) -> int:
        ticket = self._latest[kind] = self._latest.get(kind, 0) + 1
        with self._lock:
            if self._running == kind and self._store is not None:
                self._store.interrupt()
        return ticket

    def _connection(self):
        if self._store is None:
            from ..store import Store

            self._store = Store(self.folder, read_only=True, any_thread=True)
        return self._store

    def reopen(self) -> None:
        """The cache file was replaced: what is waiting or running reads the old one (its
        answers are dropped), and the next read opens the new one."""
        self._drop_connection()

    def shut_down(self) -> None:
        """Drop every answer to come and close the connection on its own thread."""
        self._closed = True
        self._drop_connection()
        self.pool.waitForDone(5000)

    def _drop_connection(self) -> None:
        for kind in list(self._latest):
            self._supersede(kind)
        run_task(self._close, lambda *_: None, self.pool)  # after the running read

    def _close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
