"""The window's writes: read and starred flags, channels marked read or removed, an
article queued. Each is shown at once and handed to the writer (the Refresher's one
thread), then corrected if the write failed; the window's own Store only reads.

A mixin of MainWindow. Its texts are looked up in MainWindow's context, as PySide
looks ``self.tr`` up under the instance's class (so lupdate and the app agree).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..model import Channel
from .failures import damages_the_cache, log_failure, user_message


class WindowWrites:
    def set_flag(self, url: str, name: str, value: bool) -> None:
        """Set ``read`` or ``starred``: in the list at once, in the cache by the writer (the
        list put back if that fails); the counts follow the write."""
        self._show_flag(url, name, value)

        def write(store) -> None:
            (store.set_read if name == "read" else store.set_starred)(url, value)

        def done(_, error) -> None:
            if error is not None:
                self._show_flag(url, name, not value)
                self.show_error(error)
            self.count_timer.start()

        self.refresher.write(write, done)

    def _show_flag(self, url: str, name: str, value: bool) -> None:
        self.model.update(url, **{name: value})
        if name == "starred" and url == self.current_url():
            self.star_action.setChecked(value)

    def show_error(self, error: Exception) -> None:
        """A failure of the cache or a task, in the banner with what to do; logged. A
        damaged cache file is mended (``mend_the_cache``), not only said."""
        log_failure(error)
        if damages_the_cache(error):
            self.mend_the_cache()
        else:
            self.banner.show_message(user_message(error))

    def toggle_read(self) -> None:
        if url := self.current_url():
            self.set_flag(url, "read", not self.store_flag(url, "read"))

    def mark_all_read(self) -> None:
        rows = (self.model.summary(row) for row in range(self.model.rowCount()))
        urls = [summary.url for summary in rows if not summary.read]
        for url in urls:
            self._show_flag(url, "read", True)

        def write(store) -> None:
            for url in urls:
                store.set_read(url)

        self.refresher.write(write, self._written)

    def _written(self, _, error) -> None:
        """After a write that changed more than one row: the list and counts from the cache."""
        if error is not None:
            self.show_error(error)
        self.reload()

    def mark_channel_read(self, channel: Channel | None) -> None:
        """Every article of a channel (None: of all) read, from the sidebar's menu."""
        self.refresher.write(lambda store: store.mark_channel_read(channel), self._written)

    def remove_channel(self, channel: Channel) -> None:
        """An added channel goes from the sidebar; its articles stay in the cache."""
        from PySide6.QtWidgets import QMessageBox  # a dialog's widgets: only when asked

        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("MainWindow", "Remove channel"),
            QCoreApplication.translate(
                "MainWindow", "Remove the channel “%1”? Its articles stay in 全部."
            ).replace("%1", channel.name),
        )
        if answer == QMessageBox.StandardButton.Yes:

            def removed(_, error) -> None:
                if error is not None:
                    self.show_error(error)
                self._channels_changed()

            self.refresher.write(lambda store: store.remove_channel(channel.url), removed)

    def toggle_star(self) -> None:
        if url := self.current_url():
            self.set_flag(url, "starred", not self.store_flag(url, "starred"))

    def _queued(self, _, error) -> None:
        if error is not None:
            self.show_error(error)
