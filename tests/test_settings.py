"""The settings dialog is built from the declarations: every preference with a label has
its field, shows the stored value, and OK writes what was changed."""

from pathlib import Path

from PySide6.QtCore import QSettings

from gansureader import defaults
from gansureader.ui.settings import Settings
from gansureader.ui.settings_dialog import SettingsDialog


def test_the_dialog_has_a_field_for_every_declared_preference(qtbot, tmp_path):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert settings.feeds_port == defaults.FEEDS_PORT  # defaults come from one place
    settings.pages = 5
    cleaned = []
    dialog = SettingsDialog(settings, Path(tmp_path), cleaned.append)
    qtbot.addWidget(dialog)
    names = {preference.name for preference in Settings.in_dialog()}
    assert set(dialog.fields) == names and {"refresh_minutes", "feeds_port"} <= names
    assert dialog.fields["pages"].value() == 5
    dialog.fields["refresh_minutes"].setValue(0)
    assert dialog.fields["refresh_minutes"].text() == "never"  # 0 means: never by itself
    dialog.fields["font_family"].setCurrentIndex(dialog.fields["font_family"].findData("serif"))
    dialog.fields["proxy"].setText("  http://proxy.example:3128 ")
    dialog.fields["serve_feeds"].setChecked(True)
    assert dialog.fields["feeds_port"].isEnabled()
    dialog.accept()
    assert (settings.refresh_minutes, settings.font_family) == (0, "serif")
    assert settings.proxy == "http://proxy.example:3128" and settings.serve_feeds is True
    assert settings.pages == 5 and settings.cache_limit_mb == defaults.CACHE_LIMIT_MB


def test_each_row_is_labelled_by_what_it_sets(qtbot, tmp_path):
    from PySide6.QtWidgets import QCheckBox, QFormLayout

    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = SettingsDialog(settings, Path(tmp_path), lambda limit: None)
    qtbot.addWidget(dialog)
    (form,) = dialog.findChildren(QFormLayout)
    labels = {}
    for name, field in dialog.fields.items():
        label = form.labelForField(field)
        labels[name] = label.text() if label is not None else ""
    assert labels["font_size"] == "Text size" and labels["feeds_port"] == "Feeds port"
    for name, field in dialog.fields.items():  # a check box says it itself, on its right
        if isinstance(field, QCheckBox):
            assert labels[name] == "", (name, labels[name])
