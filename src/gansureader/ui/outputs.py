"""What the window sends out: articles exported or printed, the channels as OPML (and
in from OPML), and the local feed server the settings switch on. Messages go to the
window's banner and status bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from ..model import ArticlePage, Channel
from ..store import Store
from .failures import log_failure, user_message
from .settings import Settings

# Printing (QtPrintSupport, the PDF writer), the dialogs, writing files and the feeds'
# modules (and lxml) load when first used, not with the window.
if TYPE_CHECKING:
    from ..feeds.server import FeedServer


class WindowOutputs(QObject):
    channels_changed = Signal()  # an OPML brought channels in

    def __init__(
        self,
        window: QMainWindow,
        store: Store,
        settings: Settings,
        channels: list[Channel] | None,
    ):
        super().__init__(window)
        self.window, self.store, self.settings = window, store, settings
        self.channels = channels  # the feeds' channels: the demo's in --demo, else None (all)
        self.feeds: FeedServer | None = None  # the local feed server, when the setting is on

    def _problem(self, message: str) -> None:
        self.window.banner.show_message(message)

    def _status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)

    def export(self, articles: list[ArticlePage]) -> None:
        from ..export import ExportError
        from .exporting import export_with_dialog

        if not articles:
            return
        try:
            written = export_with_dialog(self.window, self.store, articles, str(Path.home()))
        except ExportError as error:
            self._problem(self.tr("Export failed: %1").replace("%1", user_message(error)))
            return
        if not written:
            return  # no file or folder was chosen
        folder = str(written[0].parent)
        if len(written) < len(articles):  # cancelled on the way (after one, at least)
            said = self.tr("Export stopped: %n article(s) written to %1", "", len(written))
            self._status(said.replace("%1", folder))
        else:
            self._status(self.tr("Exported to %1").replace("%1", folder))

    def print(self, article: ArticlePage) -> None:
        from .exporting import print_with_preview

        print_with_preview(self.window, self.store, article, self.settings.font_family)

    def import_opml(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ..feeds.opml import import_opml

        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import channels"), str(Path.home()), "OPML (*.opml *.xml)"
        )
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            self._problem(self.tr("Import failed: %1").replace("%1", str(error)))
            return
        # The channels are written by the writer; the report comes back when they are.
        self.window.refresher.write(lambda store: import_opml(store, data, path), self._imported)

    def _imported(self, report, error) -> None:
        from PySide6.QtWidgets import QMessageBox

        from ..feeds.opml import OpmlError

        if error is not None:
            if not isinstance(error, OpmlError):
                log_failure(error)
            self._problem(self.tr("Import failed: %1").replace("%1", user_message(error)))
            return
        self.channels_changed.emit()
        summary = (
            self.tr("%1 channel(s) added, %2 already there, %3 skipped.")
            .replace("%1", str(len(report.added)))
            .replace("%2", str(len(report.known)))
            .replace("%3", str(len(report.refused)))
        )
        QMessageBox.information(
            self.window, self.tr("Import channels"), "\n".join([summary, *report.refused[:20]])
        )

    def export_opml(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ..export import ExportError, write_atomically
        from ..feeds.documents import FeedDocuments

        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export channels"),
            str(Path.home() / "gansureader.opml"),
            "OPML (*.opml)",
        )
        if not path:
            return
        documents = FeedDocuments(self.store, self.feeds_address(), self.channels)
        try:
            write_atomically(documents.document("/opml").data, Path(path))
        except ExportError as error:
            self._problem(self.tr("Export failed: %1").replace("%1", user_message(error)))
            return
        self._status(self.tr("Exported to %1").replace("%1", path))

    def feeds_address(self) -> str:
        return self.feeds.address if self.feeds else f"http://127.0.0.1:{self.settings.feeds_port}"

    def copy_feeds_link(self) -> None:
        if self.feeds is None:
            self._status(self.tr("Turn on “Serve feeds” in the settings first."))
            return
        link = f"{self.feeds.address}/opml"
        QGuiApplication.clipboard().setText(link)
        self._status(self.tr("Copied %1: add it to your feed reader.").replace("%1", link))

    def apply_feed_server(self) -> None:
        """Start, stop or move the local feed server as the settings say. It reads the
        cache itself, so every sync shows in the feeds' next answer."""
        wanted, port = self.settings.serve_feeds, self.settings.feeds_port
        if self.feeds is not None and (not wanted or self.feeds.server_address[1] != port):
            self.stop_feed_server()
        if wanted and self.feeds is None:
            from ..feeds.server import FeedServerError, feed_server

            try:
                self.feeds = feed_server(self.store.folder, port, self.channels, read_only=True)
            except FeedServerError as error:
                self._problem(user_message(error))
                return
            self.feeds.serve_in_background()
            self._status(self.tr("Feeds at %1").replace("%1", f"{self.feeds.address}/opml"))

    def cache_changed(self) -> None:
        """A sync (or a clean-up) changed the cache: the feeds read lately are built anew
        in the background."""
        if self.feeds is not None:
            self.feeds.rebuild_recent()

    def stop_feed_server(self) -> None:
        if self.feeds is not None:
            self.feeds.stop()
            self.feeds = None
