"""The 排行 view: each source's current 新闻排行 with movement (↑ ↓ 新), and beside each
article a sparkline of its rank over the last seven days, drawn with QPainter.

It asks the window for nothing but what to show; a click reports the article's URL.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from ..model import movement_mark
from .phrases import ranking_phrase, week_phrase

HISTORY_DAYS = 7
URL_ROLE = Qt.ItemDataRole.UserRole + 1
POINTS_ROLE = Qt.ItemDataRole.UserRole + 2  # [(0..1 across the week, rank)]
ACCESSIBLE_DESCRIPTION = Qt.ItemDataRole.AccessibleDescriptionRole  # the sparkline in words
SPARKLINE = QSize(72, 18)
ROW_HEIGHT = 26


def week_points(
    history: list[tuple[str, int, str, str]], source: str, now: datetime
) -> list[tuple[float, int]]:
    """The article's rank in ``source``'s ranking over the last week, as (x 0..1, rank)."""
    start = now - timedelta(days=HISTORY_DAYS)
    span = (now - start).total_seconds()
    points = []
    for seen_source, rank, first, last in history:
        if seen_source != source:
            continue
        for stamp in (first, last):
            moment = datetime.fromisoformat(stamp)
            if moment >= start:
                points.append(((moment - start).total_seconds() / span, rank))
    return sorted(points)


class RankingList(QListWidget):
    """Each source's ranking under a heading; a click on an article reports its URL."""

    article_chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setItemDelegate(_SparklineDelegate(self))
        self.setUniformItemSizes(True)
        self.itemClicked.connect(self._chosen)
        self.itemActivated.connect(self._chosen)
        self.setAccessibleName("新闻排行")
        self.setAccessibleDescription(
            self.tr("Each source's ranking, with each article's rank over the week")
        )

    @staticmethod
    def read(store) -> tuple[list, dict]:
        """What the view shows (off the window's thread): each source's latest ranking,
        and every article's history."""
        rankings = store.rankings()
        urls = sorted({item.url for _, _, items in rankings for item, _ in items})
        return rankings, store.rank_histories(urls)

    def show_rankings(self, rankings: list, histories: dict[str, list]) -> None:
        """``rankings``: (source, seen, [(RankItem, movement)]); ``histories``: url → history."""
        self.clear()
        now = datetime.now(timezone.utc)
        for source, seen, items in rankings:
            heading = QListWidgetItem(f"新闻排行 · {source}")
            font = QFont(self.font())
            font.setBold(True)
            heading.setFont(font)
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            heading.setToolTip(self.tr("Seen %1").replace("%1", seen))
            self.addItem(heading)
            for item, move in items:
                row = QListWidgetItem(f"{item.rank:>2}  {movement_mark(move)}  {item.title}")
                row.setData(URL_ROLE, item.url)
                points = week_points(histories.get(item.url, []), source, now)
                row.setData(POINTS_ROLE, points)
                spoken = ranking_phrase(item.rank, move, item.title)
                row.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
                row.setData(ACCESSIBLE_DESCRIPTION, week_phrase(points, item.rank))
                row.setToolTip(item.title)
                self.addItem(row)

    def _chosen(self, item: QListWidgetItem) -> None:
        url = item.data(URL_ROLE)
        if url:
            self.article_chosen.emit(url)


class _SparklineDelegate(QStyledItemDelegate):
    """The row's text, and at its right end the rank over the week: up is better."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt's name)
        height = max(ROW_HEIGHT, int(option.fontMetrics.height() * 1.6))  # 关怀模式: taller
        return QSize(super().sizeHint(option, index).width(), height)

    def paint(self, painter: QPainter, option, index) -> None:
        points = index.data(POINTS_ROLE)
        if not points:
            super().paint(painter, option, index)
            return
        text = QStyleOptionViewItem(option)
        self.initStyleOption(text, index)
        text.rect = option.rect.adjusted(0, 0, -SPARKLINE.width() - 8, 0)
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text, painter, widget)
        area = QRect(
            option.rect.right() - SPARKLINE.width() - 4,
            option.rect.center().y() - SPARKLINE.height() // 2,
            SPARKLINE.width(),
            SPARKLINE.height(),
        )
        _draw_sparkline(painter, area, points, option.palette)


def _draw_sparkline(painter: QPainter, area: QRect, points: list, palette: QPalette) -> None:
    worst = max(max(rank for _, rank in points), 2)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
    painter.drawLine(area.bottomLeft(), area.bottomRight())
    pen = QPen(palette.color(QPalette.ColorRole.Highlight), 1.5)
    painter.setPen(pen)
    height = area.height() / (worst - 1)
    line = [
        QPointF(area.left() + x * area.width(), area.top() + (rank - 1) * height)
        for x, rank in points
    ]
    if len(line) > 1:
        painter.drawPolyline(line)
    painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
    painter.drawEllipse(line[-1], 2, 2)
    painter.restore()
