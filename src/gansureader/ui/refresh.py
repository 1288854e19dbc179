"""Runs the engines off the GUI thread and reports by signals: the app's 刷新, and the
re-reading of articles an older parser read.

One job at a time, so one writer: an article asked for while a sync runs is queued
and fetched right after it, and a re-read waits for the sync. The engine opens its
own Store in the worker thread (SQLite connections stay in their thread); the GUI's
Store only reads and flips flags.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from ..model import Channel
from .tasks import run_task


class Refresher(QObject):
    started = Signal()
    progress = Signal(int, int, str)  # done, total, URL
    finished = Signal(object)  # SyncSummary
    failed = Signal(str)  # the sync could not run at all (cache unusable…)
    reparsed = Signal(object)  # ReparseSummary
    cleaned = Signal(object)  # articles removed by a clean-up, or the error that stopped it

    def __init__(self, data_folder: Path, pool: QThreadPool | None = None, parent=None):
        super().__init__(parent)
        self.data_folder = data_folder
        self.pool = pool
        self.mirror: str | None = None
        self.proxy: str | None = None
        self.cache_limit_bytes: int | None = None  # enforced after every sync
        self.panel_articles: int | None = None  # None: the engine's own default
        self.panel_days = 90  # panel snapshots kept this long (starred articles' always)
        self._cancel: threading.Event | None = None
        self._again = False
        self._reparse_wanted = False
        self._pictures_wanted: list[str] = []
        self._cleanup_wanted: int | None = None  # a clean-up's byte limit, waiting its turn

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def start(
        self,
        channels: list[Channel],
        pages: int,
        mirror: str | None = None,
        pictures: list[str] = (),
    ) -> bool:
        """Start a sync of ``channels`` and the queued articles; False if one is running.

        ``mirror`` overrides the usual mirror for this sync (loading the demo content);
        ``pictures`` are fetched now (a reader clicked them).
        """
        if self.running:
            self._pictures_wanted.extend(pictures)
            self._again = True  # queued articles will wait for this one to end
            return False
        self._cancel = cancel = threading.Event()
        mirror, proxy, limit = mirror or self.mirror, self.proxy, self.cache_limit_bytes
        panel_articles, panel_days = self.panel_articles, self.panel_days
        emit_progress = self.progress.emit

        def work():
            # Imported here: the window starts without the network and parsing stack.
            from ..net import Fetcher
            from ..store import Store
            from ..sync import SyncEngine

            fetcher = Fetcher(mirror, cancel=cancel, proxy=proxy)
            try:
                with Store(self.data_folder) as store:
                    engine = SyncEngine(
                        store,
                        fetcher,
                        on_progress=lambda p: emit_progress(p.done, p.total, p.url),
                        panel_articles=panel_articles,
                    )
                    summary = engine.run(channels, pages=pages, pictures=list(pictures))
                    store.forget_old_panels(panel_days)
                    if limit:
                        store.clean_up(limit)  # starred articles stay
                    return summary
            finally:
                fetcher.close()

        run_task(work, self._done, self.pool)
        self.started.emit()
        return True

    def reparse_outdated(self) -> bool:
        """Re-read, from their kept pages, the articles an older parser read.

        Quietly, in the background; after the running sync if there is one.
        """
        if self.running:
            self._reparse_wanted = True
            return False
        self._cancel = cancel = threading.Event()

        def work():
            from ..reparse import reparse  # the parser: only now, off the GUI thread
            from ..store import Store

            with Store(self.data_folder) as store:
                return reparse(store, outdated_only=True, cancel=cancel)

        run_task(work, self._reparse_done, self.pool)
        return True

    def clean_up(self, limit_bytes: int) -> bool:
        """Forget the oldest articles until the cache fits ``limit_bytes`` (starred stay),
        then compact it: off the window's thread, after the running job if there is one."""
        if self.running:
            self._cleanup_wanted = limit_bytes
            return False
        self._cancel = threading.Event()

        def work():
            from ..store import Store

            with Store(self.data_folder) as store:
                return store.clean_up(limit_bytes)

        run_task(work, self._cleaned, self.pool)
        return True

    def _cleaned(self, removed, error) -> None:
        self._cancel = None
        self.cleaned.emit(error if error is not None else removed)
        self._next()

    def _reparse_done(self, summary, error) -> None:
        self._cancel = None
        if error is None:
            self.reparsed.emit(summary)
        self._next()

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _done(self, summary, error) -> None:
        self._cancel = None
        if error is not None:
            self.failed.emit(str(error))
        else:
            self.finished.emit(summary)
        self._next()

    def _next(self) -> None:
        """What waited for the job that ended: queued articles first, then a re-read."""
        if self._again or self._pictures_wanted:
            pictures, self._again, self._pictures_wanted = self._pictures_wanted, False, []
            self.start([], pages=1, pictures=pictures)
        elif self._cleanup_wanted is not None:
            limit, self._cleanup_wanted = self._cleanup_wanted, None
            self.clean_up(limit)
        elif self._reparse_wanted:
            self._reparse_wanted = False
            self.reparse_outdated()
