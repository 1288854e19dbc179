"""An article on paper: a QTextDocument of the whole article (nothing cut) with its
cached pictures, printed through a preview or written as a PDF with the fonts
embedded. The same rendering as the reader, laid out for an A4 page."""

from __future__ import annotations

import math
import re
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSize, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QImageReader,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from ..export import ExportError
from ..model import ArticlePage
from ..render import article_html, relink_pictures
from ..store import Store
from .reader import FONT_FAMILIES

# The text column of an A4 page with 2 cm margins, in the 96-dpi pixels rich text uses.
PAGE_COLUMN = 640
# Pictures printed at up to this many dots per inch; more only makes the file bigger.
PRINT_DPI = 300
PDF_RESOLUTION = 300
_PICTURE = re.compile(r'<img src="([^"]+)"')


def printable(article: ArticlePage, store: Store, family: str = "sans") -> QTextDocument:
    """The whole article as a document to print, its pictures from the cache."""
    document = QTextDocument()
    families, hint = FONT_FAMILIES.get(family, FONT_FAMILIES["sans"])
    font = QFont()
    font.setFamilies(families)
    font.setStyleHint(hint)
    font.setPointSize(11)
    document.setDefaultFont(font)
    html = relink_pictures(article_html(article, whole=True), lambda _: None)
    for address in dict.fromkeys(_PICTURE.findall(html)):
        image = _picture(store, address.replace("&amp;", "&"))
        if image is not None:
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(address), image)
    document.setHtml(html)
    return document


def write_pdf(document: QTextDocument, target: Path, title: str) -> None:
    """The document as an A4 PDF at ``target``, written whole or not at all."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        writer = QPdfWriter(str(partial))
        writer.setResolution(PDF_RESOLUTION)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(20, 20, 20, 20),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setTitle(title)
        writer.setCreator("gansureader")
        document.print_(writer)
        del writer  # the file is complete once the writer is gone
        if not partial.exists() or partial.stat().st_size == 0:
            raise OSError(5, "nothing was written")
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ExportError(f"{target}: cannot be written ({error.strerror})") from None


def _picture(store: Store, address: str) -> QImage | None:
    """The cached picture at no more than the page column × PRINT_DPI worth of pixels."""
    path = store.image_path(address)
    if path is None:
        return None
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid() or size.isEmpty():
        return None
    width = min(size.width(), PAGE_COLUMN)
    height = size.height() * width / size.width()
    ratio = min(PRINT_DPI / 96, size.width() / width)
    ratio = max(min(ratio, math.sqrt(24_000_000 / max(width * height, 1))), 0.05)
    reader.setScaledSize(QSize(max(round(width * ratio), 1), max(round(height * ratio), 1)))
    image = reader.read()
    if image.isNull():
        return None
    image.setDevicePixelRatio(ratio)
    return image


def export_pdf(article: ArticlePage, store: Store, target: Path) -> None:
    write_pdf(printable(article, store), target, article.title)
