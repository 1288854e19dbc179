"""The reader's preferences (QSettings) and the dialog that edits them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)


class Settings:
    """Typed access to QSettings: each preference with its default, in one place."""

    def __init__(self, qsettings: QSettings):
        self.q = qsettings

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self.q.value(key, default))
        except (TypeError, ValueError):
            return default

    @property
    def refresh_minutes(self) -> int:  # 0: never refresh by itself
        return self._int("sync/refresh_minutes", 30)

    @refresh_minutes.setter
    def refresh_minutes(self, value: int) -> None:
        self.q.setValue("sync/refresh_minutes", value)

    @property
    def pages(self) -> int:
        return self._int("sync/pages", 2)

    @pages.setter
    def pages(self, value: int) -> None:
        self.q.setValue("sync/pages", value)

    @property
    def cache_limit_mb(self) -> int:
        return self._int("cache/limit_mb", 500)

    @cache_limit_mb.setter
    def cache_limit_mb(self, value: int) -> None:
        self.q.setValue("cache/limit_mb", value)

    @property
    def proxy(self) -> str:
        return str(self.q.value("net/proxy", "") or "")

    @proxy.setter
    def proxy(self, value: str) -> None:
        self.q.setValue("net/proxy", value.strip())

    @property
    def offline(self) -> bool:
        return str(self.q.value("net/offline", "false")).lower() == "true"

    @offline.setter
    def offline(self, value: bool) -> None:
        self.q.setValue("net/offline", "true" if value else "false")

    @property
    def zoom(self) -> int:
        return self._int("view/zoom", 0)

    @zoom.setter
    def zoom(self, value: int) -> None:
        self.q.setValue("view/zoom", value)

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
        self.limit = QSpinBox(self, minimum=50, maximum=100_000, suffix=" MB")
        self.limit.setValue(settings.cache_limit_mb)
        self.proxy = QLineEdit(settings.proxy, self)
        self.proxy.setPlaceholderText("http://host:port")
        folder = QLabel(str(data_folder), self)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        clean = QPushButton(self.tr("Clean up now (starred articles are kept)"), self)
        clean.clicked.connect(lambda: clean_up(self.limit.value()))
        form = QFormLayout()
        form.addRow(self.tr("Refresh every"), self.refresh)
        form.addRow(self.tr("List pages per channel"), self.pages)
        form.addRow(self.tr("Cache size limit"), self.limit)
        form.addRow("", clean)
        form.addRow(self.tr("Proxy"), self.proxy)
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
        self.settings.cache_limit_mb = self.limit.value()
        self.settings.proxy = self.proxy.text()
        super().accept()
