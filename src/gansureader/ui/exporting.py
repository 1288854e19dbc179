"""Articles out of the window: export (one to a file, several to a folder) and print
with a preview. The dialogs are thin; the writing is export.py's and printing.py's,
the same the command line uses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from ..export import export_articles, file_names
from ..model import ArticlePage
from ..store import Store
from .printing import export_pdf, printable

_FILTERS = {"html": "HTML (*.html)", "md": "Markdown (*.md)", "pdf": "PDF (*.pdf)"}
PROGRESS_AFTER_MS = 400  # an export done sooner shows no dialog


def export_with_dialog(
    parent: QWidget, store: Store, articles: list[ArticlePage], folder: str
) -> list[Path]:
    """Ask where (and, for several, in which format), then write. Returns the files."""
    if len(articles) == 1:
        suggestion = str(Path(folder) / file_names([articles[0].title], "html")[0])
        target, chosen = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("Exporting", "Export article"),
            suggestion,
            ";;".join(_FILTERS.values()),
        )
        if not target:
            return []
        path = Path(target)
        typed = path.suffix.lower().lstrip(".")
        if typed in _FILTERS:  # the name's own ending wins over the filter left as it was
            format_ = typed
        else:
            format_ = next(key for key, value in _FILTERS.items() if value == chosen)
            path = path.with_name(path.name + f".{format_}")
    else:
        labels = list(_FILTERS.values())
        label, ok = QInputDialog.getItem(
            parent,
            QCoreApplication.translate("Exporting", "Export articles"),
            QCoreApplication.translate("Exporting", "Format"),
            labels,
            0,
            False,
        )
        if not ok:
            return []
        format_ = list(_FILTERS)[labels.index(label)]
        target = QFileDialog.getExistingDirectory(
            parent, QCoreApplication.translate("Exporting", "Export articles into"), folder
        )
        if not target:
            return []
        path = Path(target)
    return export_to(store, articles, format_, path, parent)


def export_to(
    store: Store, articles: list[ArticlePage], format_: str, path: Path, parent=None
) -> list[Path]:
    """Write, with a busy cursor (a long PDF takes a moment), and for several articles
    under ``parent`` a progress dialog that can stop the rest (a PDF is ~20 ms an article:
    five hundred held the window ten seconds with no word). ExportError says why not."""
    several = parent is not None and len(articles) > 1
    progress = _progress_dialog(parent, len(articles)) if several else None

    def each(written: int) -> bool:
        if progress is None:
            return True
        progress.setValue(written)  # window-modal: the window repaints meanwhile
        return not progress.wasCanceled()

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return export_articles(articles, store, format_, path, export_pdf, each)
    finally:
        QGuiApplication.restoreOverrideCursor()
        if progress is not None:
            progress.deleteLater()


def _progress_dialog(parent: QWidget, count: int):
    """A window-modal progress of ``count`` articles, shown only if it takes a while."""
    from PySide6.QtWidgets import QProgressDialog

    dialog = QProgressDialog(
        # Only ever for several: no plural forms needed (lupdate keeps those to self.tr).
        QCoreApplication.translate("Exporting", "Exporting %1 articles…").replace("%1", str(count)),
        QCoreApplication.translate("Exporting", "Cancel"),
        0,
        count,
        parent,
    )
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(PROGRESS_AFTER_MS)
    return dialog


def print_with_preview(parent: QWidget, store: Store, article: ArticlePage, family: str) -> None:
    """The print dialog with a preview of the whole article as it will be on paper."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    document = printable(article, store, family)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(article.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("Exporting", "Print: %1").replace("%1", article.title)
    )
    dialog.paintRequested.connect(document.print_)
    dialog.exec()
