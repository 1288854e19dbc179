"""An article on paper: a QTextDocument of the whole article (nothing cut) with its
cached pictures, printed through a preview or written as a PDF with the fonts
embedded. The same rendering as the reader, laid out for an A4 page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from ..export import write_atomically
from ..model import ArticlePage
from ..render import article_html, relink_pictures
from ..store import Store
from .reader import FONT_FAMILIES, decode_picture

# The text column of an A4 page with 2 cm margins, in the 96-dpi pixels rich text uses.
PAGE_COLUMN = 640
# Pictures printed at up to this many dots per inch; more only makes the file bigger.
PRINT_DPI = 300
PDF_RESOLUTION = 300


def printable(article: ArticlePage, store: Store, family: str = "sans") -> QTextDocument:
    """The whole article as a document to print, its pictures from the cache."""
    document = QTextDocument()
    families, hint = FONT_FAMILIES.get(family, FONT_FAMILIES["sans"])
    font = QFont()
    font.setFamilies(families)
    font.setStyleHint(hint)
    font.setPointSize(11)
    document.setDefaultFont(font)
    pictures: dict[str, QImage | None] = {}

    def keep(url: str) -> None:  # the addresses stay; their pictures become resources
        if url not in pictures:
            path = store.image_path(url)
            pictures[url] = (
                decode_picture(str(path), PAGE_COLUMN, PRINT_DPI / 96, upscale=False)
                if path
                else None
            )
        return None

    html = relink_pictures(article_html(article, whole=True), keep)
    for url, image in pictures.items():
        if image is not None:
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
    document.setHtml(html)
    return document


def write_pdf(document: QTextDocument, target: Path, title: str) -> None:
    """The document as an A4 PDF at ``target``, written whole or not at all."""
    buffer = QBuffer()  # owns its bytes: nothing outlives what it points into
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
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
    del writer  # the PDF is complete once its writer is gone
    buffer.close()
    write_atomically(buffer.data().data(), target)


def export_pdf(article: ArticlePage, store: Store, target: Path) -> None:
    write_pdf(printable(article, store), target, article.title)
