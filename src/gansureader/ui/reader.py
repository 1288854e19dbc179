"""The right-hand side: the article (rendered from the cache) and its two panels.

The browser never fetches: pictures come from the store through loadResource,
links are reported by signal and the window decides what to do with them. The
精彩推荐 panel shows thumbnails and titles; the 新闻排行 panel shows rank, full title
and the movement since the snapshot before (↑ ↓ or 新).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPalette, QPixmap, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..model import ArticlePage, RankItem
from ..render import Colours, article_html
from ..store import Store

URL_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_PICTURE_WIDTH = 640
THUMBNAIL = QSize(96, 60)


class ArticleBrowser(QTextBrowser):
    """A QTextBrowser whose pictures come from the offline cache, never from the network."""

    link_activated = Signal(str)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(lambda url: self.link_activated.emit(url.toString()))
        self.zoom = 0

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 (Qt's name)
        if kind == QTextDocument.ResourceType.ImageResource.value:
            path = self.store.image_path(url.toString())
            image = QImage(str(path)) if path is not None else QImage()
            if image.width() > MAX_PICTURE_WIDTH:
                image = image.scaledToWidth(
                    MAX_PICTURE_WIDTH, Qt.TransformationMode.SmoothTransformation
                )
            return image
        return None  # nothing else is loaded: no stylesheets, no pages

    def zoom_by(self, steps: int) -> None:
        if steps > 0:
            self.zoomIn(steps)
        elif steps < 0:
            self.zoomOut(-steps)
        self.zoom += steps

    def reset_zoom(self) -> None:
        self.zoom_by(-self.zoom)


class FindBar(QWidget):
    """Ctrl+F: find in the article; Enter finds the next match, Shift+Enter the one before."""

    def __init__(self, browser: QTextBrowser, parent=None):
        super().__init__(parent)
        self.browser = browser
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find in article"))
        self.field.textChanged.connect(lambda: self.find(restart=True))
        self.field.returnPressed.connect(self.find)
        self.status = QLabel(self)
        before = QToolButton(self, text="↑", toolTip=self.tr("Previous match"))
        after = QToolButton(self, text="↓", toolTip=self.tr("Next match"))
        close = QToolButton(self, text="✕", toolTip=self.tr("Close"))
        before.clicked.connect(lambda: self.find(backward=True))
        after.clicked.connect(self.find)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.field, self.status, before, after, close):
            layout.addWidget(widget)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.hide)
        QShortcut(QKeySequence("Shift+Return"), self.field, lambda: self.find(backward=True))

    def open(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def find(self, backward: bool = False, restart: bool = False) -> bool:
        text = self.field.text()
        if restart:
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = bool(text) and self.browser.find(text, flags)
        if text and not found:  # wrap around once
            cursor = self.browser.textCursor()
            cursor.movePosition(
                cursor.MoveOperation.End if backward else cursor.MoveOperation.Start
            )
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, flags)
        self.status.setText("" if found or not text else self.tr("Not found"))
        return found


class Panel(QWidget):
    """A headed list whose items open their article when clicked."""

    link_activated = Signal(str)

    def __init__(self, title: str, icons: bool, parent=None):
        super().__init__(parent)
        self.heading = QLabel(f"<b>{title}</b>", self)
        self.items = QListWidget(self)
        self.items.setWordWrap(True)
        if icons:
            self.items.setIconSize(THUMBNAIL)
        self.items.itemActivated.connect(self._activate)
        self.items.itemClicked.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.items)

    def _activate(self, item: QListWidgetItem) -> None:
        self.link_activated.emit(item.data(URL_ROLE))

    def add(self, text: str, url: str, icon: QIcon | None = None) -> None:
        item = QListWidgetItem(text)
        item.setData(URL_ROLE, url)
        item.setToolTip(url)
        if icon is not None:
            item.setIcon(icon)
        self.items.addItem(item)


class ReaderPane(QSplitter):
    """Article on the left, 精彩推荐 and 新闻排行 on the right."""

    link_activated = Signal(str)

    def __init__(self, store: Store, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.store = store
        self.article: ArticlePage | None = None
        column = QWidget(self)
        self.browser = ArticleBrowser(store, column)
        self.find_bar = FindBar(self.browser, column)
        self.find_bar.hide()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        layout.addWidget(self.find_bar)
        side = QWidget(self)
        self.recommendations = Panel("精彩推荐", icons=True, parent=side)
        self.ranking = Panel("新闻排行", icons=False, parent=side)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 0, 0, 0)
        side_layout.addWidget(self.recommendations, 3)
        side_layout.addWidget(self.ranking, 2)
        self.addWidget(column)
        self.addWidget(side)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 1)
        for source in (self.browser, self.recommendations, self.ranking):
            source.link_activated.connect(self.link_activated)

    def show_article(self, article: ArticlePage, movement: list[tuple[RankItem, int | None]]):
        self.article = article
        self.browser.setHtml(article_html(article, self._colours()))
        self.recommendations.items.clear()
        for item in article.recommendations:
            self.recommendations.add(item.title, item.url, self._thumbnail(item.image))
        self.ranking.items.clear()
        for rank, move in movement or [(item, 0) for item in article.ranking]:
            self.ranking.add(f"{rank.rank:>2}  {_movement(move)}  {rank.title}", rank.url)
        if self.find_bar.isVisible():
            self.find_bar.find(restart=True)

    def clear(self) -> None:
        self.article = None
        self.browser.clear()
        self.recommendations.items.clear()
        self.ranking.items.clear()

    def _thumbnail(self, url: str | None) -> QIcon | None:
        path = self.store.image_path(url) if url else None
        if path is None:
            return None
        pixmap = QPixmap(str(path))
        if pixmap.isNull():
            return None
        return QIcon(
            pixmap.scaled(
                THUMBNAIL,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def _colours(self) -> Colours:
        palette = self.palette()
        return Colours(
            text=palette.color(QPalette.ColorRole.Text).name(),
            muted=palette.color(QPalette.ColorRole.PlaceholderText).name(),
            link=palette.color(QPalette.ColorRole.Link).name(),
            background=palette.color(QPalette.ColorRole.Base).name(),
        )


def _movement(move: int | None) -> str:
    """↑2 for places gained, ↓1 for places lost, 新 for new, a dash for no change."""
    if move is None:
        return "新"
    if move > 0:
        return f"↑{move}"
    if move < 0:
        return f"↓{-move}"
    return "–"
