"""关怀模式 (care mode): the whole window larger and in stronger colours, for older eyes.

One switch (视图 and the settings) changes the application's font and palette, so the
list, the sidebar, the panels, the menus and every dialog follow — not the article
alone, as zoom does. The font is the system's own times SCALE (at least MIN_PIXELS), so
whatever scaling the reader chose for the system carries on; every text colour of the
palette meets WCAG AA (4.5 : 1) against the colour it is drawn on, in light and dark.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

SCALE = 1.5
MIN_PIXELS = 18
AA_CONTRAST = 4.5

Role = QPalette.ColorRole

# (text, what it is drawn on): every pair the window paints text with.
TEXT_ON = [
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.PlaceholderText, Role.Base),
    (Role.PlaceholderText, Role.Window),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.Link, Role.Base),
    (Role.LinkVisited, Role.Base),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.BrightText, Role.Dark),
]

_LIGHT = {
    Role.Window: "#f4f4f4",
    Role.WindowText: "#000000",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#eeeeee",
    Role.Text: "#000000",
    Role.PlaceholderText: "#4a4a4a",
    Role.Button: "#e6e6e6",
    Role.ButtonText: "#000000",
    Role.Highlight: "#0a4d99",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#0645ad",
    Role.LinkVisited: "#5a2d91",
    Role.ToolTipBase: "#ffffe1",
    Role.ToolTipText: "#000000",
    Role.BrightText: "#ffffff",
    Role.Dark: "#333333",
    Role.Mid: "#767676",
    Role.Light: "#ffffff",
    Role.Midlight: "#dddddd",
    Role.Shadow: "#000000",
}

_DARK = {
    Role.Window: "#121212",
    Role.WindowText: "#f2f2f2",
    Role.Base: "#1a1a1a",
    Role.AlternateBase: "#242424",
    Role.Text: "#f2f2f2",
    Role.PlaceholderText: "#c4c4c4",
    Role.Button: "#2b2b2b",
    Role.ButtonText: "#f2f2f2",
    Role.Highlight: "#9cc3ff",
    Role.HighlightedText: "#000000",
    Role.Link: "#8ab4f8",
    Role.LinkVisited: "#c9a8ff",
    Role.ToolTipBase: "#2b2b2b",
    Role.ToolTipText: "#f2f2f2",
    Role.BrightText: "#ffffff",
    Role.Dark: "#000000",
    Role.Mid: "#8a8a8a",
    Role.Light: "#3a3a3a",
    Role.Midlight: "#303030",
    Role.Shadow: "#000000",
}

# No style sheet: with one, QApplication.setFont() no longer reaches the widgets. The
# click targets grow with the font (rows, buttons and menus are sized by it).
_system: tuple[QFont, QPalette] | None = None  # the app's before care mode first changed it


def contrast(foreground: QColor, background: QColor) -> float:
    """WCAG's contrast ratio, 1 to 21."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


def care_palette(dark: bool) -> QPalette:
    palette = QPalette()
    colours = _DARK if dark else _LIGHT
    # Disabled text stays readable too (WCAG does not ask it; older eyes do).
    muted = colours[Role.PlaceholderText]
    for role, colour in colours.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, role, QColor(colour))
        disabled = muted if role in (Role.Text, Role.WindowText, Role.ButtonText) else colour
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return palette


def care_font(system: QFont, dots_per_inch: float) -> QFont:
    """The system's font SCALE times larger, and never under MIN_PIXELS."""
    font = QFont(system)
    points = system.pointSizeF()
    if points <= 0:  # a font set in pixels
        points = system.pixelSize() * 72 / dots_per_inch
    font.setPointSizeF(max(points * SCALE, MIN_PIXELS * 72 / dots_per_inch))
    return font


def apply_care_mode(app: QApplication, on: bool) -> None:
    """Turn 关怀模式 on or off for the whole application."""
    global _system
    if not on and _system is None:
        return  # never on: the system's own font and palette stay untouched
    if _system is None:
        _system = (QFont(app.font()), QPalette(app.palette()))
    font, palette = _system
    if on:
        screen = app.primaryScreen()
        dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
        app.setFont(care_font(font, dpi))
        app.setPalette(care_palette(is_dark(palette)))
    else:
        app.setFont(font)
        app.setPalette(palette)
