"""The reader's preferences (QSettings), each declared once — key, default (from
defaults.py), label, range or choices, unit; settings_dialog.py builds the dialog from
them (loaded when first opened)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QSettings

from .. import defaults


class Preference:
    """One preference in QSettings, read back as the type of its default.

    ``label`` (None: not in the dialog) and, for numbers, ``low``/``high`` and ``unit``
    (``zero``: what 0 means), for text ``choices`` (value → label) or a ``hint``.
    """

    def __init__(
        self,
        key: str,
        default: int | bool | str,
        label: str | None = None,
        *,
        low: int = 0,
        high: int = 0,
        unit: str = "",
        zero: str | None = None,
        choices: dict[str, str] | None = None,
        hint: str = "",
    ):
        self.key, self.default, self.label = key, default, label
        self.low, self.high, self.unit, self.zero = low, high, unit, zero
        self.choices, self.hint = choices, hint
        self.name = key

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, settings: Settings, owner=None):
        if settings is None:
            return self
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
    """The reader's preferences; those with a label appear in the dialog, in this order.
    Labels are marked for translation in the dialog's context, where they are looked up."""

    refresh_minutes = Preference(
        "sync/refresh_minutes",
        defaults.REFRESH_MINUTES,
        QT_TRANSLATE_NOOP("SettingsDialog", "Refresh every"),
        high=24 * 60,
        unit=QT_TRANSLATE_NOOP("SettingsDialog", " min"),
        zero=QT_TRANSLATE_NOOP("SettingsDialog", "never"),
    )
    pages = Preference(
        "sync/pages",
        defaults.LIST_PAGES,
        QT_TRANSLATE_NOOP("SettingsDialog", "List pages per channel"),
        low=1,
        high=20,
    )
    panel_articles = Preference(
        "sync/panel_articles",
        defaults.PANEL_ARTICLES,
        QT_TRANSLATE_NOOP("SettingsDialog", "Panel articles per refresh"),
        high=500,
    )
    recheck_days = Preference(
        "sync/recheck_days",
        defaults.RECHECK_DAYS,
        QT_TRANSLATE_NOOP("SettingsDialog", "Look for changes in articles of the last"),
        high=60,
        unit=QT_TRANSLATE_NOOP("SettingsDialog", " days"),
        zero=QT_TRANSLATE_NOOP("SettingsDialog", "never"),
    )
    cache_limit_mb = Preference(
        "cache/limit_mb",
        defaults.CACHE_LIMIT_MB,
        QT_TRANSLATE_NOOP("SettingsDialog", "Cache size limit"),
        low=50,
        high=100_000,
        unit=" MB",
    )
    panel_days = Preference(
        "cache/panel_days",
        defaults.PANEL_DAYS,
        QT_TRANSLATE_NOOP("SettingsDialog", "Keep panel history"),
        low=7,
        high=3650,
        unit=QT_TRANSLATE_NOOP("SettingsDialog", " days"),
    )
    proxy = Preference(
        "net/proxy", "", QT_TRANSLATE_NOOP("SettingsDialog", "Proxy"), hint="http://host:port"
    )
    font_family = Preference(
        "view/font_family",
        "sans",
        QT_TRANSLATE_NOOP("SettingsDialog", "Reading font"),
        choices={
            "serif": QT_TRANSLATE_NOOP("SettingsDialog", "Serif (宋体)"),
            "sans": QT_TRANSLATE_NOOP("SettingsDialog", "Sans-serif (黑体)"),
        },
    )
    font_size = Preference(
        "view/font_size",
        defaults.FONT_SIZE,
        QT_TRANSLATE_NOOP("SettingsDialog", "Text size"),
        low=9,
        high=32,
        unit=" pt",
    )
    care_mode = Preference(
        "view/care_mode",
        False,
        QT_TRANSLATE_NOOP("SettingsDialog", "Care mode (关怀模式): larger text, stronger colours"),
    )
    serve_feeds = Preference(
        "feeds/serve",
        False,
        QT_TRANSLATE_NOOP("SettingsDialog", "Serve feeds to feed readers on this computer"),
    )
    feeds_port = Preference(
        "feeds/port",
        defaults.FEEDS_PORT,
        QT_TRANSLATE_NOOP("SettingsDialog", "Feeds port"),
        low=1024,
        high=65535,
    )
    # Kept by the window itself, not in the dialog.
    offline = Preference("net/offline", False)
    zoom = Preference("view/zoom", 0)
    collapsed_groups = Preference("view/collapsed_groups", "")  # sidebar groups, one a line

    def __init__(self, qsettings: QSettings):
        self.q = qsettings

    @classmethod
    def in_dialog(cls) -> list[Preference]:
        return [p for p in vars(cls).values() if isinstance(p, Preference) and p.label]

    def state(self, key: str) -> QByteArray | None:
        value = self.q.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self.q.setValue(f"window/{key}", value)
