"""The right-hand side: the article (rendered from the cache) and its two panels.

The browser never fetches: pictures come from the store through loadResource,
scaled to the reading column (sharp on HiDPI screens); links are reported by signal
and the window decides what to do with them. The text sits in a centred column of
about forty Chinese characters at the chosen font and size. The 精彩推荐 panel shows
thumbnails and titles; the 新闻排行 panel shows rank, full title and the movement
since the snapshot before (↑ ↓ or 新).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, QUrl, Signal, qWarning
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QIcon,
    QImage,
    QImageReader,
    QPainter,
    QPalette,
    QPixmap,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStyle,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..model import ArticlePage, RankItem, movement_mark
from ..render import POSTER_FRAGMENT, Colours, Note, article_chunks, style_sheet
from ..store import Store
from .find_bar import FindBar
from .phrases import ranking_phrase

URL_ROLE = Qt.ItemDataRole.UserRole + 1
THUMBNAIL = QSize(96, 60)
PANEL_LINE_CHARACTERS = 8  # beside a thumbnail, at least
SIDE_MARGIN = 4  # between the article and the panels' column
# A line of about forty Chinese characters reads best; the column is centred when wider.
COLUMN_CHARACTERS = 40
MIN_MARGIN = 16
# A picture is decoded at the size shown, never larger: a 20 000-pixel-tall picture
# costs what its column-wide copy does, and at most this many pixels (sharpness gives).
MAX_PICTURE_PIXELS = 24_000_000
MAX_MATCHES = 500  # marks beyond them cost layout time and help nobody
MORE_EVERY_MS = 16  # the rest of a long article: a piece a frame, after the first screen
MISSING_PICTURE = "图片未下载"
FONT_FAMILIES = {
    "serif": (
        ["Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "serif"],
        QFont.StyleHint.Serif,
    ),
    "sans": (
        ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "sans-serif"],
        QFont.StyleHint.SansSerif,
    ),
}


def decode_picture(path: str, column: int, ratio: float, *, upscale: bool = True) -> QImage | None:
    """The picture at ``path`` decoded for a column ``column`` pixels wide at ``ratio``
    device pixels a pixel (never wider than it is, at most MAX_PICTURE_PIXELS); without
    ``upscale``, never more pixels than the file has. None if it cannot be read."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid() or size.isEmpty():
        return None
    width = min(size.width(), column)
    height = size.height() * width / size.width()
    if not upscale:
        ratio = min(ratio, size.width() / width)
    ratio = max(min(ratio, math.sqrt(MAX_PICTURE_PIXELS / max(width * height, 1))), 0.05)
    reader.setScaledSize(QSize(max(round(width * ratio), 1), max(round(height * ratio), 1)))
    image = reader.read()
    if image.isNull():
        return None
    image.setDevicePixelRatio(ratio)
    return image


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
        # What is shown: the style sheet and the pieces (see render.article_chunks), the
        # first laid out at once, each next one a frame later (``_pending``).
        self.shown: tuple[str, list[str]] = ("", [])
        self._pending: list[str] = []
        self._more_timer = QTimer(self, singleShot=True, interval=MORE_EVERY_MS)
        self._more_timer.timeout.connect(self._lay_out_more)
        self.column = 0  # the reading column's width the pictures were scaled for
        # The viewport's width as its resize events tell it: the first QWidget a Python
        # call gets back (viewport()) makes PySide set up the 66 QWidget classes it has
        # to find its type, 20 ms that would fall on the first article's way.
        self._viewport_width: int | None = None
        self._spoken_at = 0  # where in the text 听新闻 reads now
        self._spoken: list[QTextEdit.ExtraSelection] = []  # the sentence being read
        self._matches: list[QTextEdit.ExtraSelection] = []  # the search's or follow's
        # What to mark in every article shown from now on: set before it is shown.
        self.marking: re.Pattern | None = None
        self._relayout_timer = QTimer(self, singleShot=True, interval=150)
        self._relayout_timer.timeout.connect(self._relayout)

    def show_html(self, html: str) -> None:
        """A whole document, its style sheet inside it."""
        self.show_chunks("", [html])

    def show_chunks(self, style: str, chunks: list[str]) -> None:
        """The first piece laid out now, each next one a frame later: a long article's
        first screen is there in a few milliseconds."""
        self._spoken_at = 0
        self._spoken = []
        self.shown = (style, list(chunks))
        self.column = self.column_width()
        self.document().setDefaultStyleSheet(style)
        self.setHtml(chunks[0] if chunks else "")
        self._pending = list(chunks[1:])
        self._fit_column()
        self._mark_matches()  # also when laid out again (a wider column)
        if self._pending:
            self._more_timer.start()
        else:
            self._more_timer.stop()

    def _lay_out_more(self) -> None:
        """The next piece, appended where the text ends; the reader stays where it reads."""
        if not self._pending:
            return
        piece = QTextDocument()
        piece.setDefaultStyleSheet(self.document().defaultStyleSheet())
        piece.setHtml(self._pending.pop(0))
        bar = self.verticalScrollBar()
        position = bar.value()
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        # A new block with the piece's first block's format, which the inserted text
        # joins (inserted at the end of the last block, it would run on in it).
        cursor.insertBlock(piece.begin().blockFormat(), piece.begin().charFormat())
        cursor.insertFragment(QTextDocumentFragment(piece))
        bar.setValue(position)
        if self._pending:
            self._more_timer.start()
        else:
            self._mark_matches()  # over the whole text, now that it is all there

    def laid_out_whole(self) -> bool:
        """Whether every piece of what is shown is laid out (a test, a screen reader)."""
        return not self._pending

    def clear(self) -> None:
        self.shown = ("", [])
        self._pending = []
        self._more_timer.stop()
        super().clear()

    def mark_spoken(self, sentence: str) -> None:
        """The sentence 听新闻 is reading: highlighted, and scrolled into view."""
        document = self.document()
        found = document.find(sentence, self._spoken_at)
        if found.isNull():
            found = document.find(sentence)  # said again after a pause, or earlier
        if found.isNull():
            return
        self._spoken_at = found.selectionStart()
        marked = QTextEdit.ExtraSelection()
        marked.cursor = found
        marked.format.setBackground(self.palette().color(QPalette.ColorRole.Highlight))
        marked.format.setForeground(self.palette().color(QPalette.ColorRole.HighlightedText))
        self._spoken = [marked]
        self.setExtraSelections(self._matches + self._spoken)
        where = self.cursorRect(found)
        if not self.viewport().rect().contains(where):
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + where.top() - self.viewport().height() // 3)

    def clear_spoken(self) -> None:
        self._spoken_at = 0
        self._spoken = []
        self.setExtraSelections(self._matches)

    def _mark_matches(self) -> None:
        """What ``marking`` matches (the search's or the follow's), marked in the article
        (the first MAX_MATCHES): underlined on a tint of the highlight colour, so the text
        keeps its own colour and the spoken sentence still stands out."""
        pattern, self._matches = self.marking, []
        text = self.document().toPlainText() if pattern is not None else ""
        tint = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        tint.setAlpha(80)
        wide = len(text.encode("utf-16-le")) != 2 * len(text)  # Qt counts UTF-16 units

        def position(index: int) -> int:
            return len(text[:index].encode("utf-16-le")) // 2 if wide else index

        found = pattern.finditer(text) if pattern is not None else ()
        for match in itertools.islice(found, MAX_MATCHES):
            if match.start() == match.end():
                continue
            cursor = QTextCursor(self.document())
            cursor.setPosition(position(match.start()))
            cursor.setPosition(position(match.end()), QTextCursor.MoveMode.KeepAnchor)
            marked = QTextEdit.ExtraSelection()
            marked.cursor = cursor
            marked.format.setBackground(tint)
            marked.format.setFontUnderline(True)
            self._matches.append(marked)
        self.setExtraSelections(self._matches + self._spoken)

    def matches_marked(self) -> list[str]:
        """The texts marked as matches, in order (what a test or a screen reader checks)."""
        return [selection.cursor.selectedText() for selection in self._matches]

    def column_width(self) -> int:
        """About forty characters of the current font, or all there is in a narrow window
        — with room kept for the scroll bar, so that a long article's scroll bar showing
        up does not narrow the column and re-wrap the whole text a moment later."""
        wanted = QFontMetricsF(self.font()).horizontalAdvance("中") * COLUMN_CHARACTERS
        room = self.viewport_width()
        style = self.style()
        if not self.verticalScrollBar().isVisible() and not style.styleHint(
            QStyle.StyleHint.SH_ScrollBar_Transient, None, self
        ):
            room -= style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return max(min(int(wanted), room - 2 * MIN_MARGIN), 160)

    def _fit_column(self) -> None:
        margin = max(MIN_MARGIN, (self.viewport_width() - self.column) // 2)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if frame.leftMargin() != margin:
            frame.setLeftMargin(margin)
            frame.setRightMargin(margin)
            root.setFrameFormat(frame)

    def _relayout(self) -> None:
        """After a resize or zoom: a new column width re-scales the pictures, else re-centre."""
        if not self.isVisible():
            return  # shown again, it is laid out again; a closed window's store is gone
        if self.shown[1] and self.column_width() != self.column:
            bar = self.verticalScrollBar()
            position = bar.value() / max(bar.maximum(), 1)
            self.show_chunks(*self.shown)
            bar.setValue(round(position * bar.maximum()))
        else:
            self._fit_column()

    def viewport_width(self) -> int:
        if self._viewport_width is None:  # not resized yet: not shown
            return self.viewport().width()
        return self._viewport_width

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._viewport_width = event.size().width()  # the viewport's (QAbstractScrollArea)
        self._fit_column()
        self._relayout_timer.start()

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 (Qt's name)
        if kind != QTextDocument.ResourceType.ImageResource.value:
            return None  # nothing else is loaded: no stylesheets, no pages
        try:
            address, _, fragment = url.toString().partition("#")
            path = self.store.image_path(address)
            image = self._picture(str(path)) if path else self._placeholder(MISSING_PICTURE)
            if fragment == POSTER_FRAGMENT:
                _paint_play_sign(image)
            return image
        except Exception as error:  # raised through Qt, it would end the process
            qWarning(f"gansureader: picture {url.toString()} not shown: {error!r}")
            return QImage()

    def _picture(self, path: str) -> QImage:
        image = decode_picture(path, self.column, self.devicePixelRatioF())
        return image or self._placeholder(self.tr("Picture cannot be shown"))

    def _placeholder(self, text: str) -> QImage:
        """A box where a picture belongs, saying why it is not there."""
        ratio = self.devicePixelRatioF()
        width = min(self.column, 480)
        image = QImage(round(width * ratio), round(width * 0.5 * ratio), QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(ratio)
        palette = self.palette()
        image.fill(palette.color(QPalette.ColorRole.AlternateBase))
        painter = QPainter(image)
        painter.setPen(QColor(palette.color(QPalette.ColorRole.PlaceholderText)))
        box = QRectF(0, 0, width, width * 0.5)
        painter.drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        return image

    def set_typography(self, family: str, point_size: int, zoom: int) -> None:
        """The reading font (``serif`` or ``sans``), its size, and the zoom steps on top."""
        families, hint = FONT_FAMILIES.get(family, FONT_FAMILIES["serif"])
        font = QFont(self.font())
        font.setFamilies(families)
        font.setStyleHint(hint)
        font.setPointSize(point_size)
        self.setFont(font)
        self.zoom = 0
        self.zoom_by(zoom)

    def zoom_by(self, steps: int) -> None:
        if steps > 0:
            self.zoomIn(steps)
        elif steps < 0:
            self.zoomOut(-steps)
        self.zoom += steps
        if steps:
            self._relayout()

    def reset_zoom(self) -> None:
        self.zoom_by(-self.zoom)


def _paint_play_sign(image: QImage) -> None:
    """▶ in a dark disc at the centre of a video's poster."""
    ratio = image.devicePixelRatio()
    width, height = image.width() / ratio, image.height() / ratio
    radius = max(min(width, height) * 0.12, 12)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 140))
    centre_x, centre_y = width / 2, height / 2
    painter.drawEllipse(QRectF(centre_x - radius, centre_y - radius, 2 * radius, 2 * radius))
    painter.setBrush(QColor(255, 255, 255, 230))
    side = radius * 0.9
    painter.drawPolygon(
        [
            QPointF(centre_x - side * 0.4, centre_y - side * 0.55),
            QPointF(centre_x - side * 0.4, centre_y + side * 0.55),
            QPointF(centre_x + side * 0.6, centre_y),
        ]
    )
    painter.end()


class Panel(QWidget):
    """A headed list whose items open their article when clicked."""

    link_activated = Signal(str)

    def __init__(self, title: str, icons: bool, parent=None):
        super().__init__(parent)
        self.heading = QLabel(f"<b>{title}</b>", self)
        self.items = QListWidget(self)
        self.items.setAccessibleName(title)  # the site's own name of the panel
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

    def add(
        self, text: str, url: str, icon: QIcon | None = None, spoken: str | None = None
    ) -> None:
        """``spoken``: what a screen reader says of the item, if not its text."""
        item = QListWidgetItem(text)
        item.setData(URL_ROLE, url)
        if spoken is not None:
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
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
        self._laid_out = False  # the first resize gives roomy panels their room
        self.roomy_panels = False
        # The article shown, its body only as far as it is laid out (see show_article).
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
        self.recommendations.items.setAccessibleDescription(
            self.tr("Articles the page recommends; Enter opens one")
        )
        self.ranking = Panel("新闻排行", icons=False, parent=side)
        self.ranking.items.setAccessibleDescription(
            self.tr("The site's most read articles, with their movement; Enter opens one")
        )
        self.browser.setAccessibleName(self.tr("Article"))
        self.browser.setAccessibleDescription(
            self.tr("Tab moves between its links, Enter follows one")
        )
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(SIDE_MARGIN, 0, 0, 0)
        side_layout.addWidget(self.recommendations, 3)
        side_layout.addWidget(self.ranking, 2)
        self.addWidget(column)
        self.addWidget(side)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 1)
        for source in (self.browser, self.recommendations, self.ranking):
            source.link_activated.connect(self.link_activated)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if not self._laid_out and event.size().width() > 0:  # at start, before any paint
            self._laid_out = True
            if self.roomy_panels:
                self.keep_room_for_panels()

    def set_roomy_panels(self, roomy: bool) -> None:
        """关怀模式's larger text wrapped the panels' titles two or three characters a
        line: roomy, their column keeps room for more, now and at the first layout."""
        self.roomy_panels = roomy
        if roomy and self._laid_out:
            self.keep_room_for_panels()

    def keep_room_for_panels(self) -> None:
        """The panels' column at least a thumbnail and eight characters of the window's
        text wide, taken from the article's. A wider column (the reader's choice) stays."""
        style = self.style()
        chrome = (
            SIDE_MARGIN
            + 2 * style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, self)
            + style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        )
        # The application's font, which care mode has just set (a widget's follows later).
        text = QApplication.font()
        line = QFontMetricsF(text).horizontalAdvance("中") * PANEL_LINE_CHARACTERS
        need = THUMBNAIL.width() + round(line) + chrome
        article, panels = self.sizes()
        if panels < need and article + panels > need:
            self.setSizes([article + panels - need, need])

    def show_article(
        self,
        article: ArticlePage,
        movement: list[tuple[RankItem, int | None]],
        notes: Sequence[Note] = (),
    ):
        """``notes``: lines under the meta line (its 新闻排行 record, that it changed)."""
        self.article = article
        colours = self.colours()
        self.browser.show_chunks(style_sheet(colours), article_chunks(article, colours, notes))
        self.recommendations.items.clear()
        for item in article.recommendations:
            self.recommendations.add(item.title, item.url, self._thumbnail(item.image))
        self.ranking.items.clear()
        for rank, move in movement or [(item, 0) for item in article.ranking]:
            self.ranking.add(
                f"{rank.rank:>2}  {movement_mark(move)}  {rank.title}",
                rank.url,
                spoken=ranking_phrase(rank.rank, move, rank.title),
            )
        if self.find_bar.isVisible():
            self.find_bar.find(restart=True)

    def show_page(self, html: str) -> None:
        """Another view of the article shown (its changes, an earlier version): the
        panels stay, as they belong to the article."""
        self.browser.show_html(html)
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

    def colours(self) -> Colours:
        """The article's colours from the window's palette (dark mode, 关怀模式)."""
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        return Colours(
            text=palette.color(QPalette.ColorRole.Text).name(),
            muted=palette.color(QPalette.ColorRole.PlaceholderText).name(),
            link=palette.color(QPalette.ColorRole.Link).name(),
            background=base.name(),
            rule=palette.color(QPalette.ColorRole.Mid).name(),
            added=_tint(base, QColor(46, 160, 67)),
            removed=_tint(base, QColor(209, 36, 47)),
        )


def _tint(base: QColor, colour: QColor, share: float = 0.28) -> str:
    """``colour`` laid thinly over ``base``: readable under the palette's own text."""
    mixed = [
        round(b * (1 - share) + c * share)
        for b, c in zip(base.getRgb()[:3], colour.getRgb()[:3], strict=True)
    ]
    return QColor(*mixed).name()
