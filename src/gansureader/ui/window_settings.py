"""The window's settings at work: the dialog, offline mode, zoom, 关怀模式, the feed
server, the tray icon, the clean-up asked for from the dialog, and About.

A mixin of MainWindow. Its texts are looked up in MainWindow's context, as PySide
looks ``self.tr`` up under the instance's class (so lupdate and the app agree).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..paths import licence_files
from .care import SCALE, apply_care_mode

translate = QCoreApplication.translate


class WindowSettings:
    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog  # its widgets: only when opened

        dialog = SettingsDialog(self.settings, self.store.folder, self.clean_up, self)
        if dialog.exec():
            self.apply_settings()

    def apply_settings(self) -> None:
        """Every setting to where it acts, after the dialog."""
        self.apply_window_settings()
        self._apply_feed_server()

    def apply_window_settings(self) -> None:
        """The settings of the window and its syncs (at start, before it is shown)."""
        self.offline_action.setChecked(self.settings.offline)
        self.refresher.proxy = self.settings.proxy or None
        self.refresher.cache_limit_bytes = self.settings.cache_limit_mb * 1024 * 1024
        self.refresher.panel_articles = self.settings.panel_articles
        self.refresher.panel_days = self.settings.panel_days
        self.refresher.recheck_days = self.settings.recheck_days
        minutes = self.settings.refresh_minutes
        if minutes:
            self.auto_refresh.start(minutes * 60 * 1000)
        else:
            self.auto_refresh.stop()
        self._apply_care_mode()

    def start_outside_the_window(self) -> None:
        """What is not the window — the tray icon, and the feed server when it is on
        (http.server and the feeds' modules: 50–70 ms) — once the window is up, so that
        the first article does not wait for them."""
        if not self.isVisible():
            return  # closed before it was shown
        self.tray = self._build_tray()
        self._apply_feed_server()

    def _apply_feed_server(self) -> None:
        self.outputs.apply_feed_server()
        self.actions.copy_feeds.setEnabled(self.outputs.feeds is not None)

    def _build_tray(self):
        """A QSystemTrayIcon where the desktop has a tray, else None."""
        from PySide6.QtWidgets import QSystemTrayIcon  # with the tray, after the window

        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        tray = QSystemTrayIcon(self.windowIcon(), self)
        tray.activated.connect(lambda _: (self.showNormal(), self.activateWindow()))
        tray.show()
        return tray

    def set_care_mode(self, on: bool) -> None:
        """视图 → 关怀模式: remembered, and the whole window follows at once."""
        self.settings.care_mode = on
        self._apply_care_mode()

    def _apply_care_mode(self) -> None:
        care = self.settings.care_mode
        self.actions.care.setChecked(care)
        apply_care_mode(QApplication.instance(), care)
        self.reader.set_roomy_panels(care)
        size = self.settings.font_size * (SCALE if care else 1)
        self.reader.browser.set_typography(
            self.settings.font_family, round(size), self.settings.zoom
        )

    def set_offline(self, offline: bool) -> None:
        self.settings.offline = offline
        self.statusBar().showMessage(
            translate("MainWindow", "Offline mode: only the cache is used.") if offline else "",
            5000,
        )

    def zoom(self, steps: int | None) -> None:
        browser = self.reader.browser
        browser.reset_zoom() if steps is None else browser.zoom_by(steps)
        self.settings.zoom = browser.zoom

    def clean_up(self, limit_mb: int) -> None:
        """Clean-up runs in the background; the window keeps answering meanwhile."""
        self.progress.setRange(0, 0)
        self.progress.setFormat(translate("MainWindow", "Cleaning up…"))
        self.progress.show()
        self.statusBar().showMessage(translate("MainWindow", "Cleaning up the cache…"))
        self.refresher.clean_up(limit_mb * 1024 * 1024)

    def about(self) -> None:
        """Version, licence, and the licences of everything the app carries."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setWindowTitle(translate("MainWindow", "About gansureader"))
        box.setText(
            f"<b>gansureader {__version__}</b><br>"
            + translate(
                "MainWindow", "A calm, offline-capable desktop reader for 中国甘肃网 (gscn.com.cn)."
            )
            + "<br>"
            + translate("MainWindow", "Free software under the MIT licence.")
        )
        box.setDetailedText(
            "\n\n".join(path.read_text("utf-8", errors="replace") for path in licence_files())
            or translate("MainWindow", "The licence texts are installed with the app.")
        )
        box.exec()
