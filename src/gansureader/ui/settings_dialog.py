"""The settings dialog: one row per preference with a label, built from its declaration
in settings.py. Loaded when first opened: the window starts without its widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
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
    QWidget,
)

from .settings import Preference, Settings


class SettingsDialog(QDialog):
    """One row per preference with a label, built from its declaration; then the data
    folder, and the feed server's address beside its port."""

    def __init__(self, settings: Settings, data_folder: Path, clean_up, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.fields: dict[str, QWidget] = {}
        form = QFormLayout()
        for preference in Settings.in_dialog():
            field = self._field(preference, getattr(settings, preference.name))
            self.fields[preference.name] = field
            # A check box says what it sets on its right; a row label would name it twice
            # (and "Feeds", once written for the feed server's, named care mode's too).
            row_label = "" if isinstance(field, QCheckBox) else self.tr(preference.label)
            form.addRow(row_label, field)
            if preference.name == "panel_days":
                clean = QPushButton(self.tr("Clean up now (starred articles are kept)"), self)
                clean.clicked.connect(lambda: clean_up(self.fields["cache_limit_mb"].value()))
                form.addRow("", clean)
        port, serve = self.fields["feeds_port"], self.fields["serve_feeds"]
        port.setEnabled(serve.isChecked())
        serve.toggled.connect(port.setEnabled)
        feeds_address = QLabel(f"http://127.0.0.1:{port.value()}/opml", self)
        port.valueChanged.connect(
            lambda value: feeds_address.setText(f"http://127.0.0.1:{value}/opml")
        )
        feeds_address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Feeds address"), feeds_address)
        folder = QLabel(str(data_folder), self)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Data folder"), folder)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _field(self, preference: Preference, value) -> QWidget:
        if isinstance(preference.default, bool):
            field = QCheckBox(self.tr(preference.label), self)
            field.setChecked(value)
        elif isinstance(preference.default, int):
            field = QSpinBox(self, minimum=preference.low, maximum=preference.high)
            field.setSuffix(self.tr(preference.unit) if preference.unit else "")
            if preference.zero:
                field.setSpecialValueText(self.tr(preference.zero))
            field.setValue(value)
        elif preference.choices:
            field = QComboBox(self)
            for choice, label in preference.choices.items():
                field.addItem(self.tr(label), choice)
            field.setCurrentIndex(max(field.findData(value), 0))
        else:
            field = QLineEdit(value, self)
            field.setPlaceholderText(preference.hint)
        return field

    def accept(self) -> None:
        for preference in Settings.in_dialog():
            field = self.fields[preference.name]
            if isinstance(field, QCheckBox):
                value = field.isChecked()
            elif isinstance(field, QSpinBox):
                value = field.value()
            elif isinstance(field, QComboBox):
                value = field.currentData()
            else:
                value = field.text().strip()
            setattr(self.settings, preference.name, value)
        super().accept()
