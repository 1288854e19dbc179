"""Write resources/icons/: the app icon (a red tile, the Yellow River under the Qilian snows).

PNG in the sizes the desktops ask for (hicolor 16–512; the window uses the
256-pixel one) and an .ico for Windows. Deterministic.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen, QPolygonF

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def paint(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 64  # drawn on a 64-unit grid
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#b8232f"))
    p.drawRoundedRect(QRectF(2 * s, 2 * s, 60 * s, 60 * s), 12 * s, 12 * s)
    p.setBrush(QColor("#f6f1e7"))
    p.drawPolygon(QPolygonF([QPointF(x * s, y * s) for x, y in
                             ((8, 40), (22, 16), (30, 28), (38, 18), (56, 40))]))  # fmt: skip
    river = QPainterPath(QPointF(6 * s, 48 * s))
    river.cubicTo(QPointF(20 * s, 38 * s), QPointF(34 * s, 58 * s), QPointF(58 * s, 46 * s))
    p.setPen(QPen(QColor("#f2b705"), 5 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(river)
    p.end()
    return image


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 (QPainter needs one)
    FOLDER.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        paint(size).save(str(FOLDER / f"gansureader-{size}.png"))
    # Windows (the .exe and the installer) takes an .ico; Qt's ico plugin writes one.
    if not paint(256).save(str(FOLDER / "gansureader.ico"), "ICO"):
        raise SystemExit("could not write gansureader.ico (Qt's imageformats/ico plugin?)")
    print(f"icons written to {FOLDER}")


if __name__ == "__main__":
    main()
