"""The cache's one writer: runs the engines off the GUI thread and reports by signals —
the app's 刷新, the clean-up, the re-reading of articles an older parser read — and
the window's own writes (stars, read marks, channels).

Everything runs on one thread of its own, one job at a time, so one writer: an article
asked for while a sync runs is fetched right after it, a re-read waits for the sync
(and stops for one the reader asks for, to go on after it), and the window's writes
are run by the running job between its steps (or by a short job of their own). Each
job opens its own Store on that thread (SQLite connections stay in their thread); the
window's Store is read-only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from ..defaults import PANEL_DAYS, RECHECK_DAYS
from ..model import Channel
from ..sync_lock import SyncBusy
from ..writes import WriteQueue
from .failures import damages_the_cache, log_failure, user_message
from .tasks import one_thread_pool, run_task

# Closing the window waits this long for the writer: a cancelled sync ends within a
# second, the window's last writes take milliseconds, a clean-up's round may take longer.
SHUTDOWN_WAIT_MS = 15_000


class Refresher(QObject):
    started = Signal()
    progress = Signal(int, int, str)  # done, total, URL
    finished = Signal(object)  # SyncSummary
    failed = Signal(str)  # the sync could not run at all (cache unusable…)
    reparsed = Signal(object)  # ReparseSummary
    cleaned = Signal(object)  # articles removed by a clean-up, or the error that stopped it
    written = Signal()  # a write of the window's landed (or failed), and was answered
    busy_elsewhere = Signal()  # another gansureader syncs the cache now: this sync did not run
    recovered = Signal(object)  # the writer found the cache damaged and started anew: Recovery
    damage_met = Signal()  # a job stopped on damage in the cache file: the window has it mended
    # Emitted on the writer's thread, each reaches a @Slot here and goes on from this
    # thread: every public signal is emitted on the window's thread (see tasks.Task).
    _answered = Signal(object, object)  # a window write's callback, (result, error)
    _progressed = Signal(int, int, str)
    _started_anew = Signal(object)

    def __init__(self, data_folder: Path, parent=None):
        super().__init__(parent)
        self.data_folder = data_folder
        self.pool = one_thread_pool(self)  # the writer's thread
        self.writes = WriteQueue()
        self._answered.connect(self._answer)
        self._progressed.connect(self._progress)
        self._started_anew.connect(self._recovered)
        self._closed = False
        self._drain_waiting = False
        self.mirror: str | None = None
        self.proxy: str | None = None
        self.cache_limit_bytes: int | None = None  # enforced after every sync
        self.panel_articles: int | None = None  # None: the engine's own default
        self.panel_days = PANEL_DAYS  # panel snapshots kept this long (starred articles' always)
        self.recheck_days = RECHECK_DAYS  # a full refresh looks again at articles this recent
        self._cancel: threading.Event | None = None
        self._again = False
        self._rereading = False  # the running job is the app's own re-read
        self._sync_wanted: tuple | None = None  # (channels, pages, mirror) asked during it
        self._reparse_wanted = False
        self._pictures_wanted: list[str] = []
        self._cleanup_wanted: int | None = None  # a clean-up's byte limit, waiting its turn

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def write(
        self,
        write: Callable[[object], object],
        done: Callable[[object, Exception | None], None] = lambda result, error: None,
    ) -> None:
        """Run ``write(store)`` as the writer; ``done(result, error)`` follows on this thread.

        The window has already shown the change; ``done`` corrects it if the write failed.
        """
        self.writes.put(write, lambda result, error: self._answered.emit(done, (result, error)))
        if not self._drain_waiting:  # after the running job, which drains as it goes
            self._drain_waiting = True
            run_task(self._drain, self._drained, self.pool)

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, url: str) -> None:
        self.progress.emit(done, total, url)

    @Slot(object)
    def _recovered(self, recovery) -> None:
        if not self._closed:
            self.recovered.emit(recovery)

    def _open_store(self):
        """The Store of a job, on the writer's thread. A damaged cache it finds is set
        aside and started anew (the window's connection still reads the old file): told."""
        from ..store import Store

        store = Store(self.data_folder)
        if store.recovery is not None:
            self._started_anew.emit(store.recovery)
        return store

    @Slot(object, object)
    def _answer(self, callback, answer) -> None:
        if not self._closed:  # the window that asked may be gone
            callback(*answer)
            self.written.emit()

    def shut_down(self, wait_ms: int = SHUTDOWN_WAIT_MS) -> None:
        """Stop what runs, let the window's last writes land, and wait (bounded) for the
        writer's thread; answers that come after are dropped."""
        self.cancel()
        self._again, self._pictures_wanted, self._sync_wanted = False, [], None
        self._reparse_wanted, self._cleanup_wanted = False, None
        self._closed = True
        self.pool.waitForDone(wait_ms)

    def _drain(self) -> None:
        self._drain_waiting = False
        if not self.writes.empty():
            with self._open_store() as store:
                self.writes.drain(store)

    def _drained(self, _, error) -> None:
        if error is not None:  # the cache could not even be opened: every write says so
            self.writes.refuse(error)

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
            if self._rereading:
                # The app's quiet re-read (minutes, on a large cache after an update) does
                # not keep the reader waiting: it stops after the article it is at, the
                # sync runs, and it goes on from there (what it re-read is read so).
                if channels:
                    self._sync_wanted = (channels, pages, mirror)
                self._reparse_wanted = True
                self.cancel()
            return False
        self._cancel = cancel = threading.Event()
        mirror, proxy, limit = mirror or self.mirror, self.proxy, self.cache_limit_bytes
        panel_articles, panel_days = self.panel_articles, self.panel_days
        # A refresh of the channels looks again at recent articles (each at most every few
        # hours); fetching one article or picture a reader clicked does not wait for that.
        recheck_days = self.recheck_days if channels else 0
        emit_progress = self._progressed.emit

        def work():
            # Imported here: the window starts without the network and parsing stack.
            from ..net import Fetcher
            from ..sync import SyncEngine

            fetcher = Fetcher(mirror, cancel=cancel, proxy=proxy)
            try:
                with self._open_store() as store:
                    engine = SyncEngine(
                        store,
                        fetcher,
                        on_progress=lambda p: emit_progress(p.done, p.total, p.url),
                        panel_articles=panel_articles,
                        writes=self.writes,
                    )
                    summary = engine.run(
                        channels, pages=pages, pictures=list(pictures), recheck_days=recheck_days
                    )
                    store.forget_old_panels(panel_days)
                    if limit:  # starred articles stay
                        store.clean_up(limit, between=lambda: self.writes.drain(store))
                    return summary
            finally:
                fetcher.close()

        self.started.emit()  # before the work: a pool may run it at once (the tests' does)
        run_task(work, self._done, self.pool)
        return True

    def reparse_outdated(self) -> bool:
        """Re-read, from their kept pages, the articles an older parser read.

        Quietly, in the background; after the running sync if there is one.
        """
        if self.running:
            self._reparse_wanted = True
            return False
        self._cancel = cancel = threading.Event()
        self._rereading = True

        def work():
            from ..parse import PARSER_VERSION  # the version alone: no parser, no lxml

            with self._open_store() as store:
                if not store.reparse_candidates(PARSER_VERSION)[0]:
                    return None  # nothing an older parser read: the parser never loads
                from ..reparse import reparse

                return reparse(
                    store,
                    outdated_only=True,
                    cancel=cancel,
                    between=lambda: self.writes.drain(store),
                )

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
            with self._open_store() as store:
                return store.clean_up(limit_bytes, between=lambda: self.writes.drain(store))

        run_task(work, self._cleaned, self.pool)
        return True

    def _cleaned(self, removed, error) -> None:
        self._cancel = None
        if self._closed:
            return  # the window is gone: nobody to tell
        if error is not None:
            log_failure(error)
        self.cleaned.emit(error if error is not None else removed)
        self._mend_if_damage(error)
        self._next()

    def _reparse_done(self, summary, error) -> None:
        self._cancel, self._rereading = None, False
        if self._closed:
            return  # the window is gone: nobody to tell
        if error is not None:  # quiet work of the app's own: for the log, not the reader
            log_failure(error)
            self._mend_if_damage(error)
        elif summary is not None:  # None: nothing an older parser read
            self.reparsed.emit(summary)
        self._next()

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _done(self, summary, error) -> None:
        self._cancel = None
        if self._closed:
            return  # the window is gone: nobody to tell
        if isinstance(error, SyncBusy):  # not a failure: what it brings shows here
            self.busy_elsewhere.emit()
        elif error is not None:
            log_failure(error)
            self.failed.emit(user_message(error))
            self._mend_if_damage(error)
        else:
            self.finished.emit(summary)
        self._next()

    def _mend_if_damage(self, error: Exception | None) -> None:
        if error is not None and damages_the_cache(error):
            self.damage_met.emit()

    def _next(self) -> None:
        """What waited for the job that ended: a refresh the reader asked for during a
        re-read, else queued articles; then a clean-up, then a re-read."""
        if self._sync_wanted is not None:
            (channels, pages, mirror), self._sync_wanted = self._sync_wanted, None
            pictures, self._again, self._pictures_wanted = self._pictures_wanted, False, []
            self.start(channels, pages, mirror, pictures)
        elif self._again or self._pictures_wanted:
            pictures, self._again, self._pictures_wanted = self._pictures_wanted, False, []
            self.start([], pages=1, pictures=pictures)
        elif self._cleanup_wanted is not None:
            limit, self._cleanup_wanted = self._cleanup_wanted, None
            self.clean_up(limit)
        elif self._reparse_wanted:
            self._reparse_wanted = False
            self.reparse_outdated()
