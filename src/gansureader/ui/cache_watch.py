"""The cache as others change it: a `sync` from cron, a `gansureader` in a terminal, a
second window. The window looks at SQLite's data_version every few seconds (one pragma,
no lock taken) and, when another process wrote, shows what is there now: the channels,
the list, its counts and the feeds, keeping the article being read.

A cache replaced underneath the window (a damaged one set aside and started anew, by
this window's writer or another gansureader) is read from then on, and said in the banner.

A mixin of MainWindow. What the window's own writer did (a sync, a star, a re-read) it
shows already: the version it leaves is taken as seen (another process's change in the
same few milliseconds waits for the next one).
"""

from __future__ import annotations

import os
import sqlite3

from PySide6.QtCore import QCoreApplication, QTimer

from ..store import DATABASE_NAME, StoreError
from ..store.check import replace_if_damaged
from .failures import damages_the_cache, log_failure, reason_phrase, user_message
from .phrases import announce

LOOK_EVERY_MS = 2000


class CacheWatch:
    def watch_the_cache(self) -> None:
        self._seen_version = self.store.data_version()
        self._mending = False
        self._cache_file = self._file_now()
        for done in (
            self.refresher.written,
            self.refresher.finished,
            self.refresher.reparsed,
            self.refresher.cleaned,
        ):
            done.connect(self._own_write_done)
        self.refresher.busy_elsewhere.connect(self._refreshing_elsewhere)
        self.refresher.recovered.connect(self._started_anew_by_the_writer)
        self.reads.damage_met.connect(self.mend_the_cache)
        self.refresher.damage_met.connect(self.mend_the_cache)
        self.cache_timer = QTimer(self, interval=LOOK_EVERY_MS)
        self.cache_timer.timeout.connect(self._look_at_the_cache)
        self.cache_timer.start()

    def _own_write_done(self, *_) -> None:
        self._seen_version = self.store.data_version()  # shown already

    def _file_now(self) -> tuple[int, int] | None:
        try:
            found = os.stat(self.store.folder / DATABASE_NAME)
        except OSError:
            return None
        return found.st_dev, found.st_ino

    def _look_at_the_cache(self) -> None:
        if self.refresher.running:
            return  # what the writer does now is shown when it is done
        found = self._file_now()
        if found is not None and found != self._cache_file:  # None: not there yet
            self._read_anew(
                QCoreApplication.translate(
                    "MainWindow",
                    "The cache file was replaced (a damaged one set aside by another "
                    "gansureader, or a copy put in its place): shown now is what it holds.",
                )
            )
            return
        try:
            version = self.store.data_version()
        except sqlite3.DatabaseError as error:
            if not damages_the_cache(error):
                raise
            log_failure(error)
            self.mend_the_cache()  # a file cut short or overwritten: seen before any click
            return
        if version != self._seen_version:
            self._seen_version = version
            self._changed_elsewhere()

    def _refreshing_elsewhere(self) -> None:
        """A refresh met another gansureader's sync of the cache: it asked the site nothing,
        and what the other brings shows here as it lands. Not an error: no banner."""
        self._sync_ended()
        said = QCoreApplication.translate(
            "MainWindow",
            "Another gansureader is refreshing this cache; what it brings shows here.",
        )
        self.statusBar().showMessage(said, 8000)
        announce(self, said)

    def mend_the_cache(self) -> None:
        """A read met damage in the cache file (a failing disk, a file cut short or written
        over): the writer checks it and, damaged, sets it aside and starts anew from what it
        still reads, and the window reads that. Said at once; asked once."""
        if self._mending:
            return
        self._mending = True
        self.banner.show_message(
            QCoreApplication.translate(
                "MainWindow",
                "The cache is damaged: gansureader sets it aside and starts a new one from "
                "what it still reads…",
            )
        )
        self.refresher.write(replace_if_damaged, self._mended)

    def _mended(self, recovery, error) -> None:
        if not self._mending:
            return  # the writer found it damaged as it opened it, and it is read anew
        self._mending = False
        if error is not None:  # the writer cannot mend it either: said, and not asked again
            self.cache_timer.stop()  # every 2 s
            self.banner.show_message(user_message(error))
        elif recovery is not None:
            self._read_anew(reason_phrase(recovery.message()))
        else:  # sound as the writer reads it: the window's connection had the fault
            self._read_anew(
                QCoreApplication.translate("MainWindow", "The cache was checked and found sound.")
            )

    def _started_anew_by_the_writer(self, recovery) -> None:
        self._read_anew(reason_phrase(recovery.message()))  # what it kept, where the old is

    def _read_anew(self, said: str) -> None:
        """The window's connections still read the file that was set aside: they open the
        one now in its place, and the window shows what that holds. A new file a writer
        is still creating cannot be read yet: the next look tries again."""
        try:
            self.store.reopen()
        except StoreError:
            return
        self.reads.reopen()
        self._mending = False
        self._cache_file = self._file_now()
        self._seen_version = self.store.data_version()
        self.banner.show_message(said)
        shown = self.current_url()
        self._changed_elsewhere()
        if shown is not None and self.store.article(shown) is None:
            self.reader.clear()  # not in the new cache: nothing to star or listen to

    def _changed_elsewhere(self) -> None:
        shown = self.current_url()
        self.outputs.cache_changed()
        if (channels := self._listed_channels()) != self.sidebar.channels():
            self.sidebar.set_channels(channels)  # `channels --add` in a terminal
        self.reload()
        if shown is not None and (row := self.model.row_of(shown)) is not None:
            self.select_row(row, show=False)
