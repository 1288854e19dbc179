"""The reader's preferences (QSettings) and the dialog that edits them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)


class Preference:
    """One preference in QSettings, read back as the type of its default."""

    def __init__(self, key: str, default: int | bool | str):
        self.key, self.default = key, default

    def __get__(self, settings: Settings, owner=None):
        value = settings.q.value(self.key, self.default)
        if isinstance(self.default, bool):  # QSettings' ini files keep "true"/"false"
            return str(value).lower() == "true"
        if isinstance(self.default, int):
            try:
                return int(value)
            except (TypeError, ValueError):
                return self.default
        return str(value or "")

    def __set__(self, settings: Settings, value) -> None:
        settings.q.setValue(
            self.key, ("true" if value else "false") if isinstance(value, bool) else value
        )


class Settings:
    """The reader's preferences, each with its default, in one place."""

    refresh_minutes = Preference("sync/refresh_minutes", 30)  # 0: never refresh by itself
    pages = Preference("sync/pages", 2)
    panel_articles = Preference("sync/panel_articles", 30)  # behind the panels, per refresh
    cache_limit_mb = Preference("cache/limit_mb", 500)
    panel_days = Preference("cache/panel_days", 90)  # panel history; starred articles' always
    proxy = Preference("net/proxy", "")
    offline = Preference("net/offline", False)
    zoom = Preference("view/zoom", 0)
    font_family = Preference("view/font_family", "sans")  # sans (黑体) or serif (宋体)
    font_size = Preference("view/font_size", 13)  # points
    collapsed_groups = Preference("view/collapsed_groups", "")  # sidebar groups, one a line
    serve_feeds = Preference("feeds/serve", False)  # Atom feeds for feed readers, 127.0.0.1
    feeds_port = Preference("feeds/port", 8787)

    def __init__(self, qsettings: QSettings):
        self.q = qsettings

    def state(self, key: str) -> QByteArray | None:
        value = self.q.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self.q.setValue(f"window/{key}", value)


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, data_folder: Path, clean_up, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.refresh = QSpinBox(self, minimum=0, maximum=24 * 60, suffix=self.tr(" min"))
        self.refresh.setSpecialValueText(self.tr("never"))
        self.refresh.setValue(settings.refresh_minutes)
        self.pages = QSpinBox(self, minimum=1, maximum=20, value=settings.pages)
        self.panel_articles = QSpinBox(self, minimum=0, maximum=500)
        self.panel_articles.setValue(settings.panel_articles)
        self.limit = QSpinBox(self, minimum=50, maximum=100_000, suffix=" MB")
        self.limit.setValue(settings.cache_limit_mb)
        self.panel_days = QSpinBox(self, minimum=7, maximum=3650, suffix=self.tr(" days"))
        self.panel_days.setValue(settings.panel_days)
        self.proxy = QLineEdit(settings.proxy, self)
        self.proxy.setPlaceholderText("http://host:port")
        self.font_family = QComboBox(self)
        self.font_family.addItem(self.tr("Serif (宋体)"), "serif")
        self.font_family.addItem(self.tr("Sans-serif (黑体)"), "sans")
        self.font_family.setCurrentIndex(max(self.font_family.findData(settings.font_family), 0))
        self.font_size = QSpinBox(self, minimum=9, maximum=32, suffix=" pt")
        self.font_size.setValue(settings.font_size)
        self.serve_feeds = QCheckBox(self.tr("Serve feeds to feed readers on this computer"), self)
        self.serve_feeds.setChecked(settings.serve_feeds)
        self.feeds_port = QSpinBox(self, minimum=1024, maximum=65535)
        self.feeds_port.setValue(settings.feeds_port)
        self.feeds_port.setEnabled(settings.serve_feeds)
        self.serve_feeds.toggled.connect(self.feeds_port.setEnabled)
        feeds_address = QLabel(self)
        self.feeds_port.valueChanged.connect(
            lambda port: feeds_address.setText(f"http://127.0.0.1:{port}/opml")
        )
        feeds_address.setText(f"http://127.0.0.1:{settings.feeds_port}/opml")
        feeds_address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder = QLabel(str(data_folder), self)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        clean = QPushButton(self.tr("Clean up now (starred articles are kept)"), self)
        clean.clicked.connect(lambda: clean_up(self.limit.value()))
        form = QFormLayout()
        form.addRow(self.tr("Refresh every"), self.refresh)
        form.addRow(self.tr("List pages per channel"), self.pages)
        form.addRow(self.tr("Panel articles per refresh"), self.panel_articles)
        form.addRow(self.tr("Cache size limit"), self.limit)
        form.addRow(self.tr("Keep panel history"), self.panel_days)
        form.addRow("", clean)
        form.addRow(self.tr("Proxy"), self.proxy)
        form.addRow(self.tr("Reading font"), self.font_family)
        form.addRow(self.tr("Text size"), self.font_size)
        form.addRow(self.tr("Feeds"), self.serve_feeds)
        form.addRow(self.tr("Feeds port"), self.feeds_port)
        form.addRow(self.tr("Feeds address"), feeds_address)
        form.addRow(self.tr("Data folder"), folder)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.refresh_minutes = self.refresh.value()
        self.settings.pages = self.pages.value()
        self.settings.panel_articles = self.panel_articles.value()
        self.settings.cache_limit_mb = self.limit.value()
        self.settings.panel_days = self.panel_days.value()
        self.settings.proxy = self.proxy.text().strip()
        self.settings.font_family = self.font_family.currentData()
        self.settings.font_size = self.font_size.value()
        self.settings.serve_feeds = self.serve_feeds.isChecked()
        self.settings.feeds_port = self.feeds_port.value()
        super().accept()
